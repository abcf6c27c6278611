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
    /// The indices into `words` of the words that each variant (a word, or a word with
    /// characters deleted) is made from.
    variants: VariantTable,
    /// Characters in the longest known word: a longer unknown word cannot be within reach.
    longest: usize,
    /// Maps a consonant skeleton ([`skeleton`]) to indices into `words`.
    skeletons: FxHashMap<String, Vec<u32>>,
}

/// The deletion variants of the known words, each with the indices of the words it is made
/// from; tens of thousands of variants per language.
///
/// A variant is keyed by a 64-bit hash of its text ([`variant_key`]), not by the text: a
/// collision (about one chance in 10^10 per language) could only offer another candidate, which
/// the edit distance then confirms or rejects like any other. The keys are sorted, and a
/// directory indexed by a key's top bits says where the few keys that begin with them lie: a
/// look-up reads two to four neighbouring keys, as a hash table would, in under half the
/// memory of one (12 bytes a variant and 4 a word index, about 0.3 MB a language).
#[derive(Default)]
struct VariantTable {
    /// For each value of a key's top `directory_bits` bits, where the keys that begin with it
    /// start in `keys`; the entry after it says where they end.
    directory: Vec<u32>,
    directory_bits: u32,
    /// Each variant's key, sorted.
    keys: Vec<u64>,
    /// Where each variant's word indices start in `words`; the entry after it says where they
    /// end.
    starts: Vec<u32>,
    /// The word indices of each variant in turn, in word order.
    words: Vec<u32>,
}

impl VariantTable {
    /// The table of `keyed` (variant key, word index) pairs, sorted with no pair twice.
    fn from_sorted(keyed: &[(u64, u32)]) -> Self {
        // Each run of pairs with one key is one variant.
        let variants = || keyed.chunk_by(|a, b| a.0 == b.0);
        // Sized exactly, since the table lives as long as the matcher: grown one key at a time,
        // the lists would keep up to twice the room they need.
        let count = variants().count();
        let mut table = Self {
            words: keyed.iter().map(|&(_, word)| word).collect(),
            keys: Vec::with_capacity(count),
            starts: Vec::with_capacity(count + 1),
            ..Self::default()
        };
        let mut start = 0;
        for variant in variants() {
            table.keys.push(variant[0].0);
            table.starts.push(start as u32);
            start += variant.len();
        }
        table.starts.push(keyed.len() as u32);
        // Two to four keys behind each directory entry.
        table.directory_bits = (usize::BITS - (table.keys.len() / 4).leading_zeros()).max(1);
        let buckets = 1_usize << table.directory_bits;
        table.directory = (0..=buckets)
            .map(|bucket| {
                table
                    .keys
                    .partition_point(|&key| table.bucket_of(key) < bucket) as u32
            })
            .collect();
        table
    }

    /// The directory entry of `key`: its top `directory_bits` bits.
    fn bucket_of(&self, key: u64) -> usize {
        (key >> (u64::BITS - self.directory_bits)) as usize
    }

    /// The indices of the words that the variant of `key` is made from (none when unknown).
    fn words_of(&self, key: u64) -> &[u32] {
        if self.keys.is_empty() {
            return &[];
        }
        let bucket = self.bucket_of(key);
        let (first, end) = (
            self.directory[bucket] as usize,
            self.directory[bucket + 1] as usize,
        );
        match self.keys[first..end]
            .iter()
            .position(|&candidate| candidate == key)
        {
            Some(offset) => {
                let at = first + offset;
                &self.words[self.starts[at] as usize..self.starts[at + 1] as usize]
            }
            None => &[],
        }
    }
}

/// The key of a deletion variant in [`VariantTable`].
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
        corrector.variants = VariantTable::from_sorted(&keyed);
        corrector
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
            for &index in self.variants.words_of(variant_key(variant)) {
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
    fn the_variant_table_finds_each_variant_s_words_and_nothing_else() {
        let mut keyed: Vec<(u64, u32)> = (0..5000_u32)
            .flat_map(|word| {
                [format!("v{word}"), format!("v{}", word / 3)]
                    .map(|text| (variant_key(&text), word))
            })
            .collect();
        keyed.sort_unstable();
        keyed.dedup();
        let table = VariantTable::from_sorted(&keyed);
        for variant in [0_u32, 1, 2, 1666, 4999] {
            let expected: Vec<u32> = (0..5000)
                .filter(|&word| word == variant || word / 3 == variant)
                .collect();
            assert_eq!(
                table.words_of(variant_key(&format!("v{variant}"))),
                expected
            );
        }
        assert!(table.words_of(variant_key("not a variant")).is_empty());
        // 5000 variants "v0" to "v4999": each key once, in lists sized exactly.
        assert_eq!(table.keys.len(), 5000);
        assert_eq!(table.keys.capacity(), table.keys.len());
        assert_eq!(table.starts.capacity(), table.starts.len());
        assert!(VariantTable::default()
            .words_of(variant_key("v1"))
            .is_empty());
        assert!(VariantTable::from_sorted(&[])
            .words_of(variant_key("v1"))
            .is_empty());
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
