//! Measuring the bot on labelled questions: the dev set it is tuned on ([`DEV_SET_FILES`]) and
//! the blind sets it is never tuned on (`tests/blind/*.tsv`); and fitting the matcher's
//! confidence on the dev set ([`fit_confidence`], the text of `src/matcher/fitted.rs`). Pure:
//! labelled text and a [`Knowledge`] in, figures out.
//!
//! A labelled line is `expected<TAB>question`, `expected<TAB>style<TAB>question` or
//! `expected<TAB>style<TAB>gist<TAB>question`; `expected` is `none` (the bot must stay silent) or answer ids joined by `|` (any of them is a
//! right answer). Lines starting with `#` and blank lines are skipped.
//!
//! Scoring: an in-domain question scores 1 when answered with an expected id, ½ when the bot
//! only suggests and its first suggestion is expected, 0 otherwise. An off-topic question counts
//! as silent only when the bot abstains (a "might help" line is not silence). A wrong answer is a
//! confident answer with an id not expected (any answer, for an off-topic question).

use crate::knowledge::{Knowledge, Outcome};
use crate::locale::{Lang, UnknownLang};
use crate::matcher::confidence::{
    choose_cutoffs, cross_validate, cross_validate_grouped, fit, score_case, CaseRows, Figures,
    Limits, Model, FEATURE_NAMES,
};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The dev set, as `(path, text)`: every file the matcher is tuned and fitted on, read by the
/// dev-set test, the evaluation and the fitting tools alike. `tests/devset.tsv` is the first
/// set, grouped by answer; `tests/devset-discord.tsv` and `-2` to `-6` (later batches by other
/// writers, from the third on paraphrasing away from the answers' words; the sixth written from
/// the source note alone, as the blind sets are, and labelled apart) hold questions in Discord
/// styles (long, terse, text-speak, symbols, plain; near-miss and off-topic), grouped by style.
pub const DEV_SET_FILES: &[(&str, &str)] = &[
    ("tests/devset.tsv", include_str!("../tests/devset.tsv")),
    (
        "tests/devset-discord.tsv",
        include_str!("../tests/devset-discord.tsv"),
    ),
    (
        "tests/devset-discord-2.tsv",
        include_str!("../tests/devset-discord-2.tsv"),
    ),
    (
        "tests/devset-discord-3.tsv",
        include_str!("../tests/devset-discord-3.tsv"),
    ),
    (
        "tests/devset-discord-4.tsv",
        include_str!("../tests/devset-discord-4.tsv"),
    ),
    (
        "tests/devset-discord-5.tsv",
        include_str!("../tests/devset-discord-5.tsv"),
    ),
    (
        "tests/devset-discord-6.tsv",
        include_str!("../tests/devset-discord-6.tsv"),
    ),
];

/// The French dev set: questions as French speakers write them, labelled with the answer ids:
/// a first set, four batches in Discord styles (the fourth written from the source note alone
/// and labelled apart) and a batch of near-misses, each by its own writer.
pub const DEV_SET_FILES_FR: &[(&str, &str)] = &[
    (
        "tests/devset.fr.tsv",
        include_str!("../tests/devset.fr.tsv"),
    ),
    (
        "tests/devset.fr-discord.tsv",
        include_str!("../tests/devset.fr-discord.tsv"),
    ),
    (
        "tests/devset.fr-nearmiss.tsv",
        include_str!("../tests/devset.fr-nearmiss.tsv"),
    ),
    (
        "tests/devset.fr-discord-2.tsv",
        include_str!("../tests/devset.fr-discord-2.tsv"),
    ),
    (
        "tests/devset.fr-discord-3.tsv",
        include_str!("../tests/devset.fr-discord-3.tsv"),
    ),
    (
        "tests/devset.fr-discord-4.tsv",
        include_str!("../tests/devset.fr-discord-4.tsv"),
    ),
];

