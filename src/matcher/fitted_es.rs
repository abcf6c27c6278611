//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 636 questions (741 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 72.2%, silent 97.4%, wrong 0.3% (2)
//! - in sample: right 72.2%, silent 97.7%, wrong 0.3% (2)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.229578042646772,
    weights: [
        // score
        1.9347856069754206,
        // lead
        1.9663918519400168,
        // text_cover
        1.1350524523780157,
        // phrase_cover
        1.8820964888464768,
        // containment
        0.996639374603031,
        // keyword_cover
        0.7938266249248269,
        // unknown_share
        -0.23815743226851524,
        // unknown_words
        0.7379503351155717,
        // intent_met
        1.5746626187637067,
        // specifiers_met
        0.9448809077908915,
        // segment
        0.7463398851759091,
        // terms
        2.6036580367615354,
        // corrected_share
        -0.7099528747746386,
        // beyond
        -1.0660590317797551,
        // advice
        -0.9257447242690146,
        // overlap
        2.070189567705874,
        // exact
        0.0,
    ],
    answer_at: 0.9564903920928209,
    suggest_at: 0.7146938805135108,
};
