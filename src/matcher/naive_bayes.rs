//! A naive Bayes classifier over the dev set's labelled examples: how probable each answer (and
//! "off-topic") is given the pieces of a message's wording, learnt from every example at once.
//!
//! The nearest examples (`neighbours.rs`) say how close a message is to the *one* closest
//! example of each answer, by whole words. This says what *all* the examples say together, and
//! by pieces of words as well as words: each word's character n-grams (two to five letters, the
//! word padded with a space each side, so that "wen", "mtg" or "govts" still share most of
//! their pieces with "when", "meeting", "governments") beside its words and pairs of words. A
//! multinomial model over features present or absent (each counted once per example), with
//! additive smoothing [`SMOOTHING`], in which a message's pieces of words weigh less than its
//! words ([`PIECE_WEIGHT`]); the posterior over the answers the labels name and
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
//! that batch, which the classifier keeps (folded, in one string) for that; the vocabulary's
//! size stays the whole set's.
//!
//! The counts are taken one class at a time (each class's features in a small table of its
//! own, then every class's counts sorted together) and kept in flat lists: a sorted list of the
//! features' hashes with a directory by their leading bits, and each feature's classes with
//! their counts side by side. About 2 MB a language, where a hash map of a list per feature
//! took three times that to build and twice that to keep (`BENCHMARKS.md`).

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

/// The additive smoothing of every count (scikit-learn's `alpha`).
pub const SMOOTHING: f64 = 0.1;

/// What one piece of a word (a character n-gram) weighs in a message's likelihood, where a
/// whole word or pair of words weighs 1. A word of nine letters has up to 34 pieces: counted
/// each as much as a word, one long domain word ("voluntary") outweighed the rest of the
/// message, and its answer's posterior read about 1 whatever else the message asked (most of
/// the off-topic messages answered with confidence, held out, read so). The examples are
/// counted as before; only the message's pieces weigh less. Held out by writer, 0.3 answered
/// 96.2 -> 96.4% of the English dev questions right, 96.0 -> 96.2% of the French and 97.2 ->
/// 97.3% of the Spanish, silence and wrong answers as they were; in English 0.15 gave 96.2%
/// and 0.5 96.3% (`BENCHMARKS.md`, "Pieces of words weigh less").
pub const PIECE_WEIGHT: f64 = 0.3;

/// The shortest and longest character n-gram of a word.
const PIECES: std::ops::RangeInclusive<usize> = 2..=5;

/// One labelled example to count.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    /// The example's batch (its writer's dev file).
    pub batch: u32,
    /// The classes it is labelled with: answer slots, or the off-topic slot.
    pub classes: Vec<u16>,
    /// The example, folded as the matcher folds messages.
    pub folded: &'a str,
}

/// The examples, kept to count a batch again when it is left out: their folded texts one after
/// another in one string, and their batches and classes in flat lists.
#[derive(Debug, Default)]
struct Kept {
    /// Every example's folded text, in order.
    text: String,
    /// Where each example's text ends in `text`.
    ends: Vec<u32>,
    /// Each example's batch.
    batches: Vec<u32>,
    /// Every example's classes, in order.
    classes: Vec<u16>,
    /// Where each example's classes end in `classes`.
    class_ends: Vec<u32>,
}

impl Kept {
    fn of<'a>(examples: impl IntoIterator<Item = Example<'a>>) -> Self {
        let mut kept = Self::default();
        for example in examples {
            kept.text.push_str(example.folded);
            kept.ends.push(offset(kept.text.len()));
            kept.batches.push(example.batch);
            kept.classes.extend(&example.classes);
            kept.class_ends.push(offset(kept.classes.len()));
        }
        kept.text.shrink_to_fit();
        kept.classes.shrink_to_fit();
        kept
    }

    /// Each example's batch, classes and folded text, in order.
    fn iter(&self) -> impl Iterator<Item = (u32, &[u16], &str)> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        let class_starts = std::iter::once(0).chain(self.class_ends.iter().copied());
        self.batches
            .iter()
            .zip(starts.zip(&self.ends))
            .zip(class_starts.zip(&self.class_ends))
            .map(|((batch, (start, end)), (class_start, class_end))| {
                (
                    *batch,
                    &self.classes[class_start as usize..*class_end as usize],
                    &self.text[start as usize..*end as usize],
                )
            })
    }
}

