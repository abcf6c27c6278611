//! The offline front ends: `gfmd-bot ask` (one question, or one per input line, optionally as
//! JSON) and `gfmd-bot console` (a terminal chat that takes `/gfmd <subcommand>` and free text).

use crate::answers::Answer;
use crate::knowledge::{Knowledge, Verdict};
use crate::render::{self, wording, Style};
use serde::Serialize;
use std::io::{self, BufRead, Write};

/// One line of `ask --json` output. The shape is a contract that scripts rely on.
#[derive(Debug, Serialize)]
pub struct AskReport {
    /// The question as asked.
    pub question: String,
    /// `"answer"`, `"suggest"` or `"abstain"`.
    pub decision: &'static str,
    /// The answer, or `null` unless the decision is `"answer"`.
    pub answer: Option<ReportAnswer>,
    /// The best score seen (0..1), answered or not.
    pub score: f32,
    /// The candidates offered instead of an answer, best first (empty when answering).
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
    let verdict = knowledge.decide(question);
    AskReport {
        question: question.to_owned(),
        decision: verdict.outcome().as_str(),
        answer: verdict.answer().map(|answer| ReportAnswer {
            id: answer.id.clone(),
            embed: render::embed(answer),
        }),
        score: round(verdict.score()),
        suggestions: verdict
            .suggestions()
            .iter()
            .map(|candidate| ReportSuggestion {
                id: candidate.answer.id.clone(),
                title: candidate.answer.title.clone(),
                score: round(candidate.score),
            })
            .collect(),
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
    out: &mut impl Write,
) -> io::Result<()> {
    for question in questions {
        if json {
            let line =
                serde_json::to_string(&report(knowledge, &question)).map_err(io::Error::other)?;
            writeln!(out, "{line}")?;
        } else {
            let mut session = Session::new(knowledge, style);
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
) -> io::Result<()> {
    let mut session = Session::new(knowledge, style);
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
    last_suggestions: Vec<&'a Answer>,
}

impl<'a> Session<'a> {
    fn new(knowledge: &'a Knowledge, style: Style) -> Self {
        Self {
            knowledge,
            style,
            last_suggestions: Vec::new(),
        }
    }

    fn show(&mut self, answer: &Answer) -> String {
        self.last_suggestions.clear();
        render::terminal(&render::embed(answer), self.style)
    }

    /// Replies to one console line: a command, a suggestion number, or a question.
    fn reply(&mut self, line: &str) -> String {
        if let Ok(choice) = line.parse::<usize>() {
            if let Some(&answer) = choice
                .checked_sub(1)
                .and_then(|at| self.last_suggestions.get(at))
            {
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

    /// Replies to a free-form question with one of the three outcomes: the answer; a one-line
    /// "might help" offer; or "not sure" with numbered suggestions.
    fn reply_to_text(&mut self, question: &str) -> String {
        let verdict = self.knowledge.decide(question);
        if let Some(answer) = verdict.answer() {
            return self.show(answer);
        }
        let suggestions = verdict.suggestions();
        self.last_suggestions = suggestions
            .iter()
            .map(|candidate| candidate.answer)
            .collect();
        match (&verdict, suggestions.first()) {
            (Verdict::Suggest { .. }, Some(best)) => format!(
                "{} {} (type 1 to see it)",
                wording::MIGHT_HELP,
                best.answer.title
            ),
            _ => {
                let mut text = wording::NOT_SURE.to_owned();
                if !suggestions.is_empty() {
                    text.push_str(" Did you mean (type the number):");
                    for (number, candidate) in suggestions.iter().enumerate() {
                        text.push_str(&format!("\n  {}. {}", number + 1, candidate.answer.title));
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
