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
//! - cross-validated: right 60.5%, silent 96.4%, wrong 0.6% (10)
//! - in sample: right 60.5%, silent 96.5%, wrong 0.6% (10)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -11.101366127989236,
    weights: [
        // score
        1.379171280203055,
        // lead
        2.559074859146555,
        // text_cover
        1.7998370685354577,
        // phrase_cover
        1.6816651552629558,
        // containment
        -0.7131932624087278,
        // keyword_cover
        0.05052644084734931,
        // unknown_share
        1.1679524681591995,
        // unknown_words
        0.2363702517989599,
        // intent_met
        0.9674455039971658,
        // specifiers_met
        1.3424665445756667,
        // segment
        0.9153615265448296,
        // terms
        2.455245233394469,
        // corrected_share
        -1.8133016134257935,
        // beyond
        -1.2410027114130397,
        // advice
        -2.0293460545877453,
        // overlap
        0.7450045121235139,
        // spelling
        4.185807797226913,
        // exact
        0.0,
    ],
    answer_at: 0.921229264212656,
    suggest_at: 0.7366183339607972,
};
