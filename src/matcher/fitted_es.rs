//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 546 questions (632 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 73.1%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 73.0%, silent 97.2%, wrong 0.7% (4)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.309284458457983,
    weights: [
        // score
        2.2313394379840674,
        // lead
        1.9321347214534446,
        // text_cover
        0.27504312365029276,
        // phrase_cover
        1.0826097457669472,
        // containment
        0.801843968622256,
        // keyword_cover
        1.3737565009975357,
        // unknown_share
        0.42036511015200373,
        // unknown_words
        0.30491689334170696,
        // intent_met
        1.1128179877168425,
        // specifiers_met
        0.3868572186436617,
        // segment
        0.5879986400392836,
        // terms
        2.431562333731117,
        // corrected_share
        -0.7061554502530294,
        // beyond
        -1.0900081175240712,
        // advice
        -0.7792394226702024,
        // overlap
        2.0269892629395954,
        // exact
        0.0,
    ],
    answer_at: 0.8821771617205882,
    suggest_at: 0.7235994692599275,
};
