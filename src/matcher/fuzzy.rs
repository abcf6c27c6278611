//! Typo tolerance: finds the known word closest to an unknown one with a symmetric-deletion
//! index (SymSpell's idea: every known word is stored under each string made by deleting up to
//! its allowed distance of characters, and a query is looked up the same way), so a lookup costs a
//! few dozen hash probes instead of a scan of the vocabulary. Candidates are confirmed with
//! `strsim`'s Damerau–Levenshtein distance. Words written without their vowels ("happnd",
//! "dvlpmnt") are found by their consonant skeleton.

use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use std::hash::BuildHasher;

/// Shortest unknown word that is corrected; shorter ones are too ambiguous.
pub const MIN_WORD_CHARS: usize = 4;

/// Edit distance allowed for a word of `chars` characters.
pub fn allowed_distance(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Known words and their deletion variants.
#[derive(Default)]
pub struct Corrector {
    words: Vec<String>,
    /// Maps the hash ([`variant_key`]) of a word, or of a word with characters deleted, to its
    /// run of indices into `words` in `variant_words` (start, length). Keys are 64-bit hashes, not
    /// the strings: tens of thousands of variants per language cost a fifth of the memory, and
    /// a collision (about one chance in 10^10 per language) could only offer another candidate,
    /// which the edit distance then confirms or rejects like any other.
    variants: FxHashMap<u64, (u32, u32)>,
    /// The indices into `words` of each variant, one run per variant, in word order.
    variant_words: Vec<u32>,
    /// Characters in the longest known word: a longer unknown word cannot be within reach.
    longest: usize,
    /// Maps a consonant skeleton ([`skeleton`]) to indices into `words`.
    skeletons: FxHashMap<String, Vec<u32>>,
}

/// The key of a deletion variant in [`Corrector`]'s table.
fn variant_key(variant: &str) -> u64 {
    FxBuildHasher.hash_one(variant)
}

/// Fewest consonants a skeleton must keep for a word without vowels to be looked up by it.
const MIN_SKELETON_CHARS: usize = 3;

/// The first letter of `word` and its later letters that are not vowels, doubled letters
/// written once: "happened" -> "hpnd", "order" -> "ordr".
fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous = None;
    for (at, c) in word.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if (at == 0 || !vowel) && previous != Some(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// Whether `short` is `long` with some of its letters left out, in order.
fn is_subsequence(short: &str, long: &str) -> bool {
    let mut letters = long.chars();
    short.chars().all(|c| letters.any(|l| l == c))
}

impl Corrector {
    /// Indexes `words` (duplicates are ignored).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> Self {
        let mut corrector = Self::default();
        let mut seen = FxHashSet::default();
        let mut keyed: Vec<(u64, u32)> = Vec::new();
        for word in words {
            if word.chars().count() < MIN_WORD_CHARS || !seen.insert(word.as_str()) {
                continue;
            }
            let index = corrector.words.len() as u32;
            corrector.words.push(word.clone());
            corrector.longest = corrector.longest.max(word.chars().count());
            each_deletion(word, allowed_distance(word.chars().count()), |variant| {
                keyed.push((variant_key(variant), index));
            });
            corrector
                .skeletons
                .entry(skeleton(word))
                .or_default()
                .push(index);
        }
        // A word with a doubled letter reaches a variant twice: each index is kept once.
        keyed.sort_unstable();
        keyed.dedup();
        corrector.variant_words = keyed.iter().map(|&(_, index)| index).collect();
        corrector.variants.reserve(keyed.len());
        for (start, &(key, _)) in keyed.iter().enumerate() {
            corrector
                .variants
                .entry(key)
                .and_modify(|(_, length)| *length += 1)
                .or_insert((start as u32, 1));
        }
        corrector.variants.shrink_to_fit();
        corrector
    }

    /// The indices into `words` of the words that `variant` is a deletion variant of.
    fn candidates_of(&self, variant: &str) -> &[u32] {
        match self.variants.get(&variant_key(variant)) {
            Some(&(start, length)) => {
                &self.variant_words[start as usize..(start + length) as usize]
            }
            None => &[],
        }
    }

    /// The known word that `word` is written without some of its vowels (or doubled letters),
    /// shortest first, then alphabetical.
    fn without_vowels(&self, word: &str) -> Option<&str> {
        let key = skeleton(word);
        if key.chars().count() < MIN_SKELETON_CHARS {
            return None;
        }
        self.skeletons
            .get(&key)?
            .iter()
            .map(|&index| self.words[index as usize].as_str())
            .filter(|candidate| candidate.len() > word.len() && is_subsequence(word, candidate))
            .min_by_key(|candidate| (candidate.len(), *candidate))
    }

    /// The closest known word to `word` within [`allowed_distance`], preferring the smaller
    /// distance, then the longer common prefix, then alphabetical order (so results are stable).
    pub fn correct(&self, word: &str) -> Option<&str> {
        let chars = word.chars().count();
        if chars < MIN_WORD_CHARS {
            return None;
        }
        let allowed = allowed_distance(chars);
        // Deleting `allowed` characters cannot bring a longer word down to a known one; and the
        // deletion variants of a long word grow with the cube of its length (a 1000-letter
        // "word" took seconds and gigabytes).
        if chars > self.longest + allowed {
            return None;
        }
        let mut best: Option<(usize, usize, &str)> = None;
        // A variant reached twice only weighs its candidates again: the best is the same.
        each_deletion(word, allowed, |variant| {
            for &index in self.candidates_of(variant) {
                let candidate = self.words[index as usize].as_str();
                let distance = strsim::damerau_levenshtein(word, candidate);
                if distance > allowed {
                    continue;
                }
                let prefix = common_prefix(word, candidate);
                let key = (distance, usize::MAX - prefix, candidate);
                if best.is_none_or(|current| key < current) {
                    best = Some(key);
                }
            }
        });
        best.map(|(_, _, candidate)| candidate)
            .or_else(|| self.without_vowels(word))
    }
}

/// Shortest part a run-together word may be split into.
const MIN_COMPOUND_PART_CHARS: usize = 3;

/// Splits a word that is two known words run together ("policymakers" -> "policy", "makers"),
/// trying the longest first part first.
pub fn split_compound<'a>(word: &'a str, known: &FxHashSet<String>) -> Option<(&'a str, &'a str)> {
    let chars = word.chars().count();
    if chars < 2 * MIN_COMPOUND_PART_CHARS {
        return None;
    }
    word.char_indices()
        .skip(MIN_COMPOUND_PART_CHARS)
        .take(chars + 1 - 2 * MIN_COMPOUND_PART_CHARS)
        .map(|(at, _)| word.split_at(at))
        .filter(|(left, right)| known.contains(*left) && known.contains(*right))
        .last()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Shows `visit` `word` itself and every string made by deleting up to `depth` of its
/// characters, in one reused buffer (no allocation per variant). A string that two sets of
/// deletions make ("mesage" from "message") is shown once for each.
fn each_deletion(word: &str, depth: usize, mut visit: impl FnMut(&str)) {
    /// Shows the word without the `deleted` positions, then with one more deleted after them.
    fn walk(
        chars: &[char],
        depth: usize,
        deleted: &mut Vec<usize>,
        buffer: &mut String,
        visit: &mut dyn FnMut(&str),
    ) {
        buffer.clear();
        buffer.extend(
            chars
                .iter()
                .enumerate()
                .filter(|(at, _)| !deleted.contains(at))
                .map(|(_, c)| c),
        );
        visit(buffer);
        if deleted.len() == depth {
            return;
        }
        let next = deleted.last().map_or(0, |last| last + 1);
        for at in next..chars.len() {
            deleted.push(at);
            walk(chars, depth, deleted, buffer, visit);
            deleted.pop();
        }
    }
    let chars: Vec<char> = word.chars().collect();
    let mut buffer = String::with_capacity(word.len());
    walk(
        &chars,
        depth,
        &mut Vec::with_capacity(depth),
        &mut buffer,
        &mut visit,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrector(words: &[&str]) -> Corrector {
        let owned: Vec<String> = words.iter().map(|word| word.to_string()).collect();
        Corrector::new(&owned)
    }

    #[test]
    fn corrects_one_typo_in_a_short_word_and_two_in_a_long_one() {
        let known = corrector(&["objectives", "brussels", "cairo", "secretary"]);
        assert_eq!(known.correct("objetives"), Some("objectives"));
        assert_eq!(known.correct("brussles"), Some("brussels"));
        assert_eq!(known.correct("cario"), Some("cairo"));
        assert_eq!(known.correct("secertery"), Some("secretary"));
        assert_eq!(known.correct("sxkrxtory"), None);
    }

    #[test]
    fn a_word_written_without_its_vowels_is_found() {
        let known = corrector(&["happened", "development", "order", "objectives"]);
        assert_eq!(known.correct("happnd"), Some("happened"));
        assert_eq!(known.correct("dvlpmnt"), Some("development"));
        assert_eq!(known.correct("ordr"), Some("order"));
        assert_eq!(known.correct("appnd"), None, "the first letter stays");
        assert_eq!(known.correct("dv"), None, "too short");
    }

    #[test]
    fn a_word_longer_than_any_known_word_is_left_alone_at_once() {
        let known = corrector(&["objectives", "brussels"]);
        assert_eq!(known.correct("objectivesxx"), Some("objectives"));
        assert_eq!(known.correct("objectivesxxx"), None);
        assert_eq!(known.correct(&"objectives".repeat(100)), None);
    }

    #[test]
    fn splits_two_known_words_run_together() {
        let known: FxHashSet<String> = ["policy", "makers", "high", "level", "non", "binding"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            split_compound("policymakers", &known),
            Some(("policy", "makers"))
        );
        assert_eq!(split_compound("highlevel", &known), Some(("high", "level")));
        assert_eq!(
            split_compound("nonbinding", &known),
            Some(("non", "binding"))
        );
        assert_eq!(split_compound("minecraft", &known), None);
        assert_eq!(split_compound("policy", &known), None);
    }

    #[test]
    fn every_deletion_is_shown() {
        let mut seen = Vec::new();
        each_deletion("abc", 2, |variant| seen.push(variant.to_owned()));
        seen.sort();
        assert_eq!(seen, ["a", "ab", "abc", "ac", "b", "bc", "c"]);
        let mut none = Vec::new();
        each_deletion("abc", 0, |variant| none.push(variant.to_owned()));
        assert_eq!(none, ["abc"]);
    }

    #[test]
    fn leaves_short_and_distant_words_alone() {
        let known = corrector(&["visa", "gfmd"]);
        assert_eq!(known.correct("gfm"), None);
        assert_eq!(known.correct("weather"), None);
    }
}
