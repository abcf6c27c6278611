//! The optional weekly digest (`[moderation] weekly_digest`, off by default): every Monday at
//! 09:00 UTC the bot posts the last seven days' figures and the largest inbox groups to
//! `[moderation] log_channel_id`. The text ([`digest_text`]) and the schedule ([`until_next`],
//! [`every_week`]) are plain functions, tested without Discord and without waiting.

use super::admin::{millis, percent};
use super::log_channel;
use super::state::BotState;
use crate::records::inbox::{self, InboxPage};
use crate::records::stats::{self, Stats};
use crate::records::{now_millis, DataFiles, Fault, StorageError, UnixMillis, Window, DAY_MILLIS};
use crate::render::quote_user_text;
use serenity::all::Http;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tracing::{info, warn};

/// A week.
pub const WEEK: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// Days the digest covers.
pub const DAYS: u32 = 7;
/// Inbox groups the digest names.
const GROUPS: usize = 3;
/// The first Monday after the Unix epoch (a Thursday), 09:00 UTC, in milliseconds.
const FIRST_MONDAY_9AM: UnixMillis = 4 * DAY_MILLIS + 9 * 60 * 60 * 1000;

/// Time from `now` until the next Monday, 09:00 UTC (a full week when it is that moment).
pub fn until_next(now: UnixMillis) -> Duration {
    let week = WEEK.as_millis() as i64;
    let into_week = (now - FIRST_MONDAY_9AM).rem_euclid(week);
    Duration::from_millis(u64::try_from(week - into_week).unwrap_or(0))
}

/// Calls `post` once `first` has passed from now (the call, not the first poll), then every
/// week (a post that overran is not repeated).
pub fn every_week<F, Fut>(first: Duration, mut post: F) -> impl Future<Output = ()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    let start = tokio::time::Instant::now() + first;
    async move {
        let mut ticks = tokio::time::interval_at(start, WEEK);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            ticks.tick().await;
            post().await;
        }
    }
}

/// The digest: the week's figures, the answers given most, and the inbox's largest groups
/// (`inbox` holds them, most frequent first).
pub fn digest_text(stats: &Stats, inbox: &InboxPage) -> String {
    let mut text = format!(
        "**Weekly GFMD FAQ digest**, {} to {} (UTC)\n{} question(s): {} answered ({}), {} \
         suggested ({}), {} silent ({}). Helpful / not helpful: {} / {}. Time to decide: \
         median {}, p99 {}.",
        stats.from,
        stats.to,
        stats.questions,
        stats.answered,
        percent(stats.answered_share),
        stats.suggested,
        percent(stats.suggested_share),
        stats.abstained,
        percent(stats.abstained_share),
        stats.helpful,
        stats.not_helpful,
        millis(stats.median_micros),
        millis(stats.p99_micros),
    );
    if !stats.top_answers.is_empty() {
        let top: Vec<String> = stats
            .top_answers
            .iter()
            .map(|answer| format!("`{}` × {}", answer.id, answer.count))
            .collect();
        text.push_str(&format!("\nAnswered most: {}.", top.join(", ")));
    }
    if inbox.total_groups == 0 {
        text.push_str("\nInbox: empty.");
        return text;
    }
    let largest: Vec<String> = inbox
        .groups
        .iter()
        .map(|group| {
            format!(
                "\"{}\" × {}",
                quote_user_text(&group.example, 80),
                group.count
            )
        })
        .collect();
    text.push_str(&format!(
        "\nInbox: {} group(s) of missed questions ({} question(s)); the largest: {}. Open it \
         with `/gfmd-admin inbox days:{}`.",
        inbox.total_groups,
        inbox.total_questions,
        largest.join(", "),
        inbox.window.days
    ));
    text
}

/// The digest's figures (blocking). No database yet: zeros and an empty inbox.
fn read(files: &DataFiles, now: UnixMillis) -> Result<(Stats, InboxPage), StorageError> {
    match files.open_read_only() {
        Ok(mut storage) => Ok((
            stats::stats(&mut storage, DAYS, now)?,
            inbox::inbox(&mut storage, DAYS, now, 1, GROUPS)?,
        )),
        Err(error) if error.fault == Fault::Missing => {
            let window = Window::last_days(DAYS, now);
            Ok((
                stats::compute(&[], window),
                inbox::page(&[], window, 1, GROUPS),
            ))
        }
        Err(error) => Err(error),
    }
}

/// Posts one digest to the log channel.
async fn post(state: &BotState, http: &Http, files: DataFiles) {
    state.settle_records().await;
    let read = tokio::task::spawn_blocking(move || read(&files, now_millis())).await;
    match read {
        Ok(Ok((stats, inbox))) => {
            log_channel::post(state, http, &digest_text(&stats, &inbox)).await;
            info!("weekly digest posted");
        }
        Ok(Err(error)) => warn!(%error, "the weekly digest could not be read; none this week"),
        Err(error) => warn!(%error, "the weekly digest did not finish; none this week"),
    }
}

