//! The curated answer set: the model, loading it from `responses/`, and validating it against
//! the schema and Discord's limits. Nothing here knows that Discord exists beyond its limits.

pub mod limits;
mod load;
mod problem;
mod raw_field;
mod textspeak;
mod translation;
mod validate;

pub use load::{embedded_sources, read_dir_sources, SourceFile, SYNONYMS_FILE};
pub use problem::{LoadError, Position, Problem};
pub use textspeak::{TextSpeak, TranslatedTextSpeak, TEXTSPEAK_FILE};
pub use translation::{Translation, Translations};
pub use validate::{embed_total_length, footer_text, footer_text_in, is_valid_id};

use crate::locale::Lang;
use std::collections::HashMap;

/// Subcommand names that `/gfmd` itself uses, so no answer may take them (nor their French and
/// Spanish names, [`crate::wording::CommandWording`]).
pub const RESERVED_COMMANDS: &[&str] = &["ask", "topic", "forget-me"];

/// One curated answer, as a moderator wrote it in `responses/<id>.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Stable identifier (`[a-z0-9-]`), equal to the file's stem.
    pub id: String,
    /// Embed title; also the subcommand's description when `command` is set.
    pub title: String,
    /// The `/gfmd` subcommand that shows this answer, if any.
    pub command: Option<String>,
    /// Alternate phrasings of the question this answers.
    pub questions: Vec<String>,
    /// Short aliases and topic words.
    pub keywords: Vec<String>,
    /// Embed body (Discord markdown).
    pub description: String,
    /// Embed fields.
    pub fields: Vec<Field>,
    /// Embed colour (24-bit RGB).
    pub color: Option<u32>,
    /// Link shown on the embed title.
    pub url: Option<String>,
    /// Citation of the source document; rendered in the footer.
    pub source: String,
    /// Ids of related answers.
    pub related: Vec<String>,
    /// Date the answer was last reviewed (`YYYY-MM-DD`).
    pub reviewed: Option<String>,
    /// Its `[fr]` and `[es]` tables.
    pub translations: Translations,
    /// Where the answer came from, for error messages.
    pub origin: Origin,
}

impl Answer {
    /// The translation into `lang`; `None` for English and for a language not translated yet.
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translations.get(lang)
    }

    /// The title a member reading `lang` sees: the translated title, or the English one when the
    /// answer has no translation into `lang`. For autocomplete choices, menus and buttons.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.translation(lang)
            .map_or(self.title.as_str(), |translation| {
                translation.title.as_str()
            })
    }
}

/// An embed field of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Field name (heading).
    pub name: String,
    /// Field value (Discord markdown).
    pub value: String,
    /// Whether Discord may lay the field out beside others.
    pub inline: bool,
}

/// Where an answer's keys stand in its file, so that checks across answers can name a line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// Display path of the file.
    pub file: String,
    /// Position of the `id` value.
    pub id: Position,
    /// Position of the `command` value, when present.
    pub command: Option<Position>,
    /// Position of each `related` entry.
    pub related: Vec<Position>,
    /// Position of each `questions` entry.
    pub questions: Vec<Position>,
}

/// The synonyms table: each canonical term with the words and phrases that mean the same.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synonyms {
    /// `(canonical, alternatives)` pairs, in file order.
    pub groups: Vec<(String, Vec<String>)>,
}

/// The synonyms tables of the translations: `[fr.synonyms]` and `[es.synonyms]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TranslatedSynonyms {
    /// French groups.
    pub fr: Synonyms,
    /// Spanish groups.
    pub es: Synonyms,
}

/// The files of a set that are tables, not answers: no answer may take their names as ids.
pub const TABLE_FILES: &[&str] = &[SYNONYMS_FILE, TEXTSPEAK_FILE];

/// A validated set of answers plus the synonyms and text-speak tables. Only
/// [`AnswerSet::from_sources`] builds one, so every `AnswerSet` has passed validation.
#[derive(Debug, Clone)]
pub struct AnswerSet {
    answers: Vec<Answer>,
    by_id: HashMap<String, usize>,
    tables: Tables,
    warnings: Vec<Problem>,
}

