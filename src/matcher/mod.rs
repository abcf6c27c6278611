//! Matching questions to answers, with no Discord and no I/O.
//!
//! A question is read as members write it (`question.rs`: sentences, symbols, text-speak,
//! numbers), its words as known, typos or unknown (`analysis.rs`), then scored against an
//! inverted index with BM25-style weighting reranked by phrasing overlap, keyword cover,
//! question intent and specifiers (`index.rs`). A long message is scored whole and sentence by
//! sentence. A fitted confidence (`confidence.rs`: boosted trees, `boosted.rs`, written out in
//! `fitted.rs`) reads each ranking and the matcher goes by the most confident reading: it
//! answers, offers the best answer ("might help"), or abstains with suggestions. Everything
//! language-specific comes from one [`language::Language`] value and the answer set's tables
//! (`normalize.rs`). Autocomplete has its own prefix index.

mod analysis;
mod autocomplete;
pub mod boosted;
pub mod confidence;
mod cosines;
mod example_layout;
// The fitted trees' thresholds are data: some fall near a mathematical constant (ln 10, the
// `terms` feature of nine topic terms) without being one.
#[allow(clippy::approx_constant)]
mod fitted;
#[allow(clippy::approx_constant)]
mod fitted_es;
#[allow(clippy::approx_constant)]
mod fitted_fr;
#[cfg(test)]
mod fixture;
pub mod french;
mod fuzzy;
mod index;
pub mod language;
mod linear;
mod listed;
mod naive_bayes;
pub mod neighbours;
pub mod normalize;
mod question;
pub mod spanish;
mod spelling;
pub mod split_mix;
mod text;
mod votes;

use crate::answers::{AnswerSet, Synonyms};
use crate::locale::Lang;
use analysis::{Analysis, QueryStats, Reader, Segment, Vocabulary};
use autocomplete::AutocompleteIndex;
use confidence::{Features, Model};
use fuzzy::Corrector;
use index::{Hit, Index, QueryTerm};
use language::{is_number, Language, ENGLISH};
use listed::ListedPhrasings;
use neighbours::{Evidence, Neighbours};
use normalize::{fold_in, Analyzer, Profile};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use spelling::{PhrasingSpellings, Trigrams};

pub use fitted::MODEL as FITTED_MODEL;
pub use text::AnswerText;

/// How many answers the whole message's reading ranks, so that an answer the examples lead to
/// (the nearest examples', the regression's or the naive Bayes's) can be put first (the index
/// weighs this many in any case).
const EXAMPLE_LED_DEPTH: usize = 32;

/// The confidence model fitted for `lang`: English's on the English dev set, French's and
/// Spanish's on theirs (`fitted.rs`, `fitted_fr.rs`, `fitted_es.rs`).
pub fn fitted_model(lang: Lang) -> Model {
    match lang {
        Lang::En => FITTED_MODEL,
        Lang::Fr => fitted_fr::MODEL,
        Lang::Es => fitted_es::MODEL,
    }
}

/// What the analyzer knows about `lang`: its stemmer, word lists and rules.
pub fn language(lang: Lang) -> &'static Language {
    match lang {
        Lang::En => &ENGLISH,
        Lang::Fr => &french::FRENCH,
        Lang::Es => &spanish::SPANISH,
    }
}

/// How the matcher decides between answering, offering and abstaining. Lives in `[matcher]` in
/// the config.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Lowest confidence (0..1) at which the best answer is given; `None`: the cut-off fitted
    /// with the model ([`FITTED_MODEL`]).
    pub answer_confidence: Option<f32>,
    /// Lowest confidence (0..1) at which the best answer is offered ("might help") instead of
    /// given; `None`: the cut-off fitted with the model.
    pub suggest_confidence: Option<f32>,
    /// How many "did you mean" suggestions to offer when abstaining (0 to
    /// [`Settings::MAX_SUGGESTIONS`]).
    pub max_suggestions: usize,
    /// Lowest score (0..1) for an answer to be suggested.
    pub suggestion_floor: f32,
}

impl Settings {
    /// The most "did you mean" suggestions `max_suggestions` may ask for.
    pub const MAX_SUGGESTIONS: usize = 3;

