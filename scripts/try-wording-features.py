#!/usr/bin/env python3
"""Tries features of a question's wording beside the confidence's own, outside the crate: each
family is added to the exported features, a model is fitted with each writer held out in turn,
and its probabilities are graded by the crate's own cut-off rule (`model_rows grade`). A family
worth building into the matcher raises the held-out right answers beyond the point a fit moves
with any change of its rows; BENCHMARKS.md gives what each did.

    cargo run --release --example model_rows -- export --lang en \
        --readings /tmp/readings-en.tsv > /tmp/rows-en.csv
    pip install numpy pandas scipy scikit-learn lightgbm
    scripts/try-wording-features.py /tmp/rows-en.csv /tmp/readings-en.tsv [FAMILY,...]

The families (all of them when none is named), each computed for a question from the other
writers' questions only, as the matcher's own examples are:

- `length`: the message's words and characters (logarithms) and whether it has a "?";
- `in_domain`: the probability that the question is in-domain at all, by a logistic regression
  on TF-IDF words, pairs and pieces of words (2-5 letters) fitted on the others' questions;
- `coverage`: the share (and count, up to 4) of the question's content words that neither the
  best answer's text nor two of the others' questions labelled with it hold;
- `off_words`: the most off-topic word of the question (the log ratio of its share of the
  off-topic questions to its share of the in-domain ones) and how many of its words no
  question holds;
- `answer`: the best answer itself, as a category (the trees may learn which answers draw
  near-misses);
- `votes`: of the question's ten nearest questions (cosine of TF-IDF words and pieces), the
  share of the closeness labelled with the best answer, and the share that is off-topic.

Every model here is LightGBM with `scripts/compare-models.py`'s settings, fitted without the
other languages' rows (their readings file would be needed for the new columns): compare a
family with the `base` line this prints, not with the shipped model's figures. Each question
weighs one unit shared by its readings; exact readings are certain and left out, as the crate
does. Dev sets only: the blind sets are never read. Not part of the tests.
"""

import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import lightgbm
import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

ROOT = Path(__file__).resolve().parent.parent
GRADE = ROOT / "target/release/examples/model_rows"
FAMILIES = ["length", "in_domain", "coverage", "off_words", "answer", "votes"]
# Words too common to tell one question from another, and the forum's own name and topic.
COMMON = set(
    "the a an of to in on for and or is are was were be been what who when where why how which "
    "did does do it its this that with by at from as i me my you your we our they their he she "
    "his her can could would should will about any anyone some there here pls please tell "
    "explain hi hey hello ok so just like know get gfmd forum global migration development".split()
)


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower())


def answer_words():
    """Each answer's words: its English title, description, questions and keywords."""
    found = {}
    for path in (ROOT / "responses").glob("*.toml"):
        answer = tomllib.loads(path.read_text())
        if "id" in answer:
            parts = [answer.get("title", ""), answer.get("description", "")]
            parts += answer.get("questions", []) + answer.get("keywords", [])
            found[answer["id"]] = set(words(" ".join(parts)))
    return found


def tfidf(fitted_on):
    by_words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    by_pieces = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    by_words.fit(fitted_on)
    by_pieces.fit(fitted_on)
    return lambda some: hstack([by_words.transform(some), by_pieces.transform(some)]).tocsr()


def question_table(readings):
    """One line per question: writer, labels, text, in question-number order."""
    questions = readings.drop_duplicates("question").set_index("question").sort_index()
    labels = [text.split(",") if text else [] for text in questions["labels"]]
    return questions["writer"].to_numpy(), labels, questions["text"].tolist()


def add_length(rows, readings, _questions):
    texts = readings["text"]
    rows["words"] = np.log1p(texts.str.split().str.len().to_numpy())
    rows["characters"] = np.log1p(texts.str.len().to_numpy())
    rows["question_mark"] = texts.str.contains("?", regex=False).to_numpy(float)
    return ["words", "characters", "question_mark"]


def add_in_domain(rows, readings, questions):
    writer, labels, texts = questions
    in_domain = np.array([bool(one) for one in labels], dtype=int)
    probability = np.zeros(len(texts))
    series = pd.Series(texts)
    for one in np.unique(writer):
        others = writer != one
        vectors = tfidf(series[others])
        model = LogisticRegression(C=10, max_iter=300)
        model.fit(vectors(series[others]), in_domain[others])
        probability[~others] = model.predict_proba(vectors(series[~others]))[:, 1]
    rows["in_domain_wording"] = probability[readings["question"].to_numpy()]
    return ["in_domain_wording"]


