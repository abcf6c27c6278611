//! One embed field as written in an answer file (`[[fields]]`, or `[[fr.fields]]` in a
//! translation), before validation: shared by the English loader and the translation loader.

use super::Field;
use serde::Deserialize;
use toml::Spanned;

/// A `[[fields]]` table as read, with the spans that checks point at.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawField {
    pub(super) name: Spanned<String>,
    pub(super) value: Spanned<String>,
    #[serde(default)]
    pub(super) inline: bool,
}

/// The (name, value) of each field, as `FileChecks::fields` takes them.
pub(super) fn names_and_values(
    fields: &[Spanned<RawField>],
) -> Vec<(&Spanned<String>, &Spanned<String>)> {
    fields
        .iter()
        .map(|field| (&field.get_ref().name, &field.get_ref().value))
        .collect()
}

/// The fields as the bot shows them: name and value trimmed.
pub(super) fn to_fields(fields: &[Spanned<RawField>]) -> Vec<Field> {
    fields
        .iter()
        .map(|field| {
            let field = field.get_ref();
            Field {
                name: field.name.get_ref().trim().to_owned(),
                value: field.value.get_ref().trim().to_owned(),
                inline: field.inline,
            }
        })
        .collect()
}
