//! The offline front ends: `gfmd-bot ask` (one question, or one per input line, optionally as
//! JSON) and `gfmd-bot console` (a terminal chat that takes `/gfmd <subcommand>` and free text),
//! each reading and replying in one language: the one given (`--locale`), or else the language
//! each question is written in ([`crate::detect::language_of`]), falling back to
//! `[questions] language` (English when unset: offline there is no server to ask).
//!
//! A question is matched in its language ([`Knowledge::decide_in`]: a French question against
//! the answers' French text), and the answer is shown in that language (in English with a note
//! when it has no translation yet); "not sure", suggestions and buttons' words follow it too.

use crate::answers::Answer;
use crate::detect;
use crate::knowledge::{Knowledge, Verdict};
use crate::locale::Lang;
use crate::render::{self, Style};
use crate::wording::Wording;
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

/// Told about every free-form question the console or `ask` decides (`--record` stores them).
pub trait Observer {
    /// `question`, read in `lang`, was decided as `verdict`, which took `took`.
    fn decided(&self, question: &str, lang: Lang, verdict: &Verdict<'_>, took: Duration);
}

/// What the offline front ends work with: the knowledge, how replies are laid out, and who hears
/// of each decision.
#[derive(Clone, Copy)]
pub struct Offline<'a> {
    /// The answers and matcher.
    pub knowledge: &'a Knowledge,
    /// Colour and wrapping.
    pub screen: Screen,
    /// Told of every free-form question decided, if any.
    pub observer: Option<&'a dyn Observer>,
    /// The language questions are read and answered in.
    pub locale: Locale,
}

/// Which language the offline front ends read a question in and reply in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    /// Always this one (`--locale`).
    Given(Lang),
    /// The language each question is written in, or `fallback` when its text does not say
    /// (`[questions] language`, English when unset); commands such as `/gfmd objectives` reply in `fallback`.
    FromText {
        /// The language of commands, and of questions whose text does not say.
        fallback: Lang,
    },
}

impl Locale {
    /// The language of replies that are not to a question (commands, help).
    pub fn default_lang(self) -> Lang {
        match self {
            Locale::Given(lang) | Locale::FromText { fallback: lang } => lang,
        }
    }

    /// The language `question` is read and answered in.
    pub fn of(self, knowledge: &Knowledge, question: &str) -> Lang {
        match self {
            Locale::Given(lang) => lang,
            Locale::FromText { fallback } => {
                detect::language_of(knowledge, question).unwrap_or(fallback)
            }
        }
    }
}

impl<'a> Offline<'a> {
    /// Plain, unwrapped output in English and no observer.
    pub fn plain(knowledge: &'a Knowledge) -> Self {
        Self {
            knowledge,
            screen: Screen::PLAIN,
            observer: None,
            locale: Locale::Given(Lang::En),
        }
    }

    /// Decides `question` in its language, telling the observer what was decided and how long
    /// it took (finding the language included); returns the language with the verdict.
    fn decide(&self, question: &str) -> (Lang, Verdict<'a>) {
        let started = Instant::now();
        let lang = self.locale.of(self.knowledge, question);
        let verdict = self.knowledge.decide_in(lang, question);
        if let Some(observer) = self.observer {
            observer.decided(question, lang, &verdict, started.elapsed());
        }
        (lang, verdict)
    }
}

/// One line of `ask --json` output. The shape is a contract that scripts rely on.
#[derive(Debug, Serialize)]
pub struct AskReport {
    /// The question as asked.
    pub question: String,
    /// The language the question was read and answered in (`"en"`, `"fr"` or `"es"`: from
    /// `--locale`, else the question's own): the answer's and the suggestions' titles are in it
    /// where they are translated.
    pub locale: Lang,
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

/// Answers `question` as an [`AskReport`], in English.
pub fn report(knowledge: &Knowledge, question: &str) -> AskReport {
    report_of(question, &knowledge.decide(question), Lang::En)
}

/// The [`AskReport`] of `question` decided as `verdict`, in `lang`.
fn report_of(question: &str, verdict: &Verdict<'_>, lang: Lang) -> AskReport {
    AskReport {
        question: question.to_owned(),
        locale: lang,
        decision: verdict.outcome().as_str(),
        answer: verdict.answer().map(|answer| ReportAnswer {
            id: answer.id.clone(),
            embed: render::embed_in(answer, lang),
        }),
        score: round(verdict.score()),
        suggestions: verdict
            .suggestions()
            .iter()
            .map(|candidate| ReportSuggestion {
                id: candidate.answer.id.clone(),
                title: candidate.answer.title_in(lang).to_owned(),
                score: round(candidate.score),
            })
            .collect(),
    }
}

fn round(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}

/// How replies are laid out: in colour or not, and wrapped to a width or not.
#[derive(Debug, Clone, Copy)]
pub struct Screen {
    /// Colour or plain text.
    pub style: Style,
    /// The width to wrap replies at, asked anew for each reply (a terminal can be resized);
    /// `None` leaves lines whole, as scripts reading a pipe or a file expect.
    pub width: fn() -> Option<usize>,
}

impl Screen {
    /// Plain text, never wrapped: for pipes, files and tests.
    pub const PLAIN: Self = Self {
        style: Style::Plain,
        width: no_width,
    };

