//! A naive Bayes classifier over the dev set's labelled examples: how probable each answer (and
//! "off-topic") is given the pieces of a message's wording, learnt from every example at once.
//!
//! The nearest examples (`neighbours.rs`) say how close a message is to the *one* closest
//! example of each answer, by whole words. This says what *all* the examples say together, and
//! by pieces of words as well as words: each word's character n-grams (two to five letters, the
//! word padded with a space each side, so that "wen", "mtg" or "govts" still share most of
//! their pieces with "when", "meeting", "governments") beside its words and pairs of words. A
//! multinomial model over features present or absent (each counted once per example), with
//! additive smoothing [`SMOOTHING`]; the posterior over the answers the labels name and
//! off-topic is what the confidence reads ([`Posteriors`]).
//!
//! Held out by writer on the English dev set, a boosted model reading three figures of this
//! classifier beside the other features answered 87.4 → 90.7% of the in-domain questions right
//! (silence 96.0 → 96.1%, wrong answers 0.8%), in a Python trial with scikit-learn's
//! `MultinomialNB` on the same pieces (`BENCHMARKS.md`, "A naive Bayes classifier of the
//! wording").
//!
//! A writer's own examples can be left out (the fit measures each writer with the others'
//! examples only): their counts are taken off the totals, counted again from the examples of
//! that batch, which the classifier keeps (folded) for that; the vocabulary's size stays the
//! whole set's.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

/// The additive smoothing of every count (scikit-learn's `alpha`).
pub const SMOOTHING: f64 = 0.1;

/// The shortest and longest character n-gram of a word.
const PIECES: std::ops::RangeInclusive<usize> = 2..=5;

/// One labelled example, kept to count a batch again when it is left out.
#[derive(Debug, Clone)]
pub struct Example {
    /// The example's batch (its writer's dev file).
    pub batch: u32,
    /// The classes it is labelled with: answer slots, or the off-topic slot.
    pub classes: Vec<u16>,
    /// The example, folded as the matcher folds messages.
    pub folded: String,
}

/// Per feature and class, how many examples hold the feature; per class, the sum of those
/// counts and the number of examples.
#[derive(Debug, Default)]
struct Counts {
    /// By feature hash, every class holding it with its count.
    by_feature: FxHashMap<u64, Vec<(u16, u32)>>,
    /// By class, the sum of its features' counts.
    feature_totals: Vec<f64>,
    /// By class, how many examples it labels.
    examples: Vec<f64>,
}

impl Counts {
    fn of<'a>(classes: usize, examples: impl Iterator<Item = &'a Example>) -> Self {
        let mut counts = Self {
            by_feature: FxHashMap::default(),
            feature_totals: vec![0.0; classes],
            examples: vec![0.0; classes],
        };
        for example in examples {
            let features = features_of(&example.folded);
            for &class in &example.classes {
                counts.examples[usize::from(class)] += 1.0;
                counts.feature_totals[usize::from(class)] += features.len() as f64;
                for &feature in &features {
                    let holders = counts.by_feature.entry(feature).or_default();
                    match holders.iter_mut().find(|(held, _)| *held == class) {
                        Some((_, count)) => *count += 1,
                        None => holders.push((class, 1)),
                    }
                }
            }
        }
        counts
    }

    /// How many examples of `class` hold `feature`.
    fn count(&self, feature: u64, class: u16) -> u32 {
        self.by_feature.get(&feature).map_or(0, |holders| {
            holders
                .iter()
                .find(|(held, _)| *held == class)
                .map_or(0, |(_, count)| *count)
        })
    }
}

/// The counts of every example, laid out compactly for the life of the matcher: a feature's
/// position by its hash, and the classes holding it with their counts side by side in one list
/// (about four bytes a count, where a list of its own per feature would take ten times that).
#[derive(Debug, Default)]
struct Table {
    /// By feature hash, its position.
    positions: FxHashMap<u64, u32>,
    /// By position, where its holders start in `holders`; the entry after says where they end.
    starts: Box<[u32]>,
    /// Each feature's classes with how many of their examples hold it.
    holders: Box<[(u16, u16)]>,
    /// By class, the sum of its features' counts.
    feature_totals: Vec<f64>,
    /// By class, how many examples it labels.
    examples: Vec<f64>,
}

