//! Boosted decision trees: the confidence's model (`confidence.rs`), fitted by forust-ml's
//! gradient boosting and kept here as one flat array of nodes that the fitted files
//! (`fitted.rs`, `fitted_fr.rs`, `fitted_es.rs`) write out as constants.
//!
//! A sum of small trees can combine features as an additive model cannot: "a close example
//! means much when the words also cover the question, little when they do not". Each tree
//! splits on one feature at a time and ends in leaves of log-odds; the model's log-odds are its
//! base plus one leaf of each tree. The shipped model averages seven such sums, one grown at
//! each of [`GROWTHS`], folded into one ([`Trees::averaged`]). The fit is forust-ml's (a Rust
//! implementation of XGBoost-style boosting, deterministic when run on one thread); only its
//! trees are kept, so that the bot reads them without the crate's matrices or allocations.

use std::borrow::Cow;

/// Trees the fit grows at [`CENTRAL`] (each of [`GROWTHS`] says its own). Every message walks
/// the trees of all seven fits, once per reading: 60 trees at a rate of
/// 0.25 did as well held out by writer as 300 at 0.05 (English 87.1% right against 85.8%, French
/// 86.7% against 86.5%), in a fifth of the time.
pub const TREES: usize = 60;
/// Trees walked side by side, step for step.
const LOCKSTEP: usize = 4;
/// How much of each tree's fit is added.
pub const LEARNING_RATE: f32 = 0.25;
/// Most leaves a tree has (grown best split first).
pub const MAX_LEAVES: usize = 15;
/// Deepest a tree grows: the most splits on any path from its root to a leaf. The walk
/// ([`Trees::log_odds`]) takes this many steps in every tree.
pub const MAX_DEPTH: usize = 5;
/// Least weight (sum of p(1 - p) over its readings) a leaf may hold: no leaf for a handful of
/// readings.
pub const MIN_LEAF_WEIGHT: f32 = 4.0;
/// L2 penalty on the leaves' values.
pub const L2: f32 = 1.0;

/// How the fit grows its trees: how many, how much of each is added, and how many leaves each
/// may have.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Growth {
    /// Trees grown.
    pub trees: usize,
    /// How much of each tree's fit is added.
    pub learning_rate: f32,
    /// Most leaves a tree has.
    pub max_leaves: usize,
}

/// The growth at the centre of [`GROWTHS`] (until the shipped confidence averaged them, the one
/// it was grown by).
pub const CENTRAL: Growth = Growth {
    trees: TREES,
    learning_rate: LEARNING_RATE,
    max_leaves: MAX_LEAVES,
};

/// [`CENTRAL`] and six growths near it: the shipped confidence is the mean of the seven sums of
/// trees they grow ([`Trees::averaged`]). One fit's held-out figures move by about a point
/// either way with any change of its rows (over these seven, with the same rows, English held
/// out by writer ranged 85.0-87.1% right before a number before a plural became a count, and
/// 85.7-87.0% after): a change to the matcher is judged on the mean of the seven single fits'
/// figures (`cargo run --release --example fit -- --spread`), not on one fit.
pub const GROWTHS: [Growth; 7] = [
    CENTRAL,
    Growth {
        learning_rate: 0.2,
        ..CENTRAL
    },
    Growth {
        learning_rate: 0.3,
        ..CENTRAL
    },
    Growth {
        trees: 80,
        learning_rate: 0.2,
        ..CENTRAL
    },
    Growth {
        trees: 45,
        learning_rate: 0.3,
        ..CENTRAL
    },
    Growth {
        max_leaves: 12,
        ..CENTRAL
    },
    Growth {
        max_leaves: 20,
        ..CENTRAL
    },
];

impl std::fmt::Display for Growth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} trees, rate {}, {} leaves",
            self.trees, self.learning_rate, self.max_leaves
        )
    }
}

/// One node of a tree: a split on one feature, or a leaf.
///
/// A leaf is a node whose two children are itself, so that the walk can take the same number
/// of steps in every tree without asking where it stands: a step from a leaf stays there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// A split's threshold, or a leaf's log-odds.
    value: f64,
    /// The feature a split reads (an index into the features); 0 for a leaf, which reads it
    /// and stays.
    feature: u8,
    /// Whether a split sends a missing value (NaN) left.
    missing_left: bool,
    /// A split's node for values below the threshold; a leaf's own number.
    left: u16,
    /// A split's node for values at or above the threshold; a leaf's own number.
    right: u16,
}

