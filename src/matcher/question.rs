//! Reading a question as members write it on Discord, before analysis: words in sentences,
//! symbols and text-speak turned into plain words ("w/" -> with, "&" -> and, "wen" -> when,
//! "b4" -> before), numbers told apart from text-speak ("obj #4", "objective 4" and "no. 4" are
//! numbers; "2 me" is "to me"), mentions, custom emoji and markdown dropped.
//!
//! Sentences end at `.`, `?`, `!`, `;`, `…` or a line break followed by a space or the end, so
//! that the matcher can find the question inside a long message.

use super::language::{is_number, YEAR_DIGITS};
use super::normalize::{folded_chars, is_apostrophe, Analyzer, WordJoiner};
use rustc_hash::FxHashSet;

/// How one word of a question is to be read besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// No hint.
    Plain,
    /// A number written after a word that numbers things ("objective 4", "#4"): a number.
    Number,
    /// A number written after a word that counts ("all 5"): a count, not a specifier.
    Count,
}

/// One word of a question, after text-speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionWord {
    /// The folded word.
    pub text: String,
    /// The sentence it stands in, from 0.
    pub sentence: u16,
    /// How to read it.
    pub hint: Hint,
}

/// What the scanner finds in the raw text.
#[derive(Debug, PartialEq)]
enum Piece {
    Word(String),
    /// A text-speak symbol form: index into the table's symbols.
    Symbol(usize),
    /// `#` before a number.
    NumberSign,
    /// The end of a sentence; `period` when it was a full stop, which may end an abbreviation
    /// instead ("u.n.", "no. 4", "obj.").
    Break {
        period: bool,
    },
}

/// Reads `question` into words by sentence. `numbered` holds the words that the answers write
/// a number after ("objective", "chapter"): a number after one of them is never text-speak.
pub fn read(
    question: &str,
    analyzer: &Analyzer,
    numbered: &FxHashSet<String>,
) -> Vec<QuestionWord> {
    let language = analyzer.rules().language();
    let pieces = scan(&folded_chars(&language.mark(question)), analyzer);
    let mut reader = Reader {
        analyzer,
        numbered,
        out: Vec::with_capacity(pieces.len()),
        sentence: 0,
        number_sign: false,
    };
    let mut at = 0;
    while at < pieces.len() {
        let taken = match &pieces[at] {
            Piece::Break { period } => {
                let before = at.checked_sub(1).map(|before| &pieces[before]);
                reader.end_sentence(*period, before);
                1
            }
            Piece::NumberSign => {
                reader.number_sign = true;
                at += 1;
                continue;
            }
            Piece::Symbol(index) => {
                for word in &analyzer.textspeak().symbols()[*index].1 {
                    reader.push(word, Hint::Plain);
                }
                1
            }
            Piece::Word(word) => reader.word(word, &pieces[at..]),
        };
        reader.number_sign = false;
        at += taken;
    }
    reader.out
}

/// The state of [`read`].
struct Reader<'a> {
    analyzer: &'a Analyzer,
    numbered: &'a FxHashSet<String>,
    out: Vec<QuestionWord>,
    sentence: u16,
    /// Whether a `#` came just before.
    number_sign: bool,
}