/// The Spanish dev set, likewise.
pub const DEV_SET_FILES_ES: &[(&str, &str)] = &[
    (
        "tests/devset.es.tsv",
        include_str!("../tests/devset.es.tsv"),
    ),
    (
        "tests/devset.es-discord.tsv",
        include_str!("../tests/devset.es-discord.tsv"),
    ),
    (
        "tests/devset.es-nearmiss.tsv",
        include_str!("../tests/devset.es-nearmiss.tsv"),
    ),
    (
        "tests/devset.es-discord-2.tsv",
        include_str!("../tests/devset.es-discord-2.tsv"),
    ),
    (
        "tests/devset.es-discord-3.tsv",
        include_str!("../tests/devset.es-discord-3.tsv"),
    ),
    (
        "tests/devset.es-discord-4.tsv",
        include_str!("../tests/devset.es-discord-4.tsv"),
    ),
];

/// The dev set files of `lang`.
pub fn dev_set_files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => DEV_SET_FILES,
        Lang::Fr => DEV_SET_FILES_FR,
        Lang::Es => DEV_SET_FILES_ES,
    }
}

/// The languages a tool's command line asks for: the one after `--lang` in `args`, else all
/// three (the evaluate and fit examples take it).
pub fn languages_asked(args: &[String]) -> Result<Vec<Lang>, UnknownLang> {
    match args.iter().position(|arg| arg == "--lang") {
        Some(at) => {
            let code = args.get(at + 1).map_or("", String::as_str);
            Ok(vec![code.parse()?])
        }
        None => Ok(Lang::ALL.to_vec()),
    }
}

/// Every case of the dev set of `lang`, in file order.
///
/// # Panics
///
/// When a line cannot be read: the files are compiled in, so a test catches it first.
pub fn dev_set_in(lang: Lang) -> Vec<Case> {
    dev_batches_in(lang).into_iter().flatten().collect()
}

/// The cases of the dev set of `lang`, file by file (each file one writer's batch).
///
/// # Panics
///
/// As [`dev_set_in`].
fn dev_batches_in(lang: Lang) -> Vec<Vec<Case>> {
    dev_set_files(lang)
        .iter()
        .map(|(path, text)| parse_cases(text).unwrap_or_else(|error| panic!("{path}: {error}")))
        .collect()
}

/// Every case of the dev set ([`DEV_SET_FILES`]), in file order.
///
/// # Panics
///
/// When a line cannot be read: the files are compiled in, so a test catches it first.
pub fn dev_set() -> Vec<Case> {
    dev_set_in(Lang::En)
}

/// One labelled question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Ids that are right answers; empty when the bot must stay silent.
    pub expected: Vec<String>,
    /// The style the question was written in (`plain`, `long`, `terse`…), when labelled.
    pub style: Option<String>,
    /// The question.
    pub question: String,
}

impl Case {
    /// Whether the bot should answer it.
    pub fn in_domain(&self) -> bool {
        !self.expected.is_empty()
    }
}

/// Why a labelled line could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CaseError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads labelled questions.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, CaseError> {
    let mut cases = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let (expected, style, question) = match columns.as_slice() {
            [expected, question] => (*expected, None, *question),
            [expected, style, question] => (*expected, Some(style.to_string()), *question),
            [expected, style, _gist, question] => (*expected, Some(style.to_string()), *question),
            _ => {
                return Err(CaseError {
                    line: index + 1,
                    message: format!(
                        "expected 2, 3 or 4 tab-separated columns, found {}",
                        columns.len()
                    ),
                })
            }
        };
        let expected = match expected.trim() {
            "none" => Vec::new(),
            ids => ids.split('|').map(|id| id.trim().to_owned()).collect(),
        };
        cases.push(Case {
            expected,
            style,
            question: question.to_owned(),
        });
    }
    Ok(cases)
}

