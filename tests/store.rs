//! Moderators' writes: new and edited answers in the hand-written format, validation before any
//! write, hostile ids refused, removal to `.trash/`, atomic writes, and saves that take turns.
//! Every test works on a copy of the shipped `responses/` folder in a temporary directory.

mod common;

use common::AnswersCopy;
use gfmd_bot::answers::{AnswerSet, Problem};
use gfmd_bot::locale::Lang;
use gfmd_bot::store::{
    AnswerDraft, SaveMode, Store, StoreError, TranslationDraft, DEFAULT_SOURCE, TRASH_DIR,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A copy of the shipped answers, with the store over it.
struct Copy {
    answers: AnswersCopy,
}

impl Copy {
    fn new() -> Self {
        Self {
            answers: AnswersCopy::shipped(),
        }
    }

    fn dir(&self) -> PathBuf {
        self.answers.dir()
    }

    fn store(&self) -> Store {
        Store::new(self.dir())
    }

    fn file(&self, id: &str) -> PathBuf {
        self.dir().join(format!("{id}.toml"))
    }

    fn text(&self, id: &str) -> String {
        std::fs::read_to_string(self.file(id)).unwrap()
    }

    fn load(&self) -> AnswerSet {
        AnswerSet::load_dir(&self.dir()).unwrap()
    }

    /// Drops the `[fr]` and `[es]` tables of answer `id`, for a test whose edit takes the dates
    /// out of the English answer: its translations keep them, and a translation may hold no
    /// number its English answer lacks, so the save would be refused (see
    /// `an_edit_that_takes_out_a_number_the_translations_still_give_is_refused`).
    fn english_only(&self, id: &str) {
        let text = self.text(id);
        let cut = text
            .find("\n[fr]\n")
            .into_iter()
            .chain(text.find("\n[es]\n"))
            .min();
        std::fs::write(self.file(id), &text[..cut.map_or(text.len(), |at| at + 1)]).unwrap();
    }
}

fn draft(id: &str) -> AnswerDraft {
    AnswerDraft {
        id: id.to_owned(),
        title: "About this study group".to_owned(),
        questions: vec![
            "what does this group read?".to_owned(),
            "".to_owned(),
            "  who runs the study group?  ".to_owned(),
        ],
        description: "We read the **GFMD** background note.".to_owned(),
    }
}

/// Every file and folder under `dir` (hidden ones included) with its contents, for "nothing
/// changed" checks.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut entries = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path.clone());
                entries.insert(path, None);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                entries.insert(path, Some(bytes));
            }
        }
    }
    entries
}

fn hidden_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    names.sort();
    names
}

fn problems(result: Result<impl std::fmt::Debug, StoreError>) -> Vec<Problem> {
    match result {
        Err(StoreError::Invalid(problems)) => problems,
        other => panic!("expected StoreError::Invalid, got {other:?}"),
    }
}

/// 1-based number of the first line of `text` that starts with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|line| line.starts_with(prefix))
        .unwrap()
        + 1
}

/// `text` with the `title`, `questions` and `description` key-value pairs cut out (from the
/// first character of the key to the last of the value), so that everything else, comments and
/// spacing included, can be compared byte for byte.
fn without_edited_pairs(text: &str) -> String {
    let document = toml_edit::ImDocument::parse(text).unwrap();
    let mut spans: Vec<std::ops::Range<usize>> = ["title", "questions", "description"]
        .iter()
        .map(|key| {
            let (key, item) = document.get_key_value(key).unwrap();
            key.span().unwrap().start..item.span().unwrap().end
        })
        .collect();
    spans.sort_by_key(|span| span.start);
    let mut kept = String::new();
    let mut at = 0;
    for span in spans {
        kept.push_str(&text[at..span.start]);
        kept.push_str("<edited>");
        at = span.end;
    }
    kept.push_str(&text[at..]);
    kept
}

#[test]
fn a_new_answer_is_written_in_the_hand_written_format() {
    let copy = Copy::new();
    let before = copy.load().len();
    let saved = copy
        .store()
        .save(&draft("study-group"), SaveMode::New)
        .unwrap();
    assert_eq!(saved.path, copy.file("study-group"));
    assert_eq!(saved.answers(), before + 1);
    let text = copy.text("study-group");
    let (head, reviewed) = text.trim_end().rsplit_once('\n').unwrap();
    let expected = format!(
        r#"# Added with /gfmd-admin add by a moderator.
id = "study-group"
title = "About this study group"
questions = [
  "what does this group read?",
  "who runs the study group?",
]
keywords = []
description = """
We read the **GFMD** background note.
"""
source = "{DEFAULT_SOURCE}""#
    );
    assert_eq!(head, expected);
    let date = reviewed.strip_prefix("reviewed = ").unwrap();
    assert!(
        date.len() == 10 && date.parse::<toml_edit::Datetime>().is_ok(),
        "{reviewed}"
    );
    let set = copy.load();
    assert_eq!(set.len(), saved.answers());
    let answer = set.get("study-group").unwrap();
    assert_eq!(answer.command, None, "no slash-command churn");
    assert_eq!(answer.reviewed.as_deref(), Some(date));
}

