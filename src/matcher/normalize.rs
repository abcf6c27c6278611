//! Text normalization shared by the index and queries: Unicode folding (case, diacritics,
//! compatibility forms, the language's apostrophes), word splitting, stemming, synonym
//! replacement and stop-word removal. Everything that differs between languages comes from the
//! [`Profile`] the [`Analyzer`] is built with; questions are read further (sentences, symbols,
//! text-speak) in `question.rs`.

use super::language::{Apostrophes, Language, Rules, ENGLISH};
use crate::answers::{Synonyms, TextSpeak};
use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Longest input, in characters, that the matcher reads; the rest of a longer message is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;

/// Whether `c` disappears when folding: a combining mark, or a zero-width or direction mark.
fn is_invisible(c: char) -> bool {
    is_combining_mark(c) || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')
}

/// Whether `c` is an apostrophe (straight or curly).
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The characters of `text` (its first [`MAX_QUERY_CHARS`]) decomposed (NFKD), without
/// diacritics or invisible characters, lowercased.
///
/// Each character is decomposed on its own. The full NFKD would also put runs of combining
/// characters in canonical order, but every such character is a mark and is dropped here (a
/// test checks this over all of Unicode), so the result is the same, without the reordering
/// buffer; ASCII, the common case, is only lowercased.
pub(super) fn folded_chars(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len().min(MAX_QUERY_CHARS));
    for c in text.chars().take(MAX_QUERY_CHARS) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_compatible(c, |part| {
            if !is_invisible(part) {
                out.extend(part.to_lowercase());
            }
        });
    }
    out
}

/// Joins letters into words by the language's apostrophe rule, one character at a time: what
/// [`fold_with`] and the question reader share.
#[derive(Default)]
pub(super) struct WordJoiner {
    word: String,
    after_apostrophe: bool,
}

impl WordJoiner {
    /// Adds a letter or digit to the word being read.
    pub(super) fn letter(&mut self, c: char, apostrophes: Apostrophes, next_is_letter: bool) {
        if std::mem::take(&mut self.after_apostrophe) {
            match apostrophes {
                // A possessive or contracted "'s" is dropped; "o'sullivan" joins.
                Apostrophes::DropTrailingS if c == 's' && !next_is_letter => return,
                Apostrophes::DropElided(elided) if elided.contains(&self.word.as_str()) => {
                    self.word.clear();
                }
                _ => {}
            }
        }
        self.word.push(c);
    }

    /// Notes an apostrophe: it joins the letters around it.
    pub(super) fn apostrophe(&mut self) {
        self.after_apostrophe = true;
    }

    /// The word read so far, leaving the joiner empty (`None` when there is none).
    pub(super) fn take(&mut self) -> Option<String> {
        self.after_apostrophe = false;
        (!self.word.is_empty()).then(|| std::mem::take(&mut self.word))
    }
}

/// Lowercases, strips diacritics and compatibility forms, and turns everything that is not a
/// letter or digit into a space, joining words across apostrophes by `apostrophes`. Zero-width
/// and control characters disappear. Only the first [`MAX_QUERY_CHARS`] characters are read.
pub fn fold_with(text: &str, apostrophes: Apostrophes) -> String {
    let chars = folded_chars(text);
    let mut out = String::with_capacity(chars.len());
    let mut joiner = WordJoiner::default();
    for (at, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            let next_is_letter = chars.get(at + 1).is_some_and(|next| next.is_alphanumeric());
            joiner.letter(c, apostrophes, next_is_letter);
        } else if is_apostrophe(c) && !joiner.word.is_empty() {
            joiner.apostrophe();
        } else {
            if let Some(word) = joiner.take() {
                out.push_str(&word);
            }
            out.push(' ');
        }
    }
    if let Some(word) = joiner.take() {
        out.push_str(&word);
    }
    out
}

/// [`fold_with`] by `language`'s rules: its [`Language::marked`] words first, then its
/// apostrophes.
pub fn fold_in(text: &str, language: &Language) -> String {
    fold_with(&language.mark(text), language.apostrophes)
}

/// [`fold_with`] by the English rule: a possessive or contracted "'s" is dropped ("GFMD's" ->
/// "gfmd", "what's" -> "what"); other apostrophes join ("don't" -> "dont").
pub fn fold(text: &str) -> String {
    fold_with(text, Apostrophes::DropTrailingS)
}

