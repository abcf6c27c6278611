//! Text normalization shared by the index and queries: Unicode folding (case, diacritics,
//! compatibility forms), word splitting, stemming, synonym replacement and stop-word removal.

use crate::answers::Synonyms;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Longest input, in characters, that the matcher reads; the rest of a longer message is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;

/// Digits in a year: shorter numbers are counts or ordinals, not dates.
pub const YEAR_DIGITS: usize = 4;

/// Words that carry no topic on their own. Question words that tell intent apart ("when", "who",
/// "where", "why") are kept.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "abt",
    "actually",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "are",
    "arent",
    "as",
    "at",
    "basically",
    "be",
    "been",
    "being",
    "bot",
    "brief",
    "briefly",
    "but",
    "by",
    "can",
    "cannot",
    "cant",
    "could",
    "couldnt",
    "describe",
    "detail",
    "details",
    "did",
    "didnt",
    "do",
    "does",
    "doesnt",
    "doing",
    "dont",
    "eh",
    "even",
    "ever",
    "exactly",
    "explain",
    "for",
    "from",
    "get",
    "give",
    "go",
    "goes",
    "going",
    "gone",
    "got",
    "had",
    "has",
    "have",
    "hey",
    "hi",
    "how",
    "i",
    "if",
    "im",
    "in",
    "info",
    "information",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "just",
    "know",
    "let",
    "like",
    "me",
    "mean",
    "meaning",
    "means",
    "more",
    "my",
    "of",
    "on",
    "or",
    "our",
    "pls",
    "please",
    "plz",
    "quick",
    "quickly",
    "r",
    "really",
    "s",
    "say",
    "simple",
    "simply",
    "should",
    "since",
    "so",
    "some",
    "someone",
    "tell",
    "teh",
    "terms",
    "than",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "thx",
    "to",
    "u",
    "until",
    "ur",
    "us",
    "very",
    "want",
    "wanna",
    "was",
    "wasnt",
    "wat",
    "we",
    "went",
    "were",
    "what",
    "whats",
    "which",
    "will",
    "with",
    "wont",
    "would",
    "wouldnt",
    "wut",
    "wuz",
    "ya",
    "yo",
    "you",
    "your",
];

/// Question words that are kept as terms because they tell intent apart.
const INTENT_WORDS: &[&str] = &["who", "when", "where", "why"];

/// Words that ask for a count ("how many", "how much").
const QUANTITY_WORDS: &[&str] = &["many", "much"];

/// Number words that give a count. "one" is left out, being as often a pronoun ("which one"); a
/// synonyms table may also read some of these as ordinals ("objective three" = third).
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
];

/// Ordinals as the synonyms table writes them, so "2nd" and "second" both count.
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Whether `term` is a question word that tells intent apart ("who", "when", "where", "why").
pub fn is_intent_word(term: &str) -> bool {
    INTENT_WORDS.contains(&term)
}

/// Whether `term` asks for a count ("many", "much").
pub fn is_quantity_word(term: &str) -> bool {
    QUANTITY_WORDS.contains(&term)
}