/// `length` as a 32-bit offset.
fn offset(length: usize) -> u32 {
    u32::try_from(length).expect("the examples take less than 4 GB")
}

/// The sorted hashes of a table's features, found by a directory of their leading bits: a
/// feature's position is its rank among them.
#[derive(Debug, Default)]
struct FeatureIndex {
    /// Every feature's hash, sorted.
    keys: Box<[u64]>,
    /// By the leading bits of a hash, where the keys with them start in `keys`; the entry
    /// after says where they end.
    directory: Box<[u32]>,
    /// How far a hash is shifted to leave its leading bits.
    shift: u32,
}

impl FeatureIndex {
    /// The index of `keys`, sorted and each once; about as many directory entries as keys, so
    /// that a look-up reads the directory and one or two keys.
    fn new(keys: Box<[u64]>) -> Self {
        let bits = (usize::BITS - 1 - keys.len().max(2).leading_zeros()).min(24);
        let shift = u64::BITS - bits;
        let mut directory = Vec::with_capacity((1 << bits) + 1);
        let mut at = 0;
        for leading in 0..=(1_u64 << bits) {
            while at < keys.len() && keys[at] >> shift < leading {
                at += 1;
            }
            directory.push(offset(at));
        }
        Self {
            keys,
            directory: directory.into_boxed_slice(),
            shift,
        }
    }

    /// The position of `key`, if it is a feature of the table.
    fn position(&self, key: u64) -> Option<usize> {
        let leading = (key >> self.shift) as usize;
        let start = self.directory[leading] as usize;
        let end = self.directory[leading + 1] as usize;
        self.keys[start..end]
            .iter()
            .position(|held| *held == key)
            .map(|found| start + found)
    }

    fn len(&self) -> usize {
        self.keys.len()
    }
}

/// Per feature and class, how many examples hold the feature; per class, the sum of those
/// counts and the number of examples.
#[derive(Debug, Default)]
struct Table {
    /// The features, each at its position.
    index: FeatureIndex,
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
    /// Counts the examples of `classes` classes that `examples` yields (batch, classes, folded
    /// text; it is walked once per class).
    fn of<'a, I>(classes: usize, examples: impl Fn() -> I) -> Self
    where
        I: Iterator<Item = (u32, &'a [u16], &'a str)>,
    {
        let mut feature_totals = vec![0.0; classes];
        let mut example_counts = vec![0.0; classes];
        // (feature, class, count) for every feature a class's examples hold.
        let mut counted: Vec<(u64, u16, u16)> = Vec::new();
        let mut of_class: FxHashMap<u64, u32> = FxHashMap::default();
        for class in 0..classes {
            let label = u16::try_from(class).expect("at most 65,536 classes");
            of_class.clear();
            for (_, _, folded) in examples().filter(|(_, labels, _)| labels.contains(&label)) {
                let features = features_of(folded);
                example_counts[class] += 1.0;
                feature_totals[class] += features.len() as f64;
                for feature in features {
                    *of_class.entry(feature).or_default() += 1;
                }
            }
            counted.extend(of_class.drain().map(|(feature, count)| {
                let count = u16::try_from(count).expect("a class has at most 65,535 examples");
                (feature, label, count)
            }));
        }
        counted.sort_unstable();
        let mut keys = Vec::new();
        let mut starts = Vec::new();
        let mut holders = Vec::with_capacity(counted.len());
        for (feature, class, count) in counted {
            if keys.last() != Some(&feature) {
                keys.push(feature);
                starts.push(offset(holders.len()));
            }
            holders.push((class, count));
        }
        starts.push(offset(holders.len()));
        Self {
            index: FeatureIndex::new(keys.into_boxed_slice()),
            starts: starts.into_boxed_slice(),
            holders: holders.into_boxed_slice(),
            feature_totals,
            examples: example_counts,
        }
    }

