//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2042 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 61.0%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 61.3%, silent 96.4%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.102610536889067,
    weights: [
        // score
        1.428128739910322,
        // lead
        2.5683087685052355,
        // text_cover
        1.706145070389309,
        // phrase_cover
        1.7619841463370116,
        // containment
        -0.8205095211603464,
        // keyword_cover
        0.2108116328193052,
        // unknown_share
        1.0759038129354566,
        // unknown_words
        0.2514457282370632,
        // intent_met
        1.0506108023072938,
        // specifiers_met
        1.3164489172613587,
        // segment
        0.9321272072935787,
        // terms
        2.43964809039475,
        // corrected_share
        -1.8248825411031662,
        // beyond
        -1.2181359204498787,
        // advice
        -2.0187645656620328,
        // overlap
        0.6474572233779993,
        // spelling
        4.1789634516374825,
        // exact
        0.0,
    ],
    answer_at: 0.9185550434184111,
    suggest_at: 0.733695665560778,
};
