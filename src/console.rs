//! The offline front ends: `gfmd-bot ask` (one question, or one per input line, optionally as
//! JSON) and `gfmd-bot console` (a terminal chat that takes `/gfmd <subcommand>` and free text).
//! An [`Observer`] hears of every question decided (`--record` stores them).

use crate::answers::Answer;
use crate::knowledge::Knowledge;
use crate::matcher::{Decision, Scored};
use crate::render::{self, Style};
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

/// Told about every free-form question the console or `ask` decides.
pub trait Observer {
    /// `question` was decided as `decision` by `knowledge`, taking `took`.
    fn decided(&self, knowledge: &Knowledge, question: &str, decision: &Decision, took: Duration);
}

/// Decides `question`, telling `observer` what was decided and how long it took.
fn decide(knowledge: &Knowledge, question: &str, observer: Option<&dyn Observer>) -> Decision {
    let started = Instant::now();
    let decision = knowledge.decide(question);
    if let Some(observer) = observer {
        observer.decided(knowledge, question, &decision, started.elapsed());
    }
    decision
}

/// One line of `ask --json` output. The shape is a contract that scripts rely on.
#[derive(Debug, Serialize)]
pub struct AskReport {
    /// The question as asked.
    pub question: String,
    /// The answer, or `null` when the bot abstains.
    pub answer: Option<ReportAnswer>,
    /// The best score seen (0..1), answered or not.
    pub score: f32,
    /// "Did you mean" suggestions when abstaining (empty when answering).
    pub suggestions: Vec<ReportSuggestion>,
}

/// The answer part of an [`AskReport`].
#[derive(Debug, Serialize)]
pub struct ReportAnswer {
    /// Answer id.
    pub id: String,
    /// Rendered embed (title, description, fields, footer, url).
    #[serde(flatten)]
    pub embed: render::Embed,
}

/// A suggestion in an [`AskReport`].
#[derive(Debug, Serialize)]
pub struct ReportSuggestion {
    /// Answer id.
    pub id: String,
    /// Answer title.
    pub title: String,
    /// Score (0..1).
    pub score: f32,
}

/// Answers `question` as an [`AskReport`].
pub fn report(knowledge: &Knowledge, question: &str) -> AskReport {
    report_of(knowledge, question, &knowledge.decide(question))
}

/// The [`AskReport`] of `question` decided as `decision`.
fn report_of(knowledge: &Knowledge, question: &str, decision: &Decision) -> AskReport {
    let suggestion = |scored: &Scored| {
        let answer = knowledge.answer_at(scored.index);
        ReportSuggestion {
            id: answer.id.clone(),
            title: answer.title.clone(),
            score: round(scored.score),
        }
    };
    let (answer, suggestions) = match decision {
        Decision::Answer { best, .. } => {
            let answer = knowledge.answer_at(best.index);
            let report = ReportAnswer {
                id: answer.id.clone(),
                embed: render::embed(answer),
            };
            (Some(report), Vec::new())
        }
        Decision::Abstain { suggestions, .. } => {
            (None, suggestions.iter().map(suggestion).collect())
        }
    };
    AskReport {
        question: question.to_owned(),
        answer,
        score: round(decision.score()),
        suggestions,
    }
}

fn round(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}

/// `gfmd-bot ask`: answers each question, as text or as one JSON object per line.
pub fn ask(
    knowledge: &Knowledge,
    questions: impl Iterator<Item = String>,
    json: bool,
    style: Style,
    observer: Option<&dyn Observer>,
    out: &mut impl Write,
) -> io::Result<()> {
    for question in questions {
        if json {
            let decision = decide(knowledge, &question, observer);
            let report = report_of(knowledge, &question, &decision);
            let line = serde_json::to_string(&report).map_err(io::Error::other)?;
            writeln!(out, "{line}")?;
        } else {
            let mut session = Session::new(knowledge, style, observer);
            writeln!(out, "{}", session.reply_to_text(&question))?;
        }
    }
    Ok(())
}

