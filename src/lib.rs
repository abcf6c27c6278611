//! # gfmd-bot
//!
//! A Discord bot that answers questions about the Global Forum on Migration and Development
//! (GFMD) from a curated, moderator-owned answer set.
//!
//! # Layout
//!
//! - [`answers`]: the curated set — the model, loading `responses/*.toml` (English, with each
//!   answer's `[fr]` and `[es]` translations), and validation against the schema and Discord's
//!   limits (errors name file and line).
//! - [`locale`]: the languages the bot answers in (`Lang`: English, French, Spanish) and how
//!   Discord's locale codes and `--locale` name them.
//! - [`matcher`]: per-language analysis (English, French, Spanish: stemming, stop words,
//!   text-speak), an inverted index with BM25-style scoring, typo tolerance, the fitted
//!   confidence that chooses answer / suggest / abstain, suggestions and autocomplete. No
//!   Discord, no I/O.
//! - [`knowledge`]: an answer set with its matchers, one per language (a French question is
//!   matched against the answers' French text), the unit every front end queries.
//! - [`detect`]: which language a free-form message is in, scored against the three matchers'
//!   vocabularies; `None` when the text does not say (the caller falls back).
//! - [`evaluation`]: grading the bot on labelled questions (the dev set and the blind sets).
//! - [`render`]: answer -> embed data (Discord, `--json`) in a language, and terminal text;
//!   limits enforced once here; defusing mentions in user text.
//! - [`wording`]: every sentence and label around the answers, per language: "not sure", "did
//!   you mean", buttons, the footer's label, `/gfmd`'s own subcommands as clients show them.
//! - [`config`]: `config.toml`, strict, with environment overrides.
//! - [`file_error`]: [`file_error::FileError`], the one "cannot read/write/rename this path"
//!   error that answers, config and the store share.
//! - [`console`]: the offline terminal chat and `ask`.
//! - [`discord`]: the only module that imports serenity — client set-up, command
//!   registration, slash commands, components, free-form messages, flood control; and the
//!   learning loop's Discord side: every question recorded, Helpful / Not helpful votes,
//!   `/gfmd forget-me`, the moderators' inbox and statistics, the weekly digest.
//! - [`logging`]: tracing set-up (pretty or JSON) and the panic hook.
//! - [`keeper`]: the one owner of the answers in force and of the folder they come from — reloads
//!   (a broken edit keeps the old set), moderators' saves through the store, the debounced file
//!   watcher — all taking turns; a `responses_dir` change moves store and watcher together.
//! - [`records`]: the learning loop's storage — every question recorded (members only as a
//!   keyed hash) through a never-waiting recorder and one writer task into SQLite, feedback
//!   votes, the moderators' inbox of grouped misses, statistics with a PNG chart, and the
//!   offline `stats`, `inbox` and `export` commands.
//! - [`store`]: moderators' writes — validate the set as it would be, then write
//!   `responses/<id>.toml` atomically or move it to `responses/.trash/`.
//!
//! Arrows point inward: front ends -> render/detect -> knowledge -> matcher/answers.

pub mod answers;
pub mod config;
pub mod console;
pub mod detect;
pub mod devset;
pub mod discord;
pub mod evaluation;
pub mod file_error;
pub mod keeper;
pub mod knowledge;
pub mod locale;
pub mod logging;
pub mod matcher;
pub mod records;
pub mod render;
pub mod store;
pub mod wording;
