//! An answer's translations: the `[fr]` and `[es]` tables of its file, each read and checked like
//! the English answer (Discord's limits, with that language's footer), plus one guard of its
//! own: a translation may hold no number the English answer does not.

use super::limits;
use super::raw_field::{self, RawField};
use super::validate::{embed_total_length, footer_text_in, FileChecks};
use super::{Answer, Field, Problem};
use crate::locale::Lang;
use serde::Deserialize;
use std::collections::BTreeSet;
use toml::Spanned;

/// An answer's content in one language other than English. The facts, the subcommand, colour,
/// link, source and related answers are the English answer's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// Embed title; also the localized subcommand description when the answer has a `command`.
    pub title: String,
    /// Phrasings of the question in this language.
    pub questions: Vec<String>,
    /// Short aliases and topic words in this language.
    pub keywords: Vec<String>,
    /// Embed body (Discord markdown).
    pub description: String,
    /// Embed fields, in the English answer's order.
    pub fields: Vec<Field>,
    /// Date the translation was last checked against the English answer (`YYYY-MM-DD`).
    pub reviewed: Option<String>,
}

/// The translations an answer carries, one slot per language of [`Lang::TRANSLATED`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations {
    /// The `[fr]` table.
    pub fr: Option<Translation>,
    /// The `[es]` table (read by both `es-ES` and `es-419`).
    pub es: Option<Translation>,
}

impl Translations {
    /// The translation into `lang`; `None` for English and for a language not translated yet.
    pub fn get(&self, lang: Lang) -> Option<&Translation> {
        match lang {
            Lang::En => None,
            Lang::Fr => self.fr.as_ref(),
            Lang::Es => self.es.as_ref(),
        }
    }

    /// Puts `translation` in the slot of `lang` (English has none: nothing happens).
    pub(super) fn set(&mut self, lang: Lang, translation: Translation) {
        match lang {
            Lang::En => {}
            Lang::Fr => self.fr = Some(translation),
            Lang::Es => self.es = Some(translation),
        }
    }

    /// The languages of [`Lang::TRANSLATED`] this answer has no translation into.
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::TRANSLATED
            .into_iter()
            .filter(|lang| self.get(*lang).is_none())
    }
}

/// One `[fr]` or `[es]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTranslation {
    title: Spanned<String>,
    questions: Vec<Spanned<String>>,
    keywords: Vec<Spanned<String>>,
    description: Spanned<String>,
    #[serde(default)]
    fields: Vec<Spanned<RawField>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
}

/// Checks the translation of `english` into `lang`, reporting into `checks` with every message
/// prefixed by the table's name (`[fr] title is …`); returns it, trimmed.
pub(super) fn parse(
    raw: &RawTranslation,
    lang: Lang,
    english: &Answer,
    checks: &mut FileChecks<'_>,
) -> Translation {
    checks.scoped(&format!("[{}] ", lang.code()), |checks| {
        checks.title(&raw.title, english.command.is_some());
        for question in &raw.questions {
            checks.non_empty("questions entry", question);
        }
        for keyword in &raw.keywords {
            checks.non_empty("keywords entry", keyword);
        }
        checks.description(&raw.description);
        checks.fields(&raw_field::names_and_values(&raw.fields));
        if raw.fields.len() != english.fields.len() {
            let at = raw
                .fields
                .first()
                .map_or(raw.title.span(), |field| field.span());
            checks.report(
                at,
                format!(
                    "has {} field(s) where the English answer has {}: translate each field, \
                     in the same order",
                    raw.fields.len(),
                    english.fields.len()
                ),
            );
        }
        numbers_in_english_only(raw, english, checks);
    });
    let translation = Translation {
        title: raw.title.get_ref().trim().to_owned(),
        questions: trimmed(&raw.questions),
        keywords: trimmed(&raw.keywords),
        description: raw.description.get_ref().trim().to_owned(),
        fields: raw_field::to_fields(&raw.fields),
        reviewed: raw.reviewed.as_ref().map(|date| date.get_ref().to_string()),
    };
    let total = limits::embed_length(
        &translation.title,
        &translation.description,
        &footer_text_in(lang, &english.source, false),
        translation
            .fields
            .iter()
            .map(|field| (field.name.as_str(), field.value.as_str())),
    );
    checks.scoped(&format!("[{}] ", lang.code()), |checks| {
        checks.embed_total(total, raw.title.span());
    });
    translation
}

