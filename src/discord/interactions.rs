//! Slash commands, autocomplete and components. Each handler first decides what to send as plain
//! data (`plan_*`, testable without Discord), then sends it in one REST call, well inside
//! Discord's 3-second deadline: all the work before it is in memory and takes microseconds.

use super::admin;
use super::commands::{self, GfmdRequest};
use super::reply::{Reply, DELETE_PREFIX, RELATED_PREFIX, SHOW_PREFIX};
use super::state::BotState;
use crate::answers::limits::{self, truncate};
use crate::answers::Answer;
use crate::knowledge::Knowledge;
use crate::render::quote_user_text;
use serenity::all::{
    CommandInteraction, ComponentInteraction, ComponentInteractionDataKind, Context,
    CreateAutocompleteResponse, CreateInteractionResponse, Interaction,
};
use std::time::{Duration, Instant};
use tracing::{debug, info, warn};

/// Discord's 3-second interaction deadline, less a margin for the retried request itself.
const RETRY_BUDGET: Duration = Duration::from_millis(2500);
/// Wait before retrying after a 429. serenity drops Retry-After from error responses, so this is
/// fixed (with serenity's own rate limiter on, as against Discord, a 429 is retried inside serenity
/// and never reaches this code).
const RATE_LIMIT_WAIT: Duration = Duration::from_millis(1000);

/// What a plan answered, for the log line and the cooldown.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The answer given publicly, if any.
    pub answer_id: Option<String>,
    /// The matcher's score, when the matcher was asked.
    pub score: Option<f32>,
}

/// What to reply to a `/gfmd` request from `asker_id`.
pub fn plan_gfmd(knowledge: &Knowledge, request: &GfmdRequest, asker_id: u64) -> (Reply, Outcome) {
    let public = |answer: &Answer, score| {
        (
            Reply::answer(answer, &knowledge.related(answer), asker_id),
            Outcome {
                answer_id: Some(answer.id.clone()),
                score,
            },
        )
    };
    match request {
        GfmdRequest::Show(command) => match knowledge.answers().by_command(command) {
            Some(answer) => public(answer, None),
            None => (
                Reply::notice("That topic is no longer available. Try `/gfmd topic`."),
                Outcome {
                    answer_id: None,
                    score: None,
                },
            ),
        },
        GfmdRequest::Ask(question) => {
            let verdict = knowledge.decide(question);
            match verdict.answered() {
                Some(answered) => public(answered.answer, Some(answered.score)),
                None => {
                    let suggested: Vec<&Answer> = verdict
                        .suggestions()
                        .iter()
                        .map(|candidate| candidate.answer)
                        .collect();
                    (
                        Reply::not_sure(&suggested),
                        Outcome {
                            answer_id: None,
                            score: Some(verdict.score()),
                        },
                    )
                }
            }
        }
        GfmdRequest::Topic(name) => match knowledge.resolve_topic(name) {
            Some(answer) => public(answer, None),
            None => {
                let suggested = knowledge.autocomplete(name, 3);
                let mut reply = Reply::not_sure(&suggested);
                reply.content = Some(format!(
                    "I have no topic called \"{}\".{}",
                    quote_user_text(name, 80),
                    if suggested.is_empty() {
                        " Start typing in `/gfmd topic` to see the list."
                    } else {
                        " Did you mean:"
                    }
                ));
                (
                    reply,
                    Outcome {
                        answer_id: None,
                        score: None,
                    },
                )
            }
        },
    }
}

/// Autocomplete choices for `/gfmd topic`: `(name ≤100 chars, value = answer id)`, at most 25.
pub fn plan_autocomplete(knowledge: &Knowledge, input: &str) -> Vec<(String, String)> {
    knowledge
        .autocomplete(input, limits::AUTOCOMPLETE_CHOICES)
        .into_iter()
        .map(|answer| {
            (
                truncate(&answer.title, limits::CHOICE_LENGTH),
                truncate(&answer.id, limits::CHOICE_LENGTH),
            )
        })
        .collect()
}

