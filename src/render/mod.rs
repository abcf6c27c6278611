//! Turning answers into what users see: embed data (for Discord and for `--json`) and terminal
//! text. Discord's limits are enforced here, once, whatever the input.

mod embed;
mod sanitize;
mod terminal;

pub use crate::wording;
pub use embed::{embed, embed_in, Embed, EmbedField};
pub use sanitize::{defuse_mentions, quote_user_text};
pub use terminal::{terminal, wrap, Style};
