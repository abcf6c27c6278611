//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (598 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 70.5%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 71.0%, silent 97.2%, wrong 0.9% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.322058873117925,
    weights: [
        // score
        0.9311867503145925,
        // lead
        1.9735999601446432,
        // text_cover
        0.005771776454285496,
        // phrase_cover
        1.8888744918436355,
        // containment
        0.8949877928332924,
        // keyword_cover
        -0.08563250134561425,
        // unknown_share
        0.3587443557333544,
        // unknown_words
        0.3251245824851561,
        // intent_met
        1.3190389800838411,
        // specifiers_met
        -1.232595164407831e-32,
        // segment
        0.6132567419654085,
        // terms
        2.8625134003617614,
        // corrected_share
        -2.001704304966282,
        // beyond
        -0.8345491627390651,
        // advice
        -0.4149387925998116,
        // overlap
        1.9932507750975497,
        // exact
        0.0,
    ],
    answer_at: 0.8838834309221067,
    suggest_at: 0.7603231378053215,
};
