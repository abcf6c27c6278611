//! The `gfmd-bot` command line: parses arguments, sets up logging, loads the config and calls
//! the library.

use anyhow::{bail, Context, Result};
use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand};
use gfmd_bot::config::{self, Config, Environment};
use gfmd_bot::console::{Locale, Observer, Offline, Screen};
use gfmd_bot::keeper::Keeper;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::records::{self, cli::Recording, DataFiles, Kind};
use gfmd_bot::render::Style;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// jemalloc instead of the system's allocator: matching a message makes many small, short-lived
/// allocations, which jemalloc serves faster, and the bot's memory stays smaller (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Answers questions about the Global Forum on Migration and Development (GFMD), on Discord or in
/// the terminal. With no command: runs the Discord bot when DISCORD_TOKEN is set, else the
/// console.
#[derive(Parser)]
#[command(name = "gfmd-bot", version, about, long_about = None)]
struct Cli {
    /// Config file (default: ./config.toml when present, else built-in defaults).
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Discord bot (needs DISCORD_TOKEN in the environment).
    Run,
    /// Chat with the bot in the terminal (no Discord token needed).
    Console {
        /// Record each question in the database (kind "console", no member).
        #[arg(long)]
        record: bool,
        #[command(flatten)]
        locale: LocaleArg,
    },
    /// Answer one question, or each line of standard input.
    Ask {
        /// The question; without it, each line of standard input is a question.
        question: Option<String>,
        /// One JSON object per question: {question, locale, decision, answer|null, score,
        /// suggestions}.
        #[arg(long)]
        json: bool,
        /// Record each question in the database (kind "ask", no member); written before exit.
        #[arg(long)]
        record: bool,
        #[command(flatten)]
        locale: LocaleArg,
    },
    /// Statistics of the recorded questions.
    Stats {
        /// The last N days (UTC), today included.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// One JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Also draw the daily chart as a PNG file here.
        #[arg(long, value_name = "PNG")]
        chart: Option<PathBuf>,
    },
    /// The moderators' inbox: missed questions, near-duplicates grouped, most frequent first.
    Inbox {
        /// The last N days (UTC), today included.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
        days: u32,
        /// Show page N (10 groups a page) instead of every group.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        page: Option<u64>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Every recorded question: JSON lines, or CSV (members only as keyed hashes).
    Export {
        /// CSV with a header row instead of JSON lines.
        #[arg(long)]
        csv: bool,
    },
    /// List the answers: id, subcommand and title.
    Topics,
    /// Validate the config and the answer set; exits non-zero on errors.
    Check,
}

/// `--locale` of `ask` and `console`.
#[derive(clap::Args)]
struct LocaleArg {
    /// Read questions and reply in this language: English, French or Spanish (questions are
    /// matched against the answers' text in it; an answer with no translation yet is shown in
    /// English, with a note). Without it, each question is read in the language it is written
    /// in, or in `[questions] language` of the config (English when unset) when its text does
    /// not say.
    #[arg(
        long = "locale",
        value_name = "LANG",
        value_parser = clap::builder::PossibleValuesParser::new(["en", "fr", "es"])
            .map(|code| code.parse::<Lang>().unwrap_or_default()),
    )]
    lang: Option<Lang>,
}

impl LocaleArg {
    /// The language given, or the text's own with `fallback`.
    fn locale(&self, fallback: Lang) -> Locale {
        match self.lang {
            Some(lang) => Locale::Given(lang),
            None => Locale::FromText { fallback },
        }
    }
}

/// Runs the command; an error is printed as one line of causes (`error: <what>: <why>`), never as
/// a debug dump or a backtrace, and the exit status is 1.
fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // If standard error is gone too, there is no one left to tell.
            let _ = writeln!(std::io::stderr(), "error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> Result<()> {
    let (mut config, config_path) = Config::resolve(cli.config.as_deref())?;
    let environment = Environment::capture();
    config.apply_env(|name| environment.get(name))?;
    let quiet = !matches!(cli.command, Some(Command::Run) | None) || token().is_none();
    gfmd_bot::logging::init(&config.logging, quiet.then_some("warn"));
    let files = DataFiles::from_config(&config, config_path.as_deref());
    let offline = match cli.command {
        Some(Command::Run) => {
            return match token() {
                Some(token) => run(config, config_path, environment, &token),
                None => bail!(
                    "{} is not set: the bot needs a token to connect to Discord",
                    config::env::TOKEN
                ),
            }
        }
        Some(Command::Check) => check(&config),
        Some(Command::Topics) => load(&config).and_then(|knowledge| topics(&knowledge)),
        Some(Command::Ask {
            question,
            json,
            record,
            locale,
        }) => recording(&files, record, Kind::Ask, |observer| {
            let locale = locale.locale(config.questions.language.unwrap_or_default());
            ask(&load(&config)?, observer, locale, question, json)
        }),
        Some(Command::Console { record, locale }) => {
            recording(&files, record, Kind::Console, |observer| {
                let locale = locale.locale(config.questions.language.unwrap_or_default());
                console(&load(&config)?, observer, locale)
            })
        }
        Some(Command::Stats { days, json, chart }) => {
            let out = &mut std::io::stdout();
            records::cli::stats(&files, days, json, chart.as_deref(), out).map_err(Into::into)
        }
        Some(Command::Inbox { days, page, json }) => {
            let page = page.map(|page| usize::try_from(page).unwrap_or(usize::MAX));
            records::cli::inbox(&files, days, page, json, &mut std::io::stdout())
                .map_err(Into::into)
        }
        Some(Command::Export { csv }) => {
            records::cli::export(&files, csv, &mut std::io::stdout()).map_err(Into::into)
        }
        None => {
            if let Some(token) = token() {
                return run(config, config_path, environment, &token);
            }
            notice(&format!(
                "No {} set: starting the offline console.",
                config::env::TOKEN
            ));
            let locale = Locale::FromText {
                fallback: config.questions.language.unwrap_or_default(),
            };
            load(&config).and_then(|knowledge| console(&knowledge, None, locale))
        }
    };
    quiet_when_stdout_closes(offline)
}

