//! Moderators' tools: `/gfmd-admin` (reload, add, edit, remove, preview, test) and the "Answer
//! with GFMD FAQ" message command. Discord hides both from members without the default
//! permission, and every use is checked again here, because server admins can open commands to
//! anyone. Every change is logged (who, what) to tracing and to the log channel when set.

use super::reply::{no_pings, Button, Reply, Row};
use super::state::BotState;
use crate::answers::limits::{self, truncate};
use crate::knowledge::{Knowledge, Outcome};
use crate::render::quote_user_text;
use crate::store::{AnswerDraft, SaveMode, StoreError};
use serenity::all::{
    ActionRowComponent, ChannelId, CommandDataOptionValue, CommandInteraction, CommandOptionType,
    CommandType, ComponentInteraction, Context, CreateActionRow, CreateCommand,
    CreateCommandOption, CreateInputText, CreateInteractionResponse, CreateMessage, CreateModal,
    EditInteractionResponse, InputTextStyle, MessageId, ModalInteraction, Permissions,
};
use tracing::{info, warn};

/// The moderators' slash command.
pub const ADMIN: &str = "gfmd-admin";
/// The message context-menu command.
pub const ANSWER_WITH_FAQ: &str = "Answer with GFMD FAQ";
/// Custom id of the add modal.
pub const ADD_MODAL: &str = "gfmd-admin:add";
/// Custom-id prefix of the edit modal: `gfmd-admin:edit:<id>`.
pub const EDIT_MODAL_PREFIX: &str = "gfmd-admin:edit:";
/// Custom-id prefix of "post this answer" buttons: `gfmd:post:<answer id>:<message id>`.
pub const POST_PREFIX: &str = "gfmd:post:";

const FIELD_ID: &str = "id";
const FIELD_TITLE: &str = "title";
const FIELD_QUESTIONS: &str = "questions";
const FIELD_DESCRIPTION: &str = "description";

/// `/gfmd-admin` and the message command, visible by default only to members who can manage
/// the server (moderators' roles can be granted access in the server's integration settings).
pub fn admin_commands() -> Vec<CreateCommand> {
    let id_option = || {
        CreateCommandOption::new(CommandOptionType::String, FIELD_ID, "Answer id")
            .required(true)
            .set_autocomplete(true)
            .max_length(64)
    };
    let subcommand = |name: &str, description: &str| {
        CreateCommandOption::new(CommandOptionType::SubCommand, name, description)
    };
    vec![
        CreateCommand::new(ADMIN)
            .description("Moderators: manage the GFMD answers")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(subcommand("reload", "Reload the answer files now"))
            .add_option(subcommand("add", "Add an answer"))
            .add_option(
                subcommand("edit", "Edit an answer's title, questions and text")
                    .add_sub_option(id_option()),
            )
            .add_option(
                subcommand("remove", "Remove an answer (moved to responses/.trash)")
                    .add_sub_option(id_option()),
            )
            .add_option(
                subcommand("preview", "Show an answer privately").add_sub_option(id_option()),
            )
            .add_option(
                subcommand("test", "Show the top 3 matches for a question, with scores")
                    .add_sub_option(
                        CreateCommandOption::new(
                            CommandOptionType::String,
                            "question",
                            "A question",
                        )
                        .required(true)
                        .max_length(1000),
                    ),
            ),
        CreateCommand::new(ANSWER_WITH_FAQ)
            .kind(CommandType::Message)
            .default_member_permissions(Permissions::MANAGE_GUILD),
    ]
}