impl Reader<'_> {
    fn push(&mut self, text: &str, hint: Hint) {
        self.out.push(QuestionWord {
            text: text.to_owned(),
            sentence: self.sentence,
            hint,
        });
    }

    /// Ends the sentence, unless a full stop ends an abbreviation ("u.n.", "no.", "obj.").
    fn end_sentence(&mut self, period: bool, before: Option<&Piece>) {
        let textspeak = self.analyzer.textspeak();
        let rules = self.analyzer.rules();
        let abbreviation = period
            && matches!(before, Some(Piece::Word(word)) if word.chars().count() == 1
                || rules.is_number_marker(word)
                || textspeak.has_word(word));
        let sentence = self.sentence;
        if !abbreviation
            && self
                .out
                .last()
                .is_some_and(|last| last.sentence == sentence)
        {
            self.sentence = sentence.saturating_add(1);
        }
    }

    /// Reads the word that starts `pieces`; how many pieces it took.
    fn word(&mut self, word: &str, pieces: &[Piece]) -> usize {
        if let Some(length) = protected_phrase(pieces, self.analyzer) {
            for piece in &pieces[..length] {
                if let Piece::Word(word) = piece {
                    self.push(word, Hint::Plain);
                }
            }
            return length;
        }
        let next = match pieces.get(1) {
            Some(Piece::Word(next)) => Some(next.as_str()),
            _ => None,
        };
        let hint = self.number_hint(word, next);
        if hint != Hint::Plain {
            self.push(word, hint);
            return 1;
        }
        match self.analyzer.textspeak().word(word) {
            Some(plain) => {
                for word in plain {
                    self.push(word, Hint::Plain);
                }
            }
            None => self.push(word, Hint::Plain),
        }
        1
    }

    /// How to read `word` if it is a number: a number after `#`, a number marker or a word the
    /// answers number; a count after a count marker or before a plural (`next`: "the 5 aims",
    /// "les 5 objectifs"); otherwise plain (maybe text-speak).
    fn number_hint(&self, word: &str, next: Option<&str>) -> Hint {
        if !is_number(word) {
            return Hint::Plain;
        }
        let rules = self.analyzer.rules();
        let previous = self
            .out
            .last()
            .filter(|last| last.sentence == self.sentence)
            .map(|last| last.text.as_str());
        match previous {
            _ if self.number_sign => Hint::Number,
            Some(previous)
                if rules.is_number_marker(previous) || self.numbered.contains(previous) =>
            {
                Hint::Number
            }
            Some(previous) if rules.is_count_marker(previous) => Hint::Count,
            // "qq1 peut me résumer les 5 objectif": a plural determiner before the number says
            // it counts the word after it, though that word lost its plural ending.
            Some(previous)
                if word.len() < YEAR_DIGITS
                    && rules.is_plural_determiner(previous)
                    && next.is_some_and(|next| rules.is_noun_like(next)) =>
            {
                Hint::Count
            }
            _ if word.len() < YEAR_DIGITS && next.is_some_and(|next| rules.is_plural(next)) => {
                Hint::Count
            }
            _ => Hint::Plain,
        }
    }
}

/// How many pieces from the start of `pieces` make a synonym phrase that holds a text-speak
/// word ("u.n."), if any.
fn protected_phrase(pieces: &[Piece], analyzer: &Analyzer) -> Option<usize> {
    analyzer.protected_phrases().iter().find_map(|phrase| {
        let matches = phrase.len() <= pieces.len()
            && phrase
                .iter()
                .zip(pieces)
                .all(|(word, piece)| matches!(piece, Piece::Word(text) if text == word));
        matches.then_some(phrase.len())
    })
}

/// Splits folded characters into words, text-speak symbols, number signs and sentence ends.
fn scan(chars: &[char], analyzer: &Analyzer) -> Vec<Piece> {
    let apostrophes = analyzer.rules().language().apostrophes;
    let symbols = analyzer.textspeak().symbols();
    let mut pieces = Vec::new();
    let mut joiner = WordJoiner::default();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let at_boundary = at == 0 || !chars[at - 1].is_alphanumeric();
        if at_boundary || !c.is_alphanumeric() {
            if let Some((index, length)) = symbol_at(chars, at, symbols) {
                flush(&mut joiner, &mut pieces);
                pieces.push(Piece::Symbol(index));
                at += length;
                continue;
            }
        }
        let next = chars.get(at + 1).copied();
        if c.is_alphanumeric() {
            joiner.letter(c, apostrophes, next.is_some_and(char::is_alphanumeric));
        } else if let Some(year) = short_year(chars, at) {
            flush(&mut joiner, &mut pieces);
            pieces.push(Piece::Word(year));
            at += 3;
            continue;
        } else if is_apostrophe(c) && next.is_some_and(char::is_alphanumeric) {
            joiner.apostrophe();
        } else {
            flush(&mut joiner, &mut pieces);
            if c == '<' {
                at += discord_markup(&chars[at..]);
                continue;
            }
            if c == '#' && next.is_some_and(|next| next.is_ascii_digit()) {
                pieces.push(Piece::NumberSign);
            } else if ends_sentence(c) && next.is_none_or(char::is_whitespace) {
                pieces.push(Piece::Break { period: c == '.' });
            }
        }
        at += 1;
    }
    flush(&mut joiner, &mut pieces);
    pieces
}