/// What a click on one of the bot's components should do.
#[derive(Debug, Clone, PartialEq)]
pub enum ComponentPlan {
    /// Reply with this message (boxed: a reply is much larger than the other variant).
    Reply(Box<Reply>, Outcome),
    /// Delete the message the component is on.
    Delete,
}

/// Decides what a component click does. `is_moderator` lets moderators delete any answer.
pub fn plan_component(
    knowledge: &Knowledge,
    custom_id: &str,
    values: &[String],
    user_id: u64,
    is_moderator: bool,
) -> ComponentPlan {
    let reply = |reply: Reply, answer_id: Option<String>| {
        ComponentPlan::Reply(
            Box::new(reply),
            Outcome {
                answer_id,
                score: None,
            },
        )
    };
    let gone = || reply(Reply::notice("That answer is no longer available."), None);
    if let Some(id) = custom_id.strip_prefix(SHOW_PREFIX) {
        return match knowledge.answers().get(id) {
            Some(answer) => reply(
                Reply::answer(answer, &knowledge.related(answer), user_id),
                Some(answer.id.clone()),
            ),
            None => gone(),
        };
    }
    if custom_id.starts_with(RELATED_PREFIX) {
        let Some(answer) = values.first().and_then(|id| knowledge.answers().get(id)) else {
            return gone();
        };
        let mut private =
            Reply::answer(answer, &knowledge.related(answer), user_id).without_buttons();
        private.ephemeral = true;
        return reply(private, None);
    }
    if let Some(asker) = custom_id.strip_prefix(DELETE_PREFIX) {
        return if asker.parse::<u64>().ok() == Some(user_id) || is_moderator {
            ComponentPlan::Delete
        } else {
            reply(
                Reply::notice("Only the person who asked, or a moderator, can delete this answer."),
                None,
            )
        };
    }
    reply(Reply::notice("This button has expired."), None)
}

/// Dispatches one interaction.
pub async fn handle(state: &BotState, ctx: &Context, interaction: Interaction) {
    match interaction {
        Interaction::Command(command) if command.data.name == commands::GFMD => {
            handle_gfmd(state, ctx, &command).await;
        }
        Interaction::Command(command)
            if command.data.name == admin::ADMIN || command.data.name == admin::ANSWER_WITH_FAQ =>
        {
            admin::handle_command(state, ctx, &command).await;
        }
        Interaction::Modal(modal) => admin::handle_modal(state, ctx, &modal).await,
        Interaction::Component(component)
            if component.data.custom_id.starts_with(admin::POST_PREFIX) =>
        {
            admin::handle_post(state, ctx, &component).await;
        }
        Interaction::Autocomplete(autocomplete) => {
            let input = autocomplete
                .data
                .autocomplete()
                .map(|option| option.value.to_owned())
                .unwrap_or_default();
            let knowledge = state.knowledge.load();
            let response = plan_autocomplete(&knowledge, &input).into_iter().fold(
                CreateAutocompleteResponse::new(),
                |response, (name, value)| response.add_string_choice(name, value),
            );
            if let Err(error) = autocomplete
                .create_response(&ctx.http, CreateInteractionResponse::Autocomplete(response))
                .await
            {
                warn!(%error, "could not send autocomplete choices");
            }
        }
        Interaction::Component(component) => handle_component(state, ctx, &component).await,
        other => debug!(kind = ?other.kind(), "ignored an interaction this bot does not handle"),
    }
}

