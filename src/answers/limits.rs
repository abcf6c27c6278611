//! Discord's limits, as named constants, checked when answers load and enforced again when
//! rendering. Lengths are counted in Unicode scalar values (`str::chars`), as Discord counts them.

/// Maximum characters in an embed title.
pub const TITLE_LENGTH: usize = 256;
/// Maximum characters in an embed description.
pub const DESCRIPTION_LENGTH: usize = 4096;
/// Maximum number of fields in one embed.
pub const FIELD_COUNT: usize = 25;
/// Maximum characters in an embed field name.
pub const FIELD_NAME_LENGTH: usize = 256;
/// Maximum characters in an embed field value.
pub const FIELD_VALUE_LENGTH: usize = 1024;
/// Maximum characters in an embed footer.
pub const FOOTER_TEXT_LENGTH: usize = 2048;
/// Maximum characters across title, description, field names and values, footer and author.
pub const EMBED_TOTAL_LENGTH: usize = 6000;
/// Maximum characters in a message's `content`.
pub const MESSAGE_CONTENT_LENGTH: usize = 2000;
/// Maximum characters in an embed or component URL.
pub const URL_LENGTH: usize = 2048;
/// Maximum characters in a slash command or subcommand name (the minimum is 1).
pub const COMMAND_NAME_LENGTH: usize = 32;
/// Maximum characters in a slash command or option description (the minimum is 1).
pub const COMMAND_DESCRIPTION_LENGTH: usize = 100;
/// Maximum number of subcommands (options) under one slash command.
pub const SUBCOMMAND_COUNT: usize = 25;
/// Maximum number of autocomplete choices in one response.
pub const AUTOCOMPLETE_CHOICES: usize = 25;
/// Maximum characters in an autocomplete choice's name and in a string choice's value.
pub const CHOICE_LENGTH: usize = 100;
/// Maximum characters in a component's `custom_id`.
pub const CUSTOM_ID_LENGTH: usize = 100;
/// Maximum characters in a button label.
pub const BUTTON_LABEL_LENGTH: usize = 80;
/// Maximum options in a select menu.
pub const SELECT_OPTION_COUNT: usize = 25;
/// Maximum characters in a select option's label, value and description.
pub const SELECT_OPTION_TEXT_LENGTH: usize = 100;
/// Maximum buttons in one action row.
pub const BUTTONS_PER_ROW: usize = 5;
/// Maximum characters in a modal text input's value.
pub const TEXT_INPUT_LENGTH: usize = 4000;
/// Maximum characters in a modal's (a form's) title.
pub const MODAL_TITLE_LENGTH: usize = 45;
/// Maximum characters in a modal text input's label.
pub const TEXT_INPUT_LABEL_LENGTH: usize = 45;
/// Largest value an embed colour may take (24-bit RGB).
pub const COLOR_MAX: u32 = 0xFF_FF_FF;

/// Number of characters as Discord counts them.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// Characters Discord counts towards an embed's [`EMBED_TOTAL_LENGTH`]: title, description,
/// footer, and every field's name and value. The one count used both when answers load and when
/// they are rendered.
pub fn embed_length<'a>(
    title: &str,
    description: &str,
    footer: &str,
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> usize {
    char_count(title)
        + char_count(description)
        + char_count(footer)
        + fields
            .into_iter()
            .map(|(name, value)| char_count(name) + char_count(value))
            .sum::<usize>()
}

/// Cuts `text` to at most `max` characters, ending with `…` when it had to cut.
pub fn truncate(text: &str, max: usize) -> String {
    if char_count(text) <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_keeps_short_text_and_marks_cut_text() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(char_count(&truncate("ééééé", 4)), 4);
    }
}
