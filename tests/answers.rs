//! Validation of the curated answer set: the shipped set loads clean, and each kind of broken
//! file is rejected with a message that names the file and the exact line.
//!
//! Small broken sets are written inline; the ones that read better as files live in
//! `tests/fixtures/broken/` (single files, and `duplicate-command/`, a directory loaded with
//! `AnswerSet::load_dir`).

use gfmd_bot::answers::{AnswerSet, LoadError, SourceFile};
use gfmd_bot::locale::Lang;
use std::path::PathBuf;

/// `tests/fixtures/broken/<name>`.
fn broken_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/broken")
        .join(name)
}

/// A fixture file, named by its path relative to the crate.
fn fixture_file(name: &str) -> SourceFile {
    let text = std::fs::read_to_string(broken_fixture(name)).expect("fixture exists");
    SourceFile::new(format!("tests/fixtures/broken/{name}"), text)
}

/// A valid answer file for `id`, with `extra` lines appended after line 6:
///
/// ```text
/// 1 id = "<id>"
/// 2 title = "An example answer"
/// 3 questions = [...]
/// 4 keywords = [...]
/// 5 description = "Body text in **Discord markdown**."
/// 6 source = "GFMD background note, section \"Background\""
/// 7 <extra>
/// ```
fn answer_text(id: &str, extra: &str) -> String {
    format!(
        "id = \"{id}\"\n\
         title = \"An example answer\"\n\
         questions = [\"Question one?\", \"Question two?\", \"Question three?\", \"Question four?\"]\n\
         keywords = [\"example\", \"sample\", \"demo\"]\n\
         description = \"Body text in **Discord markdown**.\"\n\
         source = \"GFMD background note, section \\\"Background\\\"\"\n\
         {extra}"
    )
}

/// `responses/<id>.toml` holding [`answer_text`].
fn answer_file(id: &str, extra: &str) -> SourceFile {
    SourceFile::new(format!("responses/{id}.toml"), answer_text(id, extra))
}

/// The problems of a set that must fail to load, each as `file:line:col: message`.
fn problems(result: Result<AnswerSet, LoadError>) -> Vec<String> {
    match result {
        Ok(set) => panic!("the set loaded ({} answers) but should not have", set.len()),
        Err(LoadError::Invalid(problems)) => problems.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("expected validation problems, got: {other}"),
    }
}

/// Asserts that the only problem is at `file:line:` and its message contains `message`.
fn assert_only_problem(problems: &[String], file: &str, line: usize, message: &str) {
    assert_eq!(problems.len(), 1, "expected one problem, got {problems:#?}");
    assert_problem(problems, file, line, message);
}

/// Asserts that some problem is at `file:line:` and its message contains `message`.
fn assert_problem(problems: &[String], file: &str, line: usize, message: &str) {
    let at = format!("{file}:{line}:");
    assert!(
        problems
            .iter()
            .any(|problem| problem.starts_with(&at) && problem.contains(message)),
        "no problem at `{at}` saying `{message}` in {problems:#?}"
    );
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_containing(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in the text"))
        + 1
}

fn load(files: &[SourceFile]) -> Result<AnswerSet, LoadError> {
    AnswerSet::from_sources(files)
}

#[test]
fn the_shipped_set_passes_validation() {
    let embedded = AnswerSet::embedded().unwrap_or_else(|error| panic!("{error:#}"));
    assert!(embedded.len() >= 20, "only {} answers", embedded.len());
    let on_disk = AnswerSet::load_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("responses"))
        .unwrap_or_else(|error| panic!("{error:#}"));
    let ids = |set: &AnswerSet| -> Vec<String> {
        set.answers()
            .iter()
            .map(|answer| answer.id.clone())
            .collect()
    };
    assert_eq!(ids(&embedded), ids(&on_disk));
    assert!(embedded.get("objectives").is_some());
}

#[test]
fn a_valid_example_answer_loads() {
    let set = load(&[answer_file("example", "")]).unwrap_or_else(|error| panic!("{error:#}"));
    assert_eq!(set.len(), 1);
    assert_eq!(set.answers()[0].title, "An example answer");
}

#[test]
fn a_toml_syntax_error_is_rejected_naming_file_and_line() {
    let problems = problems(load(&[fixture_file("syntax-error.toml")]));
    assert_only_problem(
        &problems,
        "tests/fixtures/broken/syntax-error.toml",
        2,
        "invalid basic string",
    );
}

