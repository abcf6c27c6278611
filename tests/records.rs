//! The records (issue 9, storage half), through the public library interface:
//!
//! - what is stored: every field of a question, votes (one per member, changeable), "not this",
//!   opened suggestions, the 1000-character cut, WAL mode and the schema version;
//! - privacy: no raw Discord user id anywhere in the database files, forget-me deletes a
//!   member's rows and their text from the files, retention pruning;
//! - the recorder under faults, each made for real: a locked database, a database deleted
//!   while running, a read-only one (a read-only tmpfs when root, where chmod stops nothing;
//!   chmod otherwise), a corrupt file, a folder that cannot be created, a full disk (a tiny
//!   tmpfs, root only), the in-memory cap, and shutdown;
//! - the inbox (grouping, order, paging, stable keys, resolving), statistics, and the chart.
//!
//! Fault tests run on tokio's paused clock: retries and idle closes happen in virtual time and
//! the tests wait on the recorder's health notifications, never on sleeps. Where a tmpfs cannot
//! be mounted, a test prints why and returns.

use gfmd_bot::locale::Lang;
use gfmd_bot::records::inbox::{self, Miss};
use gfmd_bot::records::{
    chart, now_millis, stats, Candidate, Event, Fault, Feedback, FlushError, Health, Kind,
    MemberKey, Options, Outcome, Question, Reason, RecordId, Recorder, Resolution, Source,
    SqliteStorage, Storage, StoredQuestion, Window, DAY_MILLIS, LATEST_VERSION,
};
use gfmd_bot::wording;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

/// The key every test hashes members with.
fn key() -> MemberKey {
    MemberKey::from_bytes([7; 32])
}

/// A question from a listening channel, asked now.
fn asked(text: &str, outcome: Outcome) -> Question {
    Question {
        at: now_millis(),
        source: Source::discord(Kind::Message, Some(11), Some(22)),
        member: None,
        text: text.to_owned(),
        lang: Lang::En,
        outcome,
        answer_id: (outcome != Outcome::Abstain).then(|| "objectives".to_owned()),
        score: 0.5,
        runner_up: None,
        micros: 150,
    }
}

/// The database file of a test directory.
fn database(dir: &Path) -> PathBuf {
    dir.join("data").join("gfmd-bot.sqlite3")
}

/// A recorder over `path` whose lock waits last 20 ms.
fn start(path: &Path, options: Options) -> Recorder {
    let storage = SqliteStorage::new(path).with_busy_timeout(Duration::from_millis(20));
    Recorder::start(storage, key(), options)
}

/// Every stored question, read as the offline reports read them.
fn stored(path: &Path) -> Vec<StoredQuestion> {
    SqliteStorage::open_read_only(path)
        .expect("the database opens read-only")
        .questions_since(i64::MIN)
        .expect("the questions are readable")
}

fn texts(path: &Path) -> Vec<String> {
    stored(path)
        .into_iter()
        .map(|question| question.question.text)
        .collect()
}

/// Waits (in virtual time, up to an hour of it) until the recorder's health satisfies `what`.
async fn until(recorder: &Recorder, what: impl FnMut(&Health) -> bool) -> Health {
    let mut health = recorder.health();
    tokio::time::timeout(Duration::from_secs(3600), health.wait_for(what))
        .await
        .map(|reached| reached.map(|health| health.clone()))
        .expect("the recorder reached the expected state within an hour of virtual time")
        .expect("the writer is running")
}

/// Log output captured for one test (its thread, its writer task and its blocking jobs).
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    /// Starts capturing everything at INFO and above, until the guard is dropped.
    fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Lines containing `needle`.
    fn count(&self, needle: &str) -> usize {
        self.text()
            .lines()
            .filter(|line| line.contains(needle))
            .count()
    }
}

/// The line the writer logs when storage starts failing.
const FAILING: &str = "cannot record questions";
/// The line it logs when storage works again.
const RESUMED: &str = "recording questions works again";