/// Stems words by a language's stemmer and spelling folds, leaving numbers and short words alone.
pub struct WordStemmer {
    stemmer: Stemmer,
    language: &'static Language,
}

/// English.
impl Default for WordStemmer {
    fn default() -> Self {
        Self::new(&ENGLISH)
    }
}

impl WordStemmer {
    /// The stemmer of `language`.
    pub fn new(language: &'static Language) -> Self {
        Self {
            stemmer: Stemmer::create(language.stemmer),
            language,
        }
    }

    /// The stem of one folded word.
    pub fn stem(&self, word: &str) -> String {
        if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
            word.to_owned()
        } else {
            self.stemmer
                .stem(&self.language.fold_spelling(word))
                .into_owned()
        }
    }
}

/// Replaces synonym phrases (as stemmed word sequences) with their canonical stemmed words.
#[derive(Default)]
pub struct SynonymMap {
    phrases: FxHashMap<Vec<String>, Vec<String>>,
    longest: usize,
    words: FxHashSet<String>,
}

impl SynonymMap {
    /// Builds the map from the answer set's synonyms table; `stem_all` reads a phrase.
    fn new(synonyms: &Synonyms, stem_all: impl Fn(&str) -> Vec<String>) -> Self {
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
        let tagged = stems.into_iter().map(|stem| (stem, ())).collect();
        self.apply_tagged(tagged, |(), ()| ())
            .into_iter()
            .map(|(stem, ())| stem)
            .collect()
    }

    /// [`SynonymMap::apply`] over stems that carry a tag; a replaced phrase's words carry the
    /// tags of the phrase's stems, joined by `join`.
    pub fn apply_tagged<T: Copy>(
        &self,
        stems: Vec<(String, T)>,
        join: impl Fn(T, T) -> T,
    ) -> Vec<(String, T)> {
        if self.phrases.is_empty() {
            return stems;
        }
        let (words, tags): (Vec<String>, Vec<T>) = stems.into_iter().unzip();
        let mut out = Vec::with_capacity(words.len());
        let mut start = 0;
        'outer: while start < words.len() {
            let longest = self.longest.min(words.len() - start);
            for length in (1..=longest).rev() {
                if let Some(canonical) = self.phrases.get(&words[start..start + length]) {
                    let tag = tags[start + 1..start + length]
                        .iter()
                        .fold(tags[start], |tag, next| join(tag, *next));
                    out.extend(canonical.iter().map(|word| (word.clone(), tag)));
                    start += length;
                    continue 'outer;
                }
            }
            out.push((words[start].clone(), tags[start]));
            start += 1;
        }
        out
    }
}

/// The text-speak table as the question reader uses it: written forms that are words
/// ("wat") and written forms with symbols ("w/", "&"), each with its plain words, folded.
#[derive(Default)]
pub struct TextSpeakMap {
    words: FxHashMap<String, Vec<String>>,
    /// Symbol forms as folded characters, longest first.
    symbols: Vec<(Vec<char>, Vec<String>)>,
}

impl TextSpeakMap {
    fn new(table: &TextSpeak, language: &Language) -> Self {
        let apostrophes = language.apostrophes;
        let mut map = Self::default();
        for (written, plain) in &table.entries {
            let plain: Vec<String> = fold_in(plain, language)
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            let folded = fold_with(written, apostrophes);
            if folded.trim() == written.as_str() {
                map.words.insert(written.clone(), plain);
            } else {
                map.symbols.push((folded_chars(written), plain));
            }
        }
        map.symbols
            .sort_by_key(|(chars, _)| std::cmp::Reverse(chars.len()));
        map
    }

    /// The plain words of a written word.
    pub fn word(&self, word: &str) -> Option<&[String]> {
        self.words.get(word).map(Vec::as_slice)
    }

    /// Whether `word` is a written form of the table.
    pub fn has_word(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The symbol forms, longest first, with their plain words.
    pub fn symbols(&self) -> &[(Vec<char>, Vec<String>)] {
        &self.symbols
    }
}

/// The stem of one folded word by `rules`: kept as written when the rules keep it, else stemmed.
fn stem_word(rules: &Rules, stemmer: &WordStemmer, word: &str) -> String {
    if rules.keeps_as_written(word) {
        word.to_owned()
    } else {
        stemmer.stem(word)
    }
}

/// Everything the analyzer reads a language by: the language's rules, and the answer set's
/// synonyms and text-speak tables (written for that language).
#[derive(Clone, Copy)]
pub struct Profile<'a> {
    /// Stop words, question words, numbers, stemmer, spelling folds, apostrophes.
    pub language: &'static Language,
    /// Words and phrases that mean the same.
    pub synonyms: &'a Synonyms,
    /// How members abbreviate and respell words.
    pub textspeak: &'a TextSpeak,
}

