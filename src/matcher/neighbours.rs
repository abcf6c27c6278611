//! The nearest labelled examples: how closely a message is worded like the dev set's questions
//! that were labelled with an answer, and like those labelled off-topic.
//!
//! The dev set (`crate::devset`) holds thousands of questions by many writers, each labelled
//! with its answer or as one to leave alone, near-misses among them ("the most recent summit").
//! The answers' own phrasings are few; the examples show how members really word each topic,
//! and how they word what the note does not answer. The confidence reads three figures from
//! them ([`Evidence::for_answer`]): how close the message is to an example of the best answer,
//! and how much closer than to an off-topic example or to an example of another answer.
//!
//! Closeness is the cosine of TF-IDF word vectors (sublinear term counts, smoothed inverse
//! document frequency, words of two or more letters folded as the matcher folds them, and
//! words found in only one example left out): the classic retrieval measure, cheap to compute
//! through an inverted index.
//!
//! Every example remembers its batch (the dev file, one writer's), so that the fit and the
//! dev-set figures can leave a writer's own questions out when measuring that writer's: a
//! question must not find itself.
//!
//! Many writers word a question the same way ("gfmd objectives"): a question folded to the same
//! words with the same labels as one before it is remembered once (about one in nine). Its
//! cosines would be the same, so each answer's closest example is too; the word weights still
//! count every copy, so the figures are the same bit for bit. A question written in two batches
//! stays remembered whichever batch is left out ([`IN_SEVERAL_BATCHES`]).
//!
//! The index depends on an answer set only through the answers the labels name: a reload that
//! keeps them, in order, reads the same index against the new set
//! ([`Neighbours::read_against`]), whatever else changed, a moderator's new answer included.

use super::cosines::{largest, largest_at, largest_of};
use super::example_layout::{lay_out, Layout};
use super::language::Language;
use super::linear::Linear;
use super::naive_bayes::{self, MessageFeatures, NaiveBayes, Posteriors};
use super::normalize::fold_in;
use super::spelling::scale_to_unit_length;
use super::votes::Nearest;
use crate::answers::AnswerSet;
use crate::devset::Case;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

/// A word found in at least this share of the examples is kept as a dense column of weights
/// (0 where it is absent): summing a whole column is faster than scattering a long list.
const DENSE_SHARE: f32 = 1.0 / 4.0;

/// An example's id in a word's sparse postings: 16 bits, so that a language remembers at most
/// 65,536 examples (its dev set has about 12,000). Kept apart from the weights, a posting takes
/// 6 bytes instead of the 8 of a `(u32, f32)` pair: about 0.5 MB less over the three languages.
type ExampleId = u16;

/// The batch of an example written in more than one batch: no batch left out forgets it, since
/// a copy from another batch would still be remembered.
const IN_SEVERAL_BATCHES: u32 = u32::MAX;

/// The column of a word kept sparse, in [`PostingLists::column_of`].
const SPARSE: u32 = u32::MAX;

/// The examples holding each word, with the word's weight in each: every word's postings side
/// by side in a few long lists, not two lists of its own (thousands of words a language, most
/// of them in two or three examples, so that a list each would cost more in bookkeeping than in
/// postings).
#[derive(Debug, Clone, Default)]
struct PostingLists {
    /// By word id, where its postings start in `examples` and `weights`; the entry after it
    /// says where they end (none for a dense word).
    starts: Vec<u32>,
    /// By word id, which of `columns` holds its weights, or [`SPARSE`].
    column_of: Vec<u32>,
    /// The examples holding each sparse word, ascending, word after word.
    examples: Box<[ExampleId]>,
    /// The word's weight in each of `examples`.
    weights: Box<[f32]>,
    /// Each dense word's column: a weight for every example, 0 where the word is absent, one
    /// column after another.
    columns: Box<[f32]>,
    /// How many examples there are: the length of a column.
    remembered: usize,
}

impl PostingLists {
    /// Lists the postings of `questions` (the remembered examples, folded, in example order):
    /// a word of id `w` is in `holding[w]` of them, and dense when that is at least
    /// [`DENSE_SHARE`] of them.
    fn new(
        questions: &[String],
        words: &FxHashMap<String, u32>,
        idf: &[f32],
        holding: &[usize],
    ) -> Self {
        let remembered = questions.len();
        let mut lists = Self {
            starts: Vec::with_capacity(holding.len() + 1),
            column_of: Vec::with_capacity(holding.len()),
            remembered,
            ..Self::default()
        };
        let (mut postings, mut columns) = (0_u32, 0_u32);
        for &count in holding {
            lists.starts.push(postings);
            if (count as f32) < DENSE_SHARE * remembered as f32 {
                lists.column_of.push(SPARSE);
                postings += count as u32;
            } else {
                lists.column_of.push(columns);
                columns += 1;
            }
        }
        lists.starts.push(postings);
        let mut examples = vec![0; postings as usize];
        let mut weights = vec![0.0; postings as usize];
        let mut columns = vec![0.0; columns as usize * remembered];
        // Where each sparse word's next posting goes.
        let mut next = lists.starts.clone();
        for (example, question) in questions.iter().enumerate() {
            let id = ExampleId::try_from(example).unwrap_or_else(|_| {
                panic!(
                    "a language remembers at most {} examples",
                    usize::from(ExampleId::MAX) + 1
                )
            });
            for (word, weight) in weigh(term_counts(question).into_iter(), words, idf) {
                let word = word as usize;
                match lists.column_of[word] {
                    SPARSE => {
                        let at = next[word] as usize;
                        examples[at] = id;
                        weights[at] = weight;
                        next[word] += 1;
                    }
                    column => columns[column as usize * remembered + example] = weight,
                }
            }
        }
        lists.examples = examples.into_boxed_slice();
        lists.weights = weights.into_boxed_slice();
        lists.columns = columns.into_boxed_slice();
        lists
    }

