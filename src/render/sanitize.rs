//! Making user-typed text safe to echo: nothing in it can ping anyone, even if a client ignored
//! `allowed_mentions` (which the Discord layer also sets to "nobody" on every message).

use crate::answers::limits::truncate;

/// Zero-width space, inserted after `@` so mentions no longer parse.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// `text` with `@everyone`, `@here`, and user, role and channel mentions broken by a zero-width
/// space after the `@` (or `#`) and `<`, so they render as text and cannot notify anyone.
pub fn defuse_mentions(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        let next = chars.peek().copied();
        let is_mention_start = match c {
            '@' => true,
            '<' => matches!(next, Some('@' | '#' | '/' | ':' | 'a' | 't')),
            _ => false,
        };
        if is_mention_start {
            out.push(ZERO_WIDTH_SPACE);
        }
    }
    out
}

/// User text to quote back in a reply: one line, at most `max_chars`, mentions defused and
/// backticks neutralized so it cannot break out of inline code.
pub fn quote_user_text(text: &str, max_chars: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('`', "ˋ");
    // Defuse first: the zero-width spaces count towards the limit. A cut right after `@` or `<`
    // leaves `@…`, which cannot ping.
    truncate(&defuse_mentions(&one_line), max_chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_broken_so_they_cannot_ping() {
        let out = defuse_mentions("@everyone @here <@123> <@&456> <#789>");
        assert!(!out.contains("@everyone"));
        assert!(!out.contains("@here"));
        assert!(!out.contains("<@"));
        assert!(!out.contains("<#"));
    }

    #[test]
    fn quoted_text_is_one_short_line() {
        let out = quote_user_text("line one\nline `two`\u{0007}", 12);
        assert!(!out.contains('\n'));
        assert!(!out.contains('`'));
        assert!(out.chars().count() <= 12);
    }

    #[test]
    fn quoted_text_stays_within_its_length_even_full_of_mentions() {
        let out = quote_user_text("@everyone @everyone @everyone", 12);
        assert!(out.chars().count() <= 12, "{out:?}");
        assert!(!out.contains("@everyone"));
    }
}
