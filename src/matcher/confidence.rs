//! The confidence that the best answer is right: boosted decision trees over features of the
//! ranking (`boosted.rs`), fitted on the labelled dev set and checked by cross-validation, with
//! the two cut-offs (answer, suggest) chosen on the probabilities with each dev writer held out.
//!
//! Trees can combine features: a close example of the best answer says more when the words
//! cover the question too, and a high score less when the question is worded like a near-miss.
//! Held out by writer, they answer one to three points more of the dev sets' in-domain
//! questions right than the additive model (a logistic regression with a spline curve per
//! feature) they replaced, within the same limits on wrong answers and silence (README, "How
//! well it matches").
//!
//! Everything here is pure arithmetic on feature rows; reading the dev set into rows is
//! `evaluation::fit_confidence`'s job, and the fitted values live in `fitted.rs`, which
//! `cargo run --release --example fit` writes and a test checks.

use super::boosted::{Growth, Trees};

/// How many features the model reads.
pub const FEATURES: usize = 33;

/// The features' names, in order, as the fitted file lists them.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "score",
    "lead",
    "text_cover",
    "phrase_cover",
    "containment",
    "keyword_cover",
    "unknown_share",
    "unknown_words",
    "intent_met",
    "specifiers_met",
    "segment",
    "terms",
    "corrected_share",
    "beyond",
    "advice",
    "overlap",
    "spelling",
    "neighbour",
    "neighbour_over_off_topic",
    "neighbour_over_other",
    "led_by_examples",
    "bayes",
    "bayes_off_topic",
    "bayes_over_other",
    "linear",
    "linear_off_topic",
    "linear_over_other",
    "words",
    "characters",
    "question_mark",
    "votes",
    "votes_off_topic",
    "exact",
];

/// What the confidence reads from one ranking, in the order of [`FEATURE_NAMES`]:
///
/// - `score`: the best answer's score (0..1);
/// - `lead`: its lead over the runner-up;
/// - `text_cover`: share of the question's weight found anywhere in the best answer;
/// - `phrase_cover`: share found in its phrasings (title, questions, keywords);
/// - `containment`: the largest share inside one of its phrasings;
/// - `keyword_cover`: share inside keywords of it that the question holds whole;
/// - `unknown_share`: share of the question's weight in words no answer knows (after
///   text-speak, synonyms and typo correction);
/// - `unknown_words`: how many such words, up to 3;
/// - `intent_met`: 1 when a phrasing of the best answer asks the question's "who", "when",
///   "where", "why" or "how many" about its topic;
/// - `specifiers_met`: 1 when the best answer has the question's numbers and ordinals;
/// - `segment`: 1 when the ranking is of one sentence of a longer message;
/// - `terms`: ln(1 + the question's topic terms that some answer has);
/// - `corrected_share`: share of the question's weight in words read as typos;
/// - `beyond`: words that ask what a background note cannot say (an opinion, a prediction,
///   the present: "should", "think", "next", "current"), up to 2;
/// - `advice`: 1 when it asks for personal advice ("can I", "how do I");
/// - `overlap`: the best weighted Dice coefficient between the question and one phrasing of
///   the best answer;
/// - `spelling`: how closely the whole message is spelt like the best answer's closest title,
///   question or keyword (the cosine of their character trigrams, `spelling.rs`): a misspelt
///   or abbreviated word still shares most of its letters;
/// - `neighbour`: how closely the whole message is worded like the closest dev-set question
///   labelled with the best answer (a TF-IDF cosine, `neighbours.rs`): members word a topic
///   in ways its phrasings do not list;
/// - `neighbour_over_off_topic`: that closeness less the closest off-topic (and near-miss)
///   example's: a question worded like ones the note does not answer;
/// - `neighbour_over_other`: that closeness less the closest example of another answer's;
/// - `led_by_examples`: 1 when the examples, not the words, put the best answer first (the
///   whole message is worded most like its examples, or the regression or the naive Bayes finds
///   it likeliest, and the words ranked another);
/// - `bayes`: how probable the best answer is by a naive Bayes classifier of the examples'
///   wording, pieces of words and words (`naive_bayes.rs`): what all the examples say
///   together, not the closest one alone;
/// - `bayes_off_topic`: how probable off-topic is by that classifier;
/// - `bayes_over_other`: the best answer's probability less the most probable other answer's;
/// - `linear`, `linear_off_topic`, `linear_over_other`: the same three figures by a logistic
///   regression of the same wording (`linear.rs`), which weighs each piece against the others;
/// - `words`, `characters`: ln(1 + the whole message's words), ln(1 + its characters);
/// - `question_mark`: 1 when the message holds a "?";
/// - `votes`: of the ten dev-set questions worded most like the whole message (the same
///   cosines as `neighbour`'s), the share of their closeness (each one's cosine squared)
///   labelled with the best answer (`votes.rs`);
/// - `votes_off_topic`: the share of it that is off-topic;
/// - `exact`: 1 when one of the best answer's phrasings (and no other answer's) has exactly
///   the question's terms, the reading is the whole message (a sentence of a longer one
///   may lean on the others: "what does it aim to do?"), no word of it was read as a typo
///   of another (a guess: "what timezone is everyone in" is not "timeline") or dropped as too
///   short to read ("is the GFMD an EU body?" is not "what sort of body is the GFMD?"), and some
///   phrasing of the answer asks the question's "who", "when" or "how many" (`intent_met`:
///   "how many countries take part" is not "which countries take part"), or when the whole
///   message is word for word a question the best answer (and no other) lists, however its
///   words are read ("this year" as a "when"). Such a reading is certain: the editors listed it
///   as what the answer answers ([`Model::probability`] is 1, and the fit leaves it out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features(pub [f64; FEATURES]);

