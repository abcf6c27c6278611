//! Lets a model fitted outside the crate be compared with the fitted confidence on the same
//! footing: the same rows, the same writers held out, the same rule for the cut-offs. Dev sets
//! only; the blind sets are never read.
//!
//! `cargo run --release --example model_rows -- export --lang en > rows.csv` writes a header,
//! then one line per reading the matcher considers (the whole message, and each sentence of a
//! longer one): the question's number, its writer (its dev file's number), whether it is
//! in-domain, whether the reading's best answer is right, the shipped model's probability for it
//! fitted without that writer (and, as the shipped fit does, with the other languages'
//! questions at `evaluation::POOLED_WEIGHT`; they are not exported), and the features (`matcher::confidence::FEATURE_NAMES`). An
//! `exact` reading is certain whatever the model: its probability is 1. A question the matcher
//! finds no reading in (no word any answer knows) has one line with probability 0 and `NaN`
//! features: it is left alone whatever the model.
//!
//! `cargo run --release --example model_rows -- grade probabilities.csv` reads lines of the same
//! first five columns (the probability from a model fitted without the line's writer; more
//! columns are ignored, a header is skipped) and prints the figures of the cut-offs chosen on
//! them within `evaluation::LIMITS`, as `example fit` chooses the shipped ones. Grading the
//! exported file itself prints the shipped model's held-out-writer figures.

use gfmd_bot::evaluation::{DevRows, LIMITS, POOLED_WEIGHT};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::boosted::SHIPPED;
use gfmd_bot::matcher::confidence::{
    choose_cutoffs, held_out_probabilities, Pooled, Scored, FEATURE_NAMES,
};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("export") => {
            let lang = match args.get(1).map(String::as_str) {
                Some("--lang") => args
                    .get(2)
                    .and_then(|lang| lang.parse().ok())
                    .expect("--lang en, fr or es"),
                _ => Lang::En,
            };
            export(lang);
        }
        Some("grade") => grade(args.get(1).expect("grade FILE")),
        _ => {
            eprintln!("usage: model_rows export [--lang en|fr|es] | model_rows grade FILE");
            std::process::exit(2);
        }
    }
}

/// Writes the rows of `lang`'s dev set to standard output, each with the probability of the
/// shipped model fitted without its writer.
fn export(lang: Lang) {
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    let dev = DevRows::of(&knowledge);
    let (cases, writers) = dev.of_lang(lang);
    let others = dev.others_than(lang);
    let pooled = Pooled {
        cases: &others,
        weight: POOLED_WEIGHT,
    };
    let probabilities = held_out_probabilities(cases, writers, pooled, SHIPPED);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let header: Vec<&str> = ["question", "writer", "in_domain", "right", "probability"]
        .into_iter()
        .chain(FEATURE_NAMES)
        .collect();
    writeln!(out, "{}", header.join(",")).expect("write");
    for (question, ((case, writer), probabilities)) in
        cases.iter().zip(writers).zip(&probabilities).enumerate()
    {
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
