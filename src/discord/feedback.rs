//! What members see when they vote on an answer: a private thanks (the counts are never shown
//! publicly), and after **Not helpful** an optional, private question of what was wrong.

use super::custom_id::Click;
use super::reply::{Button, Reply, Row};
use crate::locale::Lang;
use crate::records::{Reason, RecordId};
use crate::wording::{fill, Wording};

/// The label of a reason's button, in `lang`.
pub fn reason_label(reason: Reason, lang: Lang) -> &'static str {
    let notices = &Wording::of(lang).notices;
    match reason {
        Reason::WrongAnswer => notices.wrong_answer,
        Reason::OutOfDate => notices.out_of_date,
        Reason::Unclear => notices.unclear,
    }
}

/// The private reply, in `lang`, to a vote on the answer to `record`.
pub fn vote_reply(record: RecordId, helpful: bool, lang: Lang) -> Reply {
    let notices = &Wording::of(lang).notices;
    if helpful {
        return Reply::notice(notices.thanks);
    }
    let buttons = Reason::ALL
        .iter()
        .map(|&reason| Button::grey(Click::Why { record, reason }, reason_label(reason, lang)))
        .collect();
    Reply {
        rows: vec![Row::Buttons(buttons)],
        ..Reply::notice(notices.what_was_wrong)
    }
}

/// What the "what was wrong" message becomes once a reason is picked (no buttons left), in
/// `lang`.
pub fn reason_noted(reason: Reason, lang: Lang) -> Reply {
    let notices = &Wording::of(lang).notices;
    Reply::notice(fill(
        notices.noted,
        reason_label(reason, lang).to_lowercase(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpful_is_thanked_privately_and_not_helpful_asks_why_optionally() {
        let thanks = vote_reply(RecordId(5), true, Lang::En);
        assert!(thanks.ephemeral && thanks.rows.is_empty());
        let why = vote_reply(RecordId(5), false, Lang::En);
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
        let noted = reason_noted(Reason::OutOfDate, Lang::En);
        assert!(noted.rows.is_empty());
        assert_eq!(
            noted.content.as_deref(),
            Some("Thanks, noted for the moderators: out of date.")
        );
    }

    #[test]
    fn a_french_voter_is_thanked_and_asked_why_in_french() {
        assert_eq!(
            vote_reply(RecordId(5), true, Lang::Fr).content.as_deref(),
            Some("Merci pour votre retour.")
        );
        let Row::Buttons(buttons) = &vote_reply(RecordId(5), false, Lang::Fr).rows[0] else {
            panic!("buttons")
        };
        let labels: Vec<&str> = buttons.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(labels, ["Mauvaise réponse", "Pas à jour", "Pas clair"]);
        assert_eq!(
            reason_noted(Reason::Unclear, Lang::Es).content.as_deref(),
            Some("Gracias, anotado para los moderadores: poco clara.")
        );
    }
}