/// A year written with an apostrophe and two digits at `at` ("'94" -> "1994", "'07" ->
/// "2007"; from '30 on, the 1900s).
fn short_year(chars: &[char], at: usize) -> Option<String> {
    let starts_word = at == 0 || !chars[at - 1].is_alphanumeric();
    let digits = chars.get(at + 1..at + 3)?;
    let ends_word = chars.get(at + 3).is_none_or(|c| !c.is_alphanumeric());
    let year = is_apostrophe(chars[at])
        && starts_word
        && ends_word
        && digits.iter().all(char::is_ascii_digit);
    if !year {
        return None;
    }
    let century = if digits[0] >= '3' { "19" } else { "20" };
    Some(format!("{century}{}{}", digits[0], digits[1]))
}

fn flush(joiner: &mut WordJoiner, pieces: &mut Vec<Piece>) {
    if let Some(word) = joiner.take() {
        pieces.push(Piece::Word(word));
    }
}

/// Whether `c` may end a sentence (when a space or the end follows).
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | ';' | '…' | '\n')
}

/// The text-speak symbol form that starts at `at`, as `(index, length)`: the longest one that
/// matches and, when it ends with a letter ("w/o"), ends a word. (A form that starts with a
/// letter, "w/", is only looked for where a word starts.)
fn symbol_at(
    chars: &[char],
    at: usize,
    symbols: &[(Vec<char>, Vec<String>)],
) -> Option<(usize, usize)> {
    symbols.iter().enumerate().find_map(|(index, (form, _))| {
        let end = at + form.len();
        // The first character first: most positions start no symbol.
        let fits = form.first() == chars.get(at)
            && chars.get(at..end) == Some(form.as_slice())
            && (!form.last()?.is_alphanumeric()
                || chars.get(end).is_none_or(|c| !c.is_alphanumeric()));
        fits.then_some((index, form.len()))
    })
}

