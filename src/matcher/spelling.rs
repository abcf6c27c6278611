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
use rustc_hash::FxHashMap;

/// A text's character trigrams (of its folded words, each padded by a space), as sorted keys
/// with weights scaled to unit length, so that the cosine of two is a merge of two lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trigrams(Vec<(u64, f32)>);

impl Trigrams {
    /// The trigrams of `text` folded by `language`'s rules.
    pub fn of(text: &str, language: &Language) -> Self {
        Self::of_folded(&fold_in(text, language))
    }

    /// The trigrams of a text already folded by its language's rules (`normalize::fold_in`).
    pub fn of_folded(folded: &str) -> Self {
        // A char takes at most 21 bits, so three side by side fit in 63: each key is the last
        // three characters of a rolling window over " word word ... ".
        const WINDOW: u64 = (1 << 63) - 1;
        let mut keys: Vec<u64> = Vec::with_capacity(folded.len() + 2);
        let (mut window, mut seen) = (u64::from(' '), 1);
        for c in folded
            .split_whitespace()
            .flat_map(|word| word.chars().chain(std::iter::once(' ')))
        {
            window = ((window << 21) | u64::from(c)) & WINDOW;
            seen += 1;
            if seen >= 3 {
                keys.push(window);
            }
        }
        keys.sort_unstable();
        let mut counted: Vec<(u64, f32)> = Vec::with_capacity(keys.len());
        for key in keys {
            match counted.last_mut() {
                Some((last, count)) if *last == key => *count += 1.0,
                _ => counted.push((key, 1.0)),
            }
        }
        scale_to_unit_length(&mut counted);
        Self(counted)
    }

    /// The cosine of the two texts' trigram counts (0 to 1; 0 when either has none): what
    /// [`PhrasingSpellings::closest`] computes for all of an answer's phrasings at once.
    #[cfg(test)]
    fn cosine(&self, other: &Trigrams) -> f32 {
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

/// The trigrams of every answer's title, questions and keywords, by answer index, as postings:
/// each answer's (phrasing, weight) entries grouped by trigram, with where each trigram's run
/// starts and ends, so that a message is compared with all of an answer's
/// phrasings at once (a hash look-up per trigram of the message) rather than one phrasing at a
/// time.
#[derive(Debug, Default)]
pub struct PhrasingSpellings {
    by_answer: Vec<Postings>,
}

/// One answer's trigram postings and how many phrasings it has.
#[derive(Debug, Default)]
struct Postings {
    /// (phrasing, weight), grouped by trigram.
    entries: Vec<(u16, f32)>,
    /// Each trigram's run of `entries`, as a range of indices.
    runs: FxHashMap<u64, (u32, u32)>,
    phrasings: usize,
}

impl PhrasingSpellings {
    /// Reads `texts` (in answer index order; `None` for an answer not in this language).
    pub fn new(texts: &[Option<AnswerText<'_>>], language: &Language) -> Self {
        let by_answer = texts
            .iter()
            .map(|text| {
                let phrasings: Vec<Trigrams> = text
                    .iter()
                    .flat_map(AnswerText::phrasings)
                    .map(|phrasing| Trigrams::of(phrasing, language))
                    .collect();
                let mut entries: Vec<(u64, u16, f32)> = phrasings
                    .iter()
                    .enumerate()
                    .flat_map(|(at, trigrams)| {
                        let at = u16::try_from(at).unwrap_or(u16::MAX);
                        trigrams
                            .0
                            .iter()
                            .map(move |&(key, weight)| (key, at, weight))
                    })
                    .collect();
                entries.sort_unstable_by_key(|&(key, at, _)| (key, at));
                let mut runs: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
                for (at, &(key, _, _)) in entries.iter().enumerate() {
                    let at = at as u32;
                    runs.entry(key).or_insert((at, at)).1 = at + 1;
                }
                Postings {
                    entries: entries
                        .into_iter()
                        .map(|(_, at, weight)| (at, weight))
                        .collect(),
                    runs,
                    phrasings: phrasings.len(),
                }
            })
            .collect();
        Self { by_answer }
    }

    /// How closely `message` is spelt like the closest phrasing of answer `index` (0 to 1): the
    /// largest cosine between `message` and one of its phrasings.
    pub fn closest(&self, index: usize, message: &Trigrams) -> f32 {
        let Some(postings) = self.by_answer.get(index) else {
            return 0.0;
        };
        let mut cosines = vec![0.0f32; postings.phrasings];
        for &(key, weight) in &message.0 {
            let Some(&(start, end)) = postings.runs.get(&key) else {
                continue;
            };
            for &(at, other) in &postings.entries[start as usize..end as usize] {
                if let Some(cosine) = cosines.get_mut(usize::from(at)) {
                    *cosine += weight * other;
                }
            }
        }
        cosines.into_iter().fold(0.0, f32::max).min(1.0)
    }
}

/// Scales the weights of a sparse vector, `(key, weight)` pairs, to unit length (a vector of
/// zeros stays as it is), so that the cosine of two such vectors is the sum of the products of
/// their shared keys' weights.
pub(super) fn scale_to_unit_length<K>(vector: &mut [(K, f32)]) {
    let norm = vector
        .iter()
        .map(|(_, weight)| weight * weight)
        .sum::<f32>()
        .sqrt();
    if norm > 0.0 {
        for (_, weight) in vector {
            *weight /= norm;
        }
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
        let one_by_one = [&questions[0], &keywords[0], "The first meeting"]
            .map(|phrasing| trigrams(phrasing).cosine(&message))
            .into_iter()
            .fold(0.0, f32::max);
        assert!((close - one_by_one).abs() < 1e-5, "{close} {one_by_one}");
    }
}
