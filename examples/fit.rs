//! Refits the matcher's confidence on each language's dev set and writes its fitted file:
//! `src/matcher/fitted.rs` from the English dev set, `fitted_fr.rs` and `fitted_es.rs` from the
//! French and Spanish ones (each read by that language's matcher, cross-validated the same way).
//!
//! `cargo run --release --example fit` prints the figures with each dev file (one writer's batch)
//! held out in turn ("held-out writer", the estimate for questions by new writers, on which the
//! cut-offs are chosen), the 10-fold cross-validated figures and the models, and writes the
//! files; `-- --check` only says whether the committed files are up to date (the same check as
//! `tests/devset.rs`); `-- --lang fr` (or `es`, `en`) fits one language; `-- --spread` writes
//! nothing and prints the held-out-writer figures of each of the seven fits the shipped
//! confidence averages (`boosted::GROWTHS`), alone, with their mean and range: judge a change of the
//! matcher on those, not on one fit's figures, which move by about a point with any change of
//! the rows; `-- --spread --pooled W` weighs the other languages' questions `W` instead of
//! `evaluation::POOLED_WEIGHT` (0: not at all). The blind sets are never read.

use gfmd_bot::evaluation::{
    dev_set_files, fit_confidence, fitted_file, held_out_spread, languages_asked, DevRows, Fit,
    POOLED_WEIGHT,
};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::boosted::GROWTHS;
use gfmd_bot::matcher::confidence::{Figures, FEATURE_NAMES};
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let check = args.iter().any(|arg| arg == "--check");
    let languages = languages_asked(&args).expect("--lang en, fr or es");
    let knowledge = Knowledge::embedded().expect("the embedded set is valid");
    // Every language's fit learns from the others' questions: read them all, once.
    let dev = DevRows::of(&knowledge);
    if args.iter().any(|arg| arg == "--spread") {
        let pooled = match args.iter().position(|arg| arg == "--pooled") {
            Some(at) => args
                .get(at + 1)
                .and_then(|weight| weight.parse().ok())
                .expect("--pooled WEIGHT, a number"),
            None => POOLED_WEIGHT,
        };
        for lang in languages {
            println!("(the other languages' questions weighed {pooled})");
            show_spread(lang, &held_out_spread(&dev, lang, pooled, &GROWTHS));
        }
        return;
    }
    let mut out_of_date = false;
    for lang in languages {
        let fit = fit_confidence(&dev, lang);
        show(lang, &fit);
        out_of_date |= !write_or_check(lang, &fit, check);
    }
    if out_of_date {
        std::process::exit(1);
    }
}

/// One share of a set's figures (right, silent or wrong).
type Share = fn(&Figures) -> f64;

/// Prints `lang`'s held-out-writer figures at each growth of [`GROWTHS`], then the mean and
/// range of each share.
fn show_spread(lang: Lang, spread: &[Figures]) {
    println!("[{lang}] held out by writer, the trees grown at seven settings:");
    for (growth, figures) in GROWTHS.iter().zip(spread) {
        println!("  {:<34} {figures}", growth.to_string());
    }
    let shares: [(&str, Share); 3] = [
        ("right", Figures::right),
        ("silent", Figures::silent_share),
        ("wrong", Figures::wrong_share),
    ];
    let summary: Vec<String> = shares
        .iter()
        .map(|(name, share)| {
            let values: Vec<f64> = spread
                .iter()
                .map(|figures| 100.0 * share(figures))
                .collect();
            let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!("{name} {mean:.2}% ({low:.1}-{high:.1})")
        })
        .collect();
    println!(
        "  mean (range)                       {}",
        summary.join(", ")
    );
}

/// Prints the figures and the model of `lang`'s fit.
fn show(lang: Lang, fit: &Fit) {
    println!(
        "[{lang}] {} questions, {} readings; cut-offs: answer {:.4}, suggest {:.4}",
        fit.cases, fit.rows, fit.model.answer_at, fit.model.suggest_at
    );
    println!("{:<16} {}", "held-out writer", fit.held_out_writers);
    for (file, figures) in dev_set_files(lang).iter().zip(&fit.by_writer) {
        println!("  {:<32} {figures}", file.path);
    }
    println!("{:<16} {}", "cross-validated", fit.cross_validated);
    println!("{:<16} {}", "in sample", fit.in_sample);
    let trees = &fit.model.trees;
    println!(
        "{} trees, {} nodes, base {:+.3}; splits by feature:",
        trees.count(),
        trees.nodes.len(),
        trees.base
    );
    for (splits, name) in trees
        .splits_by_feature(FEATURE_NAMES.len())
        .iter()
        .zip(FEATURE_NAMES)
    {
        println!("  {name:<24} {splits}");
    }
}

/// Writes `lang`'s fitted file when it differs (or, with `check`, only compares); whether the
/// committed file was up to date.
fn write_or_check(lang: Lang, fit: &Fit, check: bool) -> bool {
    let file = fitted_file(lang);
    let text = fit.render_in(lang);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == text {
        println!("{file} is up to date");
        return true;
    }
    if check {
        println!("{file} is out of date: run `cargo run --release --example fit`");
        return false;
    }
    std::fs::write(&path, text).expect("write the fitted model");
    println!("wrote {file}");
    true
}
