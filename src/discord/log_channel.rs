//! The moderation log channel (`[moderation] log_channel_id`): reload outcomes and every
//! moderator's change are posted there, pinging nobody.

use super::reply::no_pings;
use super::state::BotState;
use crate::answers::limits::{self, truncate};
use serenity::all::{ChannelId, CreateMessage, Http};
use tracing::warn;

/// Posts `text` to `[moderation] log_channel_id`, when set; logs a failure.
pub async fn post(state: &BotState, http: &Http, text: &str) {
    let Some(channel) = state.config.moderation.log_channel_id else {
        return;
    };
    let message = CreateMessage::new()
        .content(truncate(text, limits::MESSAGE_CONTENT_LENGTH))
        .allowed_mentions(no_pings());
    if let Err(error) = ChannelId::new(channel.0).send_message(http, message).await {
        warn!(%error, "could not post to the moderation log channel");
    }
}
