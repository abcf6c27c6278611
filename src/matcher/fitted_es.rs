//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2049 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 55.4%, silent 96.5%, wrong 0.6% (10)
//! - in sample: right 56.0%, silent 96.7%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.360049805000031,
    weights: [
        // score
        1.5181475975605407,
        // lead
        2.3295796359081167,
        // text_cover
        1.3971917824055649,
        // phrase_cover
        1.5682047861056196,
        // containment
        -0.570711439025694,
        // keyword_cover
        -0.048235524668637626,
        // unknown_share
        0.9351934948528368,
        // unknown_words
        0.2106439354704569,
        // intent_met
        0.9903180137449275,
        // specifiers_met
        0.9605420346499522,
        // segment
        0.885553500528555,
        // terms
        2.2266988452818346,
        // corrected_share
        -1.693848346061735,
        // beyond
        -1.34466664151464,
        // advice
        -2.0076495389163824,
        // overlap
        0.6364226079100322,
        // spelling
        4.959386568098915,
        // exact
        0.0,
    ],
    answer_at: 0.9189993452322147,
    suggest_at: 0.7615974113713412,
};