/// `gfmd-bot console`: reads lines until end of input or `/quit`, replying to each. Shows a
/// prompt and a greeting when `interactive`.
pub fn console(
    knowledge: &Knowledge,
    input: impl BufRead,
    out: &mut impl Write,
    interactive: bool,
    style: Style,
    observer: Option<&dyn Observer>,
) -> io::Result<()> {
    let mut session = Session::new(knowledge, style, observer);
    if interactive {
        writeln!(
            out,
            "gfmd-bot console: ask about the Global Forum on Migration and Development.\n\
             Try \"What are the objectives of the GFMD?\" or /gfmd objectives. /help lists commands, /quit leaves."
        )?;
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in input.lines() {
        let line = line?;
        let line = line.trim();
        if matches!(line, "/quit" | "/exit" | "quit" | "exit") {
            break;
        }
        if !line.is_empty() {
            writeln!(out, "{}\n", session.reply(line))?;
        }
        if interactive {
            write!(out, "> ")?;
            out.flush()?;
        }
    }
    Ok(())
}

/// One console conversation: remembers the last suggestions so that `1`, `2` or `3` picks one.
struct Session<'a> {
    knowledge: &'a Knowledge,
    style: Style,
    last_suggestions: Vec<usize>,
    observer: Option<&'a dyn Observer>,
}

impl<'a> Session<'a> {
    fn new(knowledge: &'a Knowledge, style: Style, observer: Option<&'a dyn Observer>) -> Self {
        Self {
            knowledge,
            style,
            last_suggestions: Vec::new(),
            observer,
        }
    }

    fn show(&mut self, answer: &Answer) -> String {
        self.last_suggestions.clear();
        render::terminal(&render::embed(answer), self.style)
    }

    /// Replies to one console line: a command, a suggestion number, or a question.
    fn reply(&mut self, line: &str) -> String {
        if let Ok(choice) = line.parse::<usize>() {
            if let Some(&index) = choice
                .checked_sub(1)
                .and_then(|at| self.last_suggestions.get(at))
            {
                let answer = self.knowledge.answer_at(index);
                return self.show(answer);
            }
        }
        if matches!(line, "/help" | "/gfmd" | "help") {
            return self.help();
        }
        let Some(rest) = line.strip_prefix("/gfmd") else {
            return self.reply_to_text(line);
        };
        let rest = rest.trim();
        let (subcommand, argument) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let argument = argument.trim();
        match subcommand {
            "ask" => self.reply_to_text(strip_option(argument, "question")),
            "topic" => {
                let name = strip_option(argument, "name");
                match self.knowledge.resolve_topic(name) {
                    Some(answer) => self.show(answer),
                    None => format!("No topic matches \"{name}\". Topics: {}", self.topic_list()),
                }
            }
            command => match self.knowledge.answers().by_command(command) {
                Some(answer) => self.show(answer),
                None => format!("Unknown subcommand `/gfmd {command}`.\n{}", self.help()),
            },
        }
    }

    /// Replies to a free-form question: the answer, or "not sure" with numbered suggestions.
    fn reply_to_text(&mut self, question: &str) -> String {
        match decide(self.knowledge, question, self.observer) {
            Decision::Answer { best, .. } => {
                let answer = self.knowledge.answer_at(best.index);
                self.show(answer)
            }
            Decision::Abstain { suggestions, .. } => {
                self.last_suggestions = suggestions.iter().map(|scored| scored.index).collect();
                let mut text = String::from("I'm not sure I can answer that from the GFMD source.");
                if !suggestions.is_empty() {
                    text.push_str(" Did you mean (type the number):");
                    for (number, scored) in suggestions.iter().enumerate() {
                        let answer = self.knowledge.answer_at(scored.index);
                        text.push_str(&format!("\n  {}. {}", number + 1, answer.title));
                    }
                }
                text
            }
        }
    }

    fn topic_list(&self) -> String {
        self.knowledge
            .answers()
            .answers()
            .iter()
            .map(|answer| answer.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn help(&self) -> String {
        let mut text = String::from(
            "Ask a question in plain words, or use:\n  /gfmd ask <question>\n  /gfmd topic <id or title>",
        );
        for answer in self.knowledge.answers().commands() {
            let command = answer.command.as_deref().unwrap_or_default();
            text.push_str(&format!("\n  /gfmd {command:<16} {}", answer.title));
        }
        text.push_str("\n  /quit");
        text
    }
}

/// `question:text` -> `text` (Discord's option syntax is accepted but not required).
fn strip_option<'t>(argument: &'t str, option: &str) -> &'t str {
    argument
        .strip_prefix(option)
        .and_then(|rest| rest.strip_prefix(':'))
        .unwrap_or(argument)
        .trim()
}
