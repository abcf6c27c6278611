//! Checks on answers: per file (schema values and Discord's limits) and across files (unique ids
//! and subcommands, `related` ids that exist, the subcommand count, near-duplicate phrasings).

use super::limits::{self, char_count};
use super::{Answer, Position, Problem, SourceFile, RESERVED_COMMANDS};
use crate::locale::Lang;
use crate::wording::{Wording, ENGLISH};
use std::collections::HashMap;
use toml::Spanned;

/// Footer text rendered for an answer's source citation (in English).
pub fn footer_text(source: &str) -> String {
    footer_text_in(Lang::En, source, false)
}

/// Footer text of an answer shown in `lang`: "Source: …" in that language, the citation as
/// written (it names the English background note and its sections). With `untranslated` (the
/// answer has no translation into `lang`, so it is shown in English), a short note in `lang`
/// says so. The words are [`Wording`]'s; the loader counts the result against Discord's limits.
pub fn footer_text_in(lang: Lang, source: &str, untranslated: bool) -> String {
    let words = Wording::of(lang);
    if untranslated && !words.untranslated.is_empty() {
        format!("{}{source} · {}", words.source_label, words.untranslated)
    } else {
        format!("{}{source}", words.source_label)
    }
}

/// File extensions that mark a word as a file name in a `source` citation.
const FILE_EXTENSIONS: &[&str] = &[
    "txt", "toml", "md", "rs", "json", "yaml", "yml", "csv", "tsv", "pdf", "html", "htm", "xml",
    "doc", "docx",
];

/// Why `source` looks like a file path rather than a citation a member can follow: a `/` or `\`,
/// or a word ending in a file extension (`gfmd-source.txt`). `None` when it reads as words.
fn file_path_sign(source: &str) -> Option<String> {
    if let Some(separator) = source.chars().find(|c| matches!(c, '/' | '\\')) {
        return Some(format!("`{separator}`"));
    }
    source
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '\'' | ',' | ';'))
        .find_map(|word| {
            let word = word.trim_end_matches(['.', ':', '!', '?']);
            let (stem, extension) = word.rsplit_once('.')?;
            let named = !stem.is_empty()
                && FILE_EXTENSIONS
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(extension));
            named.then(|| format!("`{word}`"))
        })
}

/// Whether `id` is a valid answer id: 1–64 characters of `[a-z0-9-]`, not starting with `-`,
/// and not the name of a table file (`synonyms`, `textspeak`: see [`super::TABLE_FILES`]).
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && !super::TABLE_FILES
            .iter()
            .any(|table| table.strip_suffix(".toml") == Some(id))
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// The language and English name of `/gfmd`'s own subcommand that `name` is the localized name
/// of (`sujet` is `topic` for French clients), if any: an answer taking it would show French or
/// Spanish members two subcommands of one name, which Discord refuses to register.
fn localized_reserved(name: &str) -> Option<(Lang, &'static str)> {
    Lang::TRANSLATED.into_iter().find_map(|lang| {
        let (commands, english) = (Wording::of(lang).commands, ENGLISH.commands);
        [
            (commands.ask, english.ask),
            (commands.topic, english.topic),
            (commands.forget_me, english.forget_me),
        ]
        .into_iter()
        .find(|(localized, _)| localized.name == name)
        .map(|(_, english)| (lang, english.name))
    })
}

/// Collects the problems of one file, each with the position of the offending value.
pub(super) struct FileChecks<'a> {
    file: &'a SourceFile,
    problems: Vec<Problem>,
}

