//! The phrasings the answers list, by their folded words, so that a message that is word for
//! word one of them (a moderator's "Add as phrasing" of a member's question, say) is known to be
//! certain for the one answer that lists it, however the analyzer reads its words.

use super::language::Language;
use super::normalize::fold_in;
use super::text::AnswerText;
use std::collections::HashMap;

/// Listed phrasings by folded text: the index of the one answer listing it, or `None` when
/// several answers list the same words.
#[derive(Debug, Default)]
pub struct ListedPhrasings {
    by_text: HashMap<String, Option<usize>>,
    language: Option<&'static Language>,
}

impl ListedPhrasings {
    /// Collects the `questions` of `texts` (in answer index order; `None` for an answer not in
    /// this language), folded by `language`.
    pub fn new(texts: &[Option<AnswerText<'_>>], language: &'static Language) -> Self {
        let mut by_text: HashMap<String, Option<usize>> = HashMap::new();
        for (index, text) in texts.iter().enumerate() {
            let Some(text) = text else { continue };
            for question in text.questions {
                let key = key(question, language);
                if key.is_empty() {
                    continue;
                }
                by_text
                    .entry(key)
                    .and_modify(|listed| {
                        if *listed != Some(index) {
                            *listed = None;
                        }
                    })
                    .or_insert(Some(index));
            }
        }
        Self {
            by_text,
            language: Some(language),
        }
    }

    /// The one answer that lists `message` word for word (case, accents and punctuation aside).
    pub fn answer_listing(&self, message: &str) -> Option<usize> {
        let language = self.language?;
        self.by_text.get(&key(message, language)).copied().flatten()
    }
}

/// The folded words of `text`, one space apart.
fn key(text: &str, language: &Language) -> String {
    fold_in(text, language)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::language::ENGLISH;

    fn text<'a>(questions: &'a [String]) -> Option<AnswerText<'a>> {
        Some(AnswerText {
            title: "",
            command: None,
            id: None,
            questions,
            keywords: &[],
            description: "",
            fields: &[],
        })
    }

    #[test]
    fn a_message_word_for_word_a_listed_phrasing_names_its_answer() {
        let first = vec!["Which country chairs the GFMD this year?".to_owned()];
        let second = vec!["What is the GFMD?".to_owned(), "Shared one".to_owned()];
        let third = vec!["shared ONE!".to_owned()];
        let texts = [text(&first), None, text(&second), text(&third)];
        let listed = ListedPhrasings::new(&texts, &ENGLISH);
        assert_eq!(
            listed.answer_listing("which country  chairs the gfmd this year"),
            Some(0)
        );
        assert_eq!(listed.answer_listing("What is the GFMD"), Some(2));
        assert_eq!(listed.answer_listing("what is the gfmd about"), None);
        assert_eq!(
            listed.answer_listing("shared one"),
            None,
            "two answers list it"
        );
        assert_eq!(listed.answer_listing("   "), None);
        assert_eq!(
            ListedPhrasings::default().answer_listing("What is the GFMD"),
            None
        );
    }
}
