//! Matching questions to answers, with no Discord and no I/O: normalization, an inverted index
//! with BM25-style weighting reranked by phrasing overlap, keyword cover, question intent and
//! specifiers (see `index.rs`), typo tolerance and run-together words, a confidence with a
//! threshold and a margin over the runner-up, suggestions when it abstains, and the ranking for
//! autocomplete.

mod autocomplete;
#[cfg(test)]
mod fixture;
mod fuzzy;
mod index;
pub mod normalize;

use crate::answers::AnswerSet;
use autocomplete::AutocompleteIndex;
use fuzzy::{split_compound, Corrector};
use index::{Index, QueryTerm, Role, MAX_QUESTION_TERMS};
use normalize::{is_stop_word, words, Analyzer, YEAR_DIGITS};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Weight kept by a word that was corrected as a typo.
const TYPO_CONFIDENCE: f32 = 0.85;
/// Unknown words this short are ignored: they are mostly slang or typos of stop words.
const MAX_IGNORED_UNKNOWN_CHARS: usize = 2;

/// How the matcher decides between answering and abstaining. Lives in `[matcher]` in the config.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Lowest score (0..1) at which the best answer is given.
    pub threshold: f32,
    /// Lowest lead (0..1) the best answer must have over the runner-up.
    pub margin: f32,
    /// How many "did you mean" suggestions to offer when abstaining (0 to
    /// [`Settings::MAX_SUGGESTIONS`]).
    pub max_suggestions: usize,
    /// Lowest score (0..1) for an answer to be suggested.
    pub suggestion_floor: f32,
}

impl Settings {
    /// The most "did you mean" suggestions `max_suggestions` may ask for.
    pub const MAX_SUGGESTIONS: usize = 3;
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            threshold: 0.32,
            margin: 0.04,
            max_suggestions: 3,
            suggestion_floor: 0.2,
        }
    }
}

/// An answer index with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Index into [`AnswerSet::answers`].
    pub index: usize,
    /// Score in 0..=1.
    pub score: f32,
}

/// What the matcher decided for one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Confident: give this answer.
    Answer {
        /// The answer and its score.
        best: Scored,
        /// The runner-up, if any.
        runner_up: Option<Scored>,
    },
    /// Middling: the best candidates are worth offering, not worth posting as the answer.
    Suggest {
        /// The candidates to offer, best first (never empty).
        suggestions: Vec<Scored>,
    },
    /// Not confident: say so, and offer these suggestions (possibly none).
    Abstain {
        /// The best score seen (0 when nothing matched).
        best_score: f32,
        /// Up to `max_suggestions` answers worth offering.
        suggestions: Vec<Scored>,
    },
}

impl Decision {
    /// The score of the best candidate, answered or not.
    pub fn score(&self) -> f32 {
        match self {
            Decision::Answer { best, .. } => best.score,
            Decision::Suggest { suggestions } => suggestions.first().map_or(0.0, |best| best.score),
            Decision::Abstain { best_score, .. } => *best_score,
        }
    }
}

/// One analyzed term of a question, as [`Matcher::explain_terms`] reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct TermReport {
    /// The term (stemmed, after synonyms).
    pub text: String,
    /// Its weight in scoring.
    pub weight: f32,
    /// Whether any answer contains it.
    pub known: bool,
}

/// How one word of a question is read.
enum Reading {
    /// Known as written (or a stop word, or known words run together): its stems.
    Known(Vec<String>),
    /// A typo of a known word: the stems of the correction.
    Corrected(Vec<String>),
    /// Unknown: its stems, which weigh as unknown terms.
    Unknown(Vec<String>),
    /// Unknown and too short to mean anything.
    Ignored,
}

/// Matches free text against one answer set. Build once per answer set; cheap to query.
pub struct Matcher {
    analyzer: Analyzer,
    index: Index,
    corrector: Corrector,
    known_words: HashSet<String>,
    autocomplete: AutocompleteIndex,
    settings: Settings,
}