    /// The dense column of the word of id `word`, if it has one.
    fn column(&self, word: u32) -> Option<&[f32]> {
        match self.column_of[word as usize] {
            SPARSE => None,
            column => {
                let start = column as usize * self.remembered;
                Some(&self.columns[start..start + self.remembered])
            }
        }
    }

    /// The sparse postings of the word of id `word`: the examples and the word's weight in each.
    fn sparse(&self, word: u32) -> (&[ExampleId], &[f32]) {
        let word = word as usize;
        let range = self.starts[word] as usize..self.starts[word + 1] as usize;
        (&self.examples[range.clone()], &self.weights[range])
    }

    /// Adds `weight` times the word's weight in each example to that example's cosine.
    fn add_to(&self, word: u32, cosines: &mut [f32], weight: f32) {
        match self.column(word) {
            // Adding 0 leaves a cosine bit for bit as the sparse list would.
            Some(column) => {
                for (cosine, there) in cosines.iter_mut().zip(column) {
                    *cosine += weight * there;
                }
            }
            None => {
                let (examples, weights) = self.sparse(word);
                for (&example, there) in examples.iter().zip(weights) {
                    cosines[usize::from(example)] += weight * there;
                }
            }
        }
    }

    /// Sets `cosines` to one cosine per example: the word's weight in that example times
    /// `weight`, 0 where the word is absent; the same figures as adding to zeros.
    fn write_to(&self, word: u32, cosines: &mut Vec<f32>, weight: f32) {
        cosines.clear();
        match self.column(word) {
            // A dense column writes every cosine, so the buffer needs no zeros first.
            Some(column) => cosines.extend(column.iter().map(|there| weight * there)),
            None => {
                cosines.resize(self.remembered, 0.0);
                self.add_to(word, cosines, weight);
            }
        }
    }
}

/// The labelled examples of one language, indexed by word, read against one answer set: which
/// examples belong to each of its answers.
///
/// The index itself is shared: it depends on an answer set only through the answers the dev
/// set's labels name, so a reload that keeps those (in the same order) reads the same index
/// against the new set ([`Neighbours::read_against`]) instead of indexing the dev set again.
#[derive(Debug, Clone, Default)]
pub struct Neighbours {
    /// The examples and their words, shared by every reading of them against an answer set.
    examples: Arc<Examples>,
    /// The example ids of each answer's examples, a contiguous range per answer index (empty
    /// for an answer no example is labelled with): examples are numbered by label
    /// (`example_layout`), so that the closest of each is the largest of one slice of cosines.
    by_answer: Vec<Range<usize>>,
    /// For each answer index, the examples labelled with it outside its range.
    further_labels: Vec<Vec<u32>>,
    /// [`Neighbours::further_labels`] the other way round: for each example labelled outside
    /// its range, the further answers (for the votes, [`Nearest::shares`]).
    further_by_example: FxHashMap<u32, Vec<usize>>,
    /// The ids of the set's answers, in the set's order (so the labels index
    /// `answer_ids.len()` answers).
    answer_ids: Box<[String]>,
    /// The answer index of each of the classifier's answer classes (the set's answers a label
    /// names, in order; the class after them is off-topic).
    class_answers: Box<[usize]>,
}

/// The examples of one language, indexed by word: everything of the nearest examples but which
/// answer index each label is.
#[derive(Debug, Default)]
struct Examples {
    /// Each word's id.
    words: FxHashMap<String, u32>,
    /// For each word id, the examples holding it with the word's weight there.
    postings: PostingLists,
    /// Each word id's inverse document frequency.
    idf: Vec<f32>,
    /// The example ids of the off-topic examples (the last ones).
    off_topic: Range<usize>,
    /// Each example's batch, by example id.
    batches: Vec<u32>,
    /// Every answer id a label of the dev set names, whether the set had it or not, sorted:
    /// an answer set with one of them more or less keeps or drops examples.
    labelled: Box<[String]>,
    /// The ids of the set's answers that a label names, in the set's order: the one thing of
    /// an answer set these examples depend on.
    named: Box<[String]>,
    /// The classifier of the examples' wording: a class per answer of `named`, in its order,
    /// and off-topic last.
    classifier: NaiveBayes,
    /// The logistic regression of the examples' wording, of the same classes.
    linear: Linear,
}

impl Examples {
    /// Whether the word of id `word` is kept as a dense column.
    fn is_dense(&self, word: u32) -> bool {
        self.postings.column(word).is_some()
    }

    /// Whether `id` is an answer id some label of the dev set names.
    fn is_labelled(&self, id: &str) -> bool {
        is_among(&self.labelled, id)
    }