    /// The classes holding the feature at `position`, with their counts.
    fn holders_at(&self, position: usize) -> &[(u16, u16)] {
        let (start, end) = (self.starts[position], self.starts[position + 1]);
        &self.holders[start as usize..end as usize]
    }

    /// The classes holding `feature`, with their counts (none for an unknown feature).
    fn holders_of(&self, feature: u64) -> Option<&[(u16, u16)]> {
        self.index
            .position(feature)
            .map(|position| self.holders_at(position))
    }

    /// The examples and feature totals of each class, less those of `left` if any.
    fn totals_without(&self, left: Option<&Table>) -> (Vec<f64>, Vec<f64>) {
        let less = |values: &[f64], taken: Option<&[f64]>| -> Vec<f64> {
            match taken {
                None => values.to_vec(),
                Some(taken) => values
                    .iter()
                    .zip(taken)
                    .map(|(all, off)| all - off)
                    .collect(),
            }
        };
        (
            less(&self.examples, left.map(|left| left.examples.as_slice())),
            less(
                &self.feature_totals,
                left.map(|left| left.feature_totals.as_slice()),
            ),
        )
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
    examples: Kept,
    /// The counts of the batch last left out, kept for the next question of that batch.
    left_out: Mutex<Option<(u32, Arc<Table>)>>,
}

/// The posterior of every class for one message (all 0 when no feature of it is known).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Posteriors(pub Vec<f32>);

impl NaiveBayes {
    /// Counts `examples`, each labelled with some of `classes` classes.
    pub fn new<'a>(classes: usize, examples: impl IntoIterator<Item = Example<'a>>) -> Self {
        let examples = Kept::of(examples);
        let counts = Table::of(classes, || examples.iter());
        let most = counts
            .holders
            .iter()
            .map(|(_, count)| *count)
            .max()
            .unwrap_or(0);
        Self {
            classes,
            vocabulary: counts.index.len() as f64,
            gains: (0..=most)
                .map(|count| (f64::from(count) + SMOOTHING).ln() - SMOOTHING.ln())
                .collect(),
            counts,
            examples,
            left_out: Mutex::new(None),
        }
    }

    /// The posterior of each class for a message folded as the examples are, with the
    /// examples of batch `left_out` forgotten: each feature the examples hold adds its
    /// weight ([`MessageFeatures::weighed`]) times its log-likelihood.
    pub fn posteriors(&self, message: &MessageFeatures, left_out: Option<usize>) -> Posteriors {
        let left = left_out.map(|batch| self.counts_of_batch(batch as u32));
        let left = left.as_deref();
        let (examples, feature_totals) = self.counts.totals_without(left);
        let total_examples: f64 = examples.iter().sum();
        if total_examples <= 0.0 {
            return Posteriors(vec![0.0; self.classes]);
        }
        let mut scores: Vec<f64> = examples
            .iter()
            .map(|&examples| {
                if examples <= 0.0 {
                    f64::NEG_INFINITY
                } else {
                    (examples / total_examples).ln()
                }
            })
            .collect();
        let mut known = 0.0;
        for (feature, weight) in message.weighed() {
            let Some(holders) = self.counts.holders_of(feature) else {
                continue;
            };
            let left_holders = left.and_then(|left| left.holders_of(feature));
            let mut held = false;
            for &(class, count) in holders {
                let taken = left_holders
                    .and_then(|taken| taken.iter().find(|(of, _)| *of == class))
                    .map_or(0, |(_, taken)| *taken);
                let count = count - taken;
                if count > 0 {
                    held = true;
                    scores[usize::from(class)] += weight * self.gains[usize::from(count)];
                }
            }
            if held {
                known += weight;
            }
        }
        if known == 0.0 {
            return Posteriors(vec![0.0; self.classes]);
        }
        for (score, total) in scores.iter_mut().zip(&feature_totals) {
            let denominator = total + SMOOTHING * self.vocabulary;
            *score += known * (SMOOTHING / denominator).ln();
        }
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exps: Vec<f64> = scores.iter().map(|score| (score - top).exp()).collect();
        let sum: f64 = exps.iter().sum();
        Posteriors(exps.iter().map(|exp| (exp / sum) as f32).collect())
    }

