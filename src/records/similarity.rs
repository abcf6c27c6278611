//! Near-duplicate questions, for grouping the inbox. A question becomes the set of its words as
//! the matcher folds them (case, accents, punctuation, elision; see `matcher::normalize`), without
//! the stop words of the language it was read in, stemmed by that language's stemmer. Two
//! questions are compared by a soft Jaccard index over those sets: shared words over all words,
//! where two words also count as shared when they are a typo apart (Damerau-Levenshtein similarity at least [`TYPO_SIMILARITY`], both at least 4 letters, no
//! digits: 2019 is not a typo of 2025). Questions at or above [`DUPLICATE_THRESHOLD`] are
//! near-duplicates: with four content words, one word different is not enough (3/5 = 0.6:
//! "when is the next summit" is not "where is the next summit"), one word more is (3/4).
//!
//! Grouping is "leader" clustering in time order: each question joins the first group whose
//! oldest question (its leader) it resembles, or starts a new group. A group's leader never
//! changes when newer questions arrive, so a key made from it stays stable.

use super::model::Question;
use crate::locale::Lang;
use crate::matcher::language::Rules;
use crate::matcher::normalize::{fold_in, WordStemmer};
use std::collections::BTreeSet;

/// Lowest soft Jaccard index at which two questions are near-duplicates (tested in
/// `tests/records.rs` and below on pairs that must and must not group).
pub const DUPLICATE_THRESHOLD: f64 = 0.7;

/// Lowest Damerau-Levenshtein similarity at which two words count as the same word misspelt.
pub const TYPO_SIMILARITY: f64 = 0.75;

/// Shortest word that may be matched as a typo.
const MIN_TYPO_CHARS: usize = 4;

/// A question reduced to what near-duplicate detection compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Stemmed content words, sorted, without repeats.
    words: Vec<String>,
    /// The folded text, compared when there are no content words ("what?").
    folded: String,
}

/// Turns text in one language into [`Phrase`]s (holds its rules and stemmer).
pub struct Phraser {
    rules: Rules,
    stemmer: WordStemmer,
}

impl Default for Phraser {
    /// The English phraser.
    fn default() -> Self {
        Self::new(Lang::En)
    }
}

impl Phraser {
    /// The phraser of questions read in `lang`.
    pub fn new(lang: Lang) -> Self {
        let language = crate::matcher::language(lang);
        Self {
            rules: language.rules(),
            stemmer: WordStemmer::new(language),
        }
    }