    /// The answer and suggest cut-offs in force for English: the configured ones, else the
    /// fitted ones.
    pub fn cutoffs(&self) -> (f64, f64) {
        self.cutoffs_for(&FITTED_MODEL)
    }

    /// The answer and suggest cut-offs in force with `model`: the configured ones (which serve
    /// every language), else the model's.
    pub fn cutoffs_for(&self, model: &Model) -> (f64, f64) {
        let answer = self.answer_confidence.map_or(model.answer_at, f64::from);
        let suggest = self.suggest_confidence.map_or(model.suggest_at, f64::from);
        (answer, suggest.min(answer))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            answer_confidence: None,
            suggest_confidence: None,
            max_suggestions: 3,
            suggestion_floor: 0.2,
        }
    }
}

/// An answer index with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// Index into [`AnswerSet::answers`].
    pub index: usize,
    /// How well the question's words match the answer, in 0..=1. A ranking is best first by
    /// its reading: by score, except that a reading the nearest examples lead puts their
    /// answer first whatever its score.
    pub score: f32,
}

/// What the matcher decided for one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Confident: give this answer.
    Answer {
        /// The answer and its score.
        best: Scored,
        /// The runner-up, if any: the next of the reading's ranking (which may score higher
        /// when the nearest examples led the reading).
        runner_up: Option<Scored>,
    },
    /// Middling: the best candidates are worth offering, not worth posting as the answer.
    Suggest {
        /// The candidates to offer, best first (never empty).
        suggestions: Vec<Scored>,
    },
    /// Not confident: say so, and offer these suggestions (possibly none).
    Abstain {
        /// The best score seen (0 when nothing matched).
        best_score: f32,
        /// Up to `max_suggestions` answers worth offering.
        suggestions: Vec<Scored>,
    },
}

impl Decision {
    /// The score of the best candidate, answered or not.
    pub fn score(&self) -> f32 {
        match self {
            Decision::Answer { best, .. } => best.score,
            Decision::Suggest { suggestions } => suggestions.first().map_or(0.0, |best| best.score),
            Decision::Abstain { best_score, .. } => *best_score,
        }
    }
}

/// One analyzed term of a question, as [`Matcher::explain_terms`] reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct TermReport {
    /// The term (stemmed, after synonyms).
    pub text: String,
    /// Its weight in scoring.
    pub weight: f32,
    /// Whether any answer contains it.
    pub known: bool,
}

/// One reading of a question (the whole message, or one sentence of a longer one), ranked and
/// assessed.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// Whether this reading is one sentence of a longer message.
    pub sentence: bool,
    /// The best answers, best first.
    pub ranking: Vec<Scored>,
    /// What the confidence read.
    pub features: Features,
    /// The fitted probability that the best answer is right.
    pub confidence: f64,
}

/// Matches free text in one language against one answer set. Build once per answer set and
/// language; cheap to query.
pub struct Matcher {
    lang: Lang,
    analyzer: Analyzer,
    index: Index,
    vocabulary: Vocabulary,
    autocomplete: AutocompleteIndex,
    listed: ListedPhrasings,
    spellings: PhrasingSpellings,
    /// Its index shared with the matcher this one replaced when the dev set's labels name the
    /// same answers in both sets ([`Matcher::new_in_after`]).
    neighbours: Neighbours,
    settings: Settings,
    model: Model,
}

impl Matcher {
    /// Indexes `set` (English).
    pub fn new(set: &AnswerSet, settings: Settings) -> Self {
        Self::new_in(set, Lang::En, settings)
    }

    /// Indexes `set` for questions in `lang`: its answers' text in that language (answers not
    /// translated into it are left out), that language's rules, synonyms and text-speak, and
    /// the confidence fitted for it.
    pub fn new_in(set: &AnswerSet, lang: Lang, settings: Settings) -> Self {
        Self::build(set, lang, settings, None)
    }

