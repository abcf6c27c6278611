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
//! - cross-validated: right 60.2%, silent 96.7%, wrong 0.5% (7)
//! - in sample: right 60.0%, silent 96.8%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.334330686628565,
    weights: [
        // score
        1.7604387640321415,
        // lead
        2.2139131053135768,
        // text_cover
        1.2328948463569303,
        // phrase_cover
        1.8707555979865376,
        // containment
        -0.40365220807034247,
        // keyword_cover
        0.33842381111679665,
        // unknown_share
        1.305355233309991,
        // unknown_words
        0.12244642689326633,
        // intent_met
        0.8564857192412902,
        // specifiers_met
        1.045098084696043,
        // segment
        0.571359693352477,
        // terms
        2.6909215275352887,
        // corrected_share
        -1.6402145167832907,
        // beyond
        -1.658994198154419,
        // advice
        -1.5204990271575325,
        // overlap
        1.4844718376074795,
        // exact
        0.0,
    ],
    answer_at: 0.8926154384083693,
    suggest_at: 0.7084393570775633,
};
