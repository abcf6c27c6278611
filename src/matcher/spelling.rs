//! How closely a message is spelt like an answer's phrasings: the cosine between the character
//! trigrams of the folded message and those of the answer's closest title, question or keyword.
//!
//! The word-level features read a message through its stems, synonyms and text-speak; a word
//! none of those know ("gfmd objctvs", "reunion bruselas primera") counts for nothing there.
//! Trigrams of letters still see most of a misspelt or abbreviated word, so this feature tells
//! the confidence when a message is written much like one of the best answer's own phrasings.
//! It is one more feature of the fitted confidence (`spelling`), never a ranking of its own.

use super::language::Language;
use super::normalize::fold_in;
use super::text::AnswerText;

/// A text's character trigrams (of its folded words, each padded by a space), as sorted keys
/// with weights scaled to unit length, so that the cosine of two is a merge of two lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trigrams(Vec<(u64, f32)>);

impl Trigrams {
    /// The trigrams of `text` folded by `language`'s rules.
    pub fn of(text: &str, language: &Language) -> Self {
        let folded = fold_in(text, language);
        let mut padded: Vec<char> = vec![' '];
        for word in folded.split_whitespace() {
            padded.extend(word.chars());
            padded.push(' ');
        }
        let mut keys: Vec<u64> = padded
            .windows(3)
            .map(|three| {
                three
                    .iter()
                    .fold(0u64, |key, &c| (key << 21) | u64::from(c))
            })
            .collect();
        keys.sort_unstable();
        let mut counted: Vec<(u64, f32)> = Vec::with_capacity(keys.len());
        for key in keys {
            match counted.last_mut() {
                Some((last, count)) if *last == key => *count += 1.0,
                _ => counted.push((key, 1.0)),
            }
        }
        let norm = counted
            .iter()
            .map(|(_, count)| count * count)
            .sum::<f32>()
            .sqrt();
        if norm > 0.0 {
            for (_, count) in &mut counted {
                *count /= norm;
            }
        }
        Self(counted)
    }

    /// The cosine of the two texts' trigram counts (0 to 1; 0 when either has none).
    pub fn cosine(&self, other: &Trigrams) -> f32 {
        let (mut a, mut b) = (self.0.iter().peekable(), other.0.iter().peekable());
        let mut sum = 0.0;
        while let (Some(&&(left, x)), Some(&&(right, y))) = (a.peek(), b.peek()) {
            match left.cmp(&right) {
                std::cmp::Ordering::Less => {
                    a.next();
                }
                std::cmp::Ordering::Greater => {
                    b.next();
                }
                std::cmp::Ordering::Equal => {
                    sum += x * y;
                    a.next();
                    b.next();
                }
            }
        }
        sum.min(1.0)
    }
}

/// The trigrams of every answer's title, questions and keywords, by answer index.
#[derive(Debug, Default)]
pub struct PhrasingSpellings {
    by_answer: Vec<Vec<Trigrams>>,
}

impl PhrasingSpellings {
    /// Reads `texts` (in answer index order; `None` for an answer not in this language).
    pub fn new(texts: &[Option<AnswerText<'_>>], language: &Language) -> Self {
        let by_answer = texts
            .iter()
            .map(|text| {
                text.iter()
                    .flat_map(|text| {
                        std::iter::once(text.title)
                            .chain(text.questions.iter().map(String::as_str))
                            .chain(text.keywords.iter().map(String::as_str))
                    })
                    .map(|phrasing| Trigrams::of(phrasing, language))
                    .collect()
            })
            .collect();
        Self { by_answer }
    }

    /// How closely `message` is spelt like the closest phrasing of answer `index` (0 to 1).
    pub fn closest(&self, index: usize, message: &Trigrams) -> f32 {
        self.by_answer
            .get(index)
            .into_iter()
            .flatten()
            .map(|phrasing| phrasing.cosine(message))
            .fold(0.0, f32::max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::language::ENGLISH;

    fn trigrams(text: &str) -> Trigrams {
        Trigrams::of(text, &ENGLISH)
    }

    #[test]
    fn the_same_words_are_spelt_alike_whatever_the_case_and_punctuation() {
        let a = trigrams("What are the GFMD's objectives?");
        let b = trigrams("what are the gfmd objectives");
        assert!((a.cosine(&b) - 1.0).abs() < 1e-5, "{}", a.cosine(&b));
        assert_eq!(trigrams("").cosine(&a), 0.0);
        assert_eq!(trigrams("?!").cosine(&a), 0.0);
    }

    #[test]
    fn a_misspelling_stays_close_and_another_question_does_not() {
        let listed = trigrams("What are the objectives of the GFMD?");
        let misspelt = trigrams("wat r the objctives of teh gfmd");
        let other = trigrams("When did the Brussels meeting take place?");
        assert!(
            listed.cosine(&misspelt) > 0.5,
            "{}",
            listed.cosine(&misspelt)
        );
        assert!(listed.cosine(&other) < 0.3, "{}", listed.cosine(&other));
        assert!(listed.cosine(&misspelt) > listed.cosine(&other));
    }

    #[test]
    fn the_closest_phrasing_of_the_named_answer_counts() {
        let questions = vec!["When was the first meeting?".to_owned()];
        let keywords = vec!["brussels 2007".to_owned()];
        let text = AnswerText {
            title: "The first meeting",
            command: None,
            id: None,
            questions: &questions,
            keywords: &keywords,
            description: "",
            fields: &[],
        };
        let spellings = PhrasingSpellings::new(&[None, Some(text)], &ENGLISH);
        let message = trigrams("wen was the frist meeting");
        assert_eq!(spellings.closest(0, &message), 0.0, "untranslated: nothing");
        assert_eq!(spellings.closest(7, &message), 0.0, "no such answer");
        let close = spellings.closest(1, &message);
        let exact = trigrams("When was the first meeting?");
        assert!(close > 0.5 && close < 1.0, "{close}");
        assert!((spellings.closest(1, &exact) - 1.0).abs() < 1e-5);
    }
}