impl Default for Features {
    fn default() -> Self {
        Self([0.0; FEATURES])
    }
}

/// Position of `exact` in [`FEATURE_NAMES`].
const EXACT: usize = FEATURES - 1;

impl Features {
    /// Whether the reading is exactly one of the best answer's listed phrasings.
    pub fn is_exact(&self) -> bool {
        self.0[EXACT] > 0.5
    }
}

/// A fitted model with its two cut-offs.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The boosted trees whose log-odds the probability is.
    pub trees: Trees,
    /// Lowest probability at which the best answer is given.
    pub answer_at: f64,
    /// Lowest probability at which the best answer is offered ("might help").
    pub suggest_at: f64,
}

impl Model {
    /// The probability that the best answer of the ranking with `features` is right: 1 for an
    /// exact listed phrasing, else the trees'.
    pub fn probability(&self, features: &Features) -> f64 {
        if features.is_exact() {
            1.0
        } else {
            sigmoid(self.trees.log_odds(&features.0))
        }
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Fits the trees to the `(features, right)` readings of labelled questions
/// (`boosted::Trees::fit_weighted`; deterministic), with each question weighed once: its
/// readings share one unit of weight (a long message's several readings count no more than a
/// short one's one, as each counts once in the figures). Held out by writer, the mean over the
/// seven settings of the trees (`boosted::GROWTHS`) rose from 86.20 / 86.51 / 89.07% right
/// (English, French, Spanish) with one unit per reading to 86.47 / 86.85 / 89.51%, silence and
/// wrong answers as they were. One sum of trees is grown as each of `growths` says and their
/// log-odds averaged (`boosted::Trees::averaged`). Exact readings are left out (they are
/// certain). The cut-offs are left at 0.5 for the caller to set. The `pooled` questions of
/// other languages are learnt from too, each weighed as that says.
pub fn fit_cases<'a>(
    cases: impl IntoIterator<Item = &'a CaseRows>,
    pooled: Pooled<'a>,
    growths: &[Growth],
) -> Model {
    let own = cases.into_iter().map(|case| (case, 1.0));
    let others = pooled
        .cases
        .iter()
        .filter(|_| pooled.weight > 0.0)
        .map(|case| (*case, pooled.weight));
    fit_weighted(
        own.chain(others).flat_map(|(case, weight)| {
            let share = weight / case.rows.len() as f64;
            case.rows.iter().map(move |row| (row, share))
        }),
        growths,
    )
}

/// Questions of other languages that a language's fit learns from beside its own, each
/// weighed `weight` of one of its own. The features are the same figures in every language
/// (shares, cosines, counts), so the others' questions show the trees more of what a right
/// best answer looks like, while the language's own count for more. Held out by writer (the
/// means over the seven settings near the shipped one), the three languages pooled at half
/// weight answered 86.47 → 86.68% of the English dev questions right, 86.85 → 87.64% of the
/// French and 89.51 → 89.82% of the Spanish, silence and wrong answers as they were; at full
/// weight, 86.71 / 87.48 / 89.36%.
#[derive(Debug, Clone, Copy)]
pub struct Pooled<'a> {
    /// The other languages' questions.
    pub cases: &'a [&'a CaseRows],
    /// What one of them weighs against one of the language's own (which weighs 1).
    pub weight: f64,
}

