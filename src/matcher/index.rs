//! The inverted index over answers and its scoring.
//!
//! A question is scored against every answer that shares a term with it by BM25 across weighted
//! fields (title, questions, keywords, command, description, fields), normalized to 0..1 by what
//! a perfect match would score; terms that nearly every answer has and that weigh little in the
//! question are only added once the candidates are chosen. Only a bounded top-K by BM25 is then
//! reranked, blending in:
//!
//! - the best *phrasing overlap*: a weighted Dice coefficient between the question and each
//!   title, question and keyword of the answer;
//! - the *keyword cover*: how much of the question lies inside keywords of the answer that the
//!   question contains whole (keywords are the editor's own aliases for the topic);
//!
//! and then checking the question against the candidate:
//!
//! - *intent*: a "who", "when", "where" or "why" question, or a "how many", needs a phrasing of
//!   the answer that asks the same about the same topic;
//! - *specifiers*: a number or ordinal in the question ("1994", "second") must appear in the
//!   answer (a year no answer has, "the 2013 dialogue", is lacking like any other);
//! - *unknown words*: when words no answer knows outweigh the known ones, the question is most
//!   likely about something else.
//!
//! A term's IDF averages how many answers mention it anywhere and how many are *about* it (have
//! it in a title, question or keyword), so that names which descriptions mention in passing
//! ("Belgium", "Secretary-General") still weigh as topics.

use super::language::Rules;
use super::normalize::Analyzer;
use super::text::AnswerText;
#[cfg(test)]
use crate::answers::AnswerSet;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalization (answers vary in length less than web pages, so less than 0.75).
const B: f32 = 0.5;
/// How many answers, by BM25, get their phrasings compared with the question.
const RERANK_DEPTH: usize = 32;
/// Share of a question's weight that its most widespread terms ("gfmd" in a set about the GFMD)
/// may hold and still be left out when choosing the answers to rerank, which saves scanning
/// their long posting lists; they are added to the chosen answers' BM25 afterwards.
const SKIM_SHARE: f32 = 0.1;

/// Share of the final score that comes from BM25.
const BM25_SHARE: f32 = 0.5;
/// Share of the final score that comes from the keyword cover; the rest is phrasing overlap.
const KEYWORD_SHARE: f32 = 0.2;
/// Share of the final score that comes from the best phrasing overlap.
const OVERLAP_SHARE: f32 = 1.0 - BM25_SHARE - KEYWORD_SHARE;

/// Score kept by an answer none of whose phrasings asks the question's "who", "when", "where"
/// or "why" about the question's topic.
const INTENT_MISMATCH: f32 = 0.5;
/// Score kept by an answer none of whose phrasings gives a count, for a "how many" question.
const QUANTITY_MISMATCH: f32 = 0.15;
/// Score kept by an answer that lacks a number or ordinal of the question.
const SPECIFIER_MISMATCH: f32 = 0.25;
/// Unknown words dominate a question when their weight (at full IDF) exceeds the weight of its
/// known topic words by this factor.
const UNKNOWN_DOMINANCE: f32 = 1.5;
/// Score kept by every answer when unknown words dominate the question.
const DOMINATED: f32 = 0.6;
/// Most distinct terms of one question that scoring reads (one bit each in a `u64`).
pub const MAX_QUESTION_TERMS: usize = 64;

/// Field weights: how much one occurrence of a term in each field counts.
const WEIGHT_TITLE: f32 = 2.0;
const WEIGHT_COMMAND: f32 = 1.5;
const WEIGHT_QUESTION: f32 = 1.5;
const WEIGHT_KEYWORD: f32 = 2.0;
const WEIGHT_DESCRIPTION: f32 = 1.0;
const WEIGHT_FIELD: f32 = 0.5;

/// What a question term is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A word about the topic.
    Topic,
    /// A question word telling what kind of answer is wanted ("who", "when", "where", "why").
    Intent,
    /// A word asking for a count ("how many"); it weighs nothing and is met by phrasings that
    /// give a number.
    Quantity,
    /// A number or ordinal that picks one thing out of several ("1994", "second").
    Specifier,
}

impl Role {
    /// The role of an analyzed question term.
    pub fn of(term: &str, rules: &Rules) -> Self {
        if rules.is_intent_word(term) {
            Role::Intent
        } else if rules.is_quantity_word(term) {
            Role::Quantity
        } else if rules.is_specifier(term) {
            Role::Specifier
        } else {
            Role::Topic
        }
    }