def add_counted(rows, readings, questions):
    """`coverage` and `off_words`, which count the others' questions' words."""
    writer, labels, texts = questions
    question_words = [set(words(text)) for text in texts]
    texts_of = answer_words()
    columns = {name: np.zeros(len(rows)) for name in ["uncovered", "uncovered_words", "most_off", "unseen"]}
    reading_writer = readings["writer"].to_numpy()
    for one in np.unique(writer):
        by_answer, in_counts, off_counts = defaultdict(Counter), Counter(), Counter()
        others = np.flatnonzero(writer != one)
        for index in others:
            for answer in labels[index]:
                by_answer[answer].update(question_words[index])
            (in_counts if labels[index] else off_counts).update(question_words[index])
        in_total = sum(1 for index in others if labels[index])
        off_total = len(others) - in_total
        for at in np.flatnonzero(reading_writer == one):
            best = readings["best"].iat[at]
            content = [w for w in question_words[readings["question"].iat[at]] if w not in COMMON and len(w) > 2]
            if best == "-" or not content:
                continue
            uncovered = [w for w in content if w not in texts_of.get(best, ()) and by_answer[best][w] < 2]
            columns["uncovered"][at] = len(uncovered) / len(content)
            columns["uncovered_words"][at] = min(len(uncovered), 4)
            columns["most_off"][at] = max(
                np.log((off_counts[w] + 0.5) / off_total) - np.log((in_counts[w] + 0.5) / in_total)
                for w in content
            )
            columns["unseen"][at] = sum(1 for w in content if in_counts[w] + off_counts[w] == 0)
    for name, values in columns.items():
        rows[name] = values
    return columns


def add_coverage(rows, readings, questions):
    add_counted(rows, readings, questions)
    return ["uncovered", "uncovered_words"]


def add_off_words(rows, readings, questions):
    add_counted(rows, readings, questions)
    return ["most_off", "unseen"]


def add_answer(rows, readings, _questions):
    rows["answer"] = readings["best"].astype("category").cat.codes.to_numpy()
    return ["answer"]


def add_votes(rows, readings, questions):
    writer, labels, texts = questions
    vectors = normalize(tfidf(pd.Series(texts))(pd.Series(texts)))
    closeness = (vectors @ vectors.T).toarray()
    closeness[writer[:, None] == writer[None, :]] = -1.0
    nearest = np.argsort(-closeness, axis=1)[:, :10]
    labelled, off_topic = np.zeros(len(rows)), np.zeros(len(rows))
    for at in range(len(rows)):
        question, best = readings["question"].iat[at], readings["best"].iat[at]
        near = nearest[question]
        weights = np.maximum(closeness[question, near], 0.0) ** 2
        total = weights.sum() + 1e-9
        labelled[at] = sum(w for w, j in zip(weights, near) if best in labels[j]) / total
        off_topic[at] = sum(w for w, j in zip(weights, near) if not labels[j]) / total
    # Named apart from the crate's own `votes` and `votes_off_topic`, which read words only.
    rows["piece_votes"], rows["piece_votes_off_topic"] = labelled, off_topic
    return ["piece_votes", "piece_votes_off_topic"]


def held_out(rows, columns):
    """Each reading's probability from a model fitted on the other writers' readings."""
    exact = rows["exact"].to_numpy() > 0.5
    missing = rows["score"].isna().to_numpy()
    writer = rows["writer"].to_numpy()
    shares = 1.0 / rows.groupby("question")["question"].transform("count").to_numpy()
    probability = np.where(exact, 1.0, 0.0)
    categorical = [name for name in columns if name == "answer"] or "auto"
    for one in np.unique(writer):
        training = (writer != one) & ~exact & ~missing
        weight = shares[training] / shares[training].mean()
        model = lightgbm.LGBMClassifier(
            n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=40,
            subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0,
            random_state=0, verbose=-1,
        )
        model.fit(rows.loc[training, columns], rows["right"][training], sample_weight=weight,
                  categorical_feature=categorical)
        scored = (writer == one) & ~exact & ~missing
        probability[scored] = model.predict_proba(rows.loc[scored, columns])[:, 1]
    return probability


def grade(rows, probability, path):
    out = rows[["question", "writer", "in_domain", "right"]].copy()
    out["probability"] = probability
    out.to_csv(path, index=False)
    return subprocess.run([GRADE, "grade", path], capture_output=True, text=True, check=True).stdout


def main():
    source = Path(sys.argv[1])
    rows = pd.read_csv(source)
    readings = pd.read_csv(sys.argv[2], sep="\t", quoting=3, keep_default_na=False, dtype={"labels": str})
    if len(readings) != len(rows) or (readings["question"].to_numpy() != rows["question"].to_numpy()).any():
        sys.exit("the readings file is not line for line beside the rows: export both at once")
    families = sys.argv[3].split(",") if len(sys.argv) > 3 else FAMILIES
    questions = question_table(readings)
    own = [name for name in rows.columns[5:] if name != "exact"]
    print("base\n" + grade(rows, held_out(rows, own), source.with_suffix(".base.csv")), flush=True)
    added = {}
    for family in families:
        added[family] = globals()["add_" + family](rows, readings, questions)
        columns = own + list(added[family])
        path = source.with_suffix(f".{family}.csv")
        print(family + "\n" + grade(rows, held_out(rows, columns), path), flush=True)
    if len(families) > 1:
        columns = own + [name for family in families for name in added[family]]
        path = source.with_suffix(".all.csv")
        print("all of them\n" + grade(rows, held_out(rows, columns), path), flush=True)


if __name__ == "__main__":
    main()