    /// The ids of `set`'s answers that a label names, in the set's order.
    fn named_in<'a>(&'a self, set: &'a AnswerSet) -> impl Iterator<Item = &'a str> + 'a {
        set.answers()
            .iter()
            .map(|answer| answer.id.as_str())
            .filter(|id| self.is_labelled(id))
    }

    /// The indexes in `set` of the answers that a label names, in the set's order: the
    /// classifier's answer classes.
    fn class_answers_in(&self, set: &AnswerSet) -> Box<[usize]> {
        labelled_answers_in(set, &self.labelled)
    }
}

/// The indexes in `set` of the answers whose ids are in `labelled` (sorted), in the set's
/// order.
fn labelled_answers_in(set: &AnswerSet, labelled: &[String]) -> Box<[usize]> {
    set.answers()
        .iter()
        .enumerate()
        .filter(|(_, answer)| is_among(labelled, &answer.id))
        .map(|(index, _)| index)
        .collect()
}

/// Whether `id` is one of `ids` (sorted).
fn is_among(ids: &[String], id: &str) -> bool {
    ids.binary_search_by(|held| held.as_str().cmp(id)).is_ok()
}

/// The answer of the highest figure in `by_answer`, if that is above `floor` (the last of
/// equals).
fn highest_above(by_answer: &[f32], floor: f32) -> Option<usize> {
    by_answer
        .iter()
        .enumerate()
        .filter(|(_, figure)| **figure > floor)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(index, _)| index)
}

/// How closely one message is worded like the examples: the best cosine per answer, and with
/// an off-topic example.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    by_answer: Vec<f32>,
    off_topic: f32,
    /// The classifier's posterior of each answer (0 for one no label names).
    posterior_by_answer: Vec<f32>,
    /// The classifier's posterior of off-topic.
    posterior_off_topic: f32,
    /// The regression's posterior of each answer (0 for one no label names).
    linear_by_answer: Vec<f32>,
    /// The regression's posterior of off-topic.
    linear_off_topic: f32,
    /// The nearest examples' votes for each answer ([`Nearest::shares`]).
    votes_by_answer: Vec<f32>,
    /// The nearest examples' votes for off-topic.
    votes_off_topic: f32,
}

impl Evidence {
    /// The answer whose closest example is closest to the message, if any example is.
    pub fn closest_answer(&self) -> Option<usize> {
        highest_above(&self.by_answer, 0.0)
    }

    /// The answer the naive Bayes finds likeliest, if it finds one likelier than off-topic.
    pub fn likeliest_by_bayes(&self) -> Option<usize> {
        highest_above(&self.posterior_by_answer, self.posterior_off_topic)
    }

    /// The answer the regression finds likeliest, if it finds one likelier than off-topic.
    pub fn likeliest_by_regression(&self) -> Option<usize> {
        highest_above(&self.linear_by_answer, self.linear_off_topic)
    }

    /// For the reading whose best answer is `answer`: the closest example of it, its lead over
    /// the closest off-topic example, and its lead over the closest example of another answer.
    pub fn for_answer(&self, answer: usize) -> [f64; 3] {
        let (same, other) = value_and_best_other(&self.by_answer, answer);
        [
            f64::from(same),
            f64::from(same - self.off_topic),
            f64::from(same - other),
        ]
    }

    /// For the reading whose best answer is `answer`, what the classifier of the examples'
    /// wording says: the posterior of that answer, of off-topic, and the answer's lead over the
    /// most probable other answer.
    pub fn posteriors_for(&self, answer: usize) -> [f64; 3] {
        probabilities_for(&self.posterior_by_answer, self.posterior_off_topic, answer)
    }

    /// For the reading whose best answer is `answer`, what the regression of the examples'
    /// wording says: the posterior of that answer, of off-topic, and the answer's lead over the
    /// most probable other answer.
    pub fn linear_for(&self, answer: usize) -> [f64; 3] {
        probabilities_for(&self.linear_by_answer, self.linear_off_topic, answer)
    }

    /// For the reading whose best answer is `answer`, how the nearest examples vote: the
    /// share of their weight labelled with it, and the share off-topic.
    pub fn votes_for(&self, answer: usize) -> [f64; 2] {
        [
            f64::from(self.votes_by_answer.get(answer).copied().unwrap_or(0.0)),
            f64::from(self.votes_off_topic),
        ]
    }
}

/// For each example of `further_labels` (by answer index, the examples labelled with it
/// outside its range), the answers it is so labelled with.
fn by_example(further_labels: &[Vec<u32>]) -> FxHashMap<u32, Vec<usize>> {
    let mut by_example: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (answer, examples) in further_labels.iter().enumerate() {
        for &example in examples {
            by_example.entry(example).or_default().push(answer);
        }
    }
    by_example
}

/// What a classifier's posteriors (`by_answer`, and `off_topic`) say of the reading whose best
/// answer is `answer`: its posterior, off-topic's, and its lead over the most probable other.
fn probabilities_for(by_answer: &[f32], off_topic: f32, answer: usize) -> [f64; 3] {
    let (same, other) = value_and_best_other(by_answer, answer);
    [
        f64::from(same),
        f64::from(off_topic),
        f64::from(same - other),
    ]
}