    /// Whether the term only asks (a question word or "how many") and says nothing of the topic.
    pub fn only_asks(self) -> bool {
        matches!(self, Role::Intent | Role::Quantity)
    }
}

/// One term of an analyzed question: its id in the index (`None` when unknown), weight and role.
#[derive(Debug, Clone, Copy)]
pub struct QueryTerm {
    /// Index term id, if the index knows the term.
    pub term: Option<u32>,
    /// Weight: the term's IDF, reduced when the word was a corrected typo.
    pub weight: f32,
    /// What the term is for.
    pub role: Role,
}

impl QueryTerm {
    /// Whether the term is about the topic (a topic word or a specifier).
    fn is_topical(&self) -> bool {
        matches!(self.role, Role::Topic | Role::Specifier)
    }
}

/// The bit of term `id` in [`Question::seen`].
fn id_bit(id: u32) -> u64 {
    1 << (id % 64)
}

/// The terms of one title, question or keyword, for overlap scoring.
struct Phrasing {
    /// Sorted, distinct term ids.
    terms: Vec<u32>,
    /// The [`id_bit`]s of its terms: a phrasing sharing none with [`Question::seen`] shares no
    /// term with the question.
    mask: u64,
    /// Sum of the terms' IDF.
    mass: f32,
    /// Whether this is one of the answer's keywords.
    keyword: bool,
    /// Whether it gives a count ("five objectives").
    counts: bool,
}

/// A question prepared for reranking: its terms, found by id.
struct Question<'a> {
    terms: &'a [QueryTerm],
    /// `(term id, position in terms)` for known terms, sorted by id.
    by_id: Vec<(u32, usize)>,
    /// A bit for each known term's id modulo 64: a term whose bit is clear is not in the
    /// question, so most of a phrasing's terms are ruled out without a search.
    seen: u64,
    /// [`bit`]s of the question words ("who", "when", "where", "why").
    intents: u64,
    /// Whether the question asks "how many".
    asks_count: bool,
    /// Sum of the terms' weights.
    total: f32,
}

impl<'a> Question<'a> {
    fn new(terms: &'a [QueryTerm]) -> Self {
        let mut by_id: Vec<(u32, usize)> = terms
            .iter()
            .enumerate()
            .filter_map(|(at, term)| term.term.map(|id| (id, at)))
            .collect();
        by_id.sort_unstable();
        let seen = by_id.iter().fold(0, |seen, &(id, _)| seen | id_bit(id));
        let intents = terms
            .iter()
            .enumerate()
            .filter(|(_, term)| term.role == Role::Intent)
            .fold(0, |bits, (at, _)| bits | bit(at));
        Self {
            terms,
            by_id,
            seen,
            intents,
            asks_count: terms.iter().any(|term| term.role == Role::Quantity),
            total: terms.iter().map(|term| term.weight).sum(),
        }
    }

    /// The position of term `id` in the question.
    fn position(&self, id: u32) -> Option<usize> {
        if self.seen & id_bit(id) == 0 {
            return None;
        }
        self.by_id
            .binary_search_by_key(&id, |&(term, _)| term)
            .ok()
            .map(|found| self.by_id[found].1)
    }

    /// The weight of the terms whose [`bit`]s are set in `bits`.
    fn weight_of(&self, bits: u64) -> f32 {
        self.terms
            .iter()
            .enumerate()
            .filter(|&(at, _)| bits & bit(at) != 0)
            .map(|(_, term)| term.weight)
            .sum()
    }

    /// [`INTENT_MISMATCH`] or [`QUANTITY_MISMATCH`] unless, for each of the question's
    /// question words, some phrasing asks the same (has the word, or gives a count for "how
    /// many") about a topic of the question; otherwise 1.
    fn intent_factor(&self, found: &PhrasingMatch) -> f32 {
        let mut factor: f32 = 1.0;
        if found.intents & self.intents != self.intents {
            factor = factor.min(INTENT_MISMATCH);
        }
        if self.asks_count && !found.counts {
            factor = factor.min(QUANTITY_MISMATCH);
        }
        factor
    }
}

/// The bit that stands for the question term at position `at`; terms past the 64th have none
/// (the matcher reads no more than [`MAX_QUESTION_TERMS`]).
fn bit(at: usize) -> u64 {
    1u64.checked_shl(at as u32).unwrap_or(0)
}

