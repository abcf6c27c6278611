//! The matcher seen through a moderator's eyes: `/gfmd-admin test` and the "Answer with GFMD FAQ"
//! message command show the top three answers with scores and what the bot would do; from the
//! message command, a **Post** button answers the message with the chosen answer.
//!
//! The message is read in its own language (as a typed message is: its text, else the server's),
//! and the chosen answer is posted in that language. The moderator reads the list in their own.
//!
//! A **Post** button's custom id is `gfmd:p:<answer id>:<message id>:<record>` for an English
//! message, `gfmd:pf:…` for a French and `gfmd:pe:…` for a Spanish one (numbers in base 36, as in
//! [`crate::discord::custom_id`]; at most 100 characters), `<record>` naming the message's
//! question as recorded (empty when not); buttons from before recording,
//! `gfmd:post:<answer id>:<message id>`, still work (in English).

use crate::answers::limits::{self, truncate};
use crate::discord::custom_id::{base36, parse_base36, parse_record_part, record_part};
use crate::discord::reply::{Button, Reply, Row};
use crate::knowledge::{Knowledge, Outcome, Verdict};
use crate::locale::Lang;
use crate::records::RecordId;
use crate::render::quote_user_text;
use crate::wording::{fill, fill_all, Moderation};

/// Custom-id prefixes of "post this answer" buttons, by the language the answer is posted in
/// (`f` for français, `e` for español).
const POST_PREFIXES: [(Lang, &str); 3] = [
    (Lang::En, "gfmd:p:"),
    (Lang::Fr, "gfmd:pf:"),
    (Lang::Es, "gfmd:pe:"),
];
/// The prefix of the same buttons before recording existed.
const OLD_POST_PREFIX: &str = "gfmd:post:";

/// Whether `custom_id` is a **Post** button's.
pub fn is_post(custom_id: &str) -> bool {
    custom_id.starts_with(OLD_POST_PREFIX)
        || POST_PREFIXES
            .iter()
            .any(|(_, prefix)| custom_id.starts_with(prefix))
}

/// The prefix of a **Post** button posting in `lang`.
fn post_prefix(lang: Lang) -> &'static str {
    POST_PREFIXES
        .iter()
        .find(|(of, _)| *of == lang)
        .map_or(POST_PREFIXES[0].1, |(_, prefix)| prefix)
}

/// A moderator's pick: post answer `answer` in `lang` as a reply to message `message`, whose
/// question was recorded as `record`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Post<'a> {
    /// The answer id.
    pub answer: &'a str,
    /// The message to reply to.
    pub message: u64,
    /// The message's question, as recorded.
    pub record: Option<RecordId>,
    /// The language to post in (the message's).
    pub lang: Lang,
}

/// The custom id of a **Post** button posting `answer` in `lang`.
pub fn post_id(answer: &str, lang: Lang, message: u64, record: Option<RecordId>) -> String {
    format!(
        "{}{answer}:{}:{}",
        post_prefix(lang),
        base36(message),
        record_part(record)
    )
}

