//! Answer -> readable terminal text, with ANSI colour when writing to a terminal, and wrapping
//! that text at word boundaries to the terminal's width.

use super::embed::Embed;

/// Whether to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// ANSI colours and bold.
    Color,
    /// Plain text.
    Plain,
}

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// Renders an embed as terminal text: a coloured bar and bold title, the body with Discord's
/// `**bold**` markers shown as bold (or dropped in plain text), the fields, and the footer.
pub fn terminal(embed: &Embed, style: Style) -> String {
    let (bold, dim, reset) = match style {
        Style::Color => (BOLD, DIM, RESET),
        Style::Plain => ("", "", ""),
    };
    let bar = match (style, embed.color) {
        (Style::Color, Some(color)) => format!(
            "\x1b[38;2;{};{};{}m▌{RESET} ",
            (color >> 16) & 0xFF,
            (color >> 8) & 0xFF,
            color & 0xFF
        ),
        _ => "▌ ".to_owned(),
    };
    let mut lines = vec![format!("{bar}{bold}{}{reset}", embed.title)];
    if let Some(url) = &embed.url {
        lines.push(format!("{bar}{dim}{url}{reset}"));
    }
    lines.push(bar.trim_end().to_owned());
    for line in markdown_bold(&embed.description, bold, reset).lines() {
        lines.push(format!("{bar}{line}").trim_end().to_owned());
    }
    for field in &embed.fields {
        lines.push(bar.trim_end().to_owned());
        lines.push(format!("{bar}{bold}{}{reset}", field.name));
        for line in markdown_bold(&field.value, bold, reset).lines() {
            lines.push(format!("{bar}{line}").trim_end().to_owned());
        }
    }
    lines.push(bar.trim_end().to_owned());
    lines.push(format!("{bar}{dim}{}{reset}", embed.footer));
    lines.join("\n")
}

