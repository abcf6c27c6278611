//! The records on the command line, as an operator runs them: the issue's done-when check
//! (`ask --record`, then `inbox --json` and `stats --json`), `console --record`, `export` (JSON
//! lines and CSV, members only as hashes), `stats --chart`, where the database goes (`[data]
//! database`, `GFMD_DATABASE`, next to the config file), and the errors.
//!
//! Like `tests/cli.rs`: every run starts in an empty temporary directory with the environment
//! overrides removed and standard input piped or closed.

mod common;

use common::binary::{assert_success, gfmd_bot, run, stderr, stdout};
use gfmd_bot::locale::Lang;
use gfmd_bot::records::{
    Event, Kind, MemberKey, Outcome, Question, RecordId, Source, SqliteStorage, Storage,
};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The standard output of a successful run.
fn ok(dir: &Path, args: &[&str], input: &str) -> String {
    let output = run(gfmd_bot(dir, args), input);
    assert_success(&output);
    stdout(&output)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text.trim()).unwrap_or_else(|error| panic!("{error}: {text}"))
}

/// A config directory with an empty config file `C`, and a separate working directory.
struct Setup {
    config_dir: TempDir,
    work: TempDir,
}

impl Setup {
    fn new() -> Self {
        let config_dir = TempDir::new().unwrap();
        std::fs::write(config_dir.path().join("C"), "").unwrap();
        Self {
            config_dir,
            work: TempDir::new().unwrap(),
        }
    }

    fn config(&self) -> String {
        self.config_dir.path().join("C").display().to_string()
    }

    /// Where the database goes by default: next to the config file.
    fn database(&self) -> PathBuf {
        self.config_dir.path().join("data/gfmd-bot.sqlite3")
    }

    fn run(&self, args: &[&str], input: &str) -> String {
        let config = self.config();
        let mut all = args.to_vec();
        all.extend(["--config", &config]);
        ok(self.work.path(), &all, input)
    }
}

#[test]
fn a_recorded_question_the_bot_cannot_answer_shows_in_the_inbox_and_the_statistics() {
    let setup = Setup::new();
    setup.run(
        &["ask", "--record"],
        "my cat knocked over the plant again\n",
    );
    assert!(
        setup.database().exists(),
        "the database is next to the config file"
    );

    let inbox = json(&setup.run(&["inbox", "--json"], ""));
    assert_eq!(inbox["total_questions"], 1);
    assert_eq!(
        inbox["groups"][0]["example"],
        "my cat knocked over the plant again"
    );
    assert_eq!(inbox["groups"][0]["misses"]["unanswered"], 1);
    let stats = json(&setup.run(&["stats", "--json"], ""));
    assert_eq!(stats["questions"], 1);
    assert_eq!(stats["abstained"], 1);
    assert_eq!(stats["answered"], 0);

    let text = setup.run(&["inbox"], "");
    assert!(text.contains("1 group(s), 1 question(s)"), "{text}");
    assert!(
        text.contains("my cat knocked over the plant again"),
        "{text}"
    );
}

#[test]
fn ask_without_record_writes_nothing() {
    let setup = Setup::new();
    setup.run(&["ask"], "my cat knocked over the plant again\n");
    setup.run(
        &["ask", "--json", "what are the objectives of the GFMD?"],
        "",
    );
    assert!(!setup.config_dir.path().join("data").exists());
    assert!(!setup.work.path().join("data").exists());
}

