//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2037 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 59.9%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.3%, silent 96.8%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.948698153352833,
    weights: [
        // score
        1.399006876609458,
        // lead
        2.541458865473729,
        // text_cover
        1.7806216354145006,
        // phrase_cover
        1.5957895374736615,
        // containment
        -0.749092612182718,
        // keyword_cover
        0.006883822881911849,
        // unknown_share
        1.0550629425299904,
        // unknown_words
        0.24301791301791387,
        // intent_met
        0.9128383162092637,
        // specifiers_met
        1.3223817915208442,
        // segment
        0.8888119610297788,
        // terms
        2.4331899417769915,
        // corrected_share
        -1.8104769422467235,
        // beyond
        -1.2449079224568125,
        // advice
        -2.047179464470715,
        // overlap
        0.7295764679639719,
        // spelling
        4.3655751575426,
        // exact
        0.0,
    ],
    answer_at: 0.9202633599387002,
    suggest_at: 0.7447487290848848,
};
