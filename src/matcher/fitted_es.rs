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
//! - cross-validated: right 54.2%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 54.1%, silent 97.3%, wrong 0.4% (6)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.979889785121772,
    weights: [
        // score
        1.593121059275445,
        // lead
        2.27470810220394,
        // text_cover
        1.124289711807186,
        // phrase_cover
        1.9180097143942334,
        // containment
        -0.2852526462690502,
        // keyword_cover
        0.2637225123950832,
        // unknown_share
        1.4971396642379065,
        // unknown_words
        0.06827477987602239,
        // intent_met
        0.8842085506897541,
        // specifiers_met
        0.7707484890930031,
        // segment
        0.5271772387975834,
        // terms
        2.661388350091341,
        // corrected_share
        -1.6809930277701233,
        // beyond
        -1.6717666004746685,
        // advice
        -1.531713556311459,
        // overlap
        1.5887180657037732,
        // exact
        0.0,
    ],
    answer_at: 0.9185790252675392,
    suggest_at: 0.7275986275979625,
};