impl<'a> FileChecks<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        Self {
            file,
            problems: Vec::new(),
        }
    }

    /// Reports `message` at the start of `span` (byte offsets into the file).
    pub(super) fn report(&mut self, span: std::ops::Range<usize>, message: String) {
        let position = Position::at(&self.file.text, span.start);
        self.problems
            .push(Problem::at(&self.file.name, position, message));
    }

    /// The file's text, to find a value's characters as typed.
    pub(super) fn text(&self) -> &str {
        &self.file.text
    }

    /// Runs `checks` with every problem they report prefixed by `prefix` (`"[fr] "`), so that
    /// the same checks serve the English answer and each translation.
    pub(super) fn scoped(&mut self, prefix: &str, checks: impl FnOnce(&mut Self)) {
        let before = self.problems.len();
        checks(self);
        for problem in &mut self.problems[before..] {
            problem.message.insert_str(0, prefix);
        }
    }

    fn max_len(&mut self, what: &str, value: &Spanned<String>, max: usize) {
        let count = char_count(value.get_ref().trim());
        if count > max {
            self.report(
                value.span(),
                format!("{what} is {count} characters; Discord allows at most {max}"),
            );
        }
    }

    pub(super) fn non_empty(&mut self, what: &str, value: &Spanned<String>) {
        if value.get_ref().trim().is_empty() {
            self.report(value.span(), format!("{what} must not be empty"));
        }
    }

    pub(super) fn id(&mut self, id: &Spanned<String>) {
        let value = id.get_ref();
        if !is_valid_id(value) {
            self.report(
                id.span(),
                format!("id `{value}` must be 1-64 characters of a-z, 0-9 and `-`"),
            );
            return;
        }
        let stem = self.file.file_name().trim_end_matches(".toml");
        if stem != value {
            self.report(
                id.span(),
                format!("id `{value}` must match the file name (`{value}.toml`)"),
            );
        }
    }

    pub(super) fn title(&mut self, title: &Spanned<String>, has_command: bool) {
        self.non_empty("title", title);
        self.max_len("title", title, limits::TITLE_LENGTH);
        if has_command && char_count(title.get_ref().trim()) > limits::COMMAND_DESCRIPTION_LENGTH {
            self.report(
                title.span(),
                format!(
                    "title doubles as the subcommand description, which Discord limits to {} characters",
                    limits::COMMAND_DESCRIPTION_LENGTH
                ),
            );
        }
    }

    pub(super) fn command(&mut self, command: &Spanned<String>) {
        let name = command.get_ref();
        let valid_chars = name
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-');
        if name.is_empty() || name.len() > limits::COMMAND_NAME_LENGTH || !valid_chars {
            self.report(
                command.span(),
                format!(
                    "command `{name}` must be 1-{} characters of a-z, 0-9 and `-`",
                    limits::COMMAND_NAME_LENGTH
                ),
            );
        } else if RESERVED_COMMANDS.contains(&name.as_str()) {
            self.report(
                command.span(),
                format!("command `{name}` is reserved by /gfmd itself"),
            );
        } else if let Some((lang, english)) = localized_reserved(name) {
            self.report(
                command.span(),
                format!(
                    "command `{name}` is reserved by /gfmd itself (it is `{english}` for {} \
                     clients)",
                    lang.english_name()
                ),
            );
        }
    }

    pub(super) fn description(&mut self, description: &Spanned<String>) {
        self.non_empty("description", description);
        self.max_len("description", description, limits::DESCRIPTION_LENGTH);
    }

    pub(super) fn fields(&mut self, fields: &[(&Spanned<String>, &Spanned<String>)]) {
        if let Some((name, _)) = fields.get(limits::FIELD_COUNT) {
            self.report(
                name.span(),
                format!(
                    "{} fields; Discord allows at most {}",
                    fields.len(),
                    limits::FIELD_COUNT
                ),
            );
        }
        for (name, value) in fields {
            self.non_empty("field name", name);
            self.max_len("field name", name, limits::FIELD_NAME_LENGTH);
            self.non_empty("field value", value);
            self.max_len("field value", value, limits::FIELD_VALUE_LENGTH);
        }
    }

    pub(super) fn color(&mut self, color: &Spanned<i64>) -> Option<u32> {
        match u32::try_from(*color.get_ref()) {
            Ok(value) if value <= limits::COLOR_MAX => Some(value),
            _ => {
                self.report(
                    color.span(),
                    "color must be a 24-bit RGB value such as 0x1F6FB2".to_owned(),
                );
                None
            }
        }
    }

    pub(super) fn url(&mut self, url: &Spanned<String>) {
        let value = url.get_ref().trim();
        if !(value.starts_with("https://") || value.starts_with("http://"))
            || value.chars().any(char::is_whitespace)
        {
            self.report(
                url.span(),
                "url must be an http:// or https:// address without spaces".to_owned(),
            );
        }
        self.max_len("url", url, limits::URL_LENGTH);
    }

    pub(super) fn source(&mut self, source: &Spanned<String>) {
        self.non_empty("source", source);
        if let Some(sign) = file_path_sign(source.get_ref()) {
            self.report(
                source.span(),
                format!(
                    "source names a file ({sign}); members see it in the footer, so cite the \
                     source in words, e.g. `GFMD background note, \"Background\" section`"
                ),
            );
        }
        let footer = footer_text(source.get_ref().trim());
        if char_count(&footer) > limits::FOOTER_TEXT_LENGTH {
            self.report(
                source.span(),
                format!(
                    "the footer (`Source: …`) would be {} characters; Discord allows at most {}",
                    char_count(&footer),
                    limits::FOOTER_TEXT_LENGTH
                ),
            );
        }
    }

    /// The footer the answer has in `lang` (translated, or in English with a note when
    /// `untranslated`) within Discord's limit; reported at `source`. Skipped when the English
    /// footer is already too long, which [`FileChecks::source`] reports.
    pub(super) fn footer_in(&mut self, lang: Lang, source: &Spanned<String>, untranslated: bool) {
        let source_text = source.get_ref().trim();
        if char_count(&footer_text(source_text)) > limits::FOOTER_TEXT_LENGTH {
            return;
        }
        let footer = footer_text_in(lang, source_text, untranslated);
        if char_count(&footer) > limits::FOOTER_TEXT_LENGTH {
            self.report(
                source.span(),
                format!(
                    "the {} footer would be {} characters; Discord allows at most {}",
                    lang.english_name(),
                    char_count(&footer),
                    limits::FOOTER_TEXT_LENGTH
                ),
            );
        }
    }

    pub(super) fn related(&mut self, related: &Spanned<String>, own_id: &str) {
        let value = related.get_ref();
        if !is_valid_id(value) {
            self.report(
                related.span(),
                format!("related id `{value}` is not a valid id"),
            );
        } else if value == own_id {
            self.report(
                related.span(),
                "an answer cannot be related to itself".to_owned(),
            );
        }
    }

    /// An embed of `total` characters (see [`limits::embed_length`]) within Discord's limit;
    /// reported at `title`.
    pub(super) fn embed_total(&mut self, total: usize, title: std::ops::Range<usize>) {
        if total > limits::EMBED_TOTAL_LENGTH {
            self.report(
                title,
                format!(
                    "the embed would hold {total} characters in all; Discord allows at most {}",
                    limits::EMBED_TOTAL_LENGTH
                ),
            );
        }
    }

    pub(super) fn finish(self) -> Result<(), Vec<Problem>> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(self.problems)
        }
    }
}

