//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (596 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 78.4%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 78.9%, silent 97.7%, wrong 0.8% (4)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.939080733720116,
    weights: [
        // score
        1.0519973335694068,
        // lead
        1.9743051473127704,
        // text_cover
        0.4066690605690938,
        // phrase_cover
        2.0480823398592536,
        // containment
        0.9966995452807793,
        // keyword_cover
        0.1416136141462107,
        // unknown_share
        -0.0700475869622535,
        // unknown_words
        0.513954665683689,
        // intent_met
        1.3615715183824426,
        // specifiers_met
        -1.2819004756169132e-30,
        // segment
        0.531853879336455,
        // terms
        2.932407983693041,
        // corrected_share
        -1.9303943801227186,
        // beyond
        -0.7187751330362061,
        // advice
        -0.35002886974051195,
        // overlap
        1.778564811554225,
        // exact
        0.0,
    ],
    answer_at: 0.8169985799110668,
    suggest_at: 0.76338176593388,
};