impl Node {
    /// A split on `feature` at `threshold`: below it to node `left`, else to `right`, a
    /// missing value left when `missing_left`.
    pub const fn split(
        feature: u8,
        threshold: f64,
        left: u16,
        right: u16,
        missing_left: bool,
    ) -> Self {
        Self {
            value: threshold,
            feature,
            missing_left,
            left,
            right,
        }
    }

    /// A leaf of `log_odds` that is node number `at`: both its children are itself.
    pub const fn leaf(log_odds: f64, at: u16) -> Self {
        Self {
            value: log_odds,
            feature: 0,
            missing_left: false,
            left: at,
            right: at,
        }
    }

    /// Whether this is a leaf (a split's two children always differ).
    pub fn is_leaf(&self) -> bool {
        self.left == self.right
    }

    /// The node a step from this one goes to with `features`: a split's child, a leaf itself.
    /// No branch: a NaN compares false both ways, so it goes right only when it is not to go
    /// left.
    #[inline(always)]
    fn step(&self, features: &[f64]) -> usize {
        let value = features[usize::from(self.feature)];
        let right = (value >= self.value) | (value.is_nan() & !self.missing_left);
        usize::from(if right { self.right } else { self.left })
    }

    /// This node as the fitted files write it: the constructor's call (a split names its
    /// feature by its position in `confidence::FEATURE_NAMES`).
    pub fn source(&self) -> String {
        if self.is_leaf() {
            return format!("Node::leaf({}, {}),", literal(self.value), self.left);
        }
        format!(
            "Node::split({}, {}, {}, {}, {}),",
            self.feature,
            literal(self.value),
            self.left,
            self.right,
            self.missing_left
        )
    }
}

/// `value` as a Rust literal that reads back to the same `f64`.
fn literal(value: f64) -> String {
    if value.is_finite() {
        format!("{value:?}")
    } else if value > 0.0 {
        "f64::INFINITY".to_owned()
    } else if value < 0.0 {
        "f64::NEG_INFINITY".to_owned()
    } else {
        "f64::NAN".to_owned()
    }
}

/// A fitted sum of trees: a base, each tree's root, and the trees' nodes, tree after tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Trees {
    /// The log-odds before any tree.
    pub base: f64,
    /// Each tree's root (an index into `nodes`), in the order the trees were fitted.
    pub roots: Cow<'static, [u16]>,
    /// Every tree's nodes; children are indices into this array.
    pub nodes: Cow<'static, [Node]>,
}

impl Trees {
    /// The log-odds of `features`: the base plus, tree by tree in order, the leaf they reach.
    ///
    /// Every tree is walked [`MAX_DEPTH`] steps, a leaf staying where it is, with no branch
    /// on the features: which way a split goes is as good as a coin toss to the processor,
    /// and a wrong guess costs more than the step. With no guess to wait on, it walks
    /// several trees at once.
    pub fn log_odds(&self, features: &[f64]) -> f64 {
        let mut sum = self.base;
        let mut groups = self.roots.chunks_exact(LOCKSTEP);
        for group in groups.by_ref() {
            let mut at: [usize; LOCKSTEP] = std::array::from_fn(|tree| usize::from(group[tree]));
            for _ in 0..MAX_DEPTH {
                for at in &mut at {
                    *at = self.nodes[*at].step(features);
                }
            }
            for at in at {
                sum += self.nodes[at].value;
            }
        }
        for &root in groups.remainder() {
            let mut at = usize::from(root);
            for _ in 0..MAX_DEPTH {
                at = self.nodes[at].step(features);
            }
            sum += self.nodes[at].value;
        }
        sum
    }

    /// How many trees there are.
    pub fn count(&self) -> usize {
        self.roots.len()
    }

    /// The most splits on a path from a root to a leaf, over all trees: at most [`MAX_DEPTH`]
    /// for [`Trees::log_odds`] to reach every leaf.
    pub fn depth(&self) -> usize {
        fn below(nodes: &[Node], at: usize) -> usize {
            let node = nodes[at];
            if node.is_leaf() {
                0
            } else {
                1 + below(nodes, usize::from(node.left)).max(below(nodes, usize::from(node.right)))
            }
        }
        self.roots
            .iter()
            .map(|&root| below(&self.nodes, usize::from(root)))
            .max()
            .unwrap_or(0)
    }

