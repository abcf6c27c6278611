//! What the analyzer knows about a language, in one value: stop words, question words, number
//! words and ordinals, the stemmer, spelling folds, words told apart by their accent and how
//! apostrophes join words. English is here; French and Spanish are other [`Language`] values
//! (`french.rs`, `spanish.rs`, each with its own text-speak table and synonyms in the answer set),
//! and scoring does not change.

use rust_stemmers::Algorithm;
use rustc_hash::{FxHashMap, FxHashSet};

/// How a language's apostrophes join or split words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apostrophes {
    /// A possessive or contracted "'s" is dropped ("GFMD's" -> "gfmd", "what's" -> "what");
    /// other apostrophes join the word ("don't" -> "dont").
    DropTrailingS,
    /// Elided articles and pronouns before an apostrophe are dropped ("l'objectif" ->
    /// "objectif"); other apostrophes join the word.
    DropElided(&'static [&'static str]),
}

/// The language-specific word lists and rules of one language, as static data.
#[derive(Debug)]
pub struct Language {
    /// The language's English name, for messages.
    pub name: &'static str,
    /// The Snowball stemmer.
    pub stemmer: Algorithm,
    /// Words that carry no topic on their own.
    pub stop_words: &'static [&'static str],
    /// Question words kept as terms because they tell intent apart ("who", "when").
    pub intent_words: &'static [&'static str],
    /// Words that stand for a question word in a terse query ("year" asks "when"), as
    /// `(word, question word)`.
    pub intent_cues: &'static [(&'static str, &'static str)],
    /// Words that ask for a count ("how many").
    pub quantity_words: &'static [&'static str],
    /// Number words that give a count ("five").
    pub number_words: &'static [&'static str],
    /// Ordinals as the synonyms and text-speak tables write them ("first").
    pub ordinals: &'static [&'static str],
    /// Words after which a number is a number, never text-speak ("no 4", "number 2").
    pub number_markers: &'static [&'static str],
    /// Words after which a number is a count, not a specifier ("all 5").
    pub count_markers: &'static [&'static str],
    /// Plural determiners: a number between one and a word counts that word, even written
    /// without its plural ending ("these 5 aim", « les 5 objectif »).
    pub plural_determiners: &'static [&'static str],
    /// Endings of a plural noun: a number before one is a count ("the 5 aims").
    pub plural_endings: &'static [&'static str],
    /// Words that ask what a background note cannot say: opinions, predictions, the present
    /// ("should", "think", "next", "current").
    pub beyond_words: &'static [&'static str],
    /// Pairs of words that ask what a background note cannot say ("this year", "good idea").
    pub beyond_pairs: &'static [(&'static str, &'static str)],
    /// Words that, before "I", ask for personal advice ("can I", "do I", "should I").
    pub advice_verbs: &'static [&'static str],
    /// The first person singular ("I") as folded.
    pub first_person: &'static str,
    /// Spelling variants folded into one form, as word endings, most specific first.
    pub spelling_endings: &'static [(&'static str, &'static str)],
    /// Fewest letters before a [`Language::spelling_endings`] ending.
    pub min_spelling_stem: usize,
    /// How apostrophes join words.
    pub apostrophes: Apostrophes,
    /// Words that only their accent tells apart from another word, as `(written, read as)`: the
    /// written form (lowercase, accented, maybe two words) is read as one folded word before
    /// accents are folded away (French "où", "where", is not "ou", "or"). Empty for English.
    pub marked: &'static [(&'static str, &'static str)],
    /// Whether ordinals and number words stay as written instead of being stemmed, so that the
    /// synonyms and the specifier checks see one form ("deuxième", not its stem). English stems
    /// them, as it always has (its ordinals are their own stems).
    pub numbers_as_written: bool,
    /// Words that, after the first person, ask for personal advice ("je peux", "je dois").
    pub advice_after_first_person: &'static [&'static str],
    /// Words that ask for personal advice on their own, the person being in the verb ("puedo",
    /// "debo").
    pub advice_words: &'static [&'static str],
}

