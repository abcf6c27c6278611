//! The order of the nearest-example memory's examples ([`super::neighbours`]): by answer, so
//! that the closest example of each answer is the largest of one slice of cosines.
//!
//! Most examples carry one label. Many of the others carry two that go together ("the Cairo
//! conference" and "its Chapter X"). The answers are chained so that the pairs shared by the
//! most examples are neighbours in the chain, and an example labelled with such a pair sits
//! where the two answers' slices meet, in both. Only an example whose labels are not
//! neighbours in the chain is looked up on its own for its further labels.

use std::collections::BTreeMap;
use std::ops::Range;

/// Where each example goes, and each answer's slice of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The examples in their new order: the example numbered `id` is the `order[id]`th given.
    pub order: Vec<usize>,
    /// Each answer's slice of example ids (by answer index).
    pub by_answer: Vec<Range<usize>>,
    /// The off-topic examples' ids (the last ones).
    pub off_topic: Range<usize>,
    /// For each answer index, the ids of the examples labelled with it outside its slice.
    pub further_labels: Vec<Vec<u32>>,
}

/// Lays out examples given by their labels (answer indexes below `answer_count`; none for an
/// off-topic example). Within an answer's slice, examples keep the order given.
pub fn lay_out(labels: &[&[usize]], answer_count: usize) -> Layout {
    let chains = chain_answers(labels, answer_count);
    let mut next_in_chain = vec![None; answer_count];
    for chain in &chains {
        for pair in chain.windows(2) {
            next_in_chain[pair[0]] = Some(pair[1]);
        }
    }
    // The pair an example shares, as (earlier, later) in the chain, when it has one.
    let shared_pair = |example: &[usize]| match *example {
        [a, b] if next_in_chain[a] == Some(b) => Some((a, b)),
        [a, b] if next_in_chain[b] == Some(a) => Some((b, a)),
        _ => None,
    };
    let mut own: Vec<Vec<usize>> = vec![Vec::new(); answer_count];
    let mut shared: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    let mut off_topic_examples = Vec::new();
    for (index, example) in labels.iter().enumerate() {
        match (example.first(), shared_pair(example)) {
            (None, _) => off_topic_examples.push(index),
            (Some(_), Some(pair)) => shared.entry(pair).or_default().push(index),
            (Some(&first), None) => own[first].push(index),
        }
    }
    let mut order = Vec::with_capacity(labels.len());
    let mut by_answer = vec![0..0; answer_count];
    let mut further_labels = vec![Vec::new(); answer_count];
    for chain in &chains {
        let mut shared_with_previous = None;
        for (at, &answer) in chain.iter().enumerate() {
            let start = shared_with_previous.unwrap_or(order.len());
            // Only an answer's own examples can carry labels outside its slice.
            for &index in &own[answer] {
                for &more in labels[index].iter().skip(1) {
                    further_labels[more].push(order.len() as u32);
                }
                order.push(index);
            }
            shared_with_previous = chain.get(at + 1).map(|&next| {
                let start = order.len();
                order.extend(shared.get(&(answer, next)).into_iter().flatten());
                start
            });
            by_answer[answer] = start..order.len();
        }
    }
    let off_topic = order.len()..order.len() + off_topic_examples.len();
    order.extend(off_topic_examples);
    Layout {
        order,
        by_answer,
        off_topic,
        further_labels,
    }
}

