//! Statistics for the last N days: how many questions, the share answered / suggested / silent,
//! helpful against not helpful, the answers given most, the largest groups of unanswered
//! questions, the median and 99th percentile of the time taken to decide, and a daily series by
//! outcome (for the chart). [`compute`] is pure; [`stats`] reads storage first.

use super::days::{date, day_of, Window};
use super::inbox::group_key;
use super::model::{Outcome, StoredQuestion, UnixMillis};
use super::similarity;
use super::storage::{Storage, StorageError};
use serde::Serialize;
use std::collections::HashMap;

/// Entries in the "top" lists.
pub const TOP: usize = 5;

/// An answer and how often it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerCount {
    /// Answer id.
    pub id: String,
    /// Times given.
    pub count: u64,
}

/// A group of near-duplicate unanswered questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnansweredGroup {
    /// The group's key (as in the inbox).
    pub key: String,
    /// Questions in it.
    pub count: u64,
    /// Its oldest question.
    pub example: String,
}

/// One day of the series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DailyCount {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    /// Questions answered.
    pub answered: u64,
    /// Questions with suggestions.
    pub suggested: u64,
    /// Questions the bot was silent on (abstained).
    pub abstained: u64,
}

impl DailyCount {
    /// All questions of the day.
    pub fn total(&self) -> u64 {
        self.answered + self.suggested + self.abstained
    }
}

/// Statistics over a [`Window`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Days covered.
    pub days: u32,
    /// First day, `YYYY-MM-DD` (UTC).
    pub from: String,
    /// Last day (today).
    pub to: String,
    /// Questions asked.
    pub questions: u64,
    /// Answered.
    pub answered: u64,
    /// Suggested.
    pub suggested: u64,
    /// Silent (abstained).
    pub abstained: u64,
    /// `answered / questions` (0 when there are none).
    pub answered_share: f64,
    /// `suggested / questions`.
    pub suggested_share: f64,
    /// `abstained / questions`.
    pub abstained_share: f64,
    /// "Helpful" votes on these questions.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
    /// Answers given most, most first (at most [`TOP`]).
    pub top_answers: Vec<AnswerCount>,
    /// Largest groups of unanswered questions, resolved or not (at most [`TOP`]).
    pub top_unanswered: Vec<UnansweredGroup>,
    /// Median time to decide, microseconds (nearest rank); `None` without questions.
    pub median_micros: Option<u64>,
    /// 99th percentile time to decide, microseconds (nearest rank).
    pub p99_micros: Option<u64>,
    /// Every day of the window, oldest first, zeros included.
    pub daily: Vec<DailyCount>,
}

/// The `p`th percentile (0..=100) of sorted values by the nearest-rank method.
pub fn percentile(sorted: &[u64], p: f64) -> Option<u64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Statistics of the questions in `window` (others are ignored).
pub fn compute(questions: &[StoredQuestion], window: Window) -> Stats {
    let asked: Vec<&StoredQuestion> = questions
        .iter()
        .filter(|question| window.contains(question.question.at))
        .collect();
    let count = |outcome: Outcome| {
        asked
            .iter()
            .filter(|question| question.question.outcome == outcome)
            .count() as u64
    };
    let (answered, suggested, abstained) = (
        count(Outcome::Answer),
        count(Outcome::Suggest),
        count(Outcome::Abstain),
    );
    let total = asked.len() as u64;
    let share = |part: u64| {
        if total == 0 {
            0.0
        } else {
            part as f64 / total as f64
        }
    };
    let mut micros: Vec<u64> = asked
        .iter()
        .map(|question| question.question.micros)
        .collect();
    micros.sort_unstable();
    Stats {
        days: window.days,
        from: date(window.first_day),
        to: date(window.last_day),
        questions: total,
        answered,
        suggested,
        abstained,
        answered_share: share(answered),
        suggested_share: share(suggested),
        abstained_share: share(abstained),
        helpful: asked.iter().map(|q| u64::from(q.helpful)).sum(),
        not_helpful: asked.iter().map(|q| u64::from(q.not_helpful)).sum(),
        top_answers: top_answers(&asked),
        top_unanswered: top_unanswered(&asked),
        median_micros: percentile(&micros, 50.0),
        p99_micros: percentile(&micros, 99.0),
        daily: daily(&asked, window),
    }
}

/// Statistics for the last `days` days at `now`.
pub fn stats(storage: &mut dyn Storage, days: u32, now: UnixMillis) -> Result<Stats, StorageError> {
    let window = Window::last_days(days, now);
    let questions = storage.questions_since(window.since())?;
    Ok(compute(&questions, window))
}

fn top_answers(asked: &[&StoredQuestion]) -> Vec<AnswerCount> {
    let mut counts: HashMap<&str, u64> = HashMap::new();
    for question in asked {
        if let (Outcome::Answer, Some(id)) =
            (question.question.outcome, &question.question.answer_id)
        {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut top: Vec<AnswerCount> = counts
        .into_iter()
        .map(|(id, count)| AnswerCount {
            id: id.to_owned(),
            count,
        })
        .collect();
    top.sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
    top.truncate(TOP);
    top
}

/// The most asked unanswered questions, near-duplicates (in one language) grouped.
fn top_unanswered(asked: &[&StoredQuestion]) -> Vec<UnansweredGroup> {
    let silent: Vec<&StoredQuestion> = asked
        .iter()
        .copied()
        .filter(|question| question.question.outcome == Outcome::Abstain)
        .collect();
    let mut groups: Vec<UnansweredGroup> =
        similarity::group_by_language(&silent, |question| &question.question)
            .into_iter()
            .map(|members| UnansweredGroup {
                key: group_key(silent[members[0]].id),
                count: members.len() as u64,
                example: silent[members[0]].question.text.clone(),
            })
            .collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    groups.truncate(TOP);
    groups
}

fn daily(asked: &[&StoredQuestion], window: Window) -> Vec<DailyCount> {
    let mut days: Vec<DailyCount> = window
        .each_day()
        .map(|day| DailyCount {
            date: date(day),
            answered: 0,
            suggested: 0,
            abstained: 0,
        })
        .collect();
    for question in asked {
        let Ok(at) = usize::try_from(day_of(question.question.at) - window.first_day) else {
            continue;
        };
        if let Some(day) = days.get_mut(at) {
            match question.question.outcome {
                Outcome::Answer => day.answered += 1,
                Outcome::Suggest => day.suggested += 1,
                Outcome::Abstain => day.abstained += 1,
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&values, 50.0), Some(50));
        assert_eq!(percentile(&values, 99.0), Some(99));
        assert_eq!(percentile(&[7], 99.0), Some(7));
        assert_eq!(percentile(&[1, 2, 3], 50.0), Some(2));
        assert_eq!(percentile(&[], 50.0), None);
    }
}
