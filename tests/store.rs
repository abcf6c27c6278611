//! Moderators' writes: new and edited answers in the hand-written format, validation before any
//! write, hostile ids refused, removal to `.trash/`, and atomic writes.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::store::{AnswerDraft, SaveMode, Store, StoreError};
use std::path::Path;

fn copy_of_responses() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("responses").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn draft(id: &str) -> AnswerDraft {
    AnswerDraft {
        id: id.to_owned(),
        title: "About this study group".to_owned(),
        questions: vec!["what does this group read?".to_owned(), "".to_owned()],
        description: "We read the **GFMD** background note — \"together\".".to_owned(),
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_answer_is_written_in_the_hand_written_format_and_loads_back() {
    let dir = copy_of_responses();
    let store = Store::new(dir.path());
    let saved = store.save(&draft("study-group"), SaveMode::New).unwrap();
    assert_eq!(saved.path, dir.path().join("study-group.toml"));
    let text = std::fs::read_to_string(&saved.path).unwrap();
    assert!(text.starts_with("# Added with /gfmd-admin add"));
    assert!(text.contains("description = \"\"\"\n"), "{text}");
    let set = AnswerSet::load_dir(dir.path()).unwrap();
    assert_eq!(set.len(), saved.answers);
    let answer = set.get("study-group").unwrap();
    assert_eq!(answer.title, "About this study group");
    assert_eq!(answer.questions, vec!["what does this group read?"]);
    assert_eq!(answer.description, draft("x").description);
}

#[test]
fn an_edit_changes_only_title_questions_and_description() {
    let dir = copy_of_responses();
    let store = Store::new(dir.path());
    let path = dir.path().join("timeline.toml");
    let before = format!(
        "# A moderator's note that must survive.\n{}",
        std::fs::read_to_string(&path).unwrap()
    );
    std::fs::write(&path, &before).unwrap();
    let edit = AnswerDraft {
        id: "timeline".to_owned(),
        ..draft("timeline")
    };
    store.save(&edit, SaveMode::Edit).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    let untouched = |text: &str| -> Vec<String> {
        let document: toml_edit::DocumentMut = text.parse().unwrap();
        document
            .iter()
            .filter(|(key, _)| !["title", "questions", "description"].contains(key))
            .map(|(key, item)| format!("{key} = {item}"))
            .collect()
    };
    assert_eq!(untouched(&before), untouched(&after));
    assert!(after.starts_with("# A moderator's note that must survive.\n"));
    let answer = AnswerSet::load_dir(dir.path())
        .unwrap()
        .get("timeline")
        .unwrap()
        .clone();
    assert_eq!(answer.title, "About this study group");
    assert_eq!(
        answer.command.as_deref(),
        Some("timeline"),
        "other keys kept"
    );
}

#[test]
fn an_invalid_draft_writes_nothing_and_names_file_and_line() {
    let dir = copy_of_responses();
    let store = Store::new(dir.path());
    let before = files_in(dir.path());
    let too_long = AnswerDraft {
        title: "x".repeat(257),
        ..draft("long-title")
    };
    match store.save(&too_long, SaveMode::New) {
        Err(StoreError::Invalid(problems)) => {
            let text = problems[0].to_string();
            assert!(text.contains("long-title.toml:3:"), "{text}");
            assert!(text.contains("256"), "{text}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let empty = AnswerDraft {
        description: "  ".to_owned(),
        ..draft("empty-body")
    };
    assert!(matches!(
        store.save(&empty, SaveMode::New),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.save(&draft("timeline"), SaveMode::New),
        Err(StoreError::Exists(_))
    ));
    assert!(matches!(
        store.save(&draft("not-there"), SaveMode::Edit),
        Err(StoreError::NotFound(_))
    ));
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn hostile_ids_are_refused_and_nothing_is_created_outside_the_folder() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("responses");
    std::fs::create_dir(&dir).unwrap();
    let store = Store::new(&dir);
    for id in [
        "../etc/passwd",
        "a/b",
        ".hidden",
        "UPPER",
        "",
        &"a".repeat(65),
        "con.toml",
        "..",
        "-x",
    ] {
        assert!(
            matches!(
                store.save(&draft(id), SaveMode::New),
                Err(StoreError::InvalidId(_))
            ),
            "{id:?}"
        );
        assert!(
            matches!(store.remove(id), Err(StoreError::InvalidId(_))),
            "{id:?}"
        );
    }
    assert_eq!(files_in(parent.path()), vec!["responses"]);
    assert!(files_in(&dir).is_empty());
}

#[test]
fn remove_moves_the_file_to_trash_and_refuses_when_others_link_to_it() {
    let dir = copy_of_responses();
    let store = Store::new(dir.path());
    assert!(
        matches!(
            store.remove("objective-1-dialogue"),
            Err(StoreError::Invalid(_))
        ),
        "objectives lists it as related"
    );
    store.save(&draft("study-group"), SaveMode::New).unwrap();
    let trashed = store.remove("study-group").unwrap();
    assert!(trashed.starts_with(dir.path().join(".trash")));
    assert!(trashed.is_file());
    assert!(!dir.path().join("study-group.toml").exists());
    assert!(AnswerSet::load_dir(dir.path())
        .unwrap()
        .get("study-group")
        .is_none());
}

#[test]
fn an_interrupted_write_leaves_the_old_answer_and_a_finished_one_leaves_no_temp_file() {
    let dir = copy_of_responses();
    let store = Store::new(dir.path());
    // What a crash mid-save leaves behind: a hidden, partial temp file beside the real one.
    let partial = std::fs::read_to_string(dir.path().join("timeline.toml")).unwrap();
    std::fs::write(
        dir.path().join(".tmpAbC123.tmp"),
        &partial[..partial.len() / 2],
    )
    .unwrap();
    let set = AnswerSet::load_dir(dir.path()).unwrap();
    assert_eq!(
        set.get("timeline").unwrap().command.as_deref(),
        Some("timeline")
    );
    std::fs::remove_file(dir.path().join(".tmpAbC123.tmp")).unwrap();
    store.save(&draft("study-group"), SaveMode::New).unwrap();
    assert!(
        files_in(dir.path())
            .iter()
            .all(|name| !name.starts_with('.')),
        "{:?}",
        files_in(dir.path())
    );
}
