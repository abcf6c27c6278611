//! Live reload: valid edits go live whole, broken edits keep the old set, questions racing a
//! reload see one set or the other, and the file watcher reloads on its own.

mod common;

use arc_swap::ArcSwap;
use common::AnswersCopy;
use gfmd_bot::config::Config;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::reload::{ReloadError, Reloader};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

fn serving(dir: &Path) -> (Arc<Reloader>, Arc<ArcSwap<Knowledge>>) {
    let config = Config {
        responses_dir: Some(dir.to_path_buf()),
        ..Config::default()
    };
    let knowledge = Arc::new(ArcSwap::from_pointee(Knowledge::load(&config).unwrap()));
    (
        Arc::new(Reloader::new(None, config, Arc::clone(&knowledge))),
        knowledge,
    )
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

fn title_of(knowledge: &ArcSwap<Knowledge>, id: &str) -> String {
    knowledge.load().answers().get(id).unwrap().title.clone()
}

#[test]
fn a_valid_edit_goes_live_and_reports_what_changed() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let (reloader, knowledge) = serving(&dir);
    retitle(&dir, "timeline", "Key dates");
    let report = reloader.reload_now().unwrap();
    assert_eq!(report.changed, 1);
    assert_eq!(
        report.to_string(),
        format!("{} answers loaded, 1 changed", report.answers)
    );
    assert_eq!(title_of(&knowledge, "timeline"), "Key dates");
}

#[test]
fn a_broken_edit_keeps_the_old_set_live_and_names_file_and_line() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let (reloader, knowledge) = serving(&dir);
    let before = title_of(&knowledge, "timeline");
    let path = dir.join("timeline.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title = ", "title = = ", 1)).unwrap();
    let error = reloader.reload_now().unwrap_err();
    assert!(matches!(error, ReloadError::Answers(_)));
    let message = error.to_string();
    assert!(message.contains("timeline.toml:2:"), "{message}");
    assert_eq!(title_of(&knowledge, "timeline"), before);
}

#[test]
fn questions_racing_a_reload_see_the_old_set_or_the_new_never_a_mix() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let (reloader, knowledge) = serving(&dir);
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let askers: Vec<_> = (0..2)
        .map(|_| {
            let knowledge = Arc::clone(&knowledge);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut asked = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) || asked == 0 {
                    let snapshot = knowledge.load();
                    let decision = snapshot.decide("what are the objectives of the gfmd");
                    let title = &decision.answer().expect("answered").title;
                    // The title seen belongs to the same snapshot as the index into it.
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
        reloader.reload_now().unwrap();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for asker in askers {
        assert!(asker.join().unwrap() > 0);
    }
    assert_eq!(title_of(&knowledge, "objectives"), "Objectives v19");
}

#[test]
fn the_watcher_reloads_after_a_file_changes() {
    let copy = AnswersCopy::shipped();
    let dir = copy.dir();
    let (reloader, knowledge) = serving(&dir);
    let (sender, receiver) = std::sync::mpsc::channel();
    let _watcher = Arc::clone(&reloader)
        .watch(Duration::from_millis(100), move |result| {
            let _ = sender.send(result.map_err(|error| error.to_string()));
        })
        .unwrap();
    retitle(&dir, "nature", "Informal and voluntary");
    let report = receiver
        .recv_timeout(Duration::from_secs(20))
        .expect("a reload")
        .unwrap();
    assert!(report.changed >= 1);
    assert_eq!(title_of(&knowledge, "nature"), "Informal and voluntary");
}

#[test]
fn the_embedded_set_cannot_be_reloaded_and_says_why() {
    let knowledge = Arc::new(ArcSwap::from_pointee(
        Knowledge::load(&Config::default()).unwrap(),
    ));
    let reloader = Reloader::new(None, Config::default(), knowledge);
    assert!(matches!(reloader.reload_now(), Err(ReloadError::Embedded)));
}
