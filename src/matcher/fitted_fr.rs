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
//! - cross-validated: right 51.4%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 51.7%, silent 96.4%, wrong 0.4% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -9.2945569537072,
    weights: [
        // score
        1.6497487715051014,
        // lead
        2.1642677231164,
        // text_cover
        1.0548432024359689,
        // phrase_cover
        1.9291097664788817,
        // containment
        -0.853153300292559,
        // keyword_cover
        -0.12824262036858394,
        // unknown_share
        1.6495972050141094,
        // unknown_words
        0.015191991525658928,
        // intent_met
        0.38916721723613124,
        // specifiers_met
        1.1081704862759705,
        // segment
        0.7592890335907988,
        // terms
        2.362215870024071,
        // corrected_share
        -1.7434116395639851,
        // beyond
        -1.0593444763942308,
        // advice
        0.19212234782481707,
        // overlap
        0.9899074378823454,
        // spelling
        3.5602010601471625,
        // exact
        0.0,
    ],
    answer_at: 0.9059044997609498,
    suggest_at: 0.7674033635208527,
};
