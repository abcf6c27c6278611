//! The learning loop's storage half: every question the bot decides is recorded with what it
//! decided, and members' votes and clicks on the replies, through a recorder that never waits
//! for the database; the misses come back to moderators as an inbox of near-duplicate groups,
//! with statistics and a chart. No Discord here.
//!
//! # Layout
//!
//! - `model.rs`: what is recorded ([`Question`], [`Source`], [`Verdict`], [`Feedback`],
//!   [`Event`]) and read back ([`StoredQuestion`]).
//! - `member.rs`: members only as a keyed BLAKE3 hash ([`MemberKey`], [`MemberHash`]).
//! - `storage.rs`: the one interface to a database, [`Storage`], and its errors.
//! - `sqlite.rs`, `schema.rs`: [`SqliteStorage`] (bundled SQLite, WAL) and its migrations.
//! - `recorder.rs`, `writer.rs`, `ids.rs`: the [`Recorder`] handle and its writer task.
//! - `similarity.rs`: near-duplicate questions. `days.rs`: UTC calendar days.
//! - `inbox.rs`, `stats.rs`: the queries, pure functions over `&mut dyn Storage`.
//! - `chart.rs`: the daily PNG chart (embedded font).
//! - `files.rs`: [`DataFiles`], where the database and key are.

pub mod chart;
mod days;
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
mod storage;
mod writer;

pub use days::{date, day_of, Window, DAY_MILLIS};
pub use files::{DataFiles, KEY_FILE};
pub use ids::millis_of;
pub use member::{MemberHash, MemberKey, KEY_BYTES};
pub use model::{
    now_millis, Candidate, Event, Feedback, Kind, Question, Reason, RecordId, Resolution, Source,
    StoredQuestion, UnixMillis, Verdict,
};
pub use recorder::{FlushError, Health, Options, Recorder, ShutdownReport, CHANNEL_CAPACITY};
pub use schema::LATEST_VERSION;
pub use sqlite::{SqliteStorage, DEFAULT_BUSY_TIMEOUT};
pub use storage::{Fault, Storage, StorageError};
