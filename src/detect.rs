//! Which language a free-form message is in — English, French or Spanish — read from its text
//! alone (Discord sends no locale with messages): a cheap score against the three vocabularies
//! the matchers already hold, and a few letters and marks only one of the languages writes.
//!
//! Each word of the message counts for the languages it belongs to ([`Matcher::is_own_word`]:
//! the answers' text in that language, its stop and question words, its text-speak), shared
//! evenly among them: "the" counts 1 for English, "que" ½ for French and ½ for Spanish, "gfmd"
//! nothing much. A letter such as `ñ`, `¿` or `¡` counts for Spanish, `ç`, `è`, `ê`, `à` for
//! French, an elided article (`l'`, `d'`, `qu'`) for French. The language with the highest score
//! is the message's when it leads the next by [`MARGIN`]; otherwise the text does not say, and
//! the caller falls back (`[questions] language` or the server's preferred locale for a typed
//! message, the member's locale for `/gfmd ask`).
//!
//! Why not a detector crate: on the dev sets (`cargo run --release --example detect`) this score
//! is right more often than `whatlang` restricted to the three languages, because members'
//! questions are short and full of the forum's own words ("fmmd objectifs", "cmmi 2003"), which
//! trigram statistics of general text do not know and the answers' vocabularies do.

use crate::knowledge::Knowledge;
use crate::locale::Lang;
use crate::matcher::normalize::fold_with;
use crate::matcher::Matcher;

/// How far the best language's score must lead the next one's for the text to count as written
/// in it.
pub const MARGIN: f64 = 1.0;

/// Letters written in one of the languages only, with the language (é is both French and
/// Spanish, so it says nothing).
const LETTERS: &[(char, Lang)] = &[
    ('ñ', Lang::Es),
    ('¿', Lang::Es),
    ('¡', Lang::Es),
    ('á', Lang::Es),
    ('í', Lang::Es),
    ('ó', Lang::Es),
    ('ú', Lang::Es),
    ('à', Lang::Fr),
    ('â', Lang::Fr),
    ('ç', Lang::Fr),
    ('è', Lang::Fr),
    ('ê', Lang::Fr),
    ('ë', Lang::Fr),
    ('î', Lang::Fr),
    ('ï', Lang::Fr),
    ('ô', Lang::Fr),
    ('ù', Lang::Fr),
    ('û', Lang::Fr),
    ('œ', Lang::Fr),
];

/// Chat words and laughter members write whatever their language ("xD", "lol", "haha"): one
/// matcher's word lists may hold them (Spanish reads "xd" as a stop word, "ha" as a verb), but
/// they say nothing of the language.
const CHAT_WORDS: &[&str] = &[
    "xd", "lol", "ok", "okay", "omg", "gg", "wtf", "ha", "haha", "hahaha", "hehe",
];

/// Elided words before an apostrophe that only French writes (`l'`, `qu'`…).
const FRENCH_ELISIONS: &[&str] = &["l", "d", "j", "qu", "n", "c", "m", "jusqu"];

/// How much the letters of one language may count in all, so that a long quotation of names
/// does not outweigh the words.
const MOST_FROM_LETTERS: f64 = 2.0;

/// The score of each language for one text, in the order of [`Lang::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores(pub [f64; 3]);

impl Scores {
    /// The language the text is in: the best score, when it leads the next by [`MARGIN`].
    pub fn language(&self) -> Option<Lang> {
        let mut ranked: Vec<(Lang, f64)> = Lang::ALL.into_iter().zip(self.0).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (best, score) = ranked[0];
        (score - ranked[1].1 >= MARGIN).then_some(best)
    }

    fn add(&mut self, lang: Lang, points: f64) {
        self.0[index(lang)] += points;
    }
}

fn index(lang: Lang) -> usize {
    Lang::ALL
        .iter()
        .position(|other| *other == lang)
        .unwrap_or(0)
}

/// The scores of `text` against the matchers of `knowledge`.
pub fn scores(knowledge: &Knowledge, text: &str) -> Scores {
    let matchers = Lang::ALL.map(|lang| knowledge.matcher_in(lang));
    let mut scores = Scores::default();
    // Apostrophes split words here: "l'onu" is "l" and "onu", "what's" is "what" and "s".
    let spaced: String = text
        .chars()
        .map(|c| if matches!(c, '\'' | '’') { ' ' } else { c })
        .collect();
    let folded = fold_with(
        &spaced,
        crate::matcher::language::Apostrophes::DropElided(&[]),
    );
    for word in folded.split_whitespace() {
        add_word(&mut scores, &matchers, word);
    }
    for (lang, points) in letters(text) {
        scores.add(lang, points.min(MOST_FROM_LETTERS));
    }
    scores
}

/// The language `text` is written in, when it says clearly; `None` when it does not (too short,
/// mixed, or words every language has).
pub fn language_of(knowledge: &Knowledge, text: &str) -> Option<Lang> {
    scores(knowledge, text).language()
}

/// Adds one folded word: a point shared among the languages it belongs to (none for a number
/// or a [`CHAT_WORDS`] word).
fn add_word(scores: &mut Scores, matchers: &[&Matcher; 3], word: &str) {
    if word.chars().all(|c| c.is_ascii_digit()) || CHAT_WORDS.contains(&word) {
        return;
    }
    let owners: Vec<Lang> = matchers
        .iter()
        .filter(|matcher| matcher.is_own_word(word))
        .map(|matcher| matcher.lang())
        .collect();
    for lang in &owners {
        scores.add(*lang, 1.0 / owners.len() as f64);
    }
}

/// Points from the letters and elisions of `text`, per language (one per letter written,
/// one per French elision).
fn letters(text: &str) -> Vec<(Lang, f64)> {
    let lower = text.to_lowercase();
    let mut points = [0.0f64; 3];
    for c in lower.chars() {
        if let Some((_, lang)) = LETTERS.iter().find(|(letter, _)| *letter == c) {
            points[index(*lang)] += 1.0;
        }
    }
    let chars: Vec<char> = lower.chars().collect();
    for (at, c) in chars.iter().enumerate() {
        if !matches!(c, '\'' | '’') || !chars.get(at + 1).is_some_and(|c| c.is_alphabetic()) {
            continue;
        }
        let start = chars[..at]
            .iter()
            .rposition(|c| !c.is_alphabetic())
            .map_or(0, |before| before + 1);
        let elided: String = chars[start..at].iter().collect();
        if FRENCH_ELISIONS.contains(&elided.as_str()) {
            points[index(Lang::Fr)] += 1.0;
        }
    }
    Lang::ALL
        .into_iter()
        .zip(points)
        .filter(|(_, points)| *points > 0.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    #[test]
    fn each_language_is_told_by_its_words_and_letters() {
        let knowledge = knowledge();
        for (text, lang) in [
            ("What are the objectives of the GFMD?", Lang::En),
            ("Quels sont les objectifs du FMMD ?", Lang::Fr),
            ("¿Cuándo fue la primera reunión del FMMD?", Lang::Es),
            ("c koi l'objectif 3", Lang::Fr),
            ("xq se creo el fmmd", Lang::Es),
            ("wen was the 1st mtg", Lang::En),
        ] {
            assert_eq!(language_of(&knowledge, text), Some(lang), "{text:?}");
        }
    }

    #[test]
    fn a_text_that_does_not_say_is_no_language() {
        let knowledge = knowledge();
        for text in [
            "",
            "GFMD",
            "2007",
            "👍",
            "Kofi Annan",
            "GCIM",
            "xD",
            "lol ok",
        ] {
            assert_eq!(language_of(&knowledge, text), None, "{text:?}");
        }
    }
}
