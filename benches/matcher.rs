//! Matcher benchmarks (criterion). Figures and what each one measures: `BENCHMARKS.md`.
//!
//! - `decide/curated/*`: `Knowledge::decide` on the shipped answer set, for realistic questions.
//! - `decide/curated-fr/*`, `decide/curated-es/*`: `Knowledge::decide_in` with the French and
//!   Spanish matchers, for the same kinds of questions written in those languages.
//! - `detect/*`: `detect::language_of`, which a free-form message goes through before matching.
//! - `decide/long/*`: the same for Discord messages of 300+ characters (greetings and context
//!   around one question), which the matcher scores whole and sentence by sentence.
//! - `decide/synthetic-1k/*`, `decide/synthetic-10k/*`: the same on generated sets of 1,000 and
//!   10,000 answers of realistic size.
//! - `autocomplete/synthetic-10k/*`: `Matcher::autocomplete(input, 25)` for a 1-character, a
//!   3-character and a multi-word prefix.
//! - `build/*`: `Knowledge::new` (the matcher's index) for the shipped set and for 1,000 answers;
//!   `build/curated-reload`: `Knowledge::after` for the shipped set again, as a reload after an
//!   edit that keeps every answer (the nearest examples shared, not indexed again);
//!   `build/curated-new-answer`: `Knowledge::after` for the shipped set with a moderator's new
//!   answer (no dev-set label names it, so the examples are shared too).
//!
//! Run with `cargo bench --bench matcher` (about 8 minutes on two shared cores, over 6 of them
//! spent validating the 10k set: `AnswerSet::from_sources` compares every pair of questions for
//! near-duplicates). A filter skips the synthetic sets it does not need:
//! `cargo bench --bench matcher -- curated` runs in about a minute.

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode};
use gfmd_bot::answers::{
    embedded_sources, limits, AnswerSet, SourceFile, RESERVED_COMMANDS, SYNONYMS_FILE,
};
use gfmd_bot::detect;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::split_mix::SplitMix64;
use gfmd_bot::matcher::Settings;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The bot's allocator (`src/main.rs`), so that the figures are the bot's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Real words from the GFMD material, mixed into the synthetic text so that real questions meet
/// long posting lists, as they would in a large set about the same subject.
const GFMD_WORDS: &[&str] = &[
    "migration",
    "development",
    "global",
    "forum",
    "gfmd",
    "migrants",
    "policy",
    "dialogue",
    "governments",
    "civil",
    "society",
    "partnerships",
    "remittances",
    "diaspora",
    "objectives",
    "informal",
    "voluntary",
    "binding",
    "cooperation",
    "coherence",
    "practices",
    "agenda",
    "states",
    "international",
    "united",
    "nations",
    "commission",
    "brussels",
    "belgium",
    "secretary",
    "general",
    "nexus",
    "stakeholders",
    "organizations",
    "cairo",
    "conference",
    "population",
    "chapter",
    "programme",
    "action",
    "process",
    "meeting",
    "session",
    "report",
    "principles",
    "experts",
    "academia",
    "first",
    "year",
];

/// Share of synthetic words taken from [`GFMD_WORDS`] rather than the pseudo-words.
const GFMD_WORD_SHARE: f64 = 0.2;
/// Number of distinct pseudo-words.
const PSEUDO_WORDS: usize = 3000;
/// Answers that get a `/gfmd` subcommand: as many as `/gfmd` holds (Discord's 25 less the
/// reserved `ask`, `topic` and `forget-me`).
const MAX_COMMANDS: usize = limits::SUBCOMMAND_COUNT - RESERVED_COMMANDS.len();

/// SplitMix64 draws: a small deterministic generator, so every run benchmarks the same text.
struct Rng(SplitMix64);

impl Rng {
    /// Uniform in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }
}

