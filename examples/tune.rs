//! Tuning aid for the matcher, on the dev set only (never the blind sets).
//!
//! `cargo run --release --example tune` prints, per style, the share of in-domain dev-set
//! questions whose best reading ranks a right answer first (whatever the confidence), and the
//! questions where it does not. `-- explain "question" ...` prints each question's analyzed
//! terms (unknown ones marked `?`), and every reading the matcher considers with its features,
//! confidence and top answers. `--lang fr|es` (first) does the same on the French or Spanish dev
//! set, with that language's matcher.

use gfmd_bot::evaluation::dev_set_in;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::confidence::FEATURE_NAMES;
use std::collections::BTreeMap;

fn main() {
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut lang = Lang::En;
    if args.first().map(String::as_str) == Some("--lang") && args.len() > 1 {
        lang = args[1].parse().expect("--lang en, fr or es");
        args.drain(..2);
    }
    if args.first().map(String::as_str) == Some("explain") {
        for question in &args[1..] {
            explain(&knowledge, lang, question);
        }
        return;
    }
    let answers = knowledge.answers().answers();
    let mut by_style: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in dev_set_in(lang).iter().filter(|case| case.in_domain()) {
        let ranking = knowledge.matcher_in(lang).rank(&case.question, 1);
        let first = ranking
            .first()
            .map(|scored| answers[scored.index].id.as_str());
        let right = first.is_some_and(|id| case.expected.iter().any(|expected| expected == id));
        let style = case.style.clone().unwrap_or_else(|| "plain".to_owned());
        let tally = by_style.entry(style.clone()).or_default();
        tally.0 += usize::from(right);
        tally.1 += 1;
        if !right {
            misses.push(format!(
                "{style:<9} {:?} ranked {first:?} first for {:?}",
                case.expected, case.question
            ));
        }
    }
    for (style, (right, all)) in &by_style {
        println!(
            "{style:<10} ranked first {:.1}% of {all}",
            100.0 * *right as f64 / *all as f64
        );
    }
    for miss in misses {
        println!("  {miss}");
    }
}

fn explain(knowledge: &Knowledge, lang: Lang, question: &str) {
    println!("{question:?}");
    let terms = knowledge.matcher_in(lang).explain_terms(question);
    let shown: Vec<String> = terms
        .iter()
        .map(|term| {
            let unknown = if term.known { "" } else { "?" };
            format!("{}{unknown}={:.2}", term.text, term.weight)
        })
        .collect();
    println!("  terms: {}", shown.join(" "));
    let answers = knowledge.answers().answers();
    for assessment in knowledge.matcher_in(lang).assessments(question, 3) {
        let reading = if assessment.sentence {
            "sentence"
        } else {
            "whole"
        };
        println!("  {reading}: confidence {:.3}", assessment.confidence);
        let features: Vec<String> = FEATURE_NAMES
            .iter()
            .zip(assessment.features.0)
            .map(|(name, value)| format!("{name}={value:.2}"))
            .collect();
        println!("    {}", features.join(" "));
        for scored in &assessment.ranking {
            println!("    {:.3}  {}", scored.score, answers[scored.index].id);
        }
    }
    println!(
        "  decision: {}",
        knowledge.decide_in(lang, question).outcome().as_str()
    );
}