    /// [`Matcher::new_in`] in `previous`'s language, sharing `previous`'s nearest examples when
    /// the dev set's labels name the same answers of `set`, by id and in order, as of the set
    /// `previous` was built for ([`Neighbours::read_against`]): a reload that edits answers'
    /// text, phrasings or synonyms, or adds, removes or renames an answer no label names (a
    /// moderator's own). The dev set is then not read, folded and indexed again, and the two
    /// matchers hold one copy of the examples while both are alive. The matcher is the one
    /// [`Matcher::new_in`] would build.
    pub fn new_in_after(previous: &Matcher, set: &AnswerSet, settings: Settings) -> Self {
        let examples = previous.neighbours.read_against(set);
        Self::build(set, previous.lang, settings, examples)
    }

    /// Whether this matcher and `other` share one copy of the nearest examples.
    pub fn shares_examples_with(&self, other: &Matcher) -> bool {
        self.neighbours.shares_examples_with(&other.neighbours)
    }

    /// Indexes `set` for questions in `lang`, with `examples` as the nearest examples when
    /// given (read against `set`), else those read from the dev set.
    fn build(
        set: &AnswerSet,
        lang: Lang,
        settings: Settings,
        examples: Option<Neighbours>,
    ) -> Self {
        let mut analyzer = Analyzer::new(&Profile {
            language: language(lang),
            synonyms: set.synonyms_in(lang),
            textspeak: set.textspeak_in(lang),
        });
        let texts = AnswerText::all(set, lang);
        let index = Index::build_from(&texts, &analyzer);
        let vocabulary = vocabulary(&texts, set.synonyms_in(lang), &analyzer);
        let autocomplete = AutocompleteIndex::build_in(set, lang);
        let listed = ListedPhrasings::new(&texts, &analyzer, &vocabulary.numbered);
        let spellings = PhrasingSpellings::new(&texts, language(lang));
        let neighbours = examples.unwrap_or_else(|| {
            Neighbours::new(set, language(lang), crate::devset::each_dev_batch_in(lang))
        });
        analyzer.remember_stems(&vocabulary.known);
        Self {
            lang,
            analyzer,
            index,
            vocabulary,
            autocomplete,
            listed,
            spellings,
            neighbours,
            settings,
            model: fitted_model(lang),
        }
    }

    /// The language of the questions this matcher reads.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether `word` (folded) belongs to this matcher's language: a word of the answers' text
    /// in it, a stop word, a question word or a text-speak form of that language. For telling
    /// which language a message is in ([`crate::detect`]).
    pub fn is_own_word(&self, word: &str) -> bool {
        let rules = self.analyzer.rules();
        self.vocabulary.own.contains(word)
            || rules.keeps_as_written(word)
            || self.analyzer.textspeak().has_word(word)
    }

    /// The settings in force.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// A copy of this matcher's decisions under other settings (for tuning).
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// This matcher with another confidence model (for fitting and cross-validation).
    pub fn with_model(mut self, model: Model) -> Self {
        self.model = model;
        self
    }