/// Whether the tests run as root (where chmod does not stop writes).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs {
    dir: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` at `dir`, or says why it cannot.
    fn mount(dir: &Path, size: &str) -> Result<Self, String> {
        if !is_root() {
            return Err("mounting a tmpfs needs root".to_owned());
        }
        std::fs::create_dir_all(dir).map_err(|error| error.to_string())?;
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|error| format!("cannot run mount: {error}"))?;
        if !output.status.success() {
            return Err(format!(
                "mount -t tmpfs is not permitted here: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(Self {
            dir: dir.to_path_buf(),
        })
    }

    /// `mount -o remount,<how>` (`ro` or `rw`).
    fn remount(&self, how: &str) {
        let output = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(&self.dir)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "remount {how}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

/// Every occurrence of `needle` in the database file and its journal files.
fn occurrences(path: &Path, needle: &[u8]) -> usize {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let bytes = std::fs::read(PathBuf::from(name)).unwrap_or_default();
            bytes
                .windows(needle.len())
                .filter(|window| *window == needle)
                .count()
        })
        .sum()
}

// ---------------------------------------------------------------------------------------------
// What is stored

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_recorded_question_is_stored_with_everything_the_issue_lists() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    let member = recorder.member(42);
    let question = Question {
        at: 1_750_000_000_123,
        source: Source::discord(Kind::SlashAsk, Some(1_000_000_000_000_000_001), Some(5)),
        member: Some(member.clone()),
        text: "Quand le FMMD a-t-il commencé ?".to_owned(),
        lang: Lang::Fr,
        outcome: Outcome::Answer,
        answer_id: Some("origins".to_owned()),
        score: 0.875,
        runner_up: Some(Candidate {
            id: "first-meeting".to_owned(),
            score: 0.5,
        }),
        micros: 321,
    };
    let id = recorder.question(question.clone());
    let dm = recorder.question(Question {
        source: Source::discord(Kind::Dm, None, Some(77)),
        ..asked("in a DM", Outcome::Abstain)
    });
    recorder.flush().await.unwrap();

    let rows = stored(&path);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, id, "the id handed back names the stored row");
    assert_eq!(rows[0].question, question);
    assert_eq!(rows[0].question.member, Some(member));
    assert_eq!(rows[1].id, dm);
    assert_eq!(rows[1].question.source.channel_id, None, "no DM channel");
    assert_eq!(rows[1].question.outcome, Outcome::Abstain);
    assert!(id < dm, "ids grow with time");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn the_database_is_in_wal_mode_at_the_latest_schema() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    recorder.question(asked("hello", Outcome::Abstain));
    recorder.flush().await.unwrap();
    let connection = rusqlite::Connection::open(&path).unwrap();
    let mode: String = connection
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(version, LATEST_VERSION as i64);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_database_from_before_languages_is_migrated_and_its_questions_read_as_english() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    recorder.question(asked("what are the objectives", Outcome::Abstain));
    recorder.flush().await.unwrap();
    recorder.shutdown().await;
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch("ALTER TABLE questions DROP COLUMN lang; PRAGMA user_version = 1;")
        .unwrap();
    drop(connection);

    let recorder = start(&path, Options::default());
    recorder.question(Question {
        lang: Lang::Es,
        ..asked("¿cuáles son los objetivos?", Outcome::Abstain)
    });
    recorder.flush().await.unwrap();
    let rows = stored(&path);
    let langs: Vec<Lang> = rows.iter().map(|row| row.question.lang).collect();
    assert_eq!(langs, [Lang::En, Lang::Es]);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn votes_are_one_per_member_and_changeable() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    let (ana, ben) = (recorder.member(1), recorder.member(2));
    let id = recorder.question(asked("what are the objectives", Outcome::Answer));
    recorder.vote(id, ana.clone(), Feedback::Helpful);
    recorder.vote(id, ana.clone(), Feedback::NotHelpful(None));
    recorder.vote(
        id,
        ana.clone(),
        Feedback::NotHelpful(Some(Reason::OutOfDate)),
    );
    // A later vote without a reason keeps the reason given.
    recorder.vote(id, ana.clone(), Feedback::NotHelpful(None));
    recorder.vote(id, ben.clone(), Feedback::Helpful);
    // A vote on a question that was never stored is skipped, not an error.
    recorder.vote(RecordId(1), ben, Feedback::Helpful);
    recorder.flush().await.unwrap();
    let rows = stored(&path);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].helpful, rows[0].not_helpful), (1, 1));
    assert_eq!(rows[0].reasons, vec![Reason::OutOfDate]);

    recorder.vote(id, ana, Feedback::Helpful);
    recorder.flush().await.unwrap();
    let rows = stored(&path);
    assert_eq!((rows[0].helpful, rows[0].not_helpful), (2, 0));
    assert!(rows[0].reasons.is_empty(), "a helpful vote has no reason");
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn not_this_and_opened_suggestions_are_recorded() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    let rejected = recorder.question(asked("who funds it", Outcome::Suggest));
    let opened = recorder.question(asked("who chairs it", Outcome::Suggest));
    let ignored = recorder.question(asked("who hosts it", Outcome::Suggest));
    recorder.not_this(rejected);
    recorder.suggestion_opened(opened, "chairs");
    recorder.suggestion_opened(opened, "later-click-keeps-the-first");
    recorder.flush().await.unwrap();
    let rows = stored(&path);
    let row = |id: RecordId| rows.iter().find(|row| row.id == id).unwrap();
    assert!(row(rejected).not_this);
    assert_eq!(row(opened).opened.as_deref(), Some("chairs"));
    assert_eq!(inbox::miss(row(rejected)), Some(Miss::NotThis));
    assert_eq!(inbox::miss(row(opened)), None);
    assert_eq!(inbox::miss(row(ignored)), Some(Miss::NotOpened));
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_question_is_kept_to_its_first_1000_characters() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    recorder.question(asked(&"é".repeat(1500), Outcome::Abstain));
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path)[0].chars().count(), 1000);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_reader_sees_new_rows_while_the_bot_writes() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    recorder.question(asked("one", Outcome::Abstain));
    recorder.flush().await.unwrap();
    let mut reader = SqliteStorage::open_read_only(&path).unwrap();
    assert_eq!(reader.questions_since(0).unwrap().len(), 1);
    recorder.question(asked("two", Outcome::Abstain));
    recorder.flush().await.unwrap();
    assert_eq!(reader.questions_since(0).unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Privacy

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn no_raw_user_id_is_in_the_database_files() {
    let dir = TempDir::new().unwrap();
    let files = gfmd_bot::records::DataFiles::at(database(dir.path()), 90);
    let recorder = files.start_recorder().unwrap();
    let raw: u64 = 123_456_789_012_345_678;
    let member = recorder.member(raw);
    for n in 0..20 {
        let id = recorder.question(Question {
            member: Some(member.clone()),
            ..asked(&format!("question number {n}"), Outcome::Answer)
        });
        recorder.vote(
            id,
            member.clone(),
            Feedback::NotHelpful(Some(Reason::Unclear)),
        );
    }
    recorder.flush().await.unwrap();

    let path = &files.database;
    assert!(
        occurrences(path, member.as_str().as_bytes()) > 0,
        "the member's hash is stored (so the search looks at the right files)"
    );
    for needle in [
        raw.to_string().into_bytes(),
        raw.to_le_bytes().to_vec(),
        raw.to_be_bytes().to_vec(),
    ] {
        assert_eq!(occurrences(path, &needle), 0, "raw id {needle:?} found");
    }
    let key = std::fs::read(&files.key).unwrap();
    assert_eq!(key.len(), 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files.key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the key is private");
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn forget_me_deletes_the_members_rows_and_their_text_from_the_files() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    let (ana, ben) = (recorder.member(111), recorder.member(222));
    let written = recorder.question(Question {
        member: Some(ana.clone()),
        ..asked("alpha-secret written question", Outcome::Answer)
    });
    recorder.vote(written, ben.clone(), Feedback::Helpful);
    recorder.flush().await.unwrap();
    // Still queued when forget-me arrives, or already written: either way it goes.
    recorder.question(Question {
        member: Some(ana.clone()),
        ..asked("alpha-secret queued question", Outcome::Abstain)
    });
    let bens = recorder.question(Question {
        member: Some(ben.clone()),
        ..asked("bravo question", Outcome::Answer)
    });
    recorder.vote(bens, ana.clone(), Feedback::NotHelpful(None));

    let deleted = recorder.forget_member(ana).await.unwrap();
    assert_eq!(deleted, 3, "two questions and one vote of Ana's");
    recorder.flush().await.unwrap();
    let rows = stored(&path);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, bens);
    assert_eq!(rows[0].not_helpful, 0, "Ana's vote is gone");
    assert_eq!(
        occurrences(&path, b"alpha-secret"),
        0,
        "no trace in the files"
    );
    assert!(occurrences(&path, b"bravo question") > 0);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn retention_deletes_old_questions_and_zero_keeps_them() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let old = Event::Question {
        id: RecordId(1),
        question: Question {
            at: now_millis() - 100 * DAY_MILLIS,
            ..asked("an old question", Outcome::Abstain)
        },
    };
    let recent = Event::Question {
        id: RecordId(2),
        question: Question {
            at: now_millis() - 10 * DAY_MILLIS,
            ..asked("a recent question", Outcome::Abstain)
        },
    };
    SqliteStorage::open(&path)
        .unwrap()
        .write(&[old, recent])
        .unwrap();

    let keep = start(
        &path,
        Options {
            retention_days: 0,
            ..Options::default()
        },
    );
    keep.question(asked("now", Outcome::Abstain));
    keep.flush().await.unwrap();
    assert_eq!(texts(&path).len(), 3, "0 keeps everything");
    keep.shutdown().await;

    let prune = start(&path, Options::default());
    prune.question(asked("later", Outcome::Abstain));
    prune.flush().await.unwrap();
    assert_eq!(texts(&path), ["a recent question", "now", "later"]);
}

// ---------------------------------------------------------------------------------------------
// Faults

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn recording_never_waits_for_a_locked_database_and_resumes_by_itself() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    drop(SqliteStorage::open(&path).unwrap());
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();

    let recorder = start(&path, Options::default());
    for n in 0..1000 {
        recorder.question(asked(&format!("locked {n}"), Outcome::Abstain));
    }
    let health = until(&recorder, |health| health.fault == Some(Fault::Locked)).await;
    assert!(health.pending > 0);
    for n in 0..10 {
        recorder.question(asked(&format!("still locked {n}"), Outcome::Abstain));
    }
    let error = recorder.flush().await.unwrap_err();
    assert_eq!(
        error,
        FlushError::Unwritten {
            count: 1010,
            fault: Fault::Locked
        }
    );

    blocker.execute_batch("COMMIT").unwrap();
    // No flush: the writer retries on its own, after its backoff (virtual time).
    let health = until(&recorder, |health| {
        health.fault.is_none() && health.pending == 0
    })
    .await;
    assert_eq!(health.written, 1010);
    assert_eq!(health.outages, 1);
    assert_eq!(texts(&path).len(), 1010);
    assert_eq!(logs.count(FAILING), 1, "{}", logs.text());
    assert_eq!(logs.count(RESUMED), 1, "{}", logs.text());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_database_deleted_while_running_is_recreated() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    recorder.question(asked("before", Outcome::Abstain));
    recorder.flush().await.unwrap();
    assert!(recorder.health().borrow().connected);

    std::fs::remove_file(&path).unwrap();
    recorder.question(asked("after", Outcome::Abstain));
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path), ["after"], "a new file, with the schema");
    assert_eq!(logs.count("deleted or replaced"), 1, "{}", logs.text());

    // The whole data folder, while the database is open.
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    recorder.question(asked("after the folder", Outcome::Abstain));
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path), ["after the folder"]);
    assert_eq!(logs.count("deleted or replaced"), 2);
    assert_eq!(logs.count(FAILING), 0, "{}", logs.text());
}

/// How a test makes the database folder read-only.
enum ReadOnly {
    /// A tmpfs remounted read-only (root, whom chmod does not stop).
    Mount(Tmpfs),
    /// chmod 0444 on the file, 0555 on its folder (not root).
    Chmod,
}

impl ReadOnly {
    fn set(&self, path: &Path, read_only: bool) {
        match self {
            ReadOnly::Mount(tmpfs) => tmpfs.remount(if read_only { "ro" } else { "rw" }),
            ReadOnly::Chmod => {
                use std::os::unix::fs::PermissionsExt;
                let (file, folder) = if read_only {
                    (0o444, 0o555)
                } else {
                    (0o644, 0o755)
                };
                let set = |path: &Path, mode| {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
                };
                set(path, file);
                set(path.parent().unwrap(), folder);
            }
        }
    }
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_database_made_read_only_keeps_records_until_it_is_writable() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let (base, mode) = if is_root() {
        match Tmpfs::mount(&dir.path().join("mnt"), "8m") {
            Ok(tmpfs) => (dir.path().join("mnt"), ReadOnly::Mount(tmpfs)),
            Err(reason) => {
                eprintln!("skipped: root, where chmod does not stop writes, and {reason}");
                return;
            }
        }
    } else {
        (dir.path().to_path_buf(), ReadOnly::Chmod)
    };
    let path = database(&base);
    let recorder = start(&path, Options::default());
    recorder.question(asked("before", Outcome::Abstain));
    recorder.flush().await.unwrap();
    // Idle, the writer lets go of the file (an open handle would stay writable).
    until(&recorder, |health| !health.connected).await;

    mode.set(&path, true);
    for text in ["one", "two", "three"] {
        recorder.question(asked(text, Outcome::Abstain));
    }
    let error = recorder.flush().await.unwrap_err();
    assert_eq!(
        error,
        FlushError::Unwritten {
            count: 3,
            fault: Fault::ReadOnly
        }
    );
    recorder.question(asked("four", Outcome::Abstain));
    assert!(recorder.flush().await.is_err());
    assert_eq!(recorder.health().borrow().pending, 4);

    mode.set(&path, false);
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path), ["before", "one", "two", "three", "four"]);
    assert_eq!(logs.count(FAILING), 1, "{}", logs.text());
    assert_eq!(logs.count(RESUMED), 1, "{}", logs.text());
    recorder.shutdown().await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_full_disk_keeps_records_until_there_is_room() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let tmpfs = match Tmpfs::mount(&dir.path().join("mnt"), "1m") {
        Ok(tmpfs) => tmpfs,
        Err(reason) => {
            eprintln!("skipped: a full disk needs a small tmpfs, and {reason}");
            return;
        }
    };
    let path = database(&tmpfs.dir);
    let recorder = start(&path, Options::default());
    recorder.question(asked("before", Outcome::Abstain));
    recorder.flush().await.unwrap();

    let filler = tmpfs.dir.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    while file.write_all(&[0u8; 4096]).is_ok() {}
    drop(file);
    for n in 0..60 {
        let text = format!("{n} {}", "a long question that takes room ".repeat(30));
        recorder.question(asked(&text, Outcome::Abstain));
    }
    let error = recorder.flush().await.unwrap_err();
    assert_eq!(
        error,
        FlushError::Unwritten {
            count: 60,
            fault: Fault::Full
        },
        "{}",
        logs.text()
    );
    assert_eq!(recorder.health().borrow().fault, Some(Fault::Full));

    std::fs::remove_file(&filler).unwrap();
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path).len(), 61);
    assert_eq!(logs.count(FAILING), 1, "{}", logs.text());
    assert_eq!(logs.count(RESUMED), 1, "{}", logs.text());
    recorder.shutdown().await;
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_corrupt_database_is_reported_once_and_recording_resumes_when_it_is_moved_away() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"this is not a SQLite database. ".repeat(200)).unwrap();
    let recorder = start(&path, Options::default());
    recorder.question(asked("one", Outcome::Abstain));
    recorder.question(asked("two", Outcome::Abstain));
    let error = recorder.flush().await.unwrap_err();
    assert_eq!(
        error,
        FlushError::Unwritten {
            count: 2,
            fault: Fault::Corrupt
        }
    );
    // Retries, after their backoff in virtual time, log nothing more.
    until(&recorder, |health| health.failures >= 6).await;
    assert_eq!(logs.count(FAILING), 1, "{}", logs.text());

    std::fs::rename(&path, path.with_extension("damaged")).unwrap();
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path), ["one", "two"]);
    assert_eq!(logs.count(FAILING), 1, "{}", logs.text());
    assert_eq!(logs.count(RESUMED), 1, "{}", logs.text());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_folder_that_cannot_be_created_is_a_missing_database_until_it_can() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"a file where the data folder should be").unwrap();
    let path = blocked.join("gfmd-bot.sqlite3");
    let recorder = start(&path, Options::default());
    recorder.question(asked("one", Outcome::Abstain));
    let error = recorder.flush().await.unwrap_err();
    assert_eq!(
        error,
        FlushError::Unwritten {
            count: 1,
            fault: Fault::Missing
        }
    );
    std::fs::remove_file(&blocked).unwrap();
    recorder.flush().await.unwrap();
    assert_eq!(texts(&path), ["one"]);
    assert_eq!(logs.count(FAILING), 1);
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn beyond_the_cap_the_oldest_records_are_dropped_with_one_log_line() {
    let (logs, _guard) = Logs::capture();
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    drop(SqliteStorage::open(&path).unwrap());
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let options = Options {
        max_pending: 10,
        ..Options::default()
    };
    let recorder = start(&path, options);
    for n in 0..25 {
        recorder.question(asked(&format!("q{n:02}"), Outcome::Abstain));
    }
    let health = until(&recorder, |health| {
        health.dropped == 15 && health.fault.is_some()
    })
    .await;
    assert_eq!(health.pending, 10);
    blocker.execute_batch("COMMIT").unwrap();
    recorder.flush().await.unwrap();
    let kept: Vec<String> = (15..25).map(|n| format!("q{n:02}")).collect();
    assert_eq!(texts(&path), kept, "the newest are kept");
    assert_eq!(logs.count("dropping the oldest"), 1, "{}", logs.text());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn shutdown_writes_the_queue_and_reports_what_it_could_not() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let recorder = start(&path, Options::default());
    let clone = recorder.clone();
    for n in 0..100 {
        clone.question(asked(&format!("q{n}"), Outcome::Abstain));
    }
    let report = recorder.shutdown().await;
    assert_eq!((report.written, report.unwritten), (100, 0));
    assert_eq!(texts(&path).len(), 100);
    assert!(recorder.health().borrow().stopped);
    clone.question(asked("too late", Outcome::Abstain));
    assert_eq!(recorder.flush().await, Err(FlushError::Stopped));
    assert_eq!(
        recorder.shutdown().await.written,
        100,
        "a second call is harmless"
    );

    let (logs, _guard) = Logs::capture();
    let blocker = rusqlite::Connection::open(&path).unwrap();
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let recorder = start(&path, Options::default());
    for n in 0..5 {
        recorder.question(asked(&format!("lost {n}"), Outcome::Abstain));
    }
    let report = recorder.shutdown().await;
    assert_eq!((report.written, report.unwritten), (0, 5));
    assert_eq!(logs.count("they are lost"), 1, "{}", logs.text());
}

#[tokio::test(flavor = "current_thread", start_paused = true)]
async fn a_disabled_recorder_accepts_everything_and_stores_nothing() {
    let recorder = Recorder::disabled();
    assert!(!recorder.is_enabled());
    let id = recorder.question(asked("anything", Outcome::Abstain));
    recorder.vote(id, recorder.member(1), Feedback::Helpful);
    assert_eq!(recorder.flush().await, Ok(()));
    assert_eq!(recorder.forget_member(recorder.member(1)).await.unwrap(), 0);
}

// ---------------------------------------------------------------------------------------------
// Inbox and statistics

/// A fixed "now": 2025-06-15T12:00:00Z.
const NOW: i64 = 1_749_988_800_000;

/// Writes questions straight into storage: `(id, days ago, text, outcome, best candidate)`.
fn seed(path: &Path, questions: &[(i64, i64, &str, Outcome, Option<&str>)]) -> SqliteStorage {
    let mut storage = SqliteStorage::open(path).unwrap();
    let events: Vec<Event> = questions
        .iter()
        .map(|&(id, days_ago, text, outcome, answer)| Event::Question {
            id: RecordId(id),
            question: Question {
                at: NOW - days_ago * DAY_MILLIS + id,
                answer_id: answer.map(str::to_owned),
                micros: id as u64 * 10,
                ..asked(text, outcome)
            },
        })
        .collect();
    storage.write(&events).unwrap();
    storage
}

fn vote(storage: &mut SqliteStorage, id: i64, member: u64, feedback: Feedback) {
    let event = Event::Vote {
        question: RecordId(id),
        member: key().hash(member),
        feedback,
        at: NOW,
    };
    storage.write(&[event]).unwrap();
}

#[test]
fn the_inbox_groups_near_duplicate_misses_most_frequent_first() {
    let dir = TempDir::new().unwrap();
    use Outcome::{Abstain, Answer, Suggest};
    let mut storage = seed(
        &database(dir.path()),
        &[
            (1, 3, "Who pays for the GFMD?", Suggest, Some("funding")),
            (2, 2, "when is the next summit", Abstain, None),
            (3, 2, "What is the GFMD?", Answer, Some("what-is-gfmd")),
            (
                4,
                1,
                "When's the next GFMD summit??",
                Abstain,
                Some("summits"),
            ),
            (5, 1, "how do I join the gfmd", Answer, Some("membership")),
            (6, 1, "who pays for gfmd", Abstain, Some("funding")),
            (7, 0, "when is the nxet summit", Suggest, Some("summits")),
            (8, 0, "who chairs it", Suggest, Some("chairs")),
            (
                9,
                0,
                "where is the secretariat",
                Suggest,
                Some("secretariat"),
            ),
            (10, 40, "when is the next summit", Abstain, None),
        ],
    );
    vote(
        &mut storage,
        5,
        1,
        Feedback::NotHelpful(Some(Reason::WrongAnswer)),
    );
    vote(&mut storage, 3, 1, Feedback::Helpful);
    let opened = Event::SuggestionOpened {
        question: RecordId(8),
        answer_id: "chairs".to_owned(),
        at: NOW,
    };
    let not_this = Event::NotThis {
        question: RecordId(9),
        at: NOW,
    };
    storage.write(&[opened, not_this]).unwrap();

    let page = inbox::inbox(&mut storage, 30, NOW, 1, 10).unwrap();
    let rows: Vec<(usize, &str)> = page
        .groups
        .iter()
        .map(|group| (group.count, group.example.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (3, "when is the next summit"),
            (2, "Who pays for the GFMD?"),
            (1, "where is the secretariat"),
            (1, "how do I join the gfmd"),
        ],
        "answered and opened questions are not misses; question 10 is older than 30 days"
    );
    let summit = &page.groups[0];
    assert_eq!(summit.key, "g2");
    assert_eq!((summit.misses.unanswered, summit.misses.not_opened), (2, 1));
    assert_eq!(summit.candidates, ["summits"]);
    assert_eq!(summit.question_ids, [RecordId(2), RecordId(4), RecordId(7)]);
    let pays = &page.groups[1].misses;
    assert_eq!((pays.not_opened, pays.unanswered), (1, 1));
    assert_eq!(page.groups[2].misses.not_this, 1);
    assert_eq!(page.groups[3].misses.not_helpful, 1);
    assert_eq!((page.total_groups, page.total_questions), (4, 7));
    assert!(page.groups.iter().all(|group| group.key.len() <= 60));
}

#[test]
fn a_resolved_group_leaves_the_inbox_and_a_group_key_stays_stable() {
    let dir = TempDir::new().unwrap();
    let path = database(dir.path());
    let mut storage = seed(
        &path,
        &[
            (1, 2, "when is the next summit", Outcome::Abstain, None),
            (2, 1, "who founded the gfmd", Outcome::Abstain, None),
        ],
    );
    let keys = |storage: &mut SqliteStorage| {
        inbox::inbox(storage, 30, NOW, 1, 10)
            .unwrap()
            .groups
            .into_iter()
            .map(|group| (group.key, group.count))
            .collect::<Vec<_>>()
    };
    // One question each: the most recent first.
    assert_eq!(keys(&mut storage), [("g2".into(), 1), ("g1".into(), 1)]);
    // A newer near-duplicate joins the group; its key does not change.
    storage
        .write(&[Event::Question {
            id: RecordId(3),
            question: Question {
                at: NOW,
                ..asked("When is the next summit?", Outcome::Abstain)
            },
        }])
        .unwrap();
    assert_eq!(keys(&mut storage), [("g1".into(), 2), ("g2".into(), 1)]);

    let resolved =
        inbox::resolve_group(&mut storage, "g1", Resolution::PhrasingAdded, NOW).unwrap();
    assert_eq!(resolved, 2);
    assert_eq!(keys(&mut storage), [("g2".into(), 1)]);
    let again = inbox::resolve_group(&mut storage, "g1", Resolution::Dismissed, NOW).unwrap();
    assert_eq!(again, 0, "already resolved");
    let rows = storage.questions_since(i64::MIN).unwrap();
    assert_eq!(rows[0].resolved, Some(Resolution::PhrasingAdded));
    for unknown in ["g99", "bogus", ""] {
        assert!(matches!(
            inbox::resolve_group(&mut storage, unknown, Resolution::Dismissed, NOW),
            Err(inbox::ResolveError::UnknownGroup(_))
        ));
    }
}

#[test]
fn the_inbox_comes_in_pages() {
    let dir = TempDir::new().unwrap();
    let texts: Vec<String> = (0..23).map(|n| format!("zebra{n} giraffe{n}")).collect();
    let questions: Vec<(i64, i64, &str, Outcome, Option<&str>)> = texts
        .iter()
        .enumerate()
        .map(|(n, text)| (n as i64 + 1, 0, text.as_str(), Outcome::Abstain, None))
        .collect();
    let mut storage = seed(&database(dir.path()), &questions);
    let mut page = |number| inbox::inbox(&mut storage, 7, NOW, number, 10).unwrap();
    let third = page(3);
    assert_eq!((third.pages, third.page, third.groups.len()), (3, 3, 3));
    assert_eq!(page(9).page, 3, "past the end shows the last page");
    assert_eq!(page(0).page, 1);
    assert_eq!(page(1).groups.len(), 10);
}

#[test]
fn statistics_count_outcomes_votes_time_and_days() {
    let dir = TempDir::new().unwrap();
    use Outcome::{Abstain, Answer, Suggest};
    let mut storage = seed(
        &database(dir.path()),
        &[
            (1, 6, "what are the objectives", Answer, Some("objectives")),
            (2, 6, "objectives?", Answer, Some("objectives")),
            (3, 4, "who founded it", Answer, Some("origins")),
            (4, 4, "something odd", Abstain, None),
            (5, 0, "something odd!", Abstain, None),
            (6, 0, "who chairs", Suggest, Some("chairs")),
            (7, 0, "another thing entirely", Abstain, None),
            (8, 0, "what are the objectives", Answer, Some("objectives")),
            (100, 8, "too old for the window", Answer, Some("origins")),
        ],
    );
    vote(&mut storage, 1, 1, Feedback::Helpful);
    vote(&mut storage, 1, 2, Feedback::Helpful);
    vote(&mut storage, 3, 1, Feedback::NotHelpful(None));

    let stats = stats::stats(&mut storage, 7, NOW).unwrap();
    assert_eq!(
        (stats.from.as_str(), stats.to.as_str()),
        ("2025-06-09", "2025-06-15")
    );
    assert_eq!(stats.questions, 8);
    assert_eq!(
        (stats.answered, stats.suggested, stats.abstained),
        (4, 1, 3)
    );
    assert_eq!(stats.answered_share, 0.5);
    assert_eq!(stats.abstained_share, 3.0 / 8.0);
    assert_eq!((stats.helpful, stats.not_helpful), (2, 1));
    let top: Vec<(&str, u64)> = stats
        .top_answers
        .iter()
        .map(|answer| (answer.id.as_str(), answer.count))
        .collect();
    assert_eq!(top, [("objectives", 3), ("origins", 1)]);
    assert_eq!(stats.top_unanswered[0].count, 2);
    assert_eq!(stats.top_unanswered[0].example, "something odd");
    // micros are 10 × id: 10, 20, ..., 80.
    assert_eq!(
        (stats.median_micros, stats.p99_micros),
        (Some(40), Some(80))
    );
    let daily: Vec<(&str, u64, u64, u64)> = stats
        .daily
        .iter()
        .map(|day| {
            (
                day.date.as_str(),
                day.answered,
                day.suggested,
                day.abstained,
            )
        })
        .collect();
    assert_eq!(
        daily,
        [
            ("2025-06-09", 2, 0, 0),
            ("2025-06-10", 0, 0, 0),
            ("2025-06-11", 1, 0, 1),
            ("2025-06-12", 0, 0, 0),
            ("2025-06-13", 0, 0, 0),
            ("2025-06-14", 0, 0, 0),
            ("2025-06-15", 1, 1, 2),
        ]
    );
    let empty = stats::compute(&[], Window::last_days(3, NOW));
    assert_eq!((empty.questions, empty.median_micros), (0, None));
    assert_eq!(empty.answered_share, 0.0);
}

#[test]
fn the_chart_is_a_png_of_the_asked_size_with_bars_and_text() {
    let dir = TempDir::new().unwrap();
    let mut storage = seed(
        &database(dir.path()),
        &[
            (1, 2, "a", Outcome::Answer, Some("x")),
            (2, 1, "b", Outcome::Suggest, Some("x")),
            (3, 0, "c", Outcome::Abstain, None),
            (4, 0, "d", Outcome::Answer, Some("x")),
        ],
    );
    let stats = stats::stats(&mut storage, 14, NOW).unwrap();
    let labels = chart::Labels::of("Questions per day", &wording::ENGLISH.moderation.stats);
    let png = chart::daily_png(&stats.daily, &labels, 640, 320).unwrap();

    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.width, frame.height), (640, 320));
    assert_eq!(frame.color_type, png::ColorType::Rgb);
    let pixel = |x: u32, y: u32| {
        let at = ((y * frame.width + x) * 3) as usize;
        (pixels[at], pixels[at + 1], pixels[at + 2])
    };
    let count = |test: &dyn Fn((u8, u8, u8)) -> bool, rows: std::ops::Range<u32>| {
        rows.flat_map(|y| (0..frame.width).map(move |x| (x, y)))
            .filter(|&(x, y)| test(pixel(x, y)))
            .count()
    };
    let all = 0..frame.height;
    for colour in [(0, 158, 115), (230, 159, 0), (213, 94, 0)] {
        assert!(
            count(&|p| p == colour, all.clone()) > 100,
            "bars of {colour:?}"
        );
    }
    let dark = |(r, g, b): (u8, u8, u8)| u32::from(r) + u32::from(g) + u32::from(b) < 200;
    assert!(
        count(&dark, 0..30) > 150,
        "the title is drawn with the embedded font"
    );
}
