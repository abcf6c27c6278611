//! The `gfmd-bot` binary as a user runs it: `check`, `ask` (text and `--json`), `console` with
//! piped input, the plain command without a token, `topics`, `--help`, and config errors.
//!
//! Every run starts in an empty temporary directory (so no `./config.toml` is picked up), with
//! `DISCORD_TOKEN` and the other environment overrides removed, and standard input either piped
//! or closed, so nothing waits on a terminal.

mod common;

use common::binary::{assert_success, gfmd_bot, run, stderr, stdout};
use common::AnswersCopy;
use gfmd_bot::answers::AnswerSet;
use gfmd_bot::locale::Lang;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

/// Runs the binary in a fresh empty directory with `input` on standard input.
fn run_in_empty_dir(args: &[&str], input: &str) -> Output {
    let dir = TempDir::new().unwrap();
    run(gfmd_bot(dir.path(), args), input)
}

fn shipped() -> AnswerSet {
    AnswerSet::embedded().expect("the shipped set is valid")
}

fn title_of(id: &str) -> String {
    shipped()
        .get(id)
        .unwrap_or_else(|| panic!("no answer `{id}`"))
        .title
        .clone()
}

/// The keys of a JSON object.
fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn key_set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

/// `tests/fixtures/broken/<name>`.
fn broken_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name)
}

#[test]
fn check_accepts_the_shipped_set_and_prints_a_summary() {
    let output = run_in_empty_dir(&["check"], "");
    assert_success(&output);
    let set = shipped();
    let summary = stdout(&output);
    assert!(
        summary.starts_with(&format!(
            "ok: {} answers, {} subcommands, {} synonym groups, 0 warning(s)",
            set.len(),
            set.commands().len(),
            set.synonyms().groups.len()
        )),
        "{summary}"
    );
    assert_eq!(summary.lines().count(), 1, "{summary}");
    assert_eq!(stderr(&output), "");
}

#[test]
fn check_rejects_a_broken_responses_dir_naming_file_and_line() {
    let copy = AnswersCopy::of(&broken_fixture("duplicate-command"));
    let responses = copy.dir();
    let config = copy.root().join("config.toml");
    std::fs::write(&config, "responses_dir = \"responses\"\n").unwrap();
    let output = run(
        gfmd_bot(
            copy.root(),
            &["check", "--config", config.to_str().unwrap()],
        ),
        "",
    );
    assert!(!output.status.success(), "check passed a broken set");
    let errors = stderr(&output);
    let second = responses.join("second-answer.toml");
    assert!(
        errors.contains(&format!("{}:6:", second.display())),
        "stderr does not name {}:6:\n{errors}",
        second.display()
    );
    assert!(
        errors.contains("command `shared` is already used by"),
        "{errors}"
    );
    assert_eq!(stdout(&output), "", "nothing on stdout for a failed check");
}

#[test]
fn ask_prints_the_answer_to_a_question() {
    let output = run_in_empty_dir(&["ask", "What are the objectives of the GFMD?"], "");
    assert_success(&output);
    let text = stdout(&output);
    let first_line = text.lines().next().unwrap_or_default();
    assert_eq!(first_line, format!("▌ {}", title_of("objectives")));
    assert!(text.contains("Source: "), "no source footer in:\n{text}");
    assert!(
        !text.contains('\x1b'),
        "colour codes in piped output:\n{text}"
    );
    assert!(
        text.lines().any(|line| line.chars().count() > 200),
        "piped output was wrapped:\n{text}"
    );
}

