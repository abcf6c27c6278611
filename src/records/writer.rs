//! The one writer task behind every [`super::Recorder`]. It drains the channel into an
//! in-memory queue at all times and stores the queue in batches, one transaction per batch, on
//! tokio's blocking pool (the storage object moves to the blocking thread and back, so no lock
//! is needed). When storage fails it logs once, keeps the events (up to
//! [`Options::max_pending`], dropping the oldest beyond that, logged once), retries with
//! exponential backoff, and logs once when writing works again. After [`Options::idle_close`]
//! without work it closes the database, so an idle bot holds no file open. Forgetting a member,
//! retention pruning and flushes go through the same task, so they see events in the order they
//! happened.

use super::days::DAY_MILLIS;
use super::member::MemberHash;
use super::model::{now_millis, Event, Question, RecordId, UnixMillis};
use super::status::{FlushError, Health, Options, ShutdownReport};
use super::storage::{Fault, Storage, StorageError};
use crate::matcher::normalize::MAX_QUERY_CHARS;
use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio::time::{Instant, MissedTickBehavior};
use tracing::{error, info, warn};

/// How often retention pruning runs.
const PRUNE_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// What a [`super::Recorder`] sends.
pub(crate) enum Command {
    /// Store this.
    Event(Event),
    /// Write what came before, now, and say whether it worked.
    Flush(oneshot::Sender<Result<(), FlushError>>),
    /// Delete a member's events and rows; reply with the count.
    Forget(MemberHash, oneshot::Sender<Result<u64, StorageError>>),
    /// Write what is queued and stop.
    Shutdown(oneshot::Sender<ShutdownReport>),
}

/// Work for the blocking pool.
enum Job {
    Write(Vec<(u64, Event)>),
    Forget(MemberHash, u64, ForgetReply),
    Prune(UnixMillis),
    Close,
}

/// A finished [`Job`].
enum Done {
    Write(Vec<(u64, Event)>, Result<(), StorageError>),
    Forget(u64, ForgetReply, Result<u64, StorageError>),
    Prune(Result<u64, StorageError>),
    Closed,
}

type Running = JoinHandle<(Box<dyn Storage>, Done)>;

/// Where a forget request's count goes.
type ForgetReply = oneshot::Sender<Result<u64, StorageError>>;

/// The writer's state.
pub(crate) struct Writer {
    storage: Option<Box<dyn Storage>>,
    options: Options,
    /// Events not yet stored, each with its arrival number.
    pending: VecDeque<(u64, Event)>,
    /// Arrival number of the first event of the batch being written, and its length.
    in_flight: Option<(u64, usize)>,
    received: u64,
    written: u64,
    dropped: u64,
    outages: u64,
    rejected: Arc<AtomicU64>,
    health: watch::Sender<Health>,
    /// Set while storage fails.
    failing: Option<Fault>,
    failures: u32,
    /// When to try again while failing; `None` means now.
    retry_at: Option<Instant>,
    overflow_logged: bool,
    /// Flushes waiting for every event up to their arrival number.
    flushes: Vec<(u64, oneshot::Sender<Result<(), FlushError>>)>,
    /// Members to forget, with the count of their events purged from memory.
    forgets: VecDeque<(MemberHash, u64, ForgetReply)>,
    /// Members forgotten while a write was in flight: if it fails, their events are not put
    /// back.
    forgotten_in_flight: Vec<MemberHash>,
    probe_due: bool,
    prune_due: bool,
    /// When to close the idle database; `close_due` once that time has come.
    idle_at: Option<Instant>,
    close_due: bool,
    connected: bool,
    shutdown: Option<(u64, oneshot::Sender<ShutdownReport>)>,
}

impl Writer {
    /// A writer over `storage`, publishing to `health`; `rejected` counts events the handles
    /// could not send.
    pub(crate) fn new(
        storage: Box<dyn Storage>,
        options: Options,
        health: watch::Sender<Health>,
        rejected: Arc<AtomicU64>,
    ) -> Self {
        Self {
            storage: Some(storage),
            pending: VecDeque::new(),
            in_flight: None,
            received: 0,
            written: 0,
            dropped: 0,
            outages: 0,
            rejected,
            health,
            failing: None,
            failures: 0,
            retry_at: None,
            overflow_logged: false,
            flushes: Vec::new(),
            forgets: VecDeque::new(),
            forgotten_in_flight: Vec::new(),
            probe_due: true,
            prune_due: options.retention_days > 0,
            idle_at: None,
            close_due: false,
            connected: false,
            shutdown: None,
            options,
        }
    }