/// What the bot did with one case.
#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    /// The case.
    pub case: Case,
    /// The bot's outcome.
    pub outcome: Outcome,
    /// The answer given, or the first suggestion.
    pub got: Option<String>,
    /// The best score.
    pub score: f32,
    /// Points earned: 1, ½ or 0 (in-domain); 1 for silence, else 0 (off-topic).
    pub points: f32,
    /// Whether it was a wrong confident answer.
    pub wrong: bool,
    /// Whether the answer the matcher ranks first (whatever it decides) is an expected one;
    /// false off-topic.
    pub ranked_right: bool,
}

/// Counts one graded case into `figures` (the fitting tool counts scored cases into the same type).
fn count(figures: &mut Figures, graded: &Graded) {
    if graded.case.in_domain() {
        figures.in_domain += 1;
        figures.points += f64::from(graded.points);
    } else {
        figures.off_topic += 1;
        figures.silent += usize::from(graded.outcome == Outcome::Abstain);
    }
    figures.wrong += usize::from(graded.wrong);
}

/// The graded cases of one set, with the overall tally and one per style.
#[derive(Debug, Clone)]
pub struct Report {
    /// Every case, graded, in order.
    pub graded: Vec<Graded>,
    /// All cases.
    pub total: Figures,
    /// Per style (cases without a style count as `plain`).
    pub by_style: BTreeMap<String, Figures>,
}

impl Report {
    /// Share of the in-domain cases whose first-ranked answer is an expected one, whatever the
    /// decision: how far the ranking gets before the confidence decides (1 without in-domain
    /// cases).
    pub fn ranked_right(&self) -> f64 {
        let in_domain = self.graded.iter().filter(|graded| graded.case.in_domain());
        let (right, all) = in_domain.fold((0usize, 0usize), |(right, all), graded| {
            (right + usize::from(graded.ranked_right), all + 1)
        });
        if all == 0 {
            1.0
        } else {
            right as f64 / all as f64
        }
    }

    /// The cases that did not earn full marks, one line each.
    pub fn misses(&self) -> Vec<String> {
        self.graded
            .iter()
            .filter(|graded| graded.points < 1.0)
            .map(|graded| {
                format!(
                    "{} {:?} -> {} {:?} ({:.2}) for {:?}",
                    if graded.wrong { "WRONG" } else { "miss " },
                    graded.case.expected,
                    graded.outcome.as_str(),
                    graded.got,
                    graded.score,
                    graded.case.question
                )
            })
            .collect()
    }
}

/// Grades one case (English).
pub fn grade(knowledge: &Knowledge, case: &Case) -> Graded {
    grade_in(knowledge, Lang::En, case)
}

/// Grades one case asked in `lang`.
pub fn grade_in(knowledge: &Knowledge, lang: Lang, case: &Case) -> Graded {
    let verdict = knowledge.decide_in(lang, &case.question);
    let outcome = verdict.outcome();
    let got = verdict
        .answer()
        .or_else(|| {
            verdict
                .suggestions()
                .first()
                .map(|candidate| candidate.answer)
        })
        .map(|answer| answer.id.clone());
    let expected = |id: &Option<String>| id.as_ref().is_some_and(|id| case.expected.contains(id));
    let points = match (case.in_domain(), outcome) {
        (true, Outcome::Answer) if expected(&got) => 1.0,
        (true, Outcome::Suggest) if expected(&got) => 0.5,
        (false, Outcome::Abstain) => 1.0,
        _ => 0.0,
    };
    let wrong = outcome == Outcome::Answer && !expected(&got);
    let ranked_first = knowledge
        .rank_in(lang, &case.question, 1)
        .first()
        .map(|candidate| candidate.answer.id.clone());
    Graded {
        case: case.clone(),
        outcome,
        got,
        score: verdict.score(),
        points,
        wrong,
        ranked_right: expected(&ranked_first),
    }
}

/// Grades every case (English).
pub fn evaluate(knowledge: &Knowledge, cases: &[Case]) -> Report {
    evaluate_in(knowledge, Lang::En, cases)
}