/// Starts the weekly digest when `[moderation] weekly_digest` is on, a log channel is set and
/// questions are recorded; says in the log why not otherwise.
pub fn spawn(state: &Arc<BotState>, http: &Arc<Http>) {
    let moderation = &state.config.moderation;
    if !moderation.weekly_digest {
        return;
    }
    if moderation.log_channel_id.is_none() {
        warn!("weekly_digest is on but [moderation] log_channel_id is not set: no digest");
        return;
    }
    let Some(files) = state.records.clone() else {
        warn!("weekly_digest is on but nothing is recorded: no digest");
        return;
    };
    let first = until_next(now_millis());
    info!(
        first_in_hours = first.as_secs() / 3600,
        "weekly digest scheduled for Mondays, 09:00 UTC"
    );
    let (state, http) = (Arc::clone(state), Arc::clone(http));
    tokio::spawn(every_week(first, move || {
        let (state, http, files) = (Arc::clone(&state), Arc::clone(&http), files.clone());
        async move { post(&state, &http, files).await }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::stats::AnswerCount;
    use crate::records::{Kind, Outcome, Question, RecordId, Source, StoredQuestion};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// 2026-06-01 was a Monday.
    const MONDAY_9AM: UnixMillis = 1_780_304_400_000;

    #[test]
    fn the_digest_is_due_next_monday_at_nine_utc() {
        assert_eq!(
            time::OffsetDateTime::from_unix_timestamp(MONDAY_9AM / 1000)
                .unwrap()
                .weekday(),
            time::Weekday::Monday
        );
        let hour = Duration::from_secs(3600);
        assert_eq!(until_next(MONDAY_9AM - 3_600_000), hour);
        assert_eq!(until_next(MONDAY_9AM), WEEK, "just posted: next week");
        assert_eq!(
            until_next(MONDAY_9AM + 1_000),
            WEEK - Duration::from_secs(1)
        );
        assert_eq!(until_next(MONDAY_9AM - 3 * DAY_MILLIS), 3 * 24 * hour);
    }

    #[tokio::test(start_paused = true)]
    async fn it_posts_after_the_first_wait_and_then_weekly() {
        let posts = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&posts);
        tokio::spawn(every_week(Duration::from_secs(3600), move || {
            counted.fetch_add(1, Ordering::SeqCst);
            async {}
        }));
        let settle = || async {
            for _ in 0..10 {
                tokio::task::yield_now().await;
            }
        };
        tokio::time::advance(Duration::from_secs(3599)).await;
        settle().await;
        assert_eq!(posts.load(Ordering::SeqCst), 0);
        tokio::time::advance(Duration::from_secs(1)).await;
        settle().await;
        assert_eq!(posts.load(Ordering::SeqCst), 1);
        tokio::time::advance(WEEK - Duration::from_secs(1)).await;
        settle().await;
        assert_eq!(posts.load(Ordering::SeqCst), 1);
        tokio::time::advance(Duration::from_secs(1)).await;
        settle().await;
        assert_eq!(posts.load(Ordering::SeqCst), 2);
    }

    fn missed(id: i64, text: &str) -> StoredQuestion {
        StoredQuestion {
            id: RecordId(id),
            question: Question {
                at: MONDAY_9AM - 1000 + id,
                source: Source::discord(Kind::Message, Some(1), Some(2)),
                member: None,
                text: text.to_owned(),
                lang: crate::locale::Lang::En,
                outcome: Outcome::Abstain,
                answer_id: None,
                score: 0.0,
                runner_up: None,
                micros: 500,
            },
            opened: None,
            not_this: false,
            helpful: 0,
            not_helpful: 0,
            reasons: Vec::new(),
            resolved: None,
        }
    }

    #[test]
    fn the_digest_names_the_figures_the_top_answers_and_the_largest_groups() {
        let questions = [
            missed(1, "how do I get a visa for the summit"),
            missed(2, "how do I get a visa for the summit?"),
            missed(3, "@everyone pizza"),
        ];
        let window = Window::last_days(DAYS, MONDAY_9AM);
        let mut stats = stats::compute(&questions, window);
        stats.top_answers = vec![AnswerCount {
            id: "objectives".into(),
            count: 4,
        }];
        let inbox = inbox::page(&questions, window, 1, GROUPS);
        let text = digest_text(&stats, &inbox);
        assert_eq!(
            text,
            "**Weekly GFMD FAQ digest**, 2026-05-26 to 2026-06-01 (UTC)\n3 question(s): 0 \
             answered (0.0%), 0 suggested (0.0%), 3 silent (100.0%). Helpful / not helpful: 0 \
             / 0. Time to decide: median 0.50 ms, p99 0.50 ms.\nAnswered most: `objectives` × \
             4.\nInbox: 2 group(s) of missed questions (3 question(s)); the largest: \"how do I \
             get a visa for the summit\" × 2, \"@\u{200B}everyone pizza\" × 1. Open it with \
             `/gfmd-admin inbox days:7`."
        );
        let empty = inbox::page(&[], window, 1, GROUPS);
        assert!(digest_text(&stats::compute(&[], window), &empty).ends_with("\nInbox: empty."));
    }
}