/// The offline commands end quietly, with success, when whoever reads their output has gone
/// (`gfmd-bot ask … | head -1`), as command-line tools do. Rust ignores SIGPIPE, so the closed
/// pipe arrives as an error from a write; these commands write to no pipe but standard output
/// (and never print to standard error with a macro that would panic), so a broken pipe here is
/// standard output closing.
fn quiet_when_stdout_closes(result: Result<()>) -> Result<()> {
    match result {
        Err(error)
            if error.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|error| error.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        result => result,
    }
}

/// Runs `front_end`, recording what it decides when `record` is set and writing it all before
/// returning.
fn recording(
    files: &DataFiles,
    record: bool,
    kind: Kind,
    front_end: impl FnOnce(Option<&dyn Observer>) -> Result<()>,
) -> Result<()> {
    if !record {
        return front_end(None);
    }
    let recording = Recording::start(files, kind)?;
    let result = front_end(Some(&recording));
    recording.finish()?;
    result
}

/// A line on standard error that is not worth failing for if standard error is gone
/// (`eprintln!` would panic).
fn notice(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The bot token, from the environment only.
fn token() -> Option<String> {
    std::env::var(config::env::TOKEN)
        .ok()
        .map(|token| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

fn run(
    config: Config,
    config_path: Option<PathBuf>,
    environment: Environment,
    token: &str,
) -> Result<()> {
    let keeper = Keeper::start(config.clone(), config_path, environment)
        .context("the answer set is invalid")?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(gfmd_bot::discord::run(
        config,
        Arc::new(keeper),
        token,
        shutdown_signal(),
    ))?;
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => {
                    let _ = interrupt.await;
                    return;
                }
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = interrupt.await;
}

fn load(config: &Config) -> Result<Knowledge> {
    Knowledge::load(config).context("cannot load the answer set")
}

/// Colour and wrapping when standard output is a terminal (colour unless NO_COLOR is set);
/// plain, whole lines for a pipe or a file.
fn screen() -> Screen {
    if !std::io::stdout().is_terminal() {
        return Screen::PLAIN;
    }
    let style = if std::env::var_os("NO_COLOR").is_none() {
        Style::Color
    } else {
        Style::Plain
    };
    Screen {
        style,
        width: terminal_width,
    }
}

/// The width of the terminal on standard output, if it is one.
fn terminal_width() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(width), _)| usize::from(width))
}

fn check(config: &Config) -> Result<()> {
    let knowledge = load(config)?;
    let answers = knowledge.answers();
    for warning in answers.warnings() {
        notice(&format!("warning: {warning}"));
    }
    let translated: Vec<String> = Lang::TRANSLATED
        .into_iter()
        .map(|lang| {
            format!(
                "{} {}/{} answers, {} synonym groups",
                lang.english_name(),
                answers.translated_count(lang),
                answers.len(),
                answers.synonyms_in(lang).groups.len()
            )
        })
        .collect();
    writeln!(
        std::io::stdout(),
        "ok: {} answers, {} subcommands, {} synonym groups, {} warning(s); {}",
        answers.len(),
        answers.commands().len(),
        answers.synonyms().groups.len(),
        answers.warnings().len(),
        translated.join("; ")
    )?;
    Ok(())
}

fn topics(knowledge: &Knowledge) -> Result<()> {
    let mut out = std::io::stdout().lock();
    for answer in knowledge.answers().answers() {
        let command = answer
            .command
            .as_deref()
            .map(|command| format!("/gfmd {command}"))
            .unwrap_or_default();
        writeln!(out, "{:<28} {:<22} {}", answer.id, command, answer.title)?;
    }
    Ok(())
}

fn offline<'a>(
    knowledge: &'a Knowledge,
    observer: Option<&'a dyn Observer>,
    locale: Locale,
) -> Offline<'a> {
    Offline {
        knowledge,
        screen: screen(),
        observer,
        locale,
    }
}

fn ask(
    knowledge: &Knowledge,
    observer: Option<&dyn Observer>,
    locale: Locale,
    question: Option<String>,
    json: bool,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let offline = offline(knowledge, observer, locale);
    match question {
        Some(question) => gfmd_bot::console::ask(offline, [question], json, &mut out)?,
        None => gfmd_bot::console::ask_each_line(
            offline,
            std::io::stdin().lock(),
            json,
            &mut out,
            &mut std::io::stderr(),
        )?,
    }
    Ok(())
}

fn console(knowledge: &Knowledge, observer: Option<&dyn Observer>, locale: Locale) -> Result<()> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    gfmd_bot::console::console(
        offline(knowledge, observer, locale),
        stdin.lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr(),
        interactive,
    )?;
    Ok(())
}
