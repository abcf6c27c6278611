//! The keeper of the answers: valid edits go live whole, broken edits keep the old set, questions
//! racing a reload see one set or the other, the watcher reloads hand edits on its own, a
//! moderator's save costs exactly one reload, and a `responses_dir` change moves the store and
//! the watcher with it.

mod common;

use common::{copy_answer_files, shipped_responses, AnswersCopy};
use gfmd_bot::config::{env, Config, Environment};
use gfmd_bot::keeper::{ChangeError, Keeper, ReloadError, WatchEvent};
use gfmd_bot::locale::Lang;
use gfmd_bot::store::{AnswerDraft, SaveMode, StoreError, TranslationDraft};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::sync::Arc;
use std::time::Duration;

/// How long a test waits for the watcher before failing (not a synchronisation delay: the test
/// goes on as soon as the event arrives).
const WATCHER_DEADLINE: Duration = Duration::from_secs(20);

fn copy_responses(into: &Path) {
    copy_answer_files(&shipped_responses(), into);
}

/// A keeper serving `dir`, with no config file.
fn serving(dir: &Path) -> Arc<Keeper> {
    let config = Config {
        responses_dir: Some(dir.to_path_buf()),
        ..Config::default()
    };
    Arc::new(Keeper::start(config, None, Environment::default()).unwrap())
}

/// A keeper reading `config_path` (with `environment` applied).
fn from_file(config_path: &Path, environment: Environment) -> Arc<Keeper> {
    let mut config = Config::load(config_path).unwrap();
    config.apply_env(|name| environment.get(name)).unwrap();
    Arc::new(Keeper::start(config, Some(config_path.to_path_buf()), environment).unwrap())
}

fn watching(keeper: &Arc<Keeper>) -> Receiver<WatchEvent> {
    let (sender, receiver) = channel();
    keeper
        .watch(Duration::from_millis(100), move |event| {
            let _ = sender.send(event);
        })
        .unwrap();
    receiver
}

fn next_event(events: &Receiver<WatchEvent>) -> WatchEvent {
    events
        .recv_timeout(WATCHER_DEADLINE)
        .expect("the watcher reports the change")
}

/// The next event that is not [`WatchEvent::Unchanged`] (a save's rename may reach the watcher in
/// more than one batch; each is recognised as already live).
fn next_change(events: &Receiver<WatchEvent>) -> WatchEvent {
    loop {
        match next_event(events) {
            WatchEvent::Unchanged => continue,
            event => return event,
        }
    }
}

fn retitle(dir: &Path, id: &str, title: &str) {
    let path = dir.join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let old = text
        .lines()
        .find(|line| line.starts_with("title = "))
        .unwrap()
        .to_owned();
    std::fs::write(&path, text.replace(&old, &format!("title = \"{title}\""))).unwrap();
}

fn title_of(keeper: &Keeper, id: &str) -> String {
    keeper.knowledge().answers().get(id).unwrap().title.clone()
}

fn draft(id: &str) -> AnswerDraft {
    AnswerDraft {
        id: id.to_owned(),
        title: "About this study group".to_owned(),
        questions: vec!["what does this study group read?".to_owned()],
        description: "We read the GFMD background note together.".to_owned(),
    }
}

#[test]
fn a_valid_edit_goes_live_and_reports_what_changed() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    retitle(&dir, "timeline", "Key dates");
    let report = keeper.reload().unwrap();
    assert_eq!(report.changed, 1);
    assert_eq!(
        report.to_string(),
        format!("{} answers loaded, 1 changed", report.answers)
    );
    assert_eq!(title_of(&keeper, "timeline"), "Key dates");
}