/// What the phrasings of one answer share with a question.
#[derive(Debug, Default, PartialEq)]
struct PhrasingMatch {
    /// The best weighted Dice coefficient between the question and one phrasing.
    overlap: f32,
    /// [`bit`]s of the question terms inside keywords that the question contains whole.
    covered: u64,
    /// [`bit`]s of the question words asked by a phrasing that shares a topic with the question.
    intents: u64,
    /// Whether a phrasing that shares a topic with the question gives a count.
    counts: bool,
    /// [`bit`]s of the question terms found in any phrasing.
    phrased: u64,
    /// The largest share of the question's weight inside one phrasing.
    containment: f32,
    /// Whether some phrasing has exactly the question's terms.
    exact: bool,
}

/// One answer as scored for a question, with what the confidence reads from the match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index into the answers.
    pub index: usize,
    /// Score in 0..=1.
    pub score: f32,
    /// Share of the question's weight found anywhere in the answer.
    pub text_cover: f32,
    /// Share of the question's weight found in the answer's phrasings (title, command,
    /// questions, keywords).
    pub phrase_cover: f32,
    /// The largest share of the question's weight inside one phrasing.
    pub containment: f32,
    /// Share of the question's weight inside keywords of the answer it contains whole.
    pub keyword_cover: f32,
    /// Whether some phrasing asks the question's "who", "when", "where", "why" or "how many"
    /// about its topic.
    pub intent_met: bool,
    /// Whether the answer has every number and ordinal of the question.
    pub specifiers_met: bool,
    /// The best weighted Dice coefficient between the question and one phrasing.
    pub overlap: f32,
    /// Whether one of the answer's phrasings (title, question, keyword) has exactly the
    /// question's terms.
    pub exact: bool,
}

/// Which part of an answer a text comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Command,
    Id,
    Question,
    Keyword,
    Description,
    Field,
}

impl Part {
    fn weight(self) -> f32 {
        match self {
            Part::Title => WEIGHT_TITLE,
            Part::Command | Part::Id => WEIGHT_COMMAND,
            Part::Question => WEIGHT_QUESTION,
            Part::Keyword => WEIGHT_KEYWORD,
            Part::Description => WEIGHT_DESCRIPTION,
            Part::Field => WEIGHT_FIELD,
        }
    }

    /// Whether texts of this part are phrasings that a question can be compared with.
    fn is_phrasing(self) -> bool {
        matches!(
            self,
            Part::Title | Part::Command | Part::Question | Part::Keyword
        )
    }
}

/// A phrasing as analyzed at build time, before IDF is known.
struct RawPhrasing {
    terms: Vec<u32>,
    keyword: bool,
    counts: bool,
}

/// One answer as analyzed at build time: its weighted term frequencies, length and phrasings.
#[derive(Default)]
struct Document {
    frequency: FxHashMap<u32, f32>,
    length: f32,
    phrasings: Vec<RawPhrasing>,
}

impl Document {
    /// Reads every part of `answer`, giving new terms the next ids in `terms`.
    fn read(answer: &AnswerText, analyzer: &Analyzer, terms: &mut FxHashMap<String, u32>) -> Self {
        let mut document = Self {
            frequency: FxHashMap::default(),
            length: 0.0,
            phrasings: Vec::new(),
        };
        let id_words = answer.id.unwrap_or_default().replace('-', " ");
        let texts = [
            (Part::Title, answer.title),
            (Part::Command, answer.command.unwrap_or("")),
            (Part::Id, id_words.as_str()),
            (Part::Description, answer.description),
        ]
        .into_iter()
        .chain(
            answer
                .questions
                .iter()
                .map(|q| (Part::Question, q.as_str())),
        )
        .chain(answer.keywords.iter().map(|k| (Part::Keyword, k.as_str())))
        .chain(answer.fields.iter().flat_map(|field| {
            [
                (Part::Field, field.name.as_str()),
                (Part::Field, field.value.as_str()),
            ]
        }));
        for (part, text) in texts {
            let analyzed = analyzer.terms(text);
            let counts = analyzed.iter().any(|term| analyzer.rules().is_count(term));
            let mut ids: Vec<u32> = analyzed
                .into_iter()
                .map(|term| {
                    let next = terms.len() as u32;
                    *terms.entry(term).or_insert(next)
                })
                .collect();
            for &id in &ids {
                *document.frequency.entry(id).or_default() += part.weight();
                document.length += part.weight();
            }
            if part.is_phrasing() && !ids.is_empty() {
                ids.sort_unstable();
                ids.dedup();
                document.phrasings.push(RawPhrasing {
                    terms: ids,
                    keyword: part == Part::Keyword,
                    counts,
                });
            }
        }
        document
    }
}

