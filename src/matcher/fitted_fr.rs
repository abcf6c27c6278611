//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 918 questions (1087 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 51.7%, silent 97.0%, wrong 0.4% (4)
//! - in sample: right 51.4%, silent 97.0%, wrong 0.4% (4)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.201316239928884,
    weights: [
        // score
        1.194297684280122,
        // lead
        2.2441066902327034,
        // text_cover
        0.1263891788213772,
        // phrase_cover
        2.1706413127521884,
        // containment
        0.11876061389709722,
        // keyword_cover
        -0.01896950790076984,
        // unknown_share
        1.2306356219860868,
        // unknown_words
        -0.004936452089962629,
        // intent_met
        0.792218474071692,
        // specifiers_met
        1.1311409951330624,
        // segment
        0.405731420179611,
        // terms
        2.510974893276625,
        // corrected_share
        -1.8065188593170558,
        // beyond
        -0.9052947446608872,
        // advice
        -0.10759857291460588,
        // overlap
        1.453808396295699,
        // exact
        0.0,
    ],
    answer_at: 0.9358786201457405,
    suggest_at: 0.7271656761991729,
};
