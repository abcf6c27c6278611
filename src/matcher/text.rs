//! The texts of one answer that a matcher reads, in one language: for English the answer itself
//! (title, subcommand, id, questions, keywords, description, fields); for French or Spanish its
//! translation (title, questions, keywords, description, fields), and nothing at all when it has
//! none. A French matcher never reads English text, so a French question is never matched to an
//! answer that only English speakers could read.

use crate::answers::{Answer, AnswerSet, Field};
use crate::locale::Lang;

/// What a matcher reads of one answer in one language.
#[derive(Debug, Clone, Copy)]
pub struct AnswerText<'a> {
    /// The title.
    pub title: &'a str,
    /// The `/gfmd` subcommand (English only: subcommand names are English).
    pub command: Option<&'a str>,
    /// The answer's id (English only: ids are English words).
    pub id: Option<&'a str>,
    /// The phrasings of the question it answers.
    pub questions: &'a [String],
    /// Its keywords.
    pub keywords: &'a [String],
    /// The body.
    pub description: &'a str,
    /// The embed fields.
    pub fields: &'a [Field],
}

impl<'a> AnswerText<'a> {
    /// What a matcher for `lang` reads of `answer`; `None` when it has no translation into it.
    pub fn of(answer: &'a Answer, lang: Lang) -> Option<Self> {
        if lang == Lang::En {
            return Some(Self {
                title: &answer.title,
                command: answer.command.as_deref(),
                id: Some(&answer.id),
                questions: &answer.questions,
                keywords: &answer.keywords,
                description: &answer.description,
                fields: &answer.fields,
            });
        }
        let translation = answer.translation(lang)?;
        Some(Self {
            title: &translation.title,
            command: None,
            id: None,
            questions: &translation.questions,
            keywords: &translation.keywords,
            description: &translation.description,
            fields: &translation.fields,
        })
    }

    /// Every answer of `set` in `lang`, in the set's order (`None` for one not translated).
    pub fn all(set: &'a AnswerSet, lang: Lang) -> Vec<Option<Self>> {
        set.answers()
            .iter()
            .map(|answer| Self::of(answer, lang))
            .collect()
    }

    /// The title, questions and keywords: what members' questions are compared with.
    pub fn phrasings(&self) -> impl Iterator<Item = &'a str> {
        std::iter::once(self.title)
            .chain(self.questions.iter().map(String::as_str))
            .chain(self.keywords.iter().map(String::as_str))
    }

    /// The description and the fields' names and values.
    pub fn body(&self) -> impl Iterator<Item = &'a str> {
        std::iter::once(self.description).chain(
            self.fields
                .iter()
                .flat_map(|field| [field.name.as_str(), field.value.as_str()]),
        )
    }
}
