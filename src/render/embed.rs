//! Answer -> embed data, inside Discord's limits.

use crate::answers::limits::{self, char_count, truncate};
use crate::answers::{footer_text, Answer};
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

/// Builds the embed for `answer`. Answers are validated when they load, so cutting is a last
/// line of defence: every part is cut to its own limit, fields past 25 are dropped, and the
/// description gives way until the total fits in 6000 characters.
pub fn embed(answer: &Answer) -> Embed {
    let title = truncate(&answer.title, limits::TITLE_LENGTH);
    let footer = truncate(&footer_text(&answer.source), limits::FOOTER_TEXT_LENGTH);
    let fields: Vec<EmbedField> = answer
        .fields
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
        description: truncate(&answer.description, limits::DESCRIPTION_LENGTH),
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
