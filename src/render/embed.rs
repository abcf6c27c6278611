//! Answer -> embed data, inside Discord's limits.

use crate::answers::limits::{self, char_count, truncate};
use crate::answers::{footer_text_in, Answer, Field};
use crate::locale::Lang;
use serde::Serialize;

/// An embed field, ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmbedField {
    /// Field name.
    pub name: String,
    /// Field value.
    pub value: String,
    /// Whether it may sit beside other fields.
    #[serde(skip)]
    pub inline: bool,
}

/// The embed for one answer, independent of any Discord library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Embed {
    /// Title.
    pub title: String,
    /// Body.
    pub description: String,
    /// Fields.
    pub fields: Vec<EmbedField>,
    /// Footer text (the source citation).
    pub footer: String,
    /// Title link.
    pub url: Option<String>,
    /// Colour (24-bit RGB).
    #[serde(skip)]
    pub color: Option<u32>,
}

impl Embed {
    /// Characters Discord counts towards the embed total.
    pub fn total_chars(&self) -> usize {
        limits::embed_length(
            &self.title,
            &self.description,
            &self.footer,
            self.fields
                .iter()
                .map(|field| (field.name.as_str(), field.value.as_str())),
        )
    }
}

/// Builds the embed for `answer`, in English. Answers are validated when they load, so cutting is
/// a last line of defence: every part is cut to its own limit, fields past 25 are dropped, and
/// the description gives way until the total fits in 6000 characters.
pub fn embed(answer: &Answer) -> Embed {
    embed_in(answer, Lang::En)
}

/// Builds the embed for `answer` as a member reading `lang` sees it: its translation, with the
/// footer's label in `lang`; or, when the answer has no translation into `lang` yet, the English
/// answer with a note in `lang` at the end of the footer. Cut to Discord's limits as [`embed`].
pub fn embed_in(answer: &Answer, lang: Lang) -> Embed {
    let translation = answer.translation(lang);
    let (title, description, fields): (&str, &str, &[Field]) = match translation {
        Some(translation) => (
            &translation.title,
            &translation.description,
            &translation.fields,
        ),
        None => (&answer.title, &answer.description, &answer.fields),
    };
    let untranslated = lang != Lang::En && translation.is_none();
    let title = truncate(title, limits::TITLE_LENGTH);
    let footer = truncate(
        &footer_text_in(lang, &answer.source, untranslated),
        limits::FOOTER_TEXT_LENGTH,
    );
    let fields: Vec<EmbedField> = fields
        .iter()
        .take(limits::FIELD_COUNT)
        .map(|field| EmbedField {
            name: truncate(&field.name, limits::FIELD_NAME_LENGTH),
            value: truncate(&field.value, limits::FIELD_VALUE_LENGTH),
            inline: field.inline,
        })
        .collect();
    let mut built = Embed {
        title,
        description: truncate(description, limits::DESCRIPTION_LENGTH),
        fields,
        footer,
        url: answer
            .url
            .as_ref()
            .filter(|url| char_count(url) <= limits::URL_LENGTH)
            .cloned(),
        color: answer.color.filter(|color| *color <= limits::COLOR_MAX),
    };
    let total = built.total_chars();
    if total > limits::EMBED_TOTAL_LENGTH {
        let keep =
            char_count(&built.description).saturating_sub(total - limits::EMBED_TOTAL_LENGTH);
        built.description = truncate(&built.description, keep.max(1));
        while built.total_chars() > limits::EMBED_TOTAL_LENGTH && built.fields.pop().is_some() {}
    }
    built
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{AnswerSet, Translation, Translations};

    fn shipped(id: &str) -> Answer {
        AnswerSet::embedded().unwrap().get(id).unwrap().clone()
    }

    #[test]
    fn an_answer_renders_in_each_language_with_the_footer_label_of_that_language() {
        let answer = shipped("objectives");
        let english = embed(&answer);
        assert_eq!(english, embed_in(&answer, Lang::En));
        assert_eq!(english.footer, format!("Source: {}", answer.source));

        let french = embed_in(&answer, Lang::Fr);
        let translation = answer.translation(Lang::Fr).unwrap();
        assert_eq!(french.title, translation.title);
        assert_eq!(french.description, translation.description);
        assert_eq!(french.footer, format!("Source : {}", answer.source));
        assert_eq!((&french.url, french.color), (&english.url, english.color));

        let spanish = embed_in(&answer, Lang::Es);
        assert_eq!(spanish.title, "Los cinco objetivos del FMMD");
        assert_eq!(spanish.footer, format!("Fuente: {}", answer.source));
    }

    #[test]
    fn translated_fields_replace_the_english_ones() {
        let answer = shipped("what-is-gfmd");
        let fields = embed_in(&answer, Lang::Es).fields;
        assert_eq!(fields.len(), answer.fields.len());
        assert_eq!(fields[0].name, "En resumen");
    }

    #[test]
    fn an_untranslated_answer_is_shown_in_english_with_a_note_in_the_member_s_language() {
        let mut answer = shipped("objectives");
        answer.translations = Translations::default();
        let french = embed_in(&answer, Lang::Fr);
        let english = embed(&answer);
        assert_eq!(
            (&french.title, &french.description, &french.fields),
            (&english.title, &english.description, &english.fields)
        );
        assert_eq!(
            french.footer,
            format!(
                "Source : {} · Cette réponse n'est pas encore traduite en français.",
                answer.source
            )
        );
        assert!(embed_in(&answer, Lang::Es)
            .footer
            .ends_with("Esta respuesta aún no está traducida al español."));
    }

    #[test]
    fn a_translation_over_every_limit_is_still_cut_to_discord_s_limits() {
        let mut answer = shipped("what-is-gfmd");
        let field = Field {
            name: "n".repeat(300),
            value: "v".repeat(2000),
            inline: false,
        };
        answer.translations.es = Some(Translation {
            title: "t".repeat(300),
            questions: Vec::new(),
            keywords: Vec::new(),
            description: "d".repeat(5000),
            fields: vec![field; 30],
            reviewed: None,
        });
        let built = embed_in(&answer, Lang::Es);
        assert!(built.title.chars().count() <= limits::TITLE_LENGTH);
        assert!(built.description.chars().count() <= limits::DESCRIPTION_LENGTH);
        assert!(built.fields.len() <= limits::FIELD_COUNT);
        for field in &built.fields {
            assert!(field.name.chars().count() <= limits::FIELD_NAME_LENGTH);
            assert!(field.value.chars().count() <= limits::FIELD_VALUE_LENGTH);
        }
        assert!(built.total_chars() <= limits::EMBED_TOTAL_LENGTH);
        assert!(built.footer.starts_with("Fuente: "));
    }
}
