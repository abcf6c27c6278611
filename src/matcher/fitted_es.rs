//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 636 questions (741 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 81.9%, silent 97.0%, wrong 0.9% (6)
//! - in sample: right 81.6%, silent 97.0%, wrong 0.8% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.604212488066748,
    weights: [
        // score
        1.863130387647273,
        // lead
        1.8423648575523255,
        // text_cover
        1.141252401406793,
        // phrase_cover
        1.8378612928447613,
        // containment
        1.0453696866429725,
        // keyword_cover
        0.8135209669483185,
        // unknown_share
        -0.36152367160944243,
        // unknown_words
        0.7380583367451957,
        // intent_met
        1.5719447460260427,
        // specifiers_met
        0.2634909942256776,
        // segment
        0.8058778094896205,
        // terms
        2.6383469860710695,
        // corrected_share
        -0.7016226880602389,
        // beyond
        -1.0428610472942514,
        // advice
        -0.9010504860299047,
        // overlap
        2.095878325758066,
        // exact
        0.0,
    ],
    answer_at: 0.8644633521777947,
    suggest_at: 0.7289481905254356,
};
