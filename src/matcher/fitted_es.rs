//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1377 questions (1631 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 57.0%, silent 96.7%, wrong 0.5% (7)
//! - in sample: right 57.4%, silent 97.0%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.10428568149429,
    weights: [
        // score
        1.557908138301531,
        // lead
        2.286683385971923,
        // text_cover
        1.2448198183039338,
        // phrase_cover
        1.629935751504182,
        // containment
        -0.42698906792367786,
        // keyword_cover
        -0.13676445419719901,
        // unknown_share
        1.04934815030356,
        // unknown_words
        0.1246123977281305,
        // intent_met
        0.9802669805007225,
        // specifiers_met
        0.8865248028378537,
        // segment
        0.7740910441453526,
        // terms
        2.2906324131218287,
        // corrected_share
        -1.282405940877034,
        // beyond
        -1.6575120612838927,
        // advice
        -1.4003085367276389,
        // overlap
        0.5144429435217075,
        // spelling
        4.669009182181094,
        // exact
        0.0,
    ],
    answer_at: 0.8908236215755359,
    suggest_at: 0.7714002854843894,
};
