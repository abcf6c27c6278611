//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2041 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 60.9%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.9%, silent 96.4%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.14922953026429,
    weights: [
        // score
        1.410870290911285,
        // lead
        2.620628822345969,
        // text_cover
        1.7439551428094922,
        // phrase_cover
        1.7521044512089379,
        // containment
        -0.7640306468595213,
        // keyword_cover
        0.08168511402303691,
        // unknown_share
        1.0729656241988905,
        // unknown_words
        0.2665959783484373,
        // intent_met
        1.043761599354343,
        // specifiers_met
        1.3198021485177447,
        // segment
        0.936603712130452,
        // terms
        2.431360128362534,
        // corrected_share
        -1.801189203154573,
        // beyond
        -1.2213547422436244,
        // advice
        -2.0232359120522982,
        // overlap
        0.7367839578026306,
        // spelling
        4.186353259064811,
        // exact
        0.0,
    ],
    answer_at: 0.9211668559374617,
    suggest_at: 0.7328614418997146,
};
