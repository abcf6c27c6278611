//! The inverted index over answers and its scoring: a BM25 weighting across weighted fields
//! (title, questions, keywords, command, description, fields), normalized to 0..1 by what a
//! perfect match would score, blended with the best phrasing overlap (a weighted Dice coefficient
//! between the question and each title, question and keyword of an answer).

use super::normalize::{is_intent_word, is_quantity_word, is_specifier, Analyzer};
use crate::answers::AnswerSet;
use std::collections::HashMap;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalization (answers vary in length less than web pages, so less than 0.75).
const B: f32 = 0.5;
/// How many answers, by BM25, get their phrasings compared with the question.
const RERANK_DEPTH: usize = 32;
/// Share of the final score that comes from BM25; the rest is phrasing overlap.
const BM25_SHARE: f32 = 0.5;

/// Field weights: how much one occurrence of a term in each field counts.
const WEIGHT_TITLE: f32 = 2.0;
const WEIGHT_COMMAND: f32 = 1.5;
const WEIGHT_QUESTION: f32 = 1.5;
const WEIGHT_KEYWORD: f32 = 2.0;
const WEIGHT_DESCRIPTION: f32 = 1.0;
const WEIGHT_FIELD: f32 = 0.5;

/// Most distinct terms of one question that scoring reads.
pub const MAX_QUESTION_TERMS: usize = 64;

/// What a question term is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A word about the topic.
    Topic,
    /// A question word telling what kind of answer is wanted ("who", "when", "where", "why").
    Intent,
    /// A word asking for a count ("how many"); it weighs nothing.
    Quantity,
    /// A number or ordinal that picks one thing out of several ("1994", "second").
    Specifier,
}