#[test]
fn an_unknown_key_is_rejected_naming_the_key_and_its_line() {
    let problems = problems(load(&[fixture_file("unknown-key.toml")]));
    assert_only_problem(
        &problems,
        "tests/fixtures/broken/unknown-key.toml",
        6,
        "unknown field `colour`",
    );
}

#[test]
fn a_missing_source_is_rejected_naming_file_and_line() {
    let problems = problems(load(&[fixture_file("missing-source.toml")]));
    assert_only_problem(
        &problems,
        "tests/fixtures/broken/missing-source.toml",
        1,
        "missing field `source`",
    );
}

#[test]
fn an_id_that_differs_from_the_file_name_is_rejected() {
    let file = SourceFile::new("responses/objectives.toml", answer_text("goals", ""));
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/objectives.toml",
        1,
        "id `goals` must match the file name",
    );
}

#[test]
fn an_id_with_path_characters_is_rejected() {
    let file = SourceFile::new("responses/etc.toml", answer_text("../etc", ""));
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/etc.toml",
        1,
        "id `../etc` must be 1-64 characters of a-z, 0-9 and `-`",
    );
}

#[test]
fn a_command_used_by_two_files_is_rejected_naming_the_second_file_and_line() {
    let error = AnswerSet::load_dir(&broken_fixture("duplicate-command")).unwrap_err();
    let problems = problems(Err(error));
    let first = broken_fixture("duplicate-command/first-answer.toml");
    let second = broken_fixture("duplicate-command/second-answer.toml");
    assert_only_problem(
        &problems,
        &second.display().to_string(),
        6,
        &format!("command `shared` is already used by {}", first.display()),
    );
}

#[test]
fn a_command_used_by_two_inline_files_is_rejected() {
    let problems = problems(load(&[
        answer_file("first", "command = \"shared\"\n"),
        answer_file("second", "command = \"shared\"\n"),
    ]));
    assert_only_problem(
        &problems,
        "responses/second.toml",
        7,
        "command `shared` is already used by responses/first.toml",
    );
}

#[test]
fn a_related_id_that_names_no_answer_is_rejected() {
    let problems = problems(load(&[
        answer_file("present", ""),
        answer_file("pointer", "related = [\"present\",\n  \"absent\"]\n"),
    ]));
    assert_only_problem(
        &problems,
        "responses/pointer.toml",
        8,
        "related id `absent` names no answer",
    );
}

#[test]
fn a_title_over_256_characters_is_rejected() {
    let text = answer_text("long-title", "").replace(
        "title = \"An example answer\"",
        &format!("title = \"{}\"", "é".repeat(257)),
    );
    let problems = problems(load(&[SourceFile::new("responses/long-title.toml", text)]));
    assert_only_problem(
        &problems,
        "responses/long-title.toml",
        2,
        "title is 257 characters; Discord allows at most 256",
    );
}

#[test]
fn a_title_at_256_characters_is_accepted() {
    let text = answer_text("full-title", "").replace(
        "title = \"An example answer\"",
        &format!("title = \"{}\"", "é".repeat(256)),
    );
    load(&[SourceFile::new("responses/full-title.toml", text)])
        .unwrap_or_else(|error| panic!("{error:#}"));
}

#[test]
fn a_description_over_4096_characters_is_rejected_at_its_first_line() {
    let body = "word ".repeat(820); // 4100 characters
    let text = answer_text("long-description", "").replace(
        "description = \"Body text in **Discord markdown**.\"",
        &format!("description = \"\"\"\n{body}\n\"\"\""),
    );
    let problems = problems(load(&[SourceFile::new(
        "responses/long-description.toml",
        text,
    )]));
    assert_only_problem(
        &problems,
        "responses/long-description.toml",
        5,
        "description is 4099 characters; Discord allows at most 4096",
    );
}

