//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 618 questions (689 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 75.4%, silent 97.4%, wrong 1.0% (6)
//! - in sample: right 75.7%, silent 96.7%, wrong 1.0% (6)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.92916526982594,
    weights: [
        // score
        0.9013296673736982,
        // lead
        2.075072858272987,
        // text_cover
        0.6022230621467551,
        // phrase_cover
        2.1266089036886613,
        // containment
        0.8449437666007813,
        // keyword_cover
        -0.06780139435421478,
        // unknown_share
        -0.4338807656302585,
        // unknown_words
        0.46424665642374535,
        // intent_met
        1.5613534071684663,
        // specifiers_met
        0.08558455127902533,
        // segment
        0.6487468279702052,
        // terms
        2.6588196157042394,
        // corrected_share
        -1.9251398517211595,
        // beyond
        -0.4943123864055785,
        // advice
        -0.26395819666489223,
        // overlap
        1.677709505384667,
        // exact
        0.0,
    ],
    answer_at: 0.8316287443066608,
    suggest_at: 0.7465653957427263,
};