#[test]
fn ask_json_prints_one_object_per_question_with_the_documented_keys() {
    let questions = [
        "What are the objectives of the GFMD?",
        "how do I renew my passport",
        "What is the GFMD?",
    ];
    let output = run_in_empty_dir(&["ask", "--json"], &(questions.join("\n") + "\n"));
    assert_success(&output);
    let text = stdout(&output);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|error| panic!("{error}: {line}")))
        .collect();
    assert_eq!(lines.len(), questions.len(), "{text}");

    for (line, question) in lines.iter().zip(questions) {
        assert_eq!(
            keys(line),
            key_set(&[
                "question",
                "locale",
                "decision",
                "answer",
                "score",
                "suggestions"
            ])
        );
        assert_eq!(line["question"], question);
        assert_eq!(line["locale"], "en");
        let decision = line["decision"].as_str().expect("decision is a string");
        assert!(["answer", "suggest", "abstain"].contains(&decision));
        assert_eq!(decision == "answer", !line["answer"].is_null());
        let score = line["score"].as_f64().expect("score is a number");
        assert!((0.0..=1.0).contains(&score), "score {score}");
        assert!(line["suggestions"].is_array());
    }

    let answer_keys = key_set(&["id", "title", "description", "fields", "footer", "url"]);
    let objectives = &lines[0]["answer"];
    assert_eq!(keys(objectives), answer_keys);
    assert_eq!(objectives["id"], "objectives");
    assert_eq!(objectives["title"], title_of("objectives"));
    assert!(objectives["footer"]
        .as_str()
        .unwrap()
        .starts_with("Source: "));
    assert_eq!(lines[0]["suggestions"], Value::Array(Vec::new()));

    let passport = &lines[1];
    assert!(
        passport["answer"].is_null(),
        "answered off-topic: {passport}"
    );

    let what_is = &lines[2]["answer"];
    assert_eq!(keys(what_is), answer_keys);
    assert_eq!(what_is["id"], "what-is-gfmd");
    let fields = what_is["fields"].as_array().expect("fields is an array");
    assert!(!fields.is_empty(), "what-is-gfmd has fields");
    for field in fields {
        assert_eq!(keys(field), key_set(&["name", "value"]));
        assert!(field["name"].is_string() && field["value"].is_string());
    }
}

#[test]
fn ask_json_offers_suggestions_with_id_title_and_score_when_unsure() {
    // Close to several answers (the proposal, Belgium's offer, the first meeting) but not to one.
    let output = run_in_empty_dir(&["ask", "--json"], "who began the gfmd\n");
    assert_success(&output);
    let line: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert!(line["answer"].is_null(), "{line}");
    let suggestions = line["suggestions"].as_array().unwrap();
    assert!(
        (1..=3).contains(&suggestions.len()),
        "{} suggestions",
        suggestions.len()
    );
    let set = shipped();
    for suggestion in suggestions {
        assert_eq!(keys(suggestion), key_set(&["id", "title", "score"]));
        let id = suggestion["id"].as_str().unwrap();
        let answer = set
            .get(id)
            .unwrap_or_else(|| panic!("suggested `{id}` does not exist"));
        assert_eq!(suggestion["title"], answer.title.as_str());
    }
}

