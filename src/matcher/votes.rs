//! The votes of a message's nearest examples: of the [`VOTERS`] dev-set questions worded most
//! like it, how much of their closeness is labelled with each answer, and how much is
//! off-topic.
//!
//! The nearest examples' other figures (`neighbours.rs`) read the *one* closest example of
//! each answer; a near-miss is often worded like one question of an answer and like several
//! off-topic ones. Ten voters, each weighing its cosine squared (a close one counts for much
//! more than a far one), say which way the neighbourhood leans. With the message's length beside
//! them (`matcher::message_length`), held out by writer over seven settings of the trees, the
//! English dev questions answered right went 95.17 → 95.66% and the French 95.58 → 95.87%,
//! silence and wrong answers as they were (BENCHMARKS.md, "The message's length and the nearest
//! examples' votes").

/// How many of the closest examples vote.
pub const VOTERS: usize = 10;

use super::cosines::largest_of;

/// How many cosines [`Nearest::of`] passes over at once when none of them can vote.
const BLOCK: usize = 64;

/// The closest examples of a message, closest first: `(cosine, example)`, each with a cosine
/// above 0; fewer than [`VOTERS`] when fewer examples share a word with it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nearest(Vec<(f32, u32)>);

impl Nearest {
    /// The [`VOTERS`] examples with the largest of `cosines` (by example id) for which
    /// `remembered` holds, the first of equals kept.
    pub fn of(cosines: &[f32], remembered: impl Fn(usize) -> bool) -> Self {
        let mut nearest: Vec<(f32, u32)> = Vec::with_capacity(VOTERS + 1);
        // The least cosine that can still vote: 0 until ten have, then the tenth's. A block
        // whose largest cosine is no more is passed over whole (most are, once ten vote).
        let mut floor = 0.0_f32;
        for (block, slice) in cosines.chunks(BLOCK).enumerate() {
            if largest_of(slice) <= floor {
                continue;
            }
            for (offset, &cosine) in slice.iter().enumerate() {
                let example = block * BLOCK + offset;
                if cosine <= floor || !remembered(example) {
                    continue;
                }
                let at = nearest.partition_point(|(closer, _)| *closer >= cosine);
                nearest.insert(at, (cosine, example as u32));
                nearest.truncate(VOTERS);
                if nearest.len() == VOTERS {
                    floor = nearest[VOTERS - 1].0;
                }
            }
        }
        Self(nearest)
    }

    /// The share of the voters' weight (each one's cosine squared) for each answer, by
    /// `answers_of` each voter's answers (none for an off-topic example), and off-topic's:
    /// `(by answer, off-topic)`, `answers` long; all 0 without voters.
    pub fn shares(
        &self,
        answers: usize,
        answers_of: impl Fn(u32) -> Vec<usize>,
    ) -> (Vec<f32>, f32) {
        let mut by_answer = vec![0.0_f32; answers];
        let mut off_topic = 0.0_f32;
        let total: f32 = self.0.iter().map(|(cosine, _)| cosine * cosine).sum();
        if total <= 0.0 {
            return (by_answer, off_topic);
        }
        for &(cosine, example) in &self.0 {
            let weight = cosine * cosine / total;
            let labels = answers_of(example);
            if labels.is_empty() {
                off_topic += weight;
            }
            for answer in labels {
                if let Some(share) = by_answer.get_mut(answer) {
                    *share += weight;
                }
            }
        }
        (by_answer, off_topic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_remembered_examples_vote_closest_first() {
        let mut cosines = vec![0.0_f32; 30];
        for (example, cosine) in cosines.iter_mut().enumerate() {
            *cosine = example as f32 / 100.0;
        }
        let nearest = Nearest::of(&cosines, |example| example != 29);
        let examples: Vec<u32> = nearest.0.iter().map(|(_, example)| *example).collect();
        assert_eq!(examples, (19..29).rev().collect::<Vec<u32>>());
    }

    #[test]
    fn blocks_passed_over_hide_no_closer_example() {
        // Across several blocks, the closest ten wherever they are: every seventh example
        // closer than the one before it, the others far.
        let cosines: Vec<f32> = (0..1000)
            .map(|example| {
                if example % 7 == 0 {
                    example as f32 / 1000.0
                } else {
                    0.001
                }
            })
            .collect();
        let nearest = Nearest::of(&cosines, |_| true);
        let examples: Vec<u32> = nearest.0.iter().map(|(_, example)| *example).collect();
        let expected: Vec<u32> = (0..1000)
            .rev()
            .filter(|e| e % 7 == 0)
            .take(VOTERS)
            .collect();
        assert_eq!(examples, expected);
    }

    #[test]
    fn examples_sharing_no_word_do_not_vote() {
        let nearest = Nearest::of(&[0.0, 0.5, 0.0], |_| true);
        assert_eq!(nearest.0, vec![(0.5, 1)]);
        let (by_answer, off_topic) = Nearest::of(&[0.0; 4], |_| true).shares(2, |_| vec![0]);
        assert_eq!((by_answer, off_topic), (vec![0.0, 0.0], 0.0));
    }

    #[test]
    fn each_voter_weighs_its_cosine_squared() {
        // Example 0 (answer 1) at 0.6, example 1 (off-topic) at 0.8: 0.36 against 0.64.
        let nearest = Nearest::of(&[0.6, 0.8], |_| true);
        let (by_answer, off_topic) =
            nearest.shares(2, |example| if example == 0 { vec![1] } else { vec![] });
        assert_eq!(by_answer[0], 0.0);
        assert!((by_answer[1] - 0.36).abs() < 1e-6, "{by_answer:?}");
        assert!((off_topic - 0.64).abs() < 1e-6, "{off_topic}");
    }
}
