//! The offline commands over the records — `gfmd-bot stats`, `inbox` and `export`, which read
//! the database read-only (alongside a running bot: WAL readers never block its writer) — and
//! [`Recording`], which stores what `ask --record` and `console --record` decide.

use super::chart;
use super::export;
use super::files::DataFiles;
use super::inbox::{self, InboxPage, PAGE_SIZE};
use super::member::MemberKey;
use super::model::{now_millis, Kind, Question, Source};
use super::recorder::Recorder;
use super::sqlite::SqliteStorage;
use super::stats::{self, Stats};
use super::status::ShutdownReport;
use super::storage::StorageError;
use crate::console::Observer;
use crate::knowledge::Verdict;
use crate::locale::Lang;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

/// Why an offline command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The database could not be read or written.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Output or files failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// CSV output failed.
    #[error(transparent)]
    Csv(#[from] csv::Error),
    /// The chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] chart::ChartError),
    /// Recorded questions could not be stored before exiting.
    #[error("{count} recorded question(s) could not be written to {database}")]
    Unwritten {
        /// How many.
        count: usize,
        /// The database.
        database: String,
    },
}

/// `gfmd-bot stats`: a text table, or one JSON object; with `chart`, also the PNG chart there.
pub fn stats(
    files: &DataFiles,
    days: u32,
    json: bool,
    chart_path: Option<&Path>,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut storage = files.open_read_only()?;
    let stats = stats::stats(&mut storage, days, now_millis())?;
    if let Some(path) = chart_path {
        let title = format!(
            "gfmd-bot: questions per day, {} to {}",
            stats.from, stats.to
        );
        let labels = chart::Labels::of(&title, &crate::wording::ENGLISH.moderation.stats);
        let png = chart::daily_png(&stats.daily, &labels, chart::WIDTH, chart::HEIGHT)?;
        std::fs::write(path, png)?;
    }
    if json {
        serde_json::to_writer(&mut *out, &stats).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_stats(&stats, out)?;
    }
    Ok(())
}

/// `gfmd-bot inbox`: every group (or page `page` of [`PAGE_SIZE`]), as text or one JSON object.
pub fn inbox(
    files: &DataFiles,
    days: u32,
    page: Option<usize>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), CliError> {
    let mut storage = files.open_read_only()?;
    let (number, per_page) = page.map_or((1, usize::MAX), |page| (page, PAGE_SIZE));
    let inbox = inbox::inbox(&mut storage, days, now_millis(), number, per_page)?;
    if json {
        serde_json::to_writer(&mut *out, &inbox).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_inbox(&inbox, out)?;
    }
    Ok(())
}

/// `gfmd-bot export`: every stored question as JSON lines, or CSV.
pub fn export(files: &DataFiles, csv: bool, out: &mut impl Write) -> Result<(), CliError> {
    use super::storage::Storage;
    let mut storage = files.open_read_only()?;
    let questions = storage.questions_since(i64::MIN)?;
    if csv {
        export::csv(&questions, out)?;
    } else {
        export::json_lines(&questions, out)?;
    }
    Ok(())
}

fn percent(share: f64) -> String {
    format!("{:5.1}%", share * 100.0)
}

fn duration(micros: Option<u64>) -> String {
    micros.map_or_else(
        || "-".to_owned(),
        |micros| format!("{:.2} ms", micros as f64 / 1000.0),
    )
}

/// The statistics as a text table.
fn write_stats(stats: &Stats, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "Last {} day(s), {} to {} (UTC)",
        stats.days, stats.from, stats.to
    )?;
    writeln!(out, "  questions            {:>6}", stats.questions)?;
    writeln!(
        out,
        "  answered             {:>6}  {}",
        stats.answered,
        percent(stats.answered_share)
    )?;
    writeln!(
        out,
        "  suggested            {:>6}  {}",
        stats.suggested,
        percent(stats.suggested_share)
    )?;
    writeln!(
        out,
        "  silent (abstained)   {:>6}  {}",
        stats.abstained,
        percent(stats.abstained_share)
    )?;
    writeln!(
        out,
        "  helpful / not        {:>6} / {}",
        stats.helpful, stats.not_helpful
    )?;
    writeln!(
        out,
        "  time to decide       median {}, p99 {}",
        duration(stats.median_micros),
        duration(stats.p99_micros)
    )?;
    writeln!(out, "Top answers")?;
    for answer in &stats.top_answers {
        writeln!(out, "  {:>5}  {}", answer.count, answer.id)?;
    }
    writeln!(out, "Top unanswered")?;
    for group in &stats.top_unanswered {
        writeln!(
            out,
            "  {:>5}  {}  [{}]",
            group.count, group.example, group.key
        )?;
    }
    writeln!(out, "Daily (answered / suggested / silent)")?;
    for day in &stats.daily {
        writeln!(
            out,
            "  {}  {:>4} / {:>4} / {:>4}",
            day.date, day.answered, day.suggested, day.abstained
        )?;
    }
    Ok(())
}

/// The inbox as text: one line per group.
fn write_inbox(inbox: &InboxPage, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "Inbox, last {} day(s): {} group(s), {} question(s); page {} of {}",
        inbox.window.days, inbox.total_groups, inbox.total_questions, inbox.page, inbox.pages
    )?;
    for group in &inbox.groups {
        let misses = &group.misses;
        let mut why = Vec::new();
        for (count, name) in [
            (misses.unanswered, "unanswered"),
            (misses.not_opened, "suggestion not opened"),
            (misses.not_this, "not this"),
            (misses.not_helpful, "not helpful"),
        ] {
            if count > 0 {
                why.push(format!("{count} {name}"));
            }
        }
        writeln!(out, "  {:>4}×  {}", group.count, group.example)?;
        writeln!(
            out,
            "         {}; bot leaned to: {}; key {}",
            why.join(", "),
            if group.candidates.is_empty() {
                "-".to_owned()
            } else {
                group.candidates.join(", ")
            },
            group.key
        )?;
    }
    Ok(())
}

/// Records the questions `ask --record` and `console --record` decide: a recorder on a small
/// runtime of its own, and [`Recording::finish`] to write everything before the process exits.
pub struct Recording {
    runtime: tokio::runtime::Runtime,
    recorder: Recorder,
    kind: Kind,
    database: String,
}

impl Recording {
    /// Starts recording questions of `kind` (`Ask` or `Console`) into `files`.
    pub fn start(files: &DataFiles, kind: Kind) -> Result<Self, CliError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        // Offline questions have no member, so no member key is needed (or created).
        let key = MemberKey::generate()?;
        let recorder = {
            let _inside = runtime.enter();
            Recorder::start(SqliteStorage::new(&files.database), key, files.options())
        };
        Ok(Self {
            runtime,
            recorder,
            kind,
            database: files.database.display().to_string(),
        })
    }

    /// Writes everything recorded and stops; an error when some of it could not be written.
    pub fn finish(self) -> Result<ShutdownReport, CliError> {
        let report = self.runtime.block_on(self.recorder.shutdown());
        if report.unwritten > 0 {
            return Err(CliError::Unwritten {
                count: report.unwritten,
                database: self.database,
            });
        }
        Ok(report)
    }
}

impl Observer for Recording {
    fn decided(&self, question: &str, lang: Lang, verdict: &Verdict<'_>, took: Duration) {
        let source = Source::offline(self.kind);
        let question = Question::decided(source, None, question, lang, verdict, took);
        self.recorder.question(question);
    }
}
