//! Reading answer files: from a directory, or from the copy compiled into the binary, then parsing
//! each file's TOML into an [`Answer`] while keeping the position of every key for error messages.

use super::raw_field::{self, RawField};
use super::textspeak::{parse_textspeak, ParsedTables, TEXTSPEAK_FILE};
use super::translation::{self, RawTranslation};
use super::validate::{self, embed_total_length, FileChecks};
use super::{
    Answer, AnswerSet, LoadError, Origin, Position, Problem, Synonyms, Tables, TranslatedSynonyms,
};
use crate::file_error::FileError;
use crate::locale::Lang;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// Name of the synonyms file inside the responses directory.
pub const SYNONYMS_FILE: &str = "synonyms.toml";

/// One file's name and text, as read from disk or from the embedded copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Display path, used in error messages (`responses/objectives.toml`).
    pub name: String,
    /// The file's contents.
    pub text: String,
}

impl SourceFile {
    /// A file from its display name and text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The file name without directories.
    pub fn file_name(&self) -> &str {
        self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name)
    }

    fn is_synonyms(&self) -> bool {
        self.file_name() == SYNONYMS_FILE
    }

    fn is_textspeak(&self) -> bool {
        self.file_name() == TEXTSPEAK_FILE
    }
}

static EMBEDDED: include_dir::Dir<'_> = include_dir::include_dir!("$CARGO_MANIFEST_DIR/responses");