#[test]
fn a_new_answer_loads_back_identical_whatever_its_quotes_backslashes_and_markdown() {
    let copy = Copy::new();
    let tricky = AnswerDraft {
        id: "tricky".to_owned(),
        title: r#"Quotes " ' and \ backslashes, """ and ''' too — ünïcödé 🌍"#.to_owned(),
        questions: vec![
            r#"What does "nexus" mean?"#.to_owned(),
            r"C:\path\to\note?".to_owned(),
            "Ends in triple quotes\"\"\"".to_owned(),
        ],
        description: concat!(
            "# Heading\n",
            "> a quote with \"\"\" inside and \"\"\"\" four\n",
            "- a path: C:\\Users\\gfmd\\ and a trailing backslash \\\n",
            "- `code` with ''' and **bold** _it_ ~~s~~ ||spoiler||\n",
            "\tindented with a tab; emoji 🇧🇪 and 日本語\n",
            "ends with a quote \""
        )
        .to_owned(),
    };
    copy.store().save(&tricky, SaveMode::New).unwrap();
    let set = copy.load();
    let answer = set.get("tricky").unwrap();
    assert_eq!(answer.title, tricky.title);
    assert_eq!(answer.questions, tricky.questions);
    assert_eq!(answer.description, tricky.description);
    assert!(copy
        .text("tricky")
        .contains("description = \"\"\"\n# Heading\n"));
}

#[test]
fn inputs_are_trimmed_and_empty_question_lines_dropped() {
    let copy = Copy::new();
    let store = copy.store();
    let spaced = AnswerDraft {
        id: "  study-group ".to_owned(),
        title: "  Spaced title \n".to_owned(),
        questions: vec!["   ".to_owned(), " one? ".to_owned(), String::new()],
        description: "\n\n  Body.  \n\n".to_owned(),
    };
    let saved = store.save(&spaced, SaveMode::New).unwrap();
    assert_eq!(saved.path, copy.file("study-group"));
    let text = copy.text("study-group");
    assert!(text.contains("title = \"Spaced title\"\n"), "{text}");
    assert!(text.contains("questions = [\n  \"one?\",\n]\n"), "{text}");
    assert!(
        text.contains("description = \"\"\"\nBody.\n\"\"\"\n"),
        "{text}"
    );
    let edit = AnswerDraft {
        id: " study-group".to_owned(),
        questions: vec![],
        ..spaced
    };
    store.save(&edit, SaveMode::Edit).unwrap();
    assert!(copy.text("study-group").contains("questions = []\n"));
    assert!(store.read(" study-group ").is_ok());
}

#[test]
fn an_edit_changes_only_title_questions_and_description() {
    let copy = Copy::new();
    let path = copy.file("objectives");
    let shipped = copy.text("objectives");
    // Comments a moderator might have added by hand: above the keys, after a value, between keys.
    let before = format!("# Checked against the source by the study group.\n\n{shipped}")
        .replacen(
            "title = \"The five objectives of the GFMD\"",
            "title = \"The five objectives of the GFMD\"  # also the /gfmd objectives description",
            1,
        )
        .replacen("color = ", "# Sea green, as on the slides.\ncolor = ", 1)
        .replacen("0x2E8B57", "0x2E8B57 # keep", 1);
    std::fs::write(&path, &before).unwrap();
    let old = copy.load().get("objectives").unwrap().clone();

    let edit = AnswerDraft {
        id: "objectives".to_owned(),
        title: "What the GFMD sets out to do".to_owned(),
        questions: vec!["What is the GFMD for?".to_owned()],
        // Objectives 1 to 5 stay named: the translations, which the edit keeps, list them.
        description: "Objectives 1, 2, 3, 4 and 5, in \"short\".\nSee each one.".to_owned(),
    };
    let saved = copy.store().save(&edit, SaveMode::Edit).unwrap();
    assert_eq!(saved.path, path);

    let after = copy.text("objectives");
    assert_eq!(without_edited_pairs(&after), without_edited_pairs(&before));
    assert!(after.contains(
        "title = \"What the GFMD sets out to do\"  # also the /gfmd objectives description\n"
    ));
    let new = copy.load().get("objectives").unwrap().clone();
    assert_eq!(new.title, edit.title);
    assert_eq!(new.questions, edit.questions);
    assert_eq!(new.description, edit.description);
    assert_eq!(
        (&new.command, &new.keywords, &new.color, &new.source),
        (&old.command, &old.keywords, &old.color, &old.source)
    );
    assert_eq!((&new.related, &new.reviewed), (&old.related, &old.reviewed));
}