#[test]
fn console_with_piped_input_answers_each_line_and_exits_at_end_of_input() {
    let output = run_in_empty_dir(
        &["console"],
        "/gfmd objectives\nWho proposed the GFMD?\n/gfmd nonexistent\n",
    );
    assert_success(&output);
    let text = stdout(&output);
    let objectives = text
        .find(&format!("▌ {}", title_of("objectives")))
        .unwrap_or_else(|| panic!("no objectives answer in:\n{text}"));
    let proposal = text
        .find(&format!("▌ {}", title_of("gfmd-proposal")))
        .unwrap_or_else(|| panic!("no answer to the free-text question in:\n{text}"));
    let unknown = text
        .find("Unknown subcommand `/gfmd nonexistent`.")
        .unwrap_or_else(|| panic!("no reply to the unknown subcommand in:\n{text}"));
    assert!(objectives < proposal && proposal < unknown, "{text}");
    assert!(
        !text.contains("> "),
        "a prompt was shown to piped input:\n{text}"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn plain_gfmd_bot_without_a_token_prints_a_one_line_notice_and_starts_the_console() {
    let output = run_in_empty_dir(&[], "/gfmd objectives\n");
    assert_success(&output);
    let notice = stderr(&output);
    assert_eq!(notice.lines().count(), 1, "{notice}");
    assert!(
        notice.contains("DISCORD_TOKEN") && notice.contains("console"),
        "{notice}"
    );
    assert!(
        stdout(&output).starts_with(&format!("▌ {}", title_of("objectives"))),
        "{}",
        stdout(&output)
    );
}

/// The title of answer `id` in `lang`.
fn title_in(id: &str, lang: Lang) -> String {
    shipped().get(id).unwrap().title_in(lang).to_owned()
}

#[test]
fn ask_with_locale_fr_matches_a_french_question_and_prints_the_five_objectives_in_french() {
    let output = run_in_empty_dir(
        &[
            "ask",
            "--locale",
            "fr",
            "Quels sont les objectifs du FMMD ?",
        ],
        "",
    );
    assert_success(&output);
    let text = stdout(&output);
    let french = title_in("objectives", Lang::Fr);
    assert_ne!(french, title_of("objectives"));
    assert_eq!(text.lines().next(), Some(format!("▌ {french}").as_str()));
    assert!(
        text.contains("poursuit **cinq objectifs**") || text.contains("poursuit cinq objectifs"),
        "{text}"
    );
    for objective in [
        "Un lieu de dialogue",
        "Partager les bonnes pratiques",
        "Repérer les lacunes",
        "Nouer des partenariats",
        "Fixer l'agenda",
    ] {
        assert!(text.contains(objective), "no {objective:?} in:\n{text}");
    }
    assert!(text.contains("▌ Source : GFMD background note"), "{text}");
    assert!(!text.contains("Source: "), "{text}");
}

#[test]
fn ask_with_locale_es_matches_a_spanish_question_and_answers_brussels_july_2007() {
    let output = run_in_empty_dir(
        &[
            "ask",
            "--locale",
            "es",
            "¿Cuándo fue la primera reunión del FMMD?",
        ],
        "",
    );
    assert_success(&output);
    let text = stdout(&output);
    let spanish = title_in("first-meeting", Lang::Es);
    assert_eq!(text.lines().next(), Some(format!("▌ {spanish}").as_str()));
    assert!(text.contains("julio de 2007"), "{text}");
    assert!(text.contains("Bruselas"), "{text}");
}

#[test]
fn a_french_or_spanish_question_without_locale_is_read_and_answered_in_its_language() {
    let output = run_in_empty_dir(&["ask", "Quels sont les objectifs du FMMD ?"], "");
    assert_success(&output);
    let text = stdout(&output);
    assert_eq!(
        text.lines().next(),
        Some(format!("▌ {}", title_in("objectives", Lang::Fr)).as_str()),
        "{text}"
    );

    let questions = [
        ("Quels sont les objectifs du FMMD ?", "fr", "objectives"),
        (
            "¿Cuándo fue la primera reunión del FMMD?",
            "es",
            "first-meeting",
        ),
        ("What are the objectives of the GFMD?", "en", "objectives"),
    ];
    let input: String = questions.iter().map(|(q, _, _)| format!("{q}\n")).collect();
    let output = run_in_empty_dir(&["ask", "--json"], &input);
    assert_success(&output);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), questions.len());
    for (line, (question, locale, id)) in lines.iter().zip(questions) {
        assert_eq!(line["question"], question);
        assert_eq!(line["locale"], locale, "{line}");
        assert_eq!(line["answer"]["id"], id, "{line}");
        let lang: Lang = locale.parse().unwrap();
        assert_eq!(line["answer"]["title"], title_in(id, lang), "{line}");
    }
}

#[test]
fn console_without_locale_answers_each_question_in_its_language_and_commands_in_the_configured_one()
{
    let output = run_in_empty_dir(
        &["console"],
        "Quels sont les objectifs du FMMD ?\n/gfmd objectives\n¿Cuándo fue la primera reunión del FMMD?\n",
    );
    assert_success(&output);
    let text = stdout(&output);
    let french = text
        .find(&format!("▌ {}", title_in("objectives", Lang::Fr)))
        .unwrap_or_else(|| panic!("no French objectives in:\n{text}"));
    let english = text
        .find(&format!("▌ {}", title_of("objectives")))
        .unwrap_or_else(|| panic!("no English objectives in:\n{text}"));
    let spanish = text
        .find(&format!("▌ {}", title_in("first-meeting", Lang::Es)))
        .unwrap_or_else(|| panic!("no Spanish first meeting in:\n{text}"));
    assert!(french < english && english < spanish, "{text}");
}

#[test]
fn a_question_whose_text_does_not_say_its_language_falls_back_to_the_configured_one() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[questions]\nlanguage = \"es\"\n",
    )
    .unwrap();
    let output = run(gfmd_bot(dir.path(), &["ask", "--json"]), "GFMD\n");
    assert_success(&output);
    let line: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(line["locale"], "es", "{line}");
}

