//! What is recorded, as plain data: a question with where it came from and what the bot decided,
//! a member's vote on an answer, a "not this" or an opened suggestion, and a question as read
//! back with its feedback. No I/O here.

use super::member::MemberHash;
pub use crate::knowledge::Outcome;
use crate::knowledge::Verdict;
use crate::locale::Lang;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch (UTC).
pub type UnixMillis = i64;

/// The current time in [`UnixMillis`].
pub fn now_millis() -> UnixMillis {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}

/// The id of a recorded question. It is chosen when the question is recorded, before anything
/// is written, so the bot can put it into a button's custom id at once (the Discord side writes it
/// in base 36 there: `gfmd:h:<id>`, see `discord/custom_id.rs`);
/// votes and clicks then name the question by it. Ids grow with time (see `ids.rs`). Written
/// and parsed as a decimal number of at most 19 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RecordId(pub i64);

impl fmt::Display for RecordId {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.0)
    }
}

impl FromStr for RecordId {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse::<i64>().map(RecordId)
    }
}

/// Declares a string-valued enum with its names, as stored and as shown.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name stored in the database and shown in output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value named `text`, as written by [`Self::as_str`].
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

named_enum! {
    /// How a question reached the bot.
    Kind {
        /// `/gfmd ask question:…`.
        SlashAsk = "slash-ask",
        /// `/gfmd topic name:…`.
        SlashTopic = "slash-topic",
        /// `/gfmd <subcommand>` for one answer.
        SlashSubcommand = "slash-subcommand",
        /// A message in a listening channel.
        Message = "message",
        /// A message that mentions the bot.
        Mention = "mention",
        /// A direct message.
        Dm = "dm",
        /// "Answer with GFMD FAQ" on a message (moderators).
        ContextMenu = "context-menu",
        /// `gfmd-bot console --record`.
        Console = "console",
        /// `gfmd-bot ask --record`.
        Ask = "ask",
        /// A button that asks on the member's behalf (a "did you mean" pick).
        Button = "button",
    }
}

named_enum! {
    /// Why a member found an answer not helpful (optional, asked privately).
    Reason {
        /// The answer is about something else.
        WrongAnswer = "wrong-answer",
        /// The answer is no longer true.
        OutOfDate = "out-of-date",
        /// The answer is hard to understand.
        Unclear = "unclear",
    }
}

named_enum! {
    /// How moderators dealt with a group in the inbox.
    Resolution {
        /// The question was added as a phrasing of an existing answer.
        PhrasingAdded = "phrasing-added",
        /// A new answer was written for it.
        AnswerAdded = "answer-added",
        /// Nothing to do.
        Dismissed = "dismissed",
    }
}

/// Where a question came from. Discord ids are kept as numbers; a DM's channel is never kept,
/// because a DM channel stands for one member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// How it reached the bot.
    pub kind: Kind,
    /// The server, if any.
    pub guild_id: Option<u64>,
    /// The channel, if any (never for [`Kind::Dm`]).
    pub channel_id: Option<u64>,
}

impl Source {
    /// A question from Discord. The channel of a DM is dropped.
    pub fn discord(kind: Kind, guild_id: Option<u64>, channel_id: Option<u64>) -> Self {
        let channel_id = if kind == Kind::Dm { None } else { channel_id };
        Self {
            kind,
            guild_id,
            channel_id,
        }
    }

    /// A question from the terminal (`ask`, `console`): no server, no channel.
    pub fn offline(kind: Kind) -> Self {
        Self {
            kind,
            guild_id: None,
            channel_id: None,
        }
    }
}

/// An answer the matcher considered, with its score (0..1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// Answer id.
    pub id: String,
    /// Score (0..1).
    pub score: f32,
}

/// One question as the bot decided it: what [`super::Recorder::question`] takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// When it was asked.
    pub at: UnixMillis,
    /// Where it came from.
    pub source: Source,
    /// The member who asked, as a keyed hash; `None` offline.
    pub member: Option<MemberHash>,
    /// The question as typed (the writer keeps its first 1000 characters).
    pub text: String,
    /// The language it was read in (and answered in): a moderator's "Add as phrasing" adds it
    /// to that language's phrasings.
    pub lang: Lang,
    /// What the bot did.
    pub outcome: Outcome,
    /// The answer given, or for a suggestion or an abstention the best candidate (not given).
    pub answer_id: Option<String>,
    /// The best score seen (0..1).
    pub score: f32,
    /// The runner-up (the second suggestion when not answering).
    pub runner_up: Option<Candidate>,
    /// Time taken to decide, in microseconds.
    pub micros: u64,
}

