//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2048 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 58.1%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 58.3%, silent 96.4%, wrong 0.6% (11)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.7137578154826,
    weights: [
        // score
        1.64550429757481,
        // lead
        2.3303784196040516,
        // text_cover
        1.4581925519283117,
        // phrase_cover
        1.5455570475504403,
        // containment
        -0.7013851987183407,
        // keyword_cover
        0.09248614584401123,
        // unknown_share
        0.8904059567773802,
        // unknown_words
        0.21552447464906346,
        // intent_met
        0.9623220018894124,
        // specifiers_met
        1.3349350793705166,
        // segment
        0.891870701724146,
        // terms
        2.3218245375063225,
        // corrected_share
        -1.6993723601846757,
        // beyond
        -1.3578103667897363,
        // advice
        -2.019311143896727,
        // overlap
        0.6350077398674624,
        // spelling
        4.5431188186575255,
        // exact
        0.0,
    ],
    answer_at: 0.9183472901149601,
    suggest_at: 0.7563235745609959,
};