/// The tables of a set besides its answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    pub(crate) synonyms: Synonyms,
    pub(crate) translated_synonyms: TranslatedSynonyms,
    pub(crate) textspeak: TextSpeak,
    pub(crate) translated_textspeak: TranslatedTextSpeak,
}

impl AnswerSet {
    /// Parses and validates a set of files (answers and, optionally, [`SYNONYMS_FILE`] and
    /// [`TEXTSPEAK_FILE`]).
    /// Every problem found is reported at once, each naming its file and line.
    pub fn from_sources(files: &[SourceFile]) -> Result<Self, LoadError> {
        load::parse_set(files)
    }

    /// Loads the directory `dir` (its `*.toml` files, hidden entries skipped).
    pub fn load_dir(dir: &std::path::Path) -> Result<Self, LoadError> {
        Self::from_sources(&read_dir_sources(dir)?)
    }

    /// The answer set compiled into the binary from `responses/`.
    pub fn embedded() -> Result<Self, LoadError> {
        Self::from_sources(&embedded_sources())
    }

    pub(crate) fn new_validated(
        mut answers: Vec<Answer>,
        tables: Tables,
        warnings: Vec<Problem>,
    ) -> Self {
        answers.sort_by(|a, b| a.id.cmp(&b.id));
        let by_id = answers
            .iter()
            .enumerate()
            .map(|(index, answer)| (answer.id.clone(), index))
            .collect();
        Self {
            answers,
            by_id,
            tables,
            warnings,
        }
    }

    /// All answers, sorted by id.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// Number of answers.
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// Whether the set holds no answer.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }

    /// The answer with this id.
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.by_id.get(id).map(|&index| &self.answers[index])
    }

    /// Index of the answer with this id in [`AnswerSet::answers`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The answer shown by `/gfmd <command>`.
    pub fn by_command(&self, command: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|answer| answer.command.as_deref() == Some(command))
    }

    /// Answers that declare a subcommand, sorted by subcommand name.
    pub fn commands(&self) -> Vec<&Answer> {
        let mut with_command: Vec<&Answer> = self
            .answers
            .iter()
            .filter(|answer| answer.command.is_some())
            .collect();
        with_command.sort_by(|a, b| a.command.cmp(&b.command));
        with_command
    }

    /// The synonyms table (English).
    pub fn synonyms(&self) -> &Synonyms {
        &self.tables.synonyms
    }

    /// The text-speak table (English).
    pub fn textspeak(&self) -> &TextSpeak {
        &self.tables.textspeak
    }

    /// The text-speak table of `lang`: `[textspeak]`, `[fr.textspeak]` or `[es.textspeak]`.
    pub fn textspeak_in(&self, lang: Lang) -> &TextSpeak {
        match lang {
            Lang::En => &self.tables.textspeak,
            Lang::Fr => &self.tables.translated_textspeak.fr,
            Lang::Es => &self.tables.translated_textspeak.es,
        }
    }

    /// The synonyms table of `lang`: `[synonyms]`, `[fr.synonyms]` or `[es.synonyms]`.
    pub fn synonyms_in(&self, lang: Lang) -> &Synonyms {
        match lang {
            Lang::En => &self.tables.synonyms,
            Lang::Fr => &self.tables.translated_synonyms.fr,
            Lang::Es => &self.tables.translated_synonyms.es,
        }
    }

    /// How many answers carry a translation into `lang` (all of them for English).
    pub fn translated_count(&self, lang: Lang) -> usize {
        match lang {
            Lang::En => self.answers.len(),
            _ => self
                .answers
                .iter()
                .filter(|answer| answer.translation(lang).is_some())
                .count(),
        }
    }

    /// Non-fatal findings, such as near-duplicate phrasings in two answers or an answer missing a
    /// translation.
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}
