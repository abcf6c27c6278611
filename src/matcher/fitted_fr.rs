//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1695 questions (1982 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 49.9%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 49.9%, silent 96.5%, wrong 0.4% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.973404033892336,
    weights: [
        // score
        1.5554368718769058,
        // lead
        2.1845297607926115,
        // text_cover
        0.8646496237381996,
        // phrase_cover
        2.1470993167498853,
        // containment
        -0.7714287395332574,
        // keyword_cover
        -0.209941883123836,
        // unknown_share
        1.6621782676760883,
        // unknown_words
        0.038418924960285886,
        // intent_met
        0.4199277799043299,
        // specifiers_met
        0.8742984809701378,
        // segment
        0.7252992281680469,
        // terms
        2.2997538708227077,
        // corrected_share
        -2.097966045112818,
        // beyond
        -1.091472800777352,
        // advice
        0.27088791774657056,
        // overlap
        0.9161820431634872,
        // spelling
        3.5618853008503204,
        // exact
        0.0,
    ],
    answer_at: 0.8999621711209091,
    suggest_at: 0.7641783963895499,
};