impl Role {
    /// The role of an analyzed question term.
    pub fn of(term: &str) -> Self {
        if is_intent_word(term) {
            Role::Intent
        } else if is_quantity_word(term) {
            Role::Quantity
        } else if is_specifier(term) {
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

/// One term of an analyzed question: its id in the index (`None` when unknown) and weight.
#[derive(Debug, Clone, Copy)]
pub struct QueryTerm {
    /// Index term id, if the index knows the term.
    pub term: Option<u32>,
    /// Weight: the term's IDF, reduced when the word was a corrected typo.
    pub weight: f32,
}

/// A set of terms from one title, question or keyword, for overlap scoring.
struct Phrasing {
    terms: Vec<u32>,
    mass: f32,
}

/// Inverted index with per-answer phrasings.
pub struct Index {
    terms: HashMap<String, u32>,
    idf: Vec<f32>,
    postings: Vec<Vec<(u32, f32)>>,
    length_norm: Vec<f32>,
    phrasings: Vec<Vec<Phrasing>>,
    unknown_idf: f32,
}

impl Index {
    /// Indexes every answer of `set` with `analyzer`.
    pub fn build(set: &AnswerSet, analyzer: &Analyzer) -> Self {
        let mut terms: HashMap<String, u32> = HashMap::new();
        let mut frequencies: Vec<HashMap<u32, f32>> = Vec::with_capacity(set.len());
        let mut lengths = Vec::with_capacity(set.len());
        let mut phrasing_terms: Vec<Vec<Vec<u32>>> = Vec::with_capacity(set.len());
        let intern = |term: String, terms: &mut HashMap<String, u32>| -> u32 {
            let next = terms.len() as u32;
            *terms.entry(term).or_insert(next)
        };
        for answer in set.answers() {
            let mut frequency: HashMap<u32, f32> = HashMap::new();
            let mut length = 0.0;
            let mut phrasings = Vec::new();
            let command = answer.command.as_deref().unwrap_or("");
            let id_words = answer.id.replace('-', " ");
            let mut add =
                |text: &str, weight: f32, phrasing: bool, terms: &mut HashMap<String, u32>| {
                    let ids: Vec<u32> = analyzer
                        .terms(text)
                        .into_iter()
                        .map(|term| intern(term, terms))
                        .collect();
                    for &id in &ids {
                        *frequency.entry(id).or_default() += weight;
                        length += weight;
                    }
                    if phrasing && !ids.is_empty() {
                        phrasings.push(ids);
                    }
                };
            add(&answer.title, WEIGHT_TITLE, true, &mut terms);
            add(command, WEIGHT_COMMAND, true, &mut terms);
            add(&id_words, WEIGHT_COMMAND, false, &mut terms);
            for question in &answer.questions {
                add(question, WEIGHT_QUESTION, true, &mut terms);
            }
            for keyword in &answer.keywords {
                add(keyword, WEIGHT_KEYWORD, true, &mut terms);
            }
            add(&answer.description, WEIGHT_DESCRIPTION, false, &mut terms);
            for field in &answer.fields {
                add(&field.name, WEIGHT_FIELD, false, &mut terms);
                add(&field.value, WEIGHT_FIELD, false, &mut terms);
            }
            frequencies.push(frequency);
            lengths.push(length);
            phrasing_terms.push(phrasings);
        }

        let documents = set.len().max(1) as f32;
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); terms.len()];
        for (document, frequency) in frequencies.iter().enumerate() {
            for (&term, &tf) in frequency {
                postings[term as usize].push((document as u32, tf));
            }
        }
        for list in &mut postings {
            list.sort_unstable_by_key(|(document, _)| *document);
        }
        let idf_of = |df: f32| (1.0 + (documents - df + 0.5) / (df + 0.5)).ln();
        let idf: Vec<f32> = postings
            .iter()
            .map(|list| idf_of(list.len() as f32))
            .collect();
        let average = lengths.iter().sum::<f32>() / documents;
        let length_norm = lengths
            .iter()
            .map(|length| K1 * (1.0 - B + B * length / average.max(f32::EPSILON)))
            .collect();
        let phrasings = phrasing_terms
            .into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|mut ids| {
                        ids.sort_unstable();
                        ids.dedup();
                        let mass = ids.iter().map(|&id| idf[id as usize]).sum();
                        Phrasing { terms: ids, mass }
                    })
                    .collect()
            })
            .collect();
        Self {
            terms,
            idf,
            postings,
            length_norm,
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
        QueryTerm { term: id, weight }
    }

    /// Scores answers for `query`, best first: `(answer index, score in 0..=1)`, at most `limit`,
    /// only answers that share a term with the question.
    pub fn score(&self, query: &[QueryTerm], limit: usize) -> Vec<(usize, f32)> {
        let total: f32 = query.iter().map(|term| term.weight).sum();
        if total <= 0.0 {
            return Vec::new();
        }
        let mut accumulated: HashMap<u32, f32> = HashMap::new();
        for term in query {
            let Some(id) = term.term else { continue };
            for &(document, tf) in &self.postings[id as usize] {
                let saturation = tf / (tf + self.length_norm[document as usize]);
                *accumulated.entry(document).or_default() += term.weight * saturation;
            }
        }
        let mut candidates: Vec<(usize, f32)> = accumulated
            .into_iter()
            .map(|(document, sum)| (document as usize, sum / total))
            .collect();
        sort_best_first(&mut candidates);
        candidates.truncate(RERANK_DEPTH.max(limit));
        for (document, score) in &mut candidates {
            let overlap = self.best_overlap(*document, query, total);
            *score = BM25_SHARE * *score + (1.0 - BM25_SHARE) * overlap;
        }
        sort_best_first(&mut candidates);
        candidates.truncate(limit);
        candidates
    }

    /// The best weighted Dice coefficient between the question and one phrasing of `document`.
    fn best_overlap(&self, document: usize, query: &[QueryTerm], total: f32) -> f32 {
        self.phrasings[document]
            .iter()
            .map(|phrasing| {
                let shared: f32 = query
                    .iter()
                    .filter(|term| {
                        term.term
                            .is_some_and(|id| phrasing.terms.binary_search(&id).is_ok())
                    })
                    .map(|term| term.weight)
                    .sum();
                2.0 * shared / (total + phrasing.mass)
            })
            .fold(0.0, f32::max)
    }
}

/// Sorts by score descending, then by answer index, so ties are stable.
fn sort_best_first(scored: &mut [(usize, f32)]) {
    scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
}
