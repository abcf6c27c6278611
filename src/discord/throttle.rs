//! Flood control, with no Discord types: a per-channel, per-answer cooldown (a burst of the same
//! question gets one public answer, later askers a pointer to it) and a per-user sliding-window
//! rate limit. Time comes from `tokio::time::Instant`, so tests pause the clock instead of
//! sleeping.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;
use tokio::time::Instant;

/// Entries kept before old ones are pruned.
const PRUNE_ABOVE: usize = 4096;

/// Where an answer was posted, for a jump link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostedMessage {
    /// Guild, or `None` in a DM.
    pub guild_id: Option<u64>,
    /// Channel.
    pub channel_id: u64,
    /// Message.
    pub message_id: u64,
}

impl PostedMessage {
    /// `https://discord.com/channels/{guild or @me}/{channel}/{message}`.
    pub fn jump_link(&self) -> String {
        let guild = self
            .guild_id
            .map_or_else(|| "@me".to_owned(), |id| id.to_string());
        format!(
            "https://discord.com/channels/{guild}/{}/{}",
            self.channel_id, self.message_id
        )
    }
}

/// Recently posted answers per channel.
#[derive(Debug)]
pub struct Cooldowns {
    window: Duration,
    posted: HashMap<(u64, String), (Instant, Option<PostedMessage>)>,
}

/// Why an answer may not be posted again yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecentlyPosted {
    /// The earlier post, once known.
    pub message: Option<PostedMessage>,
}

impl Cooldowns {
    /// Cooldowns lasting `window` (zero disables them).
    pub fn new(window: Duration) -> Self {
        Self {
            window,
            posted: HashMap::new(),
        }
    }

    /// Reserves the right to post `answer_id` in `channel_id` now, or says where it was posted
    /// within the window. A reservation counts at once, so concurrent askers cannot both post.
    pub fn reserve(
        &mut self,
        channel_id: u64,
        answer_id: &str,
        now: Instant,
    ) -> Result<(), RecentlyPosted> {
        if self.window.is_zero() {
            return Ok(());
        }
        let key = (channel_id, answer_id.to_owned());
        if let Some((at, message)) = self.posted.get(&key) {
            if now.duration_since(*at) < self.window {
                return Err(RecentlyPosted { message: *message });
            }
        }
        self.prune(now);
        self.posted.insert(key, (now, None));
        Ok(())
    }

    /// Says where `answer_id` was posted in `channel_id` within the window, without reserving
    /// anything (for an offer of an answer, which points to the answer rather than repeat it).
    pub fn recent(
        &self,
        channel_id: u64,
        answer_id: &str,
        now: Instant,
    ) -> Result<(), RecentlyPosted> {
        match self.posted.get(&(channel_id, answer_id.to_owned())) {
            Some((at, message)) if now.duration_since(*at) < self.window => {
                Err(RecentlyPosted { message: *message })
            }
            _ => Ok(()),
        }
    }

    /// Records where the reserved answer was posted.
    pub fn record(&mut self, answer_id: &str, message: PostedMessage) {
        if let Some(entry) = self
            .posted
            .get_mut(&(message.channel_id, answer_id.to_owned()))
        {
            entry.1 = Some(message);
        }
    }

    /// Gives a reservation back (the post failed).
    pub fn release(&mut self, channel_id: u64, answer_id: &str) {
        self.posted.remove(&(channel_id, answer_id.to_owned()));
    }

    fn prune(&mut self, now: Instant) {
        if self.posted.len() > PRUNE_ABOVE {
            let window = self.window;
            self.posted
                .retain(|_, (at, _)| now.duration_since(*at) < window);
        }
    }
}

/// A sliding-window limit on questions per user.
#[derive(Debug)]
pub struct RateLimiter {
    limit: usize,
    window: Duration,
    recent: HashMap<u64, VecDeque<Instant>>,
}

impl RateLimiter {
    /// At most `limit` questions per user within any `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit: limit.max(1) as usize,
            window,
            recent: HashMap::new(),
        }
    }

    /// Counts a question from `user_id` at `now`, or returns how long until one is allowed.
    pub fn check(&mut self, user_id: u64, now: Instant) -> Result<(), Duration> {
        if self.recent.len() > PRUNE_ABOVE {
            let window = self.window;
            self.recent.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|last| now.duration_since(*last) < window)
            });
        }
        let times = self.recent.entry(user_id).or_default();
        while times
            .front()
            .is_some_and(|first| now.duration_since(*first) >= self.window)
        {
            times.pop_front();
        }
        if times.len() >= self.limit {
            let oldest = times.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn looking_at_a_recent_answer_reserves_nothing() {
        let mut cooldowns = Cooldowns::new(Duration::from_secs(60));
        let start = Instant::now();
        assert!(cooldowns.recent(1, "objectives", start).is_ok());
        assert!(
            cooldowns.recent(1, "objectives", start).is_ok(),
            "still free"
        );
        assert!(cooldowns.reserve(1, "objectives", start).is_ok());
        assert!(cooldowns
            .recent(1, "objectives", start + Duration::from_secs(5))
            .is_err());
        assert!(cooldowns
            .recent(1, "objectives", start + Duration::from_secs(60))
            .is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn a_burst_of_the_same_answer_is_posted_once_per_window() {
        let mut cooldowns = Cooldowns::new(Duration::from_secs(60));
        let start = Instant::now();
        assert!(cooldowns.reserve(1, "objectives", start).is_ok());
        let posted = PostedMessage {
            guild_id: Some(9),
            channel_id: 1,
            message_id: 77,
        };
        cooldowns.record("objectives", posted);
        let again = cooldowns.reserve(1, "objectives", start + Duration::from_secs(5));
        assert_eq!(
            again,
            Err(RecentlyPosted {
                message: Some(posted)
            })
        );
        assert!(
            cooldowns.reserve(2, "objectives", start).is_ok(),
            "other channel"
        );
        assert!(
            cooldowns.reserve(1, "timeline", start).is_ok(),
            "other answer"
        );
        tokio::time::advance(Duration::from_secs(60)).await;
        assert!(cooldowns.reserve(1, "objectives", Instant::now()).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn a_released_reservation_can_be_taken_again() {
        let mut cooldowns = Cooldowns::new(Duration::from_secs(60));
        let now = Instant::now();
        cooldowns.reserve(1, "a", now).unwrap();
        cooldowns.release(1, "a");
        assert!(cooldowns.reserve(1, "a", now).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn a_user_over_the_limit_waits_until_the_oldest_question_leaves_the_window() {
        let mut limiter = RateLimiter::new(2, Duration::from_secs(10));
        let start = Instant::now();
        assert!(limiter.check(5, start).is_ok());
        assert!(limiter.check(5, start + Duration::from_secs(1)).is_ok());
        assert_eq!(
            limiter.check(5, start + Duration::from_secs(2)),
            Err(Duration::from_secs(8))
        );
        assert!(
            limiter.check(6, start).is_ok(),
            "other users are not affected"
        );
        assert!(limiter.check(5, start + Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn jump_links_use_at_me_in_direct_messages() {
        let dm = PostedMessage {
            guild_id: None,
            channel_id: 1,
            message_id: 2,
        };
        assert_eq!(dm.jump_link(), "https://discord.com/channels/@me/1/2");
    }
}
