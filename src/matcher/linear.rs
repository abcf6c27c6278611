//! A logistic regression over the dev set's labelled examples: a second reading of what all the
//! examples say together, beside the naive Bayes classifier (`naive_bayes.rs`).
//!
//! The naive Bayes classifier counts each feature of a class on its own, so wording that many
//! classes share still weighs in every class's favour, and words that always come together
//! count twice. A logistic regression learns how much each feature tells one class from the
//! others, the features taken together. Held out by writer on the English dev set, the
//! confidence reading three figures of it beside the others answered 89.3 → 92.9% of the
//! in-domain questions right, with silence and wrong answers held (`BENCHMARKS.md`, "A logistic
//! regression beside the naive Bayes").
//!
//! The model: a multinomial (softmax) regression on the words of two or more letters and the
//! pairs of words of a folded message, present or absent, each example's features scaled to
//! unit length; fitted by stochastic gradient descent with AdaGrad steps and a small L2 penalty,
//! [`PASSES`] passes over the examples in an order fixed by a seeded shuffle, so that a fit is
//! the same bit for bit every time. An example labelled with several answers is a share of each.
//! The pieces of words the naive Bayes classifier also reads made it no better here (92.4%
//! against 92.8% at eight passes) and took ten times as long to fit. The weights are kept as
//! 16-bit floats once fitted (half the memory; the figures are those of the kept weights).
//!
//! A writer's questions must not teach the model that measures them, and a regression cannot
//! take one writer's examples off as counts can: the writers are dealt into [`FOLDS`] folds by
//! batch, and a question whose batch is left out is read by a model fitted without that batch's
//! fold, fitted the first time it is asked for (only the fit and the dev-set figures ask).

use super::naive_bayes::{words_and_pairs_of, MessageFeatures, Posteriors};
use super::split_mix::SplitMix64;
use half::f16;
use std::sync::OnceLock;

/// How many folds the writers are dealt into when one is left out.
pub const FOLDS: u32 = 5;

/// How many passes over the examples a fit makes.
const PASSES: usize = 16;

/// The AdaGrad step size.
const RATE: f32 = 0.4;

/// The L2 penalty of every weight, per step.
const PENALTY: f32 = 1e-5;

/// One labelled example to fit: its batch, its classes and its folded text.
pub type Labelled<'a> = (u32, &'a [u16], &'a str);

/// The regression of one language's examples, and of each fold's others.
#[derive(Debug, Default)]
pub struct Linear {
    classes: usize,
    whole: Model,
    /// The model without each fold's examples, fitted when first asked for.
    without_fold: Vec<OnceLock<Model>>,
}

impl Linear {
    /// Fits `examples`, each labelled with some of `classes` classes.
    pub fn new<'a>(classes: usize, examples: impl Iterator<Item = Labelled<'a>>) -> Self {
        Self {
            classes,
            whole: Model::fit(classes, examples),
            without_fold: (0..FOLDS).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The posterior of each class for a message folded as the examples are, by its words and
    /// pairs ([`MessageFeatures::words_and_pairs`]). With batch `left_out`, the model fitted
    /// without that batch's fold reads it; `examples` gives the examples again (those
    /// [`Linear::new`] was given) for that fold's fit.
    pub fn posteriors<'a, I>(
        &self,
        message: &MessageFeatures,
        left_out: Option<usize>,
        examples: impl FnOnce() -> I,
    ) -> Posteriors
    where
        I: Iterator<Item = Labelled<'a>>,
    {
        let model = match left_out {
            None => &self.whole,
            Some(batch) => {
                let fold = batch as u32 % FOLDS;
                self.without_fold[fold as usize].get_or_init(|| {
                    Model::fit(
                        self.classes,
                        examples().filter(|(batch, _, _)| batch % FOLDS != fold),
                    )
                })
            }
        };
        model.posteriors(message.words_and_pairs())
    }
}

/// One fitted regression: a weight per (feature, class) and a bias per class.
#[derive(Debug, Default)]
struct Model {
    classes: usize,
    /// The known features' hashes, sorted: a feature's rank is its row of `weights`.
    features: Vec<u64>,
    /// The weights, a row of `classes` per feature.
    weights: Vec<f16>,
    bias: Vec<f32>,
}

