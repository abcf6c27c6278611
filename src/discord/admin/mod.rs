//! Moderators' tools: `/gfmd-admin` (reload, add, edit, remove, preview, test, inbox, stats), its
//! forms, and the "Answer with GFMD FAQ" message command. Discord hides them from members
//! without the default permission, and every use is checked again here
//! ([`super::moderators`]). Every change is logged (who, what) and posted to the log channel
//! when set.

mod changes;
mod forms;
mod inbox;
mod inbox_actions;
mod stats;
mod top_matches;

pub use forms::draft_from_fields;
pub use inbox::{plan_inbox, InboxAction, PREFIX as INBOX_PREFIX};
pub use stats::{millis, percent, plan_stats};
pub use top_matches::{is_post, plan_top_matches};

use super::commands::admin::{self as definitions, AdminRequest};
use super::messages::message_language;
use super::moderators::MemberFacts;
use super::recording::{Asked, Live, Records};
use super::reply::Reply;
use super::respond::{self, Target};
use super::state::BotState;
use crate::answers::limits::{self, truncate};
use crate::locale::Lang;
use crate::records::Kind;
use crate::render::quote_user_text;
use crate::store::{AnswerDraft, SaveMode};
use changes::Saving;
use forms::{form, submitted_fields, ADD_FORM, EDIT_FORM_PREFIX};
use serenity::all::{
    CommandInteraction, CommandType, ComponentInteraction, Context, CreateInteractionResponse,
    Member, MessageId, ModalInteraction, ResolvedTarget,
};
use tracing::{info, warn};

const REFUSED: &str = "Only moderators can do that.";

/// Whether the member may use a moderator's tool; logs and refuses politely when not.
async fn allowed(
    state: &BotState,
    ctx: &Context,
    target: Target<'_>,
    member: Option<&Member>,
    what: &str,
) -> bool {
    if state.is_moderator(&MemberFacts::of(member)) {
        return true;
    }
    warn!(interaction = %target.id, what, "refused a moderator's tool to a member");
    respond::notice(ctx, target, REFUSED).await;
    false
}

/// Handles `/gfmd-admin` and the message command.
pub async fn handle_command(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    if !allowed(
        state,
        ctx,
        target,
        command.member.as_deref(),
        &command.data.name,
    )
    .await
    {
        return;
    }
    if command.data.kind == CommandType::Message {
        return answer_with_faq(state, ctx, command).await;
    }
    let Some(request) = definitions::parse_request(&command.data.options) else {
        respond::notice(ctx, target, "I did not understand that command.").await;
        return;
    };
    let who = command.user.name.as_str();
    match request {
        AdminRequest::Reload => {
            if respond::defer_privately(ctx, target).await {
                let text = changes::reload(state, ctx, who).await;
                respond::edit_deferred(ctx, target, &text).await;
            }
        }
        AdminRequest::Add => match changes::refuse_unless_editable(state) {
            Ok(()) => {
                let add = form(ADD_FORM, "Add a GFMD answer", None);
                respond::respond(ctx, target, CreateInteractionResponse::Modal(add)).await;
            }
            Err(refusal) => {
                respond::notice(ctx, target, refusal).await;
            }
        },
        AdminRequest::Edit(id) => open_edit_form(state, ctx, target, &id).await,
        AdminRequest::Remove(id) => {
            if let Err(refusal) = changes::refuse_unless_editable(state) {
                respond::notice(ctx, target, refusal).await;
            } else if respond::defer_privately(ctx, target).await {
                let text = changes::remove(state, ctx, who, id).await;
                respond::edit_deferred(ctx, target, &text).await;
            }
        }
        AdminRequest::Preview(id) => {
            let lang = Lang::from_discord(&command.locale);
            respond::reply(ctx, target, &preview(state, &id, lang)).await;
        }
        AdminRequest::Test(question) => {
            let knowledge = state.knowledge();
            let lang = message_language(&knowledge, &question, Lang::from_discord(&command.locale));
            let verdict = knowledge.decide_in(lang, &question);
            let reply = plan_top_matches(&knowledge, lang, &question, &verdict, None, None);
            respond::reply(ctx, target, &reply).await;
        }
        AdminRequest::Inbox(days) => inbox_actions::open(state, ctx, target, days).await,
        AdminRequest::Stats(days) => stats::show(state, ctx, target, days).await,
    }
}

/// Answer `id` as members reading `lang` (the moderator's own locale) would see it, privately
/// and without buttons.
fn preview(state: &BotState, id: &str, lang: Lang) -> Reply {
    let knowledge = state.knowledge();
    let Some(answer) = knowledge.answers().get(id) else {
        return Reply::notice(no_such_answer(id));
    };
    let mut reply = Reply::answer(answer, &knowledge.related(answer), 0, None, lang);
    reply.ephemeral = true;
    reply.rows.clear();
    reply
}

fn no_such_answer(id: &str) -> String {
    format!("No answer has the id `{}`.", quote_user_text(id, 64))
}

