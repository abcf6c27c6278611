//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 180 questions (183 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 79.1%, silent 98.1%, wrong 0.6% (1)
//! - in sample: right 78.7%, silent 98.1%, wrong 0.0% (0)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.294263427024452,
    weights: [
        // score
        1.2060175940414133,
        // lead
        0.9174526292411902,
        // text_cover
        0.13153293439716943,
        // phrase_cover
        0.657723126509353,
        // containment
        0.5879059859504887,
        // keyword_cover
        1.3811551955133876,
        // unknown_share
        -0.010130825550683372,
        // unknown_words
        -0.027437332454419427,
        // intent_met
        1.334631000205661,
        // specifiers_met
        3.942378596160672e-31,
        // segment
        1.1470845060857062,
        // terms
        1.8988870491351193,
        // corrected_share
        -0.5110622879917848,
        // beyond
        -0.7795025041875436,
        // advice
        -0.3738854511105478,
        // overlap
        0.8910486925065484,
        // exact
        0.0,
    ],
    answer_at: 0.8947155076194208,
    suggest_at: 0.6411960576957507,
};
