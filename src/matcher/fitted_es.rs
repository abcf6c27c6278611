//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 180 questions (183 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 77.2%, silent 98.1%, wrong 0.6% (1)
//! - in sample: right 77.2%, silent 98.1%, wrong 0.6% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.453434161389431,
    weights: [
        // score
        1.2184536451473913,
        // lead
        0.8890828786788336,
        // text_cover
        0.07628252788874598,
        // phrase_cover
        0.7110624113646719,
        // containment
        0.5731320279664407,
        // keyword_cover
        1.2997392915342136,
        // unknown_share
        0.08031042974325597,
        // unknown_words
        0.0300960626454752,
        // intent_met
        1.2525047757658667,
        // specifiers_met
        -2.95803580149252e-30,
        // segment
        1.2015852231603756,
        // terms
        1.9451732035308813,
        // corrected_share
        -0.5731605848326244,
        // beyond
        -0.7521285184623739,
        // advice
        -0.3515533623624,
        // overlap
        0.8853115525283073,
        // exact
        0.0,
    ],
    answer_at: 0.8808973325257011,
    suggest_at: 0.5689812686355211,
};
