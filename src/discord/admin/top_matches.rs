//! The matcher seen through a moderator's eyes: `/gfmd-admin test` and the "Answer with GFMD FAQ"
//! message command show the top three answers with scores and what the bot would do; from the
//! message command, a **Post** button answers the message with the chosen answer.

use crate::answers::limits::{self, truncate};
use crate::discord::reply::{Button, Reply, Row};
use crate::knowledge::{Knowledge, Outcome};
use crate::render::quote_user_text;

/// Custom-id prefix of "post this answer" buttons: `gfmd:post:<answer id>:<message id>`.
pub const POST_PREFIX: &str = "gfmd:post:";

/// The ephemeral "top 3 with scores" for `question`, with a post button per answer when
/// `reply_to` names a message to answer.
pub fn plan_top_matches(knowledge: &Knowledge, question: &str, reply_to: Option<u64>) -> Reply {
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
                custom_id: format!("{POST_PREFIX}{}:{message_id}", candidate.answer.id),
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

/// The answer id and message id of a post button's custom id.
pub fn parse_post(custom_id: &str) -> Option<(&str, u64)> {
    let (id, message) = custom_id.strip_prefix(POST_PREFIX)?.rsplit_once(':')?;
    Some((id, message.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSet;
    use crate::matcher::Settings;

    #[test]
    fn the_top_matches_show_scores_and_offer_post_buttons_within_limits() {
        let knowledge = Knowledge::new(AnswerSet::embedded().unwrap(), Settings::default());
        let reply = plan_top_matches(
            &knowledge,
            "what are the objectives of the gfmd?",
            Some(1_200_000_000_000_000_999),
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
            Some(("objectives", 1_200_000_000_000_000_999))
        );
    }

    #[test]
    fn a_post_button_is_read_back_or_refused() {
        assert_eq!(parse_post("gfmd:post:timeline:42"), Some(("timeline", 42)));
        assert_eq!(parse_post("gfmd:post:timeline:x"), None);
        assert_eq!(parse_post("gfmd:show:timeline"), None);
    }
}