    /// The phrase of `text`.
    pub fn phrase(&self, text: &str) -> Phrase {
        let folded = fold_in(text, self.rules.language());
        let words: BTreeSet<String> = folded
            .split_whitespace()
            .filter(|word| !self.rules.is_stop_word(word))
            .map(|word| self.stemmer.stem(word))
            .collect();
        Phrase {
            words: words.into_iter().collect(),
            folded: folded.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

/// How alike two phrases are, 0 to 1 (soft Jaccard over their words).
pub fn similarity(a: &Phrase, b: &Phrase) -> f64 {
    if a.words.is_empty() || b.words.is_empty() {
        return if a.words.is_empty() && b.words.is_empty() && a.folded == b.folded {
            1.0
        } else {
            0.0
        };
    }
    let (small, large) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let mut used = vec![false; large.words.len()];
    let mut shared = 0usize;
    for word in &small.words {
        if let Some(at) = best_match(word, &large.words, &used) {
            used[at] = true;
            shared += 1;
        }
    }
    shared as f64 / (a.words.len() + b.words.len() - shared) as f64
}

/// The unused word of `words` that is `word` or a typo of it (exact matches first).
fn best_match(word: &str, words: &[String], used: &[bool]) -> Option<usize> {
    let free = |at: &usize| !used[*at];
    if let Some(at) = (0..words.len()).filter(free).find(|at| words[*at] == word) {
        return Some(at);
    }
    let typo_candidate = |word: &str| {
        word.chars().count() >= MIN_TYPO_CHARS && !word.bytes().any(|b| b.is_ascii_digit())
    };
    if !typo_candidate(word) {
        return None;
    }
    (0..words.len())
        .filter(free)
        .filter(|at| typo_candidate(&words[*at]))
        .map(|at| (at, strsim::normalized_damerau_levenshtein(word, &words[at])))
        .filter(|(_, score)| *score >= TYPO_SIMILARITY)
        .max_by(|x, y| x.1.total_cmp(&y.1))
        .map(|(at, _)| at)
}

/// Whether two phrases are near-duplicates.
pub fn near_duplicates(a: &Phrase, b: &Phrase) -> bool {
    // The index cannot reach the threshold when one set is much larger than the other.
    let (x, y) = (a.words.len().max(1), b.words.len().max(1));
    if (x.min(y) as f64) < DUPLICATE_THRESHOLD * x.max(y) as f64 {
        return false;
    }
    similarity(a, b) >= DUPLICATE_THRESHOLD
}

/// Groups the questions of `items` (in time order, oldest first; `question` gives an item's),
/// each only with questions read in the same language, phrased by that language's [`Phraser`]:
/// each group lists indices into `items`, its leader first; groups come language by language
/// ([`Lang::ALL`]), each language's in the order their leaders appear.
pub fn group_by_language<T>(items: &[T], question: impl Fn(&T) -> &Question) -> Vec<Vec<usize>> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            let phraser = Phraser::new(lang);
            let members: Vec<usize> = (0..items.len())
                .filter(|&at| question(&items[at]).lang == lang)
                .collect();
            let phrases: Vec<Phrase> = members
                .iter()
                .map(|&at| phraser.phrase(&question(&items[at]).text))
                .collect();
            group(&phrases)
                .into_iter()
                .map(|found| found.into_iter().map(|at| members[at]).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Groups `phrases` (in time order, oldest first): each group lists indices into `phrases`,
/// its leader first; groups are in the order their leaders appear.
pub fn group(phrases: &[Phrase]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (index, phrase) in phrases.iter().enumerate() {
        let home = groups
            .iter_mut()
            .find(|group| near_duplicates(&phrases[group[0]], phrase));
        match home {
            Some(group) => group.push(index),
            None => groups.push(vec![index]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alike(a: &str, b: &str) -> bool {
        let phraser = Phraser::default();
        near_duplicates(&phraser.phrase(a), &phraser.phrase(b))
    }

    #[test]
    fn rephrasings_and_typos_are_near_duplicates() {
        for (a, b) in [
            (
                "When is the next GFMD summit?",
                "when is the next gfmd summit",
            ),
            (
                "When is the next GFMD summit?",
                "when's the next summit of the GFMD",
            ),
            ("how do I join the gfmd", "How can I join GFMD??"),
            ("who chairs the GFMD in 2025", "who chairs gfmd 2025"),
            (
                "where is the next summit held",
                "where is the nxet summit held",
            ),
            ("when is the next summit", "When is the next GFMD summit?"),
            ("what?", "What ?"),
        ] {
            assert!(alike(a, b), "{a:?} ~ {b:?}");
        }
    }

    #[test]
    fn a_french_question_drops_french_stop_words() {
        let (a, b) = (
            "Quels sont les objectifs du FMMD ?",
            "Les objectifs du FMMD, c'est quoi ?",
        );
        let french = Phraser::new(Lang::Fr);
        assert!(near_duplicates(&french.phrase(a), &french.phrase(b)));
        let english = Phraser::default();
        assert!(!near_duplicates(&english.phrase(a), &english.phrase(b)));
    }

    #[test]
    fn different_questions_are_not() {
        for (a, b) in [
            (
                "When is the next GFMD summit?",
                "Where is the next GFMD summit?",
            ),
            ("who chairs the GFMD in 2025", "who chairs the GFMD in 2019"),
            ("how do I join the gfmd", "how do I leave the gfmd"),
            (
                "what is the civil society mechanism",
                "what is the business mechanism",
            ),
            ("what?", "why?"),
            (
                "tell me about migration",
                "tell me about migration and climate change policy",
            ),
        ] {
            assert!(!alike(a, b), "{a:?} !~ {b:?}");
        }
    }

    #[test]
    fn groups_follow_their_oldest_question() {
        let phraser = Phraser::default();
        let texts = [
            "when is the next summit",
            "who founded the gfmd",
            "when is the next summit?",
            "who founded gfmd",
            "When's the next summit",
        ];
        let phrases: Vec<Phrase> = texts.iter().map(|text| phraser.phrase(text)).collect();
        assert_eq!(group(&phrases), vec![vec![0, 2, 4], vec![1, 3]]);
    }
}