/// The examples encoded for a fit: each one's feature rows, flat, and its classes.
#[derive(Default)]
struct Encoded<'a> {
    rows: Vec<u32>,
    row_ends: Vec<u32>,
    labels: Vec<&'a [u16]>,
}

impl Encoded<'_> {
    /// The feature rows and the classes of example `index`.
    fn example(&self, index: usize) -> (&[u32], &[u16]) {
        let start = match index {
            0 => 0,
            _ => self.row_ends[index - 1] as usize,
        };
        (
            &self.rows[start..self.row_ends[index] as usize],
            self.labels[index],
        )
    }

    fn len(&self) -> usize {
        self.labels.len()
    }
}

impl Model {
    /// Fits the regression of `examples`.
    fn fit<'a>(classes: usize, examples: impl Iterator<Item = Labelled<'a>>) -> Self {
        let mut hashes: Vec<u64> = Vec::new();
        let mut encoded = Encoded::default();
        for (_, labels, folded) in examples {
            hashes.extend(words_and_pairs_of(folded));
            encoded.row_ends.push(hashes.len() as u32);
            encoded.labels.push(labels);
        }
        let mut features = hashes.clone();
        features.sort_unstable();
        features.dedup();
        features.shrink_to_fit();
        encoded.rows = hashes
            .iter()
            .map(|hash| features.binary_search(hash).expect("a feature of the set") as u32)
            .collect();
        drop(hashes);
        let (weights, bias) = descend(&encoded, features.len(), classes);
        Self {
            classes,
            features,
            weights: weights.into_iter().map(f16::from_f32).collect(),
            bias,
        }
    }

    /// The posterior of each class for a message of `features` (all 0 when none is known).
    fn posteriors(&self, features: &[u64]) -> Posteriors {
        let rows: Vec<usize> = features
            .iter()
            .filter_map(|feature| self.features.binary_search(feature).ok())
            .collect();
        if rows.is_empty() {
            return Posteriors(vec![0.0; self.classes]);
        }
        let scale = 1.0 / (rows.len() as f32).sqrt();
        let mut scores = self.bias.clone();
        for row in rows {
            let weights = &self.weights[row * self.classes..(row + 1) * self.classes];
            for (score, weight) in scores.iter_mut().zip(weights) {
                *score += weight.to_f32() * scale;
            }
        }
        softmax(&mut scores);
        Posteriors(scores)
    }
}

/// Fits the weights (a row of `classes` for each of `features` features) and the biases of the
/// regression of `encoded`, by AdaGrad steps over [`PASSES`] passes.
fn descend(encoded: &Encoded, features: usize, classes: usize) -> (Vec<f32>, Vec<f32>) {
    let mut weights = vec![0.0_f32; features * classes];
    let mut squares = vec![0.0_f32; weights.len()];
    let mut bias = vec![0.0_f32; classes];
    let mut bias_squares = vec![0.0_f32; classes];
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    // A fixed seed, so that every fit takes the examples in the same order.
    let mut shuffle = SplitMix64::new(0x9e37_79b9_7f4a_7c15);
    let mut errors = vec![0.0_f32; classes];
    for _ in 0..PASSES {
        shuffle.shuffle(&mut order);
        for &index in &order {
            let (rows, labels) = encoded.example(index);
            if rows.is_empty() {
                continue;
            }
            let scale = 1.0 / (rows.len() as f32).sqrt();
            errors.copy_from_slice(&bias);
            for &row in rows {
                let at = row as usize * classes;
                for (error, weight) in errors.iter_mut().zip(&weights[at..at + classes]) {
                    *error += weight * scale;
                }
            }
            softmax(&mut errors);
            // Each class's error: its probability less its share of the labels.
            let share = 1.0 / labels.len() as f32;
            for &label in labels {
                errors[usize::from(label)] -= share;
            }
            for &row in rows {
                let at = row as usize * classes;
                let steps = weights[at..at + classes]
                    .iter_mut()
                    .zip(&mut squares[at..at + classes]);
                for ((weight, square), error) in steps.zip(&errors) {
                    let gradient = error * scale + PENALTY * *weight;
                    *square += gradient * gradient;
                    *weight -= RATE * gradient / (square.sqrt() + 1e-6);
                }
            }
            for ((bias, square), error) in bias.iter_mut().zip(&mut bias_squares).zip(&errors) {
                *square += error * error;
                *bias -= RATE * error / (square.sqrt() + 1e-6);
            }
        }
    }
    (weights, bias)
}

