//! The labelled dev sets — English (`devset::DEV_SET_FILES`: `tests/devset.tsv` and the
//! Discord-style and near-miss batches, `tests/devset-discord*.tsv` and
//! `tests/devset-nearmiss*.tsv`), French and Spanish (`DEV_SET_FILES_FR` and `_ES`, the same
//! with `.fr` and `.es`) — each graded by its language's matcher as `evaluation` grades (an
//! answer with an expected id scores 1, a "might help" offer of one ½; a confident answer with
//! another id is wrong), with the default settings; and each language's fitted confidence, which
//! must be exactly what the fitting tool makes of that language's committed dev set.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::evaluation::{
    dev_batches_in, dev_set, dev_set_files, dev_set_in, evaluate_dev_in, fit_confidence,
    fitted_file, DevRows,
};
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::locale::Lang;
use gfmd_bot::matcher::confidence::FEATURE_NAMES;
use gfmd_bot::matcher::normalize::fold;
use std::sync::OnceLock;

/// Fewest in-domain points, as a share: issue 8's aim, 97%, which the fitted confidence reaches
/// within `evaluation::LIMITS` (97.0% of 12889 questions, 6440 points of 6638, one over the
/// line; with each writer's batch held out 96.3%) since a number after a plural determiner
/// counts the word after it (« les 5 objectif ») and the refit; 97.1% (96.4%) since a piece of
/// a word weighs 0.3 of a word in the naive Bayes classifier's reading of a message
/// (`naive_bayes::PIECE_WEIGHT`); kept so that it does not slip. The gate was
/// 0.965 before it: 96.9% (96.2%) after forty-six phrasings written from the dev questions only
/// offered; 96.8% and 96.1% before them. Before a reading was certain only when
/// read in full (no word dropped as too short to read, some phrasing of the answer asking the
/// question's "who" or "how many"): 96.6% (95.8%). Before fourteen phrasings and the
/// forum's name written without its small words joined the answers and the synonyms: 96.7%
/// (95.9%). Before three new writers' batches
/// (`tests/devset-discord-33.tsv` to `-35.tsv`, 827 questions, 56 repeating a blind question
/// dropped unread) and two French ones: 96.8% of 12062 (95.9%); the new writers' questions are
/// as hard as any new writer's, and held out nothing moved. Before the limits asked 96% silence
/// with confidence, not 95%: 96.9% (96.1%). Before the confidence was the mean of
/// seven fits of its trees (`boosted::Trees::averaged`; held out by writer, the seven single
/// fits' mean 95.66% against the mean of their probabilities' 96.1%): 96.2% (95.5%, 10-fold
/// cross-validated 95.6%). Before the confidence read the
/// message's length and the votes of its ten nearest examples (`matcher::votes`; held out by
/// writer over seven settings of the trees, 95.17 → 95.66%): 95.8% (95.2%, 10-fold
/// cross-validated 95.3%). Before the
/// dev labels were audited (`tests/label-audit.md`: 407 lines of the three languages relabelled
/// where two judges agreed, mostly adding an answer that also gives the facts asked, as the blind
/// sets were labelled from the start) and the refit: 94.7% (94.1%, 94.1%). Before the
/// four new writers' batches (`tests/devset-discord-29.tsv` to `-32.tsv`, 1159 questions): 94.5%
/// of 10903 (93.8%, 93.9%); on the old writers' questions alone, held out, 93.8 → 94.1%. Before the
/// refit that followed French chat words into the vocabulary (the English rows are the same; the
/// French ones it learns from at half weight changed): 94.8% (94.0%, 94.1%), the size of a refit's
/// noise. Before the
/// regression and the naive Bayes led readings of their own (as the nearest examples do): 93.3%
/// (92.9%, 92.8%). Before the logistic regression of the examples' wording (`matcher::linear`): 90.1% (89.3%, 89.4%). Before
/// the naive Bayes classifier of the examples' wording (`matcher::naive_bayes`): 87.8% (87.4%, 87.4%).
/// Before the
/// 28 questions retired from the blind set joined and the refit: 88.3% of 10875 (87.3%, 87.4%).
/// Before the twenty-second to twenty-eighth batches and a tenth to twelfth of near-misses (2543
/// questions by ten new writers): 87.5% of 8332 (86.5%, 86.5%); those writers' own questions are
/// harder (85.3% held out), the others' rose to 87.9% held out. Before the fit learnt from the
/// French and Spanish questions too (at half weight): 88.2% (86.4%, 86.5%); learning from others
/// fits its own questions less closely, and new writers' no worse. Before each question was weighed
/// once in the fit: 87.5% (85.9%, 85.8%). Before a number before a plural became a count ("the 5
/// aims") and the refit: 88.3% (87.1%, 86.8%); the held-out 87.1% was the top of its spread
/// (85.0-87.1% over seven settings of the trees near the fitted one, README "How well it matches").
/// Boosted trees fit the questions they learnt from more closely than the additive model before
/// them (84.3%, held out 83.9%), so the figure as shipped stands further over the held-out one,
/// which is the estimate for new writers. Each batch is graded with its own questions left out of
/// the matcher's nearest examples (`evaluation::evaluate_dev_in`). Before those examples it was
/// 63.7% (held out 62.8%) of 2411; with them, before the seventh batch, 73.3% (72.6%); with the
/// seventh, before each feature had its curve, 74.9% (74.5%); with the curves, before the eighth
/// and ninth batches, 76.1% (75.8%) of 2713; with them, before the limits held on an interval
/// clustered by writer, 78.3% (77.6%); with that interval, before the tenth and eleventh batches,
/// 78.0% (77.4%) of 3342; with them, before two batches of near-misses, 79.5% (78.9%) of 3959; with
/// those, before the twelfth batch and a third of near-misses, 79.6% (79.0%) of 4224; with those,
/// before the thirteenth and fourteenth batches and a fourth of near-misses, 79.8% (79.3%) of 4682;
/// with those, before the fifteenth and sixteenth, 80.8% (80.2%) of 5460; with those, before the
/// seventeenth to twentieth and a fifth and sixth of near-misses, 82.0% (81.8%) of 6076: the sixth
/// near-miss writer gets 5.7% wrong answers held out, and the answer cut-off rose for them; with
/// those, before the reading the nearest examples lead, 81.7% (81.5%); with it, before the
/// twenty-first batch and a seventh of near-misses, 84.1% (83.8%) of 7590; with those, before an
/// eighth of near-misses, 84.9% (84.8%) of 8043: its writer's questions are left alone 83.8% of the
/// time held out, with 3.5% wrong answers; with it, before a ninth of near-misses, 84.2% (83.8%) of
/// 8185; with it, before the boosted trees, 84.3% (83.9%) of 8332. It was 69.1% on the 1288
/// questions of the session before; the fourth to sixth batches (2411 questions in all) paraphrase
/// away from the answers' words or were written from the source note alone, and are harder.
const RIGHT: f64 = 0.97;
/// Fewest off-topic questions left alone, as a share: issue 8's aim, 97% (97.3%, held-out writer
/// 96.9%, since a number after a plural determiner counts the word after it; 97.3% and 97.0%
/// since a piece of a word weighs less in the naive Bayes; 97.5% and 97.0% since
/// forty-six phrasings written from the dev questions only offered; 97.3% and
/// 96.9% since a reading is certain only when read in full; 97.6% and 97.0% since fourteen
/// phrasings and the forum's name written tersely; 97.3% and 96.9%
/// since three new writers' batches; before them 97.5% and 96.9%, since the limits ask 96% silence with confidence, not 95%; before, 96.6% and 96.1%,
/// before and after the confidence averaged seven fits of its trees; 96.2% and
/// 96.0% before the message's length and the nearest examples' votes; 96.6% and 96.1%
/// before the label audit; the same before the four new writers' batches; 96.5% and 96.2%
/// before the refit that followed French chat words; 96.6% and 96.1%
/// before the regression and the naive Bayes led readings; 96.8% and 96.0%
/// before the logistic regression; 96.2% and 95.9% before the naive Bayes classifier; 96.6% and 95.9%
/// before the 28 questions retired from the blind set joined; 96.8% and 96.1% before the tenth
/// round of writers; 97.6% before the fit learnt from the other languages' questions).
const SILENT: f64 = 0.97;
/// Most wrong answers, as a share of all questions.
const WRONG: f64 = 0.01;