/// The value at `answer` of a figure per answer (0 if there is none), and the largest of the
/// other answers' (0 at least).
fn value_and_best_other(by_answer: &[f32], answer: usize) -> (f32, f32) {
    let same = by_answer.get(answer).copied().unwrap_or(0.0);
    let other = by_answer
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != answer)
        .map(|(_, value)| *value)
        .fold(0.0_f32, f32::max);
    (same, other)
}

impl Neighbours {
    /// Indexes `batches` (each one writer's file, its cases in order) for messages in
    /// `language`. Labels naming an answer that `set` lacks are dropped, and an in-domain example
    /// left with none is skipped, so that a renamed or deleted answer never becomes a wrong one.
    /// Each batch is read and let go before the next, so that a lazy iterator (one file parsed
    /// at a time) never holds the whole dev set at once.
    pub fn new<B: AsRef<[Case]>>(
        set: &AnswerSet,
        language: &Language,
        batches: impl IntoIterator<Item = B>,
    ) -> Self {
        let mut copies: Vec<Read> = Vec::new();
        let mut labelled: BTreeSet<String> = BTreeSet::new();
        for (batch, cases) in batches.into_iter().enumerate() {
            for case in cases.as_ref() {
                for id in &case.expected {
                    if !labelled.contains(id) {
                        labelled.insert(id.clone());
                    }
                }
                let answers: Vec<usize> = case
                    .expected
                    .iter()
                    .filter_map(|id| set.index_of(id))
                    .collect();
                if case.in_domain() && answers.is_empty() {
                    continue;
                }
                copies.push(Read {
                    answers,
                    batch: batch as u32,
                    folded: fold_in(&case.question, language),
                    copies: 1,
                });
            }
        }
        let labelled: Box<[String]> = labelled.into_iter().collect();
        let class_answers = labelled_answers_in(set, &labelled);
        let class_of: FxHashMap<usize, u16> = class_answers
            .iter()
            .enumerate()
            .map(|(class, &index)| (index, class as u16))
            .collect();
        let off_topic_class = class_of.len() as u16;
        let classified = copies.iter().map(|copy| naive_bayes::Example {
            batch: copy.batch,
            classes: if copy.answers.is_empty() {
                vec![off_topic_class]
            } else {
                copy.answers.iter().map(|index| class_of[index]).collect()
            },
            folded: &copy.folded,
        });
        let classifier = NaiveBayes::new(class_of.len() + 1, classified);
        let linear = Linear::new(class_of.len() + 1, classifier.examples());
        let read = remembered_once(copies);
        let Weights {
            words,
            idf,
            holding,
        } = weights_of(read.iter().map(|one| (one.folded.as_str(), one.copies)));
        let labels: Vec<&[usize]> = read.iter().map(|one| one.answers.as_slice()).collect();
        let Layout {
            order,
            by_answer,
            off_topic,
            further_labels,
        } = lay_out(&labels, set.answers().len());
        let mut unplaced: Vec<Option<Read>> = read.into_iter().map(Some).collect();
        let read: Vec<Read> = order
            .iter()
            .map(|&index| unplaced[index].take().expect("each example placed once"))
            .collect();
        let batches: Vec<u32> = read.iter().map(|one| one.batch).collect();
        let folded: Vec<String> = read.into_iter().map(|one| one.folded).collect();
        let postings = PostingLists::new(&folded, &words, &idf, &holding);
        let mut examples = Examples {
            words,
            postings,
            idf,
            off_topic,
            batches,
            labelled,
            named: Box::default(),
            classifier,
            linear,
        };
        examples.named = examples.named_in(set).map(str::to_owned).collect();
        Self {
            examples: Arc::new(examples),
            by_answer,
            further_by_example: by_example(&further_labels),
            further_labels,
            answer_ids: ids_of(set),
            class_answers,
        }
    }

    /// These examples read against `set` (in the same language), the same as
    /// [`Neighbours::new`] would index them for it, without indexing them again; `None` when
    /// they must be. They can be read so when `set` holds the same answers the dev set's labels
    /// name, by id and in the same order, as the set they were indexed for: whatever else of
    /// the set changed (titles, texts, phrasings, synonyms, or answers no label names, such as
    /// a moderator's new one, added, removed or renamed), the examples and their words are the
    /// same, and only the answer indexes their labels stand for move.
    pub fn read_against(&self, set: &AnswerSet) -> Option<Neighbours> {
        let examples = &self.examples;
        if !examples
            .named
            .iter()
            .map(String::as_str)
            .eq(examples.named_in(set))
        {
            return None;
        }
        // Each labelled answer's old index by id; an answer no label names has no examples.
        let old_index: FxHashMap<&str, usize> = self
            .answer_ids
            .iter()
            .enumerate()
            .filter(|(_, id)| examples.is_labelled(id))
            .map(|(index, id)| (id.as_str(), index))
            .collect();
        let (by_answer, further_labels): (Vec<_>, Vec<Vec<u32>>) = set
            .answers()
            .iter()
            .map(|answer| match old_index.get(answer.id.as_str()) {
                Some(&old) => (
                    self.by_answer[old].clone(),
                    self.further_labels[old].clone(),
                ),
                None => (0..0, Vec::new()),
            })
            .unzip();
        Some(Self {
            examples: Arc::clone(examples),
            by_answer,
            further_by_example: by_example(&further_labels),
            further_labels,
            answer_ids: ids_of(set),
            class_answers: examples.class_answers_in(set),
        })
    }

