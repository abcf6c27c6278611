//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1578 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 53.3%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 53.2%, silent 96.5%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.340477718270373,
    weights: [
        // score
        1.5604760336107015,
        // lead
        2.3058194479735077,
        // text_cover
        0.612252542985624,
        // phrase_cover
        2.2194326445090917,
        // containment
        -0.6093918929543455,
        // keyword_cover
        0.3297920823977254,
        // unknown_share
        2.0517766560623527,
        // unknown_words
        -0.15754920817916612,
        // intent_met
        0.527036014590981,
        // specifiers_met
        1.1382469581462578,
        // segment
        0.46912360729800945,
        // terms
        2.6022815871444522,
        // corrected_share
        -2.090764517702124,
        // beyond
        -1.1715782171199747,
        // advice
        0.05471444337814966,
        // overlap
        1.5617937643320714,
        // exact
        0.0,
    ],
    answer_at: 0.898320314255924,
    suggest_at: 0.7251107640682952,
};
