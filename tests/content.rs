//! The shipped answers against the source note they are written from
//! (`tests/fixtures/gfmd-source.txt`, a copy of the project's `shared/gfmd-source.txt`):
//!
//! - no answer copies a long run of the note without marking it as a quotation: a run of
//!   [`RUN`] or more consecutive source words (lowercased, punctuation stripped) must stand
//!   inside quotation marks or a Discord block quote (`>` / `>>>`), or be put in our own words;
//! - every listed phrasing (`questions`) of every answer reaches that answer under the default
//!   matcher settings. This is a test of the shipped set rather than a `check` error: validation
//!   in `answers/` knows nothing of the matcher, the outcome depends on the configured
//!   cut-offs, and a moderator's new answer must not fail to load because it changes another
//!   answer's scores.

use gfmd_bot::answers::{Answer, AnswerSet};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::Settings;
use std::collections::HashSet;

const SOURCE: &str = include_str!("fixtures/gfmd-source.txt");

/// Consecutive source words that an answer may not copy without quoting them.
const RUN: usize = 12;

/// A word as compared with the source: lowercase letters and digits only ("Government-led," ->
/// "governmentled").
fn comparable(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The note's words, comment lines (`#`) left out.
fn source_words() -> Vec<String> {
    SOURCE
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(comparable)
        .filter(|word| !word.is_empty())
        .collect()
}

/// One word of an answer: as written, as compared, and whether it is quoted.
struct Word<'a> {
    written: &'a str,
    comparable: String,
    quoted: bool,
}

/// The words of `text`, each marked quoted when it stands inside quotation marks (straight or
/// curly, and the word carrying a mark counts as inside) or in a block quote. `Err` when the
/// quotation marks do not pair up, since then nothing can say what is quoted.
fn words_of(text: &str) -> Result<Vec<Word<'_>>, String> {
    let mut words = Vec::new();
    let mut inside = false;
    let mut quote_to_end = false;
    for line in text.lines() {
        let start = line.trim_start();
        quote_to_end |= start.starts_with(">>>");
        let block = quote_to_end || start.starts_with('>');
        for written in line.split_whitespace() {
            let marked = written.contains(['"', '“', '”']);
            let quoted = inside || block || marked;
            for c in written.chars() {
                match c {
                    '"' => inside = !inside,
                    '“' => inside = true,
                    '”' => inside = false,
                    _ => {}
                }
            }
            let comparable = comparable(written);
            if !comparable.is_empty() {
                words.push(Word {
                    written,
                    comparable,
                    quoted,
                });
            }
        }
    }
    if inside {
        return Err("its quotation marks do not pair up".to_owned());
    }
    Ok(words)
}

/// The unquoted runs of [`RUN`] or more consecutive words of `text` that stand, in that order,
/// in the source (`windows` holds every [`RUN`]-word window of the source), as written.
fn unquoted_runs(text: &str, windows: &HashSet<Vec<String>>) -> Result<Vec<String>, String> {
    let words = words_of(text)?;
    let mut copied = vec![false; words.len()];
    for start in 0..words.len().saturating_sub(RUN - 1) {
        let window = &words[start..start + RUN];
        if window.iter().any(|word| word.quoted) {
            continue;
        }
        let key: Vec<String> = window.iter().map(|word| word.comparable.clone()).collect();
        if windows.contains(&key) {
            copied[start..start + RUN].fill(true);
        }
    }
    let mut runs = Vec::new();
    let mut at = 0;
    while at < words.len() {
        if !copied[at] {
            at += 1;
            continue;
        }
        let end = (at..words.len())
            .find(|&i| !copied[i])
            .unwrap_or(words.len());
        let written: Vec<&str> = words[at..end].iter().map(|word| word.written).collect();
        runs.push(format!("{} words: {}", end - at, written.join(" ")));
        at = end;
    }
    Ok(runs)
}

fn source_windows() -> HashSet<Vec<String>> {
    source_words()
        .windows(RUN)
        .map(<[String]>::to_vec)
        .collect()
}

