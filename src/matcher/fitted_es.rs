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
//! - cross-validated: right 57.8%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 58.1%, silent 96.8%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.893626529082532,
    weights: [
        // score
        1.6306904087873473,
        // lead
        2.271283966263941,
        // text_cover
        1.1229691945841842,
        // phrase_cover
        1.8600549595989384,
        // containment
        -0.3895806931488409,
        // keyword_cover
        0.31839782286940793,
        // unknown_share
        1.5118574440102603,
        // unknown_words
        0.049938861026294905,
        // intent_met
        0.8654878017748109,
        // specifiers_met
        0.7484304052883956,
        // segment
        0.49603940319628576,
        // terms
        2.645333385325772,
        // corrected_share
        -1.6829616838757895,
        // beyond
        -1.6577513542405309,
        // advice
        -1.5192793122850283,
        // overlap
        1.612520075664323,
        // exact
        0.0,
    ],
    answer_at: 0.886239025870842,
    suggest_at: 0.716342644042019,
};
