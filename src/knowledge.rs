//! A loaded answer set together with its matchers, one per language: what every front end
//! (console, `ask`, Discord) asks questions of. Built whole, then swapped whole on reload
//! (sharing the dev-set examples with the knowledge it replaces, [`Knowledge::after`]). It
//! answers with answers, never with positions in the set: a [`Verdict`] carries the answer
//! itself, its related answers and the suggestions. A question in French is matched by the
//! French matcher, against the answers' French text only ([`Knowledge::decide_in`]); which
//! language a free-form message is in is [`crate::detect`]'s business.

use crate::answers::{Answer, AnswerSet, LoadError};
use crate::config::Config;
use crate::locale::Lang;
use crate::matcher::{Assessment, Decision, Matcher, Scored, Settings};

/// An answer set and the matchers built over it, one per language.
pub struct Knowledge {
    answers: AnswerSet,
    /// One per language, in the order of [`Lang::ALL`].
    matchers: [Matcher; 3],
}

/// An answer with the matcher's score for one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'k> {
    /// The answer.
    pub answer: &'k Answer,
    /// Score in 0..=1.
    pub score: f32,
}

/// A confident answer to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered<'k> {
    /// The answer to give.
    pub answer: &'k Answer,
    /// Its score in 0..=1.
    pub score: f32,
    /// The next best candidate, if any.
    pub runner_up: Option<Candidate<'k>>,
    /// The answer's related answers that exist, in the order the answer lists them.
    pub related: Vec<&'k Answer>,
}

/// The three outcomes of a question, as a plain name (`ask --json`, logs, records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Confident: the answer is given.
    Answer,
    /// Middling: the best candidate is offered, not given.
    Suggest,
    /// Unsure: nothing is given (suggestions may be shown on request).
    Abstain,
}

impl Outcome {
    /// Every outcome, confident first.
    pub const ALL: &'static [Outcome] = &[Outcome::Answer, Outcome::Suggest, Outcome::Abstain];

    /// `"answer"`, `"suggest"` or `"abstain"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answer => "answer",
            Outcome::Suggest => "suggest",
            Outcome::Abstain => "abstain",
        }
    }

    /// The outcome named `text`, as written by [`Self::as_str`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|outcome| outcome.as_str() == text)
    }
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl serde::Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// What the knowledge makes of one free-form question.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict<'k> {
    /// Confident: give this answer.
    Answer(Answered<'k>),
    /// Middling: offer these candidates, best first (never empty), without posting an answer.
    Suggest {
        /// The candidates, best first.
        suggestions: Vec<Candidate<'k>>,
    },
    /// Unsure: give nothing; these are the candidates worth offering when asked (maybe none).
    Abstain {
        /// The best score seen (0 when nothing matched).
        best_score: f32,
        /// Up to `max_suggestions` candidates, best first.
        suggestions: Vec<Candidate<'k>>,
    },
}

impl<'k> Verdict<'k> {
    /// Which of the three outcomes this is.
    pub fn outcome(&self) -> Outcome {
        match self {
            Verdict::Answer(_) => Outcome::Answer,
            Verdict::Suggest { .. } => Outcome::Suggest,
            Verdict::Abstain { .. } => Outcome::Abstain,
        }
    }

    /// The confident answer, if any.
    pub fn answered(&self) -> Option<&Answered<'k>> {
        match self {
            Verdict::Answer(answered) => Some(answered),
            _ => None,
        }
    }

    /// The answer given, if any.
    pub fn answer(&self) -> Option<&'k Answer> {
        self.answered().map(|answered| answered.answer)
    }

    /// The candidates offered instead of an answer (empty when answering).
    pub fn suggestions(&self) -> &[Candidate<'k>] {
        match self {
            Verdict::Answer(_) => &[],
            Verdict::Suggest { suggestions } | Verdict::Abstain { suggestions, .. } => suggestions,
        }
    }

    /// The best score seen, answered or not.
    pub fn score(&self) -> f32 {
        match self {
            Verdict::Answer(answered) => answered.score,
            Verdict::Suggest { suggestions } => suggestions.first().map_or(0.0, |best| best.score),
            Verdict::Abstain { best_score, .. } => *best_score,
        }
    }

    /// The best candidate (the answer, or the first suggestion) and the next one, for logs and
    /// records.
    pub fn top_two(&self) -> (Option<Candidate<'k>>, Option<Candidate<'k>>) {
        match self {
            Verdict::Answer(answered) => (
                Some(Candidate {
                    answer: answered.answer,
                    score: answered.score,
                }),
                answered.runner_up,
            ),
            _ => {
                let suggestions = self.suggestions();
                (suggestions.first().copied(), suggestions.get(1).copied())
            }
        }
    }
}

