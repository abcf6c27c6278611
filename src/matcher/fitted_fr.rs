//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1577 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 51.9%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 52.1%, silent 96.7%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -7.9759140176296555,
    weights: [
        // score
        1.4043224761232758,
        // lead
        2.3491448497206786,
        // text_cover
        0.4160367298891003,
        // phrase_cover
        2.45152173571789,
        // containment
        -0.5103244933171137,
        // keyword_cover
        0.23604650692565934,
        // unknown_share
        2.201846020293989,
        // unknown_words
        -0.19320323686681665,
        // intent_met
        0.5493107765718757,
        // specifiers_met
        0.8419403513271906,
        // segment
        0.43055709398346576,
        // terms
        2.571684454921679,
        // corrected_share
        -2.3993716729231793,
        // beyond
        -1.178809755203535,
        // advice
        0.1788712533819801,
        // overlap
        1.4969412131558828,
        // exact
        0.0,
    ],
    answer_at: 0.8810683778692987,
    suggest_at: 0.7318304417482651,
};