/// How many characters a Discord mention or custom emoji at the start of `chars` takes
/// (`<@123>`, `<#123>`, `<@&123>`, `<:name:123>`, `<a:name:123>`); 1 when it is none.
fn discord_markup(chars: &[char]) -> usize {
    const LONGEST: usize = 64;
    let Some(close) = chars.iter().take(LONGEST).position(|&c| c == '>') else {
        return 1;
    };
    let inner = &chars[1..close];
    let opens = matches!(inner.first(), Some('@' | '#' | ':')) || inner.starts_with(&['a', ':']);
    let plain = inner
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, '@' | '#' | '&' | '!' | ':' | '_'));
    if opens && plain {
        close + 1
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Synonyms, TextSpeak};
    use crate::matcher::language::ENGLISH;
    use crate::matcher::normalize::Profile;

    fn analyzer() -> Analyzer {
        let textspeak = TextSpeak {
            entries: [
                ("wen", "when"),
                ("n", "and"),
                ("u", "you"),
                ("2", "to"),
                ("4", "for"),
                ("w/", "with"),
                ("w/o", "without"),
                ("&", "and"),
                ("obj", "objective"),
                ("1st", "first"),
            ]
            .iter()
            .map(|(written, plain)| (written.to_string(), plain.to_string()))
            .collect(),
        };
        let synonyms = Synonyms {
            groups: vec![("un".into(), vec!["u.n.".into()])],
        };
        Analyzer::new(&Profile {
            language: &ENGLISH,
            synonyms: &synonyms,
            textspeak: &textspeak,
        })
    }

    fn words(question: &str) -> Vec<String> {
        let numbered = ["objective".to_owned()].into_iter().collect();
        read(question, &analyzer(), &numbered)
            .into_iter()
            .map(|word| match word.hint {
                Hint::Plain => format!("{}{}", word.sentence, word.text),
                Hint::Number => format!("{}#{}", word.sentence, word.text),
                Hint::Count => format!("{}~{}", word.sentence, word.text),
            })
            .collect()
    }

    #[test]
    fn text_speak_and_symbols_become_plain_words() {
        assert_eq!(
            words("wen n where was the 1st mtg w/ u & me, w/o them"),
            [
                "0when", "0and", "0where", "0was", "0the", "0first", "0mtg", "0with", "0you",
                "0and", "0me", "0without", "0them"
            ]
        );
        assert_eq!(
            words("partnerships w/whom?"),
            ["0partnerships", "0with", "0whom"]
        );
    }

    #[test]
    fn a_number_after_a_numbered_word_or_a_sign_is_a_number_not_text_speak() {
        assert_eq!(words("obj 4"), ["0objective", "0#4"]);
        assert_eq!(
            words("objective #2 n no. 4"),
            ["0objective", "0#2", "0and", "0no", "0#4"]
        );
        assert_eq!(
            words("did belgium offer 2 start it 4 us"),
            ["0did", "0belgium", "0offer", "0to", "0start", "0it", "0for", "0us"]
        );
        assert_eq!(words("objectives (all 5)"), ["0objectives", "0all", "0~5"]);
    }

    #[test]
    fn a_number_before_a_plural_counts_things_and_does_not_pick_one() {
        assert_eq!(
            words("what r the 5 aims"),
            ["0what", "0r", "0the", "0~5", "0aims"]
        );
        assert_eq!(words("objective 5 aims"), ["0objective", "0#5", "0aims"]);
        // Before a word that is not a plural (a stop word never is), a digit stays text-speak.
        assert_eq!(words("4 my essay"), ["0for", "0my", "0essay"]);
        assert_eq!(words("2 us"), ["0to", "0us"]);
        // A year before a plural is still a year.
        assert_eq!(words("2007 meetings"), ["02007", "0meetings"]);
    }

    #[test]
    fn a_number_after_a_plural_determiner_counts_the_word_after_it_even_without_its_ending() {
        assert_eq!(
            words("list these 5 aim"),
            ["0list", "0these", "0~5", "0aim"]
        );
        // Before a small word or another number it stays a number (a date, an hour).
        assert_eq!(words("these 14 and 15"), ["0these", "014", "0and", "015"]);
        // A year is still a year.
        assert_eq!(words("those 2007 meeting"), ["0those", "02007", "0meeting"]);
    }

    #[test]
    fn sentences_are_numbered_and_empty_ones_skipped() {
        assert_eq!(
            words("Hi all!! New here... what is the u.n.? Thanks"),
            ["0hi", "0all", "1new", "1here", "2what", "2is", "2the", "2u", "2n", "3thanks"]
        );
        assert_eq!(words("u.n. 14.5"), ["0u", "0n", "014", "05"]);
    }

    #[test]
    fn a_year_with_an_apostrophe_is_a_year() {
        assert_eq!(
            words("Cairo '94 and ’07"),
            ["0cairo", "01994", "0and", "02007"]
        );
        assert_eq!(words("rock 'n' roll"), ["0rock", "0and", "0roll"]);
    }

    #[test]
    fn mentions_custom_emoji_and_markdown_are_dropped() {
        assert_eq!(
            words("<@123> **what** is <:gfmd:42> `this` <a:x:1> ||it|| <3"),
            ["0what", "0is", "0this", "0it", "03"]
        );
    }
}
