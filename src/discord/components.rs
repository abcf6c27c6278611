//! Clicks on the bot's own components: "Did you mean" buttons, the Related menu, Delete, the
//! **Show answer** / **Not this** buttons of a "might help" line, and the **Helpful** / **Not
//! helpful** votes with their optional reason. Each click is first planned as plain data
//! ([`plan_component`], testable without Discord), recording what it says about the question
//! it belongs to, then sent.

use super::custom_id::Click;
use super::feedback;
use super::moderators::MemberFacts;
use super::question_log::{log_question, Handled};
use super::recording::{Asked, Live, Records};
use super::reply::Reply;
use super::respond::{self, Target};
use super::state::BotState;
use crate::knowledge::Knowledge;
use crate::locale::Lang;
use crate::records::{Feedback, Kind, RecordId};
use crate::wording::{Notices, Wording};
use serenity::all::{
    ComponentInteraction, ComponentInteractionDataKind, Context, CreateInteractionResponse,
};
use tracing::{info, warn};

/// Who clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clicker {
    /// Their user id.
    pub user_id: u64,
    /// Whether they are a moderator.
    pub is_moderator: bool,
    /// The language they read (the interaction's `locale`): what the click shows is in it.
    pub lang: Lang,
}

impl Clicker {
    /// Whether they asked the question the component belongs to (or may act for the asker).
    fn may_act_for(&self, asker: u64) -> bool {
        asker == self.user_id || self.is_moderator
    }
}

/// What a click on one of the bot's components should do.
#[derive(Debug, Clone, PartialEq)]
pub enum ComponentPlan {
    /// Reply with this message (boxed: a reply is much larger than the other variants).
    Reply(Box<Reply>, Handled),
    /// Replace the message the component is on with this one.
    Update(Box<Reply>, Handled),
    /// Delete the message the component is on.
    Delete,
}

fn notice(text: &str) -> ComponentPlan {
    ComponentPlan::Reply(Box::new(Reply::notice(text)), Handled::nothing())
}

/// The notices in the clicker's language.
fn notices(clicker: Clicker) -> &'static Notices {
    &Wording::of(clicker.lang).notices
}

fn gone(clicker: Clicker) -> ComponentPlan {
    notice(notices(clicker).answer_gone)
}

/// Decides what a click does, recording what it says in `records`: a suggestion opened (by
/// the asker), "not this", a vote; a click that shows an answer is recorded as a question of
/// its own ([`Kind::Button`]) whose id the answer's feedback buttons carry. `asked` is the
/// click as a question (the clicker, where, when), `on` the text of the message the component
/// is on. Whatever it shows is in the clicker's language, except that **Show answer** clicked by
/// the asker turns a "might help" line into the answer for everyone in the line's own language
/// (that of the question typed).
pub fn plan_component(
    knowledge: &Knowledge,
    custom_id: &str,
    values: &[String],
    on: &str,
    clicker: Clicker,
    asked: &Asked,
    records: &mut dyn Records,
) -> ComponentPlan {
    let Some(click) = Click::parse(custom_id) else {
        return notice(notices(clicker).button_expired);
    };
    let clicked = Clicked {
        knowledge,
        clicker,
        asked,
    };
    match click {
        Click::DidYouMean { answer, record } => {
            clicked.open(&answer, record, Shown::NewReply, records)
        }
        Click::ShowOffer {
            answer,
            asker,
            record,
        } => {
            // The asker confirms the guess: the line becomes the answer, for everyone, in the
            // line's language.
            if !clicker.may_act_for(asker) {
                return clicked.open(&answer, record, Shown::Privately, records);
            }
            let lang = Wording::language_of_offer(on).unwrap_or(clicker.lang);
            let clicked = Clicked {
                clicker: Clicker { lang, ..clicker },
                ..clicked
            };
            clicked.open(&answer, record, Shown::InPlace, records)
        }
        Click::NotThis { asker, record } => {
            if !clicker.may_act_for(asker) {
                return notice(notices(clicker).only_asker_dismiss);
            }
            if let Some(record) = record {
                records.not_this(record);
            }
            ComponentPlan::Delete
        }
        Click::Vote { record, helpful } => vote(record, helpful, clicker.lang, records),
        Click::Why { record, reason } => {
            records.vote(record, Feedback::NotHelpful(Some(reason)));
            let noted = feedback::reason_noted(reason, clicker.lang);
            ComponentPlan::Update(Box::new(noted), Handled::nothing())
        }
        Click::Related { .. } => {
            let Some(answer) = values.first().and_then(|id| knowledge.answers().get(id)) else {
                return gone(clicker);
            };
            let related = knowledge.related(answer);
            let mut private = Reply::answer(answer, &related, clicker.user_id, None, clicker.lang);
            private = private.without_buttons();
            private.ephemeral = true;
            let handled = Handled::shown(&answer.id).in_lang(clicker.lang);
            ComponentPlan::Reply(Box::new(private), handled)
        }
        Click::Delete { asker } => {
            if clicker.may_act_for(asker) {
                ComponentPlan::Delete
            } else {
                notice(notices(clicker).only_asker_delete)
            }
        }
    }
}

