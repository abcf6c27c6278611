//! Writing answer files for moderators: validate the whole set as it would be after the change,
//! then write `responses/<id>.toml` atomically (hidden temp file, fsync, rename, fsync the
//! folder), or move it to `responses/.trash/`. Ids are `[a-z0-9-]` only, so no path can leave
//! the folder. New files are rendered in the hand-written format; edits go through `toml_edit`,
//! keeping the file's comments and other keys. Saves and removals through one [`Store`] (and its
//! clones) take turns, so two moderators cannot validate against the same old set.

use crate::answers::{
    is_valid_id, read_dir_sources, AnswerSet, LoadError, Problem, SourceFile, SYNONYMS_FILE,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use toml_edit::{value, Array, Date, Datetime, DocumentMut, Formatted, Item, Value};

/// Name of the folder, inside the answers folder, that removed answers are moved to.
pub const TRASH_DIR: &str = ".trash";
/// Source citation written into answers added from Discord.
/// It is shown to members in the footer, so it cites the note in words, not by its file.
pub const DEFAULT_SOURCE: &str = "GFMD background note";
/// First line of every answer file added from Discord.
const NEW_FILE_COMMENT: &str = "# Added with /gfmd-admin add by a moderator.";

/// What a moderator types in the add/edit modal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDraft {
    /// Answer id (`[a-z0-9-]`), also the file name. Surrounding spaces are ignored.
    pub id: String,
    /// Title. Trimmed.
    pub title: String,
    /// Phrasings, one per entry. Each is trimmed; empty ones are dropped.
    pub questions: Vec<String>,
    /// Answer text (Discord markdown). Trimmed; `\r\n` becomes `\n`.
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
    /// Size of the validated set after the change.
    pub answers: usize,
}

/// Why nothing was written or moved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The id is not 1-64 characters of `[a-z0-9-]` (not starting with `-`), or it names the
    /// synonyms file.
    #[error("`{0}` cannot be an answer id: use 1-64 characters of a-z, 0-9 and - (not first), other than `synonyms`")]
    InvalidId(String),
    /// A new answer's id is taken.
    #[error("an answer with the id `{0}` already exists")]
    Exists(String),
    /// The answer to read, edit or remove does not exist.
    #[error("no answer has the id `{0}`")]
    NotFound(String),
    /// The set would not validate after the change; every problem names file and line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// Reading, writing or moving a file failed.
    #[error("cannot read or write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The existing file is not TOML that can be edited.
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

/// The answers folder, as moderators change it.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Held while validating and writing, so that changes take turns.
    writing: Arc<Mutex<()>>,
}

