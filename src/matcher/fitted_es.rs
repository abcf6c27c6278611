//! The fitted confidence model for Spanish questions, read by the Spanish matcher. Generated
//! by `cargo run --release --example fit` from the Spanish dev set
//! (`evaluation::DEV_SET_FILES_ES`): do not edit, refit. `tests/devset.rs` checks that this file is
//! what the fit makes of the committed dev set.
//!
//! 276 questions (272 readings), 10-fold cross-validation (fold = position mod 10). The
//! cut-offs are chosen on the cross-validated probabilities: the most right answers with at
//! most 1% wrong and at least 97% of off-topic questions left alone.
//!
//! - cross-validated: right 72.7%, silent 98.3%, wrong 0.4% (1)
//! - in sample: right 72.7%, silent 98.3%, wrong 0.4% (1)

use super::confidence::Model;

/// The model and cut-offs in force.
pub const MODEL: Model = Model {
    bias: -6.226320541805637,
    weights: [
        // score
        1.6453835782753041,
        // lead
        1.4342771288098852,
        // text_cover
        0.23368010037469106,
        // phrase_cover
        0.6072724577175207,
        // containment
        0.6194743623433783,
        // keyword_cover
        1.2874227800698554,
        // unknown_share
        -0.3027636304235706,
        // unknown_words
        0.1610052958429971,
        // intent_met
        1.5062518712985473,
        // specifiers_met
        1.504632769052528e-36,
        // segment
        1.5361303808437903,
        // terms
        1.8635007133226473,
        // corrected_share
        -0.7158545717588035,
        // beyond
        -0.5086407593020539,
        // advice
        -0.4129974164010769,
        // overlap
        1.1302741341738742,
        // exact
        0.0,
    ],
    answer_at: 0.8785253004746253,
    suggest_at: 0.5620819310615452,
};