/// For each term, `(answer, BM25-saturated term frequency)` sorted by answer; `count` is how
/// many documents have text (the others are empty and count for nothing).
fn postings(documents: &[Document], count: f32, terms: usize) -> Vec<Vec<(u32, f32)>> {
    let average = documents.iter().map(|d| d.length).sum::<f32>() / count;
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); terms];
    for (at, document) in documents.iter().enumerate() {
        let length_norm = K1 * (1.0 - B + B * document.length / average.max(f32::EPSILON));
        for (&term, &tf) in &document.frequency {
            postings[term as usize].push((at as u32, tf / (tf + length_norm)));
        }
    }
    for list in &mut postings {
        list.sort_unstable_by_key(|(document, _)| *document);
    }
    postings
}

/// Inverted index with per-answer phrasings.
pub struct Index {
    terms: FxHashMap<String, u32>,
    idf: Vec<f32>,
    /// For each term, `(answer, BM25-saturated term frequency)` sorted by answer.
    postings: Vec<Vec<(u32, f32)>>,
    answers: usize,
    phrasings: Vec<Vec<Phrasing>>,
    unknown_idf: f32,
}

thread_local! {
    /// Per-thread BM25 accumulator, one slot per answer, reused across questions so that a
    /// question allocates nothing in proportion to the number of answers.
    static ACCUMULATOR: RefCell<Accumulator> = RefCell::new(Accumulator::default());
}

/// Dense BM25 sums with the list of answers touched, reset after each question, and room for
/// their scores.
#[derive(Default)]
struct Accumulator {
    sums: Vec<f32>,
    touched: Vec<u32>,
    scored: Vec<(usize, f32)>,
}

impl Index {
    /// Indexes every answer of `set` with `analyzer`, as English.
    #[cfg(test)]
    pub fn build(set: &AnswerSet, analyzer: &Analyzer) -> Self {
        Self::build_from(&AnswerText::all(set, crate::locale::Lang::En), analyzer)
    }

    /// Indexes `answers` (one per answer of the set, in its order) with `analyzer`. An answer
    /// without text (`None`: not translated) is never a candidate, and the weights are those of
    /// the answers that have text.
    pub fn build_from(answers: &[Option<AnswerText>], analyzer: &Analyzer) -> Self {
        let mut terms: FxHashMap<String, u32> = FxHashMap::default();
        let documents: Vec<Document> = answers
            .iter()
            .map(|answer| match answer {
                Some(answer) => Document::read(answer, analyzer, &mut terms),
                None => Document::default(),
            })
            .collect();
        let count = answers.iter().flatten().count().max(1) as f32;
        let idf_of = |df: f32| (1.0 + (count - df + 0.5) / (df + 0.5)).ln();
        let postings = postings(&documents, count, terms.len());
        let idf: Vec<f32> = postings
            .iter()
            .zip(phrasing_frequencies(&documents, terms.len()))
            .map(|(list, about)| {
                let mentioned = idf_of(list.len() as f32);
                if about == 0 {
                    mentioned
                } else {
                    (mentioned + idf_of(about as f32)) / 2.0
                }
            })
            .collect();
        let phrasings = documents
            .into_iter()
            .map(|document| {
                document
                    .phrasings
                    .into_iter()
                    .map(|raw| Phrasing {
                        mask: raw.terms.iter().fold(0, |mask, &id| mask | id_bit(id)),
                        mass: raw.terms.iter().map(|&id| idf[id as usize]).sum(),
                        terms: raw.terms,
                        keyword: raw.keyword,
                        counts: raw.counts,
                    })
                    .collect()
            })
            .collect();
        Self {
            terms,
            idf,
            postings,
            answers: answers.len(),
            phrasings,
            unknown_idf: idf_of(0.0),
        }
    }