impl Store {
    /// A store over the answers folder `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            writing: Arc::default(),
        }
    }

    /// The answers folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of answer `id`; refuses ids that are not `[a-z0-9-]` (so no path can escape the
    /// folder) and `synonyms` (that file is not an answer).
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        let file = format!("{id}.toml");
        if is_valid_id(id) && file != SYNONYMS_FILE {
            Ok(self.dir.join(file))
        } else {
            Err(StoreError::InvalidId(id.to_owned()))
        }
    }

    /// The current text of answer `id`'s file.
    pub fn read(&self, id: &str) -> Result<String, StoreError> {
        let id = id.trim();
        let path = self.path_of(id)?;
        read_answer_file(id, &path)
    }

    /// Validates the whole folder as it would be with `draft` applied, then writes
    /// `<dir>/<id>.toml` atomically (a hidden temp file in the same folder, fsync, rename, fsync
    /// the folder). For [`SaveMode::New`] the file is rendered in the hand-written format; for
    /// [`SaveMode::Edit`] the existing file keeps its comments and every key but `title`,
    /// `questions` and `description`. Nothing is written when validation fails
    /// ([`StoreError::Invalid`] carries the problems, each naming file and line). `New` refuses an
    /// id that exists; `Edit` refuses one that does not.
    pub fn save(&self, draft: &AnswerDraft, mode: SaveMode) -> Result<Saved, StoreError> {
        let id = draft.id.trim();
        let path = self.path_of(id)?;
        let _writing = self.take_turn();
        let text = match mode {
            SaveMode::New if path.exists() => return Err(StoreError::Exists(id.to_owned())),
            SaveMode::New => render_new(draft, today()),
            SaveMode::Edit => render_edit(&read_answer_file(id, &path)?, draft)?,
        };
        let set = self.validate_with(&path, Some(&text))?;
        write_atomically(&path, &text, mode).map_err(|error| match error {
            WriteError::Taken => StoreError::Exists(id.to_owned()),
            WriteError::Io { path, source } => io_error(&path, source),
        })?;
        Ok(Saved {
            path,
            answers: set.len(),
        })
    }

    /// Moves `<dir>/<id>.toml` to `<dir>/.trash/<id>.<unix-seconds>.toml` (never deletes; a
    /// second removal within the same second gets `<id>.<unix-seconds>.<n>.toml`), after checking
    /// that the remaining set still validates: if another answer lists `id` in `related`, this
    /// refuses with [`StoreError::Invalid`] naming that file and line.
    pub fn remove(&self, id: &str) -> Result<PathBuf, StoreError> {
        let id = id.trim();
        let path = self.path_of(id)?;
        let _writing = self.take_turn();
        if !path.is_file() {
            return Err(StoreError::NotFound(id.to_owned()));
        }
        self.validate_with(&path, None)?;
        let trash = self.dir.join(TRASH_DIR);
        std::fs::create_dir_all(&trash).map_err(|source| io_error(&trash, source))?;
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        let target = (0..)
            .map(|n| match n {
                0 => trash.join(format!("{id}.{seconds}.toml")),
                n => trash.join(format!("{id}.{seconds}.{n}.toml")),
            })
            .find(|candidate| !candidate.exists())
            .unwrap_or_else(|| trash.join(format!("{id}.{seconds}.toml")));
        std::fs::rename(&path, &target).map_err(|source| io_error(&path, source))?;
        sync_dir(&trash).map_err(|source| io_error(&trash, source))?;
        sync_dir(&self.dir).map_err(|source| io_error(&self.dir, source))?;
        Ok(target)
    }

    fn take_turn(&self) -> MutexGuard<'_, ()> {
        // The mutex guards no data, so a panic while it was held leaves nothing to repair.
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The folder's set with `path` replaced by `text` (or left out when `text` is `None`),
    /// validated.
    fn validate_with(&self, path: &Path, text: Option<&str>) -> Result<AnswerSet, StoreError> {
        let name = path.display().to_string();
        let mut sources: Vec<SourceFile> = read_dir_sources(&self.dir)?
            .into_iter()
            .filter(|source| source.name != name)
            .collect();
        if let Some(text) = text {
            sources.push(SourceFile::new(name, text));
        }
        Ok(AnswerSet::from_sources(&sources)?)
    }
}