/// Characters Discord counts towards the 6000 total: title, description, fields, footer.
pub fn embed_total_length(answer: &Answer) -> usize {
    limits::embed_length(
        &answer.title,
        &answer.description,
        &footer_text(&answer.source),
        answer
            .fields
            .iter()
            .map(|field| (field.name.as_str(), field.value.as_str())),
    )
}

/// Problems that need the whole set: duplicate ids and subcommands, dangling `related` ids, and
/// more subcommands than `/gfmd` can hold.
pub(super) fn across_answers(answers: &[Answer]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: HashMap<&str, &Answer> = HashMap::new();
    let mut commands: HashMap<&str, &Answer> = HashMap::new();
    for answer in answers {
        if let Some(first) = ids.insert(&answer.id, answer) {
            problems.push(Problem::at(
                &answer.origin.file,
                answer.origin.id,
                format!(
                    "id `{}` is already used by {}",
                    answer.id, first.origin.file
                ),
            ));
        }
        if let (Some(command), Some(position)) = (&answer.command, answer.origin.command) {
            if let Some(first) = commands.insert(command, answer) {
                problems.push(Problem::at(
                    &answer.origin.file,
                    position,
                    format!(
                        "command `{command}` is already used by {}",
                        first.origin.file
                    ),
                ));
            }
        }
    }
    for answer in answers {
        for (related, position) in answer.related.iter().zip(&answer.origin.related) {
            if is_valid_id(related) && !ids.contains_key(related.as_str()) {
                problems.push(Problem::at(
                    &answer.origin.file,
                    *position,
                    format!("related id `{related}` names no answer"),
                ));
            }
        }
    }
    let allowed = limits::SUBCOMMAND_COUNT - RESERVED_COMMANDS.len();
    if commands.len() > allowed {
        let mut with_command: Vec<&&Answer> = commands.values().collect();
        with_command.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(extra) = with_command.get(allowed) {
            problems.push(Problem::at(
                &extra.origin.file,
                extra.origin.command.unwrap_or_default(),
                format!(
                    "{} answers declare a command; /gfmd holds at most {allowed} besides `{}`",
                    commands.len(),
                    RESERVED_COMMANDS.join("`, `")
                ),
            ));
        }
    }
    problems
}

/// Word-level similarity (1 - word edit distance / longer length) at or above which two
/// phrasings in different answers are flagged: at least nine words in ten the same.
const NEAR_DUPLICATE_SIMILARITY: f64 = 0.9;

/// Warnings for phrasings that stand, nearly word for word, in two different answers: the
/// matcher cannot tell those answers apart for such a question.
pub(super) fn near_duplicates(answers: &[Answer]) -> Vec<Problem> {
    let phrasings: Vec<(usize, usize, Vec<String>)> = answers
        .iter()
        .enumerate()
        .flat_map(|(answer_index, answer)| {
            answer
                .questions
                .iter()
                .enumerate()
                .map(move |(question_index, question)| {
                    (answer_index, question_index, simplify(question))
                })
        })
        .collect();
    let mut warnings = Vec::new();
    for (position, (answer_a, question_a, text_a)) in phrasings.iter().enumerate() {
        for (answer_b, _, text_b) in &phrasings[position + 1..] {
            if answer_a == answer_b {
                continue;
            }
            let distance = strsim::generic_levenshtein(text_a, text_b);
            let longest = text_a.len().max(text_b.len()).max(1);
            let similarity = 1.0 - distance as f64 / longest as f64;
            if similarity >= NEAR_DUPLICATE_SIMILARITY {
                let answer = &answers[*answer_a];
                let origin = answer.origin.questions.get(*question_a).copied();
                warnings.push(Problem {
                    file: answer.origin.file.clone(),
                    position: origin,
                    message: format!(
                        "question \"{}\" is nearly the same as one in `{}` ({:.0}% alike)",
                        answer.questions[*question_a],
                        answers[*answer_b].id,
                        similarity * 100.0
                    ),
                });
            }
        }
    }
    warnings
}

/// Lowercase words of letters and digits, for comparing phrasings.
fn simplify(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}