impl Table {
    fn of(counts: Counts) -> Self {
        let mut positions = FxHashMap::default();
        positions.reserve(counts.by_feature.len());
        let mut starts = Vec::with_capacity(counts.by_feature.len() + 1);
        let mut holders = Vec::new();
        let mut features: Vec<(u64, Vec<(u16, u32)>)> = counts.by_feature.into_iter().collect();
        features.sort_unstable_by_key(|(feature, _)| *feature);
        for (position, (feature, held)) in features.into_iter().enumerate() {
            positions.insert(feature, position as u32);
            starts.push(holders.len() as u32);
            holders.extend(held.into_iter().map(|(class, count)| {
                let count = u16::try_from(count).expect("a class has at most 65,535 examples");
                (class, count)
            }));
        }
        starts.push(holders.len() as u32);
        Self {
            positions,
            starts: starts.into_boxed_slice(),
            holders: holders.into_boxed_slice(),
            feature_totals: counts.feature_totals,
            examples: counts.examples,
        }
    }

    /// The classes holding `feature`, with their counts (none for an unknown feature).
    fn holders_of(&self, feature: u64) -> Option<&[(u16, u16)]> {
        let position = *self.positions.get(&feature)? as usize;
        let (start, end) = (self.starts[position], self.starts[position + 1]);
        Some(&self.holders[start as usize..end as usize])
    }
}

/// The classifier of one language's examples.
#[derive(Debug, Default)]
pub struct NaiveBayes {
    classes: usize,
    counts: Table,
    /// How many distinct features the examples hold.
    vocabulary: f64,
    /// By count, what a feature held that many times adds to its class's log-likelihood
    /// (beside the smoothing every class gets): computed once, not per message.
    gains: Vec<f64>,
    examples: Vec<Example>,
    /// The counts of the batch last left out, kept for the next question of that batch.
    left_out: Mutex<Option<(u32, Arc<Counts>)>>,
}

/// The posterior of every class for one message (all 0 when no feature of it is known).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Posteriors(pub Vec<f32>);

impl NaiveBayes {
    /// Counts `examples`, each labelled with some of `classes` classes.
    pub fn new(classes: usize, examples: Vec<Example>) -> Self {
        let counts = Table::of(Counts::of(classes, examples.iter()));
        let most = counts
            .holders
            .iter()
            .map(|(_, count)| *count)
            .max()
            .unwrap_or(0);
        Self {
            classes,
            vocabulary: counts.positions.len() as f64,
            gains: (0..=most)
                .map(|count| (f64::from(count) + SMOOTHING).ln() - SMOOTHING.ln())
                .collect(),
            counts,
            examples,
            left_out: Mutex::new(None),
        }
    }

    /// The posterior of each class for a message folded as the examples are, with the
    /// examples of batch `left_out` forgotten.
    pub fn posteriors(&self, folded: &str, left_out: Option<usize>) -> Posteriors {
        let features = features_of(folded);
        let left = left_out.map(|batch| self.counts_of_batch(batch as u32));
        let left = left.as_deref();
        let per_class = |values: &[f64], left_values: Option<&[f64]>, class: usize| {
            values[class] - left_values.map_or(0.0, |left| left[class])
        };
        let total_examples: f64 = (0..self.classes)
            .map(|class| {
                per_class(
                    &self.counts.examples,
                    left.map(|left| left.examples.as_slice()),
                    class,
                )
            })
            .sum();
        if total_examples <= 0.0 {
            return Posteriors(vec![0.0; self.classes]);
        }
        let mut scores: Vec<f64> = (0..self.classes)
            .map(|class| {
                let examples = per_class(
                    &self.counts.examples,
                    left.map(|left| left.examples.as_slice()),
                    class,
                );
                if examples <= 0.0 {
                    f64::NEG_INFINITY
                } else {
                    (examples / total_examples).ln()
                }
            })
            .collect();
        let denominators: Vec<f64> = (0..self.classes)
            .map(|class| {
                per_class(
                    &self.counts.feature_totals,
                    left.map(|left| left.feature_totals.as_slice()),
                    class,
                ) + SMOOTHING * self.vocabulary
            })
            .collect();
        let mut known = 0;
        for &feature in &features {
            let Some(holders) = self.counts.holders_of(feature) else {
                continue;
            };
            let mut held = false;
            for &(class, count) in holders {
                let count = u32::from(count) - left.map_or(0, |left| left.count(feature, class));
                if count > 0 {
                    held = true;
                    scores[usize::from(class)] += self.gains[count as usize];
                }
            }
            known += u32::from(held);
        }
        if known == 0 {
            return Posteriors(vec![0.0; self.classes]);
        }
        for (score, denominator) in scores.iter_mut().zip(&denominators) {
            *score += f64::from(known) * (SMOOTHING / denominator).ln();
        }
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exps: Vec<f64> = scores.iter().map(|score| (score - top).exp()).collect();
        let sum: f64 = exps.iter().sum();
        Posteriors(exps.iter().map(|exp| (exp / sum) as f32).collect())
    }