fn read_answer_file(id: &str, path: &Path) -> Result<String, StoreError> {
    if !path.is_file() {
        return Err(StoreError::NotFound(id.to_owned()));
    }
    std::fs::read_to_string(path).map_err(|source| io_error(path, source))
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

enum WriteError {
    /// A new file's name was taken between the check and the rename.
    Taken,
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `text` to a hidden temp file beside `path`, flushes it to disk, renames it to `path`
/// and flushes the folder, so a crash leaves the old file or the new one, never a mix (the
/// loader skips hidden files, so a leftover temp file is ignored). A new file gets the
/// permissions any new file gets and never replaces one that appeared meanwhile; an edited file
/// keeps its permissions.
fn write_atomically(path: &Path, text: &str, mode: SaveMode) -> Result<(), WriteError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| WriteError::Io { path, source }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".").suffix(".tmp");
    #[cfg(unix)]
    if mode == SaveMode::New {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` does: read-write for all, less the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(io(dir))?;
    if mode == SaveMode::Edit {
        let permissions = std::fs::metadata(path).map_err(io(path))?.permissions();
        temp.as_file()
            .set_permissions(permissions)
            .map_err(io(temp.path()))?;
    }
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io(temp.path()))?;
    match mode {
        SaveMode::Edit => temp.persist(path).map(drop).map_err(|error| error.error),
        SaveMode::New => temp
            .persist_noclobber(path)
            .map(drop)
            .map_err(|error| error.error),
    }
    .map_err(|source| match source.kind() {
        std::io::ErrorKind::AlreadyExists if mode == SaveMode::New => WriteError::Taken,
        _ => WriteError::Io {
            path: path.to_owned(),
            source,
        },
    })?;
    sync_dir(dir).map_err(io(dir))
}

/// Flushes a folder's entries (a rename into it) to disk.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// `questions = [` with one trimmed, non-empty phrasing per line, or `[]` when there is none.
fn questions_array(questions: &[String]) -> Array {
    let mut array: Array = questions
        .iter()
        .map(|question| question.trim())
        .filter(|question| !question.is_empty())
        .collect();
    if array.is_empty() {
        return array;
    }
    for item in array.iter_mut() {
        item.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}

/// The description as a multi-line basic string (`"""…"""`), the body starting on the line after
/// the opening quotes and the closing quotes on a line of their own.
fn multiline(text: &str) -> Item {
    let body = format!("\n{}\n", text.replace("\r\n", "\n").trim());
    // `multiline_repr` always yields valid TOML (see the property test below); should it ever
    // not, `toml_edit` picks a representation of its own and the text is still kept exactly.
    let value = multiline_repr(&body)
        .parse::<Value>()
        .unwrap_or_else(|_| Value::String(Formatted::new(body)));
    Item::Value(value)
}

/// `"""` + `body` + `"""`, escaping what a multi-line basic string cannot hold as is:
/// backslashes, every third `"` of a run (so no `"""` closes the string early, nor one
/// that ends the body), and control characters other than newline.
fn multiline_repr(body: &str) -> String {
    let mut out = String::from("\"\"\"");
    let mut quotes = 0;
    for c in body.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
            } else {
                out.push(c);
            }
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push('\n'),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    // A body ending in a raw `"` would run into the closing quotes.
    if quotes > 0 {
        out.pop();
        out.push_str("\\\"");
    }
    out.push_str("\"\"\"");
    out
}

/// The text of a new answer file, in the hand-written format: a comment, then `id`, `title`,
/// `questions`, `keywords`, `description`, `source` and `reviewed`, in the order the
/// hand-written files use. No `command`, so adding an answer never changes the slash commands.
fn render_new(draft: &AnswerDraft, reviewed: Date) -> String {
    let mut document = DocumentMut::new();
    document["id"] = value(draft.id.trim());
    document["title"] = value(draft.title.trim());
    document["questions"] = value(questions_array(&draft.questions));
    document["keywords"] = value(Array::new());
    document["description"] = multiline(&draft.description);
    document["source"] = value(DEFAULT_SOURCE);
    document["reviewed"] = value(Datetime {
        date: Some(reviewed),
        time: None,
        offset: None,
    });
    format!("{NEW_FILE_COMMENT}\n{document}")
}

/// `existing` with its `title`, `questions` and `description` replaced; everything else
/// (comments, other keys, their order, the spacing and comments around the replaced values)
/// is kept.
fn render_edit(existing: &str, draft: &AnswerDraft) -> Result<String, StoreError> {
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

/// Sets `key`, keeping the spacing and any trailing comment around the old value.
fn replace_value(document: &mut DocumentMut, key: &str, mut new: Item) {
    if let (Some(old), Some(new_value)) = (
        document.get(key).and_then(Item::as_value),
        new.as_value_mut(),
    ) {
        *new_value.decor_mut() = old.decor().clone();
    }
    document[key] = new;
}

/// Today's date in UTC.
fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    let (year, month, day) = civil_date(i64::try_from(days).unwrap_or(0));
    Date {
        year: u16::try_from(year).unwrap_or(9999),
        month,
        day,
    }
}

/// The proleptic Gregorian `(year, month, day)` of a count of days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_date(days: i64) -> (i64, u8, u8) {
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
    // Both are in range by construction: month 1-12, day 1-31.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const REVIEWED: Date = Date {
        year: 2026,
        month: 11,
        day: 28,
    };

    fn load_one(text: &str) -> crate::answers::Answer {
        let set = AnswerSet::from_sources(&[SourceFile::new("responses/tricky.toml", text)])
            .unwrap_or_else(|error| panic!("{error}\n{text}"));
        set.get("tricky").cloned().unwrap()
    }

    #[test]
    fn civil_dates_are_right_around_leap_years_and_the_epoch() {
        assert_eq!(civil_date(-1), (1969, 12, 31));
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        assert_eq!(civil_date(11_017), (2000, 3, 1));
        assert_eq!(civil_date(20_785), (2026, 11, 28));
        assert_eq!(civil_date(47_540), (2100, 2, 28));
        assert_eq!(civil_date(47_541), (2100, 3, 1), "2100 is not a leap year");
        assert_eq!(civil_date(2_932_896), (9999, 12, 31));
    }

    #[test]
    fn today_is_a_real_date_written_without_a_time() {
        let today = today();
        assert!(today.year >= 2024 && (1..=12).contains(&today.month));
        let text = render_new(
            &AnswerDraft {
                id: "tricky".into(),
                title: "t".into(),
                questions: vec![],
                description: "d".into(),
            },
            today,
        );
        let line = text.lines().last().unwrap();
        assert_eq!(line, format!("reviewed = {today}"));
        assert_eq!(line.len(), "reviewed = 2026-11-28".len());
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
        let text = render_new(&draft, REVIEWED);
        let answer = load_one(&text);
        assert_eq!(answer.title, draft.title);
        assert_eq!(answer.questions, vec![draft.questions[0].clone()]);
        assert_eq!(answer.description, draft.description);
        assert_eq!(answer.reviewed.as_deref(), Some("2026-11-28"));
    }

    #[test]
    fn windows_line_endings_in_a_description_become_plain_newlines() {
        let draft = AnswerDraft {
            id: "tricky".into(),
            title: "t".into(),
            questions: vec![],
            description: "one\r\ntwo\r\n".into(),
        };
        let text = render_new(&draft, REVIEWED);
        assert!(text.contains("questions = []\n"), "{text}");
        assert_eq!(load_one(&text).description, "one\ntwo");
    }

    /// Text heavy in what TOML must escape, mixed with arbitrary Unicode.
    fn hostile_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\"\\\\'\n\r\t \u{0}-\u{1F}\u{7F}\u{80}-\u{9F}a*_`#>é\u{2028}\u{FEFF}]{0,40}",
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn any_multiline_body_is_valid_toml_and_reads_back_exactly(body in hostile_text()) {
            let repr = multiline_repr(&body);
            let parsed = repr.parse::<Value>();
            prop_assert!(parsed.is_ok(), "{repr:?} does not parse");
            let parsed = parsed.unwrap();
            // The newline right after the opening quotes is not part of a TOML string.
            let expected = body.strip_prefix('\n').unwrap_or(&body);
            prop_assert_eq!(parsed.as_str(), Some(expected));
        }

        #[test]
        fn any_draft_loads_back_as_typed_less_surrounding_spaces(
            title in hostile_text(),
            questions in proptest::collection::vec(hostile_text(), 0..4),
            description in hostile_text(),
        ) {
            let description = description.replace('\r', "");
            prop_assume!(!title.trim().is_empty() && !description.trim().is_empty());
            let draft = AnswerDraft { id: "tricky".into(), title, questions, description };
            let text = render_new(&draft, REVIEWED);
            prop_assert!(text.contains("description = \"\"\"\n"), "{}", text);
            let answer = load_one(&text);
            prop_assert_eq!(answer.title, draft.title.trim());
            let kept: Vec<&str> = draft.questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
            prop_assert_eq!(answer.questions, kept);
            prop_assert_eq!(answer.description, draft.description.trim());
        }
    }
}
