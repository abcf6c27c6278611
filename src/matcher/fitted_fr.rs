//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1690 questions (1976 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 51.8%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 52.2%, silent 96.4%, wrong 0.5% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.258297778305515,
    weights: [
        // score
        1.6222889481604492,
        // lead
        2.223389614101218,
        // text_cover
        1.0444771625844267,
        // phrase_cover
        1.9133696856869402,
        // containment
        -0.829304960534328,
        // keyword_cover
        -0.0797866916472777,
        // unknown_share
        1.639978510401183,
        // unknown_words
        0.011582930830555428,
        // intent_met
        0.36114577908407336,
        // specifiers_met
        1.1123947441717,
        // segment
        0.760031584143338,
        // terms
        2.3631273454567827,
        // corrected_share
        -1.7516592431819031,
        // beyond
        -1.0579131110789306,
        // advice
        0.19488692495458929,
        // overlap
        0.9376214215608665,
        // spelling
        3.5830321666796214,
        // exact
        0.0,
    ],
    answer_at: 0.9017581474516956,
    suggest_at: 0.766209463533859,
};
