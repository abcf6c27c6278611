//! Writing answer files for moderators: validate the whole set as it would be after the change,
//! then write `responses/<id>.toml` atomically (hidden temp file, fsync, rename, fsync the
//! folder), or move it to `responses/.trash/`. Ids are `[a-z0-9-]` only, so no path can leave
//! the folder. Edits go through `toml_edit`, keeping the file's comments and other keys.

use crate::answers::{is_valid_id, read_dir_sources, AnswerSet, LoadError, Problem, SourceFile};
use std::io::Write;
use std::path::{Path, PathBuf};
use toml_edit::{value, Array, DocumentMut, Formatted, Item, Value};

/// Name of the folder removed answers are moved to.
pub const TRASH_DIR: &str = ".trash";
/// Source citation written into answers added from Discord.
pub const DEFAULT_SOURCE: &str = "GFMD background note (shared/gfmd-source.txt)";

/// What a moderator types in the add or edit form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDraft {
    /// Answer id (`[a-z0-9-]`), also the file name.
    pub id: String,
    /// Title.
    pub title: String,
    /// Phrasings, one per entry.
    pub questions: Vec<String>,
    /// Answer text (Discord markdown).
    pub description: String,
}

/// Whether a save creates an answer or edits one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// A new answer; its id must be free.
    New,
    /// An existing answer; its id must exist.
    Edit,
}

/// A successful save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The file written.
    pub path: PathBuf,
    /// Answers in the validated set after the change.
    pub answers: usize,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The id is not `[a-z0-9-]`.
    #[error("`{0}` is not a valid id: use 1-64 characters of a-z, 0-9 and -")]
    InvalidId(String),
    /// A new answer's id is taken.
    #[error("an answer with the id `{0}` already exists")]
    Exists(String),
    /// The answer to edit or remove does not exist.
    #[error("no answer has the id `{0}`")]
    NotFound(String),
    /// The set would not validate; every problem names file and line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// Reading or writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The existing file could not be edited.
    #[error("cannot edit the file: {0}")]
    Edit(String),
}

impl From<LoadError> for StoreError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Invalid(problems) => StoreError::Invalid(problems),
            LoadError::Io { path, source } => StoreError::Io { path, source },
        }
    }
}

/// The answers folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store over `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of answer `id`; refuses ids that are not `[a-z0-9-]`.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if is_valid_id(id) {
            Ok(self.dir.join(format!("{id}.toml")))
        } else {
            Err(StoreError::InvalidId(id.to_owned()))
        }
    }

    /// The current text of answer `id`'s file.
    pub fn read(&self, id: &str) -> Result<String, StoreError> {
        let path = self.path_of(id)?;
        if !path.is_file() {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        std::fs::read_to_string(&path).map_err(|source| io_error(&path, source))
    }

    /// Validates the whole folder as it would be with `draft` applied, then writes the file
    /// atomically. Nothing is written when validation fails.
    pub fn save(&self, draft: &AnswerDraft, mode: SaveMode) -> Result<Saved, StoreError> {
        let path = self.path_of(draft.id.trim())?;
        let exists = path.is_file();
        let text = match (mode, exists) {
            (SaveMode::New, true) => return Err(StoreError::Exists(draft.id.clone())),
            (SaveMode::Edit, false) => return Err(StoreError::NotFound(draft.id.clone())),
            (SaveMode::New, false) => render_new(draft, &today()),
            (SaveMode::Edit, true) => render_edit(&self.read(&draft.id)?, draft)?,
        };
        let name = path.display().to_string();
        let mut sources: Vec<SourceFile> = read_dir_sources(&self.dir)?
            .into_iter()
            .filter(|source| source.name != name)
            .collect();
        sources.push(SourceFile::new(name, text.clone()));
        let set = AnswerSet::from_sources(&sources)?;
        write_atomically(&path, &text)?;
        Ok(Saved {
            path,
            answers: set.len(),
        })
    }

    /// Moves the answer's file to `.trash/<id>.<unix seconds>.toml`, after checking that the set
    /// still validates without it (no other answer may list it in `related`).
    pub fn remove(&self, id: &str) -> Result<PathBuf, StoreError> {
        let path = self.path_of(id)?;
        if !path.is_file() {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        let name = path.display().to_string();
        let remaining: Vec<SourceFile> = read_dir_sources(&self.dir)?
            .into_iter()
            .filter(|source| source.name != name)
            .collect();
        AnswerSet::from_sources(&remaining)?;
        let trash = self.dir.join(TRASH_DIR);
        std::fs::create_dir_all(&trash).map_err(|source| io_error(&trash, source))?;
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        let target = trash.join(format!("{id}.{seconds}.toml"));
        std::fs::rename(&path, &target).map_err(|source| io_error(&path, source))?;
        sync_dir(&self.dir)?;
        Ok(target)
    }
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Writes `text` to a hidden temp file beside `path`, flushes it to disk, renames it over
/// `path` and flushes the folder, so a crash leaves the old file or the new one, never a mix
/// (the loader skips hidden files, so a leftover temp file is ignored).
fn write_atomically(path: &Path, text: &str) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|source| io_error(dir, source))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|source| io_error(temp.path(), source))?;
    temp.persist(path)
        .map_err(|error| io_error(path, error.error))?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::File::open(dir)
        .and_then(|folder| folder.sync_all())
        .map_err(|source| io_error(dir, source))
}

