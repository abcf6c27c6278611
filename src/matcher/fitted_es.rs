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
//! - cross-validated: right 59.6%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.0%, silent 96.7%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.027103618265958,
    weights: [
        // score
        1.3369068473737522,
        // lead
        2.579230310523674,
        // text_cover
        1.7911378357653291,
        // phrase_cover
        1.5605370933707952,
        // containment
        -0.6774474423887632,
        // keyword_cover
        -0.014337749283679443,
        // unknown_share
        1.187904153137812,
        // unknown_words
        0.2208529211434424,
        // intent_met
        0.9175678617638308,
        // specifiers_met
        1.3424867363962796,
        // segment
        0.8768279963924059,
        // terms
        2.4536193962876296,
        // corrected_share
        -1.9454483005614442,
        // beyond
        -1.2281476627544432,
        // advice
        -2.047774184298998,
        // overlap
        0.7561913737326575,
        // spelling
        4.380842384722293,
        // exact
        0.0,
    ],
    answer_at: 0.9210134487734774,
    suggest_at: 0.7422729913286501,
};