    /// Whether these examples and `other`'s are one copy in memory (one read against another
    /// set with [`Neighbours::read_against`]).
    pub fn shares_examples_with(&self, other: &Neighbours) -> bool {
        Arc::ptr_eq(&self.examples, &other.examples)
    }

    /// How many examples are remembered.
    pub fn len(&self) -> usize {
        self.examples.batches.len()
    }

    /// Whether no example is remembered.
    pub fn is_empty(&self) -> bool {
        self.examples.batches.is_empty()
    }

    /// How closely a message, folded by its language's rules (`normalize::fold_in`, so that a
    /// message read several ways is folded once), is worded like the examples, leaving out
    /// those of batch `left_out` (a writer's own questions, when measuring that writer).
    pub fn evidence_of_folded(&self, folded: &str, left_out: Option<usize>) -> Evidence {
        let mut evidence = Evidence {
            by_answer: vec![0.0; self.answer_ids.len()],
            off_topic: 0.0,
            posterior_by_answer: vec![0.0; self.answer_ids.len()],
            posterior_off_topic: 0.0,
            linear_by_answer: vec![0.0; self.answer_ids.len()],
            linear_off_topic: 0.0,
            votes_by_answer: vec![0.0; self.answer_ids.len()],
            votes_off_topic: 0.0,
        };
        let examples = &*self.examples;
        let message = MessageFeatures::of(folded);
        let posteriors = examples.classifier.posteriors(&message, left_out);
        evidence.posterior_off_topic =
            self.spread_by_answer(&posteriors, &mut evidence.posterior_by_answer);
        let linear = examples
            .linear
            .posteriors(&message, left_out, || examples.classifier.examples());
        evidence.linear_off_topic = self.spread_by_answer(&linear, &mut evidence.linear_by_answer);
        let mut query = weigh(
            term_counts(folded).into_iter(),
            &examples.words,
            &examples.idf,
        );
        if query.is_empty() {
            return evidence;
        }
        // Each cosine sums its words' products in the message's order, and the first two
        // commute (0 + a + b is b + a, bit for bit), so a dense word second can go first.
        if let [first, second, ..] = query.as_mut_slice() {
            if examples.is_dense(second.0) && !examples.is_dense(first.0) {
                std::mem::swap(first, second);
            }
        }
        COSINES.with_borrow_mut(|cosines| {
            let (first, rest) = query.split_first().expect("a word at least");
            examples.postings.write_to(first.0, cosines, first.1);
            for &(word, weight) in rest {
                examples.postings.add_to(word, cosines, weight);
            }
            self.fill(&mut evidence, cosines, left_out);
        });
        evidence
    }

    /// Writes the posterior of each class into `by_answer` at its answer's index, and returns
    /// off-topic's (the last class).
    fn spread_by_answer(&self, posteriors: &Posteriors, by_answer: &mut [f32]) -> f32 {
        let Some((off_topic, by_class)) = posteriors.0.split_last() else {
            return 0.0;
        };
        for (&answer, &posterior) in self.class_answers.iter().zip(by_class) {
            by_answer[answer] = posterior;
        }
        *off_topic
    }

    /// Fills `evidence` from the cosines of every example with the message.
    fn fill(&self, evidence: &mut Evidence, cosines: &[f32], left_out: Option<usize>) {
        let batches = &self.examples.batches;
        let remembered = |example: usize| Some(batches[example] as usize) != left_out;
        let closest = |range: &Range<usize>| -> f32 {
            let slice = &cosines[range.clone()];
            match left_out {
                // The run-time path: one slice, no look-up per example.
                None => largest_of(slice),
                Some(_) => largest(
                    slice
                        .iter()
                        .zip(range.clone())
                        .filter(|(_, example)| remembered(*example))
                        .map(|(cosine, _)| *cosine),
                ),
            }
        };
        for (best, range) in evidence.by_answer.iter_mut().zip(&self.by_answer) {
            *best = closest(range);
        }
        evidence.off_topic = closest(&self.examples.off_topic);
        for (best, examples) in evidence.by_answer.iter_mut().zip(&self.further_labels) {
            let further = match left_out {
                // The run-time path: eight look-ups at a time, no test per example.
                None => largest_at(cosines, examples),
                Some(_) => largest(
                    examples
                        .iter()
                        .map(|&example| example as usize)
                        .filter(|&example| remembered(example))
                        .map(|example| cosines[example]),
                ),
            };
            *best = best.max(further);
        }
        let nearest = Nearest::of(cosines, remembered);
        (evidence.votes_by_answer, evidence.votes_off_topic) =
            nearest.shares(self.answer_ids.len(), |example| self.answers_of(example));
    }

    /// The answers example `example` is labelled with (none when off-topic): the one whose
    /// range holds it, and any it is labelled with beyond.
    fn answers_of(&self, example: u32) -> Vec<usize> {
        let at = example as usize;
        let mut answers: Vec<usize> = self
            .by_answer
            .iter()
            .position(|range| range.contains(&at))
            .into_iter()
            .collect();
        if let Some(further) = self.further_by_example.get(&example) {
            answers.extend(further);
        }
        answers
    }
}

