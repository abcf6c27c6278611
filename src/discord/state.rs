//! What the Discord handlers share: the keeper of the answers (the live knowledge, swapped whole
//! on reload), the config, the recorder and the records' files, the bot's own id, each server's
//! preferred language, flood control, and the fingerprint of the registered commands.

use super::moderators::{is_moderator, MemberFacts};
use super::server_language::ServerLanguages;
use super::throttle::{Cooldowns, RateLimiter};
use crate::config::Config;
use crate::keeper::Keeper;
use crate::knowledge::Knowledge;
use crate::locale::Lang;
use crate::records::{DataFiles, Recorder};
use arc_swap::Guard;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Shared state of the running bot.
pub struct BotState {
    /// The answers in force and everything that changes them.
    pub keeper: Arc<Keeper>,
    /// The configuration.
    pub config: Config,
    /// Records questions, votes and clicks without waiting (records nothing when recording is
    /// off or could not start).
    pub recorder: Recorder,
    /// Where the records are, for the inbox, the statistics and the digest; `None` when
    /// recording is off.
    pub records: Option<DataFiles>,
    /// Each server's preferred language, from GUILD_CREATE and GUILD_UPDATE.
    pub server_languages: ServerLanguages,
    bot_user_id: AtomicU64,
    cooldowns: Mutex<Cooldowns>,
    rate_limiter: Mutex<RateLimiter>,
    registered: Mutex<Option<u64>>,
}

impl BotState {
    /// State for `config`, serving the answers `keeper` keeps and recording through `recorder`
    /// into `records`.
    pub fn new(
        config: Config,
        keeper: Arc<Keeper>,
        recorder: Recorder,
        records: Option<DataFiles>,
    ) -> Self {
        let questions = &config.questions;
        let cooldowns = Cooldowns::new(Duration::from_secs(questions.cooldown_seconds));
        let rate_limiter = RateLimiter::new(
            questions.user_rate_limit,
            Duration::from_secs(questions.user_rate_window_seconds),
        );
        Self {
            keeper,
            config,
            recorder,
            records,
            server_languages: ServerLanguages::default(),
            bot_user_id: AtomicU64::new(0),
            cooldowns: Mutex::new(cooldowns),
            rate_limiter: Mutex::new(rate_limiter),
            registered: Mutex::new(None),
        }
    }

    /// The knowledge in force, as a snapshot for one question.
    pub fn knowledge(&self) -> Guard<Arc<Knowledge>> {
        self.keeper.knowledge()
    }

    /// The bot's user id, once READY has arrived (0 before).
    pub fn bot_user_id(&self) -> u64 {
        self.bot_user_id.load(Ordering::Relaxed)
    }

    /// Remembers the bot's user id from READY.
    pub fn set_bot_user_id(&self, id: u64) {
        self.bot_user_id.store(id, Ordering::Relaxed);
    }

    /// The language a typed message sent in `guild_id` (`None` in a DM) is read in when its
    /// text does not say: `[questions] language` when set, else the server's preferred locale,
    /// else English (`super::server_language`).
    pub fn fallback_language(&self, guild_id: Option<u64>) -> Lang {
        self.server_languages
            .fallback_for(self.config.questions.language, guild_id)
    }

    /// The per-channel answer cooldowns.
    pub fn cooldowns(&self) -> MutexGuard<'_, Cooldowns> {
        lock(&self.cooldowns)
    }

    /// The per-user rate limiter.
    pub fn rate_limiter(&self) -> MutexGuard<'_, RateLimiter> {
        lock(&self.rate_limiter)
    }

    /// Records `fingerprint` as registered; returns `false` when it already was.
    pub fn mark_registered(&self, fingerprint: u64) -> bool {
        let mut registered = lock(&self.registered);
        if *registered == Some(fingerprint) {
            return false;
        }
        *registered = Some(fingerprint);
        true
    }

    /// Forgets the registered fingerprint (registration failed; try again next time).
    pub fn forget_registration(&self) {
        *lock(&self.registered) = None;
    }

    /// Waits (at most a second) until the records queued so far are written, so that the inbox,
    /// the statistics and the digest include the questions just asked.
    pub async fn settle_records(&self) {
        let flushed = self.recorder.flush();
        let _ = tokio::time::timeout(Duration::from_secs(1), flushed).await;
    }

    /// Whether `member` counts as a moderator (see `super::moderators`).
    pub fn is_moderator(&self, member: &MemberFacts) -> bool {
        is_moderator(member, &self.config.moderation)
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it (the data are counters
/// and timestamps, always consistent between statements).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