#[test]
fn a_reload_shares_the_examples_after_a_retitle_and_after_a_moderators_new_answer() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let first = keeper.knowledge().clone();
    retitle(&dir, "timeline", "Key dates");
    keeper.reload().unwrap();
    let retitled = keeper.knowledge().clone();
    for lang in Lang::ALL {
        assert!(retitled
            .matcher_in(lang)
            .shares_examples_with(first.matcher_in(lang)));
    }
    // No dev-set label names a moderator's new answer: the examples stay shared.
    keeper.save(&draft("study-group"), SaveMode::New).unwrap();
    let added = keeper.knowledge().clone();
    for lang in Lang::ALL {
        assert!(added
            .matcher_in(lang)
            .shares_examples_with(retitled.matcher_in(lang)));
    }
    let verdict = added.decide("what does this study group read?");
    assert_eq!(
        verdict.answer().map(|answer| answer.id.as_str()),
        Some("study-group")
    );
}

#[test]
fn a_broken_edit_keeps_the_old_set_live_and_names_file_and_line() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let before = title_of(&keeper, "timeline");
    let path = dir.join("timeline.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title = ", "title = = ", 1)).unwrap();
    let error = keeper.reload().unwrap_err();
    assert!(matches!(error, ReloadError::Answers(_)));
    let message = error.to_string();
    assert!(message.contains("timeline.toml:2:"), "{message}");
    assert_eq!(title_of(&keeper, "timeline"), before);
}

#[test]
fn a_broken_edit_is_reported_once_and_its_fix_goes_live() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let path = dir.join("timeline.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title = ", "title = = ", 1)).unwrap();
    assert!(keeper.reload_if_changed().is_err());
    assert!(
        keeper.reload_if_changed().unwrap().is_none(),
        "the same broken files are not tried again"
    );
    std::fs::write(&path, &text).unwrap();
    retitle(&dir, "timeline", "Fixed");
    let report = keeper
        .reload_if_changed()
        .unwrap()
        .expect("the fix is loaded");
    assert_eq!(report.changed, 1);
    assert_eq!(title_of(&keeper, "timeline"), "Fixed");
}

#[test]
fn questions_racing_a_reload_see_the_old_set_or_the_new_never_a_mix() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let askers: Vec<_> = (0..2)
        .map(|_| {
            let keeper = Arc::clone(&keeper);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut asked = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || asked == 0 {
                    let snapshot = keeper.knowledge();
                    let verdict = snapshot.decide("what are the objectives of the gfmd");
                    let title = &verdict.answer().expect("answered").title;
                    // The answer given belongs to the same snapshot as the set it came from.
                    assert_eq!(snapshot.answers().get("objectives").unwrap().title, *title);
                    assert!(
                        title == "The five objectives of the GFMD"
                            || title.starts_with("Objectives v")
                    );
                    asked += 1;
                }
                asked
            })
        })
        .collect();
    for version in 0..20 {
        retitle(&dir, "objectives", &format!("Objectives v{version}"));
        keeper.reload().unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for asker in askers {
        assert!(asker.join().unwrap() > 0);
    }
    assert_eq!(title_of(&keeper, "objectives"), "Objectives v19");
}

#[test]
fn the_watcher_reloads_after_a_file_changes() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let events = watching(&keeper);
    retitle(&dir, "nature", "Informal and voluntary");
    let WatchEvent::Reloaded(report) = next_event(&events) else {
        panic!("expected a reload")
    };
    assert_eq!(report.changed, 1);
    assert_eq!(title_of(&keeper, "nature"), "Informal and voluntary");
}

#[test]
fn a_moderators_save_is_one_reload_and_the_watcher_does_not_reload_it_again() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let events = watching(&keeper);
    assert_eq!(keeper.swaps(), 0);
    let change = keeper.save(&draft("study-group"), SaveMode::New).unwrap();
    assert_eq!(change.report.changed, 1);
    assert_eq!(
        keeper.swaps(),
        1,
        "the save swapped in the set it validated"
    );
    assert!(keeper.knowledge().answers().get("study-group").is_some());
    // The watcher sees the save's rename and recognises the files as already live.
    assert!(matches!(next_event(&events), WatchEvent::Unchanged));
    assert_eq!(keeper.swaps(), 1, "no second reload");
    // It is still watching: a hand edit after the save is reloaded.
    retitle(&dir, "nature", "Informal and voluntary");
    assert!(matches!(next_change(&events), WatchEvent::Reloaded(_)));
    assert_eq!(keeper.swaps(), 2);
}

