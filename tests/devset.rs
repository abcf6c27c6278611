//! The labelled dev set (`tests/devset.tsv`): in-domain questions must get the labelled answer
//! and off-topic ones (`none`) must be abstained on, each at 95% or better. Misses are printed.

use gfmd_bot::answers::AnswerSet;
use gfmd_bot::knowledge::Knowledge;
use gfmd_bot::matcher::Settings;

const DEVSET: &str = include_str!("devset.tsv");
const REQUIRED: f64 = 0.95;

fn cases() -> Vec<(&'static str, &'static str)> {
    DEVSET
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            line.split_once('\t')
                .expect("each dev-set line is `id<TAB>question`")
        })
        .collect()
}

#[test]
fn the_dev_set_is_big_enough_and_names_real_answers() {
    let answers = AnswerSet::embedded().unwrap();
    let cases = cases();
    let in_domain = cases.iter().filter(|(id, _)| *id != "none").count();
    assert!(in_domain >= 150, "{in_domain} in-domain questions");
    assert!(
        cases.len() - in_domain >= 50,
        "{} off-topic questions",
        cases.len() - in_domain
    );
    for (id, question) in cases {
        assert!(
            id == "none" || answers.get(id).is_some(),
            "unknown id `{id}` for {question:?}"
        );
    }
}

#[test]
fn the_default_settings_answer_95_percent_right_and_abstain_on_95_percent_off_topic() {
    let knowledge = Knowledge::new(AnswerSet::embedded().unwrap(), Settings::default());
    let (mut right, mut in_domain, mut abstained, mut off_topic) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (expected, question) in cases() {
        let decision = knowledge.decide(question);
        let got = decision.answer().map(|answer| answer.id.as_str());
        if expected == "none" {
            off_topic += 1;
            match got {
                None => abstained += 1,
                Some(id) => misses.push(format!(
                    "answered `{id}` ({:.2}) to off-topic {question:?}",
                    decision.score()
                )),
            }
        } else {
            in_domain += 1;
            if got == Some(expected) {
                right += 1;
            } else {
                misses.push(format!(
                    "expected `{expected}`, got {got:?} ({:.2}) for {question:?}",
                    decision.score()
                ));
            }
        }
    }
    let accuracy = right as f64 / in_domain as f64;
    let abstention = abstained as f64 / off_topic as f64;
    println!(
        "in-domain right: {right}/{in_domain} ({:.1}%)",
        accuracy * 100.0
    );
    println!(
        "off-topic abstained: {abstained}/{off_topic} ({:.1}%)",
        abstention * 100.0
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(
        accuracy >= REQUIRED && abstention >= REQUIRED,
        "accuracy {:.1}% / abstention {:.1}% below {:.0}%; misses:\n{}",
        accuracy * 100.0,
        abstention * 100.0,
        REQUIRED * 100.0,
        misses.join("\n")
    );
}