    /// The id of an index term.
    pub fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.get(term).copied()
    }

    /// A query term for `term` in `role`, weighted by IDF (the highest IDF when no answer has
    /// the term) and by `confidence` (1.0, or less for a typo). Quantity words weigh nothing.
    pub fn query_term(&self, term: &str, confidence: f32, role: Role) -> QueryTerm {
        let id = self.term_id(term);
        let idf = id.map_or(self.unknown_idf, |id| self.idf[id as usize]);
        let weight = if role == Role::Quantity {
            0.0
        } else {
            idf * confidence
        };
        QueryTerm {
            term: id,
            weight,
            role,
        }
    }

    /// Scores answers for `query`, best first: `(answer index, score in 0..=1)`, at most `limit`,
    /// only answers that share a term with the question.
    #[cfg(test)]
    pub fn score(&self, query: &[QueryTerm], limit: usize) -> Vec<(usize, f32)> {
        self.hits(query, limit)
            .into_iter()
            .map(|hit| (hit.index, hit.score))
            .collect()
    }

    /// Scores answers for `query` like [`Index::score`], with what each match is made of.
    pub fn hits(&self, query: &[QueryTerm], limit: usize) -> Vec<Hit> {
        let question = Question::new(query);
        if question.total <= 0.0 {
            return Vec::new();
        }
        let dominated = self.domination(query);
        let mut hits: Vec<Hit> = self
            .bm25_top(&question, RERANK_DEPTH.max(limit))
            .into_iter()
            .map(|(document, bm25)| self.hit(&question, document, bm25, dominated))
            .collect();
        hits.sort_unstable_by(|a, b| ranking(&(a.index, a.score), &(b.index, b.score)));
        hits.truncate(limit);
        hits
    }

    /// The hit of answer `document` for `query`, scored as [`Index::hits`] scores the answers
    /// BM25 chooses, for an answer chosen otherwise (the one the nearest examples lead to);
    /// `None` for a query of no weight.
    pub fn hit_of(&self, query: &[QueryTerm], document: usize) -> Option<Hit> {
        let question = Question::new(query);
        if question.total <= 0.0 || document >= self.answers {
            return None;
        }
        let bm25: f32 = question
            .terms
            .iter()
            .filter(|term| term.weight > 0.0)
            .filter_map(|term| Some(term.weight * self.saturation(document, term.term?)?))
            .sum();
        Some(self.hit(
            &question,
            document,
            bm25 / question.total,
            self.domination(query),
        ))
    }

    /// The factor of every score of `query`: [`DOMINATED`] when its unknown words outweigh
    /// the rest, else 1.
    fn domination(&self, query: &[QueryTerm]) -> f32 {
        if self.unknown_dominates(query) {
            DOMINATED
        } else {
            1.0
        }
    }

    /// The hit of answer `document`, whose BM25 share of the question is `bm25`.
    fn hit(&self, question: &Question, document: usize, bm25: f32, dominated: f32) -> Hit {
        let found = self.match_phrasings(document, question);
        let keyword_cover = question.weight_of(found.covered) / question.total;
        let blended =
            BM25_SHARE * bm25 + KEYWORD_SHARE * keyword_cover + OVERLAP_SHARE * found.overlap;
        let intent = question.intent_factor(&found);
        let specifiers = self.specifier_factor(document, question.terms);
        Hit {
            index: document,
            score: blended * intent * specifiers * dominated,
            text_cover: self.text_cover(document, question),
            phrase_cover: question.weight_of(found.phrased) / question.total,
            containment: found.containment,
            keyword_cover,
            intent_met: intent >= 1.0,
            specifiers_met: specifiers >= 1.0,
            overlap: found.overlap,
            exact: found.exact,
        }
    }

    /// Share of the question's weight whose terms `document` has anywhere.
    fn text_cover(&self, document: usize, question: &Question) -> f32 {
        let found: f32 = question
            .terms
            .iter()
            .filter(|term| {
                term.term
                    .is_some_and(|id| self.saturation(document, id).is_some())
            })
            .map(|term| term.weight)
            .sum();
        found / question.total
    }

    /// The `depth` best answers by BM25, normalized by the question's total weight. The terms
    /// with the longest posting lists, while together they weigh less than [`SKIM_SHARE`] of the
    /// question, are left out when choosing the `depth` answers and only then added to their
    /// sums.
    fn bm25_top(&self, question: &Question, depth: usize) -> Vec<(usize, f32)> {
        let mut known: Vec<(u32, f32)> = question
            .terms
            .iter()
            .filter(|term| term.weight > 0.0)
            .filter_map(|term| term.term.map(|id| (id, term.weight)))
            .collect();
        known.sort_by_key(|&(id, _)| self.postings[id as usize].len());
        let scanned = self.scanned_terms(&known, question.total);
        let mut best = ACCUMULATOR.with_borrow_mut(|accumulator| {
            let Accumulator {
                sums,
                touched,
                scored,
            } = accumulator;
            sums.resize(self.answers, 0.0);
            for &(id, weight) in &known[..scanned] {
                for &(document, saturation) in &self.postings[id as usize] {
                    let slot = &mut sums[document as usize];
                    if *slot == 0.0 {
                        touched.push(document);
                    }
                    *slot += weight * saturation;
                }
            }
            scored.clear();
            scored.extend(touched.drain(..).map(|document| {
                let sum = std::mem::take(&mut sums[document as usize]);
                (document as usize, sum)
            }));
            best_first(scored, depth)
        });
        for (document, sum) in &mut best {
            for &(id, weight) in &known[scanned..] {
                *sum += weight * self.saturation(*document, id).unwrap_or(0.0);
            }
            *sum /= question.total;
        }
        sort_best_first(&mut best);
        best
    }

    /// How many of `known` (sorted by posting-list length) to scan: all but the longest lists
    /// that together weigh less than [`SKIM_SHARE`] of `total`, and always the first.
    fn scanned_terms(&self, known: &[(u32, f32)], total: f32) -> usize {
        let mut scanned = known.len();
        let mut skimmed_weight = 0.0;
        while scanned > 1 {
            skimmed_weight += known[scanned - 1].1;
            if skimmed_weight >= SKIM_SHARE * total {
                break;
            }
            scanned -= 1;
        }
        scanned
    }

    /// BM25's saturated frequency of `term` in answer `document`, if the answer has the term.
    fn saturation(&self, document: usize, term: u32) -> Option<f32> {
        let postings = &self.postings[term as usize];
        postings
            .binary_search_by_key(&(document as u32), |&(doc, _)| doc)
            .ok()
            .map(|found| postings[found].1)
    }

    /// Compares the question with every phrasing of `document` in one pass.
    fn match_phrasings(&self, document: usize, question: &Question) -> PhrasingMatch {
        let mut found = PhrasingMatch::default();
        for phrasing in &self.phrasings[document] {
            // Sharing no term, it would add nothing below: no overlap, no bits, never exact.
            if phrasing.mask & question.seen == 0 {
                continue;
            }
            let (mut shared, mut bits, mut whole, mut topical) = (0.0, 0u64, true, false);
            for &id in &phrasing.terms {
                match question.position(id) {
                    Some(at) => {
                        let term = &question.terms[at];
                        shared += term.weight;
                        bits |= bit(at);
                        topical |= term.is_topical();
                    }
                    None => whole = false,
                }
            }
            found.overlap = found
                .overlap
                .max(2.0 * shared / (question.total + phrasing.mass));
            found.containment = found.containment.max(shared / question.total);
            found.phrased |= bits;
            found.exact |= whole && shared >= question.total * (1.0 - 1e-6);
            if phrasing.keyword && whole {
                found.covered |= bits;
            }
            if topical {
                found.intents |= bits & question.intents;
                found.counts |= phrasing.counts;
            }
        }
        found
    }

    /// Whether the question's unknown words, at full IDF, outweigh its known topic words by
    /// [`UNKNOWN_DOMINANCE`].
    fn unknown_dominates(&self, query: &[QueryTerm]) -> bool {
        let unknown = query.iter().filter(|term| term.term.is_none()).count() as f32;
        let known: f32 = query
            .iter()
            .filter(|term| term.term.is_some() && term.is_topical())
            .map(|term| term.weight)
            .sum();
        unknown * self.unknown_idf > known * UNKNOWN_DOMINANCE
    }

    /// [`SPECIFIER_MISMATCH`] when `document` lacks a known number or ordinal of the question.
    fn specifier_factor(&self, document: usize, query: &[QueryTerm]) -> f32 {
        let lacks = query.iter().any(|term| {
            term.role == Role::Specifier
                && term
                    .term
                    .is_none_or(|id| self.saturation(document, id).is_none())
        });
        if lacks {
            SPECIFIER_MISMATCH
        } else {
            1.0
        }
    }
}