    /// Each example counted: its batch, classes and folded text, in order.
    pub fn examples(&self) -> impl Iterator<Item = (u32, &[u16], &str)> + '_ {
        self.examples.iter()
    }

    /// The counts of the examples of `batch`, counted once per batch in a row.
    fn counts_of_batch(&self, batch: u32) -> Arc<Table> {
        let mut kept = self
            .left_out
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some((of, counts)) = kept.as_ref() {
            if *of == batch {
                return Arc::clone(counts);
            }
        }
        let counts = Arc::new(Table::of(self.classes, || {
            self.examples.iter().filter(move |(of, _, _)| *of == batch)
        }));
        *kept = Some((batch, Arc::clone(&counts)));
        counts
    }
}

/// The features of a folded message, each once, sorted: every word's character n-grams (the
/// word padded with a space each side), and its words of two or more letters and their pairs.
pub fn features_of(folded: &str) -> Vec<u64> {
    let mut features = Vec::new();
    push_pieces(folded, &mut features);
    push_words_and_pairs(folded, &mut features);
    features.sort_unstable();
    features.dedup();
    features
}

/// The words of two or more letters of a folded message and their pairs, each once, sorted:
/// the features of [`features_of`] without the pieces of words.
pub fn words_and_pairs_of(folded: &str) -> Vec<u64> {
    let mut features = Vec::new();
    push_words_and_pairs(folded, &mut features);
    features.sort_unstable();
    features.dedup();
    features
}

/// One message's features for the naive Bayes ([`features_of`]) and for the regression
/// ([`words_and_pairs_of`]), its words and pairs hashed once for both.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageFeatures {
    pieces: Vec<u64>,
    words_and_pairs: Vec<u64>,
}

impl MessageFeatures {
    /// The features of a folded message.
    pub fn of(folded: &str) -> Self {
        let words_and_pairs = words_and_pairs_of(folded);
        let mut pieces = Vec::with_capacity(words_and_pairs.len() * 8);
        push_pieces(folded, &mut pieces);
        pieces.sort_unstable();
        pieces.dedup();
        Self {
            pieces,
            words_and_pairs,
        }
    }

    /// The naive Bayes's features, [`features_of`] the message, each with its weight: the
    /// pieces of words [`PIECE_WEIGHT`], the words and pairs 1.
    pub fn weighed(&self) -> impl Iterator<Item = (u64, f64)> + '_ {
        let pieces = self.pieces.iter().map(|piece| (*piece, PIECE_WEIGHT));
        pieces.chain(self.words_and_pairs.iter().map(|word| (*word, 1.0)))
    }

    /// The regression's features: [`words_and_pairs_of`] the message.
    pub fn words_and_pairs(&self) -> &[u64] {
        &self.words_and_pairs
    }
}

/// Pushes the hashes of `folded`'s words' character n-grams (each word padded with a space each
/// side).
fn push_pieces(folded: &str, features: &mut Vec<u64>) {
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
}

