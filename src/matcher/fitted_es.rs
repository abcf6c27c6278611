//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1377 questions (1630 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 58.0%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 58.3%, silent 96.8%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.920906980520511,
    weights: [
        // score
        1.6370305321222902,
        // lead
        2.232100189047972,
        // text_cover
        1.1312573930693421,
        // phrase_cover
        1.8680156527650396,
        // containment
        -0.37178754428789795,
        // keyword_cover
        0.31712265425755604,
        // unknown_share
        1.5486815182355471,
        // unknown_words
        0.04193296786026154,
        // intent_met
        0.864103649243066,
        // specifiers_met
        0.7465537531141603,
        // segment
        0.5023945075881923,
        // terms
        2.6596068965846147,
        // corrected_share
        -1.6070167870770844,
        // beyond
        -1.6582642608888776,
        // advice
        -1.5168060735910198,
        // overlap
        1.5886572528797385,
        // exact
        0.0,
    ],
    answer_at: 0.8854443666178142,
    suggest_at: 0.7140495586509501,
};