/// Turns scores into probabilities, in place.
fn softmax(scores: &mut [f32]) {
    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for score in scores.iter_mut() {
        *score = (*score - top).exp();
        sum += *score;
    }
    for score in scores.iter_mut() {
        *score /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three batches of examples: class 0 asks about dates, class 1 about places, class 2 is
    /// off-topic; batch 2 alone says "venue".
    fn examples() -> Vec<(u32, Vec<u16>, &'static str)> {
        vec![
            (0, vec![0], "when did it start"),
            (0, vec![1], "where was it held"),
            (0, vec![2], "what is the weather"),
            (1, vec![0], "what year did it start"),
            (1, vec![1], "which city was it held in"),
            (1, vec![2], "best pizza in town"),
            (2, vec![0], "start date please"),
            (2, vec![1], "venue of the first meeting"),
            (2, vec![0, 1], "when and where did it start"),
            (3, vec![2], "weather tomorrow"),
            (4, vec![0], "when was the start"),
        ]
    }

    fn labelled<'a>(examples: &'a [(u32, Vec<u16>, &'static str)]) -> Vec<Labelled<'a>> {
        examples
            .iter()
            .map(|(batch, classes, text)| (*batch, classes.as_slice(), *text))
            .collect()
    }

    fn fit(examples: &[(u32, Vec<u16>, &'static str)]) -> Linear {
        Linear::new(3, labelled(examples).into_iter())
    }

    fn posteriors(linear: &Linear, text: &str, left_out: Option<usize>) -> Vec<f32> {
        let examples = examples();
        linear
            .posteriors(&MessageFeatures::of(text), left_out, || {
                labelled(&examples).into_iter()
            })
            .0
    }

    fn most_probable(posteriors: &[f32]) -> usize {
        (0..posteriors.len())
            .max_by(|a, b| posteriors[*a].total_cmp(&posteriors[*b]))
            .expect("classes")
    }

    #[test]
    fn reads_each_class_from_its_wording() {
        let linear = fit(&examples());
        assert_eq!(
            most_probable(&posteriors(&linear, "when did it start", None)),
            0
        );
        assert_eq!(
            most_probable(&posteriors(&linear, "where was it held", None)),
            1
        );
        assert_eq!(most_probable(&posteriors(&linear, "the weather", None)), 2);
        let sum: f32 = posteriors(&linear, "when held", None).iter().sum();
        assert!((sum - 1.0).abs() < 1e-4, "{sum}");
    }

    #[test]
    fn knows_nothing_of_words_it_never_saw() {
        let linear = fit(&examples());
        assert_eq!(posteriors(&linear, "zzz qqq", None), vec![0.0; 3]);
    }

    #[test]
    fn a_left_out_batch_is_read_without_its_folds_examples() {
        let linear = fit(&examples());
        // Only batch 2 says "venue": the whole model knows it, the model without batch 2's fold
        // does not.
        assert_eq!(most_probable(&posteriors(&linear, "venue", None)), 1);
        assert_eq!(posteriors(&linear, "venue", Some(2)), vec![0.0; 3]);
        // Batch 7 is in batch 2's fold.
        assert_eq!(
            posteriors(&linear, "venue", Some(2 + FOLDS as usize)),
            vec![0.0; 3]
        );
        assert_ne!(posteriors(&linear, "venue", Some(1)), vec![0.0; 3]);
    }

    #[test]
    fn a_fit_is_the_same_every_time() {
        let first = fit(&examples());
        let second = fit(&examples());
        assert_eq!(first.whole.weights, second.whole.weights);
        assert_eq!(first.whole.bias, second.whole.bias);
    }

    #[test]
    fn an_example_of_two_classes_is_a_share_of_each() {
        let linear = Linear::new(
            2,
            [(0, &[0_u16, 1][..], "both"), (0, &[0][..], "one")].into_iter(),
        );
        let both = posteriors(&linear, "both", None);
        assert!((both[0] - both[1]).abs() < 0.05, "{both:?}");
    }
}
