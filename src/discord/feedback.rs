//! What members see when they vote on an answer: a private thanks (the counts are never shown
//! publicly), and after **Not helpful** an optional, private question of what was wrong.

use super::custom_id::Click;
use super::reply::{Button, Reply, Row};
use crate::records::{Reason, RecordId};

/// Said after **Helpful**.
pub const THANKS: &str = "Thanks for the feedback.";
/// Said after **Not helpful**, above the reasons.
pub const WHAT_WAS_WRONG: &str =
    "Thanks for the feedback. If you like, tell the moderators what was wrong:";

/// The label of a reason's button.
pub fn reason_label(reason: Reason) -> &'static str {
    match reason {
        Reason::WrongAnswer => "Wrong answer",
        Reason::OutOfDate => "Out of date",
        Reason::Unclear => "Unclear",
    }
}

/// The private reply to a vote on the answer to `record`.
pub fn vote_reply(record: RecordId, helpful: bool) -> Reply {
    if helpful {
        return Reply::notice(THANKS);
    }
    let buttons = Reason::ALL
        .iter()
        .map(|&reason| Button::grey(Click::Why { record, reason }, reason_label(reason)))
        .collect();
    Reply {
        rows: vec![Row::Buttons(buttons)],
        ..Reply::notice(WHAT_WAS_WRONG)
    }
}

/// What the "what was wrong" message becomes once a reason is picked (no buttons left).
pub fn reason_noted(reason: Reason) -> Reply {
    Reply::notice(format!(
        "Thanks, noted for the moderators: {}.",
        reason_label(reason).to_lowercase()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpful_is_thanked_privately_and_not_helpful_asks_why_optionally() {
        let thanks = vote_reply(RecordId(5), true);
        assert!(thanks.ephemeral && thanks.rows.is_empty());
        let why = vote_reply(RecordId(5), false);
        assert!(why.ephemeral);
        let Row::Buttons(buttons) = &why.rows[0] else {
            panic!("buttons")
        };
        let labels: Vec<&str> = buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Wrong answer", "Out of date", "Unclear"]);
        assert_eq!(
            Click::parse(&buttons[1].custom_id),
            Some(Click::Why {
                record: RecordId(5),
                reason: Reason::OutOfDate
            })
        );
        let noted = reason_noted(Reason::OutOfDate);
        assert!(noted.rows.is_empty());
        assert_eq!(
            noted.content.as_deref(),
            Some("Thanks, noted for the moderators: out of date.")
        );
    }
}