#[test]
fn ask_json_with_locale_es_says_es_and_gives_spanish_titles() {
    let output = run_in_empty_dir(
        &["ask", "--json", "--locale", "es"],
        "¿Qué es el FMMD?\nquien empezo el fmmd\n",
    );
    assert_success(&output);
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["locale"], "es");
        assert_eq!(
            keys(line),
            key_set(&[
                "question",
                "locale",
                "decision",
                "answer",
                "score",
                "suggestions"
            ])
        );
    }
    let answer = &lines[0]["answer"];
    assert_eq!(answer["id"], "what-is-gfmd");
    assert_eq!(answer["title"], title_in("what-is-gfmd", Lang::Es));
    assert_eq!(answer["fields"][0]["name"], "En resumen");
    assert!(answer["footer"].as_str().unwrap().starts_with("Fuente: "));
    for line in &lines {
        for suggestion in line["suggestions"].as_array().unwrap() {
            let id = suggestion["id"].as_str().unwrap();
            assert_eq!(suggestion["title"], title_in(id, Lang::Es));
        }
    }
}

#[test]
fn console_with_locale_fr_shows_gfmd_objectives_in_french_and_says_not_sure_in_french() {
    let output = run_in_empty_dir(
        &["console", "--locale", "fr"],
        "/gfmd objectives\nhow do I renew my passport\n",
    );
    assert_success(&output);
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!("▌ {}", title_in("objectives", Lang::Fr))),
        "{text}"
    );
    assert!(
        text.contains("Je ne suis pas sûr de pouvoir répondre à cela"),
        "{text}"
    );
    assert_eq!(stderr(&output), "");
}

#[test]
fn the_default_locale_is_english_and_an_unknown_one_is_refused_naming_the_choices() {
    let english = run_in_empty_dir(&["console"], "/gfmd objectives\n");
    let explicit = run_in_empty_dir(&["console", "--locale", "en"], "/gfmd objectives\n");
    assert_success(&english);
    assert_eq!(stdout(&english), stdout(&explicit));
    assert!(stdout(&english).starts_with(&format!("▌ {}", title_of("objectives"))));

    let german = run_in_empty_dir(&["ask", "--locale", "de", "hello"], "");
    assert!(!german.status.success());
    let error = stderr(&german);
    assert!(
        error.contains("invalid value 'de' for '--locale <LANG>'")
            && error.contains("[possible values: en, fr, es]"),
        "{error}"
    );
}

#[test]
fn topics_lists_every_id_with_its_subcommand() {
    let output = run_in_empty_dir(&["topics"], "");
    assert_success(&output);
    let text = stdout(&output);
    let listed: Vec<&str> = text
        .lines()
        .map(|line| line.split_whitespace().next().unwrap_or_default())
        .collect();
    let set = shipped();
    let ids: Vec<&str> = set
        .answers()
        .iter()
        .map(|answer| answer.id.as_str())
        .collect();
    assert_eq!(listed, ids);
    let objectives = text
        .lines()
        .find(|line| line.starts_with("objectives "))
        .unwrap();
    assert!(objectives.contains("/gfmd objectives"), "{objectives}");
}

#[test]
fn help_lists_the_commands() {
    let output = run_in_empty_dir(&["--help"], "");
    assert_success(&output);
    let text = stdout(&output);
    assert!(text.contains("Usage: gfmd-bot"), "{text}");
    for command in ["console", "ask", "topics", "check", "--config"] {
        assert!(text.contains(command), "`{command}` missing from:\n{text}");
    }
    for command in ["ask", "console"] {
        let output = run_in_empty_dir(&[command, "--help"], "");
        let text = stdout(&output);
        assert!(
            text.contains("--locale <LANG>")
                && text.contains("matched against the answers' text in it")
                && text.contains("[possible values: en, fr, es]"),
            "{command} --help:\n{text}"
        );
    }
}