#[test]
fn a_field_value_over_1024_characters_is_rejected_at_the_value() {
    let extra = format!(
        "\n[[fields]]\nname = \"Short\"\nvalue = \"fine\"\n\n[[fields]]\nname = \"Long\"\nvalue = \"{}\"\n",
        "x".repeat(1025)
    );
    let text = answer_text("long-field", &extra);
    let line = line_containing(&text, "xxxx");
    assert_eq!(line, 14);
    let problems = problems(load(&[SourceFile::new("responses/long-field.toml", text)]));
    assert_only_problem(
        &problems,
        "responses/long-field.toml",
        line,
        "field value is 1025 characters; Discord allows at most 1024",
    );
}

#[test]
fn twenty_six_fields_are_rejected_at_the_twenty_sixth() {
    let extra: String = (1..=26)
        .map(|n| format!("[[fields]]\nname = \"Field {n}\"\nvalue = \"Value {n}\"\n"))
        .collect();
    let text = answer_text("many-fields", &extra);
    let line = line_containing(&text, "name = \"Field 26\"");
    let problems = problems(load(&[SourceFile::new("responses/many-fields.toml", text)]));
    assert_only_problem(
        &problems,
        "responses/many-fields.toml",
        line,
        "26 fields; Discord allows at most 25",
    );
}

#[test]
fn an_embed_over_6000_characters_in_all_is_rejected_at_the_title() {
    // Every part is within its own limit; together they are not.
    let body = "b".repeat(4000);
    let extra: String = (1..=3)
        .map(|n| {
            format!(
                "[[fields]]\nname = \"Part {n}\"\nvalue = \"{}\"\n",
                "v".repeat(1000)
            )
        })
        .collect();
    let text = answer_text("huge-embed", &extra).replace(
        "description = \"Body text in **Discord markdown**.\"",
        &format!("description = \"{body}\""),
    );
    let problems = problems(load(&[SourceFile::new("responses/huge-embed.toml", text)]));
    assert_only_problem(
        &problems,
        "responses/huge-embed.toml",
        2,
        "the embed would hold",
    );
    assert!(
        problems[0].contains("Discord allows at most 6000"),
        "{problems:#?}"
    );
}

#[test]
fn a_command_over_32_characters_or_in_uppercase_is_rejected() {
    let long = "a".repeat(33);
    let problems = problems(load(&[
        answer_file("long-command", &format!("command = \"{long}\"\n")),
        answer_file("upper-command", "command = \"Objectives\"\n"),
    ]));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_problem(
        &problems,
        "responses/long-command.toml",
        7,
        &format!("command `{long}` must be 1-32 characters of a-z, 0-9 and `-`"),
    );
    assert_problem(
        &problems,
        "responses/upper-command.toml",
        7,
        "command `Objectives` must be 1-32 characters of a-z, 0-9 and `-`",
    );
}

#[test]
fn a_command_of_exactly_32_characters_is_accepted() {
    let command = "a".repeat(32);
    load(&[answer_file(
        "full-command",
        &format!("command = \"{command}\"\n"),
    )])
    .unwrap_or_else(|error| panic!("{error:#}"));
}

#[test]
fn the_reserved_command_ask_is_rejected() {
    let problems = problems(load(&[answer_file("asking", "command = \"ask\"\n")]));
    assert_only_problem(
        &problems,
        "responses/asking.toml",
        7,
        "command `ask` is reserved by /gfmd itself",
    );
}

#[test]
fn the_french_and_spanish_names_of_ask_and_topic_are_reserved_too() {
    let problems = problems(load(&[
        answer_file("subject", "command = \"sujet\"\n"),
        answer_file("theme", "command = \"tema\"\n"),
    ]));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_problem(
        &problems,
        "responses/subject.toml",
        7,
        "command `sujet` is reserved by /gfmd itself (it is `topic` for French clients)",
    );
    assert_problem(
        &problems,
        "responses/theme.toml",
        7,
        "command `tema` is reserved by /gfmd itself (it is `topic` for Spanish clients)",
    );
}

/// `count` answers `answer-00`, `answer-01`, … each with the command `topic-NN`.
fn answers_with_commands(count: usize) -> Vec<SourceFile> {
    (0..count)
        .map(|n| {
            answer_file(
                &format!("answer-{n:02}"),
                &format!("command = \"topic-{n:02}\"\n"),
            )
        })
        .collect()
}

#[test]
fn twenty_two_answers_with_commands_are_accepted() {
    let set = load(&answers_with_commands(22)).unwrap_or_else(|error| panic!("{error:#}"));
    assert_eq!(set.commands().len(), 22);
}

