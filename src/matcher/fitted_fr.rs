//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 162 questions (166 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 75.2%, silent 98.0%, wrong 0.6% (1)
//! - in sample: right 77.5%, silent 98.0%, wrong 0.6% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.137486120588247,
    weights: [
        // score
        1.0171630930721671,
        // lead
        1.1934276750544741,
        // text_cover
        0.30429307859907356,
        // phrase_cover
        1.126155884905926,
        // containment
        0.6704390085855689,
        // keyword_cover
        1.3325731718874874,
        // unknown_share
        -0.09672391114143988,
        // unknown_words
        0.2861766640480202,
        // intent_met
        0.7981374541452005,
        // specifiers_met
        0.0,
        // segment
        0.01119849671076842,
        // terms
        1.6668629008674785,
        // corrected_share
        -0.27069422019510003,
        // beyond
        -0.6109457454736764,
        // advice
        -0.6919316076837976,
        // overlap
        0.9605297598559946,
        // exact
        0.0,
    ],
    answer_at: 0.7726609495560522,
    suggest_at: 0.7536741637777297,
};
