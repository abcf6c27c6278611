//! The moderators' inbox: questions from the last N days that the bot missed — unanswered,
//! suggested but no suggestion opened, "not this", or voted not helpful — that no moderator has
//! resolved yet, near-duplicates grouped (see `similarity.rs`), one row per group with its
//! count and an example, most frequent first, in pages. Questions group only with questions read
//! in the same language, so that a group's phrasing goes to that language's phrasings.
//!
//! Each group has a key, `g<id of its oldest question>` (at most 20 characters), which the bot
//! can put into a button's custom id. It stays the same as newer questions join the group.
//! [`resolve_group`] marks every open inbox question that is a near-duplicate of the key's
//! question resolved, whenever it was asked, so the group leaves the inbox. A near-duplicate
//! missed again later starts a new group with a new key: the answers changed since, so that miss
//! is news. The key also changes when the group's oldest question leaves the window (`days`)
//! and a younger one leads it.

use super::days::Window;
use super::model::{Outcome, RecordId, Resolution, StoredQuestion, UnixMillis};
use super::similarity::{self, near_duplicates, Phraser};
use super::storage::{Storage, StorageError};
use crate::locale::Lang;
use serde::Serialize;
use std::collections::HashMap;

/// Groups per page unless the caller asks otherwise (fits one Discord embed).
pub const PAGE_SIZE: usize = 10;

/// Answer ids listed per group as what the bot leaned towards.
const CANDIDATES: usize = 3;

/// Why a question is in the inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Miss {
    /// The bot abstained.
    Unanswered,
    /// The bot suggested answers and none was opened.
    NotOpened,
    /// The member clicked "not this" on the suggestions.
    NotThis,
    /// A member voted the answer not helpful.
    NotHelpful,
}

/// Why `question` is in the inbox, or `None` when it is not (answered well, or resolved).
/// Explicit feedback counts first.
pub fn miss(question: &StoredQuestion) -> Option<Miss> {
    if question.resolved.is_some() {
        return None;
    }
    if question.not_helpful > 0 {
        return Some(Miss::NotHelpful);
    }
    if question.not_this {
        return Some(Miss::NotThis);
    }
    match question.question.outcome {
        Outcome::Abstain => Some(Miss::Unanswered),
        Outcome::Suggest if question.opened.is_none() => Some(Miss::NotOpened),
        Outcome::Suggest | Outcome::Answer => None,
    }
}

/// How many questions of a group are in the inbox for each reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MissCounts {
    /// Abstained.
    pub unanswered: usize,
    /// Suggested, none opened.
    pub not_opened: usize,
    /// "Not this".
    pub not_this: usize,
    /// Voted not helpful.
    pub not_helpful: usize,
}

impl MissCounts {
    fn add(&mut self, miss: Miss) {
        match miss {
            Miss::Unanswered => self.unanswered += 1,
            Miss::NotOpened => self.not_opened += 1,
            Miss::NotThis => self.not_this += 1,
            Miss::NotHelpful => self.not_helpful += 1,
        }
    }
}

/// One row of the inbox: a group of near-duplicate questions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InboxGroup {
    /// Stable key for [`resolve_group`] and custom ids.
    pub key: String,
    /// Questions in the group.
    pub count: usize,
    /// The group's oldest question, as asked.
    pub example: String,
    /// The language its questions were read in.
    pub lang: Lang,
    /// When the latest question of the group was asked.
    pub last_asked: UnixMillis,
    /// Why its questions are here.
    pub misses: MissCounts,
    /// Answers the bot leaned towards (best candidate ids), most frequent first.
    pub candidates: Vec<String>,
    /// The questions, oldest first.
    pub question_ids: Vec<RecordId>,
}

/// One page of the inbox.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InboxPage {
    /// The days covered.
    pub window: Window,
    /// This page, from 1.
    pub page: usize,
    /// Number of pages (at least 1).
    pub pages: usize,
    /// Groups on all pages.
    pub total_groups: usize,
    /// Questions on all pages.
    pub total_questions: usize,
    /// The groups on this page.
    pub groups: Vec<InboxGroup>,
}

/// The key of the group whose oldest question is `leader`.
pub fn group_key(leader: RecordId) -> String {
    format!("g{leader}")
}

/// The question a group key names.
pub fn parse_group_key(key: &str) -> Option<RecordId> {
    key.strip_prefix('g')?.parse().ok()
}