/// The `responses/*.toml` files compiled into the binary.
pub fn embedded_sources() -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = EMBEDDED
        .files()
        .filter(|file| file.path().extension().is_some_and(|ext| ext == "toml"))
        .filter_map(|file| {
            let text = file.contents_utf8()?;
            Some(SourceFile::new(
                format!("responses/{}", file.path().display()),
                text,
            ))
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Reads every `*.toml` file directly inside `dir`, sorted by name. Hidden entries (such as the
/// `.trash/` folder) and other files are skipped.
pub fn read_dir_sources(dir: &Path) -> Result<Vec<SourceFile>, LoadError> {
    let io_error = |path: &Path, source| LoadError::File(FileError::read(path, source));
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|error| io_error(dir, error))? {
        let path = entry.map_err(|error| io_error(dir, error))?.path();
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("");
        if name.starts_with('.') || !name.ends_with(".toml") || !path.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|error| io_error(&path, error))?;
        files.push(SourceFile::new(path.display().to_string(), text));
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    id: Spanned<String>,
    title: Spanned<String>,
    command: Option<Spanned<String>>,
    #[serde(default)]
    questions: Vec<Spanned<String>>,
    #[serde(default)]
    keywords: Vec<Spanned<String>>,
    description: Spanned<String>,
    #[serde(default)]
    fields: Vec<Spanned<RawField>>,
    color: Option<Spanned<i64>>,
    url: Option<Spanned<String>>,
    source: Spanned<String>,
    #[serde(default)]
    related: Vec<Spanned<String>>,
    reviewed: Option<Spanned<toml::value::Datetime>>,
    fr: Option<RawTranslation>,
    es: Option<RawTranslation>,
}

impl RawAnswer {
    fn translation(&self, lang: Lang) -> Option<&RawTranslation> {
        match lang {
            Lang::En => None,
            Lang::Fr => self.fr.as_ref(),
            Lang::Es => self.es.as_ref(),
        }
    }
}

/// One language's synonyms: `{ canonical = ["alternative", …] }`.
type RawSynonymTable = std::collections::BTreeMap<Spanned<String>, toml::Value>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonyms {
    #[serde(default)]
    synonyms: RawSynonymTable,
    fr: Option<RawTranslatedSynonyms>,
    es: Option<RawTranslatedSynonyms>,
}

/// `[fr.synonyms]` or `[es.synonyms]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslatedSynonyms {
    #[serde(default)]
    synonyms: RawSynonymTable,
}

/// Parses and validates every file, collecting all problems before failing.
pub(super) fn parse_set(files: &[SourceFile]) -> Result<AnswerSet, LoadError> {
    let mut problems = Vec::new();
    let mut answers = Vec::new();
    let mut synonyms = Synonyms::default();
    let mut translated_synonyms = TranslatedSynonyms::default();
    let mut textspeak: Option<ParsedTables> = None;
    for file in files {
        let parsed = if file.is_synonyms() {
            parse_synonyms(file).map(|parsed| (synonyms, translated_synonyms) = parsed)
        } else if file.is_textspeak() {
            parse_textspeak(file).map(|parsed| textspeak = Some(parsed))
        } else {
            parse_answer(file).map(|answer| answers.push(answer))
        };
        if let Err(mut file_problems) = parsed {
            problems.append(&mut file_problems);
        }
    }
    problems.extend(validate::across_answers(&answers));
    if let Some(textspeak) = &textspeak {
        for (lang, table) in textspeak.by_language() {
            let synonyms = match lang {
                Lang::En => &synonyms,
                Lang::Fr => &translated_synonyms.fr,
                Lang::Es => &translated_synonyms.es,
            };
            problems.extend(table.against_synonyms(synonyms));
        }
    }
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    let mut warnings = validate::near_duplicates(&answers);
    warnings.extend(translation::missing_languages(&answers));
    let tables = Tables {
        synonyms,
        translated_synonyms,
        translated_textspeak: textspeak
            .as_ref()
            .map(ParsedTables::translated)
            .unwrap_or_default(),
        textspeak: textspeak
            .map(|parsed| parsed.english.table)
            .unwrap_or_default(),
    };
    Ok(AnswerSet::new_validated(answers, tables, warnings))
}

/// The problem for a TOML syntax or schema error in `file`.
fn toml_problem(file: &SourceFile, error: &toml::de::Error) -> Problem {
    Problem::from_toml(&file.name, &file.text, error)
}

fn parse_answer(file: &SourceFile) -> Result<Answer, Vec<Problem>> {
    let raw: RawAnswer =
        toml::from_str(&file.text).map_err(|error| vec![toml_problem(file, &error)])?;
    let mut checks = FileChecks::new(file);
    let position = |span: std::ops::Range<usize>| Position::at(&file.text, span.start);

    checks.id(&raw.id);
    checks.title(&raw.title, raw.command.is_some());
    if let Some(command) = &raw.command {
        checks.command(command);
    }
    for question in &raw.questions {
        checks.non_empty("questions entry", question);
    }
    for keyword in &raw.keywords {
        checks.non_empty("keywords entry", keyword);
    }
    checks.description(&raw.description);
    checks.fields(&raw_field::names_and_values(&raw.fields));
    let color = raw.color.as_ref().and_then(|color| checks.color(color));
    if let Some(url) = &raw.url {
        checks.url(url);
    }
    checks.source(&raw.source);
    for related in &raw.related {
        checks.related(related, raw.id.get_ref());
    }
    let fields = raw_field::to_fields(&raw.fields);
    let mut answer = Answer {
        id: raw.id.get_ref().clone(),
        title: raw.title.get_ref().trim().to_owned(),
        command: raw
            .command
            .as_ref()
            .map(|command| command.get_ref().clone()),
        questions: trimmed(&raw.questions),
        keywords: trimmed(&raw.keywords),
        description: raw.description.get_ref().trim().to_owned(),
        fields,
        color,
        url: raw.url.as_ref().map(|url| url.get_ref().trim().to_owned()),
        source: raw.source.get_ref().trim().to_owned(),
        related: raw.related.iter().map(|id| id.get_ref().clone()).collect(),
        reviewed: raw.reviewed.as_ref().map(|date| date.get_ref().to_string()),
        translations: Default::default(),
        origin: Origin {
            file: file.name.clone(),
            id: position(raw.id.span()),
            command: raw.command.as_ref().map(|command| position(command.span())),
            related: raw.related.iter().map(|id| position(id.span())).collect(),
            questions: raw
                .questions
                .iter()
                .map(|question| position(question.span()))
                .collect(),
        },
    };
    checks.embed_total(embed_total_length(&answer), raw.title.span());
    for lang in Lang::TRANSLATED {
        match raw.translation(lang) {
            Some(raw_translation) => {
                let translated = translation::parse(raw_translation, lang, &answer, &mut checks);
                answer.translations.set(lang, translated);
            }
            None => translation::check_fallback(lang, &answer, raw.title.span(), &mut checks),
        }
        checks.footer_in(lang, &raw.source, raw.translation(lang).is_none());
    }
    checks.finish().map(|()| answer)
}

fn trimmed(values: &[Spanned<String>]) -> Vec<String> {
    values
        .iter()
        .map(|value| value.get_ref().trim().to_owned())
        .collect()
}

/// Parses `synonyms.toml`: `[synonyms]` (English), and `[fr.synonyms]` and `[es.synonyms]`, each
/// under the same rules.
fn parse_synonyms(file: &SourceFile) -> Result<(Synonyms, TranslatedSynonyms), Vec<Problem>> {
    let raw: RawSynonyms =
        toml::from_str(&file.text).map_err(|error| vec![toml_problem(file, &error)])?;
    let mut problems = Vec::new();
    let mut table = |raw: Option<&RawSynonymTable>, prefix: &str| {
        let Some(raw) = raw else {
            return Synonyms::default();
        };
        let (groups, mut found) = synonym_groups(file, raw);
        for problem in &mut found {
            problem.message.insert_str(0, prefix);
        }
        problems.append(&mut found);
        Synonyms { groups }
    };
    let english = table(Some(&raw.synonyms), "");
    let translated = TranslatedSynonyms {
        fr: table(raw.fr.as_ref().map(|fr| &fr.synonyms), "[fr.synonyms] "),
        es: table(raw.es.as_ref().map(|es| &es.synonyms), "[es.synonyms] "),
    };
    if problems.is_empty() {
        Ok((english, translated))
    } else {
        Err(problems)
    }
}

/// The groups of one synonyms table, in file order, and its problems: a value that is not a
/// list of non-empty strings, or a term listed under two keys.
fn synonym_groups(
    file: &SourceFile,
    raw: &RawSynonymTable,
) -> (Vec<(String, Vec<String>)>, Vec<Problem>) {
    let mut groups = Vec::new();
    let mut problems = Vec::new();
    let mut seen: std::collections::HashMap<String, String> = Default::default();
    // In file order, so that groups and problems read top to bottom.
    let mut entries: Vec<_> = raw.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    for (key, value) in entries {
        let canonical = key.get_ref();
        let canonical_lower = canonical.trim().to_lowercase();
        let problem = |message: String| {
            Problem::at(
                &file.name,
                Position::at(&file.text, key.span().start),
                message,
            )
        };
        let Some(list) = value.as_array() else {
            problems.push(problem(format!(
                "synonyms for `{canonical}` must be a list of strings"
            )));
            continue;
        };
        let mut alternatives = Vec::new();
        for item in list {
            match item.as_str().map(str::trim) {
                Some(term) if !term.is_empty() => alternatives.push(term.to_lowercase()),
                _ => problems.push(problem(format!(
                    "synonyms for `{canonical}` must be non-empty strings"
                ))),
            }
        }
        for term in std::iter::once(&canonical_lower).chain(&alternatives) {
            if let Some(other) = seen.insert(term.clone(), canonical_lower.clone()) {
                if other != canonical_lower {
                    problems.push(problem(format!(
                        "`{term}` is listed under both `{other}` and `{canonical_lower}`"
                    )));
                }
            }
        }
        groups.push((canonical_lower, alternatives));
    }
    (groups, problems)
}
