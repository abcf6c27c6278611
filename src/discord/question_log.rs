//! One structured log line per question handled: where it came from, the outcome, the answer,
//! the score, the language of the reply and the time taken (target `gfmd_bot::questions`).

use crate::knowledge::{Outcome, Verdict};
use crate::locale::Lang;
use crate::render::quote_user_text;
use std::time::Instant;
use tracing::info;

/// What the bot did with one question, for its log line.
#[derive(Debug, Clone, PartialEq)]
pub struct Handled {
    /// Answered, suggested or abstained.
    pub outcome: Outcome,
    /// The answer given (or offered, for a suggestion).
    pub answer_id: Option<String>,
    /// The matcher's score, when the matcher was asked.
    pub score: Option<f32>,
    /// The language the question was matched and answered in (English unless told).
    pub lang: Lang,
}

impl Handled {
    /// An answer shown by name (a subcommand, a button), without asking the matcher.
    pub fn shown(answer_id: &str) -> Self {
        Self {
            outcome: Outcome::Answer,
            answer_id: Some(answer_id.to_owned()),
            score: None,
            lang: Lang::En,
        }
    }

    /// Nothing shown and no matcher asked (an unknown topic, an expired button).
    pub fn nothing() -> Self {
        Self {
            outcome: Outcome::Abstain,
            answer_id: None,
            score: None,
            lang: Lang::En,
        }
    }

    /// What the matcher's verdict led to.
    pub fn from_verdict(verdict: &Verdict<'_>) -> Self {
        let (best, _) = verdict.top_two();
        Self {
            outcome: verdict.outcome(),
            answer_id: match verdict.outcome() {
                Outcome::Abstain => None,
                _ => best.map(|candidate| candidate.answer.id.clone()),
            },
            score: Some(verdict.score()),
            lang: Lang::En,
        }
    }

    /// The same, matched and answered in `lang`.
    pub fn in_lang(self, lang: Lang) -> Self {
        Self { lang, ..self }
    }
}

/// Logs one question: `via` names where it came from (`slash`, `message`, `button`…).
pub fn log_question(via: &str, question: &str, handled: &Handled, started: Instant) {
    let micros = started.elapsed().as_micros() as u64;
    let question = quote_user_text(question, 120);
    let answer = handled.answer_id.as_deref();
    let score = handled.score;
    let lang = handled.lang.code();
    match handled.outcome {
        Outcome::Answer => {
            info!(target: "gfmd_bot::questions", via, answer, score, lang, micros, question = %question, "answered")
        }
        Outcome::Suggest => {
            info!(target: "gfmd_bot::questions", via, answer, score, lang, micros, question = %question, "suggested")
        }
        Outcome::Abstain => {
            info!(target: "gfmd_bot::questions", via, score, lang, micros, question = %question, "abstained")
        }
    }
}
