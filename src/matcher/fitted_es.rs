//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1377 questions (1629 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 59.6%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 59.7%, silent 96.8%, wrong 0.7% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.312721927398684,
    weights: [
        // score
        1.7684826867855268,
        // lead
        2.238380723318684,
        // text_cover
        1.199182891374298,
        // phrase_cover
        1.8659880293222217,
        // containment
        -0.34249135146883397,
        // keyword_cover
        0.2783591062818442,
        // unknown_share
        1.4393458588552024,
        // unknown_words
        0.09323380117265892,
        // intent_met
        0.8369511769646235,
        // specifiers_met
        1.0454199027748254,
        // segment
        0.5271772050675768,
        // terms
        2.681559251998182,
        // corrected_share
        -1.6725618384172687,
        // beyond
        -1.6500664153362758,
        // advice
        -1.5156356936896354,
        // overlap
        1.5079055867095557,
        // exact
        0.0,
    ],
    answer_at: 0.8869665143087426,
    suggest_at: 0.7008562324508258,
};
