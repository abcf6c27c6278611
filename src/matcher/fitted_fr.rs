//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 528 questions (596 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 72.4%, silent 97.2%, wrong 0.9% (5)
//! - in sample: right 72.9%, silent 97.7%, wrong 0.9% (5)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.741698752447011,
    weights: [
        // score
        0.9881946131838596,
        // lead
        1.800032486759593,
        // text_cover
        0.2855714938631045,
        // phrase_cover
        2.053488774096929,
        // containment
        1.096139658195724,
        // keyword_cover
        -0.24426728574609086,
        // unknown_share
        -0.028837829160157546,
        // unknown_words
        0.498067414891698,
        // intent_met
        1.3236430473141887,
        // specifiers_met
        2.2673589365835723e-29,
        // segment
        0.6744089704393927,
        // terms
        2.8839703582022613,
        // corrected_share
        -2.002182644620325,
        // beyond
        -0.7736608143589836,
        // advice
        -0.42476260741723043,
        // overlap
        2.0090466385189414,
        // exact
        0.0,
    ],
    answer_at: 0.8982233454945303,
    suggest_at: 0.7595096454617292,
};