fn knowledge() -> Knowledge {
    Knowledge::embedded().unwrap()
}

/// Every language's dev rows, read once for the three fits (each pools the others').
fn dev_rows() -> &'static DevRows {
    static DEV_ROWS: OnceLock<DevRows> = OnceLock::new();
    DEV_ROWS.get_or_init(|| DevRows::of(&knowledge()))
}

/// The binary carries the dev sets deflated (`build.rs`): each must inflate to its file on disk,
/// and every `tests/devset*.tsv` on disk must be one of a language's files.
#[test]
fn each_compiled_in_dev_file_inflates_to_its_file_and_every_dev_file_is_listed() {
    let mut listed = Vec::new();
    for lang in Lang::ALL {
        for file in dev_set_files(lang) {
            let on_disk = std::fs::read_to_string(file.path).expect(file.path);
            assert!(
                file.text() == on_disk,
                "{} differs from its file",
                file.path
            );
            listed.push(file.path.to_owned());
        }
    }
    let unlisted: Vec<String> = std::fs::read_dir("tests")
        .expect("tests/ can be listed")
        .map(|entry| entry.expect("an entry of tests/").file_name())
        .filter_map(|name| name.to_str().map(str::to_owned))
        .filter(|name| name.starts_with("devset") && name.ends_with(".tsv"))
        .map(|name| format!("tests/{name}"))
        .filter(|path| !listed.contains(path))
        .collect();
    assert!(unlisted.is_empty(), "not in src/devset.rs: {unlisted:?}");
    assert!(listed.len() > 100, "{} dev set files", listed.len());
}

