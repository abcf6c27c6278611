//! `gfmd-bot export`: every stored question, one flat row each (JSON lines, or CSV with a
//! header). Members appear only as their keyed hash; the voters on a question only as counts.

use super::days::{date, day_of};
use super::model::StoredQuestion;
use serde::Serialize;
use std::io::{self, Write};

/// One exported question. Field order is the CSV column order.
#[derive(Debug, Serialize)]
pub struct ExportRow<'a> {
    /// Question id.
    pub id: i64,
    /// Unix milliseconds, UTC.
    pub at: i64,
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    /// How it reached the bot.
    pub kind: &'static str,
    /// Server id.
    pub guild_id: Option<u64>,
    /// Channel id.
    pub channel_id: Option<u64>,
    /// Keyed hash of the member (never the Discord id).
    pub member: Option<&'a str>,
    /// The question.
    pub text: &'a str,
    /// The language it was read in: en / fr / es.
    pub lang: &'static str,
    /// answer / suggest / abstain.
    pub decision: &'static str,
    /// Answer given, or best candidate.
    pub answer_id: Option<&'a str>,
    /// Best score.
    pub score: f32,
    /// Runner-up id.
    pub runner_up_id: Option<&'a str>,
    /// Runner-up score.
    pub runner_up_score: Option<f32>,
    /// Time to decide, microseconds.
    pub micros: u64,
    /// Suggestion opened.
    pub opened_answer_id: Option<&'a str>,
    /// "Not this" clicked.
    pub not_this: bool,
    /// "Helpful" votes.
    pub helpful: u32,
    /// "Not helpful" votes.
    pub not_helpful: u32,
    /// Reasons given, separated by `;`.
    pub reasons: String,
    /// How moderators resolved it.
    pub resolved: Option<&'static str>,
}

impl<'a> ExportRow<'a> {
    /// The row of one stored question.
    pub fn of(stored: &'a StoredQuestion) -> Self {
        let question = &stored.question;
        let runner_up = question.runner_up.as_ref();
        Self {
            id: stored.id.0,
            at: question.at,
            date: date(day_of(question.at)),
            kind: question.source.kind.as_str(),
            guild_id: question.source.guild_id,
            channel_id: question.source.channel_id,
            member: question.member.as_ref().map(|member| member.as_str()),
            text: &question.text,
            lang: question.lang.code(),
            decision: question.outcome.as_str(),
            answer_id: question.answer_id.as_deref(),
            score: question.score,
            runner_up_id: runner_up.map(|candidate| candidate.id.as_str()),
            runner_up_score: runner_up.map(|candidate| candidate.score),
            micros: question.micros,
            opened_answer_id: stored.opened.as_deref(),
            not_this: stored.not_this,
            helpful: stored.helpful,
            not_helpful: stored.not_helpful,
            reasons: stored
                .reasons
                .iter()
                .map(|reason| reason.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            resolved: stored.resolved.map(|how| how.as_str()),
        }
    }
}

/// Writes one JSON object per question.
pub fn json_lines(questions: &[StoredQuestion], out: &mut impl Write) -> io::Result<()> {
    for question in questions {
        serde_json::to_writer(&mut *out, &ExportRow::of(question)).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a CSV table with a header row.
pub fn csv(questions: &[StoredQuestion], out: &mut impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    for question in questions {
        writer.serialize(ExportRow::of(question))?;
    }
    if questions.is_empty() {
        // serde writes the header with the first row; an empty export still gets one.
        writer.write_record(HEADER)?;
    }
    writer.flush()?;
    Ok(())
}

/// The CSV header (the field names of [`ExportRow`]).
const HEADER: &[&str] = &[
    "id",
    "at",
    "date",
    "kind",
    "guild_id",
    "channel_id",
    "member",
    "text",
    "decision",
    "answer_id",
    "score",
    "runner_up_id",
    "runner_up_score",
    "micros",
    "opened_answer_id",
    "not_this",
    "helpful",
    "not_helpful",
    "reasons",
    "resolved",
];