    /// How many splits read each of `features` features, by feature: which ones the trees
    /// lean on.
    pub fn splits_by_feature(&self, features: usize) -> Vec<usize> {
        let mut splits = vec![0; features];
        for node in self.nodes.iter().filter(|node| !node.is_leaf()) {
            if let Some(count) = splits.get_mut(usize::from(node.feature)) {
                *count += 1;
            }
        }
        splits
    }

    /// Fits trees to `(features, right)` rows, every row `columns` features long and weighed
    /// as `weights` says (one weight per row), the trees grown as `growth` says. No trees when
    /// the rows are all right or all wrong (or none): the base alone, the smoothed log-odds of
    /// being right.
    ///
    /// # Panics
    ///
    /// When `weights` is not as long as `rows`, when forust-ml rejects the rows (a NaN label,
    /// which a `bool` cannot be), or when the trees hold more nodes than a `u16` can number.
    pub fn fit_weighted(
        rows: &[(&[f64], bool)],
        weights: &[f64],
        columns: usize,
        growth: Growth,
    ) -> Self {
        assert_eq!(rows.len(), weights.len(), "one weight per row");
        let right = rows.iter().filter(|(_, right)| *right).count();
        if right == 0 || right == rows.len() {
            let wrong = rows.len() - right;
            return Self {
                base: ((right as f64 + 0.5) / (wrong as f64 + 0.5)).ln(),
                roots: Cow::Owned(Vec::new()),
                nodes: Cow::Owned(Vec::new()),
            };
        }
        Self::from_booster(&grow(rows, weights, columns, growth))
    }

