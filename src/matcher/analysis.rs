//! From a question's words to the terms scored: each word read as known, a typo of a known
//! word, known words run together, or unknown; question-word cues; synonyms within each
//! sentence; stop words dropped. The terms keep their sentence, so that the matcher can score
//! each sentence of a long message as well as the whole.

use super::fuzzy::{split_compound, Corrector};
use super::index::{Index, QueryTerm, Role, MAX_QUESTION_TERMS};
use super::language::{is_number, YEAR_DIGITS};
use super::normalize::Analyzer;
use super::question::{self, Hint};
use rustc_hash::FxHashSet;

/// Weight kept by a word that was corrected as a typo.
const TYPO_CONFIDENCE: f32 = 0.85;
/// Unknown words this short are ignored: they are mostly slang or typos of stop words.
const MAX_IGNORED_UNKNOWN_CHARS: usize = 2;

/// The words the answer set uses, for telling known words, typos and unknown words apart.
pub struct Vocabulary {
    /// Every folded word of every answer and of the synonyms table.
    pub known: FxHashSet<String>,
    /// Typo correction against `known`.
    pub corrector: Corrector,
    /// Words the answers write a number after ("objective 4", "chapter 10").
    pub numbered: FxHashSet<String>,
    /// Every folded word of the answers' own text (not the synonyms table, which also lists
    /// other languages' names for things): what tells their language from the others.
    pub own: FxHashSet<String>,
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

/// What is known of how a term was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// It came from a corrected typo.
    pub corrected: bool,
    /// It is a number written as a count ("all 5").
    pub count: bool,
}

impl std::ops::BitOr for Flags {
    type Output = Self;

    fn bitor(self, other: Self) -> Self {
        Self {
            corrected: self.corrected || other.corrected,
            count: self.count || other.count,
        }
    }
}

/// One term of a question, with where it stands and how it was written.
#[derive(Debug, Clone)]
struct Term {
    text: String,
    sentence: u16,
    flags: Flags,
}

/// A question read into terms.
pub struct Analysis {
    terms: Vec<Term>,
    /// How many sentences hold terms.
    sentences: u16,
    /// Per sentence that has any: `(sentence, words asking what a note cannot say, asks for
    /// personal advice)`.
    signals: Vec<(u16, usize, bool)>,
    /// The sentence of each word dropped as unknown and too short to mean anything ("eu" in
    /// "is the GFMD an EU body?"): the terms left do not say all the message asks.
    ignored: Vec<u16>,
    /// [`super::listed::key_of`] the words read, before stop words and synonyms.
    words_key: Option<u64>,
}

/// A part of a question to score: the whole of it, or one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Every sentence.
    Whole,
    /// One sentence of several.
    Sentence(u16),
}

impl Segment {
    fn holds(self, sentence: u16) -> bool {
        match self {
            Segment::Whole => true,
            Segment::Sentence(only) => only == sentence,
        }
    }
}

/// What the matcher needs to read a question: its analyzer, index and vocabulary.
pub struct Reader<'m> {
    /// The analyzer.
    pub analyzer: &'m Analyzer,
    /// The index (which terms are known).
    pub index: &'m Index,
    /// The answer set's words.
    pub vocabulary: &'m Vocabulary,
}