async fn handle_gfmd(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let started = Instant::now();
    let Some(request) = commands::parse_request(&command.data.options) else {
        respond(
            ctx,
            command.id,
            &command.token,
            Reply::notice("I did not understand that command."),
        )
        .await;
        return;
    };
    let asker = command.user.id.get();
    if let GfmdRequest::Ask(_) = request {
        let allowed = state
            .rate_limiter()
            .check(asker, tokio::time::Instant::now());
        if let Err(wait) = allowed {
            let notice = format!(
                "You're asking quickly. Try again in {} s.",
                wait.as_secs().max(1)
            );
            respond(ctx, command.id, &command.token, Reply::notice(notice)).await;
            return;
        }
    }
    let knowledge = state.knowledge.load();
    let (mut reply, outcome) = plan_gfmd(&knowledge, &request, asker);
    let channel = command.channel_id.get();
    if let Some(answer_id) = &outcome.answer_id {
        let recent = state
            .cooldowns()
            .reserve(channel, answer_id, tokio::time::Instant::now());
        if let Err(recent) = recent {
            reply = reply.without_buttons();
            reply.ephemeral = true;
            reply.content = Some(match recent.message {
                Some(message) => format!(
                    "This was answered here a moment ago: {} (shown again just for you)",
                    message.jump_link()
                ),
                None => {
                    "This was answered here a moment ago (shown again just for you).".to_owned()
                }
            });
        }
    }
    let sent = respond(ctx, command.id, &command.token, reply).await;
    if !sent {
        if let Some(answer_id) = &outcome.answer_id {
            state.cooldowns().release(channel, answer_id);
        }
    }
    log_question("slash", &request_text(&request), &outcome, started);
}

fn request_text(request: &GfmdRequest) -> String {
    match request {
        GfmdRequest::Show(command) => format!("/gfmd {command}"),
        GfmdRequest::Ask(question) => question.clone(),
        GfmdRequest::Topic(name) => format!("/gfmd topic {name}"),
    }
}

async fn handle_component(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let started = Instant::now();
    let values = match &component.data.kind {
        ComponentInteractionDataKind::StringSelect { values } => values.clone(),
        _ => Vec::new(),
    };
    let (roles, permissions) = component
        .member
        .as_ref()
        .map_or((Vec::new(), None), |member| {
            (
                member.roles.iter().map(|role| role.get()).collect(),
                member.permissions,
            )
        });
    let is_moderator = state.is_moderator(&roles, permissions);
    let knowledge = state.knowledge.load();
    let plan = plan_component(
        &knowledge,
        &component.data.custom_id,
        &values,
        component.user.id.get(),
        is_moderator,
    );
    match plan {
        ComponentPlan::Reply(reply, outcome) => {
            respond(ctx, component.id, &component.token, *reply).await;
            if outcome.answer_id.is_some() {
                log_question("button", &component.data.custom_id, &outcome, started);
            }
        }
        ComponentPlan::Delete => {
            let acknowledged = component
                .create_response(&ctx.http, CreateInteractionResponse::Acknowledge)
                .await;
            if let Err(error) = acknowledged {
                warn!(%error, "could not acknowledge a delete click");
            }
            if let Err(error) = component.message.delete(&ctx.http).await {
                warn!(%error, message = %component.message.id, "could not delete an answer");
            } else {
                info!(message = %component.message.id, by = %component.user.id, "answer deleted on request");
            }
        }
    }
}

/// Sends `reply` as the interaction's response; returns whether Discord accepted it. A response
/// that failed with 429, a 5xx or a transport error is sent once more when that still fits in the
/// 3-second deadline; it cannot show twice, as Discord refuses a second callback (40060).
async fn respond(
    ctx: &Context,
    id: serenity::all::InteractionId,
    token: &str,
    reply: Reply,
) -> bool {
    let response = CreateInteractionResponse::Message(reply.to_interaction_message());
    let started = Instant::now();
    let mut retried = false;
    loop {
        let error = match ctx
            .http
            .create_interaction_response(id, token, &response, Vec::new())
            .await
        {
            Ok(()) => return true,
            Err(error) => error,
        };
        match retry_wait(&error, started.elapsed()) {
            Some(wait) if !retried => {
                debug!(%error, interaction = %id, wait_ms = wait.as_millis() as u64, "retrying an interaction response");
                tokio::time::sleep(wait).await;
                retried = true;
            }
            _ => {
                warn!(%error, interaction = %id, "could not answer an interaction");
                return false;
            }
        }
    }
}