/// Whether `term` gives a count: a number shorter than a year, or a number word.
pub fn is_count(term: &str) -> bool {
    NUMBER_WORDS.contains(&term)
        || (!term.is_empty()
            && term.len() < YEAR_DIGITS
            && term.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `term` picks one thing out of several: a number ("1994") or an ordinal ("second").
pub fn is_specifier(term: &str) -> bool {
    ORDINALS.contains(&term) || (!term.is_empty() && term.bytes().all(|byte| byte.is_ascii_digit()))
}

static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Whether `word` (already folded) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Lowercases, strips diacritics and compatibility forms, and turns everything that is not a
/// letter or digit into a space. Zero-width and control characters disappear. A possessive or
/// contracted "'s" is dropped ("GFMD's" -> "gfmd", "what's" -> "what"); other apostrophes join
/// ("don't" -> "dont"). Only the first [`MAX_QUERY_CHARS`] characters are read.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_QUERY_CHARS * 2));
    let mut after_apostrophe = false;
    let mut pending_s = false;
    for c in text.chars().take(MAX_QUERY_CHARS).nfkd() {
        if is_combining_mark(c) || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}') {
            continue;
        }
        if matches!(c, '\'' | '’') {
            after_apostrophe = true;
            continue;
        }
        let joined_s = std::mem::take(&mut pending_s);
        if std::mem::take(&mut after_apostrophe) && matches!(c, 's' | 'S') {
            pending_s = true;
            continue;
        }
        if c.is_alphanumeric() {
            if joined_s {
                out.push('s');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    out
}

/// Folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// British spellings and their American forms, as word endings, most specific first. Both the
/// answers and the questions go through them, so a rule only has to be consistent, not perfect.
const SPELLING_ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ctised", "cticed"),
    ("ctises", "ctices"),
    ("ctising", "cticing"),
    ("ctise", "ctice"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("ammes", "ams"),
    ("amme", "am"),
    ("ours", "ors"),
    ("our", "or"),
];

/// Fewest letters that must come before a [`SPELLING_ENDINGS`] ending, so that "four", "your"
/// and "rise" are left alone.
const MIN_SPELLING_STEM: usize = 3;

/// `word` with a British ending ("organisation", "programme", "dialogue", "behaviour") turned
/// into its American form, so both spellings share a stem.
pub fn american_spelling(word: &str) -> Cow<'_, str> {
    for (british, american) in SPELLING_ENDINGS {
        if let Some(stem) = word.strip_suffix(british) {
            if stem.chars().count() >= MIN_SPELLING_STEM {
                return Cow::Owned(format!("{stem}{american}"));
            }
            break;
        }
    }
    Cow::Borrowed(word)
}

/// Stems English words, leaving numbers and short words alone.
pub struct WordStemmer {
    stemmer: Stemmer,
}

impl Default for WordStemmer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl WordStemmer {
    /// The stem of one folded word.
    pub fn stem(&self, word: &str) -> String {
        if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
            word.to_owned()
        } else {
            self.stemmer.stem(&american_spelling(word)).into_owned()
        }
    }
}

/// Replaces synonym phrases (as stemmed word sequences) with their canonical stemmed words.
#[derive(Default)]
pub struct SynonymMap {
    phrases: HashMap<Vec<String>, Vec<String>>,
    longest: usize,
    words: HashSet<String>,
}

impl SynonymMap {
    /// Builds the map from the answer set's synonyms table.
    pub fn new(synonyms: &Synonyms, stemmer: &WordStemmer) -> Self {
        let stem_all = |text: &str| -> Vec<String> {
            words(text).iter().map(|word| stemmer.stem(word)).collect()
        };
        let mut map = Self::default();
        for (canonical, alternatives) in &synonyms.groups {
            let canonical_stems = stem_all(canonical);
            if canonical_stems.is_empty() {
                continue;
            }
            map.words.extend(canonical_stems.iter().cloned());
            for alternative in alternatives {
                let stems = stem_all(alternative);
                if stems.is_empty() || stems == canonical_stems {
                    continue;
                }
                map.longest = map.longest.max(stems.len());
                map.words.extend(stems.iter().cloned());
                map.phrases.insert(stems, canonical_stems.clone());
            }
        }
        map
    }

    /// Whether `stem` is part of any synonym phrase.
    pub fn knows(&self, stem: &str) -> bool {
        self.words.contains(stem)
    }

    /// Every word that appears in a synonym phrase.
    pub fn words(&self) -> impl Iterator<Item = &String> {
        self.words.iter()
    }

    /// `stems` with every synonym phrase replaced by its canonical form, longest match first.
    pub fn apply(&self, stems: Vec<String>) -> Vec<String> {
        if self.phrases.is_empty() {
            return stems;
        }
        let mut out = Vec::with_capacity(stems.len());
        let mut start = 0;
        'outer: while start < stems.len() {
            let longest = self.longest.min(stems.len() - start);
            for length in (1..=longest).rev() {
                if let Some(canonical) = self.phrases.get(&stems[start..start + length]) {
                    out.extend(canonical.iter().cloned());
                    start += length;
                    continue 'outer;
                }
            }
            out.push(stems[start].clone());
            start += 1;
        }
        out
    }
}

