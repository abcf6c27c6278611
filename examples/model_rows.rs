//! Lets a model fitted outside the crate be compared with the fitted confidence on the same
//! footing: the same rows, the same writers held out, the same rule for the cut-offs. Dev sets
//! only; the blind sets are never read.
//!
//! `cargo run --release --example model_rows -- export --lang en > rows.csv` writes a header,
//! then one line per reading the matcher considers (the whole message, and each sentence of a
//! longer one): the question's number, its writer (its dev file's number), whether it is
//! in-domain, whether the reading's best answer is right, the shipped model's probability for it
//! fitted without that writer (and, as the shipped fit is, with the other languages'
//! questions), and the features (`matcher::confidence::FEATURE_NAMES`). An
//! `exact` reading is certain whatever the model: its probability is 1. A question the matcher
//! finds no reading in (no word any answer knows) has one line with probability 0 and `NaN`
//! features: it is left alone whatever the model. `--pooled FILE` also writes the other
//! languages' rows to FILE, in the same columns (probability 0): every fit of the language learns
//! from them at `evaluation::POOLED_WEIGHT`, and a model compared with it should too.
//! `--readings FILE` writes to FILE, tab-separated and line for line beside the rows (after a
//! header), what a model of the wording needs that the features do not hold: each reading's
//! question number, writer, best answer (`-` for a question without a reading), the question's
//! labels (comma-separated, empty when off-topic) and its text (tabs read as spaces). The best
//! answer is the one the matcher ranks first with the writer's own examples forgotten, as the
//! features are read (`scripts/try-wording-features.py` reads it).
//!
//! `cargo run --release --example model_rows -- grade probabilities.csv` reads lines of the same
//! first five columns (the probability from a model fitted without the line's writer; more
//! columns are ignored, a header is skipped) and prints the figures of the cut-offs chosen on
//! them within `evaluation::LIMITS`, as `example fit` chooses the shipped ones. Grading the
//! exported file itself prints the shipped model's held-out-writer figures.

use gfmd_bot::devset::dev_batches_in;
use gfmd_bot::evaluation::{DevRows, LIMITS, POOLED_WEIGHT};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::boosted::GROWTHS;
use gfmd_bot::matcher::confidence::{
    choose_cutoffs, held_out_probabilities, CaseRows, Scored, FEATURE_NAMES,
};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") => {
            let value_of = |flag: &str| {
                args.iter()
                    .position(|arg| arg == flag)
                    .map(|at| args.get(at + 1).unwrap_or_else(|| panic!("{flag} VALUE")))
            };
            let lang = value_of("--lang")
                .map_or(Lang::En, |lang| lang.parse().expect("--lang en, fr or es"));
            export(
                lang,
                value_of("--pooled").map(String::as_str),
                value_of("--readings").map(String::as_str),
            );
        }
        Some("grade") => grade(args.get(1).expect("grade FILE")),
        _ => {
            eprintln!(
                "usage: model_rows export [--lang en|fr|es] [--pooled FILE] [--readings FILE] | \
                 model_rows grade FILE"
            );
            std::process::exit(2);
        }
    }
}

/// Writes the rows of `lang`'s dev set to standard output, each with the probability of the
/// shipped model fitted without its writer; with `pooled_path`, the other languages' rows (which
/// every fit of `lang` learns from, at `POOLED_WEIGHT`) to that file, in the same columns with
/// probability 0; with `readings_path`, each of `lang`'s readings' best answer and question to
/// that file ([`write_readings`]).
fn export(lang: Lang, pooled_path: Option<&str>, readings_path: Option<&str>) {
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    let dev = DevRows::of(&knowledge);
    let fit_rows = dev.for_fit(lang);
    let (cases, writers) = (fit_rows.rows, fit_rows.batches);
    let pooled = fit_rows.pooled(POOLED_WEIGHT);
    let probabilities = held_out_probabilities(cases, writers, pooled, &GROWTHS);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let lines = cases.iter().zip(writers).zip(&probabilities);
    write_rows(
        &mut out,
        lines.map(|((case, writer), p)| (case, *writer, p.as_slice())),
    );
    if let Some(path) = pooled_path {
        let file = std::fs::File::create(path).expect("create the pooled rows' file");
        let mut pooled_out = std::io::BufWriter::new(file);
        let others = pooled.cases;
        let no_probabilities =
            vec![0.0; others.iter().map(|case| case.rows.len()).max().unwrap_or(0)];
        let lines = others
            .iter()
            .map(|case| (*case, 0, &no_probabilities[..case.rows.len()]));
        write_rows(&mut pooled_out, lines);
    }
    if let Some(path) = readings_path {
        let file = std::fs::File::create(path).expect("create the readings' file");
        write_readings(&mut std::io::BufWriter::new(file), &knowledge, lang, cases);
    }
}

