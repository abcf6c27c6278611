//! Answer -> readable terminal text, with ANSI colour when writing to a terminal.

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
