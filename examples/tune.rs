//! Tuning aid for the matcher. `cargo run --release --example tune` prints the share of in-domain
//! dev-set questions ranked first whatever the score, then, for a grid of thresholds and margins,
//! the share answered right and the share of off-topic ones abstained on (the default is marked).
//! `cargo run --release --example tune -- explain "question"` prints the question's analyzed
//! terms (unknown ones marked `?`) and the top answers with their scores.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::{decide_from_ranking, Decision, Settings};

const DEVSET: &str = include_str!("../tests/devset.tsv");

fn main() {
    let knowledge = Knowledge::new(
        AnswerSet::embedded().expect("the embedded set is valid"),
        Settings::default(),
    );
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("explain") {
        for question in &args[1..] {
            println!("{question:?}");
            let terms = knowledge.matcher().explain_terms(question);
            let shown: Vec<String> = terms
                .iter()
                .map(|term| {
                    let unknown = if term.known { "" } else { "?" };
                    format!("{}{unknown}={:.2}", term.text, term.weight)
                })
                .collect();
            println!("  terms: {}", shown.join(" "));
            for candidate in knowledge.rank(question, 5) {
                println!("  {:.3}  {}", candidate.score, candidate.answer.id);
            }
        }
        return;
    }
    let answers = knowledge.answers().answers();
    let cases: Vec<(&str, &str)> = DEVSET
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .collect();
    let rankings: Vec<_> = cases
        .iter()
        .map(|(expected, question)| (*expected, knowledge.matcher().rank(question, 3)))
        .map(|(expected, ranking)| {
            let ids: Vec<&str> = ranking
                .iter()
                .map(|scored| answers[scored.index].id.as_str())
                .collect();
            (expected, ranking, ids)
        })
        .collect();
    let top_right = rankings
        .iter()
        .filter(|(expected, _, ids)| ids.first() == Some(expected))
        .count();
    let in_domain = cases.iter().filter(|(id, _)| *id != "none").count();
    println!(
        "ranked first (any score): {:.1}% of in-domain",
        100.0 * top_right as f64 / in_domain as f64
    );
    println!(
        "threshold  margin   right%  abstain%  (in-domain {in_domain}, off-topic {})",
        cases.len() - in_domain
    );
    for threshold in (20..=60).step_by(4).map(|t| t as f32 / 100.0) {
        for margin in [0.0, 0.02, 0.03, 0.04, 0.05, 0.08] {
            let settings = Settings {
                threshold,
                margin,
                ..Settings::default()
            };
            let (mut right, mut in_domain, mut abstained, mut off_topic) = (0, 0, 0, 0);
            for (expected, ranking, ids) in &rankings {
                let got = match decide_from_ranking(ranking, &settings) {
                    Decision::Answer { best, .. } => ranking
                        .iter()
                        .position(|scored| *scored == best)
                        .map(|at| ids[at]),
                    _ => None,
                };
                if *expected == "none" {
                    off_topic += 1;
                    abstained += usize::from(got.is_none());
                } else {
                    in_domain += 1;
                    right += usize::from(got == Some(*expected));
                }
            }
            let chosen = Settings::default();
            let marker = if (threshold - chosen.threshold).abs() < 1e-6
                && (margin - chosen.margin).abs() < 1e-6
            {
                "  <- default"
            } else {
                ""
            };
            println!(
                "{threshold:>9.2}  {margin:>6.2}  {:>6.1}  {:>8.1}{marker}",
                100.0 * right as f64 / in_domain as f64,
                100.0 * abstained as f64 / off_topic as f64
            );
        }
    }
}
