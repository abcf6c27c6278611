//! The TOML text of answer files written for moderators: new files in the hand-written format,
//! and edits through `toml_edit` that keep the file's comments, other keys and spacing.

use super::{AnswerDraft, StoreError, TranslationDraft, DEFAULT_SOURCE};
use crate::locale::Lang;
use toml_edit::{value, Array, Date, Datetime, DocumentMut, Formatted, Item, Table, Value};

/// First line of every answer file added from Discord.
const NEW_FILE_COMMENT: &str = "# Added with /gfmd-admin add by a moderator.";

/// `questions = [` with one trimmed, non-empty phrasing per line, or `[]` when there is none.
fn questions_array(questions: &[String]) -> Array {
    let mut array: Array = questions
        .iter()
        .map(|question| question.trim())
        .filter(|question| !question.is_empty())
        .collect();
    if array.is_empty() {
        return array;
    }
    for item in array.iter_mut() {
        item.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}

/// The description as a multi-line basic string (`"""…"""`), the body starting on the line after
/// the opening quotes and the closing quotes on a line of their own.
fn multiline(text: &str) -> Item {
    let body = format!("\n{}\n", text.replace("\r\n", "\n").trim());
    // `multiline_repr` always yields valid TOML (see the property test below); should it ever
    // not, `toml_edit` picks a representation of its own and the text is still kept exactly.
    let value = multiline_repr(&body)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::String(Formatted::new(body)));
    Item::Value(value)
}

/// `"""` + `body` + `"""`, escaping what a multi-line basic string cannot hold as is:
/// backslashes, every third `"` of a run (so no `"""` closes the string early, nor one
/// that ends the body), and control characters other than newline.
fn multiline_repr(body: &str) -> String {
    let mut out = String::from("\"\"\"");
    let mut quotes = 0;
    for c in body.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
            } else {
                out.push(c);
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    // A body ending in a raw `"` would run into the closing quotes.
    if quotes > 0 {
        out.pop();
        out.push_str("\\\"");
    }
    out.push_str("\"\"\"");
    out
}

/// The text of a new answer file, in the hand-written format: a comment, then `id`, `title`,
/// `questions`, `keywords`, `description`, `source` and `reviewed`, in the order the
/// hand-written files use. No `command`, so adding an answer never changes the slash commands.
pub(super) fn render_new(draft: &AnswerDraft, reviewed: Date) -> String {
    let mut document = DocumentMut::new();
    document["id"] = value(draft.id.trim());
    document["title"] = value(draft.title.trim());
    document["questions"] = value(questions_array(&draft.questions));
    document["keywords"] = value(Array::new());
    document["description"] = multiline(&draft.description);
    document["source"] = value(DEFAULT_SOURCE);
    document["reviewed"] = date_item(reviewed);
    format!("{NEW_FILE_COMMENT}\n{document}")
}

/// The text of a new answer file with one translation: [`render_new`], then the `[fr]` or `[es]`
/// table (`title`, `questions`, `keywords`, `description`, `reviewed`) as the hand-written files
/// lay it out. English has no table: `translation` into English adds nothing.
pub(super) fn render_new_translated(
    draft: &AnswerDraft,
    translation: &TranslationDraft,
    reviewed: Date,
) -> String {
    let mut text = render_new(draft, reviewed);
    if translation.lang == Lang::En {
        return text;
    }
    let mut document = DocumentMut::new();
    let mut table = Table::new();
    table["title"] = value(translation.title.trim());
    table["questions"] = value(questions_array(&translation.questions));
    table["keywords"] = value(Array::new());
    table["description"] = multiline(&translation.description);
    table["reviewed"] = date_item(reviewed);
    document[translation.lang.code()] = Item::Table(table);
    text.push('\n');
    text.push_str(&document.to_string());
    text
}

/// `reviewed = 2026-11-28`: a TOML date without a time, as the hand-written files write it.
fn date_item(reviewed: Date) -> Item {
    value(Datetime {
        date: Some(reviewed),
        time: None,
        offset: None,
    })
}

/// `existing` with its `title`, `questions` and `description` replaced; everything else
/// (comments, other keys, their order, the spacing and comments around the replaced values)
/// is kept.
pub(super) fn render_edit(existing: &str, draft: &AnswerDraft) -> Result<String, StoreError> {
    let mut document: DocumentMut = existing
        .parse()
        .map_err(|error: toml_edit::TomlError| StoreError::Edit(error.to_string()))?;
    replace_value(&mut document, "title", value(draft.title.trim()));
    replace_value(
        &mut document,
        "questions",
        value(questions_array(&draft.questions)),
    );
    replace_value(&mut document, "description", multiline(&draft.description));
    Ok(document.to_string())
}