impl Pooled<'_> {
    /// No other language's questions: a language's own alone.
    pub const NONE: Pooled<'static> = Pooled {
        cases: &[],
        weight: 0.0,
    };
}

/// Fits the trees to weighed rows, leaving out the exact ones (certain whatever the model
/// says); the weights are scaled to a mean of 1, so that a leaf's least weight
/// (`boosted::MIN_LEAF_WEIGHT`) means what it says. A sum of trees is grown as each of
/// `growths` says, and their log-odds averaged.
fn fit_weighted<'a>(
    rows: impl IntoIterator<Item = (&'a (Features, bool), f64)>,
    growths: &[Growth],
) -> Model {
    let (fitted, mut weights): (Vec<(&[f64], bool)>, Vec<f64>) = rows
        .into_iter()
        .filter(|((features, _), _)| !features.is_exact())
        .map(|((features, right), weight)| ((&features.0[..], *right), weight))
        .unzip();
    let mean = weights.iter().sum::<f64>() / weights.len().max(1) as f64;
    for weight in &mut weights {
        *weight /= mean;
    }
    Model {
        trees: Trees::fit_averaged(&fitted, &weights, FEATURES, growths),
        answer_at: 0.5,
        suggest_at: 0.5,
    }
}

/// One labelled question as the fitting sees it: a row per reading the matcher considered
/// (the whole message, and each sentence of a longer one), each with whether its best answer is
/// right; the matcher goes by the reading with the highest probability.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRows {
    /// Whether the question has a right answer (in-domain).
    pub in_domain: bool,
    /// `(features, best answer is right)` per reading.
    pub rows: Vec<(Features, bool)>,
}

/// What the model does with one question: the probability of its chosen reading and whether
/// that reading's best answer is right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Whether the question has a right answer.
    pub in_domain: bool,
    /// The highest probability over the question's readings.
    pub probability: f64,
    /// Whether the best answer of that reading is right.
    pub right: bool,
}

impl Scored {
    /// A case as the matcher decides it, by its most probable reading: `(probability, right)`
    /// for each reading, the first of equals kept; probability 0 and not right with none.
    pub fn of_readings(in_domain: bool, readings: impl IntoIterator<Item = (f64, bool)>) -> Self {
        let (probability, right) =
            readings.into_iter().fold(
                (0.0, false),
                |best, next| if next.0 > best.0 { next } else { best },
            );
        Self {
            in_domain,
            probability,
            right,
        }
    }
}

/// The question as `model` decides it: its most probable reading.
pub fn score_case(model: &Model, case: &CaseRows) -> Scored {
    Scored::of_readings(
        case.in_domain,
        case.rows
            .iter()
            .map(|(features, right)| (model.probability(features), *right)),
    )
}

/// Fold of case `index` in `folds`-fold cross-validation: fixed, by position.
pub fn fold_of(index: usize, folds: usize) -> usize {
    index % folds
}

/// Cross-validated scores: each case scored by a model fitted without its fold (and with the
/// `pooled` questions), its trees grown as each of `growths` says and averaged.
pub fn cross_validate(
    cases: &[CaseRows],
    folds: usize,
    pooled: Pooled,
    growths: &[Growth],
) -> Vec<Scored> {
    let groups: Vec<usize> = (0..cases.len())
        .map(|index| fold_of(index, folds))
        .collect();
    cross_validate_grouped(cases, &groups, pooled, growths)
}

/// Scores with each group of cases held out in turn: each case scored by a model fitted on
/// the cases of the other groups (`groups[i]` names case `i`'s). With each dev file a group,
/// this is how the confidence does on questions by a writer it never saw. Every model learns
/// from the `pooled` questions too; the trees are grown as each of `growths` says and averaged.
pub fn cross_validate_grouped(
    cases: &[CaseRows],
    groups: &[usize],
    pooled: Pooled,
    growths: &[Growth],
) -> Vec<Scored> {
    held_out_probabilities(cases, groups, pooled, growths)
        .into_iter()
        .zip(cases)
        .map(|(probabilities, case)| {
            let right = case.rows.iter().map(|(_, right)| *right);
            Scored::of_readings(case.in_domain, probabilities.into_iter().zip(right))
        })
        .collect()
}