/// Pushes the hashes of `folded`'s words of two or more letters and of their pairs.
fn push_words_and_pairs(folded: &str, features: &mut Vec<u64>) {
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

    fn example(batch: u32, class: u16, folded: &str) -> Example<'_> {
        Example {
            batch,
            classes: vec![class],
            folded,
        }
    }

    fn examples() -> Vec<Example<'static>> {
        vec![
            example(0, 0, "when was the first meeting"),
            example(1, 0, "date of the first meeting"),
            example(0, 1, "what are the objectives"),
            example(1, 1, "list the objectives"),
            example(0, 2, "what is the weather today"),
            example(2, 1, "objectives of the forum"),
        ]
    }

    fn classifier() -> NaiveBayes {
        NaiveBayes::new(3, examples())
    }

    #[test]
    fn a_message_worded_like_a_class_is_most_probably_that_class() {
        let posteriors = classifier()
            .posteriors(&MessageFeatures::of("wen was the 1st mtg"), None)
            .0;
        assert!(posteriors[0] > posteriors[1] && posteriors[0] > posteriors[2]);
        let posteriors = classifier()
            .posteriors(&MessageFeatures::of("the objectivs"), None)
            .0;
        assert!(posteriors[1] > 0.5, "{posteriors:?}");
        let sum: f32 = posteriors.iter().sum();
        assert!((sum - 1.0).abs() < 1e-5);
    }

    #[test]
    fn leaving_a_batch_out_is_counting_without_it() {
        let all = classifier();
        let without = examples().into_iter().filter(|example| example.batch != 2);
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
                all.posteriors(&MessageFeatures::of(message), Some(2)),
                counted_without.posteriors(&MessageFeatures::of(message), None),
                "{message}"
            );
        }
        // "forum" is in batch 2 alone (of class 1): without it, class 1 is less probable.
        let forum = |left_out| all.posteriors(&MessageFeatures::of("forum"), left_out).0[1];
        assert!(
            forum(Some(2)) < forum(None),
            "{} {}",
            forum(Some(2)),
            forum(None)
        );
    }

    #[test]
    fn one_long_word_does_not_outweigh_the_other_words_of_a_message() {
        let classifier = NaiveBayes::new(
            2,
            vec![
                example(0, 0, "participation is voluntary"),
                example(1, 0, "is it voluntary"),
                example(0, 1, "my company pays for my lunch"),
                example(1, 1, "does my company pay for lunch"),
            ],
        );
        // Two words of class 1 against one long word of class 0, whose 30-odd pieces would
        // outweigh them if each weighed as much as a word.
        let posteriors = classifier
            .posteriors(&MessageFeatures::of("my company voluntary"), None)
            .0;
        assert!(posteriors[1] > posteriors[0], "{posteriors:?}");
    }

    #[test]
    fn a_message_of_unknown_pieces_has_no_posteriors() {
        assert_eq!(
            classifier().posteriors(&MessageFeatures::of(""), None).0,
            vec![0.0; 3]
        );
        assert_eq!(
            classifier().posteriors(&MessageFeatures::of("xqz"), None).0,
            vec![0.0; 3]
        );
    }

    #[test]
    fn the_index_finds_every_feature_at_its_rank_and_no_other() {
        let mut keys: Vec<u64> = (0..1000_u64)
            .map(|n| n.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .chain([1, 2, u64::MAX])
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let index = FeatureIndex::new(keys.clone().into_boxed_slice());
        for (rank, key) in keys.iter().enumerate() {
            assert_eq!(index.position(*key), Some(rank), "{key}");
        }
        for absent in [3, 12_345, u64::MAX - 1] {
            assert!(keys.binary_search(&absent).is_err());
            assert_eq!(index.position(absent), None, "{absent}");
        }
        assert_eq!(FeatureIndex::new(Box::default()).position(7), None);
        assert_eq!(FeatureIndex::new(Box::new([7])).position(7), Some(0));
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

    proptest::proptest! {
        /// Hashed once for both, a message's features are the naive Bayes's and the
        /// regression's, each as they would hash them alone.
        #[test]
        fn a_message_s_features_are_each_model_s(folded in "[a-z0-9 ]{0,80}") {
            let message = MessageFeatures::of(&folded);
            let mut weighed: Vec<u64> = message.weighed().map(|(feature, _)| feature).collect();
            weighed.sort_unstable();
            weighed.dedup();
            proptest::prop_assert_eq!(weighed, features_of(&folded));
            proptest::prop_assert_eq!(
                message.words_and_pairs().to_vec(),
                words_and_pairs_of(&folded)
            );
        }
    }
}