impl Language {
    /// `text` with the language's [`Language::marked`] words read as their one folded word
    /// (lowercased, as folding would); `text` as it is when it holds none.
    pub fn mark<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        use unicode_normalization::UnicodeNormalization;
        if self.marked.is_empty() {
            return std::borrow::Cow::Borrowed(text);
        }
        // Most messages are already composed (NFC).
        let composed = matches!(
            unicode_normalization::is_nfc_quick(text.chars()),
            unicode_normalization::IsNormalized::Yes
        );
        // In a composed message, a marked word can only be where its ASCII beginning is, in
        // any case: most messages are let go here without being lowered. Only the Kelvin sign
        // and the dotted capital I lower to ASCII from outside ASCII; a message holding either
        // is lowered.
        let cannot_hold = |written: &str| {
            let start = written
                .find(|c: char| !c.is_ascii())
                .map_or(written, |end| &written[..end]);
            !contains_ignoring_ascii_case(text, start)
        };
        if composed
            && !text.contains(['\u{212A}', '\u{0130}'])
            && self.marked.iter().all(|(written, _)| cannot_hold(written))
        {
            return std::borrow::Cow::Borrowed(text);
        }
        // A composed message is only lowercased, without the composition's buffers:
        // `str::to_lowercase` lowers every character as `char::to_lowercase` does, but for a
        // capital sigma at the end of a word.
        let lower: String = if composed && !text.contains('Σ') {
            text.to_lowercase()
        } else {
            text.nfc().flat_map(char::to_lowercase).collect()
        };
        if !self
            .marked
            .iter()
            .any(|(written, _)| lower.contains(written))
        {
            return std::borrow::Cow::Borrowed(text);
        }
        let marked = self.marked.iter().fold(lower, |text, (written, read)| {
            replace_word(&text, written, read)
        });
        std::borrow::Cow::Owned(marked)
    }

    /// `word` with a spelling variant's ending turned into the one form ("organisation" ->
    /// "organization"), so both spellings share a stem.
    pub fn fold_spelling<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        for (variant, form) in self.spelling_endings {
            if let Some(stem) = word.strip_suffix(variant) {
                if stem.chars().count() >= self.min_spelling_stem {
                    return std::borrow::Cow::Owned(format!("{stem}{form}"));
                }
                break;
            }
        }
        std::borrow::Cow::Borrowed(word)
    }

    /// The lookups built once for an analyzer.
    pub fn rules(&'static self) -> Rules {
        let set = |words: &'static [&'static str]| words.iter().copied().collect();
        Rules {
            language: self,
            stop: set(self.stop_words),
            intent: set(self.intent_words),
            cues: self.intent_cues.iter().copied().collect(),
            quantity: set(self.quantity_words),
            numbers: set(self.number_words),
            ordinals: set(self.ordinals),
            number_markers: set(self.number_markers),
            count_markers: set(self.count_markers),
            plural_determiners: set(self.plural_determiners),
            beyond: set(self.beyond_words),
            advice: set(self.advice_verbs),
            advice_after: set(self.advice_after_first_person),
            advice_alone: set(self.advice_words),
        }
    }
}

/// Whether `text` holds `ascii` with its letters in any case.
fn contains_ignoring_ascii_case(text: &str, ascii: &str) -> bool {
    ascii.is_empty()
        || text
            .as_bytes()
            .windows(ascii.len())
            .any(|window| window.eq_ignore_ascii_case(ascii.as_bytes()))
}