#[test]
fn the_dev_set_is_big_enough_and_names_real_answers() {
    let answers = AnswerSet::embedded().unwrap();
    let cases = dev_set();
    let in_domain = cases.iter().filter(|case| case.in_domain()).count();
    assert!(in_domain >= 400, "{in_domain} in-domain questions");
    assert!(
        cases.len() - in_domain >= 150,
        "{} off-topic questions",
        cases.len() - in_domain
    );
    for case in &cases {
        for id in &case.expected {
            assert!(
                answers.get(id).is_some(),
                "unknown id `{id}` for {:?}",
                case.question
            );
        }
    }
}

#[test]
fn the_english_dev_set_keeps_its_figures() {
    keeps_its_figures(Lang::En, RIGHT, SILENT, WRONG);
}

#[test]
fn the_committed_confidence_is_what_the_fitting_tool_makes_of_the_dev_set() {
    fitted_file_is_what_the_fit_makes(Lang::En, include_str!("../src/matcher/fitted.rs"));
}

/// Grades the dev set of `lang`, prints its figures and misses, and checks them against the
/// gates: fewest in-domain points and fewest off-topic questions left alone (as shares of their
/// kind), most wrong answers (as a share of all questions).
fn keeps_its_figures(lang: Lang, right: f64, silent: f64, wrong: f64) {
    let report = evaluate_dev_in(&knowledge(), lang);
    println!("dev-{lang}: {}", report.total);
    for (style, tally) in &report.by_style {
        println!("  {style:<10} {tally}");
    }
    for miss in report.misses() {
        println!("  {miss}");
    }
    let total = &report.total;
    assert!(
        total.right() >= right && total.silent_share() >= silent && total.wrong_share() <= wrong,
        "{} dev set below its gates (right ≥{:.0}%, silent ≥{:.0}%, wrong ≤{:.1}%): {total}",
        lang.english_name(),
        100.0 * right,
        100.0 * silent,
        100.0 * wrong
    );
}