/// Pronounceable pseudo-words of two or three consonant-vowel syllables, all distinct.
fn pseudo_words(rng: &mut Rng) -> Vec<String> {
    const CONSONANTS: &[u8] = b"bdfgklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::with_capacity(PSEUDO_WORDS);
    while words.len() < PSEUDO_WORDS {
        let syllables = 2 + rng.below(2);
        let mut word = String::new();
        for _ in 0..syllables {
            word.push(CONSONANTS[rng.below(CONSONANTS.len())] as char);
            word.push(VOWELS[rng.below(VOWELS.len())] as char);
        }
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

/// Draws words: a fifth from the GFMD words, the rest from the pseudo-words with a
/// log-uniform (roughly Zipfian) rank, so a few words are common and most are rare.
struct Vocabulary {
    pseudo: Vec<String>,
    rng: Rng,
}

impl Vocabulary {
    fn new(seed: u64) -> Self {
        let mut rng = Rng(SplitMix64::new(seed));
        let pseudo = pseudo_words(&mut rng);
        Self { pseudo, rng }
    }

    fn word(&mut self) -> &str {
        if self.rng.unit() < GFMD_WORD_SHARE {
            return GFMD_WORDS[self.rng.below(GFMD_WORDS.len())];
        }
        let rank = (self.pseudo.len() as f64).powf(self.rng.unit()) as usize - 1;
        &self.pseudo[rank.min(self.pseudo.len() - 1)]
    }

    fn words(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| self.word().to_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// About `count` words as sentences of 8 to 16 words.
    fn prose(&mut self, count: usize) -> String {
        let mut sentences = Vec::new();
        let mut left = count;
        while left > 0 {
            let length = (8 + self.rng.below(9)).min(left);
            left -= length;
            let mut sentence = self.words(length);
            sentence[..1].make_ascii_uppercase();
            sentence.push('.');
            sentences.push(sentence);
        }
        sentences.join(" ")
    }
}

/// The id of synthetic answer `n`.
fn synthetic_id(n: usize) -> String {
    format!("answer-{n:05}")
}

/// `count` synthetic answer files (`synthetic/answer-00042.toml`, id `answer-00042`) plus the
/// shipped synonyms file. Each has a ~6-word title, 5 questions, 4 keywords and a ~80-word
/// description; the first [`MAX_COMMANDS`] have a subcommand, and each names the next answer as
/// related.
fn synthetic_sources(count: usize) -> Vec<SourceFile> {
    const OPENERS: &[&str] = &["What", "How", "Why", "When", "Who", "Which", "Where", "Is"];
    let mut vocabulary = Vocabulary::new(0x6F6D_6667);
    let mut files: Vec<SourceFile> = (0..count)
        .map(|n| {
            let id = synthetic_id(n);
            let mut title = vocabulary.words(6);
            title[..1].make_ascii_uppercase();
            let questions: Vec<String> = (0..5)
                .map(|_| {
                    let opener = OPENERS[vocabulary.rng.below(OPENERS.len())];
                    let length = 4 + vocabulary.rng.below(4);
                    format!("\"{opener} {}?\"", vocabulary.words(length))
                })
                .collect();
            let keywords: Vec<String> = (0..4)
                .map(|_| {
                    let length = 1 + vocabulary.rng.below(2);
                    format!("\"{}\"", vocabulary.words(length))
                })
                .collect();
            let description = vocabulary.prose(80);
            let command = if n < MAX_COMMANDS {
                format!("command = \"subject-{n:02}\"\n")
            } else {
                String::new()
            };
            let text = format!(
                "id = \"{id}\"\n\
                 title = \"{title}\"\n\
                 {command}\
                 questions = [{questions}]\n\
                 keywords = [{keywords}]\n\
                 description = \"\"\"\n{description}\n\"\"\"\n\
                 source = \"Synthetic benchmark text\"\n\
                 related = [\"{related}\"]\n\
                 reviewed = 2026-11-28\n",
                questions = questions.join(", "),
                keywords = keywords.join(", "),
                related = synthetic_id((n + 1) % count),
            );
            SourceFile::new(format!("synthetic/{id}.toml"), text)
        })
        .collect();
    let synonyms = embedded_sources()
        .into_iter()
        .find(|file| file.file_name() == SYNONYMS_FILE)
        .expect("the shipped set has a synonyms file");
    files.push(SourceFile::new(
        format!("synthetic/{SYNONYMS_FILE}"),
        synonyms.text,
    ));
    files
}

/// Generates and validates a synthetic set, reporting how long that took.
fn synthetic_set(count: usize) -> AnswerSet {
    let started = Instant::now();
    let sources = synthetic_sources(count);
    let set = AnswerSet::from_sources(&sources)
        .unwrap_or_else(|error| panic!("the synthetic set is invalid: {error}"));
    eprintln!(
        "synthetic set of {count} answers generated and validated in {:.2?} ({} warnings)",
        started.elapsed(),
        set.warnings().len()
    );
    set
}

/// Realistic questions for the shipped set: `(benchmark name, question)`.
const CURATED_QUESTIONS: &[(&str, &str)] = &[
    ("objectives", "What are the objectives of the GFMD?"),
    ("start", "when did the gfmd start"),
    (
        "binding",
        "Is the Global Forum legally binding on governments?",
    ),
    ("typos", "wat is teh gfmd"),
    ("off-topic", "how do I renew my passport"),
    ("ambiguous", "who started the gfmd"),
];

/// The curated questions' French counterparts, as French speakers would write them (written for
/// the bench, not taken from the dev or blind sets).
const CURATED_QUESTIONS_FR: &[(&str, &str)] = &[
    ("objectives", "Quels sont les objectifs du FMMD ?"),
    ("start", "quand a commencé le fmmd"),
    (
        "binding",
        "Le Forum mondial est-il juridiquement contraignant pour les gouvernements ?",
    ),
    ("typos", "c koi le fmmd"),
    ("off-topic", "comment renouveler mon passeport"),
    ("ambiguous", "qui a lancé le fmmd"),
];

/// The curated questions' Spanish counterparts, likewise.
const CURATED_QUESTIONS_ES: &[(&str, &str)] = &[
    ("objectives", "¿Cuáles son los objetivos del FMMD?"),
    ("start", "cuando empezo el fmmd"),
    (
        "binding",
        "¿Es el Foro Mundial jurídicamente vinculante para los gobiernos?",
    ),
    ("typos", "q es el fmmd"),
    ("off-topic", "cómo renuevo mi pasaporte"),
    ("ambiguous", "quién creó el fmmd"),
];

/// Long Discord messages (300+ characters) on the shipped set: a question inside chatter, the
/// same in text-speak, and chatter with no question the set answers.
const LONG_QUESTIONS: &[(&str, &str)] = &[
    (
        "question-in-chatter",
        "Hi everyone, first time posting here, so apologies if this is in the wrong channel. \
         I'm preparing a short presentation for my international relations class next week and \
         my notes are a bit of a mess. Could someone remind me when and where the first GFMD \
         meeting took place? Thanks a lot in advance, you are all very helpful!",
    ),
    (
        "text-speak",
        "hey ppl!! so my tutor keeps goin on abt the gfmd n i rly dont get it tbh. like i read \
         the intro twice n still confused lol. wat r the gfmd objs?? need them 4 my essay \
         which is due 2moro morning, pls help asap, i owe u one. also sorry 4 the wall of text \
         guys, its been a long day n my brain is fried n the library closes soon",
    ),
    (
        "off-topic",
        "Good evening all! I just got back from a trip to Brussels with my family and wow, the \
         food was amazing. We tried the waffles, the chocolate and far too many fries. Does \
         anyone have recommendations for a good day trip from the city next time, maybe Ghent \
         or Bruges? We like museums, old churches and quiet places to walk around.",
    ),
];

/// Names of the questions of [`synthetic_questions`], in order.
const SYNTHETIC_QUESTION_NAMES: &[&str] =
    &["gfmd", "off-topic", "own-phrasing", "own-phrasing-typo"];

/// Names of the autocomplete inputs of [`bench_autocomplete`], in order.
const AUTOCOMPLETE_NAMES: &[&str] = &["1-char", "3-char", "multi-word"];

/// Questions for a synthetic set: a GFMD question, an off-topic one, and a phrasing taken from
/// an answer in the middle of the set with one word misspelt.
fn synthetic_questions(set: &AnswerSet) -> Vec<(&'static str, String)> {
    let middle = &set.answers()[set.len() / 2];
    let own = middle.questions[0].clone();
    let mut typo = own.clone();
    if let Some(at) = typo.rfind(|c: char| c.is_ascii_lowercase()) {
        typo.replace_range(at..=at, "x");
    }
    let questions = [
        "What are the objectives of the GFMD?".to_owned(),
        "how do I renew my passport".to_owned(),
        own,
        typo,
    ];
    SYNTHETIC_QUESTION_NAMES
        .iter()
        .copied()
        .zip(questions)
        .collect()
}

/// Prints what `decide_in(lang, …)` does with each question, and the share of answers whose text
/// in `lang` contains each of its words (the matcher reads every answer holding a question word,
/// so this drives the cost), so the figures can be read knowing which path each measured.
fn describe(label: &str, knowledge: &Knowledge, lang: Lang, questions: &[(&str, String)]) {
    let lowercase_words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let answer_words: Vec<std::collections::HashSet<String>> = knowledge
        .answers()
        .answers()
        .iter()
        .map(|answer| match answer.translation(lang) {
            Some(t) => [&t.title, &t.description]
                .into_iter()
                .chain(&t.questions)
                .chain(&t.keywords)
                .flat_map(|text| lowercase_words(text))
                .collect(),
            None if lang != Lang::En => std::collections::HashSet::new(),
            None => [&answer.title, &answer.description]
                .into_iter()
                .chain(&answer.questions)
                .chain(&answer.keywords)
                .flat_map(|text| lowercase_words(text))
                .collect(),
        })
        .collect();
    for (name, question) in questions {
        let verdict = knowledge.decide_in(lang, question);
        let outcome = match verdict.answer() {
            Some(answer) => format!("answers `{}` ({:.2})", answer.id, verdict.score()),
            None => format!(
                "{}s (best {:.2}, {} suggestions)",
                verdict.outcome().as_str(),
                verdict.score(),
                verdict.suggestions().len()
            ),
        };
        let shares: Vec<String> = lowercase_words(question)
            .iter()
            .map(|word| {
                let holding = answer_words
                    .iter()
                    .filter(|words| words.contains(word))
                    .count();
                format!(
                    "{word} {:.0}%",
                    100.0 * holding as f64 / answer_words.len() as f64
                )
            })
            .collect();
        eprintln!(
            "{label}/{name}: {question:?} -> {outcome}; answers holding each word: {}",
            shares.join(", ")
        );
    }
}

/// `decide/<label>/<name>`: one `Knowledge::decide_in(lang, question)` for each question.
fn bench_decide(
    c: &mut Criterion,
    label: &str,
    knowledge: &Knowledge,
    lang: Lang,
    questions: &[(&str, String)],
) {
    describe(label, knowledge, lang, questions);
    let mut group = c.benchmark_group(format!("decide/{label}"));
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (name, question) in questions {
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            question,
            |b, question| b.iter(|| knowledge.decide_in(lang, black_box(question))),
        );
    }
    group.finish();
}

/// The benchmark filters given on the command line (`cargo bench --bench matcher -- FILTER`),
/// skipping criterion's options and their values.
fn filters() -> Vec<String> {
    const TAKES_VALUE: &[&str] = &[
        "-b",
        "-c",
        "-s",
        "--baseline",
        "--baseline-lenient",
        "--color",
        "--confidence-level",
        "--format",
        "--load-baseline",
        "--measurement-time",
        "--noise-threshold",
        "--nresamples",
        "--output-format",
        "--plotting-backend",
        "--profile-time",
        "--sample-size",
        "--save-baseline",
        "--significance-level",
        "--warm-up-time",
    ];
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if TAKES_VALUE.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    filters
}

/// Whether any of the benchmarks `ids` can pass the filters (criterion runs a benchmark when a
/// filter matches part of its id). Building a synthetic set takes long, so it is skipped when no
/// benchmark that needs it would run; a filter that is more than a plain name (a regular
/// expression) builds everything.
fn selected(filters: &[String], ids: &[String]) -> bool {
    let plain = |filter: &String| {
        filter
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_/".contains(c))
    };
    filters.is_empty()
        || !filters.iter().all(plain)
        || filters
            .iter()
            .any(|filter| ids.iter().any(|id| id.contains(filter.as_str())))
}

/// The ids of the benchmarks `group/name` for each name.
fn ids(group: &str, names: &[&str]) -> Vec<String> {
    names.iter().map(|name| format!("{group}/{name}")).collect()
}

fn matcher_benches(c: &mut Criterion) {
    let filters = filters();
    let curated = AnswerSet::embedded().expect("the shipped set is valid");
    let curated_knowledge = Knowledge::new(curated.clone(), Settings::default());
    let curated_questions: Vec<(&str, String)> = CURATED_QUESTIONS
        .iter()
        .map(|(name, question)| (*name, (*question).to_owned()))
        .collect();
    bench_decide(
        c,
        "curated",
        &curated_knowledge,
        Lang::En,
        &curated_questions,
    );
    for (label, lang, questions) in [
        ("curated-fr", Lang::Fr, CURATED_QUESTIONS_FR),
        ("curated-es", Lang::Es, CURATED_QUESTIONS_ES),
    ] {
        let questions = owned(questions);
        bench_decide(c, label, &curated_knowledge, lang, &questions);
    }
    bench_detect(c, &curated_knowledge);
    let long_questions: Vec<(&str, String)> = LONG_QUESTIONS
        .iter()
        .map(|(name, question)| {
            assert!(question.chars().count() >= 300, "{name} is short");
            (*name, (*question).to_owned())
        })
        .collect();
    bench_decide(c, "long", &curated_knowledge, Lang::En, &long_questions);

    let mut thousand_ids = ids("decide/synthetic-1k", SYNTHETIC_QUESTION_NAMES);
    thousand_ids.push("build/synthetic-1k".to_owned());
    let thousand = selected(&filters, &thousand_ids).then(|| synthetic_set(1_000));
    if let Some(thousand) = &thousand {
        let knowledge = Knowledge::new(thousand.clone(), Settings::default());
        bench_decide(
            c,
            "synthetic-1k",
            &knowledge,
            Lang::En,
            &synthetic_questions(thousand),
        );
    }

    let mut ten_thousand_ids = ids("decide/synthetic-10k", SYNTHETIC_QUESTION_NAMES);
    ten_thousand_ids.extend(ids("autocomplete/synthetic-10k", AUTOCOMPLETE_NAMES));
    if selected(&filters, &ten_thousand_ids) {
        let ten_thousand = synthetic_set(10_000);
        let started = Instant::now();
        let knowledge = Knowledge::new(ten_thousand.clone(), Settings::default());
        eprintln!("synthetic-10k index built in {:.2?}", started.elapsed());
        bench_decide(
            c,
            "synthetic-10k",
            &knowledge,
            Lang::En,
            &synthetic_questions(&ten_thousand),
        );
        bench_autocomplete(c, &ten_thousand, &knowledge);
    }

    let mut group = c.benchmark_group("build");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    let sets = std::iter::once(("curated", &curated))
        .chain(thousand.as_ref().map(|set| ("synthetic-1k", set)));
    for (name, set) in sets {
        group.bench_function(name, |b| {
            b.iter_batched(
                || set.clone(),
                |set| Knowledge::new(set, Settings::default()),
                BatchSize::LargeInput,
            )
        });
    }
    // A reload after an edit that keeps every answer (`Knowledge::after`): the nearest
    // examples are shared with the knowledge it replaces, not indexed again.
    group.bench_function("curated-reload", |b| {
        b.iter_batched(
            || curated.clone(),
            |set| Knowledge::after(&curated_knowledge, set, Settings::default()),
            BatchSize::LargeInput,
        )
    });
    // A reload after a moderator's new answer, which sorts among the shipped ones.
    let mut sources = embedded_sources();
    sources.push(SourceFile::new(
        "responses/meeting-rooms.toml",
        "id = \"meeting-rooms\"\ntitle = \"Where the meetings are held\"\n\
         questions = [\"Which rooms are the meetings held in?\"]\n\
         description = \"The note does not say.\"\nsource = \"GFMD background note\"\n",
    ));
    let with_new_answer = AnswerSet::from_sources(&sources).expect("a valid set");
    group.bench_function("curated-new-answer", |b| {
        b.iter_batched(
            || with_new_answer.clone(),
            |set| Knowledge::after(&curated_knowledge, set, Settings::default()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// `(name, question)` pairs with owned questions, as [`bench_decide`] takes them.
fn owned(questions: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    questions
        .iter()
        .map(|(name, question)| (*name, (*question).to_owned()))
        .collect()
}

/// `detect/<lang>`: one `detect::language_of` on the curated "objectives" question in each
/// language (what a free-form message costs before it is matched).
fn bench_detect(c: &mut Criterion, knowledge: &Knowledge) {
    let mut group = c.benchmark_group("detect");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (lang, questions) in [
        (Lang::En, CURATED_QUESTIONS),
        (Lang::Fr, CURATED_QUESTIONS_FR),
        (Lang::Es, CURATED_QUESTIONS_ES),
    ] {
        let question = questions[0].1;
        let found = detect::language_of(knowledge, question);
        eprintln!("detect/{lang}: {question:?} -> {found:?}");
        group.bench_with_input(
            BenchmarkId::from_parameter(lang),
            question,
            |b, question| b.iter(|| detect::language_of(knowledge, black_box(question))),
        );
    }
    group.finish();
}

/// Autocomplete on the 10k set: one letter, three letters, and the first two words and a half
/// of a title from the middle of the set (few prefix hits, so the ranked fallback runs too).
fn bench_autocomplete(c: &mut Criterion, set: &AnswerSet, knowledge: &Knowledge) {
    let middle_title = &set.answers()[set.len() / 2].title;
    let words: Vec<&str> = middle_title.split(' ').collect();
    let multi_word = format!("{} {} {}", words[0], words[1], &words[2][..2]);
    let inputs = ["m".to_owned(), "mig".to_owned(), multi_word];
    let prefixes: Vec<(&str, String)> = AUTOCOMPLETE_NAMES.iter().copied().zip(inputs).collect();
    let mut group = c.benchmark_group("autocomplete/synthetic-10k");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (name, input) in &prefixes {
        let shown = knowledge.matcher().autocomplete(input, 25).len();
        eprintln!("autocomplete/synthetic-10k/{name}: {input:?} -> {shown} choices");
        group.bench_with_input(BenchmarkId::from_parameter(name), input, |b, input| {
            b.iter(|| knowledge.matcher().autocomplete(black_box(input), 25))
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().sample_size(50).configure_from_args();
    matcher_benches(&mut criterion);
    criterion.final_summary();
}