/// The ephemeral "top 3 with scores" for `question` read in `lang` and decided as `verdict`
/// (the caller's decision, which it may also record), with a post button per answer (posting it
/// in `lang`) when `reply_to` names a message to answer (whose question was recorded as
/// `record`). Said with `words`, the moderator's.
pub fn plan_top_matches(
    knowledge: &Knowledge,
    lang: Lang,
    question: &str,
    verdict: &Verdict<'_>,
    reply_to: Option<u64>,
    record: Option<RecordId>,
    words: &Moderation,
) -> Reply {
    let top = knowledge.rank_in(lang, question, 3);
    let mut text = fill_all(
        words.matches.top_matches,
        &[
            &quote_user_text(question, 200),
            &words.language(lang),
            &would_do(verdict, words),
        ],
    );
    if top.is_empty() {
        text.push('\n');
        text.push_str(words.matches.no_match);
    }
    for (rank, candidate) in top.iter().enumerate() {
        text.push_str(&format!(
            "\n{}. `{}` {:.3} — {}",
            rank + 1,
            candidate.answer.id,
            candidate.score,
            candidate.answer.title_in(lang)
        ));
    }
    let mut reply = Reply::notice(text);
    if let Some(message_id) = reply_to {
        let buttons: Vec<Button> = top
            .iter()
            .map(|candidate| Button {
                custom_id: post_id(&candidate.answer.id, lang, message_id, record),
                label: truncate(
                    &fill(words.matches.post, candidate.answer.title_in(lang)),
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

/// What the bot would do with a question a member typed, decided as `verdict`.
fn would_do(verdict: &Verdict<'_>, words: &Moderation) -> String {
    let matches = words.matches;
    match (verdict.outcome(), verdict.suggestions().first()) {
        (Outcome::Answer, _) => fill(
            matches.would_answer,
            verdict.answer().map_or("", |answer| answer.id.as_str()),
        ),
        (Outcome::Suggest, Some(best)) => fill(matches.would_offer, &best.answer.id),
        _ => matches.would_stay_silent.to_owned(),
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
            lang: Lang::En,
        });
    }
    let (lang, rest) = POST_PREFIXES
        .iter()
        .find_map(|(lang, prefix)| Some((*lang, custom_id.strip_prefix(prefix)?)))?;
    let mut parts = rest.split(':');
    let (answer, message, record) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || answer.is_empty() {
        return None;
    }
    Some(Post {
        answer,
        message: parse_base36(message)?,
        record: parse_record_part(record)?,
        lang,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::Wording;

    /// [`plan_top_matches`] of `question` decided as a member's would be, told to a moderator
    /// reading English.
    fn top_matches(
        knowledge: &Knowledge,
        lang: Lang,
        question: &str,
        reply_to: Option<u64>,
        record: Option<RecordId>,
    ) -> Reply {
        told_in(Lang::En, knowledge, lang, question, reply_to, record)
    }

    /// [`plan_top_matches`] told to a moderator reading `moderator`.
    fn told_in(
        moderator: Lang,
        knowledge: &Knowledge,
        lang: Lang,
        question: &str,
        reply_to: Option<u64>,
        record: Option<RecordId>,
    ) -> Reply {
        let verdict = knowledge.decide_in(lang, question);
        let words = &Wording::of(moderator).moderation;
        plan_top_matches(knowledge, lang, question, &verdict, reply_to, record, words)
    }

    #[test]
    fn a_french_or_spanish_moderator_reads_the_top_matches_in_their_language() {
        let knowledge = Knowledge::embedded().unwrap();
        let question = "what are the objectives of the gfmd?";
        let french = told_in(Lang::Fr, &knowledge, Lang::En, question, Some(42), None);
        let content = french.content.unwrap();
        assert!(
            content.starts_with("Meilleures correspondances pour « what are the objectives")
                && content.contains("(lu en anglais) — le bot répondrait `objectives` :"),
            "{content}"
        );
        let Row::Buttons(buttons) = &french.rows[0] else {
            panic!("buttons")
        };
        assert!(
            buttons[0].label.starts_with("Publier : "),
            "{}",
            buttons[0].label
        );
        let spanish = told_in(
            Lang::Es,
            &knowledge,
            Lang::Fr,
            "pizza quatre fromages",
            None,
            None,
        );
        let content = spanish.content.unwrap();
        assert!(
            content.starts_with(
                "Mejores coincidencias para «pizza quatre fromages» (leída en francés) — el bot "
            ),
            "{content}"
        );
    }

    #[test]
    fn the_top_matches_show_scores_and_offer_post_buttons_within_limits() {
        let knowledge = Knowledge::embedded().unwrap();
        let reply = top_matches(
            &knowledge,
            Lang::En,
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
                record: Some(RecordId(i64::MAX)),
                lang: Lang::En,
            })
        );
    }

    #[test]
    fn a_french_message_is_ranked_in_french_and_posted_in_french() {
        let knowledge = Knowledge::embedded().unwrap();
        let reply = top_matches(
            &knowledge,
            Lang::Fr,
            "Quels sont les objectifs du FMMD ?",
            Some(42),
            None,
        );
        let content = reply.content.unwrap();
        assert!(content.contains("(read as French)"), "{content}");
        assert!(content.contains("would answer `objectives`"), "{content}");
        let french_title = knowledge
            .answers()
            .get("objectives")
            .unwrap()
            .title_in(Lang::Fr);
        assert!(content.contains(french_title), "{content}");
        let Row::Buttons(buttons) = &reply.rows[0] else {
            panic!("buttons")
        };
        let post = parse_post(&buttons[0].custom_id).unwrap();
        assert_eq!((post.answer, post.lang), ("objectives", Lang::Fr));
    }

    #[test]
    fn a_post_button_is_read_back_or_refused() {
        let longest = "a".repeat(64);
        for lang in Lang::ALL {
            let id = post_id(&longest, lang, u64::MAX, Some(RecordId(i64::MAX)));
            assert!(id.len() <= limits::CUSTOM_ID_LENGTH, "{}", id.len());
            assert!(is_post(&id));
            let post = parse_post(&id).unwrap();
            assert_eq!((post.answer.len(), post.lang), (64, lang));
        }
        let old = Post {
            answer: "timeline",
            message: 42,
            record: None,
            lang: Lang::En,
        };
        assert_eq!(parse_post("gfmd:post:timeline:42"), Some(old));
        assert_eq!(parse_post("gfmd:post:timeline:x"), None);
        assert_eq!(parse_post("gfmd:p:timeline:16"), None);
        assert_eq!(parse_post("gfmd:px:timeline:16:"), None);
        assert_eq!(parse_post("gfmd:show:timeline"), None);
    }
}
