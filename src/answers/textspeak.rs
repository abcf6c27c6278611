//! The text-speak tables, `responses/textspeak.toml`: how members abbreviate and respell words
//! ("wat", "u", "b4", "w/", "&"), each with the plain words it stands for — `[textspeak]` for
//! English, `[fr.textspeak]` ("pk", "qd", "bcp") and `[es.textspeak]` ("xq", "tmb", "porfa") for
//! French and Spanish, each checked by the same rules within its language. Moderators extend
//! them; the matcher reads questions in each language through its own table (answers are written
//! in full and are not).

use super::{Position, Problem, SourceFile, Synonyms};
use crate::locale::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

/// Name of the text-speak file inside the responses directory.
pub const TEXTSPEAK_FILE: &str = "textspeak.toml";

/// The text-speak table: each written form with the plain words it stands for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSpeak {
    /// `(written, plain)` pairs in file order, both lowercase: `("wat", "what")`,
    /// `("w/", "with")`, `("idk", "i dont know")`.
    pub entries: Vec<(String, String)>,
}

/// The text-speak tables of the French and Spanish questions: `[fr.textspeak]` and
/// `[es.textspeak]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TranslatedTextSpeak {
    /// French entries.
    pub fr: TextSpeak,
    /// Spanish entries.
    pub es: TextSpeak,
}

/// One language's table as read, with where its keys stand, for checks against the synonyms.
#[derive(Debug, Clone)]
pub(super) struct ParsedTextSpeak {
    pub(super) table: TextSpeak,
    /// The position of each entry's key, in the order of `table.entries`.
    positions: Vec<Position>,
    file: String,
    /// `""` for English, `"[fr.textspeak] "` or `"[es.textspeak] "`: opens every message.
    prefix: String,
}

/// Every table of `textspeak.toml`, as read.
#[derive(Debug, Clone)]
pub(super) struct ParsedTables {
    /// `[textspeak]`.
    pub(super) english: ParsedTextSpeak,
    /// `[fr.textspeak]`.
    pub(super) fr: ParsedTextSpeak,
    /// `[es.textspeak]`.
    pub(super) es: ParsedTextSpeak,
}

impl ParsedTables {
    /// Each language with its table.
    pub(super) fn by_language(&self) -> [(Lang, &ParsedTextSpeak); 3] {
        [
            (Lang::En, &self.english),
            (Lang::Fr, &self.fr),
            (Lang::Es, &self.es),
        ]
    }

    /// The French and Spanish tables.
    pub(super) fn translated(&self) -> TranslatedTextSpeak {
        TranslatedTextSpeak {
            fr: self.fr.table.clone(),
            es: self.es.table.clone(),
        }
    }
}

type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTextSpeak {
    #[serde(default)]
    textspeak: RawTable,
    fr: Option<RawTranslatedTextSpeak>,
    es: Option<RawTranslatedTextSpeak>,
}

/// `[fr.textspeak]` or `[es.textspeak]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslatedTextSpeak {
    #[serde(default)]
    textspeak: RawTable,
}

/// What a key may be: one word of letters and digits ("wat", "b4"), or one run of symbols with
/// letters ("w/", "b/c", "&", "+"). No spaces.
fn key_problem(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        Some("a text-speak key must not be empty")
    } else if key.chars().any(char::is_whitespace) {
        Some("a text-speak key must be one word or symbol, without spaces")
    } else {
        None
    }
}

/// Parses `textspeak.toml`: a `[textspeak]` table of `written = "plain words"` for English, and
/// `[fr.textspeak]` and `[es.textspeak]` for French and Spanish, each under the same rules.
pub(super) fn parse_textspeak(file: &SourceFile) -> Result<ParsedTables, Vec<Problem>> {
    let raw: RawTextSpeak = toml::from_str(&file.text)
        .map_err(|error| vec![Problem::from_toml(&file.name, &file.text, &error)])?;
    let empty = RawTable::new();
    let mut problems = Vec::new();
    let mut table = |raw: &RawTable, prefix: &str| {
        let (parsed, mut found) = parse_table(file, raw, prefix);
        problems.append(&mut found);
        parsed
    };
    let tables = ParsedTables {
        english: table(&raw.textspeak, ""),
        fr: table(
            raw.fr.as_ref().map_or(&empty, |fr| &fr.textspeak),
            "[fr.textspeak] ",
        ),
        es: table(
            raw.es.as_ref().map_or(&empty, |es| &es.textspeak),
            "[es.textspeak] ",
        ),
    };
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(problems)
    }
}

