//! The add and edit forms (Discord modals), titled and labelled in the moderator's language, and
//! reading a submitted form back into a draft.

use crate::answers::limits;
use crate::locale::Lang;
use crate::store::{AnswerDraft, TranslationDraft};
use crate::wording::{fill, Moderation};
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

/// Longest id the forms take.
const ID_LENGTH: usize = 64;

/// The form to add an answer (`draft` = `None`, with an id field) or to edit one (prefilled),
/// labelled with `words`.
pub fn form(
    custom_id: &str,
    title: &str,
    draft: Option<&AnswerDraft>,
    words: &Moderation,
) -> CreateModal {
    form_with(custom_id, title, draft.is_none(), draft, words)
}

/// Custom-id prefix of the translated title's input in the add form from the inbox:
/// `title_<code>` (`title_fr`, `title_es`).
const FIELD_TRANSLATED_TITLE: &str = "title_";
/// Custom-id prefix of the translated answer text's input: `description_<code>`.
const FIELD_TRANSLATED_DESCRIPTION: &str = "description_";

/// The add form for `question`, a question from the moderators' inbox read in `lang`, with the
/// id field empty. An English question prefills the questions field. A French or Spanish one
/// asks for the answer in English (the source of truth) and in the question's language (a
/// Discord form holds five inputs, so no questions field: the question itself becomes the
/// translation's phrasing when the form is sent, and the note that it was saved offers the
/// English edit form, `inbox::plan_saved`). Titled and labelled with `words`, the moderator's.
pub fn new_answer_form(
    custom_id: &str,
    question: &str,
    lang: Lang,
    words: &Moderation,
) -> CreateModal {
    let forms = words.forms;
    if lang == Lang::En {
        let draft = AnswerDraft {
            id: String::new(),
            title: String::new(),
            questions: vec![question.to_owned()],
            description: String::new(),
        };
        return form_with(custom_id, forms.add_title, true, Some(&draft), words);
    }
    let (english, language) = (words.language(Lang::En), words.language(lang));
    let rows = vec![
        text_input(InputTextStyle::Short, forms.id, FIELD_ID, ID_LENGTH, None),
        text_input(
            InputTextStyle::Short,
            fill(forms.title_in, english),
            FIELD_TITLE,
            limits::TITLE_LENGTH,
            None,
        ),
        text_input(
            InputTextStyle::Paragraph,
            fill(forms.text_in, english),
            FIELD_DESCRIPTION,
            limits::TEXT_INPUT_LENGTH,
            None,
        ),
        text_input(
            InputTextStyle::Short,
            fill(forms.title_in, language),
            format!("{FIELD_TRANSLATED_TITLE}{}", lang.code()),
            limits::TITLE_LENGTH,
            None,
        ),
        text_input(
            InputTextStyle::Paragraph,
            fill(forms.text_in, language),
            format!("{FIELD_TRANSLATED_DESCRIPTION}{}", lang.code()),
            limits::TEXT_INPUT_LENGTH,
            None,
        ),
    ];
    CreateModal::new(custom_id, fill(forms.add_translated_title, language)).components(rows)
}

/// The form's text inputs: the id when `with_id`, then the others, prefilled from `draft`.
fn form_with(
    custom_id: &str,
    title: &str,
    with_id: bool,
    draft: Option<&AnswerDraft>,
    words: &Moderation,
) -> CreateModal {
    let forms = words.forms;
    let mut rows = Vec::new();
    if with_id {
        rows.push(text_input(
            InputTextStyle::Short,
            forms.id,
            FIELD_ID,
            ID_LENGTH,
            None,
        ));
    }
    rows.push(text_input(
        InputTextStyle::Short,
        forms.title,
        FIELD_TITLE,
        limits::TITLE_LENGTH,
        draft.map(|d| d.title.clone()),
    ));
    rows.push(text_input(
        InputTextStyle::Paragraph,
        forms.questions,
        FIELD_QUESTIONS,
        limits::TEXT_INPUT_LENGTH,
        draft.map(|d| d.questions.join("\n")),
    ));
    rows.push(text_input(
        InputTextStyle::Paragraph,
        forms.text,
        FIELD_DESCRIPTION,
        limits::TEXT_INPUT_LENGTH,
        draft.map(|d| d.description.clone()),
    ));
    CreateModal::new(custom_id, title).components(rows)
}