impl Reader<'_> {
    /// How one folded word of a question is read.
    fn read_word(&self, word: &str) -> Reading {
        let analyzer = self.analyzer;
        let stems = vec![analyzer.stem(word)];
        let rules = analyzer.rules();
        let known = self.vocabulary.known.contains(word)
            || rules.is_stop_word(word)
            || stems
                .iter()
                .all(|stem| self.index.term_id(stem).is_some() || analyzer.synonyms().knows(stem));
        if known {
            return Reading::Known(stems);
        }
        if word.bytes().any(|byte| byte.is_ascii_digit()) {
            // A number is never a typo of another number: 2023 is not 2003.
            return Reading::Unknown(stems);
        }
        if let Some((left, right)) = split_compound(word, &self.vocabulary.known) {
            return Reading::Known(vec![analyzer.stem(left), analyzer.stem(right)]);
        }
        match self.vocabulary.corrector.correct(word) {
            // A content word is not a typo of a stop word ("days" is not "says").
            Some(fixed) if !rules.is_stop_word(fixed) => {
                Reading::Corrected(vec![analyzer.stem(fixed)])
            }
            _ if word.chars().count() <= MAX_IGNORED_UNKNOWN_CHARS => Reading::Ignored,
            _ => Reading::Unknown(stems),
        }
    }

    /// Reads `question`: text-speak and symbols, then each word, then synonyms and stop words
    /// sentence by sentence. A question of nothing but small numbers or stop words has no terms.
    /// A cue for a question word ("year" for "when") is read as one only in a sentence that
    /// has no question word of its own.
    pub fn analyze(&self, question: &str) -> Analysis {
        let words = question::read(question, self.analyzer, &self.vocabulary.numbered);
        let rules = self.analyzer.rules();
        let only_small_numbers = words
            .iter()
            .filter(|word| !rules.is_stop_word(&word.text))
            .all(|word| word.text.len() < YEAR_DIGITS && is_number(&word.text));
        let mut analysis = Analysis {
            terms: Vec::new(),
            sentences: 0,
            signals: signals(&words, self.analyzer),
            ignored: Vec::new(),
            words_key: super::listed::key_of(&words),
        };
        if only_small_numbers {
            return analysis;
        }
        let asking: FxHashSet<u16> = words
            .iter()
            .filter(|word| rules.is_intent_word(&word.text))
            .map(|word| word.sentence)
            .collect();
        let mut stems: Vec<(String, Flags)> = Vec::new();
        let mut sentence = words.first().map_or(0, |word| word.sentence);
        for word in &words {
            if word.sentence != sentence {
                analysis.close_sentence(self.analyzer, &mut stems, sentence);
                sentence = word.sentence;
            }
            let plain = Flags {
                count: word.hint == Hint::Count,
                ..Flags::default()
            };
            let cue = rules
                .intent_cue(&word.text)
                .filter(|_| !asking.contains(&word.sentence));
            if let Some(intent) = cue {
                stems.push((intent.to_owned(), plain));
                let stem = self.analyzer.stem(&word.text);
                if self.index.term_id(&stem).is_some() {
                    stems.push((stem, plain));
                }
                continue;
            }
            let (read, flags) = match self.read_word(&word.text) {
                Reading::Known(read) => (read, plain),
                Reading::Unknown(read) => (read, plain),
                Reading::Corrected(fixed) => (
                    fixed,
                    Flags {
                        corrected: true,
                        ..plain
                    },
                ),
                Reading::Ignored => {
                    analysis.ignored.push(word.sentence);
                    continue;
                }
            };
            stems.extend(read.into_iter().map(|stem| (stem, flags)));
        }
        analysis.close_sentence(self.analyzer, &mut stems, sentence);
        analysis
    }
}

/// Per sentence, the words that ask what a note cannot say and whether it asks for personal
/// advice ("can i", "how do i"), for the sentences that have either.
fn signals(words: &[question::QuestionWord], analyzer: &Analyzer) -> Vec<(u16, usize, bool)> {
    let rules = analyzer.rules();
    let mut signals: Vec<(u16, usize, bool)> = Vec::new();
    for (at, word) in words.iter().enumerate() {
        let next = words
            .get(at + 1)
            .filter(|next| next.sentence == word.sentence);
        let beyond = usize::from(rules.is_beyond_word(&word.text))
            + usize::from(next.is_some_and(|next| rules.is_beyond_pair(&word.text, &next.text)));
        let advice = next.is_some_and(|next| rules.asks_advice(&word.text, &next.text))
            || rules.asks_advice_alone(&word.text);
        if beyond == 0 && !advice {
            continue;
        }
        match signals.last_mut() {
            Some(last) if last.0 == word.sentence => {
                last.1 += beyond;
                last.2 |= advice;
            }
            _ => signals.push((word.sentence, beyond, advice)),
        }
    }
    signals
}

/// What the confidence reads from a question's terms, besides the ranking.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QueryStats {
    /// Topic terms (topic words and specifiers) that some answer has.
    pub known: usize,
    /// Topic terms no answer has.
    pub unknown: usize,
    /// Share of the question's weight in terms no answer has.
    pub unknown_share: f32,
    /// Share of the question's weight in corrected typos.
    pub corrected_share: f32,
    /// Words that ask what a background note cannot say (opinions, predictions, the present).
    pub beyond: usize,
    /// Whether it asks for personal advice ("can i", "how do i").
    pub advice: bool,
    /// Words dropped as unknown and too short to mean anything: while any is, no phrasing can
    /// match the whole of what the message asks.
    pub ignored: usize,
}