/// The ephemeral "top 3 with scores" for `question`, with a post button per answer when
/// `reply_to` names a message to answer.
pub fn plan_top_matches(knowledge: &Knowledge, question: &str, reply_to: Option<u64>) -> Reply {
    let top = knowledge.rank(question, 3);
    let verdict = knowledge.decide(question);
    let verdict = match (verdict.answer(), verdict.suggestions().first()) {
        (Some(answer), _) => format!("would answer `{}`", answer.id),
        (None, Some(best)) if verdict.outcome() == Outcome::Suggest => {
            format!(
                "would suggest `{}` (not confident enough to answer)",
                best.answer.id
            )
        }
        _ => "would stay silent (not confident)".to_owned(),
    };
    let mut text = format!(
        "Top matches for \"{}\" — {verdict}:",
        quote_user_text(question, 200)
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

/// Reads a modal's text inputs into a draft; `id` comes from the custom id for edits.
pub fn draft_from_fields(fields: &[(String, String)], id: Option<&str>) -> AnswerDraft {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim().to_owned())
            .unwrap_or_default()
    };
    AnswerDraft {
        id: id.map_or_else(|| field(FIELD_ID), str::to_owned),
        title: field(FIELD_TITLE),
        questions: field(FIELD_QUESTIONS)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned)
            .collect(),
        description: field(FIELD_DESCRIPTION),
    }
}

fn modal(custom_id: &str, title: &str, draft: Option<&AnswerDraft>) -> CreateModal {
    let input = |style, label: &str, id: &str, max: u16, value: Option<String>| {
        let mut input = CreateInputText::new(style, label, id)
            .required(true)
            .max_length(max);
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            input = input.value(value);
        }
        CreateActionRow::InputText(input)
    };
    let mut rows = Vec::new();
    if draft.is_none() {
        rows.push(input(
            InputTextStyle::Short,
            "Id (a-z, 0-9 and -)",
            FIELD_ID,
            64,
            None,
        ));
    }
    rows.push(input(
        InputTextStyle::Short,
        "Title",
        FIELD_TITLE,
        256,
        draft.map(|d| d.title.clone()),
    ));
    rows.push(input(
        InputTextStyle::Paragraph,
        "Questions it answers (one per line)",
        FIELD_QUESTIONS,
        limits::TEXT_INPUT_LENGTH as u16,
        draft.map(|d| d.questions.join("\n")),
    ));
    rows.push(input(
        InputTextStyle::Paragraph,
        "Answer text (markdown)",
        FIELD_DESCRIPTION,
        limits::TEXT_INPUT_LENGTH as u16,
        draft.map(|d| d.description.clone()),
    ));
    CreateModal::new(custom_id, title).components(rows)
}

fn member_facts(member: Option<&serenity::all::Member>) -> (Vec<u64>, Option<Permissions>) {
    member.map_or((Vec::new(), None), |member| {
        (
            member.roles.iter().map(|role| role.get()).collect(),
            member.permissions,
        )
    })
}

const REFUSED: &str = "Only moderators can do that.";

