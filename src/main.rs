//! The `gfmd-bot` command line: parses arguments, sets up logging, loads the config and calls
//! the library.

use anyhow::{bail, Context, Result};
use arc_swap::ArcSwap;
use clap::{Parser, Subcommand};
use gfmd_bot::config::{self, Config};
use gfmd_bot::console::Observer;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::records::{self, cli::Recording, DataFiles, Kind};
use gfmd_bot::render::Style;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::Arc;

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
    },
    /// Answer one question, or each line of standard input.
    Ask {
        /// The question; without it, each line of standard input is a question.
        question: Option<String>,
        /// One JSON object per question: {question, answer|null, score, suggestions}.
        #[arg(long)]
        json: bool,
        /// Record each question in the database (kind "ask", no member); written before exit.
        #[arg(long)]
        record: bool,
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

fn main() -> Result<()> {
    let cli = Cli::parse();
    let (mut config, config_path) = Config::resolve(cli.config.as_deref())?;
    config.apply_env(|name| std::env::var(name).ok())?;
    let quiet = !matches!(cli.command, Some(Command::Run) | None) || token().is_none();
    gfmd_bot::logging::init(&config.logging, quiet.then_some("warn"));
    let files = DataFiles::from_config(&config, config_path.as_deref());
    let out = &mut std::io::stdout();
    match cli.command {
        Some(Command::Run) => match token() {
            Some(token) => run(config, config_path, &token),
            None => bail!(
                "{} is not set: the bot needs a token to connect to Discord",
                config::env::TOKEN
            ),
        },
        Some(Command::Check) => check(&config),
        Some(Command::Topics) => topics(&load(&config)?),
        Some(Command::Ask {
            question,
            json,
            record,
        }) => recording(&files, record, Kind::Ask, |observer| {
            ask(&load(&config)?, question, json, observer)
        }),
        Some(Command::Console { record }) => recording(&files, record, Kind::Console, |observer| {
            console(&load(&config)?, observer)
        }),
        Some(Command::Stats { days, json, chart }) => Ok(records::cli::stats(
            &files,
            days,
            json,
            chart.as_deref(),
            out,
        )?),
        Some(Command::Inbox { days, page, json }) => {
            let page = page.map(|page| usize::try_from(page).unwrap_or(usize::MAX));
            Ok(records::cli::inbox(&files, days, page, json, out)?)
        }
        Some(Command::Export { csv }) => Ok(records::cli::export(&files, csv, out)?),
        None => {
            if let Some(token) = token() {
                return run(config, config_path, &token);
            }
            eprintln!(
                "No {} set: starting the offline console.",
                config::env::TOKEN
            );
            console(&load(&config)?, None)
        }
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

/// The bot token, from the environment only.
fn token() -> Option<String> {
    std::env::var(config::env::TOKEN)
        .ok()
        .map(|token| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

fn run(config: Config, config_path: Option<PathBuf>, token: &str) -> Result<()> {
    let knowledge = Arc::new(ArcSwap::from_pointee(load(&config)?));
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(gfmd_bot::discord::run(
        config,
        config_path,
        knowledge,
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
    Knowledge::load(config).context("the answer set is invalid")
}

fn style() -> Style {
    if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Style::Color
    } else {
        Style::Plain
    }
}

fn check(config: &Config) -> Result<()> {
    let knowledge = load(config)?;
    let answers = knowledge.answers();
    for warning in answers.warnings() {
        eprintln!("warning: {warning}");
    }
    println!(
        "ok: {} answers, {} subcommands, {} synonym groups, {} warning(s)",
        answers.len(),
        answers.commands().len(),
        answers.synonyms().groups.len(),
        answers.warnings().len()
    );
    Ok(())
}

fn topics(knowledge: &Knowledge) -> Result<()> {
    for answer in knowledge.answers().answers() {
        let command = answer
            .command
            .as_deref()
            .map(|command| format!("/gfmd {command}"))
            .unwrap_or_default();
        println!("{:<28} {:<22} {}", answer.id, command, answer.title);
    }
    Ok(())
}

fn ask(
    knowledge: &Knowledge,
    question: Option<String>,
    json: bool,
    observer: Option<&dyn Observer>,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match question {
        Some(question) => gfmd_bot::console::ask(
            knowledge,
            std::iter::once(question),
            json,
            style(),
            observer,
            &mut out,
        )?,
        None => {
            let lines = std::io::stdin().lock().lines().map_while(Result::ok);
            gfmd_bot::console::ask(
                knowledge,
                lines.filter(|line| !line.trim().is_empty()),
                json,
                style(),
                observer,
                &mut out,
            )?
        }
    }
    Ok(())
}

fn console(knowledge: &Knowledge, observer: Option<&dyn Observer>) -> Result<()> {
    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    gfmd_bot::console::console(
        knowledge,
        stdin.lock(),
        &mut std::io::stdout().lock(),
        interactive,
        style(),
        observer,
    )?;
    Ok(())
}