/// How an opened suggestion is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// As a new public reply (a "Did you mean" button, which only the asker sees).
    NewReply,
    /// In place of the "might help" line, for everyone (the asker opened it).
    InPlace,
    /// Privately, to someone other than the asker.
    Privately,
}

/// One click, with what its plan needs.
struct Clicked<'a, 'k> {
    knowledge: &'k Knowledge,
    clicker: Clicker,
    asked: &'a Asked,
}

impl Clicked<'_, '_> {
    /// The suggestion `answer_id`, offered for `record`, opened and shown as `shown`; opened
    /// by the asker, it is recorded as opened. Showing an answer on a click is a question of
    /// its own ([`Kind::Button`]), whose id the answer's feedback buttons carry.
    fn open(
        &self,
        answer_id: &str,
        record: Option<RecordId>,
        shown: Shown,
        records: &mut dyn Records,
    ) -> ComponentPlan {
        let Some(answer) = self.knowledge.answers().get(answer_id) else {
            return gone(self.clicker);
        };
        if let (false, Some(record)) = (shown == Shown::Privately, record) {
            records.opened(record, &answer.id);
        }
        let (clicker, lang) = (self.clicker.user_id, self.clicker.lang);
        let question =
            self.asked
                .as_kind(Kind::Button)
                .direct(answer.title_in(lang), lang, &answer.id);
        let record = records.question(question);
        let related = self.knowledge.related(answer);
        let reply = Reply::answer(answer, &related, clicker, record, lang);
        let handled = Handled::shown(&answer.id).in_lang(lang);
        match shown {
            Shown::NewReply => ComponentPlan::Reply(Box::new(reply), handled),
            Shown::InPlace => ComponentPlan::Update(Box::new(reply), handled),
            Shown::Privately => {
                let mut private = reply.without_buttons();
                private.ephemeral = true;
                ComponentPlan::Reply(Box::new(private), handled)
            }
        }
    }
}

/// A **Helpful** / **Not helpful** click: the vote, and the private thanks in `lang`.
fn vote(record: RecordId, helpful: bool, lang: Lang, records: &mut dyn Records) -> ComponentPlan {
    let feedback = if helpful {
        Feedback::Helpful
    } else {
        Feedback::NotHelpful(None)
    };
    records.vote(record, feedback);
    let reply = feedback::vote_reply(record, helpful, lang);
    ComponentPlan::Reply(Box::new(reply), Handled::nothing())
}

