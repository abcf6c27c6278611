//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1690 questions (1976 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 52.8%, silent 96.6%, wrong 0.5% (9)
//! - in sample: right 53.2%, silent 96.4%, wrong 0.5% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.616274941673895,
    weights: [
        // score
        1.5396242480528033,
        // lead
        2.2053008421020737,
        // text_cover
        1.0878379244895797,
        // phrase_cover
        2.0205097722698944,
        // containment
        -0.7636118126808631,
        // keyword_cover
        -0.07895695094284408,
        // unknown_share
        1.8809004100041633,
        // unknown_words
        -0.0490740648588887,
        // intent_met
        0.5503975590415269,
        // specifiers_met
        1.0838541865970557,
        // segment
        0.793735367938255,
        // terms
        2.4488408581473786,
        // corrected_share
        -1.5177452869240937,
        // beyond
        -1.2044996450425334,
        // advice
        0.29183206309279125,
        // overlap
        0.7163037233807964,
        // spelling
        3.6806112665452413,
        // exact
        0.0,
    ],
    answer_at: 0.8958990406125968,
    suggest_at: 0.7586951918008586,
};
