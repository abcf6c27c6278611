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
//! - cross-validated: right 59.8%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 59.8%, silent 96.8%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.311145784810199,
    weights: [
        // score
        1.7434796173653089,
        // lead
        2.209877891668874,
        // text_cover
        1.2304979699675604,
        // phrase_cover
        1.8527958259133135,
        // containment
        -0.35989740711381113,
        // keyword_cover
        0.3467630913776963,
        // unknown_share
        1.3381377048868723,
        // unknown_words
        0.11735271044471883,
        // intent_met
        0.8416927849369334,
        // specifiers_met
        1.0375931798501985,
        // segment
        0.5549903094601728,
        // terms
        2.671325513858614,
        // corrected_share
        -1.6662805686194821,
        // beyond
        -1.644920471445186,
        // advice
        -1.5099243864749743,
        // overlap
        1.5059886314397524,
        // exact
        0.0,
    ],
    answer_at: 0.8918639957827827,
    suggest_at: 0.6963797932349485,
};