/// Handles a click on one of the bot's components.
pub async fn handle_component(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let values = match &component.data.kind {
        ComponentInteractionDataKind::StringSelect { values } => values.clone(),
        _ => Vec::new(),
    };
    let user = component.user.id.get();
    let clicker = Clicker {
        user_id: user,
        is_moderator: state.is_moderator(&MemberFacts::of(component.member.as_ref())),
        lang: Lang::from_discord(&component.locale),
    };
    let guild = component.guild_id.map(|id| id.get());
    let asked = Asked::new(Kind::Button, user, guild, component.channel_id.get());
    let mut records = Live::new(&state.recorder, user);
    let plan = plan_component(
        &state.knowledge(),
        &component.data.custom_id,
        &values,
        &component.message.content,
        clicker,
        &asked,
        &mut records,
    );
    let target = Target::from(component);
    match plan {
        ComponentPlan::Reply(reply, handled) => {
            respond::reply(ctx, target, &reply).await;
            if handled.answer_id.is_some() {
                log_question("button", &component.data.custom_id, &handled, asked.started);
            }
        }
        ComponentPlan::Update(reply, handled) => {
            let update = CreateInteractionResponse::UpdateMessage(reply.to_update_message());
            respond::respond(ctx, target, update).await;
            if handled.answer_id.is_some() {
                log_question("button", &component.data.custom_id, &handled, asked.started);
            }
        }
        ComponentPlan::Delete => {
            respond::respond(ctx, target, CreateInteractionResponse::Acknowledge).await;
            match component.message.delete(&ctx.http).await {
                Ok(()) => {
                    info!(message = %component.message.id, by = %component.user.id, "message deleted on request")
                }
                Err(error) => {
                    warn!(%error, message = %component.message.id, "could not delete a message")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discord::recording::{Note, Noted};
    use crate::records::{Outcome, Reason};

    fn knowledge() -> Knowledge {
        Knowledge::embedded().unwrap()
    }

    fn member(user_id: u64) -> Clicker {
        Clicker {
            user_id,
            is_moderator: false,
            lang: Lang::En,
        }
    }

    fn moderator(user_id: u64) -> Clicker {
        Clicker {
            user_id,
            is_moderator: true,
            lang: Lang::En,
        }
    }

    /// Whether `reply` has buttons (a private copy keeps only the Related menu).
    fn has_buttons(reply: &Reply) -> bool {
        reply
            .rows
            .iter()
            .any(|row| matches!(row, crate::discord::reply::Row::Buttons(_)))
    }

    /// The plan for `custom_id` clicked by `clicker`, and what it recorded.
    fn click(custom_id: &str, values: &[String], clicker: Clicker) -> (ComponentPlan, Noted) {
        let mut noted = Noted::default();
        let asked = Asked::new(Kind::Button, clicker.user_id, Some(1), 2);
        let plan = plan_component(
            &knowledge(),
            custom_id,
            values,
            "",
            clicker,
            &asked,
            &mut noted,
        );
        (plan, noted)
    }

    fn offer(asker: u64, record: i64) -> String {
        Click::ShowOffer {
            answer: "timeline".into(),
            asker,
            record: Some(RecordId(record)),
        }
        .custom_id()
    }

    fn not_this(asker: u64, record: i64) -> String {
        Click::NotThis {
            asker,
            record: Some(RecordId(record)),
        }
        .custom_id()
    }

    #[test]
    fn only_the_asker_or_a_moderator_may_delete_an_answer() {
        assert_eq!(
            click("gfmd:delete:7", &[], member(7)).0,
            ComponentPlan::Delete
        );
        assert_eq!(
            click("gfmd:delete:7", &[], moderator(8)).0,
            ComponentPlan::Delete
        );
        assert!(
            matches!(click("gfmd:delete:7", &[], member(8)).0, ComponentPlan::Reply(reply, _) if reply.ephemeral)
        );
    }

    #[test]
    fn choosing_a_related_answer_shows_it_privately() {
        let (plan, noted) = click("gfmd:related:7", &["timeline".to_owned()], member(9));
        let ComponentPlan::Reply(reply, _) = plan else {
            panic!("expected a reply")
        };
        assert!(reply.ephemeral && !has_buttons(&reply));
        assert_eq!(
            reply.embed.unwrap().title,
            knowledge().answers().get("timeline").unwrap().title
        );
        assert!(noted.questions.is_empty(), "browsing is not a question");
    }

    #[test]
    fn show_answer_by_the_asker_turns_the_line_into_the_answer_and_counts_as_opened() {
        let (plan, noted) = click(&offer(7, 40), &[], member(7));
        let ComponentPlan::Update(reply, handled) = plan else {
            panic!("expected an update, got {plan:?}")
        };
        assert!(!reply.ephemeral);
        assert_eq!(
            reply.embed.unwrap().title,
            knowledge().answers().get("timeline").unwrap().title
        );
        assert_eq!(handled.answer_id.as_deref(), Some("timeline"));
        assert_eq!(noted.notes, [Note::Opened(RecordId(40), "timeline".into())]);
        let [shown] = noted.questions.as_slice() else {
            panic!("one question")
        };
        assert_eq!(
            (shown.source.kind, shown.outcome),
            (Kind::Button, Outcome::Answer)
        );
        let helpful = Click::Vote {
            record: RecordId(1),
            helpful: true,
        };
        assert!(
            matches!(&reply.rows.last(), Some(crate::discord::reply::Row::Buttons(b)) if b[0].custom_id == helpful.custom_id())
        );
    }

    #[test]
    fn show_answer_by_someone_else_shows_it_only_to_them_and_is_not_the_askers_open() {
        let (plan, noted) = click(&offer(7, 40), &[], member(8));
        let ComponentPlan::Reply(reply, _) = plan else {
            panic!("expected a reply")
        };
        assert!(reply.ephemeral && reply.embed.is_some() && !has_buttons(&reply));
        assert!(noted.notes.is_empty());
    }

    #[test]
    fn a_did_you_mean_pick_is_opened_and_answered_publicly() {
        let id = Click::DidYouMean {
            answer: "first-meeting".into(),
            record: Some(RecordId(3)),
        }
        .custom_id();
        let (plan, noted) = click(&id, &[], member(7));
        assert!(matches!(plan, ComponentPlan::Reply(reply, _) if !reply.ephemeral));
        assert_eq!(
            noted.notes,
            [Note::Opened(RecordId(3), "first-meeting".into())]
        );
        let (plan, noted) = click("gfmd:show:first-meeting", &[], member(7));
        assert!(matches!(plan, ComponentPlan::Reply(reply, _) if reply.embed.is_some()));
        assert!(noted.notes.is_empty(), "an old button names no question");
    }

    #[test]
    fn not_this_removes_the_line_for_the_asker_only_and_counts_as_a_miss() {
        let (plan, noted) = click(&not_this(7, 40), &[], member(7));
        assert_eq!(plan, ComponentPlan::Delete);
        assert_eq!(noted.notes, [Note::NotThis(RecordId(40))]);
        let (plan, noted) = click(&not_this(7, 40), &[], member(8));
        assert!(matches!(plan, ComponentPlan::Reply(reply, _) if reply.ephemeral));
        assert!(noted.notes.is_empty());
        assert_eq!(
            click("gfmd:notthis:timeline:7", &[], member(7)).0,
            ComponentPlan::Delete
        );
    }

    #[test]
    fn anyone_may_vote_privately_and_say_what_was_wrong() {
        let (plan, noted) = click("gfmd:h:5", &[], member(8));
        assert!(
            matches!(&plan, ComponentPlan::Reply(reply, _) if reply.ephemeral && reply.rows.is_empty())
        );
        assert_eq!(noted.notes, [Note::Vote(RecordId(5), Feedback::Helpful)]);
        let (plan, noted) = click("gfmd:u:5", &[], member(8));
        assert!(
            matches!(&plan, ComponentPlan::Reply(reply, _) if reply.ephemeral && !reply.rows.is_empty())
        );
        assert_eq!(
            noted.notes,
            [Note::Vote(RecordId(5), Feedback::NotHelpful(None))]
        );
        let (plan, noted) = click("gfmd:w:unclear:5", &[], member(8));
        assert!(matches!(&plan, ComponentPlan::Update(reply, _) if reply.rows.is_empty()));
        assert_eq!(
            noted.notes,
            [Note::Vote(
                RecordId(5),
                Feedback::NotHelpful(Some(Reason::Unclear))
            )]
        );
    }

    #[test]
    fn a_button_for_an_answer_that_is_gone_says_so() {
        for id in [
            "gfmd:offer:no-such-answer:7",
            "gfmd:show:no-such-answer",
            "gfmd:s:no-such-answer:1",
        ] {
            let ComponentPlan::Reply(reply, handled) = click(id, &[], member(7)).0 else {
                panic!("expected a reply")
            };
            assert!(reply.content.unwrap().contains("no longer available"));
            assert_eq!(handled.answer_id, None);
        }
        let ComponentPlan::Reply(reply, _) = click("gfmd:nonsense", &[], member(7)).0 else {
            panic!("expected a reply")
        };
        assert!(reply.content.unwrap().contains("expired"));
    }

    fn french(user_id: u64) -> Clicker {
        Clicker {
            lang: Lang::Fr,
            ..member(user_id)
        }
    }

    fn spanish(user_id: u64) -> Clicker {
        Clicker {
            lang: Lang::Es,
            ..member(user_id)
        }
    }

    fn shown_title(plan: &ComponentPlan) -> &str {
        match plan {
            ComponentPlan::Reply(reply, _) | ComponentPlan::Update(reply, _) => {
                &reply.embed.as_ref().expect("an answer").title
            }
            ComponentPlan::Delete => panic!("expected an answer"),
        }
    }

    #[test]
    fn a_click_shows_its_answer_in_the_clicker_s_language() {
        let knowledge = knowledge();
        let timeline = knowledge.answers().get("timeline").unwrap();
        let did_you_mean = Click::DidYouMean {
            answer: "timeline".into(),
            record: Some(RecordId(3)),
        }
        .custom_id();
        let (plan, _) = click(&did_you_mean, &[], french(7));
        assert_eq!(shown_title(&plan), timeline.title_in(Lang::Fr));
        let (plan, _) = click(&offer(7, 40), &[], spanish(7));
        assert_eq!(shown_title(&plan), timeline.title_in(Lang::Es));
        let (plan, _) = click("gfmd:related:7", &["timeline".to_owned()], spanish(9));
        assert_eq!(shown_title(&plan), timeline.title_in(Lang::Es));
        assert_ne!(timeline.title_in(Lang::Es), timeline.title);
        let (plan, _) = click(&offer(7, 40), &[], member(7));
        assert_eq!(shown_title(&plan), timeline.title);
    }

    #[test]
    fn what_a_click_is_told_is_in_the_clicker_s_language() {
        let ComponentPlan::Reply(refused, _) = click("gfmd:delete:7", &[], french(8)).0 else {
            panic!("expected a reply")
        };
        assert_eq!(
            refused.content.as_deref(),
            Some(Wording::of(Lang::Fr).notices.only_asker_delete)
        );
        let ComponentPlan::Reply(thanks, _) = click("gfmd:h:5", &[], spanish(8)).0 else {
            panic!("expected a reply")
        };
        assert_eq!(thanks.content.as_deref(), Some("Gracias por tu opinión."));
        let ComponentPlan::Reply(expired, _) = click("gfmd:nonsense", &[], french(7)).0 else {
            panic!("expected a reply")
        };
        assert_eq!(expired.content.as_deref(), Some("Ce bouton a expiré."));
    }

    #[test]
    fn show_answer_by_the_asker_keeps_the_language_of_the_line_it_replaces() {
        let knowledge = knowledge();
        let timeline = knowledge.answers().get("timeline").unwrap();
        let line = Wording::of(Lang::Fr).might_help_line(timeline.title_in(Lang::Fr));
        let asked = Asked::new(Kind::Button, 7, Some(1), 2);
        let plan_on = |clicker: Clicker| {
            let mut noted = Noted::default();
            plan_component(
                &knowledge,
                &offer(7, 40),
                &[],
                &line,
                clicker,
                &asked,
                &mut noted,
            )
        };
        let by_asker = plan_on(member(7));
        assert!(matches!(by_asker, ComponentPlan::Update(..)));
        assert_eq!(shown_title(&by_asker), timeline.title_in(Lang::Fr));
        let by_other = plan_on(spanish(8));
        assert_eq!(shown_title(&by_other), timeline.title_in(Lang::Es));
    }
}