/// Each reading's probability, case by case, under a model fitted on the cases of the other
/// groups (`groups[i]` names case `i`'s) and the `pooled` questions, its trees grown as
/// each of `growths` says and averaged: what [`cross_validate_grouped`] scores each case by.
pub fn held_out_probabilities(
    cases: &[CaseRows],
    groups: &[usize],
    pooled: Pooled,
    growths: &[Growth],
) -> Vec<Vec<f64>> {
    let folds = groups.iter().max().map_or(0, |last| last + 1);
    let mut probabilities = vec![Vec::new(); cases.len()];
    for fold in 0..folds {
        let training = cases
            .iter()
            .enumerate()
            .filter(|(index, _)| groups[*index] != fold)
            .map(|(_, case)| case);
        let model = fit_cases(training, pooled, growths);
        for (index, case) in cases.iter().enumerate() {
            if groups[index] == fold {
                probabilities[index] = case
                    .rows
                    .iter()
                    .map(|(features, _)| model.probability(features))
                    .collect();
            }
        }
    }
    probabilities
}

/// Figures of a group of graded cases: of one pair of cut-offs over scored cases here, of a
/// labelled set (overall or one style) in `evaluation`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// In-domain cases.
    pub in_domain: usize,
    /// Points on them: 1 per right answer, ½ per right suggestion.
    pub points: f64,
    /// Off-topic cases.
    pub off_topic: usize,
    /// Off-topic cases abstained on.
    pub silent: usize,
    /// Confident answers that are wrong (in-domain or off-topic).
    pub wrong: usize,
}

impl Figures {
    /// Share of in-domain points (0..=1; 1 when there is none: nothing was missed).
    pub fn right(&self) -> f64 {
        share(self.points, self.in_domain)
    }

    /// Share of off-topic cases left alone (0..=1; 1 when there is none).
    pub fn silent_share(&self) -> f64 {
        share(self.silent as f64, self.off_topic)
    }

    /// Share of all cases answered wrongly.
    pub fn wrong_share(&self) -> f64 {
        self.wrong as f64 / (self.in_domain + self.off_topic).max(1) as f64
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "right {:.1}% of {} in-domain, silent {:.1}% of {} off-topic, wrong {:.1}% ({})",
            100.0 * self.right(),
            self.in_domain,
            100.0 * self.silent_share(),
            self.off_topic,
            100.0 * self.wrong_share(),
            self.wrong
        )
    }
}

/// `part` of `whole`, or 1 when `whole` is 0.
fn share(part: f64, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part / whole as f64
    }
}

/// The figures of cut-offs `answer_at` and `suggest_at` over `scored`.
pub fn figures(scored: &[Scored], answer_at: f64, suggest_at: f64) -> Figures {
    let mut figures = Figures::default();
    for case in scored {
        let answers = case.probability >= answer_at;
        let suggests = !answers && case.probability >= suggest_at;
        if case.in_domain {
            figures.in_domain += 1;
            if case.right && answers {
                figures.points += 1.0;
            } else if case.right && suggests {
                figures.points += 0.5;
            }
            figures.wrong += usize::from(answers && !case.right);
        } else {
            figures.off_topic += 1;
            figures.silent += usize::from(!answers && !suggests);
            figures.wrong += usize::from(answers);
        }
    }
    figures
}

/// What the cut-offs must keep to, on questions beyond the ones they are chosen on: each limit
/// must hold at the far end of an interval `margin` standard errors wide, not just on the sample
/// (a share measured on a thousand questions can be a point off on the next thousand). The
/// interval is the wider of two: the Wilson score interval, as if every question were drawn on
/// its own, and one clustered by writer ([`writer_clustered_spread`]), since new questions come
/// from new writers, and one writer's near-misses can be much harder than another's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Most wrong answers, as a share of all cases (the interval's upper end).
    pub max_wrong: f64,
    /// Fewest off-topic cases left alone, as a share (the interval's lower end).
    pub min_silent: f64,
    /// Width of the interval in standard errors: 1.645 for one-sided 95% confidence, 0 for the
    /// sample's own shares.
    pub margin: f64,
}

/// The Wilson score interval `(low, high)` of `k` of `n` at `z` standard errors (`(0, 1)` when
/// `n` is 0; `z` = 0 gives `k / n` at both ends).
pub fn wilson_interval(k: usize, n: usize, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let n = n as f64;
    let share = k as f64 / n;
    let z2 = z * z;
    let centre = share + z2 / (2.0 * n);
    let spread = z * (share * (1.0 - share) / n + z2 / (4.0 * n * n)).sqrt();
    let scale = 1.0 + z2 / n;
    ((centre - spread) / scale, (centre + spread) / scale)
}

