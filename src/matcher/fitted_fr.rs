//! The fitted confidence model for French questions, read by the French matcher. Generated
//! by `cargo run --release --example fit` from the French dev set
//! (`evaluation::DEV_SET_FILES_FR`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 258 questions (248 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 70.7%, silent 97.3%, wrong 0.8% (2)
//! - in sample: right 71.0%, silent 97.3%, wrong 0.8% (2)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -7.03070591808939,
    weights: [
        // score
        1.2824086090769127,
        // lead
        1.5267192356613521,
        // text_cover
        0.19546294070480386,
        // phrase_cover
        1.3621409592563367,
        // containment
        1.0627138936585723,
        // keyword_cover
        0.7680025120656523,
        // unknown_share
        0.03340497471212505,
        // unknown_words
        0.4199141644435055,
        // intent_met
        1.3963286944936046,
        // specifiers_met
        1.8055593228630336e-34,
        // segment
        0.25049910271831116,
        // terms
        1.9544888435695646,
        // corrected_share
        -0.2660407579074573,
        // beyond
        -0.3507179142891181,
        // advice
        -0.4885697182240404,
        // overlap
        1.422354333142123,
        // exact
        0.0,
    ],
    answer_at: 0.7798415709509707,
    suggest_at: 0.6864223848481449,
};
