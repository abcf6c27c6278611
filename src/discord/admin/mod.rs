//! Moderators' tools: `/gfmd-admin` (reload, add, edit, remove, preview, test, inbox, stats), its
//! forms, and the "Answer with GFMD FAQ" message command. Discord hides them from members
//! without the default permission, and every use is checked again here
//! ([`super::moderators`]). Every change is logged (who, what) and posted to the log channel
//! when set.
//!
//! A moderator is answered in the language of their interaction's locale (French for `fr`,
//! Spanish for `es-ES` and `es-419`, else English; [`crate::wording::Moderation`]); the log and
//! the log channel, which every moderator reads, stay in English.

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
use crate::wording::{fill, Moderation, Wording};
use changes::Saving;
use forms::{form, submitted_fields, ADD_FORM, EDIT_FORM_PREFIX};
use serenity::all::{
    CommandInteraction, CommandType, ComponentInteraction, Context, CreateInteractionResponse,
    Member, MessageId, ModalInteraction, ResolvedTarget,
};
use tracing::{info, warn};

/// The words for a moderator whose interaction carries Discord locale `locale`, and its language.
fn words_for(locale: &str) -> (Lang, &'static Moderation) {
    let lang = Lang::from_discord(locale);
    (lang, &Wording::of(lang).moderation)
}

/// Whether the member may use a moderator's tool; logs and refuses politely (in `words`' language)
/// when not.
async fn allowed(
    state: &BotState,
    ctx: &Context,
    target: Target<'_>,
    member: Option<&Member>,
    what: &str,
    words: &Moderation,
) -> bool {
    if state.is_moderator(&MemberFacts::of(member)) {
        return true;
    }
    warn!(interaction = %target.id, what, "refused a moderator's tool to a member");
    respond::notice(ctx, target, words.refused).await;
    false
}

/// Handles `/gfmd-admin` and the message command.
pub async fn handle_command(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    let (lang, words) = words_for(&command.locale);
    let member = command.member.as_deref();
    if !allowed(state, ctx, target, member, &command.data.name, words).await {
        return;
    }
    if command.data.kind == CommandType::Message {
        return answer_with_faq(state, ctx, command, lang).await;
    }
    let Some(request) = definitions::parse_request(&command.data.options) else {
        let not_understood = Wording::of(lang).notices.not_understood;
        respond::notice(ctx, target, not_understood).await;
        return;
    };
    let who = command.user.name.as_str();
    match request {
        AdminRequest::Reload => {
            if respond::defer_privately(ctx, target).await {
                let text = changes::reload(state, ctx, who, lang).await;
                respond::edit_deferred(ctx, target, &text).await;
            }
        }
        AdminRequest::Add => match changes::refuse_unless_editable(state, lang) {
            Ok(()) => {
                let add = form(ADD_FORM, words.forms.add_title, None, words);
                respond::respond(ctx, target, CreateInteractionResponse::Modal(add)).await;
            }
            Err(refusal) => {
                respond::notice(ctx, target, refusal).await;
            }
        },
        AdminRequest::Edit(id) => open_edit_form(state, ctx, target, &id, lang).await,
        AdminRequest::Remove(id) => {
            if let Err(refusal) = changes::refuse_unless_editable(state, lang) {
                respond::notice(ctx, target, refusal).await;
            } else if respond::defer_privately(ctx, target).await {
                let text = changes::remove(state, ctx, who, id, lang).await;
                respond::edit_deferred(ctx, target, &text).await;
            }
        }
        AdminRequest::Preview(id) => {
            respond::reply(ctx, target, &preview(state, &id, lang)).await;
        }
        AdminRequest::Test(question) => {
            let knowledge = state.knowledge();
            let read_in = message_language(&knowledge, &question, lang);
            let verdict = knowledge.decide_in(read_in, &question);
            let reply =
                plan_top_matches(&knowledge, read_in, &question, &verdict, None, None, words);
            respond::reply(ctx, target, &reply).await;
        }
        AdminRequest::Inbox(days) => inbox_actions::open(state, ctx, target, days, lang).await,
        AdminRequest::Stats(days) => stats::show(state, ctx, target, days, words).await,
    }
}

/// Answer `id` as members reading `lang` (the moderator's own locale) would see it, privately
/// and without buttons; an unknown id is said in `lang` too.
fn preview(state: &BotState, id: &str, lang: Lang) -> Reply {
    let knowledge = state.knowledge();
    let Some(answer) = knowledge.answers().get(id) else {
        return Reply::notice(no_such_answer(&Wording::of(lang).moderation, id));
    };
    let mut reply = Reply::answer(answer, &knowledge.related(answer), 0, None, lang);
    reply.ephemeral = true;
    reply.rows.clear();
    reply
}

/// "No answer has the id …", the id quoted safely.
fn no_such_answer(words: &Moderation, id: &str) -> String {
    fill(words.no_such_answer, quote_user_text(id, 64))
}