    /// The counts of the examples of `batch`, counted once per batch in a row.
    fn counts_of_batch(&self, batch: u32) -> Arc<Counts> {
        let mut kept = self
            .left_out
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some((of, counts)) = kept.as_ref() {
            if *of == batch {
                return Arc::clone(counts);
            }
        }
        let counts = Arc::new(Counts::of(
            self.classes,
            self.examples
                .iter()
                .filter(|example| example.batch == batch),
        ));
        *kept = Some((batch, Arc::clone(&counts)));
        counts
    }
}

/// The features of a folded message, each once, sorted: every word's character n-grams (the
/// word padded with a space each side), and its words of two or more letters and their pairs.
pub fn features_of(folded: &str) -> Vec<u64> {
    let mut features = Vec::new();
    let mut padded: Vec<char> = Vec::new();
    for word in folded.split_whitespace() {
        padded.clear();
        padded.push(' ');
        padded.extend(word.chars());
        padded.push(' ');
        for length in PIECES {
            if padded.len() < length {
                break;
            }
            for piece in padded.windows(length) {
                features.push(hash_of(0, piece.iter().copied()));
            }
        }
    }
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|word| word.chars().nth(1).is_some())
        .collect();
    for word in &words {
        features.push(hash_of(1, word.chars()));
    }
    for pair in words.windows(2) {
        features.push(hash_of(
            2,
            pair[0]
                .chars()
                .chain(std::iter::once(' '))
                .chain(pair[1].chars()),
        ));
    }
    features.sort_unstable();
    features.dedup();
    features
}

/// The hash of a feature of kind `kind` (piece, word, pair) spelt `chars`.
fn hash_of(kind: u8, chars: impl Iterator<Item = char>) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(kind);
    for char in chars {
        hasher.write_u32(u32::from(char));
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(batch: u32, class: u16, folded: &str) -> Example {
        Example {
            batch,
            classes: vec![class],
            folded: folded.to_owned(),
        }
    }

    fn classifier() -> NaiveBayes {
        NaiveBayes::new(
            3,
            vec![
                example(0, 0, "when was the first meeting"),
                example(1, 0, "date of the first meeting"),
                example(0, 1, "what are the objectives"),
                example(1, 1, "list the objectives"),
                example(0, 2, "what is the weather today"),
                example(2, 1, "objectives of the forum"),
            ],
        )
    }

    #[test]
    fn a_message_worded_like_a_class_is_most_probably_that_class() {
        let posteriors = classifier().posteriors("wen was the 1st mtg", None).0;
        assert!(posteriors[0] > posteriors[1] && posteriors[0] > posteriors[2]);
        let posteriors = classifier().posteriors("the objectivs", None).0;
        assert!(posteriors[1] > 0.5, "{posteriors:?}");
        let sum: f32 = posteriors.iter().sum();
        assert!((sum - 1.0).abs() < 1e-5);
    }

    #[test]
    fn leaving_a_batch_out_is_counting_without_it() {
        let all = classifier();
        let without: Vec<Example> = all
            .examples
            .iter()
            .filter(|example| example.batch != 2)
            .cloned()
            .collect();
        let counted_without = NaiveBayes {
            vocabulary: all.vocabulary,
            ..NaiveBayes::new(3, without)
        };
        for message in [
            "objectives of the forum",
            "first meeting",
            "weather",
            "forum",
        ] {
            assert_eq!(
                all.posteriors(message, Some(2)),
                counted_without.posteriors(message, None),
                "{message}"
            );
        }
        // "forum" is in batch 2 alone (of class 1): without it, class 1 is less probable.
        let forum = |left_out| all.posteriors("forum", left_out).0[1];
        assert!(
            forum(Some(2)) < forum(None),
            "{} {}",
            forum(Some(2)),
            forum(None)
        );
    }

    #[test]
    fn a_message_of_unknown_pieces_has_no_posteriors() {
        assert_eq!(classifier().posteriors("", None).0, vec![0.0; 3]);
        assert_eq!(classifier().posteriors("xqz", None).0, vec![0.0; 3]);
    }

    #[test]
    fn each_feature_is_listed_once() {
        let features = features_of("the the gfmd");
        let mut deduped = features.clone();
        deduped.dedup();
        assert_eq!(features, deduped);
        // " the " gives 4 + 3 + 2 + 1 pieces, " gfmd " 5 + 4 + 3 + 2; the word "the" once,
        // "gfmd", and the pairs "the the" and "the gfmd".
        assert_eq!(features.len(), 10 + 14 + 2 + 2);
    }
}