/// The full pipeline used for indexing: fold, split, stem, replace synonyms, drop stop words.
pub struct Analyzer {
    stemmer: WordStemmer,
    synonyms: SynonymMap,
}

impl Analyzer {
    /// An analyzer for this synonyms table.
    pub fn new(synonyms: &Synonyms) -> Self {
        let stemmer = WordStemmer::default();
        let synonyms = SynonymMap::new(synonyms, &stemmer);
        Self { stemmer, synonyms }
    }

    /// Stems of the words of `text`, before synonyms and stop words.
    pub fn stems(&self, text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .map(|word| {
                if is_stop_word(&word) || is_intent_word(&word) || is_quantity_word(&word) {
                    word
                } else {
                    self.stemmer.stem(&word)
                }
            })
            .collect()
    }

    /// Synonym replacement and stop-word removal over stems.
    pub fn finish(&self, stems: Vec<String>) -> Vec<String> {
        self.synonyms
            .apply(stems)
            .into_iter()
            .filter(|stem| !is_stop_word(stem))
            .collect()
    }

    /// The index terms of `text`.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.finish(self.stems(text))
    }

    /// The synonym map.
    pub fn synonyms(&self) -> &SynonymMap {
        &self.synonyms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_case_diacritics_punctuation_and_zero_width() {
        assert_eq!(fold("Où est BRÜSSEL?!"), "ou est brussel  ");
        assert_eq!(fold("g\u{200B}fmd"), "gfmd");
        assert_eq!(fold("ｇｆｍｄ"), "gfmd");
        assert_eq!(fold("don't"), "dont");
    }

    #[test]
    fn fold_drops_possessive_and_contracted_s() {
        assert_eq!(fold("what's"), "what");
        assert_eq!(fold("the GFMD's goals"), "the gfmd goals");
        assert_eq!(fold("Belgium’s offer"), "belgium offer");
        assert_eq!(fold("o'sullivan"), "osullivan");
    }

    #[test]
    fn british_and_american_spellings_share_a_stem() {
        let stemmer = WordStemmer::default();
        for (british, american) in [
            ("organisation", "organization"),
            ("programme", "program"),
            ("dialogue", "dialog"),
            ("maximise", "maximize"),
            ("behaviour", "behavior"),
            ("practise", "practice"),
        ] {
            assert_eq!(stemmer.stem(british), stemmer.stem(american), "{british}");
        }
        for short in ["four", "your", "rise", "vogue"] {
            assert_eq!(american_spelling(short), short);
        }
    }

    #[test]
    fn synonyms_replace_longest_phrase_first() {
        let synonyms = Synonyms {
            groups: vec![
                (
                    "gfmd".into(),
                    vec![
                        "global forum on migration and development".into(),
                        "global forum".into(),
                    ],
                ),
                ("objective".into(), vec!["goal".into()]),
            ],
        };
        let analyzer = Analyzer::new(&synonyms);
        assert_eq!(
            analyzer.terms("The Global Forum on Migration and Development goals"),
            vec!["gfmd", "object"]
        );
        assert_eq!(analyzer.terms("global forum aims"), vec!["gfmd", "aim"]);
    }

    #[test]
    fn question_words_are_kept_unstemmed_and_contractions_dropped() {
        let analyzer = Analyzer::new(&Synonyms::default());
        assert_eq!(
            analyzer.terms("How many meetings, and where? Why can't it?"),
            vec!["many", "meet", "where", "why"]
        );
    }

    #[test]
    fn numbers_and_ordinals_specify_and_short_numbers_count() {
        assert!(is_specifier("2007") && is_specifier("6") && is_specifier("second"));
        assert!(!is_specifier("brussels") && !is_specifier(""));
        assert!(is_count("6") && is_count("five") && is_count("six"));
        assert!(!is_count("2007") && !is_count("second") && !is_count("one"));
    }

    #[test]
    fn stop_words_and_punctuation_leave_nothing_for_chatter() {
        let analyzer = Analyzer::new(&Synonyms::default());
        assert!(analyzer.terms("hi, what is it?").is_empty());
    }
}
