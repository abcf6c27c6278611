//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 2011 questions (2370 readings). The cut-offs are chosen on the probabilities with each dev
//! file (one writer's batch) held out in turn: the most right answers with at most 1%
//! wrong and at least 95% of off-topic questions left alone, each with one-sided 95%
//! confidence (Wilson, 1.645 standard errors).
//!
//! - held-out writer: right 57.1%, silent 96.3%, wrong 0.6% (12)
//! - 10-fold cross-validation (fold = position mod 10): right 57.3%, silent 96.3%, wrong 0.6% (13)
//! - in sample: right 57.8%, silent 96.1%, wrong 0.6% (13)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -7.033063758924632,
    weights: [
        // score
        1.7732948122762664,
        // lead
        2.1663998204141146,
        // text_cover
        1.0086359630576929,
        // phrase_cover
        0.9865668167275402,
        // containment
        -0.6452542683898402,
        // keyword_cover
        -0.08304780456906176,
        // unknown_share
        0.9678633558914782,
        // unknown_words
        0.12108213834274344,
        // intent_met
        0.3581301531432836,
        // specifiers_met
        1.26396227979337,
        // segment
        0.5679307101719717,
        // terms
        1.6368174547944323,
        // corrected_share
        -0.7145072914023636,
        // beyond
        -0.9620845821825659,
        // advice
        0.32007847698072867,
        // overlap
        0.55643279300913,
        // spelling
        2.2568946091541977,
        // neighbour
        -0.5619004520950995,
        // neighbour_over_off_topic
        6.88608213054454,
        // neighbour_over_other
        2.6397558883476004,
        // exact
        0.0,
    ],
    answer_at: 0.9419371569991045,
    suggest_at: 0.7291412404342589,
};
