#!/usr/bin/env python3
"""Fits other confidence models on the rows `examples/model_rows.rs` exports, each writer held
out in turn, and grades their probabilities by the crate's own cut-off rule.

    cargo run --release --example model_rows -- export --lang en --pooled /tmp/pooled-en.csv \
        > /tmp/rows-en.csv
    pip install numpy scikit-learn lightgbm forust
    scripts/compare-models.py /tmp/rows-en.csv /tmp/pooled-en.csv

As the crate's fit does (`confidence::fit_cases`), each question weighs one unit, shared by its
readings, and the other languages' questions (the second file, optional) are learnt from too,
each weighing `POOLED_WEIGHT` of one of the language's own; the weights are scaled to a mean of
1.

For each model it writes `<rows>.<model>.csv` (question, writer, in_domain, right, probability
per reading, the probability from a model fitted without that writer) and prints what
`model_rows grade` makes of it: the held-out-writer figures at the cut-offs chosen within the
same limits as the shipped model's. "shipped" grades the exported probabilities themselves.
Dev sets only: the blind sets are never read. Not part of the tests (it needs Python packages
CI does not install); the README's "How well it matches" gives its figures.
"""

import subprocess
import sys
from pathlib import Path

import lightgbm
import numpy as np
from forust import GradientBooster

GRADE = Path(__file__).resolve().parent.parent / "target/release/examples/model_rows"
# `evaluation::POOLED_WEIGHT`: what another language's question weighs against one of the own.
POOLED_WEIGHT = 0.5


class Forust:
    """forust-ml's gradient boosting (the crate of the same name, wrapped for Python)."""

    def __init__(self):
        self.model = GradientBooster(
            objective_type="LogLoss", iterations=300, learning_rate=0.05, max_depth=5,
            max_leaves=15, l2=1.0, min_leaf_weight=4.0, grow_policy="LossGuide", parallel=False,
        )

    def fit(self, x, y, weight):
        self.model.fit(x, y, sample_weight=weight)

    def probability(self, x):
        return 1.0 / (1.0 + np.exp(-self.model.predict(x)))


class LightGbm:
    """LightGBM: leaf-wise trees with row and column subsampling."""

    def __init__(self):
        self.model = lightgbm.LGBMClassifier(
            n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=40,
            subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0,
            random_state=0, verbose=-1,
        )

    def fit(self, x, y, weight):
        self.model.fit(x, y, sample_weight=weight)

    def probability(self, x):
        return self.model.predict_proba(x)[:, 1]


MODELS = {"forust": Forust, "lightgbm": LightGbm}


def shares(rows):
    """Each reading's share of its question's one unit of weight."""
    _, inverse, counts = np.unique(rows[:, 0], return_inverse=True, return_counts=True)
    return 1.0 / counts[inverse]


def fitted(rows):
    """The readings a fit learns from: exact ones are certain and left out, as the crate does,
    and a question without a reading has nothing to learn."""
    x = rows[:, 5:]
    return ~np.isnan(x).any(axis=1) & (x[:, -1] < 0.5)


def held_out(rows, pooled, make):
    """Each reading's probability from a model fitted on the other writers' readings and the
    pooled ones (a question without a reading keeps its 0)."""
    x, right, writer = rows[:, 5:], rows[:, 3], rows[:, 1].astype(int)
    own_fitted, own_weight = fitted(rows), shares(rows)
    pooled_fitted = fitted(pooled)
    pooled_x, pooled_right = pooled[pooled_fitted, 5:], pooled[pooled_fitted, 3]
    pooled_weight = POOLED_WEIGHT * shares(pooled)[pooled_fitted]
    probability = np.where(np.isnan(x).any(axis=1), 0.0, 1.0)
    for one in np.unique(writer):
        training = (writer != one) & own_fitted
        weight = np.concatenate([own_weight[training], pooled_weight])
        model = make()
        model.fit(
            np.concatenate([x[training], pooled_x]),
            np.concatenate([right[training], pooled_right]),
            weight / weight.mean(),
        )
        scored = (writer == one) & own_fitted
        probability[scored] = model.probability(x[scored])
    return probability


def grade(path):
    return subprocess.run([GRADE, "grade", path], capture_output=True, text=True, check=True).stdout


def main():
    source = Path(sys.argv[1])
    rows = np.loadtxt(source, delimiter=",", skiprows=1)
    if len(sys.argv) > 2:
        pooled = np.loadtxt(sys.argv[2], delimiter=",", skiprows=1, ndmin=2)
    else:
        pooled = np.empty((0, rows.shape[1]))
    print("shipped\n" + grade(source))
    for name, make in MODELS.items():
        out = source.with_suffix(f".{name}.csv")
        with open(out, "w") as file:
            for row, probability in zip(rows, held_out(rows, pooled, make)):
                file.write(f"{int(row[0])},{int(row[1])},{int(row[2])},{int(row[3])},{float(probability)!r}\n")
        print(name + "\n" + grade(out), flush=True)


if __name__ == "__main__":
    main()