impl Question {
    /// A question the matcher decided, reading it in `lang`: the answer (or the first
    /// suggestion), the best score and the runner-up, timed by `took`.
    pub fn decided(
        source: Source,
        member: Option<MemberHash>,
        text: &str,
        lang: Lang,
        verdict: &Verdict<'_>,
        took: Duration,
    ) -> Self {
        let candidate = |found: crate::knowledge::Candidate<'_>| Candidate {
            id: found.answer.id.clone(),
            score: found.score,
        };
        let (first, runner_up) = verdict.top_two();
        Self {
            at: now_millis(),
            source,
            member,
            text: text.to_owned(),
            lang,
            outcome: verdict.outcome(),
            answer_id: first.map(|found| found.answer.id.clone()),
            score: verdict.score(),
            runner_up: runner_up.map(candidate),
            micros: micros(took),
        }
    }

    /// A question answered directly, without the matcher deciding (`/gfmd <subcommand>`, a topic
    /// picked by name), for a member reading `lang`: the answer with score 1.
    pub fn direct(
        source: Source,
        member: Option<MemberHash>,
        text: &str,
        lang: Lang,
        answer_id: &str,
        took: Duration,
    ) -> Self {
        Self {
            at: now_millis(),
            source,
            member,
            text: text.to_owned(),
            lang,
            outcome: Outcome::Answer,
            answer_id: Some(answer_id.to_owned()),
            score: 1.0,
            runner_up: None,
            micros: micros(took),
        }
    }
}

/// `took` in whole microseconds.
fn micros(took: Duration) -> u64 {
    u64::try_from(took.as_micros()).unwrap_or(u64::MAX)
}

/// A member's vote on an answer: one per member per answered question; a later vote replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feedback {
    /// "Helpful".
    Helpful,
    /// "Not helpful", with the reason when the member gave one. A vote without a reason keeps
    /// the reason the same member gave before.
    NotHelpful(Option<Reason>),
}

/// One thing to store, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A question and its id.
    Question {
        /// The id handed back by [`super::Recorder::question`].
        id: RecordId,
        /// The question.
        question: Question,
    },
    /// A vote on the answer to `question`. Ignored when that question is not stored.
    Vote {
        /// The question answered.
        question: RecordId,
        /// Who voted.
        member: MemberHash,
        /// The vote.
        feedback: Feedback,
        /// When.
        at: UnixMillis,
    },
    /// "Not this" on the suggestions for `question`: a miss.
    NotThis {
        /// The question.
        question: RecordId,
        /// When.
        at: UnixMillis,
    },
    /// A suggestion for `question` was opened.
    SuggestionOpened {
        /// The question.
        question: RecordId,
        /// The answer opened.
        answer_id: String,
        /// When.
        at: UnixMillis,
    },
}

impl Event {
    /// The question this event is about.
    pub fn question_id(&self) -> RecordId {
        match self {
            Event::Question { id, .. } => *id,
            Event::Vote { question, .. }
            | Event::NotThis { question, .. }
            | Event::SuggestionOpened { question, .. } => *question,
        }
    }

    /// The member this event carries, if any.
    pub fn member(&self) -> Option<&MemberHash> {
        match self {
            Event::Question { question, .. } => question.member.as_ref(),
            Event::Vote { member, .. } => Some(member),
            Event::NotThis { .. } | Event::SuggestionOpened { .. } => None,
        }
    }
}

/// A stored question with what happened after: votes, clicks, resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredQuestion {
    /// Its id.
    pub id: RecordId,
    /// The question as recorded.
    pub question: Question,
    /// The suggestion opened, if any.
    pub opened: Option<String>,
    /// Whether "not this" was clicked.
    pub not_this: bool,
    /// "Helpful" votes.
    pub helpful: u32,
    /// "Not helpful" votes.
    pub not_helpful: u32,
    /// Reasons given with "not helpful" votes.
    pub reasons: Vec<Reason>,
    /// How moderators resolved it, once they have.
    pub resolved: Option<Resolution>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(*kind));
        }
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.as_str()), Some(*reason));
        }
        assert_eq!(Outcome::parse("maybe"), None);
        assert_eq!("123".parse::<RecordId>().unwrap(), RecordId(123));
    }

    #[test]
    fn a_dm_channel_is_never_kept() {
        let source = Source::discord(Kind::Dm, None, Some(42));
        assert_eq!(source.channel_id, None);
        let source = Source::discord(Kind::Message, Some(1), Some(42));
        assert_eq!(source.channel_id, Some(42));
    }
}