/// `text` with every `written` that stands as a whole word (no letter or digit on either side)
/// replaced by `read`.
fn replace_word(text: &str, written: &str, read: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(written) {
        let end = at + written.len();
        out.push_str(&rest[..at]);
        let before = out.chars().next_back();
        let after = rest[end..].chars().next();
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(if whole { read } else { written });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A [`Language`]'s word lists as sets, for the analyzer's lookups.
#[derive(Debug)]
pub struct Rules {
    language: &'static Language,
    stop: FxHashSet<&'static str>,
    intent: FxHashSet<&'static str>,
    cues: FxHashMap<&'static str, &'static str>,
    quantity: FxHashSet<&'static str>,
    numbers: FxHashSet<&'static str>,
    ordinals: FxHashSet<&'static str>,
    number_markers: FxHashSet<&'static str>,
    count_markers: FxHashSet<&'static str>,
    plural_determiners: FxHashSet<&'static str>,
    beyond: FxHashSet<&'static str>,
    advice: FxHashSet<&'static str>,
    advice_after: FxHashSet<&'static str>,
    advice_alone: FxHashSet<&'static str>,
}

/// Digits in a year: shorter numbers are counts or ordinals, not dates.
pub const YEAR_DIGITS: usize = 4;

/// Whether `word` is written with digits only.
pub fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_digit())
}

impl Rules {
    /// The language these rules come from.
    pub fn language(&self) -> &'static Language {
        self.language
    }

    /// Whether `word` (folded) is a stop word.
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// Whether `term` is a question word that tells intent apart.
    pub fn is_intent_word(&self, term: &str) -> bool {
        self.intent.contains(term)
    }

    /// The question word that `word` stands for in a terse query ("year" -> "when").
    pub fn intent_cue(&self, word: &str) -> Option<&'static str> {
        self.cues.get(word).copied()
    }

    /// Whether `term` asks for a count ("many").
    pub fn is_quantity_word(&self, term: &str) -> bool {
        self.quantity.contains(term)
    }

    /// Whether `term` gives a count: a number shorter than a year, or a number word.
    pub fn is_count(&self, term: &str) -> bool {
        self.numbers.contains(term) || (term.len() < YEAR_DIGITS && is_number(term))
    }

    /// Whether `term` picks one thing out of several: a number ("1994") or an ordinal.
    pub fn is_specifier(&self, term: &str) -> bool {
        self.ordinals.contains(term) || is_number(term)
    }

    /// Whether a number after `word` is a number whatever text-speak says ("no 4").
    pub fn is_number_marker(&self, word: &str) -> bool {
        self.number_markers.contains(word)
    }

    /// Whether a number after `word` is a count ("all 5").
    pub fn is_count_marker(&self, word: &str) -> bool {
        self.count_markers.contains(word)
    }

    /// Whether `word` is a plural determiner ("these", « les », « los »).
    pub fn is_plural_determiner(&self, word: &str) -> bool {
        self.plural_determiners.contains(word)
    }

    /// Whether `word` (folded) could be a noun: letters only, three or more, not a stop word
    /// (so not "and", « et », « de »).
    pub fn is_noun_like(&self, word: &str) -> bool {
        word.len() >= 3
            && word.bytes().all(|byte| byte.is_ascii_alphabetic())
            && !self.is_stop_word(word)
    }

    /// Whether `word` (folded) reads as a plural noun, so that a number before it counts
    /// ("the 5 aims", "los 5 objetivos"): [`Self::is_noun_like`], and longer than its plural
    /// ending by three letters or more ("is", "us" and "was" are not plurals).
    pub fn is_plural(&self, word: &str) -> bool {
        self.is_noun_like(word)
            && self
                .language
                .plural_endings
                .iter()
                .any(|ending| word.len() >= ending.len() + 3 && word.ends_with(ending))
    }

    /// Whether `word` asks what a background note cannot say (an opinion, a prediction, the
    /// present).
    pub fn is_beyond_word(&self, word: &str) -> bool {
        self.beyond.contains(word)
    }

    /// Whether `first` followed by `second` asks what a background note cannot say ("this
    /// year").
    pub fn is_beyond_pair(&self, first: &str, second: &str) -> bool {
        self.language.beyond_pairs.contains(&(first, second))
    }

    /// Whether `first` followed by `second` asks for personal advice ("can i", "je peux").
    pub fn asks_advice(&self, first: &str, second: &str) -> bool {
        let person = self.language.first_person;
        (second == person && self.advice.contains(first))
            || (first == person && self.advice_after.contains(second))
    }

    /// Whether `word` alone asks for personal advice ("puedo").
    pub fn asks_advice_alone(&self, word: &str) -> bool {
        self.advice_alone.contains(word)
    }

    /// Whether `word` (folded) stays as written instead of being stemmed: a stop word, a
    /// question word, a word asking for a count, and, where the language says so, an ordinal or
    /// a number word.
    pub fn keeps_as_written(&self, word: &str) -> bool {
        self.is_stop_word(word)
            || self.is_intent_word(word)
            || self.is_quantity_word(word)
            || (self.language.numbers_as_written
                && (self.ordinals.contains(word) || self.numbers.contains(word)))
    }

    /// `word` with a spelling variant's ending turned into the one form ("organisation" ->
    /// "organization"), so both spellings share a stem.
    pub fn fold_spelling<'w>(&self, word: &'w str) -> std::borrow::Cow<'w, str> {
        self.language.fold_spelling(word)
    }
}