#[test]
fn an_edit_that_takes_out_a_number_the_translations_still_give_is_refused() {
    let copy = Copy::new();
    let before = snapshot(copy.answers.root());
    let problems = problems(copy.store().save(&draft("timeline"), SaveMode::Edit));
    // The line is the French title's in the file as the edit would have left it.
    assert!(
        problems.iter().any(|problem| {
            problem.file.ends_with("timeline.toml")
                && problem.position.is_some()
                && problem
                    .message
                    .starts_with("[fr] title has the number `1994`")
        }),
        "{problems:#?}"
    );
    assert_eq!(snapshot(copy.answers.root()), before, "nothing was written");
}

#[cfg(unix)]
#[test]
fn an_edit_keeps_the_file_permissions_and_a_new_file_gets_the_usual_ones() {
    use std::os::unix::fs::PermissionsExt;
    let copy = Copy::new();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    copy.english_only("timeline");
    let path = copy.file("timeline");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    copy.store()
        .save(&draft("timeline"), SaveMode::Edit)
        .unwrap();
    assert_eq!(mode(&path), 0o640);

    let probe = copy.answers.root().join("probe");
    std::fs::File::create(&probe).unwrap();
    copy.store()
        .save(&draft("study-group"), SaveMode::New)
        .unwrap();
    assert_eq!(mode(&copy.file("study-group")), mode(&probe));
}

#[test]
fn an_invalid_draft_writes_nothing_and_names_file_and_line() {
    let copy = Copy::new();
    let store = copy.store();
    let before = snapshot(copy.answers.root());

    let too_long = AnswerDraft {
        title: "x".repeat(257),
        ..draft("long-title")
    };
    let found = problems(store.save(&too_long, SaveMode::New));
    let text = found[0].to_string();
    // Line 1 is the comment, line 2 the id, line 3 the title.
    let at = format!("{}:3:", copy.file("long-title").display());
    assert!(text.starts_with(&at), "{text}");
    assert!(
        text.contains("257 characters") && text.contains("256"),
        "{text}"
    );

    let empty = AnswerDraft {
        description: " \n ".to_owned(),
        ..draft("empty-body")
    };
    let found = problems(store.save(&empty, SaveMode::New));
    // comment, id, title, `questions = [`, two phrasings, `]`, keywords, then the description.
    let at = format!("{}:9:", copy.file("empty-body").display());
    assert!(found[0].to_string().starts_with(&at), "{}", found[0]);
    assert!(found[0].message.contains("description must not be empty"));

    // `objectives` has a command, so its title doubles as a description of at most 100.
    let shipped = copy.text("objectives");
    let long_for_a_command = AnswerDraft {
        title: "y".repeat(101),
        ..draft("objectives")
    };
    let found = problems(store.save(&long_for_a_command, SaveMode::Edit));
    let at = format!(
        "{}:{}:",
        copy.file("objectives").display(),
        line_of(&shipped, "title =")
    );
    assert!(found[0].to_string().starts_with(&at), "{}", found[0]);

    assert!(matches!(
        store.save(&draft("timeline"), SaveMode::New),
        Err(StoreError::Exists(id)) if id == "timeline"
    ));
    assert!(matches!(
        store.save(&draft("not-there"), SaveMode::Edit),
        Err(StoreError::NotFound(id)) if id == "not-there"
    ));
    assert_eq!(snapshot(copy.answers.root()), before, "nothing was written");
}

