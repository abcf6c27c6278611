//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1695 questions (1980 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 52.7%, silent 96.4%, wrong 0.5% (9)
//! - in sample: right 52.9%, silent 96.4%, wrong 0.5% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.639970155672806,
    weights: [
        // score
        1.5712667858984197,
        // lead
        2.197443658522862,
        // text_cover
        1.0921858287905675,
        // phrase_cover
        2.03037648506357,
        // containment
        -0.784896016452838,
        // keyword_cover
        -0.0963560000412992,
        // unknown_share
        1.8915660029362427,
        // unknown_words
        -0.046668311646455525,
        // intent_met
        0.5755820066354623,
        // specifiers_met
        1.076648562821968,
        // segment
        0.7934827610806297,
        // terms
        2.4479762299137486,
        // corrected_share
        -1.5106493980411302,
        // beyond
        -1.205152640582806,
        // advice
        0.29035954617455434,
        // overlap
        0.7314663671377962,
        // spelling
        3.6567484916267308,
        // exact
        0.0,
    ],
    answer_at: 0.898010586103059,
    suggest_at: 0.7624267496069586,
};