/// Handles `/gfmd-admin` and the message command.
pub async fn handle_command(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let (roles, permissions) = member_facts(command.member.as_deref());
    if !state.can_administer(&roles, permissions) {
        warn!(user = %command.user.id, command = %command.data.name, "refused a moderator command");
        send(
            ctx,
            command,
            CreateInteractionResponse::Message(Reply::notice(REFUSED).to_interaction_message()),
        )
        .await;
        return;
    }
    if command.data.kind == CommandType::Message {
        let Some(serenity::all::ResolvedTarget::Message(target)) = command.data.target() else {
            send(ctx, command, notice("I could not read that message.")).await;
            return;
        };
        let knowledge = state.knowledge.load();
        let reply = plan_top_matches(&knowledge, &target.content, Some(target.id.get()));
        send(
            ctx,
            command,
            CreateInteractionResponse::Message(reply.to_interaction_message()),
        )
        .await;
        return;
    }
    let Some(subcommand) = command.data.options.first() else {
        return;
    };
    let text_option = |name: &str| match &subcommand.value {
        CommandDataOptionValue::SubCommand(options) => options.iter().find_map(|option| {
            (option.name == name).then(|| option.value.as_str().unwrap_or_default().to_owned())
        }),
        _ => None,
    };
    let who = command.user.name.clone();
    match subcommand.name.as_str() {
        "reload" => {
            if let Err(error) = command.defer_ephemeral(&ctx.http).await {
                warn!(%error, "could not defer /gfmd-admin reload");
                return;
            }
            let text = reload(state, ctx, &who, "reload").await;
            edit(ctx, command, &text).await;
        }
        "add" => {
            if state.store().is_none() {
                send(ctx, command, notice(NO_FILES)).await;
                return;
            }
            send(
                ctx,
                command,
                CreateInteractionResponse::Modal(modal(ADD_MODAL, "Add a GFMD answer", None)),
            )
            .await;
        }
        "edit" => {
            let id = text_option(FIELD_ID).unwrap_or_default();
            let Some(answer) = state.knowledge.load().answers().get(&id).cloned() else {
                send(
                    ctx,
                    command,
                    notice(&format!(
                        "No answer has the id `{}`.",
                        quote_user_text(&id, 64)
                    )),
                )
                .await;
                return;
            };
            if state.store().is_none() {
                send(ctx, command, notice(NO_FILES)).await;
                return;
            }
            if answer.description.chars().count() > limits::TEXT_INPUT_LENGTH {
                send(ctx, command, notice("That answer is longer than a Discord form can hold; edit its file instead.")).await;
                return;
            }
            let draft = AnswerDraft {
                id: answer.id.clone(),
                title: answer.title.clone(),
                questions: answer.questions.clone(),
                description: answer.description.clone(),
            };
            let title = truncate(&format!("Edit {}", answer.id), 45);
            send(
                ctx,
                command,
                CreateInteractionResponse::Modal(modal(
                    &format!("{EDIT_MODAL_PREFIX}{id}"),
                    &title,
                    Some(&draft),
                )),
            )
            .await;
        }
        "remove" => {
            let id = text_option(FIELD_ID).unwrap_or_default();
            let Some(store) = state.store() else {
                send(ctx, command, notice(NO_FILES)).await;
                return;
            };
            let _ = command.defer_ephemeral(&ctx.http).await;
            let removed = {
                let store = store.clone();
                let id = id.clone();
                tokio::task::spawn_blocking(move || store.remove(&id)).await
            };
            let text = match removed {
                Ok(Ok(path)) => {
                    let reloaded = reload(state, ctx, &who, &format!("remove {id}")).await;
                    format!("Removed `{id}` (kept in {}). {reloaded}", path.display())
                }
                Ok(Err(error)) => store_error_text(&error),
                Err(error) => format!("Internal error: {error}"),
            };
            edit(ctx, command, &text).await;
        }
        "preview" => {
            let id = text_option(FIELD_ID).unwrap_or_default();
            let knowledge = state.knowledge.load();
            let reply = match knowledge.answers().get(&id) {
                Some(answer) => {
                    let mut reply =
                        Reply::answer(answer, &knowledge.related(answer), command.user.id.get());
                    reply.ephemeral = true;
                    reply.rows.clear();
                    reply
                }
                None => Reply::notice(format!(
                    "No answer has the id `{}`.",
                    quote_user_text(&id, 64)
                )),
            };
            send(
                ctx,
                command,
                CreateInteractionResponse::Message(reply.to_interaction_message()),
            )
            .await;
        }
        "test" => {
            let question = text_option("question").unwrap_or_default();
            let reply = plan_top_matches(&state.knowledge.load(), &question, None);
            send(
                ctx,
                command,
                CreateInteractionResponse::Message(reply.to_interaction_message()),
            )
            .await;
        }
        other => {
            send(
                ctx,
                command,
                notice(&format!("Unknown subcommand `{other}`.")),
            )
            .await
        }
    }
}

const NO_FILES: &str =
    "The answers are built into the binary; set `responses_dir` in the config to edit them live.";