#[test]
fn a_twenty_third_answer_with_a_command_is_rejected_naming_it() {
    let problems = problems(load(&answers_with_commands(23)));
    assert_only_problem(
        &problems,
        "responses/answer-22.toml",
        7,
        "23 answers declare a command; /gfmd holds at most 22 besides `ask`, `topic`, `forget-me`",
    );
}

#[test]
fn a_synonym_listed_in_two_groups_is_rejected_naming_the_second_group() {
    let synonyms = SourceFile::new(
        "responses/synonyms.toml",
        "# Synonyms.\n[synonyms]\nobjective = [\"goal\", \"aim\"]\npurpose = [\"reason\", \"aim\"]\n",
    );
    let problems = problems(load(&[answer_file("example", ""), synonyms]));
    assert_only_problem(
        &problems,
        "responses/synonyms.toml",
        4,
        "`aim` is listed under both `objective` and `purpose`",
    );
}

#[test]
fn every_problem_in_a_set_is_reported_at_once() {
    let problems = problems(load(&[
        answer_file("asking", "command = \"ask\"\n"),
        fixture_file("unknown-key.toml"),
        answer_file("pointer", "related = [\"absent\"]\n"),
    ]));
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert_problem(&problems, "responses/asking.toml", 7, "reserved");
    assert_problem(
        &problems,
        "tests/fixtures/broken/unknown-key.toml",
        6,
        "colour",
    );
    assert_problem(&problems, "responses/pointer.toml", 7, "names no answer");
}

#[test]
fn a_synonym_in_two_quoted_groups_is_rejected_naming_the_line() {
    let synonyms = SourceFile::new(
        "responses/synonyms.toml",
        "[synonyms]\n\"chapter x\" = [\"chapter 10\"]\n\"chapter ten\" = [\"chapter 10\"]\n",
    );
    let problems = problems(load(&[answer_file("example", ""), synonyms]));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].contains("`chapter 10` is listed under both"),
        "{problems:#?}"
    );
    // Either group's line will do.
    assert!(
        problems[0].starts_with("responses/synonyms.toml:2:")
            || problems[0].starts_with("responses/synonyms.toml:3:"),
        "{problems:#?}"
    );
}

/// [`answer_text`] with its `source` line replaced by `source = <value>` (a TOML string).
fn answer_with_source(id: &str, source: &str) -> SourceFile {
    let text = answer_text(id, "").replace(
        "source = \"GFMD background note, section \\\"Background\\\"\"",
        &format!("source = {source}"),
    );
    assert!(text.contains(source), "the source line was not replaced");
    SourceFile::new(format!("responses/{id}.toml"), text)
}

