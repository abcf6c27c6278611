//! What the Discord handlers record, as the plans see it: a question asked ([`Asked`]), and a
//! [`Records`] sink for the question, votes and clicks. In the bot the sink is [`Live`], which
//! hands everything to the [`Recorder`] without waiting; in tests it is [`Noted`], which keeps
//! it in memory. Either way the plans stay plain functions of their inputs.

use crate::knowledge::Verdict;
use crate::locale::Lang;
use crate::records::{Feedback, Kind, MemberHash, Outcome, Question, RecordId, Recorder, Source};
use std::time::Instant;

/// One question the bot is handling: who asked, where, and since when.
#[derive(Debug, Clone, Copy)]
pub struct Asked {
    /// The Discord user who asked (or clicked). Recorded only as a keyed hash, by the sink.
    pub user_id: u64,
    /// Where it came from.
    pub source: Source,
    /// When handling began (the time recorded runs from here to the decision).
    pub started: Instant,
}

impl Asked {
    /// A question of `kind` from `user_id`. Outside a server (`guild_id` is `None`) the channel
    /// is a direct-message channel, which stands for the member, so it is not kept.
    pub fn new(kind: Kind, user_id: u64, guild_id: Option<u64>, channel_id: u64) -> Self {
        let channel = guild_id.map(|_| channel_id);
        Self {
            user_id,
            source: Source::discord(kind, guild_id, channel),
            started: Instant::now(),
        }
    }

    /// The same question, reached another way (a button click rather than a command).
    pub fn as_kind(self, kind: Kind) -> Self {
        Self {
            source: Source {
                kind,
                ..self.source
            },
            ..self
        }
    }

    /// The question `text` as the matcher decided it, reading it in `lang`.
    pub fn decided(&self, text: &str, lang: Lang, verdict: &Verdict<'_>) -> Question {
        Question::decided(
            self.source,
            None,
            text,
            lang,
            verdict,
            self.started.elapsed(),
        )
    }

    /// The question `text` answered with `answer_id` without the matcher, for a member reading
    /// `lang`.
    pub fn direct(&self, text: &str, lang: Lang, answer_id: &str) -> Question {
        Question::direct(
            self.source,
            None,
            text,
            lang,
            answer_id,
            self.started.elapsed(),
        )
    }

    /// The question `text` (in `lang`) that named nothing the bot has (a topic that does not
    /// exist): an abstention, with the best guess as the candidate.
    pub fn unmatched(&self, text: &str, lang: Lang, best_guess: Option<&str>) -> Question {
        Question {
            outcome: Outcome::Abstain,
            answer_id: best_guess.map(str::to_owned),
            score: 0.0,
            runner_up: None,
            ..self.direct(text, lang, "")
        }
    }
}

/// Where the plans record what happened. Every call returns at once.
pub trait Records {
    /// Records a question (the sink fills in the member); returns its id for the reply's
    /// buttons, or `None` when nothing is recorded (then the reply offers no feedback buttons).
    fn question(&mut self, question: Question) -> Option<RecordId>;
    /// Records the member's vote on the answer to `record` (replacing their earlier one).
    fn vote(&mut self, record: RecordId, feedback: Feedback);
    /// Records "Not this" on the suggestion for `record`.
    fn not_this(&mut self, record: RecordId);
    /// Records that the suggestion `answer_id` for `record` was opened.
    fn opened(&mut self, record: RecordId, answer_id: &str);
}

/// The bot's sink: the recorder, for one member (the asker or the clicker).
pub struct Live<'r> {
    recorder: &'r Recorder,
    member: MemberHash,
}

impl<'r> Live<'r> {
    /// Records through `recorder` on behalf of Discord user `user_id`.
    pub fn new(recorder: &'r Recorder, user_id: u64) -> Self {
        Self {
            recorder,
            member: recorder.member(user_id),
        }
    }
}

impl Records for Live<'_> {
    fn question(&mut self, mut question: Question) -> Option<RecordId> {
        if !self.recorder.is_enabled() {
            return None;
        }
        question.member = Some(self.member.clone());
        Some(self.recorder.question(question))
    }

    fn vote(&mut self, record: RecordId, feedback: Feedback) {
        self.recorder.vote(record, self.member.clone(), feedback);
    }

    fn not_this(&mut self, record: RecordId) {
        self.recorder.not_this(record);
    }

    fn opened(&mut self, record: RecordId, answer_id: &str) {
        self.recorder.suggestion_opened(record, answer_id);
    }
}

/// One thing a plan recorded besides questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// A vote.
    Vote(RecordId, Feedback),
    /// "Not this".
    NotThis(RecordId),
    /// A suggestion opened.
    Opened(RecordId, String),
}

/// A sink that keeps what was recorded in memory, numbering questions from 1 (tests, and
/// anyone who wants to see what a plan would record).
#[derive(Debug, Default)]
pub struct Noted {
    /// The questions, in order; the n-th got id n.
    pub questions: Vec<Question>,
    /// Votes and clicks, in order.
    pub notes: Vec<Note>,
    /// Record nothing, as the bot does with recording off.
    pub off: bool,
}

impl Records for Noted {
    fn question(&mut self, question: Question) -> Option<RecordId> {
        if self.off {
            return None;
        }
        self.questions.push(question);
        Some(RecordId(self.questions.len() as i64))
    }

    fn vote(&mut self, record: RecordId, feedback: Feedback) {
        self.notes.push(Note::Vote(record, feedback));
    }

    fn not_this(&mut self, record: RecordId) {
        self.notes.push(Note::NotThis(record));
    }

    fn opened(&mut self, record: RecordId, answer_id: &str) {
        self.notes.push(Note::Opened(record, answer_id.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_server_the_channel_is_not_kept() {
        let asked = Asked::new(Kind::SlashAsk, 7, None, 42);
        assert_eq!(asked.source.channel_id, None);
        let asked = Asked::new(Kind::SlashAsk, 7, Some(1), 42);
        assert_eq!(asked.source.channel_id, Some(42));
        assert_eq!(asked.as_kind(Kind::Button).source.kind, Kind::Button);
    }

    #[test]
    fn an_unmatched_question_is_an_abstention_with_the_best_guess() {
        let question =
            Asked::new(Kind::SlashTopic, 7, Some(1), 2).unmatched("pizza", Lang::En, Some("x"));
        assert_eq!(question.outcome, Outcome::Abstain);
        assert_eq!(question.answer_id.as_deref(), Some("x"));
        assert_eq!(question.text, "pizza");
        assert_eq!(question.member, None, "the sink fills in the member");
    }

    #[test]
    fn the_live_sink_records_the_member_as_a_hash_and_nothing_when_off() {
        let recorder = Recorder::disabled();
        let mut live = Live::new(&recorder, 7);
        let question = Asked::new(Kind::SlashAsk, 7, Some(1), 2).direct("q", Lang::En, "timeline");
        assert_eq!(live.question(question), None, "recording is off");
        let mut noted = Noted::default();
        let question = Asked::new(Kind::SlashAsk, 7, Some(1), 2).direct("q", Lang::En, "timeline");
        assert_eq!(noted.question(question), Some(RecordId(1)));
    }
}