impl Matcher {
    /// Indexes `set`.
    pub fn new(set: &AnswerSet, settings: Settings) -> Self {
        let analyzer = Analyzer::new(set.synonyms());
        let index = Index::build(set, &analyzer);
        let mut known_words: HashSet<String> = HashSet::new();
        for answer in set.answers() {
            let texts = [&answer.title, &answer.description]
                .into_iter()
                .chain(&answer.questions)
                .chain(&answer.keywords)
                .chain(
                    answer
                        .fields
                        .iter()
                        .flat_map(|field| [&field.name, &field.value]),
                );
            for text in texts {
                known_words.extend(words(text));
            }
        }
        for (canonical, alternatives) in &set.synonyms().groups {
            for text in std::iter::once(canonical).chain(alternatives) {
                known_words.extend(words(text));
            }
        }
        let corrector = Corrector::new(&known_words);
        let autocomplete = AutocompleteIndex::build(set);
        Self {
            analyzer,
            index,
            corrector,
            known_words,
            autocomplete,
            settings,
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// A copy of this matcher's decisions under other settings (for tuning).
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// The analyzed terms of `question`, for explanations and tuning.
    pub fn explain_terms(&self, question: &str) -> Vec<TermReport> {
        self.analyze(question)
            .into_iter()
            .map(|(text, term)| TermReport {
                text,
                weight: term.weight,
                known: term.term.is_some(),
            })
            .collect()
    }

    /// How one folded word of a question is read.
    fn read_word(&self, word: &str) -> Reading {
        let stems = self.analyzer.stems(word);
        let known = self.known_words.contains(word)
            || is_stop_word(word)
            || stems.iter().all(|stem| {
                self.index.term_id(stem).is_some() || self.analyzer.synonyms().knows(stem)
            });
        if known {
            return Reading::Known(stems);
        }
        if word.bytes().any(|byte| byte.is_ascii_digit()) {
            // A number is never a typo of another number: 2023 is not 2003.
            return Reading::Unknown(stems);
        }
        if let Some((left, right)) = split_compound(word, &self.known_words) {
            let mut parts = self.analyzer.stems(left);
            parts.extend(self.analyzer.stems(right));
            return Reading::Known(parts);
        }
        match self.corrector.correct(word) {
            Some(fixed) => Reading::Corrected(self.analyzer.stems(fixed)),
            None if word.chars().count() <= MAX_IGNORED_UNKNOWN_CHARS => Reading::Ignored,
            None => Reading::Unknown(stems),
        }
    }

    /// The question's terms: known words kept, run-together words split and typos corrected
    /// against the answers' own words, then stemmed, synonyms replaced and stop words dropped.
    /// A question of nothing but small numbers or question words ("what is the WHO") has no
    /// terms: it names no topic. Only the first [`MAX_QUESTION_TERMS`] distinct terms are kept.
    fn analyze(&self, question: &str) -> Vec<(String, QueryTerm)> {
        let words = words(question);
        let only_small_numbers = words
            .iter()
            .filter(|word| !is_stop_word(word))
            .all(|word| word.len() < YEAR_DIGITS && word.bytes().all(|byte| byte.is_ascii_digit()));
        if only_small_numbers {
            return Vec::new();
        }
        let mut corrected = Vec::new();
        let mut stems = Vec::new();
        for word in words {
            match self.read_word(&word) {
                Reading::Known(read) | Reading::Unknown(read) => stems.extend(read),
                Reading::Corrected(fixed) => {
                    corrected.extend(fixed.iter().cloned());
                    stems.extend(fixed);
                }
                Reading::Ignored => {}
            }
        }
        let mut seen = HashSet::new();
        let terms: Vec<(String, Role)> = self
            .analyzer
            .finish(stems)
            .into_iter()
            .filter(|term| seen.insert(term.clone()))
            .take(MAX_QUESTION_TERMS)
            .map(|term| {
                let role = Role::of(&term);
                (term, role)
            })
            .collect();
        if terms.iter().all(|(_, role)| role.only_asks()) {
            return Vec::new();
        }
        terms
            .into_iter()
            .map(|(term, role)| {
                let confidence = if corrected.contains(&term) {
                    TYPO_CONFIDENCE
                } else {
                    1.0
                };
                let query = self.index.query_term(&term, confidence, role);
                (term, query)
            })
            .collect()
    }

    /// The best answers for `question`, best first (at most `limit`).
    pub fn rank(&self, question: &str, limit: usize) -> Vec<Scored> {
        let query: Vec<QueryTerm> = self
            .analyze(question)
            .into_iter()
            .map(|(_, term)| term)
            .collect();
        self.index
            .score(&query, limit)
            .into_iter()
            .map(|(index, score)| Scored { index, score })
            .collect()
    }

    /// Answers when the best score clears the threshold and leads the runner-up by the margin;
    /// otherwise abstains with suggestions.
    pub fn decide(&self, question: &str) -> Decision {
        let ranked = self.rank(question, self.settings.max_suggestions.max(2));
        decide_from_ranking(&ranked, &self.settings)
    }

    /// Answer indices whose title, command, id or keyword starts with `input`, best kind first.
    pub fn prefix_matches(&self, input: &str, limit: usize) -> Vec<usize> {
        if input.trim().is_empty() {
            return Vec::new();
        }
        self.autocomplete.prefix_matches(input, limit)
    }

    /// Answer indices for an autocomplete menu, best first: title, command and id prefixes, then
    /// keyword matches, then fuzzy matches; at most `limit`.
    pub fn autocomplete(&self, input: &str, limit: usize) -> Vec<usize> {
        let mut chosen = self.autocomplete.prefix_matches(input, limit);
        if chosen.len() < limit && !input.trim().is_empty() {
            for scored in self.rank(input, limit) {
                if scored.score >= self.settings.suggestion_floor / 2.0
                    && !chosen.contains(&scored.index)
                {
                    chosen.push(scored.index);
                }
                if chosen.len() == limit {
                    break;
                }
            }
        }
        chosen
    }
}

/// Applies threshold and margin to a ranking (best first).
pub fn decide_from_ranking(ranked: &[Scored], settings: &Settings) -> Decision {
    let best = ranked.first().copied();
    let runner_up = ranked.get(1).copied();
    if let Some(best) = best {
        let lead = best.score - runner_up.map_or(0.0, |second| second.score);
        if best.score >= settings.threshold && lead >= settings.margin {
            return Decision::Answer { best, runner_up };
        }
    }
    Decision::Abstain {
        best_score: best.map_or(0.0, |scored| scored.score),
        suggestions: ranked
            .iter()
            .filter(|scored| scored.score >= settings.suggestion_floor)
            .take(settings.max_suggestions)
            .copied()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> (Matcher, AnswerSet) {
        let set = fixture::answer_set();
        (Matcher::new(&set, Settings::default()), set)
    }

    fn terms(matcher: &Matcher, question: &str) -> Vec<(String, bool)> {
        matcher
            .explain_terms(question)
            .into_iter()
            .map(|term| (term.text, term.known))
            .collect()
    }

    #[test]
    fn question_words_alone_name_no_topic() {
        let (matcher, _) = matcher();
        assert!(matcher.rank("what is the WHO", 3).is_empty());
        assert!(matcher.rank("when? where?", 3).is_empty());
        assert!(matcher.rank("how many", 3).is_empty());
        assert!(!matcher.rank("who set up the commission", 3).is_empty());
    }

    #[test]
    fn a_long_question_reads_its_first_64_terms_and_scores_stay_in_range() {
        let (matcher, _) = matcher();
        let filler: Vec<String> = (0..200).map(|n| format!("word{n}")).collect();
        let long = format!("kofi annan {}", filler.join(" "));
        assert_eq!(matcher.explain_terms(&long).len(), MAX_QUESTION_TERMS);
        for question in [
            long.as_str(),
            "",
            "👍👍",
            "belgium belgium belgium",
            "2 2 2",
        ] {
            for scored in matcher.rank(question, 6) {
                assert!((0.0..=1.0).contains(&scored.score), "{question:?}");
            }
        }
    }

    #[test]
    fn a_number_is_never_corrected_into_another_number() {
        let (matcher, _) = matcher();
        assert_eq!(
            terms(&matcher, "commission 2008"),
            vec![("commiss".to_owned(), true), ("2008".to_owned(), false)]
        );
        // A word one letter away from a known one still is.
        assert_eq!(
            terms(&matcher, "comission")[0],
            ("commiss".to_owned(), true)
        );
    }

    #[test]
    fn known_words_run_together_are_split() {
        let (matcher, _) = matcher();
        assert_eq!(
            terms(&matcher, "kofiannan"),
            vec![("kofi".to_owned(), true), ("annan".to_owned(), true)]
        );
    }

    #[test]
    fn the_named_topic_beats_a_question_template_it_shares_with_another_answer() {
        let (matcher, set) = matcher();
        let ranked = matcher.rank("what role did belgium play", 2);
        assert_eq!(set.answers()[ranked[0].index].id, "belgium");
    }

    /// The id of the answer `matcher` gives to `question`, if it answers.
    fn answered<'s>(matcher: &Matcher, set: &'s AnswerSet, question: &str) -> Option<&'s str> {
        match matcher.decide(question) {
            Decision::Answer { best, .. } => Some(set.answers()[best.index].id.as_str()),
            _ => None,
        }
    }

    #[test]
    fn a_when_question_no_answer_dates_is_not_answered() {
        let (matcher, set) = matcher();
        assert_eq!(answered(&matcher, &set, "when did kofi annan die"), None);
        assert_eq!(
            answered(&matcher, &set, "when was the commission set up"),
            Some("commission")
        );
    }

    #[test]
    fn an_ordinal_no_answer_has_is_not_answered() {
        let (matcher, set) = matcher();
        assert_eq!(
            answered(&matcher, &set, "where was the second meeting held"),
            None
        );
        assert_eq!(
            answered(&matcher, &set, "where was the first meeting held"),
            Some("first-meeting")
        );
    }
}
