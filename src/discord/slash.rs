//! `/gfmd`: the subcommands, `ask` and `topic`, and the autocomplete of `topic`. Each handler first
//! decides what to send as plain data (`plan_*`, testable without Discord), then sends it in one
//! REST call, well inside Discord's 3-second deadline: the work before it is in memory and takes
//! microseconds.

use super::commands::gfmd::{self, GfmdRequest};
use super::question_log::{log_question, Handled};
use super::reply::Reply;
use super::respond::{self, Target};
use super::state::BotState;
use crate::answers::limits::{self, truncate};
use crate::answers::Answer;
use crate::knowledge::Knowledge;
use crate::render::{quote_user_text, wording};
use serenity::all::{
    CommandInteraction, Context, CreateAutocompleteResponse, CreateInteractionResponse,
};
use std::time::Instant;

/// What to reply to a `/gfmd` request from `asker_id`. A question the bot is not confident about
/// gets a private "not sure" with "Did you mean" buttons, never a guess.
pub fn plan_gfmd(knowledge: &Knowledge, request: &GfmdRequest, asker_id: u64) -> (Reply, Handled) {
    let public = |answer: &Answer| {
        (
            Reply::answer(answer, &knowledge.related(answer), asker_id),
            Handled::shown(&answer.id),
        )
    };
    match request {
        GfmdRequest::Show(command) => match knowledge.answers().by_command(command) {
            Some(answer) => public(answer),
            None => (
                Reply::notice("That topic is no longer available. Try `/gfmd topic`."),
                Handled::nothing(),
            ),
        },
        GfmdRequest::Ask(question) => {
            let verdict = knowledge.decide(question);
            let handled = Handled::from_verdict(&verdict);
            let reply = match verdict.answered() {
                Some(answered) => Reply::answer(answered.answer, &answered.related, asker_id),
                None => {
                    let suggested: Vec<&Answer> = verdict
                        .suggestions()
                        .iter()
                        .map(|candidate| candidate.answer)
                        .collect();
                    Reply::not_sure(&suggested)
                }
            };
            (reply, handled)
        }
        GfmdRequest::Topic(name) => match knowledge.resolve_topic(name) {
            Some(answer) => public(answer),
            None => {
                let suggested = knowledge.autocomplete(name, 3);
                let mut reply = Reply::not_sure(&suggested);
                reply.content = Some(format!(
                    "I have no topic called \"{}\".{}",
                    quote_user_text(name, 80),
                    if suggested.is_empty() {
                        " Start typing in `/gfmd topic` to see the list.".to_owned()
                    } else {
                        format!(" {}", wording::DID_YOU_MEAN)
                    }
                ));
                (reply, Handled::nothing())
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

/// Handles one `/gfmd` invocation: rate limit for `ask`, the plan, the per-channel cooldown (a
/// repeat of an answer just posted here is shown privately with a link), then the response.
pub async fn handle_gfmd(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let started = Instant::now();
    let target = Target::from(command);
    let Some(request) = gfmd::parse_request(&command.data.options) else {
        respond::notice(ctx, target, "I did not understand that command.").await;
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
            respond::notice(ctx, target, notice).await;
            return;
        }
    }
    let knowledge = state.knowledge();
    let (mut reply, handled) = plan_gfmd(&knowledge, &request, asker);
    let channel = command.channel_id.get();
    let public_answer = handled.answer_id.as_ref().filter(|_| reply.embed.is_some());
    if let Some(answer_id) = public_answer {
        let reserved = state
            .cooldowns()
            .reserve(channel, answer_id, tokio::time::Instant::now());
        if let Err(recent) = reserved {
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
    let sent = respond::reply(ctx, target, &reply).await;
    if let (false, Some(answer_id)) = (sent, public_answer) {
        state.cooldowns().release(channel, answer_id);
    }
    log_question("slash", &request_text(&request), &handled, started);
}

/// Answers an autocomplete request of `/gfmd topic` (and of `/gfmd-admin`'s answer ids).
pub async fn handle_autocomplete(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let input = command
        .data
        .autocomplete()
        .map(|option| option.value.to_owned())
        .unwrap_or_default();
    let choices = plan_autocomplete(&state.knowledge(), &input);
    let response = choices.into_iter().fold(
        CreateAutocompleteResponse::new(),
        |response, (name, value)| response.add_string_choice(name, value),
    );
    respond::respond(
        ctx,
        Target::from(command),
        CreateInteractionResponse::Autocomplete(response),
    )
    .await;
}

fn request_text(request: &GfmdRequest) -> String {
    match request {
        GfmdRequest::Show(command) => format!("/gfmd {command}"),
        GfmdRequest::Ask(question) => question.clone(),
        GfmdRequest::Topic(name) => format!("/gfmd topic {name}"),
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
        let (reply, handled) = plan_gfmd(&knowledge(), &GfmdRequest::Show("objectives".into()), 7);
        assert!(!reply.ephemeral);
        assert_eq!(handled.answer_id.as_deref(), Some("objectives"));
    }

    #[test]
    fn an_off_topic_question_gets_an_ephemeral_not_sure_never_a_guess() {
        let (reply, handled) = plan_gfmd(
            &knowledge(),
            &GfmdRequest::Ask("how do I renew my passport".into()),
            7,
        );
        assert!(reply.ephemeral);
        assert!(reply.embed.is_none());
        assert_eq!(handled.answer_id, None);
        assert!(reply.content.unwrap().starts_with(wording::NOT_SURE));
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
        let (reply, handled) =
            plan_gfmd(&knowledge, &GfmdRequest::Topic("@everyone pizza".into()), 7);
        assert!(reply.ephemeral && handled.answer_id.is_none());
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
}
