//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1711 questions (2043 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 56.2%, silent 96.4%, wrong 0.5% (9)
//! - in sample: right 56.6%, silent 96.4%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.675691027145854,
    weights: [
        // score
        1.6521592051471388,
        // lead
        2.3569708424918385,
        // text_cover
        1.4373802353424514,
        // phrase_cover
        1.5361982170116142,
        // containment
        -0.7141692534168518,
        // keyword_cover
        0.0674966048488612,
        // unknown_share
        0.8552773639291252,
        // unknown_words
        0.2194636131976508,
        // intent_met
        0.9613053341612128,
        // specifiers_met
        1.3332338125537562,
        // segment
        0.8868256419559309,
        // terms
        2.3089427250680985,
        // corrected_share
        -1.7073193025221074,
        // beyond
        -1.3582686761258171,
        // advice
        -2.0204994209094673,
        // overlap
        0.6729842465468913,
        // spelling
        4.538808494525679,
        // exact
        0.0,
    ],
    answer_at: 0.9306646722948286,
    suggest_at: 0.7601116155434778,
};