/// Every text of an answer that members read, named: title, description, field names and values.
fn texts(answer: &Answer) -> Vec<(String, &str)> {
    let mut texts = vec![
        ("title".to_owned(), answer.title.as_str()),
        ("description".to_owned(), answer.description.as_str()),
    ];
    for (index, field) in answer.fields.iter().enumerate() {
        let number = index + 1;
        texts.push((format!("field {number} name"), field.name.as_str()));
        texts.push((format!("field {number} value"), field.value.as_str()));
    }
    texts
}

#[test]
fn the_run_finder_flags_a_copied_run_and_passes_quoted_or_short_ones() {
    let windows = source_windows();
    let copied = "It is an informal, non-binding, voluntary and government-led process that marks \
                  the culmination of more than a decade of talks.";
    let runs = unquoted_runs(copied, &windows).unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert!(
        runs[0].starts_with("19 words: It is an informal,"),
        "{runs:?}"
    );

    let quoted =
        "It is \"an informal, non-binding, voluntary and government-led process that marks \
                  the culmination of more than a decade\" of talks.";
    assert_eq!(
        unquoted_runs(quoted, &windows).unwrap(),
        Vec::<String>::new()
    );
    let curly = "It is “an informal, non-binding, voluntary and government-led process that marks \
                 the culmination of more than a decade” of talks.";
    assert_eq!(
        unquoted_runs(curly, &windows).unwrap(),
        Vec::<String>::new()
    );
    let block =
        "The note:\n> It is an informal, non-binding, voluntary and government-led process \
                 that marks the culmination of more than a decade\nof talks.";
    assert_eq!(
        unquoted_runs(block, &windows).unwrap(),
        Vec::<String>::new()
    );

    // Eleven source words in a row are fine.
    let eleven = "It is an informal, non-binding, voluntary and government-led process that marks \
                  a high point of years of talks.";
    assert_eq!(
        unquoted_runs(eleven, &windows).unwrap(),
        Vec::<String>::new()
    );

    assert!(unquoted_runs("an \"unclosed quotation", &windows).is_err());
}

#[test]
fn no_answer_copies_twelve_source_words_in_a_row_without_quoting_them() {
    let windows = source_windows();
    assert!(windows.len() > 500, "the source copy looks empty");
    let set = AnswerSet::embedded().unwrap_or_else(|error| panic!("{error:#}"));
    let mut problems = Vec::new();
    for answer in set.answers() {
        for (part, text) in texts(answer) {
            match unquoted_runs(text, &windows) {
                Ok(runs) => problems.extend(
                    runs.into_iter()
                        .map(|run| format!("{} ({part}): unquoted run of {run}", answer.id)),
                ),
                Err(why) => problems.push(format!("{} ({part}): {why}", answer.id)),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "quote these as quotations or put them in your own words:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_listed_phrasing_reaches_its_own_answer_under_the_default_settings() {
    let set = AnswerSet::embedded().unwrap_or_else(|error| panic!("{error:#}"));
    let knowledge = Knowledge::new(set, Settings::default());
    let mut misses = Vec::new();
    let mut phrasings = 0;
    for answer in knowledge.answers().answers() {
        for question in &answer.questions {
            phrasings += 1;
            let decision = knowledge.decide(question);
            let got = decision.answer().map(|answer| answer.id.as_str());
            if got != Some(answer.id.as_str()) {
                misses.push(format!(
                    "{}: {question:?} -> {} ({:.2})",
                    answer.id,
                    got.unwrap_or("no answer"),
                    decision.score()
                ));
            }
        }
    }
    assert!(phrasings >= 100, "only {phrasings} phrasings");
    assert!(
        misses.is_empty(),
        "{} of {phrasings} listed phrasings do not reach their own answer (reword them, or add \
         keywords; see `gfmd-bot ask`):\n{}",
        misses.len(),
        misses.join("\n")
    );
}
