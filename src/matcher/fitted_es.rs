//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 1716 questions (2037 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 95% of off-topic questions left alone, each with
//! one-sided 95% confidence (Wilson, 1.645 standard errors).
//!
//! - cross-validated: right 60.4%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.5%, silent 96.7%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.1022316362482,
    weights: [
        // score
        1.3776868346535698,
        // lead
        2.558724070747063,
        // text_cover
        1.799398475311735,
        // phrase_cover
        1.6818169628811388,
        // containment
        -0.712908095489597,
        // keyword_cover
        0.050652946700979466,
        // unknown_share
        1.168279033798274,
        // unknown_words
        0.23601491318003853,
        // intent_met
        0.9677592129725713,
        // specifiers_met
        1.3432775905127767,
        // segment
        0.9153501066409969,
        // terms
        2.4556764456942384,
        // corrected_share
        -1.8135435305100116,
        // beyond
        -1.2409631239291252,
        // advice
        -2.029315016207401,
        // overlap
        0.7456307947384129,
        // spelling
        4.18511435350932,
        // exact
        0.0,
    ],
    answer_at: 0.9212100390950713,
    suggest_at: 0.7382806030250917,
};
