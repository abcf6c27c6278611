//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1377 questions (1630 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 58.4%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 58.6%, silent 96.7%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.927103262432967,
    weights: [
        // score
        1.5833593243075812,
        // lead
        2.24457459417798,
        // text_cover
        1.1541347803919284,
        // phrase_cover
        1.8633529129104942,
        // containment
        -0.3595673808013419,
        // keyword_cover
        0.323592509191672,
        // unknown_share
        1.5271891367330817,
        // unknown_words
        0.0557127061346668,
        // intent_met
        0.832655680335644,
        // specifiers_met
        0.7520796965800115,
        // segment
        0.5048882727921097,
        // terms
        2.658782584766119,
        // corrected_share
        -1.6001497294366078,
        // beyond
        -1.6585466702549632,
        // advice
        -1.513923828437717,
        // overlap
        1.633994592170215,
        // exact
        0.0,
    ],
    answer_at: 0.8853357336113586,
    suggest_at: 0.7144182259531521,
};
