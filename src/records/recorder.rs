//! The [`Recorder`]: the handle the bot records through. Recording never waits: each call
//! builds an event and `try_send`s it on a bounded channel to the one writer task
//! (`writer.rs`), which stores events in batches off the async runtime.

use super::ids::IdSource;
use super::member::{MemberHash, MemberKey};
use super::model::{now_millis, Event, Feedback, Question, RecordId};
use super::status::{FlushError, Health, Options, ShutdownReport};
use super::storage::{Fault, Storage, StorageError};
use super::writer::{Command, Writer};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, watch};
use tracing::instrument::WithSubscriber;
use tracing::{debug, warn};

/// Events the channel to the writer holds before [`Recorder::record`] starts dropping them.
/// The writer empties it continuously (also while a write is in progress), so it only fills
/// when the runtime is starved; the tokio channel allocates as it fills, not up front.
pub const CHANNEL_CAPACITY: usize = 8192;

/// Records questions, votes and clicks without ever waiting for the database. Cheap to clone
/// (one `Arc`); `Send + Sync`.
#[derive(Clone)]
pub struct Recorder {
    inner: Arc<Inner>,
}

struct Inner {
    sender: Option<mpsc::Sender<Command>>,
    key: MemberKey,
    ids: IdSource,
    rejected: Arc<AtomicU64>,
    health: watch::Receiver<Health>,
}

impl std::fmt::Debug for Recorder {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Recorder")
            .field("enabled", &self.inner.sender.is_some())
            .finish()
    }
}

impl Recorder {
    /// Starts the writer task on the current tokio runtime, storing into `storage`, and returns
    /// the handle. Must be called inside a tokio runtime.
    pub fn start(storage: impl Storage + 'static, key: MemberKey, options: Options) -> Self {
        let (sender, receiver) = mpsc::channel(CHANNEL_CAPACITY);
        let rejected = Arc::new(AtomicU64::new(0));
        let (health_sender, health) = watch::channel(Health::default());
        let writer = Writer::new(
            Box::new(storage),
            options,
            health_sender,
            Arc::clone(&rejected),
        );
        // The writer logs to the subscriber in force here, wherever the runtime runs it.
        tokio::spawn(writer.run(receiver).with_current_subscriber());
        Self {
            inner: Arc::new(Inner {
                sender: Some(sender),
                key,
                ids: IdSource::new(),
                rejected,
                health,
            }),
        }
    }

    /// A recorder that records nothing (recording could not be set up). Ids and hashes still
    /// work, so callers need no special case.
    pub fn disabled() -> Self {
        let (_, health) = watch::channel(Health {
            stopped: true,
            ..Health::default()
        });
        Self {
            inner: Arc::new(Inner {
                sender: None,
                key: MemberKey::from_bytes([0; super::member::KEY_BYTES]),
                ids: IdSource::new(),
                rejected: Arc::new(AtomicU64::new(0)),
                health,
            }),
        }
    }

    /// Whether this recorder stores anything.
    pub fn is_enabled(&self) -> bool {
        self.inner.sender.is_some()
    }

    /// The keyed hash of a Discord user id: the only form in which a member is recorded.
    pub fn member(&self, user_id: u64) -> MemberHash {
        self.inner.key.hash(user_id)
    }

    /// Records a question; returns its id (for the buttons of the reply). Never waits.
    pub fn question(&self, question: Question) -> RecordId {
        let id = self.inner.ids.next(now_millis());
        self.record(Event::Question { id, question });
        id
    }

    /// Records a member's vote on the answer to `question` (replacing their earlier vote).
    pub fn vote(&self, question: RecordId, member: MemberHash, feedback: Feedback) {
        self.record(Event::Vote {
            question,
            member,
            feedback,
            at: now_millis(),
        });
    }

    /// Records "not this" on the suggestions for `question`.
    pub fn not_this(&self, question: RecordId) {
        self.record(Event::NotThis {
            question,
            at: now_millis(),
        });
    }

    /// Records that the suggestion `answer_id` offered for `question` was opened.
    pub fn suggestion_opened(&self, question: RecordId, answer_id: &str) {
        self.record(Event::SuggestionOpened {
            question,
            answer_id: answer_id.to_owned(),
            at: now_millis(),
        });
    }

    /// Hands `event` to the writer without waiting. If the channel is full (the runtime is
    /// starved) or the writer has stopped, the event is dropped and counted in
    /// [`Health::dropped`]; the first drop is logged.
    pub fn record(&self, event: Event) {
        let Some(sender) = &self.inner.sender else {
            return;
        };
        if let Err(error) = sender.try_send(Command::Event(event)) {
            let before = self.inner.rejected.fetch_add(1, Ordering::Relaxed);
            match error {
                mpsc::error::TrySendError::Full(_) if before == 0 => warn!(
                    capacity = CHANNEL_CAPACITY,
                    "the records channel is full: dropping records (logged once)"
                ),
                mpsc::error::TrySendError::Full(_) => {}
                mpsc::error::TrySendError::Closed(_) => {
                    debug!("the recorder has stopped: record dropped");
                }
            }
        }
    }

    /// Writes everything recorded so far, now (skipping any wait before a retry). `Ok` once it
    /// is all stored; an error when storage refused (the events stay queued and are retried).
    pub async fn flush(&self) -> Result<(), FlushError> {
        let (reply, answer) = oneshot::channel();
        if !self.send(Command::Flush(reply)).await {
            return if self.is_enabled() {
                Err(FlushError::Stopped)
            } else {
                Ok(())
            };
        }
        answer.await.unwrap_or(Err(FlushError::Stopped))
    }

    /// Deletes everything recorded about `member`: events still in memory and rows in storage.
    /// Returns how many questions and votes were deleted.
    pub async fn forget_member(&self, member: MemberHash) -> Result<u64, StorageError> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StorageError::new(Fault::Other, "the recorder has stopped");
        if !self.send(Command::Forget(member, reply)).await {
            return if self.is_enabled() {
                Err(stopped())
            } else {
                Ok(0)
            };
        }
        answer.await.unwrap_or_else(|_| Err(stopped()))
    }

    /// Writes what is queued (one immediate attempt, however long storage has been failing)
    /// and stops the writer; later records are dropped. For the bot's SIGINT/SIGTERM path and
    /// the end of `ask --record`. Safe to call more than once.
    pub async fn shutdown(&self) -> ShutdownReport {
        let (reply, answer) = oneshot::channel();
        if !self.send(Command::Shutdown(reply)).await {
            let health = self.inner.health.borrow().clone();
            return ShutdownReport {
                written: health.written,
                unwritten: health.pending,
                dropped: health.dropped,
            };
        }
        answer.await.unwrap_or_default()
    }

    /// How recording is doing; the receiver sees every change (for tests, and for the
    /// moderators' statistics to say when recording is failing).
    pub fn health(&self) -> watch::Receiver<Health> {
        self.inner.health.clone()
    }

    /// Sends a control command, waiting for room in the channel; `false` when there is no
    /// writer.
    async fn send(&self, command: Command) -> bool {
        match &self.inner.sender {
            Some(sender) => sender.send(command).await.is_ok(),
            None => false,
        }
    }
}
