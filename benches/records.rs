//! What recording costs the bot on the hot path (criterion). Figures: `BENCHMARKS.md`,
//! "Recording (criterion)".
//!
//! - `record/question/discard`: `Recorder::question` with a writer that stores nothing — the
//!   cost of a record call itself (an id, an event, a `try_send`).
//! - `record/question/sqlite`: the same while the writer really stores into SQLite (on another
//!   thread): recording must not get dearer when the database is busy.
//! - `record/vote`: `Recorder::vote`.
//! - `record/member-hash`: `Recorder::member`, the keyed hash of a user id.
//! - `record/question-from-decision`: `Question::decided` for a real decision (building the
//!   record: answer ids, text copy).
//! - `store/1000-questions/sqlite`: recording 1,000 questions and flushing them, so the writer's
//!   throughput into SQLite (batched transactions, WAL, `synchronous = NORMAL`) on this disk.
//!
//! Each timed batch records at most 1,000 events, then the writer is flushed outside the timing,
//! so the channel (8,192) never fills and every call takes the normal path.
//!
//! Run with `cargo bench --bench records` (about a minute).

use criterion::Criterion;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::records::{
    Event, Feedback, Kind, MemberHash, MemberKey, Options, Outcome, Question, RecordId, Recorder,
    Resolution, Source, SqliteStorage, Storage, StorageError, StoredQuestion, UnixMillis,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Storage that keeps nothing.
struct Discard;

impl Storage for Discard {
    fn write(&mut self, _: &[Event]) -> Result<(), StorageError> {
        Ok(())
    }
    fn questions_since(&mut self, _: UnixMillis) -> Result<Vec<StoredQuestion>, StorageError> {
        Ok(Vec::new())
    }
    fn resolve(
        &mut self,
        _: &[RecordId],
        _: Resolution,
        _: UnixMillis,
    ) -> Result<u64, StorageError> {
        Ok(0)
    }
    fn forget_member(&mut self, _: &MemberHash) -> Result<u64, StorageError> {
        Ok(0)
    }
    fn prune(&mut self, _: UnixMillis) -> Result<u64, StorageError> {
        Ok(0)
    }
}

fn question(member: &MemberHash) -> Question {
    Question {
        at: 0,
        source: Source::discord(Kind::Message, Some(1), Some(2)),
        member: Some(member.clone()),
        text: "when is the next GFMD summit going to be held?".to_owned(),
        lang: Lang::En,
        outcome: Outcome::Abstain,
        answer_id: Some("summits".to_owned()),
        score: 0.3,
        runner_up: None,
        micros: 120,
    }
}

/// Times `call` on prepared inputs, 1,000 at a time, flushing the writer between batches
/// without timing it.
fn timed<T>(
    runtime: &tokio::runtime::Runtime,
    recorder: &Recorder,
    iters: u64,
    make: impl Fn() -> T,
    call: impl Fn(T),
) -> Duration {
    let mut total = Duration::ZERO;
    let mut left = iters;
    while left > 0 {
        let count = left.min(1000);
        let inputs: Vec<T> = (0..count).map(|_| make()).collect();
        let started = Instant::now();
        for input in inputs {
            call(input);
        }
        total += started.elapsed();
        runtime
            .block_on(recorder.flush())
            .expect("the bench writer stores");
        left -= count;
    }
    total
}

/// The recorders under test: one whose writer stores nothing, one storing into SQLite.
struct Bench {
    runtime: tokio::runtime::Runtime,
    discard: Recorder,
    sqlite: Recorder,
    member: MemberHash,
    _dir: tempfile::TempDir,
}

impl Bench {
    fn new() -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let key = MemberKey::from_bytes([9; 32]);
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            retention_days: 0,
            ..Options::default()
        };
        let sqlite = SqliteStorage::new(dir.path().join("bench.sqlite3"));
        let (discard, sqlite) = runtime.block_on(async {
            (
                Recorder::start(Discard, key.clone(), options.clone()),
                Recorder::start(sqlite, key.clone(), options),
            )
        });
        let member = discard.member(123_456_789_012_345_678);
        Self {
            runtime,
            discard,
            sqlite,
            member,
            _dir: dir,
        }
    }
}

/// `record/*`: the calls the bot makes on the hot path.
fn record_calls(criterion: &mut Criterion, bench: &Bench) {
    let Bench {
        runtime, member, ..
    } = bench;
    for (name, recorder) in [("discard", &bench.discard), ("sqlite", &bench.sqlite)] {
        criterion.bench_function(&format!("record/question/{name}"), |bencher| {
            bencher.iter_custom(|iters| {
                timed(
                    runtime,
                    recorder,
                    iters,
                    || question(member),
                    |q| {
                        black_box(recorder.question(q));
                    },
                )
            })
        });
    }
    let discard = &bench.discard;
    criterion.bench_function("record/vote", |bencher| {
        bencher.iter_custom(|iters| {
            timed(
                runtime,
                discard,
                iters,
                || member.clone(),
                |voter| {
                    discard.vote(RecordId(1), voter, Feedback::Helpful);
                },
            )
        })
    });
    criterion.bench_function("record/member-hash", |bencher| {
        bencher.iter(|| black_box(discard.member(black_box(123_456_789_012_345_678))))
    });
    let knowledge = Knowledge::load(&gfmd_bot::config::Config::default()).expect("answers load");
    let text = "what are the objectives of the GFMD?";
    let decision = knowledge.decide(text);
    criterion.bench_function("record/question-from-decision", |bencher| {
        bencher.iter(|| {
            black_box(Question::decided(
                Source::discord(Kind::SlashAsk, Some(1), Some(2)),
                Some(member.clone()),
                black_box(text),
                Lang::En,
                &decision,
                Duration::from_micros(80),
            ))
        })
    });
}

/// `store/*`: the writer's throughput into SQLite.
fn store(criterion: &mut Criterion, bench: &Bench) {
    let mut group = criterion.benchmark_group("store");
    group.sample_size(20);
    group.bench_function("1000-questions/sqlite", |bencher| {
        bencher.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let questions: Vec<Question> = (0..1000).map(|_| question(&bench.member)).collect();
                let started = Instant::now();
                for q in questions {
                    bench.sqlite.question(q);
                }
                bench
                    .runtime
                    .block_on(bench.sqlite.flush())
                    .expect("stored");
                total += started.elapsed();
            }
            total
        })
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let bench = Bench::new();
    record_calls(&mut criterion, &bench);
    store(&mut criterion, &bench);
    criterion.final_summary();
    bench.runtime.block_on(async {
        bench.discard.shutdown().await;
        bench.sqlite.shutdown().await;
    });
}