/// Handles the add and edit modals: defers at once (saving and reloading read every file), then
/// edits the response with the outcome.
pub async fn handle_modal(state: &BotState, ctx: &Context, modal: &ModalInteraction) {
    let (roles, permissions) = member_facts(modal.member.as_ref());
    if !state.can_administer(&roles, permissions) {
        let response =
            CreateInteractionResponse::Message(Reply::notice(REFUSED).to_interaction_message());
        if let Err(error) = modal.create_response(&ctx.http, response).await {
            warn!(%error, "could not refuse a modal");
        }
        return;
    }
    if let Err(error) = modal.defer_ephemeral(&ctx.http).await {
        warn!(%error, "could not defer a modal");
        return;
    }
    let text = save_from_modal(state, ctx, modal).await;
    let edit = EditInteractionResponse::new()
        .content(truncate(&text, limits::MESSAGE_CONTENT_LENGTH))
        .allowed_mentions(no_pings());
    if let Err(error) = modal.edit_response(&ctx.http, edit).await {
        warn!(%error, "could not report a modal's outcome");
    }
}

async fn save_from_modal(state: &BotState, ctx: &Context, modal: &ModalInteraction) -> String {
    let Some(store) = state.store().cloned() else {
        return NO_FILES.to_owned();
    };
    let fields: Vec<(String, String)> = modal
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .filter_map(|component| match component {
            ActionRowComponent::InputText(input) => Some((
                input.custom_id.clone(),
                input.value.clone().unwrap_or_default(),
            )),
            _ => None,
        })
        .collect();
    let (draft, mode) = match modal.data.custom_id.strip_prefix(EDIT_MODAL_PREFIX) {
        Some(id) => (draft_from_fields(&fields, Some(id)), SaveMode::Edit),
        None if modal.data.custom_id == ADD_MODAL => {
            (draft_from_fields(&fields, None), SaveMode::New)
        }
        None => return "This form has expired.".to_owned(),
    };
    let verb = if mode == SaveMode::New { "add" } else { "edit" };
    let id = draft.id.clone();
    match tokio::task::spawn_blocking(move || store.save(&draft, mode)).await {
        Ok(Ok(saved)) => {
            let reloaded = reload(state, ctx, &modal.user.name, &format!("{verb} {id}")).await;
            format!("Saved {}. {reloaded}", saved.path.display())
        }
        Ok(Err(error)) => store_error_text(&error),
        Err(error) => format!("Internal error: {error}"),
    }
}

/// Handles "post this answer" buttons from the message command.
pub async fn handle_post(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let (roles, permissions) = member_facts(component.member.as_ref());
    let notice_reply = |text: &str| {
        CreateInteractionResponse::Message(Reply::notice(text).to_interaction_message())
    };
    if !state.can_administer(&roles, permissions) {
        let _ = component
            .create_response(&ctx.http, notice_reply(REFUSED))
            .await;
        return;
    }
    let rest = component.data.custom_id.trim_start_matches(POST_PREFIX);
    let parsed = rest
        .rsplit_once(':')
        .and_then(|(id, message)| Some((id.to_owned(), message.parse::<u64>().ok()?)));
    let knowledge = state.knowledge.load();
    let Some((answer, message_id)) =
        parsed.and_then(|(id, message)| Some((knowledge.answers().get(&id)?, message)))
    else {
        let _ = component
            .create_response(
                &ctx.http,
                notice_reply("That answer is no longer available."),
            )
            .await;
        return;
    };
    let reply = Reply::answer(answer, &knowledge.related(answer), component.user.id.get());
    let message = reply
        .to_channel_message()
        .reference_message((component.channel_id, MessageId::new(message_id)));
    let text = match component.channel_id.send_message(&ctx.http, message).await {
        Ok(_) => {
            info!(by = %component.user.name, answer = %answer.id, message = message_id, "moderator answered a message with the FAQ");
            format!("Posted `{}` as a reply.", answer.id)
        }
        Err(error) => {
            warn!(%error, "could not post a moderator's chosen answer");
            "I could not post that answer.".to_owned()
        }
    };
    let _ = component
        .create_response(&ctx.http, notice_reply(&text))
        .await;
}

