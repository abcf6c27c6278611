//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1711 questions (2037 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 59.6%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 59.9%, silent 96.6%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.065606400254648,
    weights: [
        // score
        1.433695059401015,
        // lead
        2.5903090080399434,
        // text_cover
        1.6875454983153573,
        // phrase_cover
        1.7515088002796166,
        // containment
        -0.8330968028636417,
        // keyword_cover
        0.18665986497812587,
        // unknown_share
        1.0426784163631209,
        // unknown_words
        0.25473753810232697,
        // intent_met
        1.0493225395320631,
        // specifiers_met
        1.3150213916786517,
        // segment
        0.9275939368691442,
        // terms
        2.4274795889158782,
        // corrected_share
        -1.831167908110594,
        // beyond
        -1.2185761821763694,
        // advice
        -2.019811478516872,
        // overlap
        0.6823771372523547,
        // spelling
        4.176925368036228,
        // exact
        0.0,
    ],
    answer_at: 0.9250228483826692,
    suggest_at: 0.7492513763259687,
};
