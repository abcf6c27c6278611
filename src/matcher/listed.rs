//! The phrasings the answers list, by the words the matcher reads in them, so that a message
//! that is word for word one of them (a moderator's "Add as phrasing" of a member's question,
//! say) is known to be certain for the one answer that lists it, however the analyzer goes on to
//! read those words ("this year" is a "when" in a question, not in a phrasing).

use super::normalize::Analyzer;
use super::question::{self, QuestionWord};
use super::text::AnswerText;
use rustc_hash::{FxHashMap, FxHashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Listed phrasings by [`key_of`] their words: the index of the one answer listing them, or
/// `None` when several answers list the same words.
#[derive(Debug, Default)]
pub struct ListedPhrasings {
    by_key: FxHashMap<u64, Option<usize>>,
}

impl ListedPhrasings {
    /// Collects the `questions` of `texts` (in answer index order; `None` for an answer not in
    /// this language), read as the matcher reads a message (`numbered` as in
    /// [`question::read`]).
    pub fn new(
        texts: &[Option<AnswerText<'_>>],
        analyzer: &Analyzer,
        numbered: &FxHashSet<String>,
    ) -> Self {
        let mut by_key: FxHashMap<u64, Option<usize>> = FxHashMap::default();
        for (index, text) in texts.iter().enumerate() {
            let Some(text) = text else { continue };
            for phrasing in text.questions {
                let Some(key) = key_of(&question::read(phrasing, analyzer, numbered)) else {
                    continue;
                };
                by_key
                    .entry(key)
                    .and_modify(|listed| {
                        if *listed != Some(index) {
                            *listed = None;
                        }
                    })
                    .or_insert(Some(index));
            }
        }
        Self { by_key }
    }

    /// The one answer that lists a message whose words have `key`.
    pub fn answer_listing(&self, key: Option<u64>) -> Option<usize> {
        self.by_key.get(&key?).copied().flatten()
    }
}

/// A hash of `words` in order, sentence breaks aside (`None` when there are none): two texts have
/// the same key when the matcher reads the same words in them.
pub fn key_of(words: &[QuestionWord]) -> Option<u64> {
    let mut hasher = DefaultHasher::new();
    for word in words {
        word.text.hash(&mut hasher);
    }
    (!words.is_empty()).then(|| hasher.finish())
}
