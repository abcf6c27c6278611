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
//! - in sample: right 53.0%, silent 96.4%, wrong 0.5% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.649434748136379,
    weights: [
        // score
        1.5826986461635222,
        // lead
        2.16412240447022,
        // text_cover
        1.0837745273856654,
        // phrase_cover
        2.0451990007540113,
        // containment
        -0.7906595650130712,
        // keyword_cover
        -0.03718093979688079,
        // unknown_share
        1.9274480781281915,
        // unknown_words
        -0.05565585383815943,
        // intent_met
        0.5741793082942945,
        // specifiers_met
        1.0774644512231533,
        // segment
        0.795942554546075,
        // terms
        2.459590101480869,
        // corrected_share
        -1.52549215679763,
        // beyond
        -1.201490153550179,
        // advice
        0.29084495175133274,
        // overlap
        0.6565543861704816,
        // spelling
        3.6699458448016027,
        // exact
        0.0,
    ],
    answer_at: 0.8973077128443029,
    suggest_at: 0.7630943743495227,
};
