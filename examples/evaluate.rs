//! Prints how the bot does on the labelled sets: the dev set it is tuned on and the blind sets it
//! is never tuned on, overall and per writing style, and the gap between them.
//!
//! `cargo run --release --example evaluate` prints the figures; `-- --misses` adds the dev set's
//! misses; `-- --dev` evaluates the dev set alone (for tuning, which must not look at the blind
//! figures). The blind sets' misses are not printed: looking at them retires those questions into
//! the dev set (see tests/blind/README.md).

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::evaluation::{dev_set, evaluate, parse_cases, Case, Report};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::Settings;

/// The blind sets, evaluated after the dev set ([`dev_set`]).
const BLIND_SETS: &[(&str, &str)] = &[("blind-en", include_str!("../tests/blind/en.tsv"))];

fn main() {
    let show_misses = std::env::args().any(|arg| arg == "--misses");
    let dev_only = std::env::args().any(|arg| arg == "--dev");
    let knowledge = Knowledge::new(
        AnswerSet::embedded().expect("the embedded set is valid"),
        Settings::default(),
    );
    let mut sets: Vec<(&str, Vec<Case>)> = vec![("dev", dev_set())];
    for (name, text) in BLIND_SETS.iter().filter(|_| !dev_only) {
        let cases = parse_cases(text).unwrap_or_else(|error| panic!("{name}: {error}"));
        sets.push((name, cases));
    }
    let mut reports: Vec<(&str, Report)> = Vec::new();
    for (name, cases) in sets {
        let report = evaluate(&knowledge, &cases);
        println!("{name:<9} {}", report.total);
        for (style, tally) in &report.by_style {
            println!("  {style:<10} {tally}");
        }
        if show_misses && name == "dev" {
            for miss in report.misses() {
                println!("    {miss}");
            }
        }
        reports.push((name, report));
    }
    let dev = &reports[0].1.total;
    for (name, report) in &reports[1..] {
        println!(
            "gap dev - {name}: right {:+.1} points, silent {:+.1} points",
            100.0 * (dev.right() - report.total.right()),
            100.0 * (dev.silent_share() - report.total.silent_share())
        );
    }
}