/// For a language the answer is not translated into, members see the English answer with a
/// note in the footer; that embed must fit Discord's limits too. Skipped when the English embed
/// is already too long, which is reported once, for English.
pub(super) fn check_fallback(
    lang: Lang,
    english: &Answer,
    title_span: std::ops::Range<usize>,
    checks: &mut FileChecks<'_>,
) {
    if embed_total_length(english) > limits::EMBED_TOTAL_LENGTH {
        return;
    }
    let footer = footer_text_in(lang, &english.source, true);
    let total = limits::embed_length(
        &english.title,
        &english.description,
        &footer,
        english
            .fields
            .iter()
            .map(|field| (field.name.as_str(), field.value.as_str())),
    );
    let prefix = format!(
        "untranslated into {} (shown in English with a note): ",
        lang.english_name()
    );
    checks.scoped(&prefix, |checks| checks.embed_total(total, title_span));
}

/// A warning for each language of [`Lang::TRANSLATED`] an answer has no table for.
pub(super) fn missing_languages(answers: &[Answer]) -> Vec<Problem> {
    answers
        .iter()
        .flat_map(|answer| {
            answer.translations.missing().map(move |lang| {
                Problem::at(
                    &answer.origin.file,
                    answer.origin.id,
                    format!(
                        "answer `{}` has no {} translation (`[{}]` table); {} members see it in \
                         English",
                        answer.id,
                        lang.english_name(),
                        lang.code(),
                        lang.english_name()
                    ),
                )
            })
        })
        .collect()
}

/// Runs of ASCII digits in `text`, each with its byte offset.
fn digit_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if c.is_ascii_digit() {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(index, c)) = rest.peek() {
            if !c.is_ascii_digit() {
                break;
            }
            end = index + c.len_utf8();
            rest.next();
        }
        Some((start, &text[start..end]))
    })
}

/// Every run of digits anywhere in the English answer a member can read or a matcher can use:
/// title, description, fields, questions and keywords.
fn english_numbers(english: &Answer) -> BTreeSet<&str> {
    let mut texts: Vec<&str> = vec![&english.title, &english.description];
    texts.extend(english.questions.iter().map(String::as_str));
    texts.extend(english.keywords.iter().map(String::as_str));
    for field in &english.fields {
        texts.push(&field.name);
        texts.push(&field.value);
    }
    texts
        .into_iter()
        .flat_map(|text| digit_runs(text).map(|(_, run)| run))
        .collect()
}

/// An error, at the digits, for each number of the translation the English answer does not
/// have: a cheap guard against a date, count or figure that is not the English answer's.
fn numbers_in_english_only(raw: &RawTranslation, english: &Answer, checks: &mut FileChecks<'_>) {
    let known = english_numbers(english);
    let mut values: Vec<(&str, &Spanned<String>)> =
        vec![("title", &raw.title), ("description", &raw.description)];
    values.extend(raw.questions.iter().map(|value| ("questions entry", value)));
    values.extend(raw.keywords.iter().map(|value| ("keywords entry", value)));
    for field in &raw.fields {
        values.push(("field name", &field.get_ref().name));
        values.push(("field value", &field.get_ref().value));
    }
    for (what, value) in values {
        let mut seen: Vec<&str> = Vec::new();
        for (_, run) in digit_runs(value.get_ref()) {
            if known.contains(run) {
                continue;
            }
            let nth = seen.iter().filter(|other| **other == run).count();
            seen.push(run);
            let span = value.span();
            let at = run_offset(&checks.text()[span.clone()], span.start, run, nth);
            checks.report(
                at..at,
                format!(
                    "{what} has the number `{run}`, which the English answer does not: a \
                     translation keeps the English answer's dates and figures"
                ),
            );
        }
    }
}

fn trimmed(values: &[Spanned<String>]) -> Vec<String> {
    values
        .iter()
        .map(|value| value.get_ref().trim().to_owned())
        .collect()
}

/// Where in the file the `nth` (0-based) run `run` stands inside the raw text `raw`, which
/// starts at byte `start`: the digits as typed, so the column points at them. `start` when the
/// text spells them otherwise (an escape).
fn run_offset(raw: &str, start: usize, run: &str, nth: usize) -> usize {
    digit_runs(raw)
        .filter(|(_, candidate)| *candidate == run)
        .nth(nth)
        .map_or(start, |(offset, _)| start + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_whole_runs_with_their_offsets() {
        let runs: Vec<_> = digit_runs("14–15 September 2006, é1").collect();
        assert_eq!(runs, [(0, "14"), (5, "15"), (18, "2006"), (26, "1")]);
        assert_eq!(digit_runs("no digits").count(), 0);
    }

    #[test]
    fn a_run_is_found_as_typed_and_not_inside_a_longer_one() {
        let raw = "\"in 2007 and 207\"";
        assert_eq!(run_offset(raw, 10, "207", 0), 10 + 13);
        assert_eq!(run_offset(raw, 10, "2007", 0), 10 + 4);
        assert_eq!(run_offset(raw, 10, "1", 0), 10);
    }
}