#[test]
fn a_source_that_names_a_file_is_rejected_naming_file_line_and_column() {
    let problems = problems(load(&[
        answer_with_source(
            "slash",
            r#""GFMD background note (shared/gfmd-source.txt), section \"Background\"""#,
        ),
        answer_with_source("backslash", r#"'GFMD background note (shared\notes)'"#),
        answer_with_source("extension", r#""the note in gfmd-source.TXT.""#),
        answer_with_source("markdown", r#""see README.md, section 2""#),
    ]));
    assert_eq!(problems.len(), 4, "{problems:#?}");
    // The value starts at line 6, column 10 (`source = ` is nine characters).
    for (file, sign) in [
        ("slash", "(`/`)"),
        ("backslash", "(`\\`)"),
        ("extension", "(`gfmd-source.TXT`)"),
        ("markdown", "(`README.md`)"),
    ] {
        let at = format!("responses/{file}.toml:6:10: source names a file {sign}");
        assert!(
            problems.iter().any(|problem| problem.starts_with(&at)),
            "no problem starting `{at}` in {problems:#?}"
        );
    }
}

#[test]
fn a_source_cited_in_words_is_accepted_even_with_full_stops() {
    load(&[answer_with_source(
        "in-words",
        r#""GFMD background note, \"Objectives\" section (objective 4: international organizations, diaspora, etc.)""#,
    )])
    .unwrap_or_else(|error| panic!("{error:#}"));
}

#[test]
fn every_shipped_footer_cites_the_source_in_words() {
    let set = AnswerSet::embedded().unwrap_or_else(|error| panic!("{error:#}"));
    for answer in set.answers() {
        let footer = gfmd_bot::render::embed(answer).footer;
        assert_eq!(
            footer,
            gfmd_bot::answers::footer_text(&answer.source),
            "{}",
            answer.id
        );
        assert!(
            footer.starts_with("Source: GFMD background note")
                && !footer.contains(['/', '\\'])
                && !footer.contains(".txt"),
            "{}: {footer}",
            answer.id
        );
    }
}

// ---- Translations: the `[fr]` and `[es]` tables ----

/// A `[<lang>]` table with this title and description (a `"""` string from the next line), and
/// questions and keywords that need no checking.
fn translation(lang: &str, title: &str, description: &str) -> String {
    format!(
        "\n[{lang}]\ntitle = \"{title}\"\nquestions = [\"Une question ?\"]\nkeywords = [\"exemple\"]\n\
         description = \"\"\"\n{description}\n\"\"\"\n"
    )
}

/// [`answer_file`] with French and Spanish tables (both short and plain) after `extra`.
fn translated_answer(id: &str, extra: &str) -> SourceFile {
    answer_file(
        id,
        &format!(
            "{extra}{}{}",
            translation("fr", "Un exemple", "Le corps du texte."),
            translation("es", "Un ejemplo", "El cuerpo del texto.")
        ),
    )
}

/// [`answer_text`] with `extra`, then a French table `french` and a plain Spanish one (with one
/// field when `extra` gives the English answer fields).
fn answer_with_french(id: &str, extra: &str, french: &str) -> SourceFile {
    let mut spanish = translation("es", "Un ejemplo", "El cuerpo del texto.");
    if extra.contains("[[fields]]") {
        spanish.push_str("\n[[es.fields]]\nname = \"En resumen\"\nvalue = \"Una línea.\"\n");
    }
    answer_file(id, &format!("{extra}{french}{spanish}"))
}

#[test]
fn a_translated_answer_loads_with_its_content_in_each_language() {
    let set = load(&[translated_answer("example", "")]).unwrap_or_else(|error| panic!("{error:#}"));
    let answer = set.get("example").unwrap();
    assert_eq!(answer.title_in(Lang::Fr), "Un exemple");
    assert_eq!(answer.title_in(Lang::Es), "Un ejemplo");
    assert_eq!(answer.title_in(Lang::En), "An example answer");
    let french = answer.translation(Lang::Fr).unwrap();
    assert_eq!(french.description, "Le corps du texte.");
    assert_eq!(french.questions, ["Une question ?"]);
    assert!(answer.translation(Lang::En).is_none());
    assert!(set.warnings().is_empty(), "{:#?}", set.warnings());
}

#[test]
fn an_answer_missing_a_language_loads_with_one_warning_per_language() {
    let french_only = answer_file(
        "french-only",
        &translation("fr", "Un exemple", "Le corps du texte."),
    );
    let set = load(&[french_only, answer_file("english-only", "")])
        .unwrap_or_else(|error| panic!("{error:#}"));
    // (The two answers' English phrasings are alike too, which is warned about apart.)
    let warnings: Vec<String> = set
        .warnings()
        .iter()
        .map(ToString::to_string)
        .filter(|warning| warning.contains("translation"))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert_problem(
        &warnings,
        "responses/french-only.toml",
        1,
        "answer `french-only` has no Spanish translation (`[es]` table)",
    );
    assert_problem(
        &warnings,
        "responses/english-only.toml",
        1,
        "has no French translation (`[fr]` table)",
    );
    assert_problem(
        &warnings,
        "responses/english-only.toml",
        1,
        "has no Spanish translation",
    );
    // Members reading Spanish get the English title, as autocomplete shows it.
    assert_eq!(
        set.get("french-only").unwrap().title_in(Lang::Es),
        "An example answer"
    );
}

#[test]
fn every_shipped_answer_is_in_french_and_spanish() {
    let set = AnswerSet::embedded().unwrap();
    for answer in set.answers() {
        for lang in Lang::TRANSLATED {
            assert!(
                answer.translation(lang).is_some(),
                "{} has no {lang}",
                answer.id
            );
        }
    }
    assert!(set.warnings().is_empty(), "{:#?}", set.warnings());
    assert!(!set.synonyms_in(Lang::Fr).groups.is_empty());
    assert!(!set.synonyms_in(Lang::Es).groups.is_empty());
}

#[test]
fn a_translated_title_over_256_characters_is_rejected_at_its_line() {
    let french = translation("fr", &"é".repeat(257), "Le corps du texte.");
    let file = answer_with_french("long-title", "", &french);
    let line = line_containing(&file.text, "éééé");
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/long-title.toml",
        line,
        "[fr] title is 257 characters; Discord allows at most 256",
    );
}

#[test]
fn a_translated_title_over_100_characters_is_rejected_when_it_describes_a_subcommand() {
    let french = translation("fr", &"é".repeat(101), "Le corps du texte.");
    let with_command = answer_with_french("described", "command = \"described\"\n", &french);
    let line = line_containing(&with_command.text, "éééé");
    let without = answer_with_french("plain", "", &french);
    let problems = problems(load(&[with_command, without]));
    assert_only_problem(
        &problems,
        "responses/described.toml",
        line,
        "[fr] title doubles as the subcommand description, which Discord limits to 100 characters",
    );
}

#[test]
fn a_translated_description_over_4096_characters_is_rejected() {
    let french = translation("fr", "Un exemple", &"mot ".repeat(1025));
    let file = answer_with_french("long-description", "", &french);
    let line = line_containing(&file.text, "description = \"\"\"");
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/long-description.toml",
        line,
        "[fr] description is 4099 characters; Discord allows at most 4096",
    );
}

#[test]
fn translated_fields_keep_discord_s_limits_and_the_english_count() {
    let english_field = "\n[[fields]]\nname = \"In short\"\nvalue = \"One line.\"\n";
    let long_value = format!(
        "{}\n[[fr.fields]]\nname = \"En bref\"\nvalue = \"{}\"\n",
        translation("fr", "Un exemple", "Le corps du texte."),
        "x".repeat(1025)
    );
    let long = answer_with_french("long-field", english_field, &long_value);
    let long_line = line_containing(&long.text, "xxxx");
    let missing = answer_with_french(
        "missing-field",
        english_field,
        &translation("fr", "Un exemple", "Le corps du texte."),
    );
    let missing_line = line_containing(&missing.text, "title = \"Un exemple\"");
    let problems = problems(load(&[long, missing]));
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_problem(
        &problems,
        "responses/long-field.toml",
        long_line,
        "[fr] field value is 1025 characters; Discord allows at most 1024",
    );
    assert_problem(
        &problems,
        "responses/missing-field.toml",
        missing_line,
        "[fr] has 0 field(s) where the English answer has 1",
    );
}

#[test]
fn a_translated_embed_is_counted_with_its_own_footer() {
    // Title, description and fields fill 6000 characters less the French footer but one: the
    // English footer would fit ("Source: …"), the French one ("Source : …") does not.
    let source = "GFMD background note, section \"Background\"";
    let french_footer = format!("Source : {source}").chars().count();
    let title = "Un exemple";
    let field_value = "v".repeat(1000);
    let fields = |lang: &str| {
        (1..=2)
            .map(|n| format!("\n[[{lang}.fields]]\nname = \"P{n}\"\nvalue = \"{field_value}\"\n"))
            .collect::<String>()
    };
    let body = 6000 - french_footer + 1 - title.len() - 2 * (2 + 1000);
    let english_fields = (1..=2)
        .map(|n| format!("\n[[fields]]\nname = \"P{n}\"\nvalue = \"v\"\n"))
        .collect::<String>();
    let french = format!(
        "{}{}",
        translation("fr", title, &"b".repeat(body)),
        fields("fr")
    );
    let file = SourceFile::new(
        "responses/full.toml",
        answer_text("full", &format!("{english_fields}{french}"))
            + &translation("es", "Un ejemplo", "El cuerpo del texto.")
            + &(1..=2)
                .map(|n| format!("\n[[es.fields]]\nname = \"P{n}\"\nvalue = \"v\"\n"))
                .collect::<String>(),
    );
    let line = line_containing(&file.text, "title = \"Un exemple\"");
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/full.toml",
        line,
        "[fr] the embed would hold 6001 characters in all; Discord allows at most 6000",
    );
}