/// Every answer once, in chains: the pairs of answers shared by the most two-label examples are
/// joined first, each answer joined to two at most and no chain closed into a ring.
fn chain_answers(labels: &[&[usize]], answer_count: usize) -> Vec<Vec<usize>> {
    let mut pairs: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for example in labels {
        if let [a, b] = **example {
            if a != b {
                *pairs.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let mut by_count: Vec<((usize, usize), usize)> = pairs.into_iter().collect();
    by_count.sort_by(|(pair_a, count_a), (pair_b, count_b)| {
        count_b.cmp(count_a).then(pair_a.cmp(pair_b))
    });
    let mut joined: Vec<Vec<usize>> = vec![Vec::new(); answer_count];
    let mut chain_of: Vec<usize> = (0..answer_count).collect();
    for ((a, b), _) in by_count {
        let (chain_a, chain_b) = (root(&mut chain_of, a), root(&mut chain_of, b));
        if joined[a].len() < 2 && joined[b].len() < 2 && chain_a != chain_b {
            joined[a].push(b);
            joined[b].push(a);
            chain_of[chain_a] = chain_b;
        }
    }
    let mut placed = vec![false; answer_count];
    let mut chains = Vec::new();
    for start in 0..answer_count {
        if placed[start] || joined[start].len() > 1 {
            continue;
        }
        let mut chain = vec![start];
        placed[start] = true;
        while let Some(&next) = joined[*chain.last().expect("a start")]
            .iter()
            .find(|next| !placed[**next])
        {
            placed[next] = true;
            chain.push(next);
        }
        chains.push(chain);
    }
    chains
}

/// The chain that `answer` belongs to (union-find, halving the path as it goes).
fn root(chain_of: &mut [usize], mut answer: usize) -> usize {
    while chain_of[answer] != answer {
        chain_of[answer] = chain_of[chain_of[answer]];
        answer = chain_of[answer];
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each answer's examples, by the labels given, as the layout finds them: its slice, and
    /// the further labels outside it.
    fn examples_of(layout: &Layout, answer: usize) -> Vec<usize> {
        let mut examples: Vec<usize> = layout.by_answer[answer]
            .clone()
            .chain(layout.further_labels[answer].iter().map(|&id| id as usize))
            .map(|id| layout.order[id])
            .collect();
        examples.sort_unstable();
        examples
    }

    #[test]
    fn every_answer_finds_exactly_its_examples() {
        let labels: Vec<&[usize]> = vec![
            &[0],
            &[1, 0],
            &[],
            &[2],
            &[0, 1],
            &[1, 2],
            &[2, 0],
            &[0, 1, 2],
            &[3, 1],
            &[1],
            &[],
        ];
        let layout = lay_out(&labels, 4);
        let mut sorted = layout.order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..labels.len()).collect::<Vec<_>>());
        for answer in 0..4 {
            let expected: Vec<usize> = (0..labels.len())
                .filter(|&index| labels[index].contains(&answer))
                .collect();
            assert_eq!(examples_of(&layout, answer), expected, "answer {answer}");
        }
        let off_topic: Vec<usize> = layout
            .off_topic
            .clone()
            .map(|id| layout.order[id])
            .collect();
        assert_eq!(off_topic, vec![2, 10]);
    }

    #[test]
    fn the_commonest_pair_shares_its_examples_instead_of_looking_them_up() {
        // Two examples for 0 and 1, one for 1 and 2, one for 0 and 2: the chain can hold two
        // of the three pairs, and must hold the commonest.
        let labels: Vec<&[usize]> = vec![&[0, 1], &[1, 0], &[1, 2], &[0, 2]];
        let layout = lay_out(&labels, 3);
        let looked_up: usize = layout.further_labels.iter().map(Vec::len).sum();
        assert_eq!(looked_up, 1, "{layout:?}");
        let zero = layout.by_answer[0].clone();
        let one = layout.by_answer[1].clone();
        assert_eq!(zero.clone().filter(|id| one.contains(id)).count(), 2);
    }

    #[test]
    fn chains_never_close_into_a_ring() {
        let labels: Vec<&[usize]> = vec![&[0, 1], &[1, 2], &[2, 0], &[2, 0]];
        let chains = chain_answers(&labels, 3);
        assert_eq!(chains.len(), 1);
        let mut answers = chains[0].clone();
        answers.sort_unstable();
        assert_eq!(answers, vec![0, 1, 2]);
    }
}