/// Reloads off the async threads, re-registers commands if they changed, logs who did what,
/// and returns the outcome as text.
async fn reload(state: &BotState, ctx: &Context, who: &str, what: &str) -> String {
    let Some(reloader) = state.reloader().cloned() else {
        return NO_FILES.to_owned();
    };
    let outcome = tokio::task::spawn_blocking(move || reloader.reload_now()).await;
    let text = match outcome {
        Ok(Ok(report)) => {
            super::register_commands(state, &ctx.http).await;
            report.to_string()
        }
        Ok(Err(error)) => format!("{error:#}"),
        Err(error) => format!("internal error: {error}"),
    };
    info!(by = who, action = what, outcome = %text, "moderator change");
    post_to_log_channel(
        state,
        &ctx.http,
        &format!(
            "**{}** ran `{}`: {}",
            quote_user_text(who, 64),
            quote_user_text(what, 100),
            text
        ),
    )
    .await;
    truncate(&text, limits::MESSAGE_CONTENT_LENGTH)
}

/// Posts `text` to `[moderation] log_channel_id`, when set.
pub async fn post_to_log_channel(state: &BotState, http: &serenity::all::Http, text: &str) {
    let Some(channel) = state.config.moderation.log_channel_id else {
        return;
    };
    let message = CreateMessage::new()
        .content(truncate(text, limits::MESSAGE_CONTENT_LENGTH))
        .allowed_mentions(no_pings());
    if let Err(error) = ChannelId::new(channel.0).send_message(http, message).await {
        warn!(%error, "could not post to the moderation log channel");
    }
}

fn store_error_text(error: &StoreError) -> String {
    truncate(
        &format!("Not saved: {error}"),
        limits::MESSAGE_CONTENT_LENGTH,
    )
}

fn notice(text: &str) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(Reply::notice(text).to_interaction_message())
}

async fn send(ctx: &Context, command: &CommandInteraction, response: CreateInteractionResponse) {
    if let Err(error) = command.create_response(&ctx.http, response).await {
        warn!(%error, command = %command.data.name, "could not answer a moderator command");
    }
}

async fn edit(ctx: &Context, command: &CommandInteraction, text: &str) {
    let edit = EditInteractionResponse::new()
        .content(truncate(text, limits::MESSAGE_CONTENT_LENGTH))
        .allowed_mentions(no_pings());
    if let Err(error) = command.edit_response(&ctx.http, edit).await {
        warn!(%error, "could not edit a deferred moderator response");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::AnswerSet;
    use crate::matcher::Settings;

    #[test]
    fn the_admin_commands_require_manage_server_by_default() {
        let json = serde_json::to_value(admin_commands()).unwrap();
        assert_eq!(json[0]["name"], "gfmd-admin");
        assert_eq!(json[0]["default_member_permissions"], "32");
        assert_eq!(json[1]["type"], 3, "a message command");
        assert_eq!(json[1]["default_member_permissions"], "32");
    }

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
        assert!(content.contains("1. `objectives`"), "{content}");
        let Row::Buttons(buttons) = &reply.rows[0] else {
            panic!("buttons")
        };
        assert_eq!(buttons.len(), 3);
        assert!(buttons
            .iter()
            .all(|button| button.custom_id.len() <= limits::CUSTOM_ID_LENGTH));
    }

    #[test]
    fn modal_fields_become_a_draft_with_one_question_per_line() {
        let fields = vec![
            ("id".to_owned(), " new-answer ".to_owned()),
            ("title".to_owned(), "A title".to_owned()),
            ("questions".to_owned(), "first?\n\n  second?  \n".to_owned()),
            ("description".to_owned(), "Body".to_owned()),
        ];
        let draft = draft_from_fields(&fields, None);
        assert_eq!(draft.id, "new-answer");
        assert_eq!(draft.questions, vec!["first?", "second?"]);
        assert_eq!(draft_from_fields(&fields, Some("other")).id, "other");
    }
}
