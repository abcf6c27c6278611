//! A French question never gets a Spanish answer, and a Spanish one never a French answer: a
//! free-form message is read, and answered, in the language `detect::language_of` finds in its
//! text, so no question of the French dev and blind sets may be found Spanish, and none of the
//! Spanish ones French. (Undecided is allowed: it falls back to the configured language.)
//!
//! The dev sets' offenders are named; the blind sets' are only counted (tests/blind/README.md).

use gfmd_bot::detect::language_of;
use gfmd_bot::evaluation::{dev_set_in, parse_cases, Case};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;

fn knowledge() -> Knowledge {
    Knowledge::embedded().unwrap()
}

/// The questions of `cases` (written in `lang`) that are found to be in `other`.
fn read_as<'c>(knowledge: &Knowledge, cases: &'c [Case], other: Lang) -> Vec<&'c str> {
    cases
        .iter()
        .map(|case| case.question.as_str())
        .filter(|question| language_of(knowledge, question) == Some(other))
        .collect()
}

#[test]
fn no_french_dev_question_is_read_as_spanish_and_no_spanish_one_as_french() {
    let knowledge = knowledge();
    for (lang, other) in [(Lang::Fr, Lang::Es), (Lang::Es, Lang::Fr)] {
        let cases = dev_set_in(lang);
        let crossed = read_as(&knowledge, &cases, other);
        assert!(
            crossed.is_empty(),
            "{} dev questions read as {}: {crossed:#?}",
            lang.english_name(),
            other.english_name()
        );
    }
}

#[test]
fn no_french_blind_question_is_read_as_spanish_and_no_spanish_one_as_french_counting_only() {
    let knowledge = knowledge();
    for (lang, other, text) in [
        (Lang::Fr, Lang::Es, include_str!("blind/fr.tsv")),
        (Lang::Es, Lang::Fr, include_str!("blind/es.tsv")),
    ] {
        let cases = parse_cases(text).expect("the blind set reads");
        let crossed = read_as(&knowledge, &cases, other).len();
        println!(
            "blind-{lang}: {crossed} of {} read as {}",
            cases.len(),
            other.english_name()
        );
        assert_eq!(
            crossed,
            0,
            "{crossed} blind {} questions read as {} (not shown: blind)",
            lang.english_name(),
            other.english_name()
        );
    }
}