/// Opens the edit form for answer `id`, prefilled, when the answer exists and fits in a form.
async fn open_edit_form(state: &BotState, ctx: &Context, target: Target<'_>, id: &str) {
    let Some(answer) = state.knowledge().answers().get(id).cloned() else {
        respond::notice(ctx, target, no_such_answer(id)).await;
        return;
    };
    if let Err(refusal) = changes::refuse_unless_editable(state) {
        respond::notice(ctx, target, refusal).await;
        return;
    }
    if answer.description.chars().count() > limits::TEXT_INPUT_LENGTH {
        let text = "That answer is longer than a Discord form can hold; edit its file instead.";
        respond::notice(ctx, target, text).await;
        return;
    }
    let draft = AnswerDraft {
        id: answer.id.clone(),
        title: answer.title.clone(),
        questions: answer.questions.clone(),
        description: answer.description.clone(),
    };
    let title = truncate(&format!("Edit {}", answer.id), 45);
    let edit = form(
        &format!("{EDIT_FORM_PREFIX}{}", answer.id),
        &title,
        Some(&draft),
    );
    respond::respond(ctx, target, CreateInteractionResponse::Modal(edit)).await;
}

/// "Answer with GFMD FAQ" on a message: the top matches for its text, privately, with buttons
/// that post the chosen answer as a reply. The text is read in its language, as a typed message
/// is (its words, else the server's fallback), and the answer is posted in that language. The
/// message's text is recorded as a question of its author (not of the moderator): it is theirs
/// to have forgotten.
async fn answer_with_faq(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    let Some(ResolvedTarget::Message(message)) = command.data.target() else {
        respond::notice(ctx, target, "I could not read that message.").await;
        return;
    };
    let author = message.author.id.get();
    let guild = command.guild_id.map(|id| id.get());
    let asked = Asked::new(Kind::ContextMenu, author, guild, command.channel_id.get());
    let knowledge = state.knowledge();
    let lang = message_language(&knowledge, &message.content, state.fallback_language(guild));
    let verdict = knowledge.decide_in(lang, &message.content);
    let record = Live::new(&state.recorder, author).question(asked.decided(
        &message.content,
        lang,
        &verdict,
    ));
    let reply = plan_top_matches(
        &knowledge,
        lang,
        &message.content,
        &verdict,
        Some(message.id.get()),
        record,
    );
    respond::reply(ctx, target, &reply).await;
}

/// Handles the add and edit forms: acknowledges at once (saving reads and validates every file),
/// then edits the response with the outcome.
pub async fn handle_form(state: &BotState, ctx: &Context, modal: &ModalInteraction) {
    let target = Target::from(modal);
    if !allowed(state, ctx, target, modal.member.as_ref(), "form").await {
        return;
    }
    let fields = submitted_fields(&modal.data);
    if let Some(action) = InboxAction::parse(&modal.data.custom_id) {
        return inbox_actions::handle_form(state, ctx, modal, action, &fields).await;
    }
    let (draft, mode) = match modal.data.custom_id.strip_prefix(EDIT_FORM_PREFIX) {
        Some(id) => (draft_from_fields(&fields, Some(id)), SaveMode::Edit),
        None if modal.data.custom_id == ADD_FORM => {
            (draft_from_fields(&fields, None), SaveMode::New)
        }
        None => {
            respond::notice(ctx, target, "This form has expired.").await;
            return;
        }
    };
    if respond::defer_privately(ctx, target).await {
        let (text, _) =
            changes::save(state, ctx, &modal.user.name, Saving::Answer(draft, mode)).await;
        respond::edit_deferred(ctx, target, &text).await;
    }
}

/// Handles a click in the moderators' inbox.
pub async fn handle_inbox_click(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let target = Target::from(component);
    if allowed(state, ctx, target, component.member.as_ref(), "inbox").await {
        inbox_actions::handle_click(state, ctx, component).await;
    }
}

/// Handles a moderator's "Post" button from the message command: posts the chosen answer as a
/// reply to the message, with feedback buttons for the message's recorded question (the
/// moderator's pick counts as its suggestion opened).
pub async fn handle_post(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let target = Target::from(component);
    if !allowed(state, ctx, target, component.member.as_ref(), "post").await {
        return;
    }
    let knowledge = state.knowledge();
    let chosen = top_matches::parse_post(&component.data.custom_id)
        .and_then(|post| Some((knowledge.answers().get(post.answer)?, post)));
    let Some((answer, post)) = chosen else {
        respond::notice(ctx, target, "That answer is no longer available.").await;
        return;
    };
    let (message_id, record) = (post.message, post.record);
    let record = record.filter(|_| state.recorder.is_enabled());
    if let Some(record) = record {
        state.recorder.suggestion_opened(record, &answer.id);
    }
    let moderator = component.user.id.get();
    let related = knowledge.related(answer);
    let reply = Reply::answer(answer, &related, moderator, record, post.lang);
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
    respond::notice(ctx, target, text).await;
}