/// Whether the committed fitted file of `lang` is what the fit makes of its dev set.
fn fitted_file_is_what_the_fit_makes(lang: Lang, committed: &str) {
    let cases = dev_set_in(lang);
    let in_domain = cases.iter().filter(|case| case.in_domain()).count();
    assert!(
        in_domain >= 60 && cases.len() - in_domain >= 30,
        "the {} dev set is too small: {in_domain} in-domain, {} off-topic",
        lang.english_name(),
        cases.len() - in_domain
    );
    let fit = fit_confidence(dev_rows(), lang);
    assert!(
        fit.render_in(lang) == committed,
        "{} is not what the {} dev set fits: run `cargo run --release --example fit` \
         (never edit it by hand)",
        fitted_file(lang),
        lang.english_name()
    );
}

/// The French dev set's gates: issue 10's aim, ≥95% right and silent, ≤1% wrong; right and
/// silence as the fit reaches them, rounded down. Now right 96.9%, silent 97.3%, wrong 0.5%: 73 of
/// 13761; held out by writer 96.3%, 96.8%, 0.8%, after a number after a plural determiner came
/// to count the word after it (« les 5 objectif » is no longer the fifth objective), and the
/// refit: ten points of 6995 short of the 97% right that issue 8 asks of the English dev set.
/// Before it right 96.7%, silent 97.4%, wrong 0.6%: 77; held out by writer 96.2%, 96.8%, 0.8%,
/// after a piece of a word came to weigh 0.3 of a word in the naive Bayes
/// (`naive_bayes::PIECE_WEIGHT`), and the refit. Before it right 96.6%, silent 97.2%, wrong
/// 0.5%: 75; held out by writer 96.0%, 96.8%, 0.8%, after forty-six phrasings (twenty-three
/// French) written from the dev questions only offered, and the refit. Before them right 96.5%,
/// silent 97.2%, wrong 0.5%: 68; held out by writer 95.9%, 96.8%, 0.8%, after a reading became certain only when read
/// in full, and the refit. Before it right 96.6%, silent 97.4%, wrong 0.5%: 70; held out by
/// writer 96.0%, 96.9%, 0.8%, after fourteen phrasings (six French) and the
/// forum's name written without its small words (« forum mondial migration développement ») and
/// the refit. Before them right 96.4%, silent 97.4%, wrong 0.6%: 78, held out the same, after two
/// new writers' batches
/// (`tests/devset.fr-discord-37.tsv` and `-38.tsv`, 570 questions, 22 repeating a blind question
/// dropped unread) and three English ones: the right gate went 0.965 → 0.96 with them, as the
/// figure as shipped fell and the held-out one did not move. Before them right 96.7%, silent
/// 97.3%, wrong 0.6%: 82 of 13191; held out by writer 96.0%, 96.8%, 0.8%: the limits ask 96%
/// silence with confidence. Before, at 95%, right 96.8%, silent 96.6%, wrong 0.6%: 82; held out by writer 96.1%, 96.0%,
/// 0.8%: the mean of seven fits of the trees (`boosted::Trees::averaged`). Before it, right 96.7%, silent 96.6%, wrong 0.6%: 82; held out
/// by writer 96.0%, 96.1%, 0.8%; the mean over seven settings of the trees, held
/// out, 95.87% right: after the confidence read the message's length and the votes of its ten
/// nearest examples (`matcher::votes`). Before them right 96.0% (6415 points of 6680), silent
/// 96.6%, wrong 0.6%: 78; held out by writer 95.4%, 96.1%, 0.8%; the mean over seven settings of
/// the trees, held out, 95.58% right. That is after the dev labels were audited (`tests/label-audit.md`; 155
/// French lines relabelled where two judges agreed: 128 with an answer added that also gives the
/// facts asked, 38 with a label taken away) and the refit. Before it the right gate was 94%, under
/// the aim, because the French fit stood at the line and each refit moved it across: right 94.88%
/// (6337 points of 6679, 8 short of 95%), silent 96.6%, wrong 0.6%: 85; held out by writer 94.3%,
/// 96.1%, 0.8%; seven settings, 94.30%. The refit that moved it is the one that followed four new English writers'
/// batches into the English dev set: no French row changed, but every fit learns from the other
/// languages' questions at half weight. Before it right 95.07%, silent 96.6%, wrong 0.6%: 82;
/// held out 94.4%, 96.0%, 0.8% (seven settings: 94.39%), since French chat words (`avc`, `bxl`,
/// `dja`…), « partenaires » and « development » joined the vocabulary (seven settings, held out:
/// 94.31 → 94.39%, within a refit's noise). Before it 94.95% (6342 of 6679), silent 96.3%, wrong 0.6%: 81; held out by writer
/// 94.4%, 95.9%, 0.8%; before the regression and the naive Bayes
/// led readings of their own, 93.9%, 96.5%, 0.6%: 81, held out 93.3%, 95.9%, 0.8%; before the logistic regression of the
/// examples' wording, 92.4%, 96.4%, 0.7%: 89, held out 91.9%, 96.0%, 0.8%; before the naive Bayes classifier of the
/// examples' wording, 88.1%, 96.2%, 0.6%: 78, held out 87.3%, 95.9%, 0.8%; before the refit that followed 28 English
/// questions into the dev set, 88.0%, 96.2%, 0.6%: 81, held out 87.2%, 96.0%, 0.8%; before the
/// thirty-fourth to thirty-sixth batches and a thirteenth of near-misses, 88.3%, 96.1%, 0.7%: 81 of
/// 12164, held out 87.6%, 96.0%, 0.8%; before the fit learnt from the English and Spanish questions
/// too, 88.0%, 96.6%, 0.5%: 55, held out 87.1%, 96.0%, 0.8%), rounded down a little. Before the
/// boosted trees: 85.5%, 96.1%, 0.8% (89). Before the thirty-second batch and an eleventh of
/// near-misses: 85.5%, 95.9%, 0.8% (88 of 11292). Before the thirtieth and thirty-first batches and
/// a tenth of near-misses: 85.7%, 95.9%, 0.8% (84 of 10550); silence was 96.1% of 9798 before the
/// twenty-eighth and twenty-ninth batches and a ninth of near-misses. Before the nearest examples:
/// 53.2%, 96.4%, 0.5% of 1690; with them, before the fifth Discord batch, 57.8%, 96.8%, 0.6%; with
/// it, before each feature had its curve, 57.8%, 96.1%, 0.6%; with the curves, before the sixth to
/// eighth batches, 62.6%, 97.0%, 0.5% (10 of 2011); with those, before the limits held on an
/// interval clustered by writer, 71.5%, 96.7%, 0.5%; with it, before the ninth to eleventh batches,
/// 71.0%, 97.2%, 0.5% (16 of 2944); with those, before two more near-miss batches, 73.9%, 97.0%,
/// 0.5% (21 of 3876); with those, before the twelfth and thirteenth batches and a fourth of
/// near-misses, 74.9%, 96.6%, 0.6% (23 of 4134); with those, before the fourteenth to sixteenth and
/// a fifth of near-misses, 76.8%, 96.4%, 0.6% (29 of 4886); with those, before the seventeenth and
/// eighteenth, 78.2%, 96.5%, 0.7% (40 of 5953); with those, before the nineteenth and twentieth and
/// a sixth of near-misses, 79.2%, 96.5%, 0.7% (46 of 6581); with those, before the twenty-first to
/// twenty-third and a seventh of near-misses, 81.1%, 96.3%, 0.7% (50 of 7339); with those, before
/// the twenty-fourth and twenty-fifth, 83.3%, 96.3%, 0.7% (63 of 8413): those two writers'
/// questions are harder (held out, one of them gets 2.2% wrong answers), and the cut-offs rose for
/// them; with those, before the twenty-sixth and twenty-seventh and an eighth of near-misses,
/// 82.5%, 96.3%, 0.8% (68 of 9049); with those, before the reading the nearest examples lead,
/// 83.3%, 96.2%, 0.8% (75).
#[test]
fn the_french_dev_set_keeps_its_figures() {
    keeps_its_figures(Lang::Fr, 0.96, 0.97, 0.01);
}

