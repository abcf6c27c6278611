//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 546 questions (627 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 81.9%, silent 97.7%, wrong 0.9% (5)
//! - in sample: right 82.3%, silent 97.7%, wrong 0.7% (4)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -10.37377669626835,
    weights: [
        // score
        2.0257243770385718,
        // lead
        1.5785105045133168,
        // text_cover
        0.970272042234811,
        // phrase_cover
        1.6255998355171035,
        // containment
        1.165240593591855,
        // keyword_cover
        1.132558723950054,
        // unknown_share
        0.10521608136062316,
        // unknown_words
        0.6588718584069871,
        // intent_met
        1.3611835081442623,
        // specifiers_met
        0.3916438859702066,
        // segment
        0.8469942223298114,
        // terms
        2.892737913800726,
        // corrected_share
        -0.7941500920719523,
        // beyond
        -1.3185994224456044,
        // advice
        -0.5936831729890013,
        // overlap
        1.8096361338732911,
        // exact
        0.0,
    ],
    answer_at: 0.9194974453203368,
    suggest_at: 0.6983295227327355,
};