#[test]
fn a_config_with_an_unknown_key_fails_naming_file_and_line() {
    let dir = TempDir::new().unwrap();
    let config = dir.path().join("settings.toml");
    std::fs::write(&config, "[questions]\ncooldown_seconds = 5\nchanel = []\n").unwrap();
    let output = run(
        gfmd_bot(dir.path(), &["check", "--config", config.to_str().unwrap()]),
        "",
    );
    assert!(!output.status.success(), "an unknown key was accepted");
    let errors = stderr(&output);
    assert!(
        errors.contains(&format!("{}:3:", config.display())),
        "stderr does not name {}:3:\n{errors}",
        config.display()
    );
    assert!(errors.contains("chanel"), "{errors}");
}

#[test]
fn a_config_toml_in_the_working_directory_is_read_without_being_named() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[matcher]\nthreshhold = 0.5\n",
    )
    .unwrap();
    let output = run(gfmd_bot(dir.path(), &["check"]), "");
    assert!(!output.status.success(), "./config.toml was not read");
    let errors = stderr(&output);
    assert!(errors.contains("config.toml:2:"), "{errors}");
    assert!(errors.contains("threshhold"), "{errors}");
}

#[test]
fn check_names_the_environment_variable_that_is_wrong_and_no_other() {
    let dir = TempDir::new().unwrap();
    let mut command = gfmd_bot(dir.path(), &["check"]);
    command.env("GFMD_DISCORD_GATEWAY_URL", "http://127.0.0.1:9");
    let output = run(command, "");
    assert!(!output.status.success(), "a bad gateway URL was accepted");
    let errors = stderr(&output);
    assert!(
        errors.contains("GFMD_DISCORD_GATEWAY_URL") && errors.contains("[discord] gateway_url"),
        "{errors}"
    );
    assert!(!errors.contains("GFMD_DISCORD_API_BASE"), "{errors}");
}

#[test]
fn check_names_file_line_and_key_of_an_out_of_range_setting() {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "[matcher]\nsuggestion_floor = 1.5\n",
    )
    .unwrap();
    let output = run(gfmd_bot(dir.path(), &["check"]), "");
    assert!(
        !output.status.success(),
        "suggestion_floor 1.5 was accepted"
    );
    let errors = stderr(&output);
    assert!(
        errors.contains("config.toml:2:20: [matcher] suggestion_floor must be between 0 and 1"),
        "{errors}"
    );
}

/// The run of `command` with a backtrace asked for, as a user debugging something might have it.
fn with_backtrace(mut command: Command) -> Output {
    command
        .env("RUST_BACKTRACE", "1")
        .env("RUST_LIB_BACKTRACE", "1");
    run(command, "")
}

/// Asserts that `output` failed with status 1 and printed exactly one `error: …` line.
fn assert_one_error_line(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{}", stderr(output));
    let errors = stderr(output);
    assert_eq!(errors.lines().count(), 1, "more than one line:\n{errors}");
    assert!(errors.starts_with("error: "), "{errors}");
    for dump in ["backtrace", "Caused by", "Error {", "Os {", "at src/"] {
        assert!(!errors.contains(dump), "`{dump}` in:\n{errors}");
    }
    assert_eq!(stdout(output), "");
    errors
}

#[test]
fn a_missing_config_file_is_one_readable_line_even_with_a_backtrace_asked_for() {
    let dir = TempDir::new().unwrap();
    let output = with_backtrace(gfmd_bot(dir.path(), &["check", "--config", "missing.toml"]));
    let errors = assert_one_error_line(&output);
    assert!(
        errors.starts_with("error: cannot read missing.toml: "),
        "{errors}"
    );
    assert_eq!(errors.matches("os error").count(), 1, "{errors}");
}

#[test]
fn a_missing_answers_folder_is_one_chain_of_causes_each_said_once() {
    let dir = TempDir::new().unwrap();
    let mut command = gfmd_bot(dir.path(), &["ask", "What is the GFMD?"]);
    command.env("GFMD_RESPONSES_DIR", "no-answers-here");
    let errors = assert_one_error_line(&with_backtrace(command));
    assert!(
        errors.starts_with("error: cannot load the answer set: cannot read no-answers-here: "),
        "{errors}"
    );
    assert_eq!(errors.matches("os error").count(), 1, "{errors}");
}

