//! What the one writer task works by and reports: its [`Options`], its [`Health`], why a flush
//! failed, and what a shutdown managed. Shared by the [`super::Recorder`] handle and the writer.

use super::storage::Fault;
use serde::Serialize;
use std::time::Duration;

/// Tuning of the writer. [`Default`] is what the bot uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Unwritten events kept in memory while storage fails; beyond it the oldest are dropped,
    /// with one log line. 20 000 events of at most 1000 characters each: at most ~25 MB.
    pub max_pending: usize,
    /// Most events written in one transaction.
    pub batch: usize,
    /// First wait before retrying failed storage; doubles on each failure.
    pub retry_first: Duration,
    /// Longest wait between retries.
    pub retry_max: Duration,
    /// Questions older than this many days are deleted, at start and every 24 hours; 0 keeps
    /// them forever.
    pub retention_days: u32,
    /// Time without work after which the database is closed (see [`super::Storage::close`]).
    pub idle_close: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_pending: 20_000,
            batch: 500,
            retry_first: Duration::from_secs(1),
            retry_max: Duration::from_secs(60),
            retention_days: 90,
            idle_close: Duration::from_secs(30),
        }
    }
}

/// How recording is doing, published by the writer after every change (see
/// [`super::Recorder::health`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Health {
    /// Events stored since start.
    pub written: u64,
    /// Events waiting in memory.
    pub pending: usize,
    /// Events lost: beyond [`Options::max_pending`], a full channel, or after shutdown.
    pub dropped: u64,
    /// What is wrong while storage fails; `None` when it works.
    pub fault: Option<Fault>,
    /// How many times storage started failing.
    pub outages: u64,
    /// Failed attempts since storage last worked (0 while it works).
    pub failures: u32,
    /// The database is open (it is closed after [`Options::idle_close`] without work).
    pub connected: bool,
    /// The writer has stopped (after [`super::Recorder::shutdown`]).
    pub stopped: bool,
}

/// Why [`super::Recorder::flush`] could not write everything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FlushError {
    /// Storage failed; the events stay in memory and are retried.
    #[error("{count} record(s) not written yet: {fault}")]
    Unwritten {
        /// Events not written.
        count: usize,
        /// Why.
        fault: Fault,
    },
    /// The writer has stopped.
    #[error("the recorder has stopped")]
    Stopped,
}

/// What [`super::Recorder::shutdown`] managed to do.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ShutdownReport {
    /// Events stored since start.
    pub written: u64,
    /// Events that could not be stored before stopping: lost.
    pub unwritten: usize,
    /// Events dropped earlier (see [`Health::dropped`]).
    pub dropped: u64,
}