#[test]
fn a_new_answer_with_a_translation_is_validated_like_any_other() {
    let copy = Copy::new();
    let store = copy.store();
    let before = snapshot(copy.answers.root());
    let spanish = TranslationDraft {
        lang: Lang::Es,
        title: "Sobre este grupo de estudio".to_owned(),
        questions: vec!["¿qué lee este grupo?".to_owned()],
        description: "Leemos la nota del **FMMD** desde 1999.".to_owned(),
    };
    // A year the English answer does not give: refused, naming the Spanish table's line.
    let found = problems(store.save_new_translated(&draft("study-group"), &spanish));
    let text = found[0].to_string();
    assert!(text.contains("study-group.toml:"), "{text}");
    assert!(text.contains("[es]") && text.contains("1999"), "{text}");
    assert!(matches!(
        store.save_new_translated(&draft("timeline"), &spanish),
        Err(StoreError::Exists(id)) if id == "timeline"
    ));
    let english = TranslationDraft {
        lang: Lang::En,
        ..spanish.clone()
    };
    assert!(matches!(
        store.save_new_translated(&draft("study-group"), &english),
        Err(StoreError::EnglishTranslation)
    ));
    assert_eq!(snapshot(copy.answers.root()), before, "nothing was written");

    let spanish = TranslationDraft {
        description: "Leemos la nota del **FMMD**.".to_owned(),
        ..spanish
    };
    store
        .save_new_translated(&draft("study-group"), &spanish)
        .unwrap();
    let set = copy.load();
    let answer = set.get("study-group").unwrap();
    assert_eq!(answer.title, "About this study group");
    let read = answer.translation(Lang::Es).unwrap();
    assert_eq!(read.questions, vec!["¿qué lee este grupo?"]);
    assert_eq!(read.description, "Leemos la nota del **FMMD**.");
}

#[test]
fn hostile_ids_are_refused_and_nothing_is_created_outside_the_folder() {
    let copy = Copy::new();
    let store = copy.store();
    let before = snapshot(copy.answers.root());
    let long = "a".repeat(65);
    let hostile = [
        "../etc/passwd",
        "a/b",
        "a\\b",
        ".hidden",
        "UPPER",
        "",
        "   ",
        long.as_str(),
        "con.toml",
        "..",
        "-x",
        "synonyms",
        "nul\0byte",
        "/tmp/abs",
    ];
    for id in hostile {
        let refused = |result: Result<(), StoreError>| {
            assert!(
                matches!(result, Err(StoreError::InvalidId(_))),
                "{id:?}: {result:?}"
            );
        };
        refused(store.path_of(id).map(drop));
        refused(store.read(id).map(drop));
        refused(store.save(&draft(id), SaveMode::New).map(drop));
        refused(store.save(&draft(id), SaveMode::Edit).map(drop));
        refused(store.remove(id).map(drop));
    }
    assert_eq!(snapshot(copy.answers.root()), before);
    assert!(
        store.path_of(&"a".repeat(64)).is_ok(),
        "64 characters is fine"
    );
}

