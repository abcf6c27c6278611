//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1577 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 52.5%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 52.6%, silent 96.7%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.053154540772427,
    weights: [
        // score
        1.4027238774406972,
        // lead
        2.265306918101674,
        // text_cover
        0.6345974942998486,
        // phrase_cover
        2.29612463732062,
        // containment
        -0.592540484197405,
        // keyword_cover
        0.31521656067486487,
        // unknown_share
        2.0359133442521293,
        // unknown_words
        -0.13986185026180137,
        // intent_met
        0.5656017620503044,
        // specifiers_met
        0.8425830597396243,
        // segment
        0.4321885362567906,
        // terms
        2.569053252221102,
        // corrected_share
        -2.0757066953695498,
        // beyond
        -1.181262022365499,
        // advice
        0.160521549481595,
        // overlap
        1.598200704220225,
        // exact
        0.0,
    ],
    answer_at: 0.8928833706470587,
    suggest_at: 0.7240795276414869,
};