/// Every inbox group among `questions` (oldest first), most frequent first, then most recent.
/// Each group's questions were read in one language.
pub fn groups(questions: &[StoredQuestion]) -> Vec<InboxGroup> {
    let missed: Vec<(&StoredQuestion, Miss)> = questions
        .iter()
        .filter_map(|question| miss(question).map(|why| (question, why)))
        .collect();
    let mut groups: Vec<InboxGroup> =
        similarity::group_by_language(&missed, |(question, _)| &question.question)
            .into_iter()
            .map(|members| summarize(&members.iter().map(|&at| missed[at]).collect::<Vec<_>>()))
            .collect();
    groups.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last_asked.cmp(&a.last_asked))
            .then(a.key.cmp(&b.key))
    });
    groups
}

/// One group's row; `members` are oldest first.
fn summarize(members: &[(&StoredQuestion, Miss)]) -> InboxGroup {
    let leader = members[0].0;
    let mut misses = MissCounts::default();
    let mut leaning: HashMap<&str, usize> = HashMap::new();
    for (question, why) in members {
        misses.add(*why);
        if let Some(id) = &question.question.answer_id {
            *leaning.entry(id).or_default() += 1;
        }
    }
    let mut candidates: Vec<(&str, usize)> = leaning.into_iter().collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    InboxGroup {
        key: group_key(leader.id),
        count: members.len(),
        example: leader.question.text.clone(),
        lang: leader.question.lang,
        last_asked: members
            .iter()
            .map(|(question, _)| question.question.at)
            .max()
            .unwrap_or(leader.question.at),
        misses,
        candidates: candidates
            .into_iter()
            .take(CANDIDATES)
            .map(|(id, _)| id.to_owned())
            .collect(),
        question_ids: members.iter().map(|(question, _)| question.id).collect(),
    }
}

/// Page `page` (from 1; clamped) of the inbox over `questions` in `window`, `per_page` groups
/// a page.
pub fn page(
    questions: &[StoredQuestion],
    window: Window,
    page: usize,
    per_page: usize,
) -> InboxPage {
    let in_window: Vec<StoredQuestion> = questions
        .iter()
        .filter(|question| window.contains(question.question.at))
        .cloned()
        .collect();
    let all = groups(&in_window);
    let per_page = per_page.max(1);
    let pages = all.len().div_ceil(per_page).max(1);
    let page = page.clamp(1, pages);
    InboxPage {
        window,
        page,
        pages,
        total_groups: all.len(),
        total_questions: all.iter().map(|group| group.count).sum(),
        groups: all
            .into_iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .collect(),
    }
}

/// The inbox for the last `days` days at `now`: page `page` of `per_page` groups.
pub fn inbox(
    storage: &mut dyn Storage,
    days: u32,
    now: UnixMillis,
    page_number: usize,
    per_page: usize,
) -> Result<InboxPage, StorageError> {
    let window = Window::last_days(days, now);
    let questions = storage.questions_since(window.since())?;
    Ok(page(&questions, window, page_number, per_page))
}

/// Why a group could not be resolved.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// The key names no stored question.
    #[error("no inbox group `{0}` (it may have been pruned or forgotten)")]
    UnknownGroup(String),
    /// Storage failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Marks the group `key` resolved by `how`: the key's question and every open inbox question
/// read in the same language that is a near-duplicate of it. Returns how many questions were
/// marked (0 when the group was already resolved).
pub fn resolve_group(
    storage: &mut dyn Storage,
    key: &str,
    how: Resolution,
    now: UnixMillis,
) -> Result<u64, ResolveError> {
    let unknown = || ResolveError::UnknownGroup(key.to_owned());
    let leader_id = parse_group_key(key).ok_or_else(unknown)?;
    let questions = storage.questions_since(UnixMillis::MIN)?;
    let leader = questions
        .iter()
        .find(|question| question.id == leader_id)
        .ok_or_else(unknown)?;
    let phraser = Phraser::new(leader.question.lang);
    let leader_phrase = phraser.phrase(&leader.question.text);
    let ids: Vec<RecordId> = questions
        .iter()
        .filter(|question| question.question.lang == leader.question.lang)
        .filter(|question| miss(question).is_some())
        .filter(|question| {
            question.id == leader_id
                || near_duplicates(&leader_phrase, &phraser.phrase(&question.question.text))
        })
        .map(|question| question.id)
        .collect();
    Ok(storage.resolve(&ids, how, now)?)
}
