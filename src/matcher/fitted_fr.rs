//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 162 questions (166 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 75.2%, silent 98.0%, wrong 0.6% (1)
//! - in sample: right 77.9%, silent 98.0%, wrong 0.6% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.133076821365334,
    weights: [
        // score
        1.0265678123984276,
        // lead
        1.201644378186535,
        // text_cover
        0.27675691118781814,
        // phrase_cover
        1.0913838875000479,
        // containment
        0.6825157965798353,
        // keyword_cover
        1.3882016536427046,
        // unknown_share
        -0.06021371006114649,
        // unknown_words
        0.2690443538833481,
        // intent_met
        0.7975565668285555,
        // specifiers_met
        -3.9327489464387356e-31,
        // segment
        0.007910674646720156,
        // terms
        1.67564230443382,
        // corrected_share
        -0.27146870934390477,
        // beyond
        -0.6120506924569489,
        // advice
        -0.6927992027545409,
        // overlap
        0.9535957940363485,
        // exact
        0.0,
    ],
    answer_at: 0.7693433849063723,
    suggest_at: 0.750739051587614,
};