#[test]
fn an_added_phrasing_is_written_and_answers_at_once() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let question = "zanzibar quokka timetable";
    assert!(keeper.knowledge().decide(question).answer().is_none());
    keeper.add_phrasing("timeline", Lang::En, question).unwrap();
    let file = std::fs::read_to_string(dir.join("timeline.toml")).unwrap();
    assert!(file.contains(&format!("\"{question}\"")), "{file}");
    let knowledge = keeper.knowledge();
    let verdict = knowledge.decide(question);
    assert_eq!(
        verdict.answer().map(|answer| answer.id.as_str()),
        Some("timeline")
    );
}

#[test]
fn a_new_answer_with_its_french_translation_answers_the_french_question_at_once() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let keeper = serving(&dir);
    let question = "qui finance les zanzibar quokkas ?";
    assert!(keeper
        .knowledge()
        .decide_in(Lang::Fr, question)
        .answer()
        .is_none());
    let english = AnswerDraft {
        id: "quokka-funding".to_owned(),
        title: "Who funds the Zanzibar quokkas".to_owned(),
        questions: vec![],
        description: "The background note does not say.".to_owned(),
    };
    let french = TranslationDraft {
        lang: Lang::Fr,
        title: "Qui finance les quokkas de Zanzibar".to_owned(),
        questions: vec![question.to_owned()],
        description: "La note de synthèse ne le dit pas.".to_owned(),
    };
    let change = keeper.save_new_translated(&english, &french).unwrap();
    assert_eq!(change.id, "quokka-funding");
    let knowledge = keeper.knowledge();
    let answer = knowledge.decide_in(Lang::Fr, question).answer().cloned();
    let answer = answer.expect("the French question is answered");
    assert_eq!(answer.id, "quokka-funding");
    assert_eq!(
        answer
            .translation(Lang::Fr)
            .map(|french| french.title.as_str()),
        Some("Qui finance les quokkas de Zanzibar")
    );
    // The English answer has no Spanish table: a Spanish asker is not given it in Spanish.
    assert!(answer.translation(Lang::Es).is_none());
    assert!(matches!(
        keeper.save_new_translated(&english, &french),
        Err(ChangeError::Store(StoreError::Exists(_)))
    ));
}

#[test]
fn a_responses_dir_change_moves_the_store_and_the_watcher() {
    let root = tempfile::tempdir().unwrap();
    copy_responses(&root.path().join("a"));
    copy_responses(&root.path().join("b"));
    let config_path = root.path().join("config.toml");
    std::fs::write(&config_path, "responses_dir = \"a\"\n").unwrap();
    let keeper = from_file(&config_path, Environment::default());
    let events = watching(&keeper);
    std::fs::write(&config_path, "responses_dir = \"b\"\n").unwrap();
    assert!(matches!(next_event(&events), WatchEvent::Reloaded(_)));
    assert_eq!(keeper.responses_dir(), Some(root.path().join("b")));
    assert_eq!(keeper.watched_dir(), Some(root.path().join("b")));
    keeper.save(&draft("study-group"), SaveMode::New).unwrap();
    assert!(root.path().join("b/study-group.toml").is_file());
    assert!(!root.path().join("a/study-group.toml").exists());
    assert!(matches!(next_event(&events), WatchEvent::Unchanged));
    retitle(&root.path().join("b"), "nature", "Seen in b");
    assert!(matches!(next_change(&events), WatchEvent::Reloaded(_)));
    assert_eq!(title_of(&keeper, "nature"), "Seen in b");
}