#[test]
fn remove_moves_the_file_to_trash_and_the_set_still_loads() {
    let copy = Copy::new();
    let store = copy.store();
    let shipped = copy.load().len();
    store.save(&draft("study-group"), SaveMode::New).unwrap();
    let text = copy.text("study-group");

    let trashed = store.remove("study-group").unwrap();
    assert_eq!(trashed.parent().unwrap(), copy.dir().join(TRASH_DIR));
    let name = trashed.file_name().unwrap().to_str().unwrap();
    let seconds = name
        .strip_prefix("study-group.")
        .and_then(|rest| rest.strip_suffix(".toml"))
        .unwrap();
    assert!(seconds.parse::<u64>().is_ok(), "{name}");
    assert_eq!(std::fs::read_to_string(&trashed).unwrap(), text);
    assert!(!copy.file("study-group").exists());
    let set = copy.load();
    assert_eq!(set.len(), shipped);
    assert!(set.get("study-group").is_none());

    // The loader skips `.trash/`: the same id can be added again, and removed again, and both
    // removed copies are kept.
    store.save(&draft("study-group"), SaveMode::New).unwrap();
    let again = store.remove("study-group").unwrap();
    assert_ne!(again, trashed);
    assert!(trashed.is_file() && again.is_file());
    assert!(matches!(
        store.remove("study-group"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn remove_of_an_answer_that_others_list_in_related_is_refused() {
    let copy = Copy::new();
    let before = snapshot(copy.answers.root());
    let found = problems(copy.store().remove("objective-1-dialogue"));
    let objectives = copy.text("objectives");
    let at = format!(
        "{}:{}:",
        copy.file("objectives").display(),
        line_of(&objectives, "related =")
    );
    assert!(
        found
            .iter()
            .any(|problem| problem.to_string().starts_with(&at)
                && problem.message.contains("objective-1-dialogue")),
        "{found:?}"
    );
    assert_eq!(snapshot(copy.answers.root()), before, "nothing moved");
}

#[test]
fn an_interrupted_save_leaves_the_old_answer_and_its_temp_file_is_ignored() {
    let copy = Copy::new();
    copy.english_only("timeline");
    let old_title = copy.load().get("timeline").unwrap().title.clone();
    // What a crash in the middle of editing `timeline` leaves: a hidden temp file beside the
    // real one, half written. A complete hidden copy with the same id must be ignored too.
    let edited = copy
        .text("timeline")
        .replacen("title = ", "title = \"Half-saved\" # ", 1);
    std::fs::write(
        copy.dir().join(".tmpAbC123.tmp"),
        &edited[..edited.len() / 2],
    )
    .unwrap();
    std::fs::write(copy.dir().join(".Xy7Qz9.toml"), &edited).unwrap();

    let set = copy.load();
    assert_eq!(set.get("timeline").unwrap().title, old_title);

    let stale = hidden_entries(&copy.dir());
    copy.store()
        .save(&draft("timeline"), SaveMode::Edit)
        .unwrap();
    assert_eq!(
        hidden_entries(&copy.dir()),
        stale,
        "a finished save leaves no temp file"
    );
    assert_eq!(
        copy.load().get("timeline").unwrap().title,
        "About this study group"
    );
}

/// Linux refuses a path of `PATH_MAX` bytes or more, counting the final NUL, with
/// `ENAMETOOLONG`, whoever asks: root too.
#[cfg(target_os = "linux")]
const PATH_MAX: usize = 4096;
#[cfg(target_os = "linux")]
const ENAMETOOLONG: i32 = 36;

/// A new folder under `root` whose path is exactly `length` bytes long (each name at most 255
/// bytes, the most a file system allows).
#[cfg(target_os = "linux")]
fn folder_of_length(root: &Path, length: usize) -> PathBuf {
    let mut dir = root.to_path_buf();
    assert!(
        length >= dir.as_os_str().len() + 2,
        "{dir:?} is already too long"
    );
    loop {
        let missing = length - dir.as_os_str().len();
        // Each step adds "/" and a name; never leave a single byte over (an empty name).
        let step = match missing {
            0 => break,
            258.. => 256,
            257 => 128,
            _ => missing,
        };
        dir.push("d".repeat(step - 1));
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[cfg(target_os = "linux")]
fn a_save_whose_rename_fails_leaves_no_temp_file() {
    // A save writes a hidden temp file beside the answer, then renames it onto the answer. Put
    // the answers folder so deep that the temp file's path (`.XXXXXX.tmp`) fits in PATH_MAX but
    // the new answer's (a 64-character id and `.toml`) is one byte over: the temp file is
    // created and written, and only then does the rename fail. (A read-only folder would not
    // do: root writes into it all the same.)
    let id = "a".repeat(64);
    let name = format!("{id}.toml");
    let root = tempfile::tempdir().unwrap();
    let dir = folder_of_length(root.path(), PATH_MAX - 1 - name.len());
    common::copy_answer_files(&common::shipped_responses(), &dir);
    let target = dir.join(&name);
    assert_eq!(target.as_os_str().len(), PATH_MAX);

    let error = Store::new(&dir)
        .save(&draft(&id), SaveMode::New)
        .expect_err("the rename cannot succeed");
    match &error {
        StoreError::File(file) => {
            assert_eq!(file.path, target, "the rename failed");
            assert_eq!(file.source.raw_os_error(), Some(ENAMETOOLONG), "{error}");
        }
        other => panic!("expected the rename to fail, got {other:?}"),
    }
    assert_eq!(
        hidden_entries(&dir),
        Vec::<String>::new(),
        "no temp file left"
    );
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    names.sort();
    let mut shipped: Vec<_> = std::fs::read_dir(common::shipped_responses())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().ends_with(".toml"))
        .collect();
    shipped.sort();
    assert_eq!(names, shipped, "nothing else was written");
}

#[test]
fn two_moderators_adding_the_same_id_at_once_get_one_answer_and_one_refusal() {
    let copy = Copy::new();
    let barrier = std::sync::Barrier::new(2);
    // Two separate stores over one folder, as two processes would be: only the file system
    // decides who wins, and the loser must not overwrite the winner.
    let outcomes: Vec<Result<(), StoreError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = ["First", "Second"]
            .into_iter()
            .map(|who| {
                let store = copy.store();
                let barrier = &barrier;
                scope.spawn(move || {
                    let mine = AnswerDraft {
                        title: format!("{who} moderator's answer"),
                        ..draft("study-group")
                    };
                    barrier.wait();
                    store.save(&mine, SaveMode::New).map(drop)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let saved = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    let refused = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, Err(StoreError::Exists(_))))
        .count();
    assert_eq!((saved, refused), (1, 1), "{outcomes:?}");
    assert!(hidden_entries(&copy.dir()).is_empty());
    copy.load();
}