/// The Spanish dev set's gates: what the Spanish fit reaches, which does not read the message's
/// length or the nearest examples' votes (`evaluation::features_left_out` says why), so that
/// its confidence reads what it read before them. Now right 97.9%, silent 97.0% (6742 of 6948,
/// two over the line), wrong 0.6%: 75 of 13462; held out by writer 97.3%, 96.7%, 0.8%: issue
/// 8's aims met as shipped, after a number after a plural determiner came to count the word
/// after it, and the refit (no Spanish dev question read differently before it). Before it right
/// 97.8%, silent 97.2%, wrong 0.5%: 67; held out by writer 97.3%, 96.8%, 0.8%, after a piece
/// of a word came to weigh 0.3 of a word in the naive Bayes (`naive_bayes::PIECE_WEIGHT`) and
/// the refit. Before it right 97.8%, silent 97.3%, wrong 0.6%: 76; held out by writer 97.2%,
/// 96.8%, 0.8%, after forty-six English and French phrasings and the refit (no Spanish row changed: every fit
/// learns from the other languages' questions). Before it right 97.8%, silent 97.5%, wrong 0.6%:
/// 76; held out by writer 97.2%, 97.1%, 0.8%, after a reading became
/// certain only when read in full, and the refit. Before it right 97.8%, silent 97.2%, wrong
/// 0.6%: 75; held out by writer 97.2%, 96.8%, 0.8%, after the forum's
/// Spanish name written without its small words joined the synonyms and the refit. Before it
/// right 97.7%, silent 97.1%, wrong 0.6%: 77, after the refit that
/// followed five new English and French writers' batches (no Spanish row changed). Before it
/// held out 97.1%, 96.7%, 0.8%, and the same as shipped, since the limits ask 96%
/// silence with confidence. Before, at 95%: 97.7%, 96.2%, 0.6%; held out by writer 97.2%,
/// 96.0%, 0.8%: the mean of seven fits of the trees
/// (`boosted::Trees::averaged`; the seven single fits' mean, held out, 97.15%). Before it
/// (right 97.8%, silent 96.2%, wrong
/// 0.7%: 88 of 13462; held out by writer 97.4%, 96.1%, 0.8%); before the dev labels were audited
/// (`tests/label-audit.md`, 104 Spanish lines relabelled) and the refit, 97.2%, 96.2%, 0.6%: 78,
/// held out 96.5%, 95.9%, 0.8%; before the refit that followed four
/// new English writers' batches, 97.0%, 95.9%, 0.6%: 77, held out the same; before the refit that followed French
/// chat words into the vocabulary, 97.1%, 96.1%, 0.6%: 77, held out 96.4%, 95.9%, 0.8%; before the regression and the naive
/// Bayes led readings of their own, 95.3%, 96.2%, 0.5%: 71, held out 94.8%, 96.0%, 0.8%; before the logistic regression of the
/// examples' wording, 93.5%, 96.2%, 0.6%: 79, held out 93.1%, 95.8%, 0.8%; before the naive Bayes classifier of
/// the examples' wording, 90.1%, 96.2%, 0.6%: 87, held out 89.4%, 95.8%, 0.8%; before the refit that followed 28
/// English questions into the dev set, 89.9%, 95.9%, 0.7%: 91, held out 89.2%, 95.8%, 0.8%; before
/// the thirty-third to thirty-fifth batches, 90.6%, 96.1%, 0.5%: 66 of 12592, held out 89.9%,
/// 95.8%, 0.8%; before the fit learnt from the English and French questions too, 90.4%, 96.4%,
/// 0.4%: 56, held out 89.4%, 95.8%, 0.8%), rounded down a little. Before the boosted trees: 88.0%,
/// 95.9%, 0.8% (94). It was 59.9%, 96.6%, 0.6% (10 of 1711) before what follows. Dropping the dev
/// questions that repeated one of the second blind batch (5 of 1716) had moved it from 58.3% to
/// 56.6% (the answer cut-off went from 0.918 to 0.931); a vocabulary round then to 59.9%; the
/// nearest examples to 61.1% (silent 96.6%, wrong 0.5%: 9); a fifth Discord batch (2031 questions)
/// to 64.7% (silent 96.4%, wrong 0.5%: 10); a curve for each feature to 69.7% (silent 96.9%, wrong
/// 0.4%: 8); the sixth to eighth Discord batches to 76.2% (silent 96.5%, wrong 0.5%: 15); the
/// limits held on an interval clustered by writer to 74.1% (silent 97.3%, wrong 0.4%: 13); the
/// ninth to eleventh batches to 78.2% (silent 97.5%, wrong 0.5%: 20); two more near-miss batches to
/// 78.8% (silent 97.0%, wrong 0.6%: 24); the twelfth and thirteenth batches and a fourth of
/// near-misses to 80.2% (silent 97.0%, wrong 0.5%: 25); the fourteenth to sixteenth and a fifth of
/// near-misses to 82.0% (silent 96.6%, wrong 0.6%: 37 of 5991); the seventeenth and eighteenth and
/// a sixth of near-misses to 83.2% (silent 96.5%, wrong 0.6%: 43 of 6744); the nineteenth and
/// twentieth and a seventh of near-misses to 83.8% (silent 96.3%, wrong 0.6%: 48 of 7512); the
/// twenty-first to twenty-third and an eighth of near-misses to 84.8% (silent 96.2%, wrong 0.7%: 57
/// of 8595); the twenty-fourth and twenty-fifth and a ninth of near-misses, by harder writers, to
/// 84.3% (silent 96.1%, wrong 0.6%: 55 of 9345); the twenty-sixth and a tenth of near-misses to
/// 84.2% (silent 96.1%, wrong 0.7%: 68); the reading the nearest examples lead to 87.6% (silent
/// 96.0%, wrong 0.7%: 70); the twenty-seventh and twenty-eighth and an eleventh of near-misses to
/// 87.9% (silent 95.9%, wrong 0.7%: 78 of 10536); the twenty-ninth and thirtieth and a twelfth and
/// thirteenth of near-misses to 87.7% (silent 95.9%, wrong 0.7%: 85 of 11433); the thirty-first and
/// a fourteenth to sixteenth of near-misses to 88.0%.
#[test]
fn the_spanish_dev_set_keeps_its_figures() {
    keeps_its_figures(Lang::Es, 0.97, 0.97, 0.01);
}

