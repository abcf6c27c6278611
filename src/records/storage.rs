//! The one interface between the records and a database. SQLite implements it
//! ([`super::SqliteStorage`]); a server database for several bot processes can implement it
//! later without touching the recorder or the queries, which only see this trait.

use super::member::MemberHash;
use super::model::{Event, RecordId, Resolution, StoredQuestion, UnixMillis};
use std::fmt;

/// A place where records are kept. Calls block: the recorder runs them off the async runtime,
/// one at a time, and the queries are plain functions over `&mut dyn Storage`.
///
/// An implementation reconnects by itself: after an error the next call tries again from
/// scratch (for SQLite: reopen the file, recreating it when it was deleted).
pub trait Storage: Send {
    /// Stores `events` in order, all or nothing (one transaction). A vote, "not this" or opened
    /// suggestion for a question that is not stored is skipped, not an error; a question whose
    /// id is already stored is skipped too. An empty slice only checks that storage is usable.
    fn write(&mut self, events: &[Event]) -> Result<(), StorageError>;

    /// Every question asked at or after `since`, oldest first, with its votes and clicks.
    fn questions_since(&mut self, since: UnixMillis) -> Result<Vec<StoredQuestion>, StorageError>;

    /// Marks the questions `ids` resolved by `how`; returns how many it marked.
    fn resolve(
        &mut self,
        ids: &[RecordId],
        how: Resolution,
        at: UnixMillis,
    ) -> Result<u64, StorageError>;

    /// Deletes every question and vote of `member` (and other members' votes on those
    /// questions); returns how many of the member's questions and votes it deleted. Deleted text
    /// must not stay readable in the storage's files.
    fn forget_member(&mut self, member: &MemberHash) -> Result<u64, StorageError>;

    /// Deletes questions asked before `before` (and their votes); returns how many questions.
    fn prune(&mut self, before: UnixMillis) -> Result<u64, StorageError>;

    /// Lets go of the connection and files while there is nothing to do (the recorder calls it
    /// after [`super::Options::idle_close`] without work); the next call reconnects.
    fn close(&mut self) {}
}

/// What kind of trouble storage is in, for the one log line and for [`super::Health`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    /// The database (or its folder) does not exist or cannot be opened.
    Missing,
    /// The file or its file system is read-only.
    ReadOnly,
    /// Another process holds a lock.
    Locked,
    /// The file is not a database or is damaged.
    Corrupt,
    /// The disk is full.
    Full,
    /// The schema is not one this build knows.
    Schema,
    /// Anything else (I/O errors and the like).
    Other,
}

impl fmt::Display for Fault {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            Fault::Missing => "the database cannot be opened",
            Fault::ReadOnly => "the database is read-only",
            Fault::Locked => "the database is locked by another process",
            Fault::Corrupt => "the database file is damaged or not a database",
            Fault::Full => "the disk is full",
            Fault::Schema => "the database schema is not one this build knows",
            Fault::Other => "the database failed",
        })
    }
}

/// Why a storage call failed.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{fault}: {detail}")]
pub struct StorageError {
    /// The kind of trouble.
    pub fault: Fault,
    /// The underlying error, with the path when it is known.
    pub detail: String,
}

impl StorageError {
    /// An error of kind `fault`.
    pub fn new(fault: Fault, detail: impl Into<String>) -> Self {
        Self {
            fault,
            detail: detail.into(),
        }
    }
}