    fn reader(&self) -> Reader<'_> {
        Reader {
            analyzer: &self.analyzer,
            index: &self.index,
            vocabulary: &self.vocabulary,
        }
    }

    /// The analyzed terms of `question` (all its sentences), for explanations and tuning.
    pub fn explain_terms(&self, question: &str) -> Vec<TermReport> {
        let reader = self.reader();
        let analysis = reader.analyze(question);
        let (query, _) = analysis.query(Segment::Whole, &reader);
        query
            .into_iter()
            .map(|(text, term)| TermReport {
                text: text.to_owned(),
                weight: term.weight,
                known: term.term.is_some(),
            })
            .collect()
    }

    /// Every reading of `question` the matcher considers (the whole message, and each of its
    /// sentences when it has several), with up to `limit` answers each; readings that match
    /// nothing are left out.
    pub fn assessments(&self, question: &str, limit: usize) -> Vec<Assessment> {
        self.assessments_leaving_out(question, limit, None)
    }

    /// [`Matcher::assessments`] with the dev-set examples of batch `left_out` forgotten (see
    /// [`Matcher::decide_leaving_out`]).
    pub fn assessments_leaving_out(
        &self,
        question: &str,
        limit: usize,
        left_out: Option<usize>,
    ) -> Vec<Assessment> {
        let reader = self.reader();
        let analysis: Analysis = reader.analyze(question);
        let listing = self.listed.answer_listing(analysis.words_key());
        // Folded, spelt out and compared with the examples only for a message that matches
        // something (an off-topic one seldom does), and then once for all its readings.
        let folded = std::cell::OnceCell::new();
        let folded = || folded.get_or_init(|| fold_in(question, language(self.lang)));
        let spelt = std::cell::OnceCell::new();
        let evidence: std::cell::OnceCell<Evidence> = std::cell::OnceCell::new();
        let evidence =
            || evidence.get_or_init(|| self.neighbours.evidence_of_folded(folded(), left_out));
        let spelling_of = |answer: usize| {
            let spelt = spelt.get_or_init(|| Trigrams::of_folded(folded()));
            self.spellings.closest(answer, spelt)
        };
        let length = message_length(question);
        let mut whole: Option<(Vec<Hit>, QueryStats, Vec<QueryTerm>)> = None;
        let mut assessments: Vec<Assessment> = analysis
            .segments()
            .into_iter()
            .filter_map(|segment| {
                let (query, stats) = analysis.query(segment, &reader);
                let terms: Vec<_> = query.into_iter().map(|(_, term)| term).collect();
                let depth = if segment == Segment::Whole {
                    EXAMPLE_LED_DEPTH
                } else {
                    limit.max(2)
                };
                let hits = self.index.hits(&terms, depth);
                let mut reading = Reading {
                    sentence: segment != Segment::Whole,
                    listing,
                    spelling: 0.0,
                    neighbour: [0.0; 3],
                    posteriors: [0.0; 3],
                    linear: [0.0; 3],
                    led_by_examples: false,
                    votes: [0.0; 2],
                    length,
                };
                // A certain reading's confidence is 1 whatever the spelling and the examples
                // say (and the fit leaves it out): they are only read for the others.
                let certain = is_certain(&hits, &stats, reading.sentence, listing);
                if let Some(best) = hits.first().filter(|_| !certain) {
                    reading.spelling = spelling_of(best.index);
                    reading.neighbour = evidence().for_answer(best.index);
                    reading.posteriors = evidence().posteriors_for(best.index);
                    reading.linear = evidence().linear_for(best.index);
                    reading.votes = evidence().votes_for(best.index);
                }
                let assessment = self.assessment(&hits, &stats, reading, limit)?;
                if segment == Segment::Whole {
                    whole = Some((hits, stats, terms));
                }
                Some(assessment)
            })
            .collect();
        // The readings the examples lead: the answer whose examples the whole message is
        // worded most like, and the answers the regression and the naive Bayes find likeliest,
        // each when the words ranked another first (members word a topic in ways its
        // phrasings do not list: "new here, what's this gfmd thing everyone mentions"). A
        // certain reading (a listed phrasing, word for word) cannot be outdone: no need.
        let certain = assessments
            .iter()
            .any(|assessment| assessment.features.is_exact());
        if let Some((hits, stats, terms)) = whole.filter(|_| !certain) {
            let evidence = evidence();
            let mut leaders: Vec<usize> = Vec::with_capacity(3);
            for leader in [
                evidence.closest_answer(),
                evidence.likeliest_by_regression(),
                evidence.likeliest_by_bayes(),
            ]
            .into_iter()
            .flatten()
            {
                if leader != hits[0].index && !leaders.contains(&leader) {
                    leaders.push(leader);
                }
            }
            for leader in leaders {
                let mut hits = hits.clone();
                let led = match hits.iter().position(|hit| hit.index == leader) {
                    Some(at) => Some(hits.remove(at)),
                    None => self.index.hit_of(&terms, leader),
                };
                let Some(hit) = led else { continue };
                hits.insert(0, hit);
                let reading = Reading {
                    sentence: false,
                    listing,
                    spelling: spelling_of(hit.index),
                    neighbour: evidence.for_answer(hit.index),
                    posteriors: evidence.posteriors_for(hit.index),
                    linear: evidence.linear_for(hit.index),
                    led_by_examples: true,
                    votes: evidence.votes_for(hit.index),
                    length,
                };
                assessments.extend(self.assessment(&hits, &stats, reading, limit));
            }
        }
        assessments
    }

    /// The assessment of one reading whose answers `hits` ranks (`None` when none matched).
    fn assessment(
        &self,
        hits: &[Hit],
        stats: &QueryStats,
        reading: Reading,
        limit: usize,
    ) -> Option<Assessment> {
        let features = features(hits, stats, reading)?;
        Some(Assessment {
            sentence: reading.sentence,
            ranking: hits
                .iter()
                .take(limit)
                .map(|hit| Scored {
                    index: hit.index,
                    score: hit.score,
                })
                .collect(),
            confidence: self.model.probability(&features),
            features,
        })
    }

    /// The most confident reading of `question` (the first on ties: the whole message).
    pub fn assess(&self, question: &str, limit: usize) -> Option<Assessment> {
        self.assess_leaving_out(question, limit, None)
    }

    /// [`Matcher::assess`] with the dev-set examples of batch `left_out` forgotten.
    pub fn assess_leaving_out(
        &self,
        question: &str,
        limit: usize,
        left_out: Option<usize>,
    ) -> Option<Assessment> {
        self.assessments_leaving_out(question, limit, left_out)
            .into_iter()
            .reduce(|best, next| {
                if next.confidence > best.confidence {
                    next
                } else {
                    best
                }
            })
    }

    /// The best answers for `question` in its most confident reading, best first (at most
    /// `limit`).
    pub fn rank(&self, question: &str, limit: usize) -> Vec<Scored> {
        self.assess(question, limit)
            .map(|assessment| assessment.ranking)
            .unwrap_or_default()
    }

    /// Answers when the confidence reaches the answer cut-off, offers the best answer when it
    /// reaches the suggest cut-off, and otherwise abstains with suggestions.
    pub fn decide(&self, question: &str) -> Decision {
        self.decide_leaving_out(question, None)
    }

    /// [`Matcher::decide`] as if the dev set's batch `left_out` (one writer's file, numbered as
    /// `devset::dev_batches_in` gives them) had never been written: how the dev-set figures
    /// measure a writer's questions, which would otherwise find themselves among the examples.
    pub fn decide_leaving_out(&self, question: &str, left_out: Option<usize>) -> Decision {
        self.assess_and_decide_leaving_out(question, left_out).1
    }

    /// [`Matcher::decide_leaving_out`] with the assessment the decision was taken on (`None`
    /// when no reading of `question` matches anything), so that a grader reads the ranking
    /// without analysing the question again.
    pub fn assess_and_decide_leaving_out(
        &self,
        question: &str,
        left_out: Option<usize>,
    ) -> (Option<Assessment>, Decision) {
        let limit = self.settings.max_suggestions.max(2);
        let assessment = self.assess_leaving_out(question, limit, left_out);
        let decision = match &assessment {
            Some(assessment) => decide_from(assessment, &self.settings, &self.model),
            None => Decision::Abstain {
                best_score: 0.0,
                suggestions: Vec::new(),
            },
        };
        (assessment, decision)
    }

    /// Answer indices whose title, command, id or keyword starts with `input`, best kind first.
    pub fn prefix_matches(&self, input: &str, limit: usize) -> Vec<usize> {
        if input.trim().is_empty() {
            return Vec::new();
        }
        self.autocomplete.prefix_matches(input, limit)
    }

    /// Answer indices for an autocomplete menu, best first: title, command and id prefixes, then
    /// keyword matches, then fuzzy matches; at most `limit`.
    pub fn autocomplete(&self, input: &str, limit: usize) -> Vec<usize> {
        let mut chosen = self.autocomplete.prefix_matches(input, limit);
        if chosen.len() < limit && !input.trim().is_empty() {
            for scored in self.rank(input, limit) {
                if scored.score >= self.settings.suggestion_floor / 2.0
                    && !chosen.contains(&scored.index)
                {
                    chosen.push(scored.index);
                }
                if chosen.len() == limit {
                    break;
                }
            }
        }
        chosen
    }
}

