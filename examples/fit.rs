//! Refits the matcher's confidence on the dev set and writes `src/matcher/fitted.rs`.
//!
//! `cargo run --release --example fit` prints the cross-validated figures and the model, and
//! writes the file; `-- --check` only says whether the committed file is up to date (the same
//! check as `tests/devset.rs`). The blind sets are never read.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::evaluation::{dev_set, fit_confidence};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::confidence::FEATURE_NAMES;
use gfmd_bot::matcher::Settings;
use std::path::Path;

const FITTED: &str = "src/matcher/fitted.rs";

fn main() {
    let check = std::env::args().any(|arg| arg == "--check");
    let knowledge = Knowledge::new(
        AnswerSet::embedded().expect("the embedded set is valid"),
        Settings::default(),
    );
    let fit = fit_confidence(&knowledge, &dev_set());
    let text = fit.render();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FITTED);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    println!(
        "{} questions, {} readings; cut-offs: answer {:.4}, suggest {:.4}",
        fit.cases, fit.rows, fit.model.answer_at, fit.model.suggest_at
    );
    let show = |name: &str, f: &gfmd_bot::matcher::confidence::Figures| {
        println!(
            "{name:<16} right {:.1}% of {}, silent {:.1}% of {}, wrong {:.1}% ({})",
            100.0 * f.right(),
            f.in_domain,
            100.0 * f.silent_share(),
            f.off_topic,
            100.0 * f.wrong_share(),
            f.wrong
        );
    };
    show("cross-validated", &fit.cross_validated);
    show("in sample", &fit.in_sample);
    println!("bias {:+.3}", fit.model.bias);
    for (weight, name) in fit.model.weights.iter().zip(FEATURE_NAMES) {
        println!("  {name:<16} {weight:+.3}");
    }
    if check {
        if committed == text {
            println!("{FITTED} is up to date");
        } else {
            println!("{FITTED} is out of date: run `cargo run --release --example fit`");
            std::process::exit(1);
        }
    } else if committed != text {
        std::fs::write(&path, text).expect("write the fitted model");
        println!("wrote {FITTED}");
    } else {
        println!("{FITTED} unchanged");
    }
}