/// How long to wait before sending a failed interaction response again, or `None` when a retry
/// cannot help or would miss the deadline: after a 429, [`RATE_LIMIT_WAIT`]; after a 5xx or a
/// transport error (no response at all), at once.
fn retry_wait(error: &serenity::Error, elapsed: Duration) -> Option<Duration> {
    use serenity::http::HttpError;
    let serenity::Error::Http(error) = error else {
        return None;
    };
    let wait = match error.status_code() {
        Some(status) if status.as_u16() == 429 => RATE_LIMIT_WAIT,
        Some(status) if status.is_server_error() => Duration::ZERO,
        Some(_) => return None,
        None if matches!(error, HttpError::Request(_)) => Duration::ZERO,
        None => return None,
    };
    (elapsed + wait <= RETRY_BUDGET).then_some(wait)
}

/// One structured line per question: where it came from, what was answered, score and time.
pub fn log_question(via: &str, question: &str, outcome: &Outcome, started: Instant) {
    let micros = started.elapsed().as_micros() as u64;
    let question = quote_user_text(question, 120);
    match &outcome.answer_id {
        Some(answer) => {
            info!(target: "gfmd_bot::questions", via, answer = %answer, score = outcome.score, micros, question = %question, "answered")
        }
        None => {
            info!(target: "gfmd_bot::questions", via, score = outcome.score, micros, question = %question, "abstained")
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

    #[test]
    fn a_subcommand_shows_its_answer_publicly() {
        let (reply, outcome) = plan_gfmd(&knowledge(), &GfmdRequest::Show("objectives".into()), 7);
        assert!(!reply.ephemeral);
        assert_eq!(outcome.answer_id.as_deref(), Some("objectives"));
    }

    #[test]
    fn an_off_topic_question_gets_an_ephemeral_not_sure_never_a_guess() {
        let (reply, outcome) = plan_gfmd(
            &knowledge(),
            &GfmdRequest::Ask("how do I renew my passport".into()),
            7,
        );
        assert!(reply.ephemeral);
        assert!(reply.embed.is_none());
        assert_eq!(outcome.answer_id, None);
    }

    #[test]
    fn a_typed_topic_that_is_no_choice_is_resolved_or_refused_politely() {
        let knowledge = knowledge();
        let (reply, _) = plan_gfmd(
            &knowledge,
            &GfmdRequest::Topic("The five objectives of the GFMD".into()),
            7,
        );
        assert_eq!(
            reply.embed.unwrap().title,
            "The five objectives of the GFMD"
        );
        let (reply, outcome) =
            plan_gfmd(&knowledge, &GfmdRequest::Topic("@everyone pizza".into()), 7);
        assert!(reply.ephemeral && outcome.answer_id.is_none());
        assert!(!reply.content.unwrap().contains("@everyone"));
    }

    #[test]
    fn autocomplete_offers_at_most_25_short_choices_and_prefix_matches_first() {
        let knowledge = knowledge();
        let choices = plan_autocomplete(&knowledge, "");
        assert!(!choices.is_empty() && choices.len() <= 25);
        let choices = plan_autocomplete(&knowledge, "cai");
        assert_eq!(choices[0].1, "cairo-1994");
        assert!(choices
            .iter()
            .all(|(name, value)| name.chars().count() <= 100 && value.chars().count() <= 100));
    }

    #[test]
    fn only_the_asker_or_a_moderator_may_delete_an_answer() {
        let knowledge = knowledge();
        assert_eq!(
            plan_component(&knowledge, "gfmd:delete:7", &[], 7, false),
            ComponentPlan::Delete
        );
        assert_eq!(
            plan_component(&knowledge, "gfmd:delete:7", &[], 8, true),
            ComponentPlan::Delete
        );
        assert!(
            matches!(plan_component(&knowledge, "gfmd:delete:7", &[], 8, false), ComponentPlan::Reply(reply, _) if reply.ephemeral)
        );
    }

    #[test]
    fn choosing_a_related_answer_shows_it_privately() {
        let plan = plan_component(
            &knowledge(),
            "gfmd:related:7",
            &["timeline".to_owned()],
            9,
            false,
        );
        let ComponentPlan::Reply(reply, _) = plan else {
            panic!("expected a reply")
        };
        assert!(reply.ephemeral);
        assert_eq!(
            reply.embed.unwrap().title,
            knowledge().answers().get("timeline").unwrap().title
        );
    }
}