impl Analysis {
    /// A hash of the words read (before stop words and synonyms), for looking the whole message
    /// up among the answers' listed phrasings; `None` for a message without words.
    pub fn words_key(&self) -> Option<u64> {
        self.words_key
    }

    /// Ends a sentence: synonyms and stop words over its stems.
    fn close_sentence(
        &mut self,
        analyzer: &Analyzer,
        stems: &mut Vec<(String, Flags)>,
        sentence: u16,
    ) {
        if stems.is_empty() {
            return;
        }
        let terms = analyzer.finish_flagged(std::mem::take(stems));
        if !terms.is_empty() {
            self.sentences += 1;
            self.terms
                .extend(terms.into_iter().map(|(text, flags)| Term {
                    text,
                    sentence,
                    flags,
                }));
        }
    }

    /// The parts worth scoring: the whole question, and each sentence when there are several.
    pub fn segments(&self) -> Vec<Segment> {
        let mut segments = vec![Segment::Whole];
        if self.sentences > 1 {
            let mut seen: Vec<u16> = self.terms.iter().map(|term| term.sentence).collect();
            seen.dedup();
            segments.extend(seen.into_iter().map(Segment::Sentence));
        }
        segments
    }

    /// The query terms of `segment`, each named: distinct, at most [`MAX_QUESTION_TERMS`].
    /// Empty when they only ask ("what is the WHO": question words and stop words).
    pub fn query(&self, segment: Segment, reader: &Reader) -> (Vec<(&str, QueryTerm)>, QueryStats) {
        let rules = reader.analyzer.rules();
        let mut seen = FxHashSet::default();
        let terms: Vec<(&Term, Role)> = self
            .terms
            .iter()
            .filter(|term| segment.holds(term.sentence))
            .filter(|term| seen.insert(term.text.as_str()))
            .take(MAX_QUESTION_TERMS)
            .map(|term| {
                let role = if term.flags.count {
                    Role::Quantity
                } else {
                    Role::of(&term.text, rules)
                };
                (term, role)
            })
            .collect();
        if terms.iter().all(|(_, role)| role.only_asks()) {
            return (Vec::new(), QueryStats::default());
        }
        let query: Vec<(&str, QueryTerm)> = terms
            .iter()
            .map(|(term, role)| {
                let confidence = if term.flags.corrected {
                    TYPO_CONFIDENCE
                } else {
                    1.0
                };
                let query = reader.index.query_term(&term.text, confidence, *role);
                (term.text.as_str(), query)
            })
            .collect();
        let corrected: Vec<bool> = terms.iter().map(|(term, _)| term.flags.corrected).collect();
        let mut stats = stats(&query, &corrected);
        for &(sentence, beyond, advice) in &self.signals {
            if segment.holds(sentence) {
                stats.beyond += beyond;
                stats.advice |= advice;
            }
        }
        stats.ignored = self
            .ignored
            .iter()
            .filter(|&&sentence| segment.holds(sentence))
            .count();
        (query, stats)
    }
}

/// The statistics of `query`, whose terms `corrected` says were typos.
fn stats(query: &[(&str, QueryTerm)], corrected: &[bool]) -> QueryStats {
    let total: f32 = query.iter().map(|(_, term)| term.weight).sum();
    let share = |keep: &dyn Fn(usize, &QueryTerm) -> bool| -> f32 {
        let part: f32 = query
            .iter()
            .enumerate()
            .filter(|(at, (_, term))| keep(*at, term))
            .map(|(_, (_, term))| term.weight)
            .sum();
        if total > 0.0 {
            part / total
        } else {
            0.0
        }
    };
    let topical = |term: &QueryTerm| matches!(term.role, Role::Topic | Role::Specifier);
    QueryStats {
        known: query
            .iter()
            .filter(|(_, term)| topical(term) && term.term.is_some())
            .count(),
        unknown: query
            .iter()
            .filter(|(_, term)| topical(term) && term.term.is_none())
            .count(),
        unknown_share: share(&|_, term| term.term.is_none()),
        corrected_share: share(&|at, _| corrected[at]),
        beyond: 0,
        advice: false,
        ignored: 0,
    }
}