/// English.
pub static ENGLISH: Language = Language {
    name: "English",
    stemmer: Algorithm::English,
    stop_words: ENGLISH_STOP_WORDS,
    intent_words: &["who", "when", "where", "why"],
    intent_cues: &[
        ("year", "when"),
        ("years", "when"),
        ("date", "when"),
        ("dates", "when"),
        ("month", "when"),
        ("months", "when"),
        ("location", "where"),
        ("venue", "where"),
        ("reason", "why"),
        ("rationale", "why"),
    ],
    quantity_words: &["many", "much"],
    // "one" is left out, being as often a pronoun ("which one"); a synonyms table may also
    // read some of these as ordinals ("objective three" = third).
    number_words: &[
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
    ],
    ordinals: &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ],
    number_markers: &["no", "nr", "num", "number"],
    count_markers: &["all"],
    plural_determiners: &["these", "those"],
    plural_endings: &["s"],
    beyond_words: &[
        "should",
        "think",
        "opinion",
        "useful",
        "worth",
        "better",
        "worse",
        "will",
        "next",
        "current",
        "currently",
        "now",
        "nowadays",
        "recent",
        "recently",
        "latest",
        "upcoming",
        "future",
        "today",
        "tonight",
        "tomorrow",
        "still",
        "right",
        "wrong",
        "important",
    ],
    beyond_pairs: &[
        ("this", "year"),
        ("good", "idea"),
        ("bad", "idea"),
        ("so", "far"),
    ],
    advice_verbs: &["can", "could", "do", "should", "may", "must", "shall", "am"],
    first_person: "i",
    // British spellings and their American forms. Both the answers and the questions go through
    // them, so a rule only has to be consistent, not perfect.
    spelling_endings: &[
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
    ],
    // So that "four", "your" and "rise" are left alone.
    min_spelling_stem: 3,
    apostrophes: Apostrophes::DropTrailingS,
    marked: &[],
    numbers_as_written: false,
    advice_after_first_person: &[],
    advice_words: &[],
};

