//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 618 questions (689 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 66.5%, silent 97.4%, wrong 0.3% (2)
//! - in sample: right 67.5%, silent 97.4%, wrong 0.3% (2)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.339685174075944,
    weights: [
        // score
        1.3295252576967858,
        // lead
        2.171648937728449,
        // text_cover
        0.5727773334437101,
        // phrase_cover
        2.038731806978034,
        // containment
        0.7987497153399222,
        // keyword_cover
        -0.12072763706726795,
        // unknown_share
        -0.27536034101090306,
        // unknown_words
        0.46475086861853754,
        // intent_met
        1.5078283350855195,
        // specifiers_met
        1.5369657790223796,
        // segment
        0.5835103705292745,
        // terms
        2.648577794722066,
        // corrected_share
        -1.9631204786205159,
        // beyond
        -0.5365084271430041,
        // advice
        -0.2939679380763099,
        // overlap
        1.6155047564816536,
        // exact
        0.0,
    ],
    answer_at: 0.940054819468245,
    suggest_at: 0.7351457445166284,
};
