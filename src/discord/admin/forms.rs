//! The add and edit forms (Discord modals) and reading a submitted form back into a draft.

use crate::answers::limits;
use crate::store::AnswerDraft;
use serenity::all::{
    ActionRowComponent, CreateActionRow, CreateInputText, CreateModal, InputTextStyle,
    ModalInteractionData,
};

/// Custom id of the add form.
pub const ADD_FORM: &str = "gfmd-admin:add";
/// Custom-id prefix of the edit form: `gfmd-admin:edit:<id>`.
pub const EDIT_FORM_PREFIX: &str = "gfmd-admin:edit:";

const FIELD_ID: &str = "id";
const FIELD_TITLE: &str = "title";
const FIELD_QUESTIONS: &str = "questions";
const FIELD_DESCRIPTION: &str = "description";

/// The form to add an answer (`draft` = `None`, with an id field) or to edit one (prefilled).
pub fn form(custom_id: &str, title: &str, draft: Option<&AnswerDraft>) -> CreateModal {
    form_with(custom_id, title, draft.is_none(), draft)
}

/// The add form with the questions field prefilled with `question` (a question from the
/// moderators' inbox), and the id field empty.
pub fn new_answer_form(custom_id: &str, question: &str) -> CreateModal {
    let draft = AnswerDraft {
        id: String::new(),
        title: String::new(),
        questions: vec![question.to_owned()],
        description: String::new(),
    };
    form_with(custom_id, "Add a GFMD answer", true, Some(&draft))
}

/// The form's text inputs: the id when `with_id`, then the others, prefilled from `draft`.
fn form_with(
    custom_id: &str,
    title: &str,
    with_id: bool,
    draft: Option<&AnswerDraft>,
) -> CreateModal {
    let input = |style, label: &str, id: &str, max: u16, value: Option<String>| {
        let mut input = CreateInputText::new(style, label, id)
            .required(true)
            .max_length(max);
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            input = input.value(value);
        }
        CreateActionRow::InputText(input)
    };
    let mut rows = Vec::new();
    if with_id {
        rows.push(input(
            InputTextStyle::Short,
            "Id (a-z, 0-9 and -)",
            FIELD_ID,
            64,
            None,
        ));
    }
    rows.push(input(
        InputTextStyle::Short,
        "Title",
        FIELD_TITLE,
        256,
        draft.map(|d| d.title.clone()),
    ));
    rows.push(input(
        InputTextStyle::Paragraph,
        "Questions it answers (one per line)",
        FIELD_QUESTIONS,
        limits::TEXT_INPUT_LENGTH as u16,
        draft.map(|d| d.questions.join("\n")),
    ));
    rows.push(input(
        InputTextStyle::Paragraph,
        "Answer text (markdown)",
        FIELD_DESCRIPTION,
        limits::TEXT_INPUT_LENGTH as u16,
        draft.map(|d| d.description.clone()),
    ));
    CreateModal::new(custom_id, title).components(rows)
}

/// The `(custom id, value)` of every text input of a submitted form.
pub fn submitted_fields(data: &ModalInteractionData) -> Vec<(String, String)> {
    data.components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|component| match component {
            ActionRowComponent::InputText(input) => Some((
                input.custom_id.clone(),
                input.value.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// Reads a form's text inputs into a draft; `id` comes from the custom id for edits.
pub fn draft_from_fields(fields: &[(String, String)], id: Option<&str>) -> AnswerDraft {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_owned())
            .unwrap_or_default()
    };
    AnswerDraft {
        id: id.map_or_else(|| field(FIELD_ID), str::to_owned),
        title: field(FIELD_TITLE),
        questions: field(FIELD_QUESTIONS)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect(),
        description: field(FIELD_DESCRIPTION),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_a_draft_with_one_question_per_line() {
        let fields = vec![
            ("id".to_owned(), " new-answer ".to_owned()),
            ("title".to_owned(), "A title".to_owned()),
            ("questions".to_owned(), "first?\n\n  second?  \n".to_owned()),
            ("description".to_owned(), "Body".to_owned()),
        ];
        let draft = draft_from_fields(&fields, None);
        assert_eq!(draft.id, "new-answer");
        assert_eq!(draft.questions, vec!["first?", "second?"]);
        assert_eq!(draft_from_fields(&fields, Some("other")).id, "other");
    }

    #[test]
    fn the_edit_form_is_prefilled_and_has_no_id_field() {
        let draft = AnswerDraft {
            id: "x".into(),
            title: "T".into(),
            questions: vec!["q1".into(), "q2".into()],
            description: "D".into(),
        };
        let json = serde_json::to_value(form("gfmd-admin:edit:x", "Edit x", Some(&draft))).unwrap();
        let rows = json["components"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1]["components"][0]["value"], "q1\nq2");
        let json = serde_json::to_value(form(ADD_FORM, "Add", None)).unwrap();
        assert_eq!(json["components"].as_array().unwrap().len(), 4);
    }

    #[test]
    fn the_add_form_from_the_inbox_has_the_question_and_an_empty_id() {
        let json =
            serde_json::to_value(new_answer_form("gfmd-admin:add:g1", "how to apply?")).unwrap();
        let rows = json["components"].as_array().unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0]["components"][0]["custom_id"], "id");
        assert!(rows[0]["components"][0]["value"].is_null());
        assert_eq!(rows[2]["components"][0]["value"], "how to apply?");
        assert_eq!(json["custom_id"], "gfmd-admin:add:g1");
    }
}