/// `existing` with `phrasing` appended to the `questions` (created when missing) of `lang`: the
/// top-level ones for English, those of the `[fr]` / `[es]` table otherwise, one per line like
/// the hand-written files; everything else is kept. `None` when the file has no table for `lang`.
pub(super) fn render_added_phrasing(
    existing: &str,
    lang: Lang,
    phrasing: &str,
) -> Result<Option<String>, StoreError> {
    let mut document: DocumentMut = existing
        .parse()
        .map_err(|error: toml_edit::TomlError| StoreError::Edit(error.to_string()))?;
    let table = match lang {
        Lang::En => document.as_table_mut(),
        translated => match document
            .get_mut(translated.code())
            .and_then(Item::as_table_mut)
        {
            Some(table) => table,
            None => return Ok(None),
        },
    };
    let mut questions: Vec<String> = table
        .get("questions")
        .and_then(Item::as_array)
        .map(|array| {
            array
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    questions.push(phrasing.trim().to_owned());
    replace_value(table, "questions", value(questions_array(&questions)));
    Ok(Some(document.to_string()))
}

/// Sets `key` of `table`, keeping the spacing and any trailing comment around the old value.
fn replace_value(table: &mut Table, key: &str, mut new: Item) {
    if let (Some(old), Some(new_value)) =
        (table.get(key).and_then(Item::as_value), new.as_value_mut())
    {
        *new_value.decor_mut() = old.decor().clone();
    }
    table[key] = new;
}

/// Today's date in UTC.
pub(super) fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    let (year, month, day) = civil_date(i64::try_from(days).unwrap_or(0));
    Date {
        year: u16::try_from(year).unwrap_or(9999),
        month,
        day,
    }
}

/// The proleptic Gregorian `(year, month, day)` of a count of days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: month 1-12, day 1-31.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, AnswerSet, SourceFile};
    use proptest::prelude::*;

    const REVIEWED: Date = Date {
        year: 2026,
        month: 11,
        day: 28,
    };

    fn load_one(text: &str) -> Answer {
        let set = AnswerSet::from_sources(&[SourceFile::new("responses/tricky.toml", text)])
            .unwrap_or_else(|error| panic!("{error}\n{text}"));
        set.get("tricky").cloned().unwrap()
    }

    #[test]
    fn civil_dates_are_right_around_leap_years_and_the_epoch() {
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(11_017), (2000, 3, 1));
        assert_eq!(civil_date(20_785), (2026, 11, 28));
        assert_eq!(civil_date(47_540), (2100, 2, 28));
        assert_eq!(civil_date(47_541), (2100, 3, 1), "2100 is not a leap year");
        assert_eq!(civil_date(2_932_896), (9999, 12, 31));
    }

    #[test]
    fn today_is_a_real_date_written_without_a_time() {
        let today = today();
        assert!(today.year >= 2024 && (1..=12).contains(&today.month));
        let text = render_new(
            &AnswerDraft {
                id: "tricky".into(),
                title: "t".into(),
                questions: vec![],
                description: "d".into(),
            },
            today,
        );
        let line = text.lines().last().unwrap();
        assert_eq!(line, format!("reviewed = {today}"));
        assert_eq!(line.len(), "reviewed = 2026-11-28".len());
    }

    #[test]
    fn an_added_phrasing_joins_the_questions_and_keeps_comments_and_other_keys() {
        let existing = "# kept\nid = \"tricky\"\ntitle = \"t\" # also kept\nquestions = [\n  \"first?\",\n]\ndescription = \"d\"\nsource = \"s\"\n";
        let text = render_added_phrasing(existing, Lang::En, "  wen was it?  ")
            .unwrap()
            .unwrap();
        assert!(text.starts_with("# kept\n"), "{text}");
        assert!(text.contains("title = \"t\" # also kept"), "{text}");
        assert!(
            text.contains("questions = [\n  \"first?\",\n  \"wen was it?\",\n]"),
            "{text}"
        );
        assert_eq!(load_one(&text).questions, vec!["first?", "wen was it?"]);
        let without = "id = \"tricky\"\ntitle = \"t\"\ndescription = \"d\"\nsource = \"s\"\n";
        let text = render_added_phrasing(without, Lang::En, "why?")
            .unwrap()
            .unwrap();
        assert_eq!(load_one(&text).questions, vec!["why?"]);
    }

    #[test]
    fn a_new_answer_with_a_spanish_translation_loads_with_both() {
        let draft = AnswerDraft {
            id: "tricky".into(),
            title: "Who pays".into(),
            questions: vec![],
            description: "The note does not say.".into(),
        };
        let translation = TranslationDraft {
            lang: Lang::Es,
            title: " Quién paga ".into(),
            questions: vec!["quien paga el foro??".into(), "  ".into()],
            description: "La nota no lo dice.\r\n\"\"\"".into(),
        };
        let text = render_new_translated(&draft, &translation, REVIEWED);
        assert!(text.contains("\n[es]\ntitle = \"Quién paga\"\n"), "{text}");
        let answer = load_one(&text);
        assert_eq!(answer.title, "Who pays");
        assert!(answer.questions.is_empty());
        let spanish = answer.translation(Lang::Es).unwrap();
        assert_eq!(spanish.title, "Quién paga");
        assert_eq!(spanish.questions, vec!["quien paga el foro??"]);
        assert_eq!(spanish.description, "La nota no lo dice.\n\"\"\"");
        assert_eq!(spanish.reviewed.as_deref(), Some("2026-11-28"));
        assert!(answer.translation(Lang::Fr).is_none());
        let english_only = TranslationDraft {
            lang: Lang::En,
            ..translation
        };
        assert_eq!(
            render_new_translated(&draft, &english_only, REVIEWED),
            render_new(&draft, REVIEWED)
        );
    }

    #[test]
    fn a_french_phrasing_joins_the_french_questions_only() {
        let existing = "id = \"tricky\"\ntitle = \"t\"\nquestions = [\n  \"first?\",\n]\ndescription = \"d\"\nsource = \"s\"\n\n[fr]\ntitle = \"t fr\"\nquestions = [\n  \"premier ?\",\n]\nkeywords = []\ndescription = \"d fr\"\n";
        let text = render_added_phrasing(existing, Lang::Fr, "c quand ?")
            .unwrap()
            .unwrap();
        let answer = load_one(&text);
        assert_eq!(answer.questions, vec!["first?"]);
        assert_eq!(
            answer.translation(Lang::Fr).unwrap().questions,
            vec!["premier ?", "c quand ?"]
        );
        assert_eq!(
            render_added_phrasing(existing, Lang::Es, "¿cuándo?").unwrap(),
            None
        );
    }

    #[test]
    fn tricky_text_survives_a_round_trip_through_a_new_file() {
        let draft = AnswerDraft {
            id: "tricky".into(),
            title: "Quotes \" and \\ backslashes".into(),
            questions: vec!["What about \"\"\" triple quotes?".into(), "  ".into()],
            description: "Line one \\ with \"\"\"\"quotes\"\"\"\nünïcödé **bold**\nends with \""
                .into(),
        };
        let text = render_new(&draft, REVIEWED);
        let answer = load_one(&text);
        assert_eq!(answer.title, draft.title);
        assert_eq!(answer.questions, vec![draft.questions[0].clone()]);
        assert_eq!(answer.description, draft.description);
        assert_eq!(answer.reviewed.as_deref(), Some("2026-11-28"));
    }

    #[test]
    fn windows_line_endings_in_a_description_become_plain_newlines() {
        let draft = AnswerDraft {
            id: "tricky".into(),
            title: "t".into(),
            questions: vec![],
            description: "one\r\ntwo\r\n".into(),
        };
        let text = render_new(&draft, REVIEWED);
        assert!(text.contains("questions = []\n"), "{text}");
        assert_eq!(load_one(&text).description, "one\ntwo");
    }

    /// Text heavy in what TOML must escape, mixed with arbitrary Unicode.
    fn hostile_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\"\\\\'\n\r\t \u{0}-\u{1F}\u{7F}\u{80}-\u{9F}a*_`#>é\u{2028}\u{FEFF}]{0,40}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn any_multiline_body_is_valid_toml_and_reads_back_exactly(body in hostile_text()) {
            let repr = multiline_repr(&body);
            let parsed = repr.parse::<Value>();
            prop_assert!(parsed.is_ok(), "{repr:?} does not parse");
            let parsed = parsed.unwrap();
            // The newline right after the opening quotes is not part of a TOML string.
            let expected = body.strip_prefix('\n').unwrap_or(&body);
            prop_assert_eq!(parsed.as_str(), Some(expected));
        }

        #[test]
        fn any_draft_loads_back_as_typed_less_surrounding_spaces(
            title in hostile_text(),
            questions in proptest::collection::vec(hostile_text(), 0..4),
            description in hostile_text(),
        ) {
            let description = description.replace('\r', "");
            prop_assume!(!title.trim().is_empty() && !description.trim().is_empty());
            let draft = AnswerDraft { id: "tricky".into(), title, questions, description };
            let text = render_new(&draft, REVIEWED);
            prop_assert!(text.contains("description = \"\"\"\n"), "{}", text);
            let answer = load_one(&text);
            prop_assert_eq!(answer.title, draft.title.trim());
            let kept: Vec<&str> = draft.questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
            prop_assert_eq!(answer.questions, kept);
            prop_assert_eq!(answer.description, draft.description.trim());
        }
    }
}
