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
//! - cross-validated: right 52.4%, silent 96.5%, wrong 0.5% (7)
//! - in sample: right 52.3%, silent 96.7%, wrong 0.6% (8)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -8.021329204694126,
    weights: [
        // score
        1.413523831676496,
        // lead
        2.25222629137019,
        // text_cover
        0.41056529697429833,
        // phrase_cover
        2.4550451933648025,
        // containment
        -0.5254086276838039,
        // keyword_cover
        0.31126795776536836,
        // unknown_share
        2.226354061480245,
        // unknown_words
        -0.19925481748021381,
        // intent_met
        0.5580245107312585,
        // specifiers_met
        0.8554081333928136,
        // segment
        0.434136472899604,
        // terms
        2.594614250152208,
        // corrected_share
        -2.3529113804319666,
        // beyond
        -1.1767820697690274,
        // advice
        0.16139598280943665,
        // overlap
        1.4964732600901383,
        // exact
        0.0,
    ],
    answer_at: 0.8812120445507203,
    suggest_at: 0.7353983944615483,
};