/// English words that carry no topic on their own: function words, greetings and politeness,
/// and words that say what kind of answer is wanted ("definition", "summary"). Question words
/// that tell intent apart ("when", "who", "where", "why") are not among them.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "absolutely",
    "acronym",
    "acronyms",
    "actual",
    "actually",
    "advance",
    "afternoon",
    "again",
    "all",
    "already",
    "also",
    "always",
    "am",
    "an",
    "and",
    "another",
    "any",
    "anybody",
    "anyone",
    "anything",
    "anyway",
    "apologies",
    "apologise",
    "apologize",
    "apparently",
    "appreciate",
    "appreciated",
    "are",
    "arent",
    "as",
    "asap",
    "ask",
    "asking",
    "at",
    "aunt",
    "basic",
    "basically",
    "basics",
    "be",
    "because",
    "been",
    "being",
    "bit",
    "boss",
    "bot",
    "breakfast",
    "brief",
    "briefly",
    "brother",
    "btw",
    "bullet",
    "but",
    "by",
    "can",
    "cannot",
    "cant",
    "characterise",
    "characterize",
    "check",
    "cheers",
    "clue",
    "clueless",
    "colleague",
    "colleagues",
    "confirm",
    "confused",
    "confusing",
    "correct",
    "could",
    "couldnt",
    "cousin",
    "curious",
    "dad",
    "define",
    "definition",
    "describe",
    "description",
    "detail",
    "details",
    "did",
    "didnt",
    "dinner",
    "do",
    "does",
    "doesnt",
    "doing",
    "dont",
    "dumb",
    "dummies",
    "dummy",
    "eh",
    "embarrassed",
    "embarrassing",
    "english",
    "even",
    "evening",
    "ever",
    "everyone",
    "exact",
    "exactly",
    "explain",
    "explanation",
    "few",
    "flatmate",
    "folks",
    "footnote",
    "for",
    "friday",
    "friend",
    "friends",
    "from",
    "genuine",
    "genuinely",
    "get",
    "give",
    "go",
    "goes",
    "going",
    "gone",
    "got",
    "grandfather",
    "grandma",
    "grandmother",
    "grandpa",
    "guess",
    "guys",
    "had",
    "haha",
    "hahaha",
    "has",
    "have",
    "he",
    "heard",
    "hello",
    "her",
    "here",
    "hey",
    "hi",
    "him",
    "hiya",
    "honest",
    "honestly",
    "hope",
    "hopefully",
    "hoping",
    "how",
    "i",
    "idk",
    "if",
    "ill",
    "im",
    "in",
    "info",
    "information",
    "insist",
    "insists",
    "into",
    "is",
    "isnt",
    "it",
    "its",
    "ive",
    "journalist",
    "just",
    "keep",
    "keeping",
    "keeps",
    "kept",
    "kind",
    "know",
    "lecturer",
    "let",
    "letters",
    "like",
    "lines",
    "list",
    "lmao",
    "lol",
    "lost",
    "lot",
    "manager",
    "maybe",
    "me",
    "mean",
    "meaning",
    "means",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "mix",
    "mixed",
    "mom",
    "monday",
    "more",
    "morning",
    "mother",
    "mum",
    "my",
    "nah",
    "naive",
    "need",
    "needed",
    "needs",
    "nerd",
    "new",
    "newbie",
    "newcomer",
    "nobody",
    "nod",
    "nodded",
    "noob",
    "nope",
    "of",
    "ok",
    "okay",
    "on",
    "or",
    "our",
    "overview",
    "paragraph",
    "parents",
    "people",
    "phd",
    "phrase",
    "plain",
    "please",
    "pls",
    "possible",
    "possibly",
    "pretty",
    "prof",
    "professor",
    "professors",
    "proud",
    "question",
    "questions",
    "quick",
    "quickly",
    "quite",
    "random",
    "really",
    "recall",
    "refer",
    "refers",
    "remember",
    "reviewer",
    "roommate",
    "rough",
    "roughly",
    "rundown",
    "s",
    "said",
    "sanity",
    "saturday",
    "say",
    "scribbled",
    "sentence",
    "sentences",
    "seriously",
    "she",
    "short",
    "should",
    "silly",
    "simple",
    "simply",
    "since",
    "sister",
    "so",
    "some",
    "somebody",
    "somehow",
    "someone",
    "something",
    "sorry",
    "sort",
    "stuck",
    "student",
    "students",
    "stuff",
    "stupid",
    "sum",
    "summarise",
    "summarize",
    "summary",
    "sunday",
    "supervisor",
    "supposed",
    "sure",
    "surprised",
    "teacher",
    "teachers",
    "tell",
    "terms",
    "text",
    "than",
    "thank",
    "thanks",
    "that",
    "thats",
    "the",
    "their",
    "them",
    "then",
    "there",
    "theres",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "thought",
    "thursday",
    "time",
    "times",
    "to",
    "told",
    "too",
    "topic",
    "topics",
    "totally",
    "trying",
    "tuesday",
    "uncle",
    "understand",
    "until",
    "us",
    "versus",
    "very",
    "want",
    "was",
    "watched",
    "we",
    "wednesday",
    "week",
    "weeks",
    "went",
    "were",
    "what",
    "whatever",
    "whether",
    "which",
    "will",
    "with",
    "wonder",
    "wondered",
    "wondering",
    "wont",
    "would",
    "wouldnt",
    "write",
    "writes",
    "writing",
    "written",
    "wrote",
    "yeah",
    "yep",
    "yes",
    "you",
    "your",
    "youre",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{french::FRENCH, spanish::SPANISH};
    use proptest::prelude::*;

    /// [`Language::mark`] with every text composed and lowered character by character.
    fn marked_slowly(language: &Language, text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
        if !language
            .marked
            .iter()
            .any(|(written, _)| lower.contains(written))
        {
            return text.to_owned();
        }
        language.marked.iter().fold(lower, |text, (written, read)| {
            replace_word(&text, written, read)
        })
    }

    proptest! {
        /// The shortcuts for composed text mark any text as composing it first would.
        #[test]
        fn marked_words_are_read_in_any_text(
            text in "(Où|OÙ|Ou\u{300}|où|¿Por qué|POR QUE|pOr que|\u{212A}|\u{0130}|ΣΑΣ|Σ|[a-zA-Zéè ?¿]|\\PC){0,40}"
        ) {
            for language in [&FRENCH, &SPANISH] {
                prop_assert_eq!(language.mark(&text).into_owned(), marked_slowly(language, &text));
            }
        }
    }

    #[test]
    fn english_lists_are_folded_and_do_not_overlap() {
        let rules = ENGLISH.rules();
        for word in ENGLISH.stop_words {
            assert_eq!(crate::matcher::normalize::fold(word), *word);
            assert!(!rules.is_intent_word(word), "{word}");
        }
        for (cue, intent) in ENGLISH.intent_cues {
            assert!(rules.is_intent_word(intent), "{cue} -> {intent}");
            assert!(!rules.is_stop_word(cue), "{cue}");
        }
    }

    #[test]
    fn plurals_are_told_by_their_ending_in_each_language() {
        let english = ENGLISH.rules();
        assert!(english.is_plural("aims") && english.is_plural("objectives"));
        assert!(!english.is_plural("us") && !english.is_plural("this"));
        assert!(!english.is_plural("aim") && !english.is_plural("2s"));
        let french = super::super::french::FRENCH.rules();
        assert!(french.is_plural("objectifs") && french.is_plural("travaux"));
        let spanish = super::super::spanish::SPANISH.rules();
        assert!(spanish.is_plural("objetivos") && !spanish.is_plural("los"));
    }

    #[test]
    fn numbers_and_ordinals_specify_and_short_numbers_count() {
        let rules = ENGLISH.rules();
        assert!(rules.is_specifier("2007") && rules.is_specifier("6"));
        assert!(rules.is_specifier("second"));
        assert!(!rules.is_specifier("brussels") && !rules.is_specifier(""));
        assert!(rules.is_count("6") && rules.is_count("five") && rules.is_count("six"));
        assert!(!rules.is_count("2007") && !rules.is_count("second") && !rules.is_count("one"));
    }
}
