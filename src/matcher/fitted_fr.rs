//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1695 questions (1980 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 51.6%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 52.0%, silent 96.4%, wrong 0.4% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.278199800844536,
    weights: [
        // score
        1.6558938912451102,
        // lead
        2.2173029125830555,
        // text_cover
        1.0478840215047838,
        // phrase_cover
        1.9219307567403259,
        // containment
        -0.8527066281813264,
        // keyword_cover
        -0.09959618587828153,
        // unknown_share
        1.6493113404839561,
        // unknown_words
        0.014216357855647095,
        // intent_met
        0.38548458143882347,
        // specifiers_met
        1.1046937008926583,
        // segment
        0.7595135368179803,
        // terms
        2.361675842183594,
        // corrected_share
        -1.7442441194450065,
        // beyond
        -1.0578672492640673,
        // advice
        0.19312658445693295,
        // overlap
        0.9553268275409921,
        // spelling
        3.5569859950780116,
        // exact
        0.0,
    ],
    answer_at: 0.90315840358735,
    suggest_at: 0.7681055216408369,
};
