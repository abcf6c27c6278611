//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (596 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 76.3%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 77.5%, silent 97.7%, wrong 0.9% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.916484941080824,
    weights: [
        // score
        1.0486593326200802,
        // lead
        1.927917951500576,
        // text_cover
        0.43343823632348427,
        // phrase_cover
        2.1116778640600464,
        // containment
        1.031378237932754,
        // keyword_cover
        -0.1562114255025253,
        // unknown_share
        -0.0801364658038707,
        // unknown_words
        0.5145732911331677,
        // intent_met
        1.3318108923903327,
        // specifiers_met
        3.240280646855164e-30,
        // segment
        0.5185938360039304,
        // terms
        2.9338060479493797,
        // corrected_share
        -1.9145224648571755,
        // beyond
        -0.73184580335702,
        // advice
        -0.3688045398733871,
        // overlap
        1.8667169721329453,
        // exact
        0.0,
    ],
    answer_at: 0.8650784379883926,
    suggest_at: 0.7634470020878008,
};