/// The words of the answers (in one language): every folded word of their texts and of the
/// synonyms table, and the words the answers' phrasings write a number after.
fn vocabulary(
    answers: &[Option<AnswerText>],
    synonyms: &Synonyms,
    analyzer: &Analyzer,
) -> Vocabulary {
    let mut known: FxHashSet<String> = FxHashSet::default();
    let mut numbered: FxHashSet<String> = FxHashSet::default();
    for answer in answers.iter().flatten() {
        for text in answer.phrasings() {
            let words = analyzer.words(text);
            for pair in words.windows(2) {
                if is_number(&pair[1]) && !analyzer.rules().is_stop_word(&pair[0]) {
                    numbered.insert(pair[0].clone());
                }
            }
            known.extend(words);
        }
        for text in answer.body() {
            known.extend(analyzer.words(text));
        }
    }
    let own = known.clone();
    for (canonical, alternatives) in &synonyms.groups {
        for text in std::iter::once(canonical).chain(alternatives) {
            known.extend(analyzer.words(text));
        }
    }
    let corrector = Corrector::new(&known);
    Vocabulary {
        known,
        corrector,
        numbered,
        own,
    }
}

/// What [`features`] reads of a reading beside its hits and query: whether it is one sentence of
/// several, the one answer listing the whole message word for word, and how closely the message
/// is spelt like the best answer's closest phrasing.
#[derive(Debug, Clone, Copy)]
struct Reading {
    sentence: bool,
    listing: Option<usize>,
    spelling: f32,
    /// The closeness to the examples of the best answer ([`Evidence::for_answer`]).
    neighbour: [f64; 3],
    /// What the classifier of the examples' wording says of the best answer
    /// ([`Evidence::posteriors_for`]).
    posteriors: [f64; 3],
    /// What the regression of the examples' wording says of the best answer
    /// ([`Evidence::linear_for`]).
    linear: [f64; 3],
    /// Whether the examples (the nearest, the regression or the naive Bayes) put the best
    /// answer first, not the words.
    led_by_examples: bool,
    /// How the nearest examples vote ([`Evidence::votes_for`]).
    votes: [f64; 2],
    /// The whole message's length ([`message_length`]).
    length: [f64; 3],
}