/// Wraps terminal text at spaces so that no line is wider than `width` columns. Colour codes
/// take no width and are kept whole. A line of an answer keeps its bar (`▌`) on every piece,
/// an indented line its indent, and a list item (`• `, `- `, `* `, `1. `) hangs under its text;
/// bold or dim that runs over a break is opened again after the bar. A word wider than the line,
/// such as a long URL, is left whole so that it can still be copied or clicked.
pub fn wrap(text: &str, width: usize) -> String {
    text.split('\n')
        .flat_map(|line| wrap_line(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Narrower than this beside the indent, wrapping makes text harder to read, not easier.
const MIN_TEXT_WIDTH: usize = 12;

fn wrap_line(line: &str, width: usize) -> Vec<String> {
    use textwrap::{core::display_width, Options, WordSeparator, WordSplitter, WrapAlgorithm};
    if display_width(line) <= width {
        return vec![line.to_owned()];
    }
    let (bar, rest) = split_bar(line);
    let body = rest.trim_start_matches(' ');
    let indent = &rest[..rest.len() - body.len()];
    let first = format!("{bar}{indent}");
    let next = format!("{bar}{indent}{}", " ".repeat(list_marker_width(body)));
    if display_width(&next) + MIN_TEXT_WIDTH > width {
        return vec![line.to_owned()];
    }
    let options = Options::new(width)
        .initial_indent(&first)
        .subsequent_indent(&next)
        .break_words(false)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    // Styles opened and not yet reset in the text so far, to open again on the next piece.
    let mut open_styles = String::new();
    textwrap::wrap(body, options)
        .into_iter()
        .enumerate()
        .map(|(index, piece)| {
            let indent = if index == 0 { &first } else { &next };
            let text = piece.strip_prefix(indent.as_str()).unwrap_or(&piece);
            let wrapped = format!("{indent}{open_styles}{text}");
            for code in escape_codes(text) {
                if code == RESET || code == "\x1b[m" {
                    open_styles.clear();
                } else {
                    open_styles.push_str(code);
                }
            }
            wrapped
        })
        .collect()
}

/// `(bar, rest)`: the answer bar that starts a line (`▌ `, with its colour codes), or nothing.
fn split_bar(line: &str) -> (&str, &str) {
    let mut rest = line;
    while let Some(code) = escape_codes(rest)
        .next()
        .filter(|code| rest.starts_with(code))
    {
        rest = &rest[code.len()..];
    }
    let Some(after) = rest.strip_prefix('▌') else {
        return ("", line);
    };
    rest = after;
    while let Some(code) = escape_codes(rest)
        .next()
        .filter(|code| rest.starts_with(code))
    {
        rest = &rest[code.len()..];
    }
    rest = rest.strip_prefix(' ').unwrap_or(rest);
    line.split_at(line.len() - rest.len())
}

/// The width of the list marker that starts `text` (`• `, `- `, `* `, `12. `, `3) `), or 0.
fn list_marker_width(text: &str) -> usize {
    if ["• ", "- ", "* ", "· "]
        .iter()
        .any(|marker| text.starts_with(marker))
    {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let after = &text[digits..];
    if digits > 0 && (after.starts_with(". ") || after.starts_with(") ")) {
        digits + 2
    } else {
        0
    }
}

/// The ANSI colour and style codes (`ESC [ … m`) in `text`, in order.
fn escape_codes(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("\x1b[").filter_map(|(start, _)| {
        let end = text[start..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map(|end| start + end + 1)?;
        Some(&text[start..end])
    })
}

/// Replaces `**text**` with `bold text reset`.
fn markdown_bold(text: &str, bold: &str, reset: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (index, part) in text.split("**").enumerate() {
        if index > 0 {
            out.push_str(if index % 2 == 1 { bold } else { reset });
        }
        out.push_str(part);
    }
    if text.matches("**").count() % 2 == 1 {
        out.push_str(reset);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSet;

    const WIDTH: usize = 40;
    const BAR: &str = "\x1b[38;2;51;102;204m▌\x1b[0m ";

    /// The shipped objectives answer (a numbered list), in colour, opening with a bold phrase
    /// long enough to run over a break.
    fn rendered() -> String {
        let set = AnswerSet::embedded().unwrap();
        let mut embed = crate::render::embed(set.get("objectives").unwrap());
        embed.color = Some(0x3366cc);
        embed.description = format!(
            "**A bold phrase that is long enough to run over the break** and then plain.\n\n{}",
            embed.description
        );
        terminal(&embed, Style::Color)
    }

    /// The text as a reader sees it: no colour codes, no bars.
    fn visible(text: &str) -> String {
        let mut plain = text.to_owned();
        for code in escape_codes(text) {
            plain = plain.replacen(code, "", 1);
        }
        plain.replace('▌', "")
    }

    fn words(text: &str) -> Vec<String> {
        visible(text)
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_rendered_answer_wraps_at_spaces_within_a_narrow_width() {
        let original = rendered();
        let wrapped = wrap(&original, WIDTH);
        assert!(wrapped.lines().count() > original.lines().count() + 10);
        for line in wrapped.lines() {
            let shown = visible(line);
            assert!(
                shown.chars().count() <= WIDTH || shown.split_whitespace().count() == 1,
                "{} columns: {shown:?}",
                shown.chars().count()
            );
        }
        assert_eq!(
            words(&wrapped),
            words(&original),
            "a word was split or lost"
        );
    }

    #[test]
    fn wrapping_keeps_colour_codes_whole_and_the_bar_on_every_line() {
        let wrapped = wrap(&rendered(), WIDTH);
        let mut rest = wrapped.clone();
        for code in escape_codes(&wrapped) {
            assert!(
                code.len() > 3
                    && code.ends_with('m')
                    && code[2..code.len() - 1]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ';'),
                "broken colour code {code:?}"
            );
            rest = rest.replacen(code, "", 1);
        }
        assert!(!rest.contains('\x1b'), "a stray escape in:\n{wrapped}");
        for line in wrapped.lines() {
            assert!(line.starts_with(BAR.trim_end()), "no bar: {line:?}");
        }
    }

    #[test]
    fn bold_that_runs_over_a_break_is_opened_again_after_the_bar() {
        let wrapped = wrap(&rendered(), WIDTH);
        let lines: Vec<&str> = wrapped.lines().collect();
        let first = lines
            .iter()
            .position(|line| line.starts_with(&format!("{BAR}{BOLD}A bold phrase")))
            .expect("the bold phrase opens a line");
        assert!(
            lines[first + 1].starts_with(&format!("{BAR}{BOLD}")),
            "{:?}",
            lines[first + 1]
        );
        assert!(!lines[first + 1].contains("A bold"));
    }

    #[test]
    fn a_numbered_item_hangs_under_its_text() {
        let wrapped = wrap(&rendered(), WIDTH);
        let lines: Vec<&str> = wrapped.lines().collect();
        let item = lines
            .iter()
            .position(|line| line.starts_with(&format!("{BAR}1. ")))
            .expect("item 1 opens a line");
        assert!(
            lines[item + 1].starts_with(&format!("{BAR}   ")),
            "{:?}",
            lines[item + 1]
        );
    }

    #[test]
    fn a_word_wider_than_the_line_stays_whole_and_text_that_fits_is_unchanged() {
        let url = "https://www.gfmd.org/a/very/long/path/that/cannot/fit/in/forty/columns";
        let text = format!("▌ See {url} for more.");
        assert_eq!(wrap(&text, WIDTH), format!("▌ See\n▌ {url}\n▌ for more."));
        let original = rendered();
        assert_eq!(wrap(&original, 10_000), original);
    }

    #[test]
    fn colour_codes_take_no_width() {
        // 40 columns on screen, 60 bytes of text.
        let full = format!(
            "{BAR}{BOLD}{}{RESET} {DIM}{}{RESET}",
            "a".repeat(18),
            "b".repeat(19)
        );
        assert_eq!(wrap(&full, WIDTH), full);
        let over = format!("{full}c");
        assert_eq!(
            wrap(&over, WIDTH),
            format!(
                "{BAR}{BOLD}{}{RESET}\n{BAR}{DIM}{}{RESET}c",
                "a".repeat(18),
                "b".repeat(19)
            )
        );
    }
}