#[test]
fn console_record_stores_each_question_it_decides() {
    let setup = Setup::new();
    let input =
        "What are the objectives of the GFMD?\n/gfmd objectives\nwhat is the price of tea\n";
    setup.run(&["console", "--record"], input);
    let lines = setup.run(&["export"], "");
    let rows: Vec<Value> = lines.lines().map(json).collect();
    let decided: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|row| {
            (
                row["kind"].as_str().unwrap(),
                row["text"].as_str().unwrap(),
                row["decision"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        decided,
        [
            ("console", "What are the objectives of the GFMD?", "answer"),
            ("console", "what is the price of tea", "abstain"),
        ],
        "free-form questions are recorded; /gfmd subcommands are not decided by the matcher"
    );
    assert!(rows.iter().all(|row| row["member"].is_null()));
    assert_eq!(rows[0]["answer_id"], "objectives");
}

#[test]
fn export_gives_member_hashes_never_raw_ids() {
    let setup = Setup::new();
    let raw: u64 = 987_654_321_098_765_432;
    let member = MemberKey::from_bytes([3; 32]).hash(raw);
    let question = Question {
        at: gfmd_bot::records::now_millis(),
        source: Source::discord(Kind::Mention, Some(1), Some(2)),
        member: Some(member.clone()),
        text: "who, \"exactly\", runs the GFMD?".to_owned(),
        lang: Lang::En,
        outcome: Outcome::Abstain,
        answer_id: None,
        score: 0.1,
        runner_up: None,
        micros: 99,
    };
    SqliteStorage::open(setup.database())
        .unwrap()
        .write(&[Event::Question {
            id: RecordId(5),
            question,
        }])
        .unwrap();

    let csv = setup.run(&["export", "--csv"], "");
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("id,at,date,kind,guild_id,channel_id,member,text,lang,decision,"));
    let row = lines.next().unwrap();
    assert!(row.starts_with("5,"), "{row}");
    assert!(row.contains(member.as_str()), "{row}");
    assert!(
        row.contains(r#""who, ""exactly"", runs the GFMD?""#),
        "quoted: {row}"
    );
    let jsonl = setup.run(&["export"], "");
    assert_eq!(json(&jsonl)["member"], member.as_str());
    for output in [&csv, &jsonl] {
        assert!(!output.contains(&raw.to_string()));
    }
}

#[test]
fn stats_draws_the_chart_when_asked() {
    let setup = Setup::new();
    setup.run(
        &["ask", "--record", "what are the objectives of the GFMD?"],
        "",
    );
    let chart = setup.work.path().join("chart.png");
    let text = setup.run(
        &["stats", "--days", "7", "--chart", chart.to_str().unwrap()],
        "",
    );
    assert!(text.contains("questions                 1"), "{text}");
    let png = std::fs::read(&chart).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn the_database_can_be_named_in_the_config_or_the_environment() {
    let setup = Setup::new();
    std::fs::write(
        setup.config_dir.path().join("C"),
        "[data]\ndatabase = \"records/questions.sqlite3\"\n",
    )
    .unwrap();
    setup.run(&["ask", "--record", "one"], "");
    assert!(setup
        .config_dir
        .path()
        .join("records/questions.sqlite3")
        .exists());

    let elsewhere = setup.work.path().join("env/db.sqlite3");
    let mut command = gfmd_bot(
        setup.work.path(),
        &["ask", "--record", "two", "--config", &setup.config()],
    );
    command.env("GFMD_DATABASE", &elsewhere);
    assert_success(&run(command, ""));
    assert!(elsewhere.exists(), "GFMD_DATABASE wins over the config");
    assert!(
        !elsewhere.with_file_name("member-hash.key").exists(),
        "offline questions have no member, so no key is created for them"
    );
}

#[test]
fn reports_without_a_database_fail_naming_it() {
    let setup = Setup::new();
    let config = setup.config();
    for command in ["stats", "inbox", "export"] {
        let output = run(
            gfmd_bot(setup.work.path(), &[command, "--config", &config]),
            "",
        );
        assert!(!output.status.success(), "{command} succeeded");
        let error = stderr(&output);
        assert!(error.contains("gfmd-bot.sqlite3"), "{command}: {error}");
        assert!(!setup.database().exists(), "{command} created the database");
    }
}

#[test]
fn ask_record_still_answers_when_the_database_cannot_be_written_and_exits_non_zero() {
    let setup = Setup::new();
    // A file where the data folder should be: no one, root included, can create it.
    std::fs::write(setup.config_dir.path().join("data"), "in the way").unwrap();
    let config = setup.config();
    let output = run(
        gfmd_bot(
            setup.work.path(),
            &[
                "ask",
                "--record",
                "--config",
                &config,
                "what are the objectives of the GFMD?",
            ],
        ),
        "",
    );
    assert!(!output.status.success());
    assert!(
        stdout(&output).contains("Objectives"),
        "the answer is printed: {}",
        stdout(&output)
    );
    let error = stderr(&output);
    assert!(error.contains("could not be written"), "{error}");
    assert_eq!(
        error.matches("cannot record questions").count(),
        1,
        "{error}"
    );
}