/// The features of a ranking (`None` when nothing matched), in the order of
/// [`confidence::FEATURE_NAMES`].
fn features(hits: &[Hit], stats: &QueryStats, reading: Reading) -> Option<Features> {
    let Reading {
        sentence,
        listing,
        spelling,
        neighbour,
        posteriors,
        linear,
        led_by_examples,
        votes,
        length,
    } = reading;
    let best = hits.first()?;
    let lead = best.score - hits.get(1).map_or(0.0, |second| second.score);
    let flag = |on: bool| if on { 1.0 } else { 0.0 };
    Some(Features([
        f64::from(best.score),
        f64::from(lead),
        f64::from(best.text_cover),
        f64::from(best.phrase_cover),
        f64::from(best.containment),
        f64::from(best.keyword_cover),
        f64::from(stats.unknown_share),
        stats.unknown.min(3) as f64,
        flag(best.intent_met),
        flag(best.specifiers_met),
        flag(sentence),
        (1.0 + stats.known as f64).ln(),
        f64::from(stats.corrected_share),
        stats.beyond.min(2) as f64,
        flag(stats.advice),
        f64::from(best.overlap),
        f64::from(spelling),
        neighbour[0],
        neighbour[1],
        neighbour[2],
        flag(led_by_examples),
        posteriors[0],
        posteriors[1],
        posteriors[2],
        linear[0],
        linear[1],
        linear[2],
        length[0],
        length[1],
        length[2],
        votes[0],
        votes[1],
        flag(is_certain(hits, stats, sentence, listing)),
    ]))
}

/// What the confidence reads of a message's length: ln(1 + its words), ln(1 + its
/// characters), and 1 when it holds a question mark. Chatter and one-word queries answer in
/// other proportions than a question of ten words.
fn message_length(message: &str) -> [f64; 3] {
    let words = message.split_whitespace().count() as f64;
    let characters = message.chars().count() as f64;
    let asks = message.contains('?');
    [
        words.ln_1p(),
        characters.ln_1p(),
        if asks { 1.0 } else { 0.0 },
    ]
}

