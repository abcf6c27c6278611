//! Clicks on the bot's own components: "Did you mean" buttons, the Related menu, Delete, and the
//! **Show answer** / **Not this** buttons of a "might help" line. Each click is first planned as
//! plain data ([`plan_component`], testable without Discord), then sent.

use super::moderators::MemberFacts;
use super::question_log::{log_question, Handled};
use super::reply::{
    Reply, DELETE_PREFIX, NOT_THIS_PREFIX, OFFER_PREFIX, RELATED_PREFIX, SHOW_PREFIX,
};
use super::respond::{self, Target};
use super::state::BotState;
use crate::knowledge::Knowledge;
use serenity::all::{
    ComponentInteraction, ComponentInteractionDataKind, Context, CreateInteractionResponse,
};
use std::time::Instant;
use tracing::{info, warn};

/// Who clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clicker {
    /// Their user id.
    pub user_id: u64,
    /// Whether they are a moderator.
    pub is_moderator: bool,
}

impl Clicker {
    /// Whether they asked the question the component belongs to (or may act for the asker).
    fn may_act_for(&self, asker: &str) -> bool {
        asker.parse::<u64>().ok() == Some(self.user_id) || self.is_moderator
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

/// Decides what a component click does.
pub fn plan_component(
    knowledge: &Knowledge,
    custom_id: &str,
    values: &[String],
    clicker: Clicker,
) -> ComponentPlan {
    let notice =
        |text: &str| ComponentPlan::Reply(Box::new(Reply::notice(text)), Handled::nothing());
    let gone = || notice("That answer is no longer available.");
    let answer_for = |id: &str| {
        knowledge.answers().get(id).map(|answer| {
            (
                answer,
                Reply::answer(answer, &knowledge.related(answer), clicker.user_id),
            )
        })
    };
    if let Some(id) = custom_id.strip_prefix(SHOW_PREFIX) {
        return match answer_for(id) {
            Some((answer, reply)) => {
                ComponentPlan::Reply(Box::new(reply), Handled::shown(&answer.id))
            }
            None => gone(),
        };
    }
    if let Some((id, asker)) = custom_id
        .strip_prefix(OFFER_PREFIX)
        .and_then(|rest| rest.rsplit_once(':'))
    {
        let Some((answer, reply)) = answer_for(id) else {
            return gone();
        };
        let handled = Handled::shown(&answer.id);
        if clicker.may_act_for(asker) {
            // The asker confirms the guess: the line becomes the answer, for everyone.
            return ComponentPlan::Update(Box::new(reply), handled);
        }
        let mut private = reply.without_buttons();
        private.ephemeral = true;
        return ComponentPlan::Reply(Box::new(private), handled);
    }
    if let Some((_, asker)) = custom_id
        .strip_prefix(NOT_THIS_PREFIX)
        .and_then(|rest| rest.rsplit_once(':'))
    {
        return if clicker.may_act_for(asker) {
            ComponentPlan::Delete
        } else {
            notice("Only the person who asked, or a moderator, can dismiss this.")
        };
    }
    if custom_id.starts_with(RELATED_PREFIX) {
        let Some((answer, reply)) = values.first().and_then(|id| answer_for(id)) else {
            return gone();
        };
        let mut private = reply.without_buttons();
        private.ephemeral = true;
        return ComponentPlan::Reply(Box::new(private), Handled::shown(&answer.id));
    }
    if let Some(asker) = custom_id.strip_prefix(DELETE_PREFIX) {
        return if clicker.may_act_for(asker) {
            ComponentPlan::Delete
        } else {
            notice("Only the person who asked, or a moderator, can delete this answer.")
        };
    }
    notice("This button has expired.")
}

/// Handles a click on one of the bot's components.
pub async fn handle_component(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let started = Instant::now();
    let values = match &component.data.kind {
        ComponentInteractionDataKind::StringSelect { values } => values.clone(),
        _ => Vec::new(),
    };
    let clicker = Clicker {
        user_id: component.user.id.get(),
        is_moderator: state.is_moderator(&MemberFacts::of(component.member.as_ref())),
    };
    let plan = plan_component(
        &state.knowledge(),
        &component.data.custom_id,
        &values,
        clicker,
    );
    let target = Target::from(component);
    match plan {
        ComponentPlan::Reply(reply, handled) => {
            respond::reply(ctx, target, &reply).await;
            if handled.answer_id.is_some() {
                log_question("button", &component.data.custom_id, &handled, started);
            }
        }
        ComponentPlan::Update(reply, handled) => {
            let update = CreateInteractionResponse::UpdateMessage(reply.to_update_message());
            respond::respond(ctx, target, update).await;
            log_question("button", &component.data.custom_id, &handled, started);
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
    use crate::answers::AnswerSet;
    use crate::matcher::Settings;

    fn knowledge() -> Knowledge {
        Knowledge::new(AnswerSet::embedded().unwrap(), Settings::default())
    }

    fn member(user_id: u64) -> Clicker {
        Clicker {
            user_id,
            is_moderator: false,
        }
    }

    fn moderator(user_id: u64) -> Clicker {
        Clicker {
            user_id,
            is_moderator: true,
        }
    }

    #[test]
    fn only_the_asker_or_a_moderator_may_delete_an_answer() {
        let knowledge = knowledge();
        assert_eq!(
            plan_component(&knowledge, "gfmd:delete:7", &[], member(7)),
            ComponentPlan::Delete
        );
        assert_eq!(
            plan_component(&knowledge, "gfmd:delete:7", &[], moderator(8)),
            ComponentPlan::Delete
        );
        assert!(
            matches!(plan_component(&knowledge, "gfmd:delete:7", &[], member(8)), ComponentPlan::Reply(reply, _) if reply.ephemeral)
        );
    }

    #[test]
    fn choosing_a_related_answer_shows_it_privately() {
        let knowledge = knowledge();
        let plan = plan_component(
            &knowledge,
            "gfmd:related:7",
            &["timeline".to_owned()],
            member(9),
        );
        let ComponentPlan::Reply(reply, _) = plan else {
            panic!("expected a reply")
        };
        assert!(reply.ephemeral);
        assert_eq!(
            reply.embed.unwrap().title,
            knowledge.answers().get("timeline").unwrap().title
        );
    }

    #[test]
    fn show_answer_by_the_asker_turns_the_line_into_the_answer_for_everyone() {
        let knowledge = knowledge();
        let plan = plan_component(&knowledge, "gfmd:offer:timeline:7", &[], member(7));
        let ComponentPlan::Update(reply, handled) = plan else {
            panic!("expected an update, got {plan:?}")
        };
        assert!(!reply.ephemeral);
        assert_eq!(
            reply.embed.unwrap().title,
            knowledge.answers().get("timeline").unwrap().title
        );
        assert_eq!(handled.answer_id.as_deref(), Some("timeline"));
    }

    #[test]
    fn show_answer_by_someone_else_shows_it_only_to_them() {
        let plan = plan_component(&knowledge(), "gfmd:offer:timeline:7", &[], member(8));
        let ComponentPlan::Reply(reply, _) = plan else {
            panic!("expected a reply")
        };
        assert!(reply.ephemeral && reply.embed.is_some());
    }

    #[test]
    fn not_this_removes_the_line_for_the_asker_only() {
        let knowledge = knowledge();
        assert_eq!(
            plan_component(&knowledge, "gfmd:notthis:timeline:7", &[], member(7)),
            ComponentPlan::Delete
        );
        assert!(matches!(
            plan_component(&knowledge, "gfmd:notthis:timeline:7", &[], member(8)),
            ComponentPlan::Reply(reply, _) if reply.ephemeral
        ));
    }

    #[test]
    fn a_button_for_an_answer_that_is_gone_says_so() {
        for id in ["gfmd:offer:no-such-answer:7", "gfmd:show:no-such-answer"] {
            let ComponentPlan::Reply(reply, handled) =
                plan_component(&knowledge(), id, &[], member(7))
            else {
                panic!("expected a reply")
            };
            assert!(reply.content.unwrap().contains("no longer available"));
            assert_eq!(handled.answer_id, None);
        }
    }
}