/// The ids of `set`'s answers, in its order.
fn ids_of(set: &AnswerSet) -> Box<[String]> {
    set.answers()
        .iter()
        .map(|answer| answer.id.clone())
        .collect()
}

/// One labelled question as read from a batch.
struct Read {
    answers: Vec<usize>,
    batch: u32,
    /// The question folded; its words are counted where needed ([`term_counts`]), so that no
    /// word of the thousands of examples is copied on its own.
    folded: String,
    /// How many times the question was read: its first copy and every repeat.
    copies: u32,
}

/// The words of the examples, as [`weights_of`] finds them.
struct Weights {
    /// Each word found in two questions or more (every copy counted), with its id.
    words: FxHashMap<String, u32>,
    /// By word id, its inverse document frequency (smoothed) over every copy of the questions.
    idf: Vec<f32>,
    /// By word id, how many of the remembered questions hold it: its postings' exact length.
    holding: Vec<usize>,
}

/// The words of `questions` (each folded, with how many times it was read), weighed over every
/// copy, in one pass over each remembered question's words.
fn weights_of<'a>(questions: impl Iterator<Item = (&'a str, u32)>) -> Weights {
    // Per word: in how many copies of the questions, and in how many remembered ones.
    let mut frequency: FxHashMap<&str, (u32, usize)> = FxHashMap::default();
    let mut total = 0_u32;
    for (question, copies) in questions {
        total += copies;
        for (word, _) in term_counts(question) {
            let (in_copies, in_remembered) = frequency.entry(word).or_default();
            *in_copies += copies;
            *in_remembered += 1;
        }
    }
    let total = total as f32;
    let mut kept: Vec<_> = frequency
        .into_iter()
        .filter(|(_, (in_copies, _))| *in_copies >= 2)
        .collect();
    kept.sort_unstable();
    let mut words = FxHashMap::default();
    let mut idf = Vec::with_capacity(kept.len());
    let mut holding = Vec::with_capacity(kept.len());
    for (word, (in_copies, in_remembered)) in kept {
        words.insert(word.to_owned(), idf.len() as u32);
        idf.push(((1.0 + total) / (1.0 + in_copies as f32)).ln() + 1.0);
        holding.push(in_remembered);
    }
    Weights {
        words,
        idf,
        holding,
    }
}

/// The first copy of each question (the same labels and folded words), in reading order, with
/// how many copies were read; one whose copies are in more than one batch gets
/// [`IN_SEVERAL_BATCHES`] for its batch.
fn remembered_once(mut copies: Vec<Read>) -> Vec<Read> {
    let mut first: FxHashMap<(&[usize], &str), usize> = FxHashMap::default();
    let mut kept = vec![false; copies.len()];
    // Each repeat: where its first copy is, and whether the repeat is in another batch.
    let mut repeats = Vec::new();
    for (at, copy) in copies.iter().enumerate() {
        match first.entry((copy.answers.as_slice(), copy.folded.as_str())) {
            Entry::Occupied(seen) => {
                let first_at = *seen.get();
                repeats.push((first_at, copies[first_at].batch != copy.batch));
            }
            Entry::Vacant(new) => {
                new.insert(at);
                kept[at] = true;
            }
        }
    }
    drop(first);
    for (first_at, in_another_batch) in repeats {
        copies[first_at].copies += 1;
        if in_another_batch {
            copies[first_at].batch = IN_SEVERAL_BATCHES;
        }
    }
    copies
        .into_iter()
        .zip(kept)
        .filter_map(|(copy, kept)| kept.then_some(copy))
        .collect()
}