#[test]
fn a_config_edit_not_yet_reloaded_when_a_moderator_saves_still_goes_live() {
    let root = tempfile::tempdir().unwrap();
    copy_responses(&root.path().join("a"));
    copy_responses(&root.path().join("b"));
    let config_path = root.path().join("config.toml");
    std::fs::write(&config_path, "responses_dir = \"a\"\n").unwrap();
    let keeper = from_file(&config_path, Environment::default());
    // The edit the watcher would reload after its quiet time; a save comes first.
    std::fs::write(&config_path, "responses_dir = \"b\"\n").unwrap();
    keeper.save(&draft("study-group"), SaveMode::New).unwrap();
    assert!(root.path().join("a/study-group.toml").is_file());
    assert!(
        keeper.reload_if_changed().unwrap().is_some(),
        "the save did not take the config edit for one already loaded"
    );
    assert_eq!(keeper.responses_dir(), Some(root.path().join("b")));
}

#[test]
fn a_config_edited_after_it_was_read_is_loaded_at_the_first_look() {
    let root = tempfile::tempdir().unwrap();
    copy_responses(&root.path().join("a"));
    copy_responses(&root.path().join("b"));
    let config_path = root.path().join("config.toml");
    std::fs::write(&config_path, "responses_dir = \"a\"\n").unwrap();
    let config = Config::load(&config_path).unwrap();
    // Edited between the caller's read and the keeper's start.
    std::fs::write(&config_path, "responses_dir = \"b\"\n").unwrap();
    let keeper = Keeper::start(config, Some(config_path.clone()), Environment::default()).unwrap();
    assert_eq!(keeper.responses_dir(), Some(root.path().join("a")));
    assert!(keeper.reload_if_changed().unwrap().is_some());
    assert_eq!(keeper.responses_dir(), Some(root.path().join("b")));
    // Once loaded, the same files are recognised.
    assert!(keeper.reload_if_changed().unwrap().is_none());
}

#[test]
fn a_keeper_started_from_its_config_file_recognises_the_files_it_loaded() {
    let root = tempfile::tempdir().unwrap();
    copy_responses(&root.path().join("a"));
    let config_path = root.path().join("config.toml");
    std::fs::write(&config_path, "responses_dir = \"a\"\n").unwrap();
    let keeper = from_file(&config_path, Environment::default());
    assert!(keeper.reload_if_changed().unwrap().is_none());
    keeper.save(&draft("study-group"), SaveMode::New).unwrap();
    assert!(
        keeper.reload_if_changed().unwrap().is_none(),
        "no second reload"
    );
    assert_eq!(keeper.swaps(), 1);
}

#[test]
fn reloads_apply_the_environment_the_keeper_was_given() {
    let root = tempfile::tempdir().unwrap();
    copy_responses(&root.path().join("a"));
    copy_responses(&root.path().join("b"));
    retitle(&root.path().join("b"), "timeline", "From b");
    let config_path = root.path().join("config.toml");
    std::fs::write(&config_path, "responses_dir = \"a\"\n").unwrap();
    let environment = Environment::from_pairs([(
        env::RESPONSES_DIR.to_owned(),
        root.path().join("b").display().to_string(),
    )]);
    assert!(std::env::var(env::RESPONSES_DIR).is_err());
    let keeper = from_file(&config_path, environment);
    assert_eq!(title_of(&keeper, "timeline"), "From b");
    keeper.reload().unwrap();
    assert_eq!(keeper.responses_dir(), Some(root.path().join("b")));
    assert_eq!(title_of(&keeper, "timeline"), "From b");
}

#[test]
fn the_embedded_set_cannot_be_reloaded_or_changed_and_says_why() {
    let keeper = Keeper::start(Config::default(), None, Environment::default()).unwrap();
    assert!(matches!(keeper.reload(), Err(ReloadError::Embedded)));
    assert!(!keeper.is_editable());
    assert!(keeper.save(&draft("x"), SaveMode::New).is_err());
}
