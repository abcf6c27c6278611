//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 936 questions (1115 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 57.0%, silent 97.0%, wrong 0.4% (4)
//! - in sample: right 57.0%, silent 97.0%, wrong 0.3% (3)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.941862122046809,
    weights: [
        // score
        1.9342465919516973,
        // lead
        2.4335036201964044,
        // text_cover
        1.2712233922683116,
        // phrase_cover
        1.2508375209475753,
        // containment
        0.26964360969279083,
        // keyword_cover
        0.5335191325951442,
        // unknown_share
        0.3997335653733554,
        // unknown_words
        0.38788808245822004,
        // intent_met
        1.023104137122374,
        // specifiers_met
        0.8651839247900709,
        // segment
        0.6510869019722346,
        // terms
        2.378460198338183,
        // corrected_share
        -0.9455411080319281,
        // beyond
        -1.6822353515773294,
        // advice
        -1.3476325311285975,
        // overlap
        1.33929281683147,
        // exact
        0.0,
    ],
    answer_at: 0.9476963308218007,
    suggest_at: 0.7387733523861505,
};