/// A required text input of at most `max` characters, prefilled with `value` unless it is
/// empty, in a row of its own.
fn text_input(
    style: InputTextStyle,
    label: impl Into<String>,
    id: impl Into<String>,
    max: usize,
    value: Option<String>,
) -> CreateActionRow {
    let mut input = CreateInputText::new(style, label, id)
        .required(true)
        .max_length(max as u16);
    if let Some(value) = value.filter(|value| !value.is_empty()) {
        input = input.value(value);
    }
    CreateActionRow::InputText(input)
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

/// The translation typed in a French or Spanish add form from the inbox, without phrasings
/// (the caller adds the inbox question it answers); `None` for any other form.
pub fn translation_from_fields(fields: &[(String, String)]) -> Option<TranslationDraft> {
    let (key, title) = fields
        .iter()
        .find(|(key, _)| key.starts_with(FIELD_TRANSLATED_TITLE))?;
    let lang = key
        .strip_prefix(FIELD_TRANSLATED_TITLE)?
        .parse::<Lang>()
        .ok()
        .filter(|lang| *lang != Lang::En)?;
    let description_key = format!("{FIELD_TRANSLATED_DESCRIPTION}{}", lang.code());
    let description = fields
        .iter()
        .find(|(key, _)| *key == description_key)
        .map(|(_, value)| value.trim().to_owned())
        .unwrap_or_default();
    Some(TranslationDraft {
        lang,
        title: title.trim().to_owned(),
        questions: Vec::new(),
        description,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::Wording;

    fn english() -> &'static Moderation {
        &Wording::of(Lang::En).moderation
    }

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
        let json =
            serde_json::to_value(form("gfmd-admin:edit:x", "Edit x", Some(&draft), english()))
                .unwrap();
        let rows = json["components"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1]["components"][0]["value"], "q1\nq2");
        let json = serde_json::to_value(form(ADD_FORM, "Add", None, english())).unwrap();
        assert_eq!(json["components"].as_array().unwrap().len(), 4);
    }

    #[test]
    fn the_add_form_for_a_french_question_asks_for_both_languages_and_reads_back() {
        let modal = new_answer_form(
            "gfmd-admin:add:g1",
            "qui paie le fmmd ?",
            Lang::Fr,
            english(),
        );
        let json = serde_json::to_value(modal).unwrap();
        let inputs: Vec<_> = json["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| &row["components"][0])
            .collect();
        let ids: Vec<_> = inputs.iter().map(|input| &input["custom_id"]).collect();
        assert_eq!(
            ids,
            ["id", "title", "description", "title_fr", "description_fr"]
        );
        assert_eq!(inputs[3]["label"], "Title in French");
        assert!(inputs
            .iter()
            .all(|input| input["label"].as_str().unwrap().len() <= 45));
        assert!(json["title"].as_str().unwrap().len() <= 45);
        let typed = |key: &str, value: &str| (key.to_owned(), value.to_owned());
        let fields = vec![
            typed("id", "who-pays"),
            typed("title", " Who pays "),
            typed("description", "The note does not say."),
            typed("title_fr", " Qui paie "),
            typed("description_fr", "La note ne le dit pas."),
        ];
        let draft = draft_from_fields(&fields, None);
        assert_eq!(
            (draft.id.as_str(), draft.title.as_str()),
            ("who-pays", "Who pays")
        );
        assert!(draft.questions.is_empty());
        assert_eq!(
            translation_from_fields(&fields),
            Some(TranslationDraft {
                lang: Lang::Fr,
                title: "Qui paie".into(),
                questions: vec![],
                description: "La note ne le dit pas.".into(),
            })
        );
        // The English forms carry no translation; nor does a field naming English.
        assert_eq!(translation_from_fields(&fields[..3]), None);
        let english = vec![typed("title_en", "x"), typed("description_en", "y")];
        assert_eq!(translation_from_fields(&english), None);
    }

    #[test]
    fn a_french_or_spanish_moderator_gets_the_forms_in_their_language_within_45_characters() {
        let labels = |modal: CreateModal| {
            let json = serde_json::to_value(modal).unwrap();
            let mut texts = vec![json["title"].as_str().unwrap().to_owned()];
            for row in json["components"].as_array().unwrap() {
                texts.push(row["components"][0]["label"].as_str().unwrap().to_owned());
            }
            texts
        };
        let french = &Wording::of(Lang::Fr).moderation;
        let spanish = &Wording::of(Lang::Es).moderation;
        let add = labels(form(ADD_FORM, french.forms.add_title, None, french));
        assert_eq!(
            add,
            [
                "Ajouter une réponse sur le FMMD",
                "Identifiant (a-z, 0-9 et -)",
                "Titre",
                "Questions couvertes (une par ligne)",
                "Texte de la réponse (markdown)",
            ]
        );
        let translated = labels(new_answer_form(
            "gfmd-admin:add:g1",
            "¿quién?",
            Lang::Es,
            spanish,
        ));
        assert_eq!(
            translated[0],
            "Añadir una respuesta, en inglés y en español"
        );
        assert_eq!(translated[2], "Título en inglés");
        assert_eq!(translated[5], "Texto de la respuesta en español (markdown)");
        for words in [english(), french, spanish] {
            for lang in Lang::ALL {
                let modal = new_answer_form("gfmd-admin:add:g1", "q", lang, words);
                let add = form(ADD_FORM, words.forms.add_title, None, words);
                for text in labels(modal).into_iter().chain(labels(add)) {
                    assert!(
                        (1..=limits::MODAL_TITLE_LENGTH).contains(&text.chars().count()),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_add_form_from_the_inbox_has_the_question_and_an_empty_id() {
        let json = serde_json::to_value(new_answer_form(
            "gfmd-admin:add:g1",
            "how to apply?",
            Lang::En,
            english(),
        ))
        .unwrap();
        let rows = json["components"].as_array().unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0]["components"][0]["custom_id"], "id");
        assert!(rows[0]["components"][0]["value"].is_null());
        assert_eq!(rows[2]["components"][0]["value"], "how to apply?");
        assert_eq!(json["custom_id"], "gfmd-admin:add:g1");
    }
}