/// The writing end of a pipe whose reading end is already closed: what `head -1` leaves behind
/// once it has its line. (`true` holds the reading end and has exited.)
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .expect("`true` runs");
    let write_end = reader.stdin.take().expect("stdin is piped");
    reader.wait().expect("`true` exits");
    Stdio::from(write_end)
}

/// Runs `args` with standard output closed from the start and `input` on standard input.
fn run_into_closed_pipe(args: &[&str], input: &str) -> Output {
    let dir = TempDir::new().unwrap();
    let mut child = gfmd_bot(dir.path(), args)
        .stdin(Stdio::piped())
        .stdout(closed_pipe())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gfmd-bot binary starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // gfmd-bot may stop reading early, which is what the tests using this expect.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("gfmd-bot finishes")
}

#[test]
fn every_command_that_prints_ends_quietly_when_its_output_is_closed() {
    let runs: [(&[&str], &str); 6] = [
        (&["topics"], ""),
        (&["check"], ""),
        (&["ask", "What is the GFMD?"], ""),
        (&["ask", "--json"], "What is the GFMD?\n"),
        (&["console"], "/gfmd objectives\n"),
        (&[], "/gfmd objectives\n"),
    ];
    for (args, input) in runs {
        let output = run_into_closed_pipe(args, input);
        let errors = stderr(&output);
        let errors = match args {
            // The plain command says first that it is starting the console.
            [] => errors
                .strip_prefix("No DISCORD_TOKEN set: starting the offline console.\n")
                .unwrap_or(&errors)
                .to_owned(),
            _ => errors,
        };
        assert_eq!(errors, "", "gfmd-bot {args:?} wrote to stderr");
        assert_eq!(output.status.code(), Some(0), "gfmd-bot {args:?}");
    }
}

#[test]
fn ask_piped_into_head_stops_quietly_after_the_reader_leaves() {
    let dir = TempDir::new().unwrap();
    let mut child = gfmd_bot(dir.path(), &["ask"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the gfmd-bot binary starts");
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "What is the GFMD?").unwrap();
    let mut first_line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first_line,
    )
    .unwrap();
    assert_eq!(
        first_line.trim_end(),
        format!("▌ {}", title_of("what-is-gfmd"))
    );
    // The reader is gone (dropped above); the next answer has nowhere to go. Writing may fail
    // once gfmd-bot has stopped reading, which is what this test expects it to do.
    for _ in 0..20 {
        if writeln!(stdin, "What are the objectives of the GFMD?").is_err() {
            break;
        }
    }
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

/// Three questions; the second is not valid UTF-8 (Latin-1 bytes, as an old terminal sends them).
const QUESTIONS_AROUND_A_BAD_LINE: &[u8] = b"What are the objectives of the GFMD?\n\
    Qu'est-ce que le GFMD \xe9tait?\n\
    Who proposed the GFMD?\n";

const BAD_LINE_WARNING: &str = "warning: input line 2 is not valid UTF-8; \
     it was read with \u{FFFD} in place of the bad bytes\n";

#[test]
fn ask_answers_every_valid_line_around_one_that_is_not_utf8() {
    let dir = TempDir::new().unwrap();
    let output = run(
        gfmd_bot(dir.path(), &["ask", "--json"]),
        QUESTIONS_AROUND_A_BAD_LINE,
    );
    assert_success(&output);
    let text = stdout(&output);
    let lines: Vec<Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0]["answer"]["id"], "objectives");
    assert_eq!(lines[1]["question"], "Qu'est-ce que le GFMD \u{FFFD}tait?");
    assert_eq!(lines[2]["answer"]["id"], "gfmd-proposal");
    assert_eq!(stderr(&output), BAD_LINE_WARNING);
}

#[test]
fn console_answers_every_valid_line_around_one_that_is_not_utf8() {
    let dir = TempDir::new().unwrap();
    let output = run(
        gfmd_bot(dir.path(), &["console"]),
        QUESTIONS_AROUND_A_BAD_LINE,
    );
    assert_success(&output);
    let text = stdout(&output);
    for id in ["objectives", "gfmd-proposal"] {
        assert!(
            text.contains(&format!("▌ {}", title_of(id))),
            "no {id} answer in:\n{text}"
        );
    }
    assert_eq!(stderr(&output), BAD_LINE_WARNING);
}