/// Whether the reading ranked by `hits` is certain (the `exact` feature): the whole message,
/// and word for word a question only its best answer lists, or exactly the terms of a phrasing
/// only it has, read in full: no word read as a typo or dropped as too short to read ("is the
/// GFMD an EU body?" is not "what sort of body is the GFMD?"), and with some phrasing of the
/// answer asking the question's "who", "when" or "how many" about its topic (`intent_met`:
/// "how many countries take part" is not "which countries take part").
fn is_certain(hits: &[Hit], stats: &QueryStats, sentence: bool, listing: Option<usize>) -> bool {
    let Some(best) = hits.first() else {
        return false;
    };
    let second_exact = hits.get(1).is_some_and(|second| second.exact);
    let read_in_full = stats.corrected_share == 0.0 && stats.ignored == 0;
    !sentence
        && (listing == Some(best.index)
            || best.exact && best.intent_met && !second_exact && read_in_full)
}

/// The decision for an assessed reading under `settings`, with `model`'s cut-offs unless the
/// settings set their own.
fn decide_from(assessment: &Assessment, settings: &Settings, model: &Model) -> Decision {
    let ranking = &assessment.ranking;
    let (answer_at, suggest_at) = settings.cutoffs_for(model);
    let Some(&best) = ranking.first() else {
        return Decision::Abstain {
            best_score: 0.0,
            suggestions: Vec::new(),
        };
    };
    if assessment.confidence >= answer_at {
        return Decision::Answer {
            best,
            runner_up: ranking.get(1).copied(),
        };
    }
    let worth_offering = ranking
        .iter()
        .filter(|scored| scored.score >= settings.suggestion_floor)
        .take(settings.max_suggestions)
        .copied();
    if assessment.confidence >= suggest_at {
        let mut suggestions = vec![best];
        suggestions.extend(worth_offering.filter(|scored| *scored != best));
        suggestions.truncate(settings.max_suggestions.max(1));
        return Decision::Suggest { suggestions };
    }
    Decision::Abstain {
        best_score: best.score,
        suggestions: worth_offering.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use index::MAX_QUESTION_TERMS;

    #[test]
    fn every_fitted_tree_is_walked_to_its_leaves() {
        for lang in [Lang::En, Lang::Fr, Lang::Es] {
            let trees = fitted_model(lang).trees;
            // The seven fits averaged: each of `boosted::GROWTHS`' trees.
            let grown: usize = boosted::GROWTHS.iter().map(|growth| growth.trees).sum();
            assert_eq!(trees.count(), grown, "{lang:?}");
            assert!(
                trees.depth() <= boosted::MAX_DEPTH,
                "{lang:?}: {}",
                trees.depth()
            );
        }
    }

    fn matcher() -> (Matcher, AnswerSet) {
        let set = fixture::answer_set();
        (Matcher::new(&set, Settings::default()), set)
    }

    fn terms(matcher: &Matcher, question: &str) -> Vec<(String, bool)> {
        matcher
            .explain_terms(question)
            .into_iter()
            .map(|term| (term.text, term.known))
            .collect()
    }

    #[test]
    fn question_words_alone_name_no_topic() {
        let (matcher, _) = matcher();
        assert!(matcher.rank("what is the WHO", 3).is_empty());
        assert!(matcher.rank("when? where?", 3).is_empty());
        assert!(matcher.rank("how many", 3).is_empty());
        assert!(!matcher.rank("who set up the commission", 3).is_empty());
    }

    #[test]
    fn a_long_question_reads_its_first_64_terms_and_scores_stay_in_range() {
        let (matcher, _) = matcher();
        let filler: Vec<String> = (0..200).map(|n| format!("word{n}")).collect();
        let long = format!("kofi annan {}", filler.join(" "));
        assert_eq!(matcher.explain_terms(&long).len(), MAX_QUESTION_TERMS);
        for question in [
            long.as_str(),
            "",
            "👍👍",
            "belgium belgium belgium",
            "2 2 2",
        ] {
            for scored in matcher.rank(question, 6) {
                assert!((0.0..=1.0).contains(&scored.score), "{question:?}");
            }
        }
    }

    #[test]
    fn a_number_is_never_corrected_into_another_number() {
        let (matcher, _) = matcher();
        assert_eq!(
            terms(&matcher, "commission 2008"),
            vec![("commiss".to_owned(), true), ("2008".to_owned(), false)]
        );
        // A word one letter away from a known one still is.
        assert_eq!(
            terms(&matcher, "comission")[0],
            ("commiss".to_owned(), true)
        );
    }

    #[test]
    fn known_words_run_together_are_split() {
        let (matcher, _) = matcher();
        assert_eq!(
            terms(&matcher, "kofiannan"),
            vec![("kofi".to_owned(), true), ("annan".to_owned(), true)]
        );
    }

    /// The id of the answer `matcher` ranks first for `question`, and whether its reading is
    /// certain.
    fn best_and_certainty(matcher: &Matcher, set: &AnswerSet, question: &str) -> (String, bool) {
        let assessment = matcher.assessments(question, 1).remove(0);
        let best = &set.answers()[assessment.ranking[0].index].id;
        (best.clone(), assessment.features.is_exact())
    }

    #[test]
    fn a_listed_phrasing_reached_through_a_typo_guess_is_not_certain() {
        let (matcher, set) = matcher();
        let read = |question: &str| best_and_certainty(&matcher, &set, question);
        assert_eq!(read("belgium"), ("belgium".to_owned(), true));
        // "belgum" is read as "belgium", most likely rightly; but a corrected word may be
        // another word altogether ("timezone" read as "timeline"), so only the model decides.
        assert_eq!(read("belgum"), ("belgium".to_owned(), false));
    }

    #[test]
    fn a_phrasing_that_matches_only_part_of_what_the_message_asks_is_not_certain() {
        let (matcher, set) = matcher();
        let read = |question: &str| best_and_certainty(&matcher, &set, question);
        assert_eq!(read("the commission"), ("commission".to_owned(), true));
        // "eu" is too short to read and is dropped, but it asked something all the same.
        assert_eq!(read("the eu commission"), ("commission".to_owned(), false));
        // No phrasing of the commission gives a count.
        assert_eq!(
            read("how many commission"),
            ("commission".to_owned(), false)
        );
    }

    #[test]
    fn the_named_topic_beats_a_question_template_it_shares_with_another_answer() {
        let (matcher, set) = matcher();
        let ranked = matcher.rank("what role did belgium play", 2);
        assert_eq!(set.answers()[ranked[0].index].id, "belgium");
    }

    /// The id of the answer `matcher` gives to `question`, if it answers.
    fn answered<'s>(matcher: &Matcher, set: &'s AnswerSet, question: &str) -> Option<&'s str> {
        match matcher.decide(question) {
            Decision::Answer { best, .. } => Some(set.answers()[best.index].id.as_str()),
            _ => None,
        }
    }

    #[test]
    fn a_when_question_no_answer_dates_is_not_answered() {
        let (matcher, set) = matcher();
        assert_eq!(answered(&matcher, &set, "when did kofi annan die"), None);
        assert_eq!(
            answered(&matcher, &set, "when was the commission set up"),
            Some("commission")
        );
    }

    #[test]
    fn an_ordinal_no_answer_has_is_not_answered() {
        let (matcher, set) = matcher();
        assert_eq!(
            answered(&matcher, &set, "where was the second meeting held"),
            None
        );
        assert_eq!(
            answered(&matcher, &set, "where was the first meeting held"),
            Some("first-meeting")
        );
    }

    #[test]
    fn configured_cut_offs_replace_the_fitted_ones_and_suggest_never_exceeds_answer() {
        let defaults = Settings::default();
        assert_eq!(
            defaults.cutoffs(),
            (FITTED_MODEL.answer_at, FITTED_MODEL.suggest_at)
        );
        let eager = Settings {
            answer_confidence: Some(0.0),
            suggest_confidence: Some(0.5),
            ..Settings::default()
        };
        assert_eq!(eager.cutoffs(), (0.0, 0.0));
        let set = fixture::answer_set();
        let matcher = Matcher::new(&set, eager);
        assert!(matches!(
            matcher.decide("kofi annan"),
            Decision::Answer { .. }
        ));
        let never = matcher.with_settings(Settings {
            answer_confidence: Some(1.0),
            suggest_confidence: Some(1.0),
            ..Settings::default()
        });
        // Only a certain reading (an exact listed phrasing) reaches 1: nothing is offered.
        for question in [
            "what role did belgium play",
            "kofi annan and the commission",
        ] {
            assert!(!matches!(never.decide(question), Decision::Suggest { .. }));
        }
    }
}
