//! The labelled dev set (`evaluation::DEV_SET_FILES`: `tests/devset.tsv` and
//! `tests/devset-discord.tsv`), graded as `evaluation` grades (an answer with an expected id
//! scores 1, a "might help" offer of one ½; a confident answer with another id is wrong), with
//! the default settings; and the fitted confidence, which must be exactly what the fitting tool
//! makes of the committed dev set.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::evaluation::{dev_set, evaluate, fit_confidence};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::Settings;

/// Fewest in-domain points, as a share. The aim (issue 8) is 97%; this is what the fitted
/// confidence reaches with at most 1% wrong and at least 97% silent (80.2%, 10-fold
/// cross-validated 80.4%), kept so that it does not slip.
const RIGHT: f64 = 0.80;
/// Fewest off-topic questions left alone, as a share.
const SILENT: f64 = 0.97;
/// Most wrong answers, as a share of all questions.
const WRONG: f64 = 0.01;

fn knowledge() -> Knowledge {
    Knowledge::new(AnswerSet::embedded().unwrap(), Settings::default())
}

#[test]
fn the_dev_set_is_big_enough_and_names_real_answers() {
    let answers = AnswerSet::embedded().unwrap();
    let cases = dev_set();
    let in_domain = cases.iter().filter(|case| case.in_domain()).count();
    assert!(in_domain >= 400, "{in_domain} in-domain questions");
    assert!(
        cases.len() - in_domain >= 150,
        "{} off-topic questions",
        cases.len() - in_domain
    );
    for case in &cases {
        for id in &case.expected {
            assert!(
                answers.get(id).is_some(),
                "unknown id `{id}` for {:?}",
                case.question
            );
        }
    }
}

#[test]
fn the_default_settings_stay_silent_on_97_percent_err_on_at_most_1_percent_and_keep_their_right_share(
) {
    let report = evaluate(&knowledge(), &dev_set());
    println!("dev: {}", report.total);
    for (style, tally) in &report.by_style {
        println!("  {style:<10} {tally}");
    }
    for miss in report.misses() {
        println!("  {miss}");
    }
    let total = &report.total;
    assert!(
        total.right() >= RIGHT && total.silent_share() >= SILENT && total.wrong_share() <= WRONG,
        "dev set below the gates (right ≥{:.0}%, silent ≥{:.0}%, wrong ≤{:.0}%): {total}",
        100.0 * RIGHT,
        100.0 * SILENT,
        100.0 * WRONG
    );
}

#[test]
fn the_committed_confidence_is_what_the_fitting_tool_makes_of_the_dev_set() {
    let fit = fit_confidence(&knowledge(), &dev_set());
    assert!(
        fit.render() == include_str!("../src/matcher/fitted.rs"),
        "src/matcher/fitted.rs is not what the dev set fits: run \
         `cargo run --release --example fit` (never edit it by hand)"
    );
}
