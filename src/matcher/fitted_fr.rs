//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1577 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 53.0%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 53.0%, silent 96.7%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.37442823757674,
    weights: [
        // score
        1.5439122288825324,
        // lead
        2.274954252511204,
        // text_cover
        0.609722798578054,
        // phrase_cover
        2.227321397094418,
        // containment
        -0.5802471029260496,
        // keyword_cover
        0.3201447624140622,
        // unknown_share
        2.047407897546275,
        // unknown_words
        -0.15353443960126023,
        // intent_met
        0.5344719725190875,
        // specifiers_met
        1.1450631853413802,
        // segment
        0.45668260131769706,
        // terms
        2.619476725494281,
        // corrected_share
        -2.096115932417745,
        // beyond
        -1.1822696252036848,
        // advice
        0.15614606074833068,
        // overlap
        1.5457580070281143,
        // exact
        0.0,
    ],
    answer_at: 0.896501245530783,
    suggest_at: 0.7285808212696858,
};