thread_local! {
    /// Each thread's cosines of the message with every example, kept from one message to the
    /// next so that each needs no allocation of its own (tens of kilobytes).
    static COSINES: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The words of a folded text (two letters or more) with how often each occurs.
fn term_counts(folded: &str) -> Vec<(&str, f32)> {
    let mut counts: Vec<(&str, f32)> = Vec::new();
    for word in folded.split_whitespace() {
        if word.chars().count() < 2 {
            continue;
        }
        match counts.iter_mut().find(|(seen, _)| *seen == word) {
            Some((_, count)) => *count += 1.0,
            None => counts.push((word, 1.0)),
        }
    }
    counts
}

/// The unit-length TF-IDF vector of counted words, as (word id, weight); words not indexed
/// are left out.
fn weigh<'a>(
    terms: impl Iterator<Item = (&'a str, f32)>,
    words: &FxHashMap<String, u32>,
    idf: &[f32],
) -> Vec<(u32, f32)> {
    let mut vector: Vec<(u32, f32)> = terms
        .filter_map(|(word, count)| {
            let id = *words.get(word)?;
            Some((id, (1.0 + count.ln()) * idf[id as usize]))
        })
        .collect();
    scale_to_unit_length(&mut vector);
    vector
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devset::parse_cases;
    use crate::locale::Lang;
    use crate::matcher::language;

    fn neighbours(batches: &[&str]) -> (AnswerSet, Neighbours) {
        let set = AnswerSet::embedded().expect("embedded set");
        let cases = batches.iter().map(|text| parse_cases(text).expect("cases"));
        let neighbours = Neighbours::new(&set, language(Lang::En), cases);
        (set, neighbours)
    }

    /// What `neighbours` make of an English `message`, leaving out batch `left_out`.
    fn evidence(neighbours: &Neighbours, message: &str, left_out: Option<usize>) -> Evidence {
        neighbours.evidence_of_folded(&fold_in(message, language(Lang::En)), left_out)
    }

    #[test]
    fn a_message_worded_like_an_example_is_closest_to_its_answer() {
        let (set, neighbours) = neighbours(&[
            "gcim\twho kicked off the commission thing\nnone\twhen is the next summit happening\n",
            "gcim\twho kicked off that commission\nnone\twhen is the next summit then\n",
        ]);
        let gcim = set.index_of("gcim").expect("gcim");
        let whole = evidence(&neighbours, "who kicked off the commission", None);
        let [same, over_off_topic, over_other] = whole.for_answer(gcim);
        assert!(same > 0.8, "{same}");
        assert!(over_off_topic > 0.5, "{over_off_topic}");
        assert!(over_other > 0.5, "{over_other}");
        let near_miss = evidence(&neighbours, "the next summit", None);
        let [same, over_off_topic, _] = near_miss.for_answer(gcim);
        assert!(same < 0.3, "only \"the\" is shared: {same}");
        assert!(over_off_topic < -0.5, "{over_off_topic}");
    }

    #[test]
    fn a_left_out_batch_is_not_remembered() {
        let (set, neighbours) = neighbours(&[
            "gcim\twho kicked off the commission\n",
            "belgium\twho hosted the commission meeting\n",
        ]);
        let gcim = set.index_of("gcim").expect("gcim");
        let belgium = set.index_of("belgium").expect("belgium");
        let question = "who kicked off the commission";
        let with = evidence(&neighbours, question, None);
        assert!(with.for_answer(gcim)[0] > 0.5);
        let without = evidence(&neighbours, question, Some(0));
        assert_eq!(without.for_answer(gcim)[0], 0.0);
        assert!(without.for_answer(belgium)[0] > 0.5);
    }

    #[test]
    fn labels_of_answers_the_set_lacks_are_dropped() {
        let (_, neighbours) = neighbours(&[
            "no-such-answer\twho kicked off the commission\nnone\twho kicked off the commission\n",
        ]);
        assert_eq!(neighbours.len(), 1, "only the off-topic example is kept");
    }

    #[test]
    fn a_question_written_twice_is_remembered_once_and_kept_while_one_copy_is() {
        let (set, memory) = neighbours(&[
            "gcim\twho kicked off the commission\ngcim\tWho kicked off the commission\n",
            "gcim\twho kicked off the commission\nbelgium\twho hosted the commission meeting\n",
            "belgium\twho hosted the commission meeting\n",
        ]);
        // One gcim question in two batches, one belgium question twice in batches 1 and 2.
        assert_eq!(memory.len(), 2);
        let belgium = set.index_of("belgium").expect("belgium");
        let question = "who kicked off the commission";
        let whole = evidence(&memory, question, None);
        // The nearest examples; the classifier counts every copy, and forgets a batch's.
        let nearest = |evidence: &Evidence| (evidence.by_answer.clone(), evidence.off_topic);
        for left_out in [Some(0), Some(1), Some(2)] {
            assert_eq!(
                nearest(&evidence(&memory, question, left_out)),
                nearest(&whole),
                "a copy stays remembered with batch {left_out:?} left out"
            );
        }
        // Every copy counts for the weights: the words are as rare as in a memory of five
        // questions, not of the two remembered.
        let (_, apart) = neighbours(&[
            "gcim\twho kicked off the commission\n",
            "belgium\twho hosted the commission meeting\n",
        ]);
        assert_ne!(
            evidence(&apart, question, None).for_answer(belgium),
            whole.for_answer(belgium),
            "the weights count every copy"
        );
    }

    #[test]
    fn a_question_written_twice_in_one_batch_is_forgotten_with_it() {
        let (set, neighbours) = neighbours(&[
            "gcim\twho kicked off the commission\ngcim\twho kicked off the commission\n",
            "belgium\twho hosted the commission meeting\n",
        ]);
        assert_eq!(neighbours.len(), 2);
        let gcim = set.index_of("gcim").expect("gcim");
        let without = evidence(&neighbours, "who kicked off the commission", Some(0));
        assert_eq!(without.for_answer(gcim)[0], 0.0);
    }

    #[test]
    fn each_word_lists_its_weight_in_every_example_holding_it_dense_or_sparse() {
        // "aa" is in half the twelve examples (a dense column), "bb" and "cc" in two (sparse).
        let questions: Vec<String> = [
            "aa bb", "aa cc", "aa", "aa xx", "aa bb cc", "aa yy", "zz", "zz", "qq", "qq", "ww",
            "ww",
        ]
        .map(String::from)
        .into();
        let Weights {
            words,
            idf,
            holding,
        } = weights_of(questions.iter().map(|question| (question.as_str(), 1)));
        let lists = PostingLists::new(&questions, &words, &idf, &holding);
        assert!(lists.column(words["aa"]).is_some());
        assert!(lists.column(words["bb"]).is_none());
        assert!(
            !words.contains_key("xx"),
            "a word of one example is left out"
        );
        for word in ["aa", "bb", "cc", "zz", "qq", "ww"] {
            let id = words[word];
            let expected: Vec<f32> = questions
                .iter()
                .map(|question| {
                    let vector = weigh(term_counts(question).into_iter(), &words, &idf);
                    vector
                        .iter()
                        .find(|(there, _)| *there == id)
                        .map_or(0.0, |(_, weight)| 2.0 * weight)
                })
                .collect();
            let mut cosines = vec![9.0; 3];
            lists.write_to(id, &mut cosines, 2.0);
            assert_eq!(cosines, expected, "{word}");
            lists.add_to(id, &mut cosines, 2.0);
            let doubled: Vec<f32> = expected.iter().map(|cosine| cosine * 2.0).collect();
            assert_eq!(cosines, doubled, "{word}");
        }
    }

    /// The embedded set with a moderator's answer of each id in `added` (no label names them).
    fn set_with(added: &[&str]) -> AnswerSet {
        let mut sources = crate::answers::embedded_sources();
        for id in added {
            sources.push(crate::answers::SourceFile::new(
                format!("responses/{id}.toml"),
                format!(
                    "id = \"{id}\"\ntitle = \"Moderator note {id}\"\n\
                     questions = [\"Where is moderator note {id} kept?\"]\n\
                     description = \"The note does not say.\"\nsource = \"GFMD background note\"\n"
                ),
            ));
        }
        AnswerSet::from_sources(&sources).expect("a valid set")
    }

    #[test]
    fn read_against_a_set_with_other_unlabelled_answers_is_a_fresh_index_of_it() {
        // Labels of one, two (chained pairs) and three answers, and off-topic ones.
        let batches = [
            "gcim\twho kicked off the commission\ngcim|gcim-report\twhat did the commission report say\n\
             cairo-1994|chapter-x\tthe cairo chapter on migration\nnone\twhen is the next summit\n",
            "gcim-report|gcim\tthe commission report of 2005\nbelgium|first-meeting\tbrussels meeting of 2007\n\
             timeline|origins|hld-2006\thow did the forum come about after the dialogue\n",
            "cairo-1994\tthe cairo conference\nnone\tthe weather in brussels\nbelgium\twho offered to host\n",
        ];
        let index = |set: &AnswerSet| {
            let cases = batches.iter().map(|text| parse_cases(text).expect("cases"));
            Neighbours::new(set, language(Lang::En), cases)
        };
        let messages = [
            "who kicked off the commission report",
            "the cairo chapter of 1994",
            "how did the forum come about",
            "brussels meeting host",
            "the next summit weather",
        ];
        let shipped = set_with(&[]);
        let before = index(&shipped);
        // A moderator's answers sorting first, among the shipped ones, last, and two at once;
        // then back to the shipped set, and from one such set to another.
        let sets = [
            set_with(&["aa-first"]),
            set_with(&["meeting-rooms"]),
            set_with(&["zz-last"]),
            set_with(&["aa-first", "meeting-rooms"]),
        ];
        let mut pairs: Vec<(&Neighbours, &AnswerSet)> = Vec::new();
        let read: Vec<Neighbours> = sets.iter().map(&index).collect();
        for set in &sets {
            pairs.push((&before, set));
        }
        pairs.push((&read[1], &shipped));
        pairs.push((&read[0], &sets[2]));
        for (from, set) in pairs {
            let shared = from
                .read_against(set)
                .expect("no label names a moderator's answer");
            assert!(shared.shares_examples_with(from));
            let fresh = index(set);
            assert_eq!(shared.by_answer.len(), set.len());
            for message in messages {
                for left_out in [None, Some(0), Some(1)] {
                    let got = evidence(&shared, message, left_out);
                    assert_eq!(got, evidence(&fresh, message, left_out), "{message:?}");
                }
            }
            let gcim = set.index_of("gcim").expect("gcim");
            assert!(evidence(&shared, messages[0], None).for_answer(gcim)[0] > 0.5);
        }
    }

    #[test]
    fn read_against_a_set_without_a_labelled_answer_or_with_a_new_labelled_one_is_refused() {
        let batches = ["gcim\twho kicked off the commission\nno-such-answer\twho is the chair\n"];
        let index = |set: &AnswerSet| {
            let cases = batches.iter().map(|text| parse_cases(text).expect("cases"));
            Neighbours::new(set, language(Lang::En), cases)
        };
        let shipped = set_with(&[]);
        let labelled_later = set_with(&["no-such-answer"]);
        assert!(index(&shipped).read_against(&labelled_later).is_none());
        assert!(index(&labelled_later).read_against(&shipped).is_none());
        let without_gcim = AnswerSet::from_sources(
            &crate::answers::embedded_sources()
                .into_iter()
                .filter(|file| !file.name.ends_with("/gcim.toml"))
                .map(|mut file| {
                    file.text = file
                        .text
                        .replace("\"gcim\", ", "")
                        .replace(", \"gcim\"", "");
                    file
                })
                .collect::<Vec<_>>(),
        )
        .expect("a valid set");
        assert!(index(&shipped).read_against(&without_gcim).is_none());
    }

    #[test]
    fn a_message_of_unknown_words_has_no_evidence() {
        let (_, neighbours) =
            neighbours(&["gcim\twho kicked off the commission\ngcim\twho set up the commission\n"]);
        assert_eq!(
            evidence(&neighbours, "zzz qqq", None).for_answer(0),
            [0.0, 0.0, 0.0]
        );
    }
}