#[test]
fn a_number_the_english_answer_lacks_is_rejected_at_its_line_and_column() {
    // The English answer says 2007 (in a question only); the French says 2007 and 2008.
    let french = translation(
        "fr",
        "Un exemple",
        "La première réunion s'est tenue en 2007,\nla deuxième en 2008.",
    );
    let file = SourceFile::new(
        "responses/dates.toml",
        answer_text("dates", &french).replace("\"Question four?\"", "\"What happened in 2007?\"")
            + &translation("es", "Un ejemplo", "El cuerpo del texto."),
    );
    let line = line_containing(&file.text, "2008");
    let problems = problems(load(&[file]));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let column = "la deuxième en ".chars().count() + 1;
    assert!(
        problems[0].starts_with(&format!(
            "responses/dates.toml:{line}:{column}: [fr] description has the number `2008`, \
             which the English answer does not"
        )),
        "{problems:#?}"
    );
}

#[test]
fn a_number_is_checked_in_every_translated_string_and_in_each_language() {
    let french =
        "\n[fr]\ntitle = \"Objectif 6\"\nquestions = [\"Et le 7e ?\"]\nkeywords = [\"8\"]\n\
                  description = \"Le corps du texte.\"\n";
    let spanish = translation("es", "Un ejemplo", "Desde 1999.");
    let file = answer_file("numbers", &format!("{french}{spanish}"));
    let problems = problems(load(&[file]));
    assert_eq!(problems.len(), 4, "{problems:#?}");
    for (what, number) in [
        ("[fr] title", "6"),
        ("[fr] questions entry", "7"),
        ("[fr] keywords entry", "8"),
        ("[es] description", "1999"),
    ] {
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains(&format!("{what} has the number `{number}`"))),
            "{what} {number}: {problems:#?}"
        );
    }
}