/// Grades every case, each asked in `lang`.
pub fn evaluate_in(knowledge: &Knowledge, lang: Lang, cases: &[Case]) -> Report {
    let mut total = Figures::default();
    let mut by_style: BTreeMap<String, Figures> = BTreeMap::new();
    let graded: Vec<Graded> = cases
        .iter()
        .map(|case| grade_in(knowledge, lang, case))
        .collect();
    for graded in &graded {
        count(&mut total, graded);
        let style = graded
            .case
            .style
            .clone()
            .unwrap_or_else(|| "plain".to_owned());
        count(by_style.entry(style).or_default(), graded);
    }
    Report {
        graded,
        total,
        by_style,
    }
}

/// Folds of the cross-validation that checks the confidence.
pub const FOLDS: usize = 10;

/// What the cut-offs must keep to on the cross-validated dev set, with one-sided 95% confidence
/// (so that the limits hold on questions nobody wrote down, not just on the dev set): at most 1%
/// wrong answers, and at least 95% of off-topic questions left alone (the blind sets' aims). On
/// dev sets of 600 to 1000 questions that leaves about 0.4% wrong and 97% silent in sample.
pub const LIMITS: Limits = Limits {
    max_wrong: 0.01,
    min_silent: 0.95,
    margin: 1.645,
};

/// The confidence model fitted on labelled questions, with how it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The model, with the cut-offs chosen on the cross-validated probabilities.
    pub model: Model,
    /// Questions fitted on.
    pub cases: usize,
    /// Readings fitted on (the whole question, and each sentence of a longer one).
    pub rows: usize,
    /// The figures of the cut-offs on the cross-validated probabilities.
    pub cross_validated: Figures,
    /// The figures of the final model and cut-offs on the questions it was fitted on.
    pub in_sample: Figures,
}

/// The rows the confidence is fitted on: for each case, every reading the matcher considers,
/// with whether its best answer is expected.
pub fn confidence_rows(knowledge: &Knowledge, cases: &[Case]) -> Vec<CaseRows> {
    confidence_rows_in(knowledge, Lang::En, cases)
}

/// [`confidence_rows`] of cases asked in `lang`, read by that language's matcher.
pub fn confidence_rows_in(knowledge: &Knowledge, lang: Lang, cases: &[Case]) -> Vec<CaseRows> {
    let answers = knowledge.answers().answers();
    cases
        .iter()
        .map(|case| CaseRows {
            in_domain: case.in_domain(),
            rows: knowledge
                .matcher_in(lang)
                .assessments(&case.question, 1)
                .into_iter()
                .map(|assessment| {
                    let best = &answers[assessment.ranking[0].index].id;
                    (assessment.features, case.expected.contains(best))
                })
                .collect(),
        })
        .collect()
}

/// Fits the confidence on `cases` ([`FOLDS`]-fold cross-validation, fixed folds), chooses the
/// cut-offs on the cross-validated probabilities within [`LIMITS`], and refits on every case.
/// Deterministic: the same cases give the same model, to the bit.
pub fn fit_confidence(knowledge: &Knowledge, cases: &[Case]) -> Fit {
    fit_confidence_in(knowledge, Lang::En, cases)
}

/// [`fit_confidence`] on cases asked in `lang`, read by that language's matcher.
pub fn fit_confidence_in(knowledge: &Knowledge, lang: Lang, cases: &[Case]) -> Fit {
    let rows = confidence_rows_in(knowledge, lang, cases);
    let cross = cross_validate(&rows, FOLDS);
    let (answer_at, suggest_at, cross_validated) =
        choose_cutoffs(&cross, LIMITS).unwrap_or((1.0, 1.0, Figures::default()));
    let all: Vec<_> = rows
        .iter()
        .flat_map(|case| case.rows.iter().copied())
        .collect();
    let model = Model {
        answer_at,
        suggest_at,
        ..fit(&all)
    };
    let in_sample_scores: Vec<_> = rows.iter().map(|case| score_case(&model, case)).collect();
    Fit {
        model,
        cases: cases.len(),
        rows: all.len(),
        cross_validated,
        in_sample: crate::matcher::confidence::figures(&in_sample_scores, answer_at, suggest_at),
    }
}

