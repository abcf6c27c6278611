//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1711 questions (2037 readings). The cut-offs are chosen on the probabilities with each dev
//! file (one writer's batch) held out in turn: the most right answers with at most 1%
//! wrong and at least 95% of off-topic questions left alone, each with one-sided 95%
//! confidence (Wilson, 1.645 standard errors).
//!
//! - held-out writer: right 59.8%, silent 96.4%, wrong 0.6% (10)
//! - 10-fold cross-validation (fold = position mod 10): right 60.7%, silent 96.5%, wrong 0.6% (10)
//! - in sample: right 61.1%, silent 96.6%, wrong 0.5% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.755581211720676,
    weights: [
        // score
        1.2553673495522066,
        // lead
        2.0911760829830164,
        // text_cover
        1.4043583354510336,
        // phrase_cover
        1.2755183955320462,
        // containment
        -0.7411928733087942,
        // keyword_cover
        -0.0362053121422155,
        // unknown_share
        0.2983581736436666,
        // unknown_words
        0.2671094742336143,
        // intent_met
        1.1673018823409418,
        // specifiers_met
        1.3124053650752667,
        // segment
        0.7793618256947438,
        // terms
        1.9130138925713251,
        // corrected_share
        -1.2617139107181439,
        // beyond
        -1.2117138699411727,
        // advice
        -1.7304031726691738,
        // overlap
        0.48802146449058137,
        // spelling
        2.836897098724489,
        // neighbour
        -0.34779980237838903,
        // neighbour_over_off_topic
        5.154632557959636,
        // neighbour_over_other
        2.3977331531414867,
        // exact
        0.0,
    ],
    answer_at: 0.937670274784002,
    suggest_at: 0.7983481191251802,
};