#[test]
fn the_committed_french_confidence_is_what_the_fitting_tool_makes_of_the_french_dev_set() {
    fitted_file_is_what_the_fit_makes(Lang::Fr, include_str!("../src/matcher/fitted_fr.rs"));
}

#[test]
fn the_committed_spanish_confidence_is_what_the_fitting_tool_makes_of_the_spanish_dev_set() {
    fitted_file_is_what_the_fit_makes(Lang::Es, include_str!("../src/matcher/fitted_es.rs"));
}

/// The position of the feature `name` among the confidence's features.
fn feature_at(name: &str) -> usize {
    FEATURE_NAMES
        .iter()
        .position(|feature| *feature == name)
        .unwrap_or_else(|| panic!("no feature named {name}"))
}

/// The dev set is the matcher's memory of examples, so a dev question asked as it stands finds
/// itself there (its `neighbour` closeness is 1); graded as the dev figures grade it, with its
/// own batch left out, it must not.
#[test]
fn a_dev_question_finds_itself_only_when_its_own_batch_is_remembered() {
    let knowledge = knowledge();
    let neighbour = feature_at("neighbour");
    for lang in Lang::ALL {
        let batches = dev_batches_in(lang);
        // A question no other writer happened to word the same way.
        let words = |question: &str| {
            fold(question)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let written_once = |question: &str| {
            batches
                .iter()
                .flatten()
                .filter(|case| words(&case.question) == words(question))
                .count()
                == 1
        };
        let (batch, case) = batches
            .iter()
            .enumerate()
            .flat_map(|(batch, cases)| cases.iter().map(move |case| (batch, case)))
            .find(|(_, case)| {
                case.in_domain()
                    && case.question.split_whitespace().count() >= 4
                    && written_once(&case.question)
                    // Ranked by its words to its own answer, and not certain (a listed
                    // phrasing is not compared with the examples).
                    && knowledge
                        .matcher_in(lang)
                        .assessments_leaving_out(&case.question, 1, None)
                        .first()
                        .is_some_and(|assessment| {
                            !assessment.features.is_exact()
                                && case.expected.contains(
                                    &knowledge.answers().answers()[assessment.ranking[0].index].id,
                                )
                        })
            })
            .expect("an in-domain dev question");
        let matcher = knowledge.matcher_in(lang);
        let closeness = |left_out| {
            matcher
                .assessments_leaving_out(&case.question, 1, left_out)
                .first()
                .map(|assessment| assessment.features.0[neighbour])
                .expect("the question matches something")
        };
        let remembered = closeness(None);
        let forgotten = closeness(Some(batch));
        assert!(remembered > 0.999, "{lang}: {remembered}");
        assert!(
            forgotten < remembered,
            "{lang}: {forgotten} with its batch left out"
        );
    }
}

/// The English readings of one question, each as its first answer and its confidence.
struct Readings {
    /// The readings the examples lead.
    led: Vec<(String, f64)>,
    /// The readings the words rank (the whole message first).
    by_words: Vec<(String, f64)>,
    /// The most confident reading.
    most_confident: (String, f64),
}

fn readings_of(question: &str) -> Readings {
    let knowledge = knowledge();
    let led_by_examples = feature_at("led_by_examples");
    let matcher = knowledge.matcher_in(Lang::En);
    let answers = knowledge.answers().answers();
    let first = |assessment: &gfmd_bot::matcher::Assessment| {
        (
            answers[assessment.ranking[0].index].id.clone(),
            assessment.confidence,
        )
    };
    let (led, by_words): (Vec<_>, Vec<_>) = matcher
        .assessments_leaving_out(question, 2, None)
        .into_iter()
        .partition(|assessment| assessment.features.0[led_by_examples] > 0.5);
    let most_confident = matcher.assess(question, 2).expect("a reading");
    Readings {
        led: led.iter().map(first).collect(),
        by_words: by_words.iter().map(first).collect(),
        most_confident: first(&most_confident),
    }
}

/// The nearest examples are not the only ones that lead: the regression and the naive Bayes of
/// the examples' wording lead a reading each when they find likeliest an answer the words and
/// the nearest example did not put first. Asked how the GCIM and the later GFMD are connected,
/// the words rank neither answer the question is labelled with; the examples lead two readings,
/// each to another answer, and the bot goes by one of the two labelled answers.
#[test]
fn the_regression_and_the_naive_bayes_lead_readings_of_their_own() {
    let Readings {
        led,
        by_words,
        most_confident: (most_confident, _),
    } = readings_of("What connection is there between the GCIM and the later GFMD?");
    assert_eq!(led.len(), 2, "two readings led by the examples: {led:?}");
    assert_ne!(led[0].0, led[1].0, "each leads to another answer");
    assert!(by_words
        .iter()
        .all(|(answer, _)| led.iter().all(|(other, _)| other != answer)));
    assert!(
        ["gcim", "origins"].contains(&most_confident.as_str()),
        "{most_confident}"
    );
}

/// Members word a topic in ways its phrasings do not list. A newcomer asking what the GFMD is
/// shares no word with that answer but "gfmd", which every answer has, and the words rank
/// another answer first; the dev questions worded like it are a reading of their own, and it
/// is the more confident one.
#[test]
fn the_nearest_examples_lead_a_reading_of_their_own() {
    let Readings {
        led,
        by_words,
        most_confident: (most_confident, confidence),
    } = readings_of(
        "hey all, just joined, everyone here keeps saying gfmd and i have no clue what it even is lol",
    );
    assert!(by_words.iter().all(|(answer, _)| answer != "what-is-gfmd"));
    assert_eq!(led.len(), 1, "one reading led by the examples");
    assert_eq!(led[0].0, "what-is-gfmd");
    assert_eq!(most_confident, "what-is-gfmd");
    assert!(confidence > by_words[0].1);
}