/// How the confidence of `lang`, with `model`'s cut-offs, does on questions by a writer it never
/// saw: each dev file (one writer's batch) held out in turn and scored by a model fitted on the
/// other files. Writers of later batches and of the blind sets are new writers, so this is the
/// dev set's estimate of how the fit generalizes; the 10-fold cross-validation mixes every
/// writer into every fold.
///
/// # Panics
///
/// When a line cannot be read, as [`dev_set_in`].
pub fn held_out_writers_in(knowledge: &Knowledge, lang: Lang, model: &Model) -> Figures {
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    for (group, cases) in dev_batches_in(lang).iter().enumerate() {
        let case_rows = confidence_rows_in(knowledge, lang, cases);
        groups.extend(std::iter::repeat_n(group, case_rows.len()));
        rows.extend(case_rows);
    }
    let scored = cross_validate_grouped(&rows, &groups);
    crate::matcher::confidence::figures(&scored, model.answer_at, model.suggest_at)
}

/// Where the fitted confidence of `lang` is written: `src/matcher/fitted.rs` for English,
/// `fitted_fr.rs` and `fitted_es.rs` for French and Spanish.
pub fn fitted_file(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "src/matcher/fitted.rs",
        Lang::Fr => "src/matcher/fitted_fr.rs",
        Lang::Es => "src/matcher/fitted_es.rs",
    }
}

/// The first lines of the fitted file of `lang`: what it is and where it comes from.
fn fitted_header(lang: Lang) -> String {
    match lang {
        Lang::En => "//! The fitted confidence model. Generated by `cargo run --release --example fit` from the\n\
             //! dev set (`evaluation::DEV_SET_FILES`): do not edit, refit. `tests/devset.rs` checks that\n\
             //! this file is what the fit makes of the committed dev set.\n"
            .to_owned(),
        Lang::Fr | Lang::Es => {
            let (name, files) = match lang {
                Lang::Fr => ("French", "DEV_SET_FILES_FR"),
                _ => ("Spanish", "DEV_SET_FILES_ES"),
            };
            format!(
                "//! The fitted confidence model for {name} questions, read by the {name} matcher. Generated\n\
                 //! by `cargo run --release --example fit` from the {name} dev set\n\
                 //! (`evaluation::{files}`): do not edit, refit. `tests/devset.rs` checks that this file is\n\
                 //! what the fit makes of the committed dev set.\n"
            )
        }
    }
}

