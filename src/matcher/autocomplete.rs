//! Prefix lookup for autocomplete: a sorted list of folded keys (titles, each title word onward,
//! commands, ids, keywords) searched by binary search, so a keystroke costs `O(log n)` plus the
//! matches it reads.

use super::normalize::fold;
use crate::answers::AnswerSet;
use crate::locale::Lang;

/// How many prefix matches are read before ranking them, so a one-letter prefix over a large set
/// stays cheap.
const SCAN_LIMIT: usize = 512;

/// Kinds of key, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum KeyKind {
    /// The start of the title, the command or the id.
    Start,
    /// The start of a later word of the title.
    TitleWord,
    /// A keyword.
    Keyword,
}

/// Sorted prefix keys.
pub struct AutocompleteIndex {
    keys: Vec<(String, KeyKind, u32)>,
    /// Answer indices in the order shown for an empty input: answers with a command first, then
    /// by title.
    default_order: Vec<usize>,
}

impl AutocompleteIndex {
    /// Builds the keys of every answer, as English members see it.
    #[cfg(test)]
    pub fn build(set: &AnswerSet) -> Self {
        Self::build_in(set, Lang::En)
    }

    /// Builds the keys of every answer as members reading `lang` see it: its title and keywords
    /// in that language (the English ones for an answer not translated into it: a menu lists
    /// every topic), its id and its command.
    pub fn build_in(set: &AnswerSet, lang: Lang) -> Self {
        let mut keys = Vec::new();
        for (index, answer) in set.answers().iter().enumerate() {
            let index = index as u32;
            let title = squash(&fold(answer.title_in(lang)));
            let mut word_starts = title.match_indices(' ').map(|(at, _)| at + 1);
            keys.push((title.clone(), KeyKind::Start, index));
            for start in word_starts.by_ref() {
                keys.push((title[start..].to_owned(), KeyKind::TitleWord, index));
            }
            keys.push((squash(&fold(&answer.id)), KeyKind::Start, index));
            if let Some(command) = &answer.command {
                keys.push((squash(&fold(command)), KeyKind::Start, index));
            }
            let keywords = answer
                .translation(lang)
                .map_or(&answer.keywords, |translation| &translation.keywords);
            for keyword in keywords {
                keys.push((squash(&fold(keyword)), KeyKind::Keyword, index));
            }
        }
        keys.retain(|(key, _, _)| !key.is_empty());
        keys.sort_unstable();
        let mut default_order: Vec<usize> = (0..set.len()).collect();
        default_order.sort_by_key(|&index| {
            let answer = &set.answers()[index];
            (
                answer.command.is_none(),
                answer.title_in(lang).to_lowercase(),
            )
        });
        Self {
            keys,
            default_order,
        }
    }

    /// Answers whose keys start with `input` (folded), best kind first, at most `limit`.
    pub fn prefix_matches(&self, input: &str, limit: usize) -> Vec<usize> {
        let prefix = squash(&fold(input));
        if prefix.is_empty() {
            return self.default_order.iter().copied().take(limit).collect();
        }
        let start = self
            .keys
            .partition_point(|(key, _, _)| key.as_str() < prefix.as_str());
        let mut hits: Vec<(KeyKind, usize, u32)> = self.keys[start..]
            .iter()
            .take(SCAN_LIMIT)
            .take_while(|(key, _, _)| key.starts_with(&prefix))
            .map(|(key, kind, index)| (*kind, key.len(), *index))
            .collect();
        hits.sort_unstable();
        let mut chosen: Vec<usize> = Vec::with_capacity(limit);
        for (_, _, index) in hits {
            if chosen.len() == limit {
                break;
            }
            let index = index as usize;
            if !chosen.contains(&index) {
                chosen.push(index);
            }
        }
        chosen
    }
}

/// Collapses runs of spaces and trims.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_offers_more_than_the_limit_even_zero() {
        let index = AutocompleteIndex::build(&AnswerSet::embedded().unwrap());
        assert!(index.prefix_matches("i", 0).is_empty());
        assert!(index.prefix_matches("", 0).is_empty());
        assert_eq!(index.prefix_matches("g", 1).len(), 1);
    }
}