    /// Fits one sum of trees for each of `growths` to the same rows (as
    /// [`Trees::fit_weighted`] does, each on a thread of its own) and averages them
    /// ([`Trees::averaged`]). Deterministic: each fit is, and they are averaged in the order of
    /// `growths` whichever finishes first.
    ///
    /// # Panics
    ///
    /// As [`Trees::fit_weighted`] does, or when `growths` is empty.
    pub fn fit_averaged(
        rows: &[(&[f64], bool)],
        weights: &[f64],
        columns: usize,
        growths: &[Growth],
    ) -> Self {
        assert!(!growths.is_empty(), "at least one growth");
        let members: Vec<Trees> = std::thread::scope(|scope| {
            let fits: Vec<_> = growths
                .iter()
                .map(|&growth| {
                    scope.spawn(move || Self::fit_weighted(rows, weights, columns, growth))
                })
                .collect();
            // A fit that panicked panics here with its own message.
            fits.into_iter()
                .map(|fit| {
                    fit.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        Self::averaged(&members)
    }

    /// One sum of trees whose log-odds are the mean of `members`' log-odds: every member's
    /// trees one after the other, each leaf divided by how many members there are, and the
    /// mean of their bases. One fit's probabilities move with any change of its rows or
    /// settings (`GROWTHS`); the mean of several fits moves less, and its held-out
    /// figures are those of a better fit than the mean of theirs (BENCHMARKS.md, "Seven fits
    /// averaged").
    ///
    /// # Panics
    ///
    /// When `members` is empty, or when their nodes are more than a `u16` can number.
    pub fn averaged(members: &[Trees]) -> Self {
        assert!(!members.is_empty(), "at least one member");
        let share = 1.0 / members.len() as f64;
        let mut nodes: Vec<Node> = Vec::new();
        let mut roots = Vec::new();
        for member in members {
            let offset = nodes.len();
            let moved = |at: u16| number(offset + usize::from(at));
            roots.extend(member.roots.iter().map(|&root| moved(root)));
            nodes.extend(member.nodes.iter().map(|node| {
                if node.is_leaf() {
                    Node::leaf(node.value * share, moved(node.left))
                } else {
                    Node {
                        left: moved(node.left),
                        right: moved(node.right),
                        ..*node
                    }
                }
            }));
        }
        Self {
            base: members.iter().map(|member| member.base).sum::<f64>() * share,
            roots: Cow::Owned(roots),
            nodes: Cow::Owned(nodes),
        }
    }

    /// The trees of a fitted booster, in its order.
    ///
    /// # Panics
    ///
    /// When a tree is deeper than [`MAX_DEPTH`], which forust-ml's `max_depth` forbids.
    fn from_booster(booster: &forust_ml::GradientBooster) -> Self {
        let mut nodes = Vec::new();
        let mut roots = Vec::new();
        for fitted in &booster.trees {
            let first = nodes.len();
            roots.push(number(first));
            for (at, node) in fitted.nodes.iter().enumerate() {
                nodes.push(if node.is_leaf {
                    Node::leaf(f64::from(node.weight_value), number(first + at))
                } else {
                    Node::split(
                        u8::try_from(node.split_feature).expect("fewer than 255 features"),
                        node.split_value,
                        number(first + node.left_child),
                        number(first + node.right_child),
                        node.missing_node == node.left_child,
                    )
                });
            }
        }
        let trees = Self {
            base: booster.base_score,
            roots: Cow::Owned(roots),
            nodes: Cow::Owned(nodes),
        };
        assert!(
            trees.depth() <= MAX_DEPTH,
            "forust-ml grew a tree {} splits deep",
            trees.depth()
        );
        trees
    }
}

/// forust-ml's booster fitted to `rows` (some right, some wrong), each weighed as `weights` says,
/// on one thread.
fn grow(
    rows: &[(&[f64], bool)],
    weights: &[f64],
    columns: usize,
    growth: Growth,
) -> forust_ml::GradientBooster {
    use forust_ml::gradientbooster::GrowPolicy;
    use forust_ml::{GradientBooster, Matrix};
    // forust-ml reads a matrix column after column.
    let mut data = vec![0.0; rows.len() * columns];
    for (row, (features, _)) in rows.iter().enumerate() {
        for (column, value) in features.iter().enumerate() {
            data[column * rows.len() + row] = *value;
        }
    }
    let labels: Vec<f64> = rows
        .iter()
        .map(|(_, right)| if *right { 1.0 } else { 0.0 })
        .collect();
    let mut booster = GradientBooster::default()
        .set_iterations(growth.trees)
        .set_learning_rate(growth.learning_rate)
        .set_max_depth(MAX_DEPTH)
        .set_max_leaves(growth.max_leaves)
        .set_l2(L2)
        .set_min_leaf_weight(MIN_LEAF_WEIGHT)
        .set_parallel(false);
    booster.grow_policy = GrowPolicy::LossGuide;
    booster
        .fit(
            &Matrix::new(&data, rows.len(), columns),
            &labels,
            weights,
            None,
        )
        .expect("forust-ml fits any rows of numbers with 0/1 labels");
    booster
}

/// `index` as a node number.
fn number(index: usize) -> u16 {
    u16::try_from(index).expect("the trees hold at most 65536 nodes")
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Trees {
        /// [`Trees::fit_weighted`] with every row weighing alike, grown as shipped.
        fn fit(rows: &[(&[f64], bool)], columns: usize) -> Self {
            Self::fit_weighted(rows, &vec![1.0; rows.len()], columns, CENTRAL)
        }
    }

    /// Rows where being right takes both features high: an interaction no sum of one curve
    /// per feature can draw.
    fn both_high() -> Vec<([f64; 2], bool)> {
        (0..400)
            .map(|i| {
                let x = f64::from(i % 20) / 20.0;
                let y = f64::from(i / 20) / 20.0;
                ([x, y], x > 0.5 && y > 0.5)
            })
            .collect()
    }

    fn as_rows(rows: &[([f64; 2], bool)]) -> Vec<(&[f64], bool)> {
        rows.iter()
            .map(|(features, right)| (&features[..], *right))
            .collect()
    }

    #[test]
    fn the_trees_learn_an_interaction_and_the_fit_is_deterministic() {
        let rows = both_high();
        let trees = Trees::fit(&as_rows(&rows), 2);
        let odds = |x, y| trees.log_odds(&[x, y]);
        assert!(odds(0.9, 0.9) > 2.0, "{}", odds(0.9, 0.9));
        for (x, y) in [(0.9, 0.1), (0.1, 0.9), (0.1, 0.1)] {
            assert!(odds(x, y) < -2.0, "({x}, {y}): {}", odds(x, y));
        }
        assert_eq!(trees.count(), TREES);
        assert_eq!(Trees::fit(&as_rows(&rows), 2), trees);
    }

    #[test]
    fn a_growth_sets_how_many_trees_and_leaves_and_the_first_near_setting_is_shipped() {
        let both_high = both_high();
        let rows = as_rows(&both_high);
        let few = Growth {
            trees: 7,
            max_leaves: 2,
            ..CENTRAL
        };
        let trees = Trees::fit_weighted(&rows, &vec![1.0; rows.len()], 2, few);
        assert_eq!(trees.count(), 7);
        assert!(trees.nodes.iter().filter(|node| node.is_leaf()).count() <= 7 * 2);
        assert_eq!(GROWTHS[0], CENTRAL);
        let ones = vec![1.0; rows.len()];
        assert_eq!(
            Trees::fit_weighted(&rows, &ones, 2, CENTRAL),
            Trees::fit(&rows, 2)
        );
    }

    #[test]
    fn the_kept_trees_score_as_forust_ml_does() {
        let rows = both_high();
        let booster = grow(&as_rows(&rows), &vec![1.0; rows.len()], 2, CENTRAL);
        let trees = Trees::from_booster(&booster);
        let mut probes: Vec<[f64; 2]> = rows.iter().map(|(features, _)| *features).collect();
        probes.extend([[f64::NAN, 0.9], [0.9, f64::NAN], [-1.0, 2.0]]);
        let mut columns = vec![0.0; probes.len() * 2];
        for (row, probe) in probes.iter().enumerate() {
            columns[row] = probe[0];
            columns[probes.len() + row] = probe[1];
        }
        let expected = booster.predict(&forust_ml::Matrix::new(&columns, probes.len(), 2), false);
        for (probe, expected) in probes.iter().zip(expected) {
            assert_eq!(trees.log_odds(probe), expected, "{probe:?}");
        }
    }

    #[test]
    fn rows_all_alike_give_the_base_alone() {
        let all_right = [([0.5, 0.5], true), ([0.2, 0.1], true)];
        let trees = Trees::fit(&as_rows(&all_right), 2);
        assert_eq!(trees.count(), 0);
        assert!(trees.log_odds(&[0.0, 0.0]) > 0.0);
        assert_eq!(Trees::fit(&[], 2).log_odds(&[0.0, 0.0]), 0.0);
    }

    #[test]
    fn averaged_trees_score_the_mean_of_their_members_log_odds() {
        let rows = both_high();
        let weights = vec![1.0; rows.len()];
        let members: Vec<Trees> = GROWTHS[..3]
            .iter()
            .map(|&growth| Trees::fit_weighted(&as_rows(&rows), &weights, 2, growth))
            .collect();
        let averaged = Trees::averaged(&members);
        assert_eq!(
            averaged.count(),
            members.iter().map(Trees::count).sum::<usize>()
        );
        assert!(averaged.depth() <= MAX_DEPTH);
        let mut probes: Vec<[f64; 2]> = rows.iter().map(|(features, _)| *features).collect();
        probes.extend([[f64::NAN, 0.9], [0.9, f64::NAN]]);
        for probe in probes {
            let mean = members.iter().map(|m| m.log_odds(&probe)).sum::<f64>() / 3.0;
            let got = averaged.log_odds(&probe);
            assert!((got - mean).abs() < 1e-9, "{probe:?}: {got} against {mean}");
        }
    }

    #[test]
    fn the_averaged_fit_is_the_average_of_its_fits_in_order_whichever_ends_first() {
        let rows = both_high();
        let weights = vec![1.0; rows.len()];
        let members: Vec<Trees> = GROWTHS
            .iter()
            .map(|&growth| Trees::fit_weighted(&as_rows(&rows), &weights, 2, growth))
            .collect();
        let fitted = Trees::fit_averaged(&as_rows(&rows), &weights, 2, &GROWTHS);
        assert_eq!(fitted, Trees::averaged(&members));
        let one = Trees::fit_averaged(&as_rows(&rows), &weights, 2, &[CENTRAL]);
        assert_eq!(
            one,
            Trees::fit_weighted(&as_rows(&rows), &weights, 2, CENTRAL)
        );
    }
}
