//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 162 questions (167 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 77.0%, silent 98.0%, wrong 0.6% (1)
//! - in sample: right 79.3%, silent 98.0%, wrong 0.6% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -5.3581122602454965,
    weights: [
        // score
        1.0119413439941587,
        // lead
        1.248756695683717,
        // text_cover
        0.3436870739007483,
        // phrase_cover
        1.142162078491998,
        // containment
        0.6910951523114696,
        // keyword_cover
        1.351589885654124,
        // unknown_share
        0.010769561338143174,
        // unknown_words
        0.30582634815274085,
        // intent_met
        0.7587100456032158,
        // specifiers_met
        3.9558525823779484e-31,
        // segment
        0.038036277984906164,
        // terms
        1.7501153818238862,
        // corrected_share
        -0.26296575709451236,
        // beyond
        -0.5943878494160695,
        // advice
        -0.6750203881414772,
        // overlap
        0.9207395477245676,
        // exact
        0.0,
    ],
    answer_at: 0.7654068731531802,
    suggest_at: 0.7401466544323858,
};