fn questions_array(questions: &[String]) -> Array {
    let mut array: Array = questions
        .iter()
        .map(|question| question.trim())
        .filter(|question| !question.is_empty())
        .collect();
    for item in array.iter_mut() {
        item.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}

/// A multi-line string value (`"""…"""`), escaped by `toml_edit`.
fn multiline(text: &str) -> Item {
    let body = format!("\n{}\n", text.trim());
    let value = multiline_repr(&body)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::String(Formatted::new(body)));
    Item::Value(value)
}

/// `"""…"""` with backslashes, quotes runs and control characters escaped.
fn multiline_repr(body: &str) -> String {
    let mut out = String::from("\"\"\"");
    let mut quotes = 0;
    for c in body.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
                continue;
            }
            out.push(c);
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    if out.ends_with('"') {
        out.pop();
        out.push_str("\\\"");
    }
    out.push_str("\"\"\"");
    out
}

/// The text of a new answer file, in the hand-written format.
pub fn render_new(draft: &AnswerDraft, reviewed: &str) -> String {
    let mut document = DocumentMut::new();
    document["id"] = value(draft.id.trim());
    document["title"] = value(draft.title.trim());
    document["questions"] = value(questions_array(&draft.questions));
    document["keywords"] = value(Array::new());
    document["description"] = multiline(&draft.description);
    document["source"] = value(DEFAULT_SOURCE);
    document["related"] = value(Array::new());
    if let Ok(date) = reviewed.parse::<toml_edit::Datetime>() {
        document["reviewed"] = value(date);
    }
    format!("# Added with /gfmd-admin add by a moderator.\n{document}")
}

/// `existing` with its title, questions and description replaced; everything else (comments,
/// other keys, their order) is kept.
pub fn render_edit(existing: &str, draft: &AnswerDraft) -> Result<String, StoreError> {
    let mut document: DocumentMut = existing
        .parse()
        .map_err(|error: toml_edit::TomlError| StoreError::Edit(error.to_string()))?;
    replace_value(&mut document, "title", value(draft.title.trim()));
    replace_value(
        &mut document,
        "questions",
        value(questions_array(&draft.questions)),
    );
    replace_value(&mut document, "description", multiline(&draft.description));
    Ok(document.to_string())
}

/// Sets `key`, keeping the comments and spacing around the old value.
fn replace_value(document: &mut DocumentMut, key: &str, mut new: Item) {
    if let (Some(old), Some(new_value)) = (
        document.get(key).and_then(Item::as_value),
        new.as_value_mut(),
    ) {
        let decor = old.decor().clone();
        *new_value.decor_mut() = decor;
    }
    document[key] = new;
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400) as i64;
    civil_date(days)
}

/// The proleptic Gregorian date of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_are_right_around_leap_years() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_785), "2026-11-28");
    }

    #[test]
    fn tricky_text_survives_a_round_trip_through_a_new_file() {
        let draft = AnswerDraft {
            id: "tricky".into(),
            title: "Quotes \" and \\ backslashes".into(),
            questions: vec!["What about \"\"\" triple quotes?".into(), "  ".into()],
            description: "Line one \\ with \"\"\"\"quotes\"\"\"\nünïcödé **bold**\nends with \""
                .into(),
        };
        let text = render_new(&draft, "2026-11-28");
        let set =
            AnswerSet::from_sources(&[SourceFile::new("responses/tricky.toml", text.clone())])
                .unwrap_or_else(|error| panic!("{error}\n{text}"));
        let answer = set.get("tricky").unwrap();
        assert_eq!(answer.title, draft.title);
        assert_eq!(answer.questions, vec![draft.questions[0].clone()]);
        assert_eq!(answer.description, draft.description);
        assert_eq!(answer.reviewed.as_deref(), Some("2026-11-28"));
    }
}
