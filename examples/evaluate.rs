//! Prints how the bot does on the labelled sets, per language: the dev sets it is tuned on and
//! the blind sets it is never tuned on, overall and per writing style, and the gap between them;
//! and how often the first-ranked answer is right whatever the decision (the ranking's share,
//! beside what the confidence makes of it); for the blind sets, the 95% range of each share.
//! Each language's questions are decided by that language's matcher.
//!
//! `cargo run --release --example evaluate` prints the figures; `-- --misses` adds the dev sets'
//! misses; `-- --dev` evaluates the dev sets alone (for tuning, which must not look at the blind
//! figures); `-- --lang fr` (or `es`, `en`) keeps one language. The blind sets' misses are not
//! printed: looking at them retires those questions into the dev set (see tests/blind/README.md).

use gfmd_bot::evaluation::{
    evaluate_dev_in, evaluate_in, languages_asked, parse_cases, Case, Report,
};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::confidence::{wilson_interval, Figures};

/// The blind sets of each language, batch by batch: the first batch, the second (the same
/// writers' reserve, labelled apart later) and the third (new writers and labellers;
/// `tests/blind/README.md`). Evaluated together after that language's dev set, with a line per
/// batch.
const BLIND_SETS: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../tests/blind/en.tsv")),
    (Lang::En, include_str!("../tests/blind/en-2.tsv")),
    (Lang::En, include_str!("../tests/blind/en-3.tsv")),
    (Lang::Fr, include_str!("../tests/blind/fr.tsv")),
    (Lang::Fr, include_str!("../tests/blind/fr-2.tsv")),
    (Lang::Fr, include_str!("../tests/blind/fr-3.tsv")),
    (Lang::Es, include_str!("../tests/blind/es.tsv")),
    (Lang::Es, include_str!("../tests/blind/es-2.tsv")),
    (Lang::Es, include_str!("../tests/blind/es-3.tsv")),
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show_misses = args.iter().any(|arg| arg == "--misses");
    let dev_only = args.iter().any(|arg| arg == "--dev");
    let languages = languages_asked(&args).expect("--lang en, fr or es");
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    for lang in languages {
        let mut sets: Vec<(String, Report)> =
            vec![(format!("dev-{lang}"), evaluate_dev_in(&knowledge, lang))];
        let batches: Vec<Vec<Case>> = BLIND_SETS
            .iter()
            .filter(|(of, _)| *of == lang && !dev_only)
            .enumerate()
            .map(|(batch, (_, text))| {
                parse_cases(text)
                    .unwrap_or_else(|error| panic!("blind-{lang} batch {}: {error}", batch + 1))
            })
            .collect();
        if !batches.is_empty() {
            let blind = evaluate_in(&knowledge, lang, &batches.concat());
            sets.push((format!("blind-{lang}"), blind));
        }
        report(sets, show_misses);
        for (batch, cases) in batches.iter().enumerate() {
            let report = evaluate_in(&knowledge, lang, cases);
            println!("  blind-{lang} batch {}: {}", batch + 1, report.total);
        }
    }
}

/// The 95% Wilson interval of each of `figures`' three shares, the range within which the bot's
/// share on questions of that kind probably lies: a blind set of a few hundred questions
/// measures a share to a few points (right counts a suggestion as half a question, rounded).
fn ranges(figures: &Figures) -> String {
    let range = |k: usize, n: usize| {
        let (low, high) = wilson_interval(k, n, 1.96);
        format!("{:.1}-{:.1}%", 100.0 * low, 100.0 * high)
    };
    format!(
        "right {}, silent {}, wrong {}",
        range(figures.points.round() as usize, figures.in_domain),
        range(figures.silent, figures.off_topic),
        range(figures.wrong, figures.in_domain + figures.off_topic)
    )
}

/// Prints the figures of each graded set (the dev set first), the dev set's misses when asked,
/// and the gap.
fn report(sets: Vec<(String, Report)>, show_misses: bool) {
    let mut reports: Vec<(String, Report)> = Vec::new();
    for (name, report) in sets {
        println!("{name:<9} {}", report.total);
        println!(
            "  {:<10} {:.1}% of in-domain (whatever the decision)",
            "ranked 1st",
            100.0 * report.ranked_right()
        );
        if name.starts_with("blind") {
            println!("  {:<10} {}", "95% range", ranges(&report.total));
        }
        for (style, tally) in &report.by_style {
            println!("  {style:<10} {tally}");
        }
        if show_misses && name.starts_with("dev") {
            for miss in report.misses() {
                println!("    {miss}");
            }
        }
        reports.push((name, report));
    }
    let dev = &reports[0].1.total;
    for (name, report) in &reports[1..] {
        println!(
            "gap {} - {name}: right {:+.1} points, silent {:+.1} points",
            reports[0].0,
            100.0 * (dev.right() - report.total.right()),
            100.0 * (dev.silent_share() - report.total.silent_share())
        );
    }
}