    fn lay_out(&self, text: String) -> String {
        match (self.width)() {
            Some(width) => render::wrap(&text, width),
            None => text,
        }
    }
}

fn no_width() -> Option<usize> {
    None
}

/// `gfmd-bot ask QUESTION`: answers each of `questions`, as text laid out for the screen or as
/// one JSON object per line.
pub fn ask(
    offline: Offline<'_>,
    questions: impl IntoIterator<Item = String>,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    for question in questions {
        answer(offline, &question, json, out)?;
    }
    Ok(())
}

/// `gfmd-bot ask` with questions on standard input: answers each line of `input` that is not
/// blank, to the end. A line that is not valid UTF-8 is still answered, read with `�` in place of
/// the bad bytes, after a warning on `warnings` that names it.
pub fn ask_each_line(
    offline: Offline<'_>,
    input: impl BufRead,
    json: bool,
    out: &mut impl Write,
    warnings: &mut impl Write,
) -> io::Result<()> {
    for line in InputLines::new(input) {
        let line = line?;
        line.warn_if_invalid(warnings);
        if !line.text.trim().is_empty() {
            answer(offline, &line.text, json, out)?;
        }
    }
    Ok(())
}

/// Writes the reply to one `ask` question.
fn answer(
    offline: Offline<'_>,
    question: &str,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    if json {
        let (lang, verdict) = offline.decide(question);
        let report = report_of(question, &verdict, lang);
        let line = serde_json::to_string(&report).map_err(io::Error::other)?;
        writeln!(out, "{line}")
    } else {
        let mut session = Session::new(offline);
        writeln!(
            out,
            "{}",
            offline.screen.lay_out(session.reply_to_text(question))
        )
    }
}

/// `gfmd-bot console`: reads lines until end of input or `/quit`, replying to each. Shows a
/// prompt and a greeting when `interactive`. A line that is not valid UTF-8 is read as
/// [`ask_each_line`] reads it, with a warning on `warnings`.
pub fn console(
    offline: Offline<'_>,
    input: impl BufRead,
    out: &mut impl Write,
    warnings: &mut impl Write,
    interactive: bool,
) -> io::Result<()> {
    let screen = offline.screen;
    let mut session = Session::new(offline);
    if interactive {
        let greeting = "gfmd-bot console: ask about the Global Forum on Migration and \
             Development.\nTry \"What are the objectives of the GFMD?\" or /gfmd objectives. \
             /help lists commands, /quit leaves.";
        writeln!(out, "{}", screen.lay_out(greeting.to_owned()))?;
        write!(out, "> ")?;
        out.flush()?;
    }
    for line in InputLines::new(input) {
        let line = line?;
        line.warn_if_invalid(warnings);
        let text = line.text.trim();
        if matches!(text, "/quit" | "/exit" | "quit" | "exit") {
            break;
        }
        if !text.is_empty() {
            writeln!(out, "{}\n", screen.lay_out(session.reply(text)))?;
        }
        if interactive {
            write!(out, "> ")?;
            out.flush()?;
        }
    }
    Ok(())
}

/// One line of input, without its line ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputLine {
    /// 1-based line number.
    pub number: usize,
    /// The text; bytes that are not valid UTF-8 are replaced with `�` (U+FFFD).
    pub text: String,
    /// Whether the line was valid UTF-8 (so `text` is exactly what was typed).
    pub valid_utf8: bool,
}

impl InputLine {
    /// Tells `warnings` that this line was not valid UTF-8, if so. A warning that cannot be
    /// written is dropped: it must not stop the answers.
    fn warn_if_invalid(&self, warnings: &mut impl Write) {
        if !self.valid_utf8 {
            let _ = writeln!(
                warnings,
                "warning: input line {} is not valid UTF-8; \
                 it was read with \u{FFFD} in place of the bad bytes",
                self.number
            );
        }
    }
}

/// The lines of a reader, numbered, each decoded as UTF-8 without losing any: unlike
/// [`BufRead::lines`], a line that is not valid UTF-8 is not an error that ends the input.
/// Read errors still are.
#[derive(Debug)]
pub struct InputLines<R> {
    input: R,
    number: usize,
}

impl<R: BufRead> InputLines<R> {
    /// The lines of `input`.
    pub fn new(input: R) -> Self {
        Self { input, number: 0 }
    }
}

impl<R: BufRead> Iterator for InputLines<R> {
    type Item = io::Result<InputLine>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut bytes = Vec::new();
        match self.input.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                if bytes.ends_with(b"\n") {
                    bytes.pop();
                    if bytes.ends_with(b"\r") {
                        bytes.pop();
                    }
                }
                let (text, valid_utf8) = match String::from_utf8(bytes) {
                    Ok(text) => (text, true),
                    Err(error) => (
                        String::from_utf8_lossy(error.as_bytes()).into_owned(),
                        false,
                    ),
                };
                Some(Ok(InputLine {
                    number: self.number,
                    text,
                    valid_utf8,
                }))
            }
            Err(error) => Some(Err(error)),
        }
    }
}