    /// Runs until shut down, or until every handle is gone and the queue is written (or
    /// storage refused it once more).
    pub(crate) async fn run(mut self, mut commands: mpsc::Receiver<Command>) {
        let mut running: Option<Running> = None;
        let mut receiving = true;
        // Pruning runs first (see `prune_due`), then every 24 hours.
        let mut prune = tokio::time::interval_at(Instant::now() + PRUNE_EVERY, PRUNE_EVERY);
        prune.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            if running.is_none() {
                running = self.next_job();
                if running.is_none() && self.finished(receiving) {
                    break;
                }
            }
            let (retry_at, idle_at) = (self.retry_at, self.idle_at);
            tokio::select! {
                done = join(&mut running) => {
                    running = None;
                    self.complete(done);
                }
                command = commands.recv(), if receiving => match command {
                    Some(command) => self.accept(command, &mut commands, &mut receiving),
                    None => {
                        receiving = false;
                        self.stop_after(self.received);
                    }
                },
                () = sleep_until(retry_at), if running.is_none() && retry_at.is_some() => {
                    self.retry_at = None;
                }
                () = sleep_until(idle_at), if running.is_none() && idle_at.is_some() => {
                    self.idle_at = None;
                    self.close_due = true;
                }
                _ = prune.tick(), if self.options.retention_days > 0 => self.prune_due = true,
            }
            self.answer_flushes();
            self.publish();
        }
        self.finish();
    }

    /// Takes one command.
    fn accept(
        &mut self,
        command: Command,
        commands: &mut mpsc::Receiver<Command>,
        receiving: &mut bool,
    ) {
        match command {
            Command::Event(event) => self.enqueue(event),
            Command::Flush(reply) => {
                self.flushes.push((self.received, reply));
                self.retry_at = None;
            }
            Command::Forget(member, reply) => {
                let purged = self.purge(&member);
                if self.in_flight.is_some() {
                    self.forgotten_in_flight.push(member.clone());
                }
                self.forgets.push_back((member, purged, reply));
            }
            Command::Shutdown(reply) => {
                // Take what was sent before the channel closes, then write it all.
                commands.close();
                while let Ok(command) = commands.try_recv() {
                    match command {
                        Command::Shutdown(other) => {
                            let _ = other.send(ShutdownReport::default());
                        }
                        other => self.accept(other, commands, receiving),
                    }
                }
                *receiving = false;
                self.shutdown = Some((self.received, reply));
                self.retry_at = None;
            }
        }
    }

    /// Queues an event (its text cut to what the matcher reads), dropping the oldest beyond
    /// the cap.
    fn enqueue(&mut self, mut event: Event) {
        if let Event::Question { question, .. } = &mut event {
            truncate_text(question);
        }
        self.received += 1;
        self.pending.push_back((self.received, event));
        while self.pending.len() > self.options.max_pending {
            self.pending.pop_front();
            self.dropped += 1;
            if !self.overflow_logged {
                self.overflow_logged = true;
                error!(
                    max_pending = self.options.max_pending,
                    "storage has failed for too long: dropping the oldest unwritten records (logged once)"
                );
            }
        }
    }

    /// Removes a member's queued events (their questions, their votes, and anything about
    /// their questions); returns how many of their questions and votes went.
    fn purge(&mut self, member: &MemberHash) -> u64 {
        let questions: HashSet<RecordId> = self
            .pending
            .iter()
            .filter(|(_, event)| matches!(event, Event::Question { .. }))
            .filter(|(_, event)| event.member() == Some(member))
            .map(|(_, event)| event.question_id())
            .collect();
        let mut theirs = 0;
        self.pending.retain(|(_, event)| {
            let own = event.member() == Some(member);
            theirs += u64::from(own);
            !own && !questions.contains(&event.question_id())
        });
        theirs
    }

    /// The next job to run, if any is due, started on the blocking pool.
    fn next_job(&mut self) -> Option<Running> {
        // Storage is away only while a job runs, and then no job is started.
        self.storage.as_ref()?;
        let can_write = self.failing.is_none() || self.retry_at.is_none();
        let job = if let Some((member, purged, reply)) = self.forgets.pop_front() {
            Job::Forget(member, purged, reply)
        } else if !can_write {
            return None;
        } else if self.prune_due && self.failing.is_none() {
            self.prune_due = false;
            let days = i64::from(self.options.retention_days);
            Job::Prune(now_millis() - days * DAY_MILLIS)
        } else if !self.pending.is_empty() {
            let count = self.pending.len().min(self.options.batch.max(1));
            let batch: Vec<(u64, Event)> = self.pending.drain(..count).collect();
            self.in_flight = batch.first().map(|(number, _)| (*number, batch.len()));
            Job::Write(batch)
        } else if self.probe_due || self.failing.is_some() {
            // Check storage at start, and after a failure even with nothing to write, so that
            // its recovery is noticed and logged.
            Job::Write(Vec::new())
        } else if std::mem::take(&mut self.close_due) && self.connected {
            Job::Close
        } else {
            return None;
        };
        self.probe_due = false;
        let mut storage = self.storage.take()?;
        // Storage logs (a recreated file) go where the writer's own logs go.
        let dispatch = tracing::dispatcher::get_default(Clone::clone);
        Some(tokio::task::spawn_blocking(move || {
            let done =
                tracing::dispatcher::with_default(&dispatch, || run_job(storage.as_mut(), job));
            (storage, done)
        }))
    }

    /// Handles a finished job.
    fn complete(&mut self, (storage, done): (Box<dyn Storage>, Done)) {
        self.storage = Some(storage);
        self.idle_at = Some(Instant::now() + self.options.idle_close);
        match done {
            Done::Write(batch, Ok(())) => {
                self.in_flight = None;
                self.forgotten_in_flight.clear();
                self.written += batch.len() as u64;
                self.recovered();
            }
            Done::Write(batch, Err(error)) => {
                self.in_flight = None;
                self.put_back(batch);
                self.failed(&error);
            }
            Done::Forget(purged, reply, result) => {
                match &result {
                    Ok(_) => self.recovered(),
                    Err(error) => self.failed(error),
                }
                let _ = reply.send(result.map(|deleted| deleted + purged));
            }
            Done::Prune(Ok(deleted)) => {
                if deleted > 0 {
                    info!(
                        deleted,
                        days = self.options.retention_days,
                        "pruned old records"
                    );
                }
                self.recovered();
            }
            Done::Prune(Err(error)) => {
                self.prune_due = true;
                self.failed(&error);
            }
            Done::Closed => {
                self.connected = false;
                self.idle_at = None;
            }
        }
    }

    /// Puts a batch that could not be written back at the front of the queue, without the
    /// events of members forgotten meanwhile.
    fn put_back(&mut self, batch: Vec<(u64, Event)>) {
        let forgotten = std::mem::take(&mut self.forgotten_in_flight);
        let gone: HashSet<RecordId> = batch
            .iter()
            .filter(|(_, event)| matches!(event, Event::Question { .. }))
            .filter(|(_, event)| event.member().is_some_and(|m| forgotten.contains(m)))
            .map(|(_, event)| event.question_id())
            .collect();
        for entry in batch.into_iter().rev() {
            let theirs = entry.1.member().is_some_and(|m| forgotten.contains(m));
            if !theirs && !gone.contains(&entry.1.question_id()) {
                self.pending.push_front(entry);
            }
        }
        while self.pending.len() > self.options.max_pending {
            self.pending.pop_front();
            self.dropped += 1;
        }
    }

    /// Storage works (again): logs once when it had failed.
    fn recovered(&mut self) {
        self.connected = true;
        if self.failing.take().is_some() {
            info!(
                failed_attempts = self.failures,
                pending = self.pending.len(),
                dropped = self.dropped,
                "recording questions works again"
            );
        }
        self.failures = 0;
        self.retry_at = None;
        self.overflow_logged = false;
    }

    /// Storage failed: logs once per outage, schedules a retry, answers waiting flushes.
    fn failed(&mut self, error: &StorageError) {
        // After an error the storage reconnects on its next call.
        self.connected = false;
        if self.failing.is_none() {
            self.outages += 1;
            warn!(
                fault = ?error.fault,
                error = %error,
                max_pending = self.options.max_pending,
                "cannot record questions; answering goes on, records are kept in memory and retried (logged once until it works again)"
            );
        }
        self.failing = Some(error.fault);
        self.failures = self.failures.saturating_add(1);
        let exponent = self.failures.saturating_sub(1).min(16);
        let wait = self
            .options
            .retry_first
            .saturating_mul(1 << exponent)
            .min(self.options.retry_max);
        self.retry_at = Some(Instant::now() + wait);
        let fault = error.fault;
        for (upto, reply) in std::mem::take(&mut self.flushes) {
            let count = self.pending.iter().filter(|(n, _)| *n <= upto).count();
            if count == 0 {
                // All of it is stored: answered by `answer_flushes`.
                self.flushes.push((upto, reply));
            } else {
                let _ = reply.send(Err(FlushError::Unwritten { count, fault }));
            }
        }
    }

    /// The arrival number of the oldest event not yet settled (stored or dropped).
    fn oldest_unsettled(&self) -> Option<u64> {
        self.in_flight
            .map(|(first, _)| first)
            .or_else(|| self.pending.front().map(|(number, _)| *number))
    }

    /// Answers the flushes whose events are all settled.
    fn answer_flushes(&mut self) {
        let oldest = self.oldest_unsettled();
        let (done, waiting) = std::mem::take(&mut self.flushes)
            .into_iter()
            .partition(|(upto, _)| oldest.is_none_or(|oldest| oldest > *upto));
        self.flushes = waiting;
        for (_, reply) in done {
            let _ = reply.send(Ok(()));
        }
    }

    /// Stops once everything up to arrival `upto` is settled or storage refused it.
    fn stop_after(&mut self, upto: u64) {
        if self.shutdown.is_none() {
            let (reply, _) = oneshot::channel();
            self.shutdown = Some((upto, reply));
        }
        self.retry_at = None;
    }

    /// Whether the loop may end: shutting down, nothing running, and the queue either written
    /// or refused by storage on the attempt made since.
    fn finished(&self, receiving: bool) -> bool {
        let Some((upto, _)) = &self.shutdown else {
            return false;
        };
        let settled = self.oldest_unsettled().is_none_or(|oldest| oldest > *upto);
        !receiving && self.forgets.is_empty() && (settled || self.retry_at.is_some())
    }

    /// Replies to the shutdown and to anything still waiting; logs what is lost.
    fn finish(mut self) {
        let unwritten = self.pending.len();
        if unwritten > 0 {
            error!(
                unwritten,
                "stopping with records that could not be written: they are lost"
            );
        }
        for (_, reply) in std::mem::take(&mut self.flushes) {
            let _ = reply.send(Err(FlushError::Stopped));
        }
        let report = ShutdownReport {
            written: self.written,
            unwritten,
            dropped: self.dropped + self.rejected.load(Ordering::Relaxed),
        };
        self.publish_with(true, unwritten);
        if let Some((_, reply)) = self.shutdown.take() {
            let _ = reply.send(report);
        }
    }

    fn publish(&self) {
        let in_flight = self.in_flight.map_or(0, |(_, length)| length);
        self.publish_with(false, self.pending.len() + in_flight);
    }

    fn publish_with(&self, stopped: bool, pending: usize) {
        let health = Health {
            written: self.written,
            pending,
            dropped: self.dropped + self.rejected.load(Ordering::Relaxed),
            fault: self.failing,
            outages: self.outages,
            failures: self.failures,
            connected: self.connected && !stopped,
            stopped,
        };
        self.health.send_if_modified(|current| {
            let changed = *current != health;
            *current = health;
            changed
        });
    }
}

