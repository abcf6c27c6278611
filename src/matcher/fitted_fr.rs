//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1690 questions (1976 readings). The cut-offs are chosen on the probabilities with each dev
//! file (one writer's batch) held out in turn: the most right answers with at most 1%
//! wrong and at least 95% of off-topic questions left alone, each with one-sided 95%
//! confidence (Wilson, 1.645 standard errors).
//!
//! - held-out writer: right 56.0%, silent 96.4%, wrong 0.6% (10)
//! - 10-fold cross-validation (fold = position mod 10): right 57.3%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 57.8%, silent 96.8%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -7.167754940580313,
    weights: [
        // score
        1.679798999863841,
        // lead
        2.142372219595879,
        // text_cover
        1.1946601210131897,
        // phrase_cover
        1.2915507833794364,
        // containment
        -0.36446528884605894,
        // keyword_cover
        -0.11983972736228307,
        // unknown_share
        1.11035496551921,
        // unknown_words
        0.08819401557206491,
        // intent_met
        0.3646932658804955,
        // specifiers_met
        1.1862388457006194,
        // segment
        0.6176189607361132,
        // terms
        1.713665949713968,
        // corrected_share
        -0.8316833963147905,
        // beyond
        -0.926223287697987,
        // advice
        0.39637964577009527,
        // overlap
        0.18939931827614898,
        // spelling
        2.393299208541176,
        // neighbour
        -0.714940315374443,
        // neighbour_over_off_topic
        6.511906735154818,
        // neighbour_over_other
        2.3520095530333966,
        // exact
        0.0,
    ],
    answer_at: 0.9283731990196762,
    suggest_at: 0.739332827582363,
};
