//! Writing answer files for moderators: validate the whole set as it would be after the change,
//! then write `responses/<id>.toml` atomically (`atomic`), or move it to `responses/.trash/`.
//! Ids are `[a-z0-9-]` only, so no path can leave the folder. The TOML text is made in
//! `toml_render`: new files in the hand-written format, edits keeping the file's comments and
//! other keys. Saves and removals through one `Store` (and its clones) take turns, so two
//! moderators cannot validate against the same old set.

mod atomic;
mod toml_render;

use crate::answers::{
    is_valid_id, read_dir_sources, AnswerSet, LoadError, Problem, SourceFile, SYNONYMS_FILE,
};
use crate::file_error::FileError;
use crate::locale::Lang;
use atomic::{sync_dir, write_atomically, Target, WriteError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use toml_render::{render_added_phrasing, render_edit, render_new, render_new_translated, today};

/// Name of the folder, inside the answers folder, that removed answers are moved to.
pub const TRASH_DIR: &str = ".trash";
/// Source citation written into answers added from Discord.
/// It is shown to members in the footer, so it cites the note in words, not by its file.
pub const DEFAULT_SOURCE: &str = "GFMD background note";

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

/// A new answer's translation as a moderator types it beside the English answer: written as the
/// answer's `[fr]` or `[es]` table (no keywords, no fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationDraft {
    /// The language translated into (French or Spanish).
    pub lang: Lang,
    /// Title in that language. Trimmed.
    pub title: String,
    /// Phrasings in that language, one per entry. Each is trimmed; empty ones are dropped.
    pub questions: Vec<String>,
    /// Answer text in that language (Discord markdown). Trimmed; `\r\n` becomes `\n`.
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
#[derive(Debug)]
pub struct Saved {
    /// The file written.
    pub path: PathBuf,
    /// The whole set as validated with the change, ready to serve without reading it again.
    pub set: AnswerSet,
    /// The answer files the set was built from, as read (the change included): what a reload
    /// would read unless another edit lands after them.
    pub sources: Vec<SourceFile>,
}

impl Saved {
    /// Size of the validated set after the change.
    pub fn answers(&self) -> usize {
        self.set.len()
    }
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
    #[error(transparent)]
    File(#[from] FileError),
    /// The existing file is not TOML that can be edited.
    #[error("cannot edit the file: {0}")]
    Edit(String),
    /// A translation into English: English is the answers' own language.
    #[error("English is the answers' own language, not a translation")]
    EnglishTranslation,
    /// A phrasing in a language the answer has no translation into (no `[fr]` / `[es]` table).
    #[error("`{id}` has no {} translation yet: translate it (its [{}] table) before adding {} phrasings", .lang.english_name(), .lang.code(), .lang.english_name())]
    Untranslated {
        /// The answer.
        id: String,
        /// The language of the phrasing.
        lang: Lang,
    },
}

impl From<LoadError> for StoreError {
    fn from(error: LoadError) -> Self {
        match error {
            LoadError::Invalid(problems) => StoreError::Invalid(problems),
            LoadError::File(error) => StoreError::File(error),
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
        match mode {
            SaveMode::New => self.create(id, path, || render_new(draft, today())),
            SaveMode::Edit => {
                let _writing = self.take_turn();
                let text = render_edit(&read_answer_file(id, &path)?, draft)?;
                self.write_validated(id, path, &text, Target::Existing)
            }
        }
    }

    /// Adds a new answer with its translation: `draft` in English (the source of truth) and
    /// `translation` as its `[fr]` or `[es]` table, validated and written like [`Store::save`]
    /// with [`SaveMode::New`]. How a question missed in French or Spanish gets an answer in its
    /// own language at once. A `translation` into English is refused
    /// ([`StoreError::EnglishTranslation`]).
    pub fn save_new_translated(
        &self,
        draft: &AnswerDraft,
        translation: &TranslationDraft,
    ) -> Result<Saved, StoreError> {
        let id = draft.id.trim();
        let path = self.path_of(id)?;
        if translation.lang == Lang::En {
            return Err(StoreError::EnglishTranslation);
        }
        self.create(id, path, || {
            render_new_translated(draft, translation, today())
        })
    }

    /// Writes the new file `path` of answer `id` with the text `render` makes, once it is this
    /// store's turn: refused when the file exists, else validated and written like any change.
    fn create(
        &self,
        id: &str,
        path: PathBuf,
        render: impl FnOnce() -> String,
    ) -> Result<Saved, StoreError> {
        let _writing = self.take_turn();
        if path.exists() {
            return Err(StoreError::Exists(id.to_owned()));
        }
        self.write_validated(id, path, &render(), Target::New)
    }

    /// Appends `phrasing`, a question in `lang`, to the `questions` of answer `id` (English), or
    /// of its `[fr]` / `[es]` table (validated like any edit, written atomically, the file's
    /// comments and other keys kept): how a moderator teaches the bot a question it missed. An
    /// answer not translated into `lang` is refused ([`StoreError::Untranslated`]).
    pub fn add_phrasing(&self, id: &str, lang: Lang, phrasing: &str) -> Result<Saved, StoreError> {
        let id = id.trim();
        let path = self.path_of(id)?;
        let _writing = self.take_turn();
        let existing = read_answer_file(id, &path)?;
        let text = render_added_phrasing(&existing, lang, phrasing)?.ok_or_else(|| {
            StoreError::Untranslated {
                id: id.to_owned(),
                lang,
            }
        })?;
        self.write_validated(id, path, &text, Target::Existing)
    }

    /// Validates the folder with `path` holding `text`, then writes it. The caller takes a turn.
    fn write_validated(
        &self,
        id: &str,
        path: PathBuf,
        text: &str,
        target: Target,
    ) -> Result<Saved, StoreError> {
        let (set, sources) = self.validate_with(&path, Some(text))?;
        write_atomically(&path, text, target).map_err(|error| match error {
            WriteError::Taken => StoreError::Exists(id.to_owned()),
            WriteError::File(error) => StoreError::File(error),
        })?;
        Ok(Saved { path, set, sources })
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
        std::fs::create_dir_all(&trash).map_err(|source| FileError::write(&trash, source))?;
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
        std::fs::rename(&path, &target).map_err(|source| FileError::rename(&path, source))?;
        sync_dir(&trash).map_err(|source| FileError::write(&trash, source))?;
        sync_dir(&self.dir).map_err(|source| FileError::write(&self.dir, source))?;
        Ok(target)
    }

    fn take_turn(&self) -> MutexGuard<'_, ()> {
        // The mutex guards no data, so a panic while it was held leaves nothing to repair.
        self.writing.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The folder's set with `path` replaced by `text` (or left out when `text` is `None`),
    /// validated, with the files it was built from.
    fn validate_with(
        &self,
        path: &Path,
        text: Option<&str>,
    ) -> Result<(AnswerSet, Vec<SourceFile>), StoreError> {
        let name = path.display().to_string();
        let mut sources: Vec<SourceFile> = read_dir_sources(&self.dir)?
            .into_iter()
            .filter(|source| source.name != name)
            .collect();
        if let Some(text) = text {
            sources.push(SourceFile::new(name, text));
        }
        // In the order a fresh load reads them, so the set served after a save is the one a
        // reload would build.
        sources.sort_by(|a, b| a.name.cmp(&b.name));
        let set = AnswerSet::from_sources(&sources)?;
        Ok((set, sources))
    }
}

fn read_answer_file(id: &str, path: &Path) -> Result<String, StoreError> {
    if !path.is_file() {
        return Err(StoreError::NotFound(id.to_owned()));
    }
    std::fs::read_to_string(path).map_err(|source| FileError::read(path, source).into())
}