/// Runs a job against storage on a blocking thread; a panic in storage becomes an error so the
/// storage object always comes back.
fn run_job(storage: &mut dyn Storage, job: Job) -> Done {
    let panicked = |_| StorageError::new(Fault::Other, "storage panicked");
    match job {
        Job::Write(batch) => {
            let events: Vec<Event> = batch.iter().map(|(_, event)| event.clone()).collect();
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| storage.write(&events)))
                    .unwrap_or_else(|panic| Err(panicked(panic)));
            Done::Write(batch, result)
        }
        Job::Forget(member, purged, reply) => {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                storage.forget_member(&member)
            }))
            .unwrap_or_else(|panic| Err(panicked(panic)));
            Done::Forget(purged, reply, result)
        }
        Job::Prune(before) => {
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| storage.prune(before)))
                    .unwrap_or_else(|panic| Err(panicked(panic)));
            Done::Prune(result)
        }
        Job::Close => {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| storage.close()));
            Done::Closed
        }
    }
}

/// Waits for the running job, or forever when there is none.
async fn join(running: &mut Option<Running>) -> (Box<dyn Storage>, Done) {
    match running {
        Some(handle) => match handle.await {
            Ok(finished) => finished,
            // The blocking pool is gone: the runtime is shutting down.
            Err(_) => std::future::pending().await,
        },
        None => std::future::pending().await,
    }
}

/// Sleeps until `at`, or forever when there is no time.
async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Keeps the first [`MAX_QUERY_CHARS`] characters of a question.
fn truncate_text(question: &mut Question) {
    if let Some((index, _)) = question.text.char_indices().nth(MAX_QUERY_CHARS) {
        question.text.truncate(index);
    }
}
