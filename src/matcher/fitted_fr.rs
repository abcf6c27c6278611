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
//! - cross-validated: right 52.9%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 52.8%, silent 96.7%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.366779360590291,
    weights: [
        // score
        1.4993031527815437,
        // lead
        2.2987428185191305,
        // text_cover
        0.6218015078636446,
        // phrase_cover
        2.2669084046696475,
        // containment
        -0.5679049039144769,
        // keyword_cover
        0.2971064247388056,
        // unknown_share
        2.0356748316133526,
        // unknown_words
        -0.13737468326117508,
        // intent_met
        0.5313109984137436,
        // specifiers_met
        1.1498535022610454,
        // segment
        0.44191172312361854,
        // terms
        2.5930686296928633,
        // corrected_share
        -2.0713089430685314,
        // beyond
        -1.1822532361094835,
        // advice
        0.15699288620472882,
        // overlap
        1.5400130697826577,
        // exact
        0.0,
    ],
    answer_at: 0.8933550957732636,
    suggest_at: 0.7242164080534326,
};
