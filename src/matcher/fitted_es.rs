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
    bias: -11.226695123487255,
    weights: [
        // score
        1.9341500488141428,
        // lead
        1.9607728236647994,
        // text_cover
        1.1322462730558616,
        // phrase_cover
        1.8848965048085102,
        // containment
        0.9958937093681917,
        // keyword_cover
        0.7953470803448587,
        // unknown_share
        -0.23865134146606412,
        // unknown_words
        0.7379431846438409,
        // intent_met
        1.5744888365471668,
        // specifiers_met
        0.9450334471515951,
        // segment
        0.7466037957887109,
        // terms
        2.6028092607147757,
        // corrected_share
        -0.7093407824698651,
        // beyond
        -1.0660946753205351,
        // advice
        -0.9256970766060981,
        // overlap
        2.067962336892266,
        // exact
        0.0,
    ],
    answer_at: 0.956422708356224,
    suggest_at: 0.7146467516124425,
};
