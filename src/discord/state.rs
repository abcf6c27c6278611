//! What the Discord handlers share: the live knowledge (swapped whole on reload), the config,
//! the bot's own id, flood control, and the fingerprint of the registered commands.

use super::throttle::{Cooldowns, RateLimiter};
use crate::config::Config;
use crate::knowledge::Knowledge;
use crate::reload::Reloader;
use crate::store::Store;
use arc_swap::ArcSwap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// Shared state of the running bot.
pub struct BotState {
    /// The answer set and matcher in force; readers take a snapshot per question.
    pub knowledge: Arc<ArcSwap<Knowledge>>,
    /// The configuration.
    pub config: Config,
    bot_user_id: AtomicU64,
    cooldowns: Mutex<Cooldowns>,
    rate_limiter: Mutex<RateLimiter>,
    registered: Mutex<Option<u64>>,
    reloader: Option<Arc<Reloader>>,
    store: Option<Arc<Store>>,
}

impl BotState {
    /// State for `config` serving `knowledge`.
    pub fn new(config: Config, knowledge: Arc<ArcSwap<Knowledge>>) -> Self {
        Self::with_reloader(config, knowledge, None)
    }

    /// State whose answers can be reloaded and edited through `reloader` (which serves the same
    /// knowledge) when the config names a `responses_dir`.
    pub fn with_reloader(
        config: Config,
        knowledge: Arc<ArcSwap<Knowledge>>,
        reloader: Option<Arc<Reloader>>,
    ) -> Self {
        let store = config
            .responses_dir
            .as_ref()
            .map(|dir| Arc::new(Store::new(dir.clone())));
        let questions = &config.questions;
        let cooldowns = Cooldowns::new(Duration::from_secs(questions.cooldown_seconds));
        let rate_limiter = RateLimiter::new(
            questions.user_rate_limit,
            Duration::from_secs(questions.user_rate_window_seconds),
        );
        Self {
            knowledge,
            config,
            bot_user_id: AtomicU64::new(0),
            cooldowns: Mutex::new(cooldowns),
            rate_limiter: Mutex::new(rate_limiter),
            registered: Mutex::new(None),
            reloader,
            store,
        }
    }

    /// The bot's user id, once READY has arrived (0 before).
    pub fn bot_user_id(&self) -> u64 {
        self.bot_user_id.load(Ordering::Relaxed)
    }

    /// Remembers the bot's user id from READY.
    pub fn set_bot_user_id(&self, id: u64) {
        self.bot_user_id.store(id, Ordering::Relaxed);
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

    /// The reloader, when the answers come from files.
    pub fn reloader(&self) -> Option<&Arc<Reloader>> {
        self.reloader.as_ref()
    }

    /// The answer-file store, when the answers come from files.
    pub fn store(&self) -> Option<&Arc<Store>> {
        self.store.as_ref()
    }

    /// Whether a member may use the moderators' commands: Manage Server (or Administrator), or
    /// one of `[moderation] role_ids`. Checked on every use, whatever Discord's command
    /// permissions say.
    pub fn can_administer(
        &self,
        roles: &[u64],
        permissions: Option<serenity::all::Permissions>,
    ) -> bool {
        permissions.is_some_and(|p| p.manage_guild() || p.administrator())
            || self.has_moderator_role(roles)
    }

    fn has_moderator_role(&self, roles: &[u64]) -> bool {
        roles.iter().any(|role| {
            self.config
                .moderation
                .role_ids
                .iter()
                .any(|id| id.0 == *role)
        })
    }

    /// Whether a member with these roles and permissions counts as a moderator: Manage Server,
    /// Manage Messages, or one of `[moderation] role_ids`.
    pub fn is_moderator(
        &self,
        roles: &[u64],
        permissions: Option<serenity::all::Permissions>,
    ) -> bool {
        permissions.is_some_and(|p| p.manage_guild() || p.manage_messages() || p.administrator())
            || roles.iter().any(|role| {
                self.config
                    .moderation
                    .role_ids
                    .iter()
                    .any(|id| id.0 == *role)
            })
    }
}

/// Locks a mutex, recovering the data if a panicking thread poisoned it (the data are counters
/// and timestamps, always consistent between statements).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
