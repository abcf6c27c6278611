//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1357 questions (1577 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 52.7%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 52.7%, silent 96.7%, wrong 0.5% (7)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.372669273566986,
    weights: [
        // score
        1.5089273708349815,
        // lead
        2.284326620558704,
        // text_cover
        0.6243248477897636,
        // phrase_cover
        2.28846817630313,
        // containment
        -0.5727928225144723,
        // keyword_cover
        0.28004470282950267,
        // unknown_share
        2.047041359672882,
        // unknown_words
        -0.13861894398300187,
        // intent_met
        0.5316368401420098,
        // specifiers_met
        1.1508927610009094,
        // segment
        0.43873752648693215,
        // terms
        2.5938380094256788,
        // corrected_share
        -2.0715156972295232,
        // beyond
        -1.184379794053738,
        // advice
        0.15607528458119796,
        // overlap
        1.5354862029198377,
        // exact
        0.0,
    ],
    answer_at: 0.8934079532865875,
    suggest_at: 0.7257196800103103,
};