#[test]
fn an_unknown_key_in_a_translation_is_rejected_naming_it() {
    let french = translation("fr", "Un exemple", "Le corps du texte.") + "command = \"exemple\"\n";
    let file = answer_with_french("renamed", "", &french);
    let line = line_containing(&file.text, "command = \"exemple\"");
    let problems = problems(load(&[file]));
    assert_only_problem(
        &problems,
        "responses/renamed.toml",
        line,
        "unknown field `command`",
    );
}

#[test]
fn a_french_synonym_in_two_groups_is_rejected_naming_its_table_and_line() {
    let synonyms = SourceFile::new(
        "responses/synonyms.toml",
        "[synonyms]\nobjective = [\"goal\"]\n\n[fr.synonyms]\nobjectif = [\"but\"]\n\"finalité\" = [\"but\"]\n\n[es.synonyms]\nobjetivo = [\"meta\"]\n",
    );
    let problems = problems(load(&[translated_answer("example", ""), synonyms]));
    assert_only_problem(
        &problems,
        "responses/synonyms.toml",
        6,
        "[fr.synonyms] `but` is listed under both `objectif` and `finalité`",
    );
}

#[test]
fn the_readme_example_with_translations_loads() {
    let readme = include_str!("../responses/README.md");
    let start = readme
        .find("```toml\nid = \"example\"\ntitle = \"An example answer\"\nquestions = [\"Question one?\", \"Question two?\"]")
        .expect("the README has the translated example")
        + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let set = load(&[SourceFile::new(
        "responses/example.toml",
        &readme[start..end],
    )])
    .unwrap_or_else(|error| panic!("{error:#}"));
    let answer = set.get("example").unwrap();
    assert_eq!(answer.title_in(Lang::Fr), "Un exemple de réponse");
    assert_eq!(
        answer.translation(Lang::Es).unwrap().fields[0].name,
        "En resumen"
    );
    assert!(set.warnings().is_empty(), "{:#?}", set.warnings());
}

#[test]
fn the_french_and_spanish_dev_sets_name_real_answers() {
    let set = AnswerSet::embedded().unwrap();
    for lang in [Lang::Fr, Lang::Es] {
        let cases = gfmd_bot::evaluation::dev_set_in(lang);
        let in_domain = cases.iter().filter(|case| case.in_domain()).count();
        assert!(in_domain >= 60, "{lang} dev set: {in_domain} in-domain");
        assert!(
            cases.len() - in_domain >= 30,
            "{lang} dev set: too few off-topic"
        );
        for case in &cases {
            for id in &case.expected {
                assert!(
                    set.get(id).is_some(),
                    "{lang} dev set: unknown id `{id}` for {:?}",
                    case.question
                );
            }
        }
    }
}