/// How far the pooled share `Σk / Σn` of `(k, n)` counts, one pair per writer, may stray by
/// writer, in standard errors: the cluster-robust (sandwich) standard error of a ratio,
/// `sqrt(W / (W - 1) · Σ (k - share · n)²) / Σn` over `W` writers. 0 for fewer than two writers
/// or no cases.
pub fn writer_clustered_spread(counts: &[(usize, usize)]) -> f64 {
    let writers = counts.iter().filter(|(_, n)| *n > 0).count();
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if writers < 2 || total == 0 {
        return 0.0;
    }
    let share = counts.iter().map(|(k, _)| k).sum::<usize>() as f64 / total as f64;
    let squares: f64 = counts
        .iter()
        .map(|&(k, n)| (k as f64 - share * n as f64).powi(2))
        .sum();
    let writers = writers as f64;
    (writers / (writers - 1.0) * squares).sqrt() / total as f64
}

/// The cut-offs that earn the most points on `scored` within `limits` (ties: fewer wrong, more
/// silent, then the higher cut-offs); `writers` gives each case's writer, for the interval
/// clustered by writer ([`Limits`]; all the same, the Wilson interval alone). Each cut-off lies
/// halfway between two neighbouring probabilities, so a small change of the model moves no case
/// across it. `None` when no cut-offs keep to the limits (never: answering nothing does, unless
/// the limits are above 1).
///
/// # Panics
///
/// When `writers` is not as long as `scored`.
pub fn choose_cutoffs(
    scored: &[Scored],
    writers: &[usize],
    limits: Limits,
) -> Option<(f64, f64, Figures)> {
    assert_eq!(scored.len(), writers.len(), "one writer per case");
    let mut sorted: Vec<(&Scored, usize)> = scored.iter().zip(writers.iter().copied()).collect();
    sorted.sort_by(|(a, _), (b, _)| b.probability.total_cmp(&a.probability));
    let sorted_writers: Vec<usize> = sorted.iter().map(|(_, writer)| *writer).collect();
    let sorted: Vec<&Scored> = sorted.into_iter().map(|(case, _)| case).collect();
    // Cut `k` answers (or offers) the first `k` cases, best first; only where the probability
    // changes, at the value halfway.
    let mut cuts: Vec<(usize, f64)> = vec![(0, 1.0)];
    for k in 1..sorted.len() {
        let (above, below) = (sorted[k - 1].probability, sorted[k].probability);
        if above > below {
            cuts.push((k, (above + below) / 2.0));
        }
    }
    if !sorted.is_empty() {
        cuts.push((sorted.len(), 0.0));
    }
    // Running counts over the first `k` cases.
    let mut right = vec![0usize; sorted.len() + 1];
    let mut wrong_in = vec![0usize; sorted.len() + 1];
    let mut off = vec![0usize; sorted.len() + 1];
    for (k, case) in sorted.iter().enumerate() {
        right[k + 1] = right[k] + usize::from(case.in_domain && case.right);
        wrong_in[k + 1] = wrong_in[k] + usize::from(case.in_domain && !case.right);
        off[k + 1] = off[k] + usize::from(!case.in_domain);
    }
    let in_domain = scored.iter().filter(|case| case.in_domain).count();
    let off_topic = scored.len() - in_domain;
    // Whether answering the first `k` cases keeps to the wrong limit, and offering them to the
    // silence limit: each depends on one cut-off only. Each writer's counts run along the cuts.
    let writer_count = sorted_writers.iter().max().map_or(0, |last| last + 1);
    let mut cases_of = vec![0; writer_count];
    let mut off_topic_of = vec![0; writer_count];
    for (case, &writer) in sorted.iter().zip(&sorted_writers) {
        cases_of[writer] += 1;
        off_topic_of[writer] += usize::from(!case.in_domain);
    }
    let (mut wrong_of, mut taken_off_topic_of) = (vec![0; writer_count], vec![0; writer_count]);
    let mut taken = 0;
    let mut keeps_wrong = Vec::with_capacity(cuts.len());
    let mut keeps_silence = Vec::with_capacity(cuts.len());
    for &(k, _) in &cuts {
        for (case, &writer) in sorted[taken..k].iter().zip(&sorted_writers[taken..k]) {
            wrong_of[writer] += usize::from(!case.in_domain || !case.right);
            taken_off_topic_of[writer] += usize::from(!case.in_domain);
        }
        taken = k;
        let wrong = wrong_in[k] + off[k];
        let wrong_by_writer: Vec<(usize, usize)> = wrong_of
            .iter()
            .copied()
            .zip(cases_of.iter().copied())
            .collect();
        let wrong_clustered = wrong as f64 / scored.len().max(1) as f64
            + limits.margin * writer_clustered_spread(&wrong_by_writer);
        let wrong_wilson = wilson_interval(wrong, scored.len(), limits.margin).1;
        keeps_wrong.push(wrong_wilson.max(wrong_clustered) <= limits.max_wrong);
        let silent = off_topic - off[k];
        let silent_by_writer: Vec<(usize, usize)> = off_topic_of
            .iter()
            .zip(&taken_off_topic_of)
            .map(|(&all, &offered)| (all - offered, all))
            .collect();
        let silent_clustered = silent as f64 / off_topic.max(1) as f64
            - limits.margin * writer_clustered_spread(&silent_by_writer);
        let silent_wilson = wilson_interval(silent, off_topic, limits.margin).0;
        keeps_silence.push(silent_wilson.min(silent_clustered) >= limits.min_silent);
    }
    let mut best: Option<(f64, f64, Figures)> = None;
    for (a, &(answered, answer_at)) in cuts.iter().enumerate() {
        if !keeps_wrong[a] {
            continue;
        }
        for (o, &(offered, suggest_at)) in cuts.iter().enumerate().skip(a) {
            if !keeps_silence[o] {
                continue;
            }
            let found = Figures {
                in_domain,
                points: right[answered] as f64 + 0.5 * (right[offered] - right[answered]) as f64,
                off_topic,
                silent: off_topic - off[offered],
                wrong: wrong_in[answered] + off[answered],
            };
            let key = |f: &Figures, a: f64, s: f64| (f.points, -(f.wrong as f64), f.silent, a, s);
            let better = best.is_none_or(|(best_answer, best_suggest, best)| {
                key(&found, answer_at, suggest_at) > key(&best, best_answer, best_suggest)
            });
            if better {
                best = Some((answer_at, suggest_at, found));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::boosted::CENTRAL;

    /// The trees fitted to `(features, right)` rows each weighing as much as any other, grown
    /// as shipped.
    fn fit(rows: &[(Features, bool)]) -> Model {
        fit_weighted(rows.iter().map(|row| (row, 1.0)), &[CENTRAL])
    }

    fn row(score: f64, right: bool) -> (Features, bool) {
        let mut features = Features::default();
        features.0[0] = score;
        (features, right)
    }

    #[test]
    fn the_fit_learns_that_a_higher_score_is_more_often_right() {
        let rows: Vec<_> = (0..100)
            .map(|i| row(i as f64 / 100.0, i % 7 != 0 && i > 40))
            .collect();
        let model = fit(&rows);
        assert!(model.probability(&row(0.9, true).0) > model.probability(&row(0.2, true).0));
        assert_eq!(fit(&rows), model, "the fit is deterministic");
    }

    #[test]
    fn each_question_weighs_once_however_many_readings_it_has() {
        // Forty short questions, right at a score of 0.5; one long message read forty ways at
        // the same score, all wrong. Counted by question, 0.5 is right forty times in
        // forty-one; counted by reading, half the time.
        let short = (0..40).map(|_| CaseRows {
            in_domain: true,
            rows: vec![row(0.5, true)],
        });
        let long = CaseRows {
            in_domain: true,
            rows: vec![row(0.5, false); 40],
        };
        let mut cases: Vec<CaseRows> = short.collect();
        cases.push(long);
        // Some spread of scores, so that the trees have something to split.
        cases.extend((0..40).map(|i| CaseRows {
            in_domain: true,
            rows: vec![row(0.1 + f64::from(i % 3) / 100.0, false)],
        }));
        let at_half = row(0.5, true).0;
        let by_question = fit_cases(&cases, Pooled::NONE, &[CENTRAL]).probability(&at_half);
        let all_rows: Vec<_> = cases.iter().flat_map(|case| case.rows.clone()).collect();
        let by_reading = fit(&all_rows).probability(&at_half);
        assert!(by_question > 0.8, "{by_question}");
        assert!(by_reading < 0.7, "{by_reading}");
    }

    #[test]
    fn another_language_s_questions_are_learnt_from_at_their_weight() {
        // The language's own questions: twenty right at 0.5, twenty right at 0.9, forty wrong
        // at 0.1. Another language's: forty wrong at 0.5.
        let own: Vec<CaseRows> = (0..80)
            .map(|i| {
                let (score, right) = match i % 4 {
                    0 => (0.5, true),
                    1 => (0.9, true),
                    _ => (0.1 + f64::from(i % 3) / 100.0, false),
                };
                CaseRows {
                    in_domain: true,
                    rows: vec![row(score, right)],
                }
            })
            .collect();
        let theirs: Vec<CaseRows> = (0..40)
            .map(|_| CaseRows {
                in_domain: true,
                rows: vec![row(0.5, false)],
            })
            .collect();
        let theirs: Vec<&CaseRows> = theirs.iter().collect();
        let at_half = row(0.5, true).0;
        let probability = |weight: f64| {
            let pooled = Pooled {
                cases: &theirs,
                weight,
            };
            fit_cases(&own, pooled, &[CENTRAL]).probability(&at_half)
        };
        let alone = fit_cases(&own, Pooled::NONE, &[CENTRAL]).probability(&at_half);
        assert_eq!(
            probability(0.0),
            alone,
            "weighed nothing, they change nothing"
        );
        assert!(
            probability(0.5) < alone - 0.1,
            "{} {alone}",
            probability(0.5)
        );
        assert!(probability(1.0) < probability(0.5));
    }

    #[test]
    fn the_fit_combines_features_right_only_when_two_agree() {
        // Right only when both the score and the closest example are high: no feature alone
        // tells, and a sum of one curve per feature cannot draw it.
        let rows: Vec<_> = (0..400)
            .map(|i| {
                let (score, neighbour) = (f64::from(i % 20) / 20.0, f64::from(i / 20) / 20.0);
                let mut features = Features::default();
                features.0[0] = score;
                features.0[17] = neighbour;
                (features, score > 0.5 && neighbour > 0.5)
            })
            .collect();
        let model = fit(&rows);
        let probability = |score: f64, neighbour: f64| {
            let mut features = Features::default();
            features.0[0] = score;
            features.0[17] = neighbour;
            model.probability(&features)
        };
        assert!(probability(0.9, 0.9) > 0.9, "{}", probability(0.9, 0.9));
        assert!(probability(0.9, 0.1) < 0.1 && probability(0.1, 0.9) < 0.1);
    }

    #[test]
    fn cutoffs_keep_to_the_limits_and_earn_the_most_points() {
        let case = |in_domain, probability, right| Scored {
            in_domain,
            probability,
            right,
        };
        let scored = [
            case(true, 0.9, true),
            case(true, 0.8, true),
            case(true, 0.6, true),
            case(true, 0.55, false),
            case(true, 0.52, true),
            case(false, 0.5, false),
            case(true, 0.4, true),
            case(false, 0.1, false),
        ];
        let limits = Limits {
            max_wrong: 0.0,
            min_silent: 1.0,
            margin: 0.0,
        };
        let (answer_at, suggest_at, found) = choose_cutoffs(&scored, &[0; 8], limits).unwrap();
        assert!((0.55..0.6).contains(&answer_at), "{answer_at}");
        assert!((0.5..0.52).contains(&suggest_at), "{suggest_at}");
        assert_eq!(found.wrong, 0);
        assert_eq!(found.points, 3.5);
        assert_eq!(found.silent, 2);
    }

    #[test]
    fn the_interval_widens_with_the_margin_and_narrows_with_the_sample() {
        assert_eq!(wilson_interval(3, 10, 0.0), (0.3, 0.3));
        let (low, high) = wilson_interval(3, 10, 1.645);
        assert!(low < 0.3 && 0.3 < high, "{low} {high}");
        let (wide_low, wide_high) = wilson_interval(3, 10, 1.96);
        assert!(wide_low < low && high < wide_high);
        let (many_low, many_high) = wilson_interval(300, 1000, 1.645);
        assert!(low < many_low && many_high < high);
        // 4 wrong of 968 is within 1% at one-sided 95%; 5 is not.
        assert!(wilson_interval(4, 968, 1.645).1 <= 0.01);
        assert!(wilson_interval(5, 968, 1.645).1 > 0.01);
        assert_eq!(wilson_interval(0, 0, 1.645), (0.0, 1.0));
    }

    #[test]
    fn a_margin_keeps_cutoffs_from_spending_the_whole_limit_on_the_sample() {
        // 200 in-domain cases, the best 150 right, then 10 wrong interleaved low: 1% wrong on
        // 1000 cases is 10, but the upper end of the interval passes 1% well before that.
        let mut scored: Vec<Scored> = (0..1000)
            .map(|i| Scored {
                in_domain: i < 200,
                probability: if i < 200 {
                    1.0 - i as f64 / 400.0
                } else {
                    0.01
                },
                right: i < 200 && (i < 150 || i % 5 != 0),
            })
            .collect();
        scored.sort_by(|a, b| b.probability.total_cmp(&a.probability));
        let at = |margin| {
            let limits = Limits {
                max_wrong: 0.01,
                min_silent: 0.95,
                margin,
            };
            choose_cutoffs(&scored, &[0; 1000], limits).unwrap().2
        };
        assert_eq!(at(0.0).wrong, 10);
        assert!(at(1.645).wrong < 10, "{:?}", at(1.645));
    }

    #[test]
    fn the_clustered_spread_is_zero_when_writers_agree_and_grows_as_they_part() {
        assert_eq!(writer_clustered_spread(&[(5, 100)]), 0.0);
        assert_eq!(writer_clustered_spread(&[(5, 100), (10, 200)]), 0.0);
        // 5% pooled either way; the second pair parts by 2 points each side of it.
        let near = writer_clustered_spread(&[(3, 100), (7, 100)]);
        let far = writer_clustered_spread(&[(0, 100), (10, 100)]);
        // sqrt(2 · (2² + 2²)) / 200 and sqrt(2 · (5² + 5²)) / 200.
        assert!((near - 0.02).abs() < 1e-12, "{near}");
        assert!((far - 0.05).abs() < 1e-12, "{far}");
        assert_eq!(writer_clustered_spread(&[]), 0.0);
    }

    #[test]
    fn writers_who_disagree_make_the_cutoffs_keep_further_from_the_limits() {
        // Two writers of 100 off-topic cases each: the first writer's all score low, twenty of
        // the second's near-misses score among the in-domain cases. Pooled, the silence limit
        // lets the suggest cut-off go lower than when the writers' silences are set apart.
        let mut scored = Vec::new();
        let mut writers = Vec::new();
        for i in 0..100_u32 {
            scored.push(Scored {
                in_domain: true,
                probability: 0.3 + f64::from(i) / 200.0,
                right: true,
            });
            writers.push(i as usize % 2);
        }
        for writer in 0..2 {
            for i in 0..100_u32 {
                let probability = if writer == 1 && i < 20 {
                    0.45 + f64::from(i) / 1000.0
                } else {
                    0.01
                };
                scored.push(Scored {
                    in_domain: false,
                    probability,
                    right: false,
                });
                writers.push(writer);
            }
        }
        let limits = Limits {
            max_wrong: 0.01,
            min_silent: 0.9,
            margin: 1.645,
        };
        let pooled = choose_cutoffs(&scored, &vec![0; scored.len()], limits).unwrap();
        let by_writer = choose_cutoffs(&scored, &writers, limits).unwrap();
        assert!(
            by_writer.2.silent > pooled.2.silent,
            "{pooled:?} {by_writer:?}"
        );
        assert!(by_writer.1 > pooled.1, "{pooled:?} {by_writer:?}");
    }

    #[test]
    fn cross_validation_scores_every_case_with_a_model_that_did_not_see_it() {
        let cases: Vec<CaseRows> = (0..20)
            .map(|i| CaseRows {
                in_domain: i % 2 == 0,
                rows: vec![row(i as f64 / 20.0, i % 2 == 0)],
            })
            .collect();
        let scored = cross_validate(&cases, 5, Pooled::NONE, &[CENTRAL]);
        assert_eq!(scored.len(), 20);
        assert!(scored
            .iter()
            .all(|case| (0.0..=1.0).contains(&case.probability)));
        assert_eq!(fold_of(7, 5), 2);
    }

    #[test]
    fn a_held_out_group_is_scored_by_what_the_other_groups_teach() {
        // In groups 1 and 2 a high score is right; group 0 (another writer, say) has it the
        // other way round. Held out, group 0 is scored as the others taught: its high-score
        // case gets the higher probability, though it is the wrong one.
        let case = |score: f64, right: bool| CaseRows {
            in_domain: true,
            rows: vec![row(score, right)],
        };
        let mut cases = vec![case(0.9, false), case(0.1, true)];
        let mut groups = vec![0, 0];
        for group in 1..=2 {
            for i in 0..20 {
                let score = f64::from(i) / 20.0;
                cases.push(case(score, score > 0.5));
                groups.push(group);
            }
        }
        let scored = cross_validate_grouped(&cases, &groups, Pooled::NONE, &[CENTRAL]);
        assert!(scored[0].probability > 0.5 && scored[1].probability < 0.5);
        assert!(!scored[0].right);
        let by_fold: Vec<usize> = (0..cases.len()).map(|index| fold_of(index, 5)).collect();
        assert_eq!(
            cross_validate_grouped(&cases, &by_fold, Pooled::NONE, &[CENTRAL]),
            cross_validate(&cases, 5, Pooled::NONE, &[CENTRAL])
        );
    }
}
