//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1579 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 50.9%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 51.0%, silent 96.3%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.888346524162857,
    weights: [
        // score
        1.450809527861593,
        // lead
        2.575607346556574,
        // text_cover
        0.35891633418110874,
        // phrase_cover
        2.257443198338867,
        // containment
        -0.5635275213055576,
        // keyword_cover
        -0.1773654372692193,
        // unknown_share
        1.7015218991515841,
        // unknown_words
        -0.07188234343221027,
        // intent_met
        0.48308164496909645,
        // specifiers_met
        0.9806990356051665,
        // segment
        0.661791153022169,
        // terms
        2.325728935663832,
        // corrected_share
        -2.0376134113760163,
        // beyond
        -1.1815218038442032,
        // advice
        0.09322701481802464,
        // overlap
        0.753407461592219,
        // spelling
        3.6882472375568307,
        // exact
        0.0,
    ],
    answer_at: 0.9020211197063429,
    suggest_at: 0.7398429567399576,
};
