//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1377 questions (1629 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 59.0%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 58.9%, silent 97.1%, wrong 0.7% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.136562627009116,
    weights: [
        // score
        1.7727364576846523,
        // lead
        2.207962101441154,
        // text_cover
        1.184481515776764,
        // phrase_cover
        1.86544874217306,
        // containment
        -0.34376518306912435,
        // keyword_cover
        0.27234536887106375,
        // unknown_share
        1.434880869415571,
        // unknown_words
        0.10096587562939116,
        // intent_met
        0.8378775138828755,
        // specifiers_met
        0.8641336009158618,
        // segment
        0.5246994353514725,
        // terms
        2.670269502376231,
        // corrected_share
        -1.7159651824158182,
        // beyond
        -1.6487762962499477,
        // advice
        -1.514750089942787,
        // overlap
        1.5667834129781073,
        // exact
        0.0,
    ],
    answer_at: 0.8869523252946432,
    suggest_at: 0.7166512845206265,
};
