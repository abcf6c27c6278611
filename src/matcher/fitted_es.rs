//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 2031 questions (2433 readings). The cut-offs are chosen on the probabilities with each dev
//! file (one writer's batch) held out in turn: the most right answers with at most 1%
//! wrong and at least 95% of off-topic questions left alone, each with one-sided 95%
//! confidence (Wilson, 1.645 standard errors).
//!
//! - held-out writer: right 63.7%, silent 96.4%, wrong 0.5% (11)
//! - 10-fold cross-validation (fold = position mod 10): right 64.1%, silent 96.1%, wrong 0.5% (10)
//! - in sample: right 64.7%, silent 96.4%, wrong 0.5% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.472559023413906,
    weights: [
        // score
        0.942820673699353,
        // lead
        2.134874456363356,
        // text_cover
        1.0519154320071564,
        // phrase_cover
        1.4537959884244143,
        // containment
        -0.6551862107559843,
        // keyword_cover
        0.05202820889023166,
        // unknown_share
        0.302996993167709,
        // unknown_words
        0.2200237379843291,
        // intent_met
        1.1663768439143885,
        // specifiers_met
        1.3585230951315133,
        // segment
        0.7724489382265182,
        // terms
        1.8631892687506164,
        // corrected_share
        -1.3402324079526269,
        // beyond
        -0.9837529460969942,
        // advice
        -1.5231102252408533,
        // overlap
        0.17747746244232288,
        // spelling
        2.997051739604138,
        // neighbour
        -0.4887877518502116,
        // neighbour_over_off_topic
        5.893716700497267,
        // neighbour_over_other
        3.024373407657503,
        // exact
        0.0,
    ],
    answer_at: 0.934501407066417,
    suggest_at: 0.7370766544961422,
};