/// One console conversation: remembers the last suggestions, and their language, so that `1`,
/// `2` or `3` picks one.
struct Session<'a> {
    offline: Offline<'a>,
    knowledge: &'a Knowledge,
    style: Style,
    /// The language of commands and help.
    lang: Lang,
    last_suggestions: Vec<&'a Answer>,
    /// The language of the question the last suggestions were for.
    last_lang: Lang,
}

impl<'a> Session<'a> {
    fn new(offline: Offline<'a>) -> Self {
        let lang = offline.locale.default_lang();
        Self {
            offline,
            knowledge: offline.knowledge,
            style: offline.screen.style,
            lang,
            last_suggestions: Vec::new(),
            last_lang: lang,
        }
    }

    fn show(&mut self, answer: &Answer, lang: Lang) -> String {
        self.last_suggestions.clear();
        render::terminal(&render::embed_in(answer, lang), self.style)
    }

    /// Replies to one console line: a command, a suggestion number, or a question.
    fn reply(&mut self, line: &str) -> String {
        if let Ok(choice) = line.parse::<usize>() {
            if let Some(&answer) = choice
                .checked_sub(1)
                .and_then(|at| self.last_suggestions.get(at))
            {
                return self.show(answer, self.last_lang);
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
                let lang = self.offline.locale.of(self.knowledge, name);
                match self.knowledge.resolve_topic_in(lang, name) {
                    Some(answer) => self.show(answer, lang),
                    None => format!("No topic matches \"{name}\". Topics: {}", self.topic_list()),
                }
            }
            command => match self.knowledge.answers().by_command(command) {
                Some(answer) => self.show(answer, self.lang),
                None => format!("Unknown subcommand `/gfmd {command}`.\n{}", self.help()),
            },
        }
    }

    /// Replies to a free-form question with one of the three outcomes: the answer; a one-line
    /// "might help" offer; or "not sure" with numbered suggestions; all in the question's
    /// language.
    fn reply_to_text(&mut self, question: &str) -> String {
        let (lang, verdict) = self.offline.decide(question);
        if let Some(answer) = verdict.answer() {
            return self.show(answer, lang);
        }
        let suggestions = verdict.suggestions();
        self.last_suggestions = suggestions
            .iter()
            .map(|candidate| candidate.answer)
            .collect();
        self.last_lang = lang;
        let words = Wording::of(lang);
        match (&verdict, suggestions.first()) {
            (Verdict::Suggest { .. }, Some(best)) => format!(
                "{} {} {}",
                words.might_help,
                best.answer.title_in(lang),
                words.type_one
            ),
            _ => {
                let mut text = words.not_sure.to_owned();
                if !suggestions.is_empty() {
                    text.push(' ');
                    text.push_str(words.pick_a_number);
                    for (number, candidate) in suggestions.iter().enumerate() {
                        let title = candidate.answer.title_in(lang);
                        text.push_str(&format!("\n  {}. {title}", number + 1));
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
            text.push_str(&format!(
                "\n  /gfmd {command:<16} {}",
                answer.title_in(self.lang)
            ));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Knowledge {
        let answers = crate::answers::AnswerSet::embedded().unwrap();
        Knowledge::new(answers, crate::matcher::Settings::default())
    }

    fn ask_on(screen: Screen) -> String {
        let mut out = Vec::new();
        let question = "What are the objectives of the GFMD?".to_owned();
        let knowledge = shipped();
        let offline = Offline {
            screen,
            ..Offline::plain(&knowledge)
        };
        ask(offline, [question], false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn replies_wrap_to_the_screen_width_and_plain_output_stays_whole() {
        let narrow = ask_on(Screen {
            style: Style::Plain,
            width: || Some(40),
        });
        for line in narrow.lines() {
            assert!(line.chars().count() <= 40, "{line:?}");
        }
        let whole = ask_on(Screen::PLAIN);
        assert!(whole.lines().any(|line| line.chars().count() > 100));
        let words = |text: &str| {
            text.replace('▌', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(words(&narrow), words(&whole));
    }

    fn read(input: &[u8]) -> Vec<InputLine> {
        InputLines::new(input).map(Result::unwrap).collect()
    }

    #[test]
    fn input_lines_are_numbered_and_lose_their_line_endings() {
        let lines = read(b"one\r\ntwo\n\nlast without newline");
        let texts: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
        assert_eq!(texts, ["one", "two", "", "last without newline"]);
        assert_eq!(lines[3].number, 4);
        assert!(lines.iter().all(|line| line.valid_utf8));
    }

    #[test]
    fn a_line_that_is_not_utf8_is_kept_with_replacement_characters() {
        let lines = read(b"caf\xe9\nnext\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "caf\u{FFFD}");
        assert!(!lines[0].valid_utf8);
        assert_eq!((lines[1].number, lines[1].text.as_str()), (2, "next"));
        assert!(lines[1].valid_utf8);
    }
}
