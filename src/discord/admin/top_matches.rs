//! The matcher seen through a moderator's eyes: `/gfmd-admin test` and the "Answer with GFMD FAQ"
//! message command show the top three answers with scores and what the bot would do; from the
//! message command, a **Post** button answers the message with the chosen answer.
//!
//! A **Post** button's custom id is `gfmd:p:<answer id>:<message id>:<record>` (numbers in base
//! 36, as in [`crate::discord::custom_id`]; at most 99 characters), `<record>` naming the
//! message's question as recorded (empty when not); buttons from before recording,
//! `gfmd:post:<answer id>:<message id>`, still work.

use crate::answers::limits::{self, truncate};
use crate::discord::custom_id::{base36, parse_base36, parse_record_part, record_part};
use crate::discord::reply::{Button, Reply, Row};
use crate::knowledge::{Knowledge, Outcome};
use crate::records::RecordId;
use crate::render::quote_user_text;

/// Custom-id prefix of "post this answer" buttons.
const POST_PREFIX: &str = "gfmd:p:";
/// The prefix of the same buttons before recording existed.
const OLD_POST_PREFIX: &str = "gfmd:post:";

/// Whether `custom_id` is a **Post** button's.
pub fn is_post(custom_id: &str) -> bool {
    custom_id.starts_with(POST_PREFIX) || custom_id.starts_with(OLD_POST_PREFIX)
}

/// A moderator's pick: post answer `answer` as a reply to message `message`, whose question
/// was recorded as `record`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post<'a> {
    /// The answer id.
    pub answer: &'a str,
    /// The message to reply to.
    pub message: u64,
    /// The message's question, as recorded.
    pub record: Option<RecordId>,
}

/// The custom id of a **Post** button.
pub fn post_id(answer: &str, message: u64, record: Option<RecordId>) -> String {
    format!(
        "{POST_PREFIX}{answer}:{}:{}",
        base36(message),
        record_part(record)
    )
}

/// The ephemeral "top 3 with scores" for `question`, with a post button per answer when
/// `reply_to` names a message to answer (whose question was recorded as `record`).
pub fn plan_top_matches(
    knowledge: &Knowledge,
    question: &str,
    reply_to: Option<u64>,
    record: Option<RecordId>,
) -> Reply {
    let top = knowledge.rank(question, 3);
    let mut text = format!(
        "Top matches for \"{}\" — {}:",
        quote_user_text(question, 200),
        would_do(knowledge, question)
    );
    if top.is_empty() {
        text.push_str("\n(no answer shares a word with it)");
    }
    for (rank, candidate) in top.iter().enumerate() {
        text.push_str(&format!(
            "\n{}. `{}` {:.3} — {}",
            rank + 1,
            candidate.answer.id,
            candidate.score,
            candidate.answer.title
        ));
    }
    let mut reply = Reply::notice(text);
    if let Some(message_id) = reply_to {
        let buttons: Vec<Button> = top
            .iter()
            .map(|candidate| Button {
                custom_id: post_id(&candidate.answer.id, message_id, record),
                label: truncate(
                    &format!("Post: {}", candidate.answer.title),
                    limits::BUTTON_LABEL_LENGTH,
                ),
                danger: false,
            })
            .collect();
        if !buttons.is_empty() {
            reply.rows.push(Row::Buttons(buttons));
        }
    }
    reply
}

/// What the bot would do with `question` if a member typed it.
fn would_do(knowledge: &Knowledge, question: &str) -> String {
    let verdict = knowledge.decide(question);
    match (verdict.outcome(), verdict.suggestions().first()) {
        (Outcome::Answer, _) => format!(
            "would answer `{}`",
            verdict.answer().map_or("", |answer| answer.id.as_str())
        ),
        (Outcome::Suggest, Some(best)) => format!(
            "would offer `{}` (\"might help\", not confident enough to answer)",
            best.answer.id
        ),
        _ => "would stay silent (not confident)".to_owned(),
    }
}

/// What a post button's custom id says.
pub fn parse_post(custom_id: &str) -> Option<Post<'_>> {
    if let Some(old) = custom_id.strip_prefix(OLD_POST_PREFIX) {
        let (answer, message) = old.rsplit_once(':')?;
        return Some(Post {
            answer,
            message: message.parse().ok()?,
            record: None,
        });
    }
    let mut parts = custom_id.strip_prefix(POST_PREFIX)?.split(':');
    let (answer, message, record) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || answer.is_empty() {
        return None;
    }
    Some(Post {
        answer,
        message: parse_base36(message)?,
        record: parse_record_part(record)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_matches_show_scores_and_offer_post_buttons_within_limits() {
        let knowledge = Knowledge::embedded().unwrap();
        let reply = plan_top_matches(
            &knowledge,
            "what are the objectives of the gfmd?",
            Some(1_200_000_000_000_000_999),
            Some(RecordId(i64::MAX)),
        );
        assert!(reply.ephemeral);
        let content = reply.content.unwrap();
        assert!(content.contains("would answer `objectives`"), "{content}");
        assert!(content.contains("1. `objectives`"), "{content}");
        let Row::Buttons(buttons) = &reply.rows[0] else {
            panic!("buttons")
        };
        assert_eq!(buttons.len(), 3);
        assert!(buttons
            .iter()
            .all(|button| button.custom_id.len() <= limits::CUSTOM_ID_LENGTH));
        assert_eq!(
            parse_post(&buttons[0].custom_id),
            Some(Post {
                answer: "objectives",
                message: 1_200_000_000_000_000_999,
                record: Some(RecordId(i64::MAX))
            })
        );
    }

    #[test]
    fn a_post_button_is_read_back_or_refused() {
        let longest = "a".repeat(64);
        let id = post_id(&longest, u64::MAX, Some(RecordId(i64::MAX)));
        assert!(id.len() <= limits::CUSTOM_ID_LENGTH, "{}", id.len());
        assert!(is_post(&id));
        assert_eq!(parse_post(&id).map(|post| post.answer.len()), Some(64));
        let old = Post {
            answer: "timeline",
            message: 42,
            record: None,
        };
        assert_eq!(parse_post("gfmd:post:timeline:42"), Some(old));
        assert_eq!(parse_post("gfmd:post:timeline:x"), None);
        assert_eq!(parse_post("gfmd:p:timeline:16"), None);
        assert_eq!(parse_post("gfmd:show:timeline"), None);
    }
}
