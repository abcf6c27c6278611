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
//! - cross-validated: right 52.8%, silent 96.4%, wrong 0.5% (9)
//! - in sample: right 53.0%, silent 96.4%, wrong 0.5% (9)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.648970944700446,
    weights: [
        // score
        1.5828756305395666,
        // lead
        2.1641268379829675,
        // text_cover
        1.083657065396611,
        // phrase_cover
        2.045289049997503,
        // containment
        -0.7918821157369852,
        // keyword_cover
        -0.03656496759519843,
        // unknown_share
        1.928202879582894,
        // unknown_words
        -0.05589541835619646,
        // intent_met
        0.5739713955839632,
        // specifiers_met
        1.0773170688530553,
        // segment
        0.7956978472750705,
        // terms
        2.460037674469186,
        // corrected_share
        -1.5252016568478837,
        // beyond
        -1.2014271771038392,
        // advice
        0.29073714606546835,
        // overlap
        0.6567912321402885,
        // spelling
        3.6684127232124037,
        // exact
        0.0,
    ],
    answer_at: 0.8972556655667703,
    suggest_at: 0.7624532478808014,
};
