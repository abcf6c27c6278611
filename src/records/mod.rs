//! The learning loop's storage half: every question the bot decides is recorded with what it
//! decided, members vote on answers, and the misses come back to moderators as an inbox of
//! near-duplicate groups, with statistics and a chart. No Discord here.
//!
//! # Layout
//!
//! - `model.rs`: what is recorded ([`Question`], [`Source`], [`Outcome`], [`Feedback`],
//!   [`Event`]) and read back ([`StoredQuestion`]).
//! - `member.rs`: members only as a keyed BLAKE3 hash ([`MemberKey`], [`MemberHash`]).
//! - `storage.rs`: the one interface to a database, [`Storage`], and its errors.
//! - `sqlite.rs`, `schema.rs`: [`SqliteStorage`] (bundled SQLite, WAL) and its migrations.
//! - `recorder.rs`, `writer.rs`, `ids.rs`: the [`Recorder`] handle and its writer task;
//!   `status.rs`: what the writer works by and reports ([`Options`], [`Health`], [`ShutdownReport`]).
//! - `similarity.rs`: near-duplicate questions. `days.rs`: UTC calendar days.
//! - `inbox.rs`, `stats.rs`: the queries, pure functions over `&mut dyn Storage`.
//! - `chart.rs`: the daily PNG chart (embedded font). `export.rs`: JSON lines and CSV.
//! - `files.rs`: [`DataFiles`], where the database and key are; `data_folder.rs`: their private
//!   folder. `cli.rs`: the offline commands.
//!
//! # Using it from the bot (the Discord integration)
//!
//! **Start** once, inside the runtime, before connecting; keep the handle in the bot state:
//!
//! ```no_run
//! # async fn start(config: gfmd_bot::config::Config, config_path: Option<std::path::PathBuf>) {
//! use gfmd_bot::records::{DataFiles, Recorder};
//! let files = DataFiles::from_config(&config, config_path.as_deref());
//! let recorder = files.start_recorder().unwrap_or_else(|error| {
//!     tracing::error!(%error, "recording is off: the member key cannot be created");
//!     Recorder::disabled()
//! });
//! # }
//! ```
//!
//! Database trouble never fails this call: the writer logs it once and retries.
//!
//! **On each question** (after deciding, before replying), build a [`Question`] and record it;
//! the returned [`RecordId`] goes into the custom ids of the reply's buttons, so that clicks
//! can name the question later:
//!
//! ```no_run
//! # fn on_question(recorder: &gfmd_bot::records::Recorder, knowledge: &gfmd_bot::knowledge::Knowledge, user_id: u64, guild: Option<u64>, channel: u64, text: &str) {
//! use gfmd_bot::locale::Lang;
//! use gfmd_bot::records::{Kind, Question, Source};
//! let started = std::time::Instant::now();
//! let lang = gfmd_bot::detect::language_of(knowledge, text).unwrap_or(Lang::En);
//! let verdict = knowledge.decide_in(lang, text);
//! let source = Source::discord(Kind::Message, guild, Some(channel));
//! let member = Some(recorder.member(user_id)); // keyed hash; the raw id is never stored
//! let question = Question::decided(source, member, text, lang, &verdict, started.elapsed());
//! let id = recorder.question(question); // never waits
//! let custom_id = format!("gfmd:h:{id}"); // the bot writes it in base 36: discord/custom_id.rs
//! # }
//! ```
//!
//! `Question::direct` covers answers given without the matcher (`/gfmd <subcommand>`, a topic
//! picked by name). [`Source::discord`] drops the channel of a DM.
//!
//! **On clicks**: `recorder.vote(id, recorder.member(user), Feedback::Helpful)` or
//! `Feedback::NotHelpful(None)`, then `Feedback::NotHelpful(Some(reason))` once the member picks
//! a [`Reason`] (one vote per member per question; the latest counts);
//! `recorder.not_this(id)` for "Not this" on suggestions; `recorder.suggestion_opened(id,
//! answer_id)` when a "did you mean" suggestion is opened. All return at once.
//!
//! **`/gfmd forget-me`**: `recorder.forget_member(recorder.member(user)).await` deletes the
//! member's queued events and stored rows and returns the count (defer the interaction first:
//! it waits for the writer).
//!
//! **`/gfmd-admin inbox` and `stats`** read through a connection of their own, off the runtime:
//! `tokio::task::spawn_blocking(move || { let mut storage = files.open()?;
//! records::inbox::inbox(&mut storage, days, now_millis(), page, inbox::PAGE_SIZE) })`, likewise
//! [`stats::stats`] and [`chart::daily_png`] for the attachment, and
//! [`inbox::resolve_group`]`(&mut storage, key, Resolution::PhrasingAdded, now)` after
//! "Add as phrasing" (or `AnswerAdded`, `Dismissed`). Group keys (`g<id>`, at most 20
//! characters) fit in a custom id. [`Recorder::health`] says whether recording is failing.
//!
//! **Shutdown**: after the gateway closes on SIGINT/SIGTERM, `recorder.shutdown().await`
//! writes what is queued (one immediate attempt) and stops the writer; the report says what,
//! if anything, was lost.

pub mod chart;
pub mod cli;
mod data_folder;
mod days;
pub mod export;
mod files;
mod ids;
pub mod inbox;
mod member;
mod model;
mod recorder;
mod schema;
pub mod similarity;
mod sqlite;
pub mod stats;
mod status;
mod storage;
mod writer;

pub use days::{date, day_of, Window, DAY_MILLIS};
pub use files::{DataFiles, KEY_FILE};
pub use ids::millis_of;
pub use member::{MemberHash, MemberKey, KEY_BYTES};
pub use model::{
    now_millis, Candidate, Event, Feedback, Kind, Outcome, Question, Reason, RecordId, Resolution,
    Source, StoredQuestion, UnixMillis,
};
pub use recorder::{Recorder, CHANNEL_CAPACITY};
pub use schema::LATEST_VERSION;
pub use sqlite::{SqliteStorage, DEFAULT_BUSY_TIMEOUT};
pub use status::{FlushError, Health, Options, ShutdownReport};
pub use storage::{Fault, Storage, StorageError};
