//! A loaded answer set together with its matcher: what every front end (console, `ask`,
//! Discord) asks questions of. Built whole, then swapped whole on reload.

use crate::answers::{Answer, AnswerSet, LoadError};
use crate::config::Config;
use crate::matcher::{Decision, Matcher, Scored, Settings};

/// An answer set and the matcher built over it.
pub struct Knowledge {
    answers: AnswerSet,
    matcher: Matcher,
}

impl Knowledge {
    /// Indexes `answers` with `settings`.
    pub fn new(answers: AnswerSet, settings: Settings) -> Self {
        let matcher = Matcher::new(&answers, settings);
        Self { answers, matcher }
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

    /// The matcher.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The answer at `index` of [`AnswerSet::answers`].
    pub fn answer_at(&self, index: usize) -> &Answer {
        &self.answers.answers()[index]
    }

    /// Decides how to reply to a free-form question.
    pub fn decide(&self, question: &str) -> Decision {
        self.matcher.decide(question)
    }

    /// Resolves a topic name typed or picked in `/gfmd topic`: an exact id or command, an exact
    /// title (ignoring case), a confident match of the text, or else the best title, command,
    /// id or keyword that starts with it (as autocomplete would have offered).
    pub fn resolve_topic(&self, name: &str) -> Option<&Answer> {
        let name = name.trim();
        if let Some(answer) = self
            .answers
            .get(name)
            .or_else(|| self.answers.by_command(name))
        {
            return Some(answer);
        }
        if let Some(answer) = self
            .answers
            .answers()
            .iter()
            .find(|answer| answer.title.eq_ignore_ascii_case(name))
        {
            return Some(answer);
        }
        let index = self
            .decide(name)
            .answer()
            .or_else(|| self.matcher.prefix_matches(name, 1).first().copied())?;
        Some(self.answer_at(index))
    }

    /// Up to `limit` answers for an autocomplete menu.
    pub fn autocomplete(&self, input: &str, limit: usize) -> Vec<&Answer> {
        self.matcher
            .autocomplete(input, limit)
            .into_iter()
            .map(|index| self.answer_at(index))
            .collect()
    }

    /// The `limit` best-scoring answers for `question`, for moderators testing the matcher.
    pub fn top(&self, question: &str, limit: usize) -> Vec<(Scored, &Answer)> {
        self.matcher
            .rank(question, limit)
            .into_iter()
            .map(|scored| (scored, self.answer_at(scored.index)))
            .collect()
    }
}
