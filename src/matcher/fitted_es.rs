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
//! - cross-validated: right 58.5%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 58.8%, silent 97.0%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.05297009009549,
    weights: [
        // score
        1.6446330738947614,
        // lead
        2.2473643774478123,
        // text_cover
        1.1835666127744924,
        // phrase_cover
        1.8282275823588747,
        // containment
        -0.3923391104017591,
        // keyword_cover
        0.3040632335222096,
        // unknown_share
        1.5069160763226672,
        // unknown_words
        0.06689957592283995,
        // intent_met
        0.846230664537073,
        // specifiers_met
        0.8965817776738298,
        // segment
        0.5003823127359028,
        // terms
        2.64035422804774,
        // corrected_share
        -1.636046882235037,
        // beyond
        -1.6596803213075544,
        // advice
        -1.5215199117225837,
        // overlap
        1.6107891961330567,
        // exact
        0.0,
    ],
    answer_at: 0.8854129289626422,
    suggest_at: 0.7128235809624168,
};
