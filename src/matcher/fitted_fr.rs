//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1579 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 51.7%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 51.7%, silent 96.7%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.012403705588058,
    weights: [
        // score
        1.3869995531487356,
        // lead
        2.323522934336322,
        // text_cover
        0.4096627005521347,
        // phrase_cover
        2.4567268890541794,
        // containment
        -0.4880797176986502,
        // keyword_cover
        0.25621146331841693,
        // unknown_share
        2.108114718969187,
        // unknown_words
        -0.1449979402965122,
        // intent_met
        0.5631302051146038,
        // specifiers_met
        0.8643130081707977,
        // segment
        0.4447048152728612,
        // terms
        2.554350160451539,
        // corrected_share
        -2.391441927043576,
        // beyond
        -1.2023757563930197,
        // advice
        0.14785841088235338,
        // overlap
        1.5010166554008284,
        // exact
        0.0,
    ],
    answer_at: 0.8790476911890791,
    suggest_at: 0.7299038472770834,
};