/// Opens the edit form for answer `id`, prefilled, when the answer exists and fits in a form;
/// the form and any refusal in `lang`.
pub(super) async fn open_edit_form(
    state: &BotState,
    ctx: &Context,
    target: Target<'_>,
    id: &str,
    lang: Lang,
) {
    let words = &Wording::of(lang).moderation;
    let Some(answer) = state.knowledge().answers().get(id).cloned() else {
        respond::notice(ctx, target, no_such_answer(words, id)).await;
        return;
    };
    if let Err(refusal) = changes::refuse_unless_editable(state, lang) {
        respond::notice(ctx, target, refusal).await;
        return;
    }
    if answer.description.chars().count() > limits::TEXT_INPUT_LENGTH {
        respond::notice(ctx, target, words.too_long_for_form).await;
        return;
    }
    let draft = AnswerDraft {
        id: answer.id.clone(),
        title: answer.title.clone(),
        questions: answer.questions.clone(),
        description: answer.description.clone(),
    };
    let title = truncate(
        &fill(words.forms.edit_title, &answer.id),
        limits::MODAL_TITLE_LENGTH,
    );
    let edit = form(
        &format!("{EDIT_FORM_PREFIX}{}", answer.id),
        &title,
        Some(&draft),
        words,
    );
    respond::respond(ctx, target, CreateInteractionResponse::Modal(edit)).await;
}

/// "Answer with GFMD FAQ" on a message: the top matches for its text, privately, with buttons
/// that post the chosen answer as a reply. The text is read in its language, as a typed message
/// is (its words, else the server's fallback), and the answer is posted in that language. The
/// message's text is recorded as a question of its author (not of the moderator): it is theirs
/// to have forgotten. The moderator reads the top matches in `moderator`, their own language.
async fn answer_with_faq(
    state: &BotState,
    ctx: &Context,
    command: &CommandInteraction,
    moderator: Lang,
) {
    let target = Target::from(command);
    let words = &Wording::of(moderator).moderation;
    let Some(ResolvedTarget::Message(message)) = command.data.target() else {
        respond::notice(ctx, target, words.matches.unreadable_message).await;
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
        words,
    );
    respond::reply(ctx, target, &reply).await;
}

/// Handles the add and edit forms: acknowledges at once (saving reads and validates every file),
/// then edits the response with the outcome.
pub async fn handle_form(state: &BotState, ctx: &Context, modal: &ModalInteraction) {
    let target = Target::from(modal);
    let (lang, words) = words_for(&modal.locale);
    if !allowed(state, ctx, target, modal.member.as_ref(), "form", words).await {
        return;
    }
    let fields = submitted_fields(&modal.data);
    if let Some(action) = InboxAction::parse(&modal.data.custom_id) {
        return inbox_actions::handle_form(state, ctx, modal, action, &fields, lang).await;
    }
    let (draft, mode) = match modal.data.custom_id.strip_prefix(EDIT_FORM_PREFIX) {
        Some(id) => (draft_from_fields(&fields, Some(id)), SaveMode::Edit),
        None if modal.data.custom_id == ADD_FORM => {
            (draft_from_fields(&fields, None), SaveMode::New)
        }
        None => {
            respond::notice(ctx, target, words.form_expired).await;
            return;
        }
    };
    if respond::defer_privately(ctx, target).await {
        let saving = Saving::Answer(draft, mode);
        let (text, _) = changes::save(state, ctx, &modal.user.name, saving, lang).await;
        respond::edit_deferred(ctx, target, &text).await;
    }
}

/// Handles a click in the moderators' inbox.
pub async fn handle_inbox_click(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let target = Target::from(component);
    let (lang, words) = words_for(&component.locale);
    if allowed(
        state,
        ctx,
        target,
        component.member.as_ref(),
        "inbox",
        words,
    )
    .await
    {
        inbox_actions::handle_click(state, ctx, component, lang).await;
    }
}

/// Handles a moderator's "Post" button from the message command: posts the chosen answer as a
/// reply to the message, with feedback buttons for the message's recorded question (the
/// moderator's pick counts as its suggestion opened).
pub async fn handle_post(state: &BotState, ctx: &Context, component: &ComponentInteraction) {
    let target = Target::from(component);
    let (lang, words) = words_for(&component.locale);
    if !allowed(state, ctx, target, component.member.as_ref(), "post", words).await {
        return;
    }
    let knowledge = state.knowledge();
    let chosen = top_matches::parse_post(&component.data.custom_id)
        .and_then(|post| Some((knowledge.answers().get(post.answer)?, post)));
    let Some((answer, post)) = chosen else {
        let gone = Wording::of(lang).notices.answer_gone;
        respond::notice(ctx, target, gone).await;
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
            fill(words.matches.posted, &answer.id)
        }
        Err(error) => {
            warn!(%error, "could not post a moderator's chosen answer");
            words.matches.not_posted.to_owned()
        }
    };
    respond::notice(ctx, target, text).await;
}