/// Writes a header, then a line per reading of `lang`'s dev set, in the order of the rows
/// `cases` (as [`write_rows`] writes them): question number, writer, the reading's best answer
/// (`-` for a question without a reading), the labels and the question.
///
/// # Panics
///
/// When a question's readings are not as many as its rows: the matcher read it otherwise
/// than the rows were read.
fn write_readings(out: &mut impl Write, knowledge: &Knowledge, lang: Lang, cases: &[CaseRows]) {
    let answers = knowledge.answers().answers();
    let matcher = knowledge.matcher_in(lang);
    writeln!(out, "question\twriter\tbest\tlabels\ttext").expect("write");
    let questions = dev_batches_in(lang)
        .into_iter()
        .enumerate()
        .flat_map(|(writer, batch)| batch.into_iter().map(move |case| (writer, case)));
    for (number, ((writer, case), rows)) in questions.zip(cases).enumerate() {
        let best: Vec<&str> = matcher
            .assessments_leaving_out(&case.question, 1, Some(writer))
            .iter()
            .map(|assessment| answers[assessment.ranking[0].index].id.as_str())
            .collect();
        assert_eq!(best.len(), rows.rows.len(), "question {number}: readings");
        let text = case.question.replace('\t', " ");
        let labels = case.expected.join(",");
        for best in if best.is_empty() { vec!["-"] } else { best } {
            writeln!(out, "{number}\t{writer}\t{best}\t{labels}\t{text}").expect("write");
        }
    }
}

/// Writes a header, then a line per reading of each `(case, writer, probabilities)`: the
/// columns `grade` and `scripts/compare-models.py` read.
fn write_rows<'a>(
    out: &mut impl Write,
    lines: impl Iterator<Item = (&'a CaseRows, usize, &'a [f64])>,
) {
    let header: Vec<&str> = ["question", "writer", "in_domain", "right", "probability"]
        .into_iter()
        .chain(FEATURE_NAMES)
        .collect();
    writeln!(out, "{}", header.join(",")).expect("write");
    for (question, (case, writer, probabilities)) in lines.enumerate() {
        if case.rows.is_empty() {
            let values = vec!["NaN"; FEATURE_NAMES.len()];
            writeln!(
                out,
                "{question},{writer},{},0,0,{}",
                u8::from(case.in_domain),
                values.join(",")
            )
            .expect("write");
        }
        for ((features, right), probability) in case.rows.iter().zip(probabilities) {
            let values: Vec<String> = features.0.iter().map(f64::to_string).collect();
            writeln!(
                out,
                "{question},{writer},{},{},{probability},{}",
                u8::from(case.in_domain),
                u8::from(*right),
                values.join(",")
            )
            .expect("write");
        }
    }
}

/// Prints the figures of the cut-offs chosen on the probabilities in `path`.
fn grade(path: &str) {
    let text = std::fs::read_to_string(path).expect("read the probabilities");
    // (question, writer, in domain, right, probability) per reading.
    let mut readings = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.starts_with("question") || line.trim().is_empty() {
            continue;
        }
        let columns: Vec<&str> = line.split(',').collect();
        let number_at = |column: usize| -> f64 {
            columns
                .get(column)
                .and_then(|value| value.trim().parse().ok())
                .unwrap_or_else(|| {
                    panic!("line {}: column {} is not a number", number + 1, column + 1)
                })
        };
        readings.push((
            number_at(0) as usize,
            number_at(1) as usize,
            number_at(2) > 0.5,
            number_at(3) > 0.5,
            number_at(4),
        ));
    }
    // A question goes by its most probable reading, as the matcher does.
    let questions: Vec<_> = readings
        .chunk_by(|a, b| a.0 == b.0)
        .map(|question| {
            let (_, writer, in_domain, _, _) = question[0];
            let readings = question.iter().map(|r| (r.4, r.3));
            (Scored::of_readings(in_domain, readings), writer)
        })
        .collect();
    let (scored, writers): (Vec<Scored>, Vec<usize>) = questions.into_iter().unzip();
    let (answer_at, suggest_at, figures) =
        choose_cutoffs(&scored, &writers, LIMITS).expect("answering nothing keeps to the limits");
    println!("cut-offs: answer {answer_at:.4}, suggest {suggest_at:.4}");
    println!("held-out writer: {figures}");
}