/// One language's table, and its problems, each message opened by `prefix`.
fn parse_table(file: &SourceFile, raw: &RawTable, prefix: &str) -> (ParsedTextSpeak, Vec<Problem>) {
    let mut entries: Vec<_> = raw.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    let mut problems = Vec::new();
    let mut parsed = ParsedTextSpeak {
        table: TextSpeak::default(),
        positions: Vec::new(),
        file: file.name.clone(),
        prefix: prefix.to_owned(),
    };
    for (key, value) in entries {
        let position = Position::at(&file.text, key.span().start);
        let mut problem = |message: String| {
            problems.push(Problem::at(
                &file.name,
                position,
                format!("{prefix}{message}"),
            ))
        };
        let written = key.get_ref().trim().to_lowercase();
        if let Some(why) = key_problem(&written) {
            problem(format!("`{}`: {why}", key.get_ref()));
            continue;
        }
        let Some(plain) = value.get_ref().as_str() else {
            problem(format!(
                "text-speak `{written}` must be a string of plain words"
            ));
            continue;
        };
        let plain = plain.trim().to_lowercase();
        if !plain.chars().any(char::is_alphanumeric) {
            problem(format!("text-speak `{written}` has no plain words"));
            continue;
        }
        if plain == written {
            problem(format!("text-speak `{written}` stands for itself"));
            continue;
        }
        parsed.table.entries.push((written, plain));
        parsed.positions.push(position);
    }
    problems.extend(parsed.chained());
    (parsed, problems)
}

impl ParsedTextSpeak {
    /// An entry whose plain words hold another key ("ya" = "u"): the table is read once, so
    /// the plain words must be plain.
    fn chained(&self) -> Vec<Problem> {
        let keys: HashMap<&str, usize> = self
            .table
            .entries
            .iter()
            .enumerate()
            .map(|(at, (written, _))| (written.as_str(), at))
            .collect();
        let mut problems = Vec::new();
        for ((written, plain), position) in self.table.entries.iter().zip(&self.positions) {
            if let Some(word) = plain
                .split_whitespace()
                .find(|word| keys.contains_key(word))
            {
                problems.push(Problem::at(
                    &self.file,
                    *position,
                    format!(
                        "{}text-speak `{written}` stands for `{plain}`, but `{word}` is \
                         text-speak too: write the plain word",
                        self.prefix
                    ),
                ));
            }
        }
        problems
    }

    /// Keys that are also a word or phrase of the synonyms table: the two tables would read
    /// the word two ways, so it belongs in one of them.
    pub(super) fn against_synonyms(&self, synonyms: &Synonyms) -> Vec<Problem> {
        let mut listed: HashMap<&str, &str> = HashMap::new();
        for (canonical, alternatives) in &synonyms.groups {
            for term in std::iter::once(canonical).chain(alternatives) {
                listed.insert(term.as_str(), canonical.as_str());
            }
        }
        self.table
            .entries
            .iter()
            .zip(&self.positions)
            .filter_map(|((written, _), position)| {
                let canonical = listed.get(written.as_str())?;
                Some(Problem::at(
                    &self.file,
                    *position,
                    format!(
                        "{}text-speak `{written}` is also in the synonyms table (under \
                         `{canonical}`): list it in one table only",
                        self.prefix
                    ),
                ))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<TextSpeak, Vec<String>> {
        parse_textspeak(&SourceFile::new("responses/textspeak.toml", text))
            .map(|parsed| parsed.english.table)
            .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn entries_are_read_in_file_order_and_lowercased() {
        let table =
            parse("[textspeak]\nWat = \"What\"\n\"w/\" = \"with\"\nidk = \"i dont know\"\n")
                .unwrap();
        assert_eq!(
            table.entries,
            [
                ("wat".to_owned(), "what".to_owned()),
                ("w/".to_owned(), "with".to_owned()),
                ("idk".to_owned(), "i dont know".to_owned()),
            ]
        );
    }
}
