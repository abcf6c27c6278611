//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (596 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 71.4%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 72.2%, silent 97.2%, wrong 0.9% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.474931520122832,
    weights: [
        // score
        0.9355645570587049,
        // lead
        1.832181527957312,
        // text_cover
        0.21469802679741778,
        // phrase_cover
        2.00168908160806,
        // containment
        1.0625837168582801,
        // keyword_cover
        -0.20259347894117696,
        // unknown_share
        0.03608472386552995,
        // unknown_words
        0.4669211192158407,
        // intent_met
        1.3285860449697664,
        // specifiers_met
        2.8638570749874352e-30,
        // segment
        0.6714589084641457,
        // terms
        2.781139092521296,
        // corrected_share
        -2.020771298288922,
        // beyond
        -0.8230241738139142,
        // advice
        -0.4148640975117355,
        // overlap
        2.0194325400352056,
        // exact
        0.0,
    ],
    answer_at: 0.9056503004587704,
    suggest_at: 0.7550182671954866,
};