impl Fit {
    /// The text of `src/matcher/fitted.rs` for this fit (formatted as `cargo fmt` leaves it).
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// The text of the fitted file of `lang` ([`fitted_file`]) for this fit, a fit on that
    /// language's dev set.
    pub fn render_in(&self, lang: Lang) -> String {
        let figures = |f: &Figures| {
            format!(
                "right {:.1}%, silent {:.1}%, wrong {:.1}% ({})",
                100.0 * f.right(),
                100.0 * f.silent_share(),
                100.0 * f.wrong_share(),
                f.wrong
            )
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "{}\
             //!\n\
             //! {} questions ({} readings), {}-fold cross-validation (fold = position mod {}). The\n\
             //! cut-offs are chosen on the cross-validated probabilities: the most right answers with at\n\
             //! most {:.0}% wrong and at least {:.0}% of off-topic questions left alone, each with\n\
             //! one-sided 95% confidence (Wilson, {} standard errors).\n\
             //!\n\
             //! - cross-validated: {}\n\
             //! - in sample: {}\n\
             \n\
             use super::confidence::Model;\n\
             \n\
             /// The model and cut-offs in force.\n\
             pub const MODEL: Model = Model {{\n    bias: {:?},\n    weights: [\n",
            fitted_header(lang),
            self.cases,
            self.rows,
            FOLDS,
            FOLDS,
            100.0 * LIMITS.max_wrong,
            100.0 * LIMITS.min_silent,
            LIMITS.margin,
            figures(&self.cross_validated),
            figures(&self.in_sample),
            self.model.bias,
        );
        for (weight, name) in self.model.weights.iter().zip(FEATURE_NAMES) {
            let _ = writeln!(out, "        // {name}\n        {weight:?},");
        }
        let _ = write!(
            out,
            "    ],\n    answer_at: {:?},\n    suggest_at: {:?},\n}};\n",
            self.model.answer_at, self.model.suggest_at
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_languages_asked_are_the_one_after_lang_or_all_three() {
        let args = |list: &[&str]| list.iter().map(|arg| arg.to_string()).collect::<Vec<_>>();
        assert_eq!(
            languages_asked(&args(&["fit"])).unwrap(),
            Lang::ALL.to_vec()
        );
        assert_eq!(
            languages_asked(&args(&["fit", "--lang", "fr", "--check"])).unwrap(),
            vec![Lang::Fr]
        );
        assert!(languages_asked(&args(&["fit", "--lang", "de"])).is_err());
        assert!(languages_asked(&args(&["fit", "--lang"])).is_err());
    }

    #[test]
    fn every_line_format_is_read_and_bad_lines_name_their_number() {
        let cases = parse_cases(
            "# comment\nobjectives\twhat are the goals\n\nnone\tofftopic\tchatter\thi all\nfirst-meeting|timeline\tterse\tdate\tfirst mtg\nnone\tnearmiss\tgfmd budget\n",
        )
        .unwrap();
        assert_eq!(cases.len(), 4);
        assert_eq!(cases[3].style.as_deref(), Some("nearmiss"));
        assert_eq!(cases[3].question, "gfmd budget");
        assert_eq!(cases[0].expected, ["objectives"]);
        assert_eq!(cases[0].style, None);
        assert!(!cases[1].in_domain());
        assert_eq!(cases[2].expected, ["first-meeting", "timeline"]);
        assert_eq!(cases[2].style.as_deref(), Some("terse"));
        let error = parse_cases("a\tb\tc\td\te\n").unwrap_err();
        assert_eq!(error.line, 1);
    }

    #[test]
    fn right_answers_silence_and_wrong_answers_are_counted() {
        let knowledge = Knowledge::embedded().unwrap();
        let cases = parse_cases(
            "objectives\twhat are the objectives of the gfmd\n\
             timeline\twhat are the objectives of the gfmd\n\
             none\thow do i renew my passport\n\
             none\twhat are the objectives of the gfmd\n",
        )
        .unwrap();
        let report = evaluate(&knowledge, &cases);
        assert_eq!(report.total.in_domain, 2);
        assert_eq!(report.total.points, 1.0);
        assert_eq!(report.total.off_topic, 2);
        assert_eq!(report.total.silent, 1);
        assert_eq!(report.total.wrong, 2);
        assert_eq!(report.misses().len(), 2);
        assert!((report.total.right() - 0.5).abs() < 1e-9);
        assert!((report.ranked_right() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_ranked_share_counts_a_right_first_answer_even_when_the_bot_stays_silent() {
        let knowledge = Knowledge::embedded().unwrap();
        let question = "gfmd timelin for my essay asap";
        let verdict = knowledge.decide(question);
        let first = knowledge.rank(question, 1)[0].answer.id.clone();
        assert_ne!(
            verdict.outcome(),
            Outcome::Answer,
            "{question:?} is answered"
        );
        let report = evaluate(
            &knowledge,
            &parse_cases(&format!("{first}\t{question}\n")).unwrap(),
        );
        assert_eq!(
            report.total.points,
            if verdict.outcome() == Outcome::Suggest {
                0.5
            } else {
                0.0
            }
        );
        assert_eq!(report.ranked_right(), 1.0);
    }
}
