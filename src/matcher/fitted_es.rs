//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2040 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 60.4%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.5%, silent 96.7%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.116123008600026,
    weights: [
        // score
        1.3811493225687803,
        // lead
        2.561707230522713,
        // text_cover
        1.8178151270347365,
        // phrase_cover
        1.6651131095450555,
        // containment
        -0.7203384220330734,
        // keyword_cover
        0.054476490541570825,
        // unknown_share
        1.1661213418408434,
        // unknown_words
        0.2371725532606857,
        // intent_met
        0.9749181088807348,
        // specifiers_met
        1.3425627368355713,
        // segment
        0.9147979978421121,
        // terms
        2.4496556985129674,
        // corrected_share
        -1.8046929715277735,
        // beyond
        -1.239085903958957,
        // advice
        -2.02944595705585,
        // overlap
        0.743824899102391,
        // spelling
        4.214869962848699,
        // exact
        0.0,
    ],
    answer_at: 0.921257569929795,
    suggest_at: 0.7364884817542637,
};