impl Knowledge {
    /// Indexes `answers` with `settings`, once per language, the languages side by side (each
    /// fits its own regression of the dev set's wording, `matcher::linear`: most of the start).
    pub fn new(answers: AnswerSet, settings: Settings) -> Self {
        let matchers = std::thread::scope(|scope| {
            let answers = &answers;
            Lang::ALL
                .map(|lang| scope.spawn(move || Matcher::new_in(answers, lang, settings)))
                .map(|building| {
                    building
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
        });
        Self { answers, matchers }
    }

    /// Indexes `answers` with `settings` to replace `previous` (a reload): the same knowledge as
    /// [`Knowledge::new`], but each language's nearest examples are shared with `previous`
    /// when the dev set's labels name the same answers of both sets, by id and in order
    /// ([`Matcher::new_in_after`]). An edit of an answer's text, or a moderator's new answer,
    /// then costs no second copy of the dev set's examples.
    pub fn after(previous: &Knowledge, answers: AnswerSet, settings: Settings) -> Self {
        let matchers = previous
            .matchers
            .each_ref()
            .map(|matcher| Matcher::new_in_after(matcher, &answers, settings));
        Self { answers, matchers }
    }

    /// The answer set compiled into the binary, with the default settings: the set the dev and
    /// blind sets grade, and the one tests, examples and benches start from.
    pub fn embedded() -> Result<Self, LoadError> {
        Ok(Self::new(AnswerSet::embedded()?, Settings::default()))
    }

    /// Loads the set named by the config: `responses_dir` when set, else the embedded set.
    pub fn load(config: &Config) -> Result<Self, LoadError> {
        let answers = match &config.responses_dir {
            Some(dir) => AnswerSet::load_dir(dir)?,
            None => AnswerSet::embedded()?,
        };
        Ok(Self::new(answers, config.matcher))
    }

    /// The answer set.
    pub fn answers(&self) -> &AnswerSet {
        &self.answers
    }

    /// The English matcher.
    pub fn matcher(&self) -> &Matcher {
        self.matcher_in(Lang::En)
    }

    /// The matcher of questions in `lang`.
    pub fn matcher_in(&self, lang: Lang) -> &Matcher {
        let at = Lang::ALL
            .iter()
            .position(|other| *other == lang)
            .unwrap_or(0);
        &self.matchers[at]
    }

    /// The related answers of `answer` that exist, in the order it lists them.
    pub fn related(&self, answer: &Answer) -> Vec<&Answer> {
        answer
            .related
            .iter()
            .filter_map(|id| self.answers.get(id))
            .collect()
    }

    /// Decides how to reply to a free-form question in English.
    pub fn decide(&self, question: &str) -> Verdict<'_> {
        self.decide_in(Lang::En, question)
    }

    /// Decides how to reply to a free-form question in `lang`, with the same three outcomes in
    /// every language. Only answers translated into `lang` can be chosen.
    pub fn decide_in(&self, lang: Lang, question: &str) -> Verdict<'_> {
        self.verdict(self.matcher_in(lang).decide(question))
    }

    /// [`Knowledge::decide_in`] as if the dev set's batch `left_out` had never been written
    /// ([`Matcher::assess_and_decide_leaving_out`]), with the assessment the verdict was reached
    /// on: how the dev-set figures grade a writer's questions.
    pub fn assess_and_decide_leaving_out(
        &self,
        lang: Lang,
        question: &str,
        left_out: Option<usize>,
    ) -> (Option<Assessment>, Verdict<'_>) {
        let (assessment, decision) = self
            .matcher_in(lang)
            .assess_and_decide_leaving_out(question, left_out);
        (assessment, self.verdict(decision))
    }

