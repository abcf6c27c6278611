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
//! - cross-validated: right 59.7%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 59.9%, silent 96.7%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.286179964565203,
    weights: [
        // score
        1.7619372814589322,
        // lead
        2.242489747222008,
        // text_cover
        1.1807101510008289,
        // phrase_cover
        1.8612184684384736,
        // containment
        -0.33744339740715623,
        // keyword_cover
        0.2906379796655393,
        // unknown_share
        1.425530566997413,
        // unknown_words
        0.08577883661566377,
        // intent_met
        0.8411993757474814,
        // specifiers_met
        1.042709781858195,
        // segment
        0.5260094456174761,
        // terms
        2.683174350080135,
        // corrected_share
        -1.6733917868177277,
        // beyond
        -1.6484373996553763,
        // advice
        -1.5145844646384756,
        // overlap
        1.4885922834309762,
        // exact
        0.0,
    ],
    answer_at: 0.8869730988281759,
    suggest_at: 0.697934803870049,
};
