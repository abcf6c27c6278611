//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 162 questions (167 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 74.3%, silent 98.0%, wrong 0.6% (1)
//! - in sample: right 76.6%, silent 98.0%, wrong 0.6% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.06586936900121,
    weights: [
        // score
        1.0347705214830596,
        // lead
        1.3164009061939415,
        // text_cover
        0.21499506947136293,
        // phrase_cover
        1.0778429237872018,
        // containment
        0.624443021732127,
        // keyword_cover
        1.364543430125876,
        // unknown_share
        0.1805351903723492,
        // unknown_words
        0.19252519472615323,
        // intent_met
        0.7579460111234171,
        // specifiers_met
        -3.7363040921112376e-32,
        // segment
        0.045045813077045534,
        // terms
        1.6619125917348159,
        // corrected_share
        -0.7098641727666244,
        // beyond
        -0.6618407924437922,
        // advice
        -0.6842863925544831,
        // overlap
        0.9561848956597673,
        // exact
        0.0,
    ],
    answer_at: 0.7526208974188284,
    suggest_at: 0.7372569601636723,
};