/// For each term, how many answers have it in a phrasing (title, command, question, keyword).
fn phrasing_frequencies(documents: &[Document], terms: usize) -> Vec<u32> {
    let mut frequencies = vec![0; terms];
    let mut last_seen_in: Vec<Option<usize>> = vec![None; terms];
    for (document, list) in documents.iter().map(|d| &d.phrasings).enumerate() {
        for &id in list.iter().flat_map(|phrasing| &phrasing.terms) {
            let seen = &mut last_seen_in[id as usize];
            if *seen != Some(document) {
                *seen = Some(document);
                frequencies[id as usize] += 1;
            }
        }
    }
    frequencies
}

/// The `depth` best of `scored`, best first, leaving `scored` in some other order.
fn best_first(scored: &mut [(usize, f32)], depth: usize) -> Vec<(usize, f32)> {
    let depth = depth.min(scored.len());
    if depth == 0 {
        return Vec::new();
    }
    if depth < scored.len() {
        scored.select_nth_unstable_by(depth - 1, ranking);
    }
    let mut best = scored[..depth].to_vec();
    sort_best_first(&mut best);
    best
}

/// The ranking order: higher score first, then lower answer index, so ties are stable.
fn ranking(a: &(usize, f32), b: &(usize, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Sorts by [`ranking`].
fn sort_best_first(scored: &mut [(usize, f32)]) {
    scored.sort_unstable_by(ranking);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::fixture;
    use crate::matcher::language::ENGLISH;
    use crate::matcher::normalize::Profile;

    struct Fixture {
        set: AnswerSet,
        analyzer: Analyzer,
        index: Index,
    }

    impl Fixture {
        fn new() -> Self {
            let set = fixture::answer_set();
            let analyzer = Analyzer::new(&Profile {
                language: &ENGLISH,
                synonyms: set.synonyms(),
                textspeak: set.textspeak(),
            });
            let index = Index::build(&set, &analyzer);
            Self {
                set,
                analyzer,
                index,
            }
        }

        fn query(&self, text: &str) -> Vec<QueryTerm> {
            self.analyzer
                .terms(text)
                .iter()
                .map(|term| {
                    let role = Role::of(term, self.analyzer.rules());
                    self.index.query_term(term, 1.0, role)
                })
                .collect()
        }

        fn doc(&self, id: &str) -> usize {
            self.set
                .answers()
                .iter()
                .position(|answer| answer.id == id)
                .expect("a fixture answer")
        }

        fn weight(&self, term: &str) -> f32 {
            self.index.query_term(term, 1.0, Role::Topic).weight
        }

        fn intent_factor(&self, id: &str, text: &str) -> f32 {
            let query = self.query(text);
            let question = Question::new(&query);
            question.intent_factor(&self.index.match_phrasings(self.doc(id), &question))
        }

        fn keyword_cover(&self, id: &str, text: &str) -> f32 {
            let query = self.query(text);
            let question = Question::new(&query);
            question.weight_of(self.index.match_phrasings(self.doc(id), &question).covered)
        }
    }

    #[test]
    fn a_question_word_needs_a_phrasing_that_asks_it_about_the_same_topic() {
        let f = Fixture::new();
        assert_eq!(f.intent_factor("commission", "when commission"), 1.0);
        assert_eq!(
            f.intent_factor("commission", "when kofi annan"),
            INTENT_MISMATCH
        );
        assert_eq!(
            f.intent_factor("secretary-general", "when kofi annan"),
            INTENT_MISMATCH
        );
        assert_eq!(f.intent_factor("secretary-general", "kofi annan"), 1.0);
    }

    #[test]
    fn each_question_word_may_be_met_by_a_different_phrasing() {
        let f = Fixture::new();
        assert_eq!(
            f.intent_factor("first-meeting", "when and where first meeting"),
            1.0
        );
        assert_eq!(
            f.intent_factor("first-meeting", "when and why first meeting"),
            INTENT_MISMATCH
        );
    }

    #[test]
    fn how_many_needs_a_phrasing_that_gives_a_count() {
        let f = Fixture::new();
        assert_eq!(f.query("how many objectives")[0].weight, 0.0);
        assert_eq!(f.intent_factor("objectives", "how many objectives"), 1.0);
        assert_eq!(
            f.intent_factor("first-meeting", "how many meetings"),
            QUANTITY_MISMATCH
        );
    }

    #[test]
    fn a_number_or_ordinal_the_answer_lacks_counts_against_it() {
        let f = Fixture::new();
        let meeting = f.doc("first-meeting");
        assert_eq!(
            f.index
                .specifier_factor(meeting, &f.query("second meeting")),
            SPECIFIER_MISMATCH
        );
        assert_eq!(
            f.index.specifier_factor(meeting, &f.query("meeting 2007")),
            1.0
        );
        assert_eq!(
            f.index.specifier_factor(meeting, &f.query("meeting 2003")),
            SPECIFIER_MISMATCH
        );
        // A year no answer has at all ("the 2013 dialogue") is lacking too, not merely unknown.
        assert_eq!(
            f.index.specifier_factor(meeting, &f.query("meeting 2031")),
            SPECIFIER_MISMATCH
        );
        let second = f.doc("objective-2");
        assert_eq!(
            f.index
                .specifier_factor(second, &f.query("second objective")),
            1.0
        );
    }

    #[test]
    fn unknown_words_dominate_only_when_they_outweigh_the_known_ones() {
        let f = Fixture::new();
        assert!(f
            .index
            .unknown_dominates(&f.query("population of brussels")));
        assert!(!f
            .index
            .unknown_dominates(&f.query("belgian offer population")));
        assert!(!f.index.unknown_dominates(&f.query("brussels")));
    }

    #[test]
    fn a_dominated_question_scores_lower_than_its_known_words_alone() {
        let f = Fixture::new();
        let best = |text: &str| f.index.score(&f.query(text), 1)[0];
        let plain = best("brussels");
        let dominated = best("population of brussels");
        assert_eq!(plain.0, dominated.0);
        assert!(
            dominated.1 < plain.1 * DOMINATED,
            "{dominated:?} vs {plain:?}"
        );
    }

    #[test]
    fn a_name_few_answers_are_about_weighs_more_than_one_many_are_about() {
        let f = Fixture::new();
        // Three descriptions mention each, but only one answer is about Belgium while two have
        // Brussels in their keywords.
        assert!(f.weight("belgium") > f.weight("brussel"));
    }

    #[test]
    fn a_keyword_counts_for_cover_only_when_the_question_has_it_whole() {
        let f = Fixture::new();
        let question = "what role did belgium play";
        let belgium = f.keyword_cover("belgium", question);
        assert!((belgium - f.weight("belgium")).abs() < 1e-6);
        assert_eq!(f.keyword_cover("secretary-general", question), 0.0);
        assert_eq!(f.keyword_cover("belgium", "an offer"), 0.0);
        assert!(f.keyword_cover("belgium", "the belgian offer") > 0.0);
    }

    #[test]
    fn only_the_first_64_terms_have_a_bit() {
        assert_eq!(bit(0), 1);
        assert_eq!(bit(63), 1 << 63);
        assert_eq!(bit(64), 0);
    }

    #[test]
    fn scoring_leaves_nothing_behind_for_the_next_question() {
        let f = Fixture::new();
        let first = f.index.score(&f.query("kofi annan commission"), 6);
        let other = f.index.score(&f.query("brussels meeting"), 6);
        assert_ne!(first, other);
        assert_eq!(f.index.score(&f.query("kofi annan commission"), 6), first);
    }

    #[test]
    fn widespread_terms_skimmed_still_count_in_the_chosen_answers_bm25() {
        let f = Fixture::new();
        let query = f.query("kofi annan and the belgian offer to the forum");
        let question = Question::new(&query);
        let mut known: Vec<(u32, f32)> = query
            .iter()
            .filter_map(|term| term.term.map(|id| (id, term.weight)))
            .collect();
        known.sort_by_key(|&(id, _)| f.index.postings[id as usize].len());
        assert!(f.index.scanned_terms(&known, question.total) < known.len());
        for (document, score) in f.index.bm25_top(&question, RERANK_DEPTH) {
            let full: f32 = known
                .iter()
                .map(|&(id, weight)| weight * f.index.saturation(document, id).unwrap_or(0.0))
                .sum();
            assert!((score - full / question.total).abs() < 1e-6);
        }
    }

    #[test]
    fn best_first_keeps_the_best_few_in_order_with_ties_by_index() {
        let mut scored = vec![(4, 0.5), (1, 0.9), (3, 0.5), (2, 0.1), (0, 0.7)];
        assert_eq!(
            best_first(&mut scored, 3),
            vec![(1, 0.9), (0, 0.7), (3, 0.5)]
        );
        assert_eq!(best_first(&mut scored, 9).len(), 5);
        assert!(best_first(&mut scored, 0).is_empty());
    }
}