/// The full pipeline used for indexing: fold, split, stem, replace synonyms, drop stop words;
/// and, for questions, the text-speak table (see `question.rs`).
pub struct Analyzer {
    rules: Rules,
    stemmer: WordStemmer,
    synonyms: SynonymMap,
    textspeak: TextSpeakMap,
    /// Synonym phrases, as folded words, that hold a text-speak word ("u.n." holds "u" and "n"):
    /// where a question has one, the phrase wins and its words are not text-speak.
    protected: Vec<Vec<String>>,
    /// The stems of the vocabulary's words, worked out once ([`Analyzer::remember_stems`]).
    stems: FxHashMap<String, String>,
}

impl Analyzer {
    /// An analyzer for this profile.
    pub fn new(profile: &Profile) -> Self {
        let language = profile.language;
        let rules = language.rules();
        let stemmer = WordStemmer::new(language);
        // Synonym phrases are stemmed as questions and answers are, keeping the words that stay
        // as written ("quelle" in "en quelle année"), so that a phrase is found where it stands.
        let synonyms = SynonymMap::new(profile.synonyms, |text| {
            fold_in(text, language)
                .split_whitespace()
                .map(|word| stem_word(&rules, &stemmer, word))
                .collect()
        });
        let textspeak = TextSpeakMap::new(profile.textspeak, language);
        let protected = profile
            .synonyms
            .groups
            .iter()
            .flat_map(|(canonical, alternatives)| std::iter::once(canonical).chain(alternatives))
            .map(|phrase| {
                fold_in(phrase, language)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .filter(|words| words.len() > 1 && words.iter().any(|word| textspeak.has_word(word)))
            .collect();
        Self {
            rules,
            stemmer,
            synonyms,
            textspeak,
            protected,
            stems: FxHashMap::default(),
        }
    }

    /// Works out the stems of `words` once, so that [`Analyzer::stem`] looks them up instead of
    /// running the stemmer on every question that holds them.
    pub fn remember_stems<'w>(&mut self, words: impl IntoIterator<Item = &'w String>) {
        for word in words {
            let stem = stem_word(&self.rules, &self.stemmer, word);
            self.stems.insert(word.clone(), stem);
        }
    }

    /// The language's rules.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The text-speak table.
    pub fn textspeak(&self) -> &TextSpeakMap {
        &self.textspeak
    }

    /// Synonym phrases that hold a text-speak word, as folded words.
    pub fn protected_phrases(&self) -> &[Vec<String>] {
        &self.protected
    }

    /// Folded words of `text`, in order.
    pub fn words(&self, text: &str) -> Vec<String> {
        fold_in(text, self.rules.language())
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    /// The stem of one folded word; stop words and question words (and, by the language,
    /// ordinals and number words) are kept as written.
    pub fn stem(&self, word: &str) -> String {
        match self.stems.get(word) {
            Some(stem) => stem.clone(),
            None => stem_word(&self.rules, &self.stemmer, word),
        }
    }

    /// Stems of the words of `text`, before synonyms and stop words.
    pub fn stems(&self, text: &str) -> Vec<String> {
        self.words(text)
            .iter()
            .map(|word| self.stem(word))
            .collect()
    }

    /// Synonym replacement and stop-word removal over stems.
    pub fn finish(&self, stems: Vec<String>) -> Vec<String> {
        self.synonyms
            .apply(stems)
            .into_iter()
            .filter(|stem| !self.rules.is_stop_word(stem))
            .collect()
    }

    /// [`Analyzer::finish`] over stems that carry flags (a replaced phrase's words carry the
    /// flags of its stems joined with `|`).
    pub fn finish_flagged<T: Copy + std::ops::BitOr<Output = T>>(
        &self,
        stems: Vec<(String, T)>,
    ) -> Vec<(String, T)> {
        self.synonyms
            .apply_tagged(stems, |a, b| a | b)
            .into_iter()
            .filter(|(stem, _)| !self.rules.is_stop_word(stem))
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
    use crate::matcher::language::ENGLISH;
    use proptest::prelude::*;

    /// [`folded_chars`] as the full NFKD iterator reads a text.
    fn folded_by_nfkd(text: &str) -> Vec<char> {
        use unicode_normalization::UnicodeNormalization;
        text.chars()
            .take(MAX_QUERY_CHARS)
            .nfkd()
            .filter(|&c| !is_invisible(c))
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn every_character_that_nfkd_reorders_is_a_mark_folding_drops() {
        use unicode_normalization::char::canonical_combining_class;
        let reordered: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| canonical_combining_class(c) != 0 && !is_invisible(c))
            .collect();
        assert_eq!(reordered, Vec::<char>::new());
    }

    #[test]
    fn accents_marks_and_compatibility_forms_fold_as_nfkd_folds_them() {
        for text in [
            "Réunion à Bruxelles ¿Qué?",
            "e\u{301}\u{323}x a\u{323}\u{301}",
            "ﬁrst ½ Ⅻ ｇｆｍｄ",
            "한국어 \u{200B}zero\u{FEFF}width",
            "İstanbul ΣΑΣ ǅ",
        ] {
            assert_eq!(folded_chars(text), folded_by_nfkd(text), "{text}");
        }
    }

    proptest! {
        /// Character by character, any text folds exactly as the full decomposition folds it.
        #[test]
        fn any_text_is_folded_as_the_decomposition_folds_it(text in "\\PC{0,1200}") {
            prop_assert_eq!(folded_chars(&text), folded_by_nfkd(&text));
        }

        /// Combining marks in any order among letters fold as the decomposition folds them.
        #[test]
        fn stacked_marks_fold_as_the_decomposition_folds_them(
            text in "[a-zé\\u{300}-\\u{36F}\\u{1DC0}-\\u{1DFF} ]{0,200}"
        ) {
            prop_assert_eq!(folded_chars(&text), folded_by_nfkd(&text));
        }
    }

    #[test]
    fn only_the_first_characters_are_read_with_or_without_accents() {
        let long = "a".repeat(MAX_QUERY_CHARS + 5);
        assert_eq!(folded_chars(&long).len(), MAX_QUERY_CHARS);
        let accented = "é".repeat(MAX_QUERY_CHARS + 5);
        assert_eq!(folded_chars(&accented), vec!['e'; MAX_QUERY_CHARS]);
    }

    fn analyzer(synonyms: &Synonyms) -> Analyzer {
        Analyzer::new(&Profile {
            language: &ENGLISH,
            synonyms,
            textspeak: &TextSpeak::default(),
        })
    }

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
        assert_eq!(fold("'sup"), " sup");
    }

    #[test]
    fn an_elision_rule_drops_the_elided_word() {
        let french = Apostrophes::DropElided(&["l", "d", "qu"]);
        assert_eq!(fold_with("l'objectif d'abord", french), "objectif abord");
        assert_eq!(fold_with("aujourd'hui", french), "aujourdhui");
    }

    #[test]
    fn british_and_american_spellings_share_a_stem() {
        let analyzer = analyzer(&Synonyms::default());
        for (british, american) in [
            ("organisation", "organization"),
            ("programme", "program"),
            ("dialogue", "dialog"),
            ("maximise", "maximize"),
            ("behaviour", "behavior"),
            ("practise", "practice"),
        ] {
            assert_eq!(analyzer.stem(british), analyzer.stem(american), "{british}");
        }
        for short in ["four", "your", "rise", "vogue"] {
            assert_eq!(analyzer.rules().fold_spelling(short), short);
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
        let analyzer = analyzer(&synonyms);
        assert_eq!(
            analyzer.terms("The Global Forum on Migration and Development goals"),
            vec!["gfmd", "object"]
        );
        assert_eq!(analyzer.terms("global forum aims"), vec!["gfmd", "aim"]);
    }

    #[test]
    fn question_words_are_kept_unstemmed_and_contractions_dropped() {
        let analyzer = analyzer(&Synonyms::default());
        assert_eq!(
            analyzer.terms("How many meetings, and where? Why can't it?"),
            vec!["many", "meet", "where", "why"]
        );
    }

    #[test]
    fn stop_words_and_punctuation_leave_nothing_for_chatter() {
        let analyzer = analyzer(&Synonyms::default());
        assert!(analyzer.terms("hi, what is it?").is_empty());
    }
}
