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
//! - cross-validated: right 59.9%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 59.9%, silent 96.8%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.296965516834447,
    weights: [
        // score
        1.7340245722268686,
        // lead
        2.234292037458012,
        // text_cover
        1.2030476177026763,
        // phrase_cover
        1.882182055597173,
        // containment
        -0.40128157240044066,
        // keyword_cover
        0.3524969894077919,
        // unknown_share
        1.3637721365676014,
        // unknown_words
        0.10369598757822679,
        // intent_met
        0.8522157434339449,
        // specifiers_met
        1.045714138428362,
        // segment
        0.5501424635141197,
        // terms
        2.6663424512850367,
        // corrected_share
        -1.6345902280526423,
        // beyond
        -1.649790222234489,
        // advice
        -1.5135269495819006,
        // overlap
        1.5257563494167725,
        // exact
        0.0,
    ],
    answer_at: 0.892547168018609,
    suggest_at: 0.6984072270539158,
};
