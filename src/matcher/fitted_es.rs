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
//! - cross-validated: right 58.4%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 58.6%, silent 96.7%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.723995915431505,
    weights: [
        // score
        1.4130516355196592,
        // lead
        2.5471771525143954,
        // text_cover
        1.798088611673888,
        // phrase_cover
        1.2895647548275697,
        // containment
        -0.7883314895146368,
        // keyword_cover
        0.0003155461267673221,
        // unknown_share
        1.004360702664793,
        // unknown_words
        0.1873619318433964,
        // intent_met
        0.9422803003191533,
        // specifiers_met
        1.3265079268952,
        // segment
        0.8650934541365745,
        // terms
        2.3995847012145286,
        // corrected_share
        -1.8691761146523425,
        // beyond
        -1.2606989342430217,
        // advice
        -2.0803245324093758,
        // overlap
        0.7474107889189628,
        // spelling
        4.50069716640657,
        // exact
        0.0,
    ],
    answer_at: 0.9183507226274845,
    suggest_at: 0.7537687227563348,
};
