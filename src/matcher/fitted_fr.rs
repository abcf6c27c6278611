//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (596 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 62.9%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 63.0%, silent 98.1%, wrong 0.9% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -6.954093594115667,
    weights: [
        // score
        1.0433085732279912,
        // lead
        1.832025860759376,
        // text_cover
        -0.4877122208389105,
        // phrase_cover
        1.6270173425694077,
        // containment
        0.582987619066677,
        // keyword_cover
        0.33499096954278024,
        // unknown_share
        0.5805706973754379,
        // unknown_words
        0.03595544015209511,
        // intent_met
        1.314710753626176,
        // specifiers_met
        6.471124613141112e-32,
        // segment
        0.43608124985259533,
        // terms
        2.5445707616943554,
        // corrected_share
        -1.5142331873127908,
        // beyond
        -0.8006391881349588,
        // advice
        -0.6196938815173025,
        // overlap
        1.623107426351818,
        // exact
        0.0,
    ],
    answer_at: 0.8836677468355008,
    suggest_at: 0.7989071896203752,
};