    /// The verdict of the matcher's `decision`, with the answers it names.
    fn verdict(&self, decision: Decision) -> Verdict<'_> {
        match decision {
            Decision::Answer { best, runner_up } => {
                let answer = self.answer_at(best.index);
                Verdict::Answer(Answered {
                    answer,
                    score: best.score,
                    runner_up: runner_up.map(|scored| self.candidate(scored)),
                    related: self.related(answer),
                })
            }
            Decision::Suggest { suggestions } => Verdict::Suggest {
                suggestions: self.candidates(&suggestions),
            },
            Decision::Abstain {
                best_score,
                suggestions,
            } => Verdict::Abstain {
                best_score,
                suggestions: self.candidates(&suggestions),
            },
        }
    }

    /// The `limit` best-scoring answers for `question`, best first, whatever the decision (for
    /// moderators testing the matcher, and for tuning).
    pub fn rank(&self, question: &str, limit: usize) -> Vec<Candidate<'_>> {
        self.rank_in(Lang::En, question, limit)
    }

    /// [`Knowledge::rank`] of a question in `lang`, read by that language's matcher.
    pub fn rank_in(&self, lang: Lang, question: &str, limit: usize) -> Vec<Candidate<'_>> {
        self.candidates(&self.matcher_in(lang).rank(question, limit))
    }

    /// Resolves a topic name typed or picked in `/gfmd topic` (English).
    pub fn resolve_topic(&self, name: &str) -> Option<&Answer> {
        self.resolve_topic_in(Lang::En, name)
    }

    /// Resolves a topic name typed or picked in `/gfmd topic` by a member reading `lang`: an
    /// exact id or command, an exact title in `lang` or in English (ignoring case), a confident
    /// match of the text in `lang`, or else the best title, command, id or keyword that starts
    /// with it (as autocomplete would have offered).
    pub fn resolve_topic_in(&self, lang: Lang, name: &str) -> Option<&Answer> {
        let name = name.trim();
        if let Some(answer) = self
            .answers
            .get(name)
            .or_else(|| self.answers.by_command(name))
        {
            return Some(answer);
        }
        if let Some(answer) = self.answers.answers().iter().find(|answer| {
            answer.title.eq_ignore_ascii_case(name)
                || answer.title_in(lang).to_lowercase() == name.to_lowercase()
        }) {
            return Some(answer);
        }
        self.decide_in(lang, name).answer().or_else(|| {
            let index = *self.matcher_in(lang).prefix_matches(name, 1).first()?;
            Some(self.answer_at(index))
        })
    }

    /// Up to `limit` answers for an autocomplete menu (English).
    pub fn autocomplete(&self, input: &str, limit: usize) -> Vec<&Answer> {
        self.autocomplete_in(Lang::En, input, limit)
    }

    /// Up to `limit` answers for an autocomplete menu shown to a member reading `lang`: matched
    /// on the titles and keywords in that language, and on questions in it.
    pub fn autocomplete_in(&self, lang: Lang, input: &str, limit: usize) -> Vec<&Answer> {
        self.matcher_in(lang)
            .autocomplete(input, limit)
            .into_iter()
            .map(|index| self.answer_at(index))
            .collect()
    }

    /// The answer at `index` of [`AnswerSet::answers`]: the matcher's positions stay inside.
    fn answer_at(&self, index: usize) -> &Answer {
        &self.answers.answers()[index]
    }

    fn candidate(&self, scored: Scored) -> Candidate<'_> {
        Candidate {
            answer: self.answer_at(scored.index),
            score: scored.score,
        }
    }

    fn candidates(&self, scored: &[Scored]) -> Vec<Candidate<'_>> {
        scored
            .iter()
            .map(|&scored| self.candidate(scored))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{embedded_sources, SourceFile};
    use crate::matcher::confidence::FEATURE_NAMES;

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    /// The embedded answer files, `edit`ed.
    fn embedded_set_with(edit: impl FnOnce(&mut Vec<SourceFile>)) -> AnswerSet {
        let mut sources = embedded_sources();
        edit(&mut sources);
        AnswerSet::from_sources(&sources).expect("a valid set")
    }

    /// Questions in each language that reach the nearest examples (none is a listed phrasing).
    const REACHING_THE_EXAMPLES: [(Lang, &str); 6] = [
        (Lang::En, "Is the Global Forum legally binding on governments?"),
        (Lang::En, "which country put its hand up to launch the whole thing"),
        (
            Lang::En,
            "hey all, new here. been reading about migration stuff. who offered to get the forum going?",
        ),
        (Lang::Fr, "Quel pays a proposé de lancer le forum ?"),
        (Lang::Es, "¿Qué país se ofreció para lanzar el foro?"),
        (Lang::Es, "¿dónde fue la primera reunión?"),
    ];

    /// Asserts that `reloaded` assesses every question of [`REACHING_THE_EXAMPLES`] exactly as
    /// `fresh` does (every reading, its features and confidence, bit for bit).
    fn assert_assesses_as(reloaded: &Knowledge, fresh: &Knowledge) {
        for (lang, question) in REACHING_THE_EXAMPLES {
            let assessed =
                |knowledge: &Knowledge| knowledge.matcher_in(lang).assessments(question, 3);
            let readings = assessed(fresh);
            let neighbour = FEATURE_NAMES.iter().position(|name| *name == "neighbour");
            let neighbour = neighbour.expect("a feature of the examples");
            assert!(
                readings
                    .iter()
                    .any(|reading| reading.features.0[neighbour] > 0.0),
                "{question:?} reaches the examples"
            );
            assert_eq!(assessed(reloaded), readings, "{question:?}");
        }
    }

    #[test]
    fn a_reload_that_edits_an_answer_shares_the_examples_and_assesses_as_a_fresh_build() {
        let before = knowledge();
        let edited = embedded_set_with(|sources| {
            let belgium = sources
                .iter_mut()
                .find(|file| file.name.ends_with("/belgium.toml"))
                .expect("belgium.toml");
            let old = "title = \"Belgium's offer to launch the GFMD process\"";
            assert!(belgium.text.contains(old));
            belgium.text =
                belgium
                    .text
                    .replacen(old, "title = \"Belgium offered to launch the GFMD\"", 1);
        });
        let reloaded = Knowledge::after(&before, edited.clone(), Settings::default());
        let fresh = Knowledge::new(edited, Settings::default());
        for lang in Lang::ALL {
            assert!(reloaded
                .matcher_in(lang)
                .shares_examples_with(before.matcher_in(lang)));
            assert!(!fresh
                .matcher_in(lang)
                .shares_examples_with(before.matcher_in(lang)));
        }
        assert_eq!(
            reloaded.answers().get("belgium").map(|a| a.title.as_str()),
            Some("Belgium offered to launch the GFMD")
        );
        assert_assesses_as(&reloaded, &fresh);
    }

    #[test]
    fn a_reload_that_adds_or_removes_an_answer_no_label_names_shares_the_examples() {
        let before = knowledge();
        // A moderator's own answer, which sorts among the shipped ones: the answers after it
        // move up an index.
        let more = embedded_set_with(|sources| {
            sources.push(SourceFile::new(
                "responses/meeting-rooms.toml",
                "id = \"meeting-rooms\"\ntitle = \"Where the meetings are held\"\n\
                 questions = [\"Which rooms are the meetings held in?\"]\n\
                 description = \"The note does not say.\"\nsource = \"GFMD background note\"\n",
            ));
        });
        let added = more.index_of("meeting-rooms").expect("the new answer");
        assert!(added < more.len() - 1, "not the last answer");
        let reloaded = Knowledge::after(&before, more.clone(), Settings::default());
        let fresh = Knowledge::new(more, Settings::default());
        for lang in Lang::ALL {
            assert!(reloaded
                .matcher_in(lang)
                .shares_examples_with(before.matcher_in(lang)));
        }
        assert_assesses_as(&reloaded, &fresh);
        assert_eq!(
            reloaded
                .decide("Which rooms are the meetings held in?")
                .answer()
                .map(|answer| answer.id.as_str()),
            Some("meeting-rooms")
        );
        // Back to the shipped set: the new answer removed, the examples still shared.
        let again = Knowledge::after(&reloaded, before.answers().clone(), Settings::default());
        assert!(again
            .matcher_in(Lang::En)
            .shares_examples_with(before.matcher_in(Lang::En)));
        assert_assesses_as(&again, &before);
    }

    #[test]
    fn a_reload_that_removes_or_adds_an_answer_the_labels_name_indexes_the_examples_again() {
        let before = knowledge();
        let fewer = embedded_set_with(|sources| {
            sources.retain(|file| !file.name.ends_with("/belgium.toml"));
            for file in sources.iter_mut() {
                file.text = file
                    .text
                    .replace("\"belgium\", ", "")
                    .replace(", \"belgium\"", "");
            }
        });
        assert!(fewer.get("belgium").is_none());
        let reloaded = Knowledge::after(&before, fewer.clone(), Settings::default());
        let fresh = Knowledge::new(fewer, Settings::default());
        for lang in Lang::ALL {
            assert!(!reloaded
                .matcher_in(lang)
                .shares_examples_with(before.matcher_in(lang)));
        }
        assert_assesses_as(&reloaded, &fresh);
        // Belgium back: its examples are indexed again with it.
        let again = Knowledge::after(&reloaded, before.answers().clone(), Settings::default());
        assert!(!again
            .matcher_in(Lang::En)
            .shares_examples_with(reloaded.matcher_in(Lang::En)));
        assert_assesses_as(&again, &before);
    }

    #[test]
    fn a_confident_verdict_carries_the_answer_its_related_answers_and_the_runner_up() {
        let knowledge = knowledge();
        let verdict = knowledge.decide("what are the objectives of the gfmd");
        let answered = verdict.answered().expect("answered");
        assert_eq!(answered.answer.id, "objectives");
        assert_eq!(verdict.outcome(), Outcome::Answer);
        let listed: Vec<&str> = answered.answer.related.iter().map(String::as_str).collect();
        let related: Vec<&str> = answered.related.iter().map(|a| a.id.as_str()).collect();
        assert!(!related.is_empty());
        assert_eq!(related, listed);
        assert!(verdict.suggestions().is_empty());
        let (best, second) = verdict.top_two();
        assert_eq!(best.map(|c| c.answer.id.as_str()), Some("objectives"));
        assert!(second.is_some_and(|second| second.score <= answered.score));
    }

    #[test]
    fn an_off_topic_verdict_gives_no_answer() {
        let knowledge = knowledge();
        let verdict = knowledge.decide("how do I renew my passport");
        assert_eq!(verdict.outcome(), Outcome::Abstain);
        assert!(verdict.answer().is_none());
        assert_eq!(Outcome::Abstain.as_str(), "abstain");
    }

    #[test]
    fn rank_returns_answers_best_first() {
        let knowledge = knowledge();
        let ranked = knowledge.rank("when was the first meeting in brussels", 3);
        assert_eq!(ranked.len(), 3);
        assert!(ranked.windows(2).all(|pair| pair[0].score >= pair[1].score));
        assert_eq!(ranked[0].answer.id, "first-meeting");
    }

    /// The id answered, `"suggest:<id>"` for an offer, or `"abstain"`.
    fn outcome(knowledge: &Knowledge, question: &str) -> String {
        let verdict = knowledge.decide(question);
        match verdict.outcome() {
            Outcome::Answer => verdict.answer().unwrap().id.clone(),
            Outcome::Suggest => format!("suggest:{}", verdict.suggestions()[0].answer.id),
            Outcome::Abstain => "abstain".to_owned(),
        }
    }

    #[test]
    fn text_speak_and_symbols_are_read_as_plain_words() {
        let knowledge = knowledge();
        for (question, id) in [
            ("wen n wher was the 1st gfmd mtg", "first-meeting"),
            (
                "What is the \"Global Forum on Migration & Development\"?",
                "what-is-gfmd",
            ),
            ("obj. #4: partnerships w/ whom?", "objective-4-partnerships"),
            ("OBJECTIVE 3 GFMD", "objective-3-policy-gaps"),
            ("GFMD??", "what-is-gfmd"),
        ] {
            assert_eq!(outcome(&knowledge, question), id, "{question:?}");
        }
    }

    #[test]
    fn a_number_before_a_plural_asks_for_them_all_in_each_language() {
        let knowledge = knowledge();
        for (lang, question) in [
            (Lang::En, "wat r the 5 aims"),
            (Lang::Fr, "quels sont les 5 objectifs du FMMD"),
            (Lang::Es, "cuáles son los 5 objetivos del FMMD"),
        ] {
            let verdict = knowledge.decide_in(lang, question);
            let answer = verdict.answer().map(|answer| answer.id.as_str());
            assert_eq!(answer, Some("objectives"), "{question:?}");
        }
        assert_eq!(outcome(&knowledge, "what is aim 5"), "objective-5-agenda");
    }

    #[test]
    fn a_plural_determiner_before_a_number_asks_for_them_all_though_the_noun_lost_its_ending() {
        let knowledge = knowledge();
        for (lang, question) in [
            (Lang::Fr, "qq1 peut me resumer les 5 objectif du gfmd"),
            (Lang::Es, "alguien me resume los 5 objetivo del fmmd"),
        ] {
            let verdict = knowledge.decide_in(lang, question);
            let answer = verdict.answer().map(|answer| answer.id.as_str());
            assert_eq!(answer, Some("objectives"), "{question:?}");
        }
    }

    #[test]
    fn a_message_word_for_word_a_listed_question_is_answered_with_its_answer() {
        let question = "which country chairs the gfmd this year";
        let with_phrasing = |listed: bool| {
            let mut files = crate::answers::embedded_sources();
            let file = files
                .iter_mut()
                .find(|file| file.name.ends_with("first-meeting.toml"))
                .unwrap();
            if listed {
                file.text = file.text.replacen(
                    "questions = [\n",
                    &format!("questions = [\n  \"{question}?\",\n"),
                    1,
                );
            }
            let set = AnswerSet::from_sources(&files).unwrap();
            Knowledge::new(set, Settings::default())
        };
        assert_ne!(outcome(&with_phrasing(false), question), "first-meeting");
        assert_eq!(outcome(&with_phrasing(true), question), "first-meeting");
        assert_eq!(
            outcome(&with_phrasing(true), &question.to_uppercase()),
            "first-meeting"
        );
    }

    #[test]
    fn the_question_inside_a_long_message_is_found() {
        let message = "Hi all, quick one. I'm writing a short policy memo and need to describe \
                       the GFMD correctly. Is it a formal intergovernmental organisation with a \
                       charter, or more of an informal process? Want to get the wording right \
                       before I hand it in.";
        // Found: answered, or offered as "might help" (the fitted cut-offs decide which).
        let found = outcome(&knowledge(), message);
        assert!(
            ["nature", "suggest:nature"].contains(&found.as_str()),
            "{found}"
        );
    }

    #[test]
    fn words_no_answer_knows_keep_the_bot_silent() {
        let knowledge = knowledge();
        for question in [
            "what languages are gfmd meetings held in",
            "how big is the gfmd's annual budget",
            "whats the link to the official gfmd site",
            "which country hosted the most recent gfmd summit",
            "is there a gfmd newsletter",
            "gfmd internship",
            "any gfmd documentary",
            "is there a gfmd course",
            "is there a gfmd discord server",
        ] {
            assert_eq!(outcome(&knowledge, question), "abstain", "{question:?}");
        }
    }

    #[test]
    fn a_middling_question_is_offered_not_answered() {
        let knowledge = knowledge();
        // "gfmd commission" was middling until a refit of 2026-12-05 answered it (GCIM); "gfmd
        // chapter" was answered by one refit that day and offered again by the next. An example
        // near the answer cut-off can cross it with any refit.
        let question = "gfmd report";
        assert_eq!(outcome(&knowledge, question), "suggest:gcim-report");
        let verdict = knowledge.decide(question);
        assert!(verdict.answer().is_none());
        assert!(!verdict.suggestions().is_empty());
    }
}