/// `responses/textspeak.toml` holding `text`.
fn textspeak_file(text: &str) -> SourceFile {
    SourceFile::new("responses/textspeak.toml", text)
}

#[test]
fn the_shipped_text_speak_table_loads_with_the_set() {
    let set = AnswerSet::embedded().unwrap();
    let entries = &set.textspeak().entries;
    assert!(entries.len() >= 40, "{} entries", entries.len());
    for (written, plain) in [
        ("wat", "what"),
        ("w/", "with"),
        ("b4", "before"),
        ("4", "for"),
    ] {
        assert!(
            entries.iter().any(|(w, p)| w == written && p == plain),
            "no `{written}` = `{plain}`"
        );
    }
}

#[test]
fn a_text_speak_table_is_loaded_from_a_directory_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("example.toml"), answer_text("example", "")).unwrap();
    std::fs::write(
        dir.path().join("textspeak.toml"),
        "[textspeak]\nwat = \"what\"\n\"&\" = \"and\"\n",
    )
    .unwrap();
    let set = AnswerSet::load_dir(dir.path()).unwrap();
    assert_eq!(set.len(), 1);
    assert_eq!(
        set.textspeak().entries,
        [
            ("wat".to_owned(), "what".to_owned()),
            ("&".to_owned(), "and".to_owned())
        ]
    );
}

#[test]
fn bad_text_speak_entries_name_file_line_and_column() {
    let text = "# Text-speak.\n[textspeak]\nwat = \"\"\n\"two words\" = \"x\"\nu = 3\n  you = \"you\"\nok = \"fine\"\n";
    let problems = problems(load(&[answer_file("example", ""), textspeak_file(text)]));
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert_problem(
        &problems,
        "responses/textspeak.toml",
        3,
        "text-speak `wat` has no plain words",
    );
    assert_problem(
        &problems,
        "responses/textspeak.toml",
        4,
        "`two words`: a text-speak key must be one word or symbol, without spaces",
    );
    assert_problem(
        &problems,
        "responses/textspeak.toml",
        5,
        "text-speak `u` must be a string of plain words",
    );
    assert!(
        problems.contains(
            &"responses/textspeak.toml:6:3: text-speak `you` stands for itself".to_owned()
        ),
        "{problems:#?}"
    );
}

#[test]
fn an_unknown_table_or_key_in_the_text_speak_file_is_rejected_naming_the_line() {
    let problems = problems(load(&[
        answer_file("example", ""),
        textspeak_file("[textspeak]\nwat = \"what\"\n\n[textspeek]\nwen = \"when\"\n"),
    ]));
    assert_only_problem(
        &problems,
        "responses/textspeak.toml",
        4,
        "unknown field `textspeek`",
    );
}

#[test]
fn a_text_speak_entry_that_uses_another_is_rejected() {
    let problems = problems(load(&[
        answer_file("example", ""),
        textspeak_file("[textspeak]\nu = \"you\"\nya = \"u\"\n"),
    ]));
    assert_only_problem(
        &problems,
        "responses/textspeak.toml",
        3,
        "text-speak `ya` stands for `u`, but `u` is text-speak too: write the plain word",
    );
}

#[test]
fn a_text_speak_key_that_is_also_a_synonym_is_rejected_naming_both_tables() {
    let problems = problems(load(&[
        answer_file("example", ""),
        SourceFile::new(
            "responses/synonyms.toml",
            "[synonyms]\nfirst = [\"inaugural\", \"1st\"]\n",
        ),
        textspeak_file("[textspeak]\nwat = \"what\"\n1st = \"first\"\n"),
    ]));
    assert_only_problem(
        &problems,
        "responses/textspeak.toml",
        3,
        "text-speak `1st` is also in the synonyms table (under `first`): list it in one table only",
    );
}

#[test]
fn no_answer_may_take_the_name_of_a_table_file() {
    assert!(!gfmd_bot::answers::is_valid_id("textspeak"));
    assert!(!gfmd_bot::answers::is_valid_id("synonyms"));
    assert!(gfmd_bot::answers::is_valid_id("text-speak"));
}
