//! A miniature answer set for the matcher's unit tests: a few answers that overlap the way the
//! real ones do (a place named in several answers, a person in two, an overview and a detail).

use crate::answers::{AnswerSet, SourceFile};

/// One answer file: `(id, title, questions, keywords, description)`.
type Spec = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

const ANSWERS: &[Spec] = &[
    (
        "belgium",
        "Belgium's offer to launch the forum",
        &[
            "What was Belgium's role in the forum?",
            "Who offered to launch the forum?",
            "Why was the first meeting in Brussels?",
            "What did Belgium offer?",
        ],
        &["belgium", "brussels", "belgian offer"],
        "Belgium offered to launch the forum, and its first meeting was held in Brussels.",
    ),
    (
        "first-meeting",
        "The first meeting (Brussels, 2007)",
        &[
            "When was the first meeting?",
            "Where was the first meeting held?",
            "When did the forum start?",
            "Who attended the first meeting?",
        ],
        &["first meeting", "2007", "brussels"],
        "The first meeting took place in Brussels in July 2007, with the Secretary-General \
         present. Belgium had offered to host it.",
    ),
    (
        "secretary-general",
        "The Secretary-General's part",
        &[
            "What role did the Secretary-General play?",
            "Did the Secretary-General attend the first meeting?",
            "What was Kofi Annan's role?",
            "Which Secretary-General set up the commission?",
        ],
        &["secretary-general", "kofi annan", "annan"],
        "Kofi Annan set up the commission in 2003. The Secretary-General attended the first \
         meeting in Brussels, which Belgium hosted.",
    ),
    (
        "commission",
        "The commission",
        &[
            "What is the commission?",
            "When was the commission set up?",
            "Who set up the commission?",
            "What did the commission report?",
        ],
        &["commission", "2003", "report"],
        "The commission was set up in 2003 on the initiative of Kofi Annan. It reported two \
         years later.",
    ),
    (
        "objectives",
        "The five objectives",
        &[
            "What are the objectives?",
            "What does the forum aim to do?",
            "List the objectives",
            "What are the goals?",
        ],
        &["objectives", "five objectives", "goals"],
        "The forum has five objectives: dialogue, good practices, gaps, partnerships and the \
         agenda.",
    ),
    (
        "objective-2",
        "Objective 2: good practices",
        &[
            "What is the second objective?",
            "What is objective 2?",
            "Does the forum share good practices?",
            "How do countries learn from each other?",
        ],
        &["objective 2", "second objective", "good practices"],
        "The second objective is to exchange good practices between countries.",
    ),
];

/// The miniature set, validated like the real one.
pub fn answer_set() -> AnswerSet {
    let quoted = |items: &[&str]| {
        items
            .iter()
            .map(|item| format!("{item:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let files: Vec<SourceFile> = ANSWERS
        .iter()
        .map(|(id, title, questions, keywords, description)| {
            let related = if *id == "objectives" {
                "objective-2"
            } else {
                "objectives"
            };
            let text = format!(
                "id = {id:?}\ntitle = {title:?}\nquestions = [{}]\nkeywords = [{}]\n\
                 description = {description:?}\nsource = \"test\"\nrelated = [{related:?}]\n\
                 reviewed = 2026-11-28\n",
                quoted(questions),
                quoted(keywords),
            );
            SourceFile::new(format!("responses/{id}.toml"), text)
        })
        .collect();
    AnswerSet::from_sources(&files).expect("the fixture set is valid")
}
