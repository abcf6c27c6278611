//! What `/gfmd-admin inbox` and its buttons, select and forms do (the page itself is planned
//! in `inbox.rs`). The database is read and written off the async threads; a click is
//! acknowledged first and the page edited in place once the work is done, so no deadline is
//! at risk. Every change is announced: the log, the log channel (in English), commands
//! re-registered when they changed. The moderator reads it all in their interaction's language.

use super::changes::{self, Saving};
use super::forms::{draft_from_fields, new_answer_form, translation_from_fields};
use super::inbox::{join_note, plan_inbox, plan_saved, InboxAction, View, OTHER_ANSWER};
use crate::answers::limits;
use crate::discord::failure;
use crate::discord::reply::Reply;
use crate::discord::respond::{self, Target};
use crate::discord::state::BotState;
use crate::keeper::Keeper;
use crate::locale::Lang;
use crate::records::inbox::{self, InboxPage, ResolveError};
use crate::records::{
    millis_of, now_millis, DataFiles, Fault, Resolution, Storage, StorageError, Window,
};
use crate::render::quote_user_text;
use crate::store::SaveMode;
use crate::wording::{fill, fill_all, Moderation, Told, Wording};
use serenity::all::{
    ComponentInteraction, ComponentInteractionDataKind, Context, CreateActionRow, CreateInputText,
    CreateInteractionResponse, CreateModal, InputTextStyle, ModalInteraction,
};
use std::time::Duration;
use tracing::warn;

/// The answer field of the "Other answer…" form.
const ANSWER_FIELD: &str = "answer";

/// `/gfmd-admin inbox [days]`: acknowledged privately, then the first group, in `lang`.
pub async fn open(state: &BotState, ctx: &Context, target: Target<'_>, days: u32, lang: Lang) {
    let words = &Wording::of(lang).moderation;
    if state.records.is_none() {
        respond::notice(ctx, target, words.inbox.recording_off).await;
        return;
    }
    if respond::defer_privately(ctx, target).await {
        state.settle_records().await;
        let reply = page_reply(state, View { days, page: 1 }, None, lang).await;
        respond::edit_original(ctx, target, &reply, None).await;
    }
}

/// A click on an inbox page (the caller checked it is a moderator's) by a moderator reading
/// `lang`.
pub async fn handle_click(
    state: &BotState,
    ctx: &Context,
    component: &ComponentInteraction,
    lang: Lang,
) {
    let target = Target::from(component);
    let wording = Wording::of(lang);
    let words = &wording.moderation;
    let Some(action) = InboxAction::parse(&component.data.custom_id) else {
        respond::notice(ctx, target, wording.notices.button_expired).await;
        return;
    };
    let who = component.user.name.as_str();
    let (view, note) = match action {
        InboxAction::Page(view) => {
            if !acknowledge(ctx, target).await {
                return;
            }
            (view, None)
        }
        InboxAction::Phrase(view, group) => {
            let chosen = match &component.data.kind {
                ComponentInteractionDataKind::StringSelect { values } => values.first(),
                _ => None,
            };
            let Some(answer) = chosen.cloned() else {
                respond::notice(ctx, target, words.inbox.choose_answer).await;
                return;
            };
            if answer == OTHER_ANSWER {
                let action = InboxAction::OtherAnswerForm(view, group);
                let form = other_answer_form(&action, words);
                respond::respond(ctx, target, CreateInteractionResponse::Modal(form)).await;
                return;
            }
            if !acknowledge(ctx, target).await {
                return;
            }
            (
                view,
                Some(add_phrasing(state, ctx, who, group, answer, lang).await),
            )
        }
        InboxAction::Dismiss(view, group) => {
            if !acknowledge(ctx, target).await {
                return;
            }
            (view, Some(dismiss(state, ctx, who, group, lang).await))
        }
        InboxAction::NewAnswer(group) => {
            return open_new_answer_form(state, ctx, target, group, lang).await
        }
        InboxAction::EnglishQuestions(id) => {
            return super::open_edit_form(state, ctx, target, &id, lang).await
        }
        InboxAction::OtherAnswerForm(..) | InboxAction::NewAnswerForm(_) => {
            respond::notice(ctx, target, wording.notices.button_expired).await;
            return;
        }
    };
    let reply = page_reply(state, view, note, lang).await;
    respond::edit_original(ctx, target, &reply, None).await;
}

/// A form opened from the inbox was sent (the caller checked it is a moderator's): "Other
/// answer…" adds the group's question as a phrasing of the answer named; the add form saves a
/// new answer and resolves the group. The moderator reads the outcome in `lang`.
pub async fn handle_form(
    state: &BotState,
    ctx: &Context,
    modal: &ModalInteraction,
    action: InboxAction,
    fields: &[(String, String)],
    lang: Lang,
) {
    let target = Target::from(modal);
    let words = &Wording::of(lang).moderation;
    if !respond::defer_privately(ctx, target).await {
        return;
    }
    let who = modal.user.name.as_str();
    match action {
        InboxAction::OtherAnswerForm(view, group) => {
            let named = fields
                .iter()
                .find(|(key, _)| key == ANSWER_FIELD)
                .map(|(_, value)| value.trim().to_owned())
                .unwrap_or_default();
            let answer = state
                .knowledge()
                .resolve_topic(&named)
                .map(|answer| answer.id.clone());
            let note = match answer {
                Some(answer) => add_phrasing(state, ctx, who, group, answer, lang).await,
                None => fill(words.inbox.no_answer_called, quote_user_text(&named, 100)),
            };
            let reply = page_reply(state, view, Some(note), lang).await;
            respond::edit_original(ctx, target, &reply, None).await;
        }
        InboxAction::NewAnswerForm(group) => {
            let saving = saving_from_form(state, &group, fields).await;
            // A French or Spanish question's form had no room for the English questions.
            let translated = match &saving {
                Saving::Translated(draft, _) => Some(draft.id.clone()),
                Saving::Answer(..) => None,
            };
            let (text, saved) = changes::save(state, ctx, who, saving, lang).await;
            let text = match (saved, state.records.clone()) {
                (true, Some(files)) => {
                    let resolved = blocking(lang, move || {
                        resolve(&files, &group, Resolution::AnswerAdded, lang)
                    });
                    format!("{text} {}", resolved.await.moderator)
                }
                _ => text,
            };
            let english_questions = translated.filter(|_| saved);
            let reply = plan_saved(&text, english_questions.as_deref(), words);
            respond::edit_original(ctx, target, &reply, None).await;
        }
        _ => {
            respond::edit_deferred(ctx, target, words.form_expired).await;
        }
    }
}

/// What the add form from the inbox saves: the English answer, with the translation when the
/// form asked for one (a French or Spanish question), whose phrasing is the group's question.
async fn saving_from_form(state: &BotState, group: &str, fields: &[(String, String)]) -> Saving {
    let draft = draft_from_fields(fields, None);
    let Some(mut translation) = translation_from_fields(fields) else {
        return Saving::Answer(draft, SaveMode::New);
    };
    // The question is read again: a group gone meanwhile leaves the translation without one,
    // and so does a database that cannot be read (logged; the answer is still worth saving).
    if let Some(files) = state.records.clone() {
        let key = group.to_owned();
        match tokio::task::spawn_blocking(move || example_of(&files, &key)).await {
            Ok(Ok(Some((question, _)))) => translation.questions.push(question),
            Ok(Ok(None)) => {}
            Ok(Err(error)) => {
                warn!(error = %error, "the inbox question of a new answer could not be read")
            }
            Err(error) => {
                warn!(error = %error, "reading the inbox question of a new answer did not finish")
            }
        }
    }
    Saving::Translated(draft, translation)
}

/// Acknowledges a click without changing anything yet (the page is edited afterwards).
async fn acknowledge(ctx: &Context, target: Target<'_>) -> bool {
    respond::respond(ctx, target, CreateInteractionResponse::Acknowledge).await
}

/// Runs `work` on a blocking thread; a panic there becomes the generic internal message, told
/// in `lang`.
async fn blocking(lang: Lang, work: impl FnOnce() -> Told + Send + 'static) -> Told {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|error| failure::internal_told("inbox work did not finish", &error, lang))
}

/// Page `view` with `note` above it, in `lang`; a failure to read is logged and told
/// generically.
async fn page_reply(state: &BotState, view: View, note: Option<String>, lang: Lang) -> Reply {
    let words = &Wording::of(lang).moderation;
    let Some(files) = state.records.clone() else {
        return Reply::notice(words.inbox.recording_off);
    };
    let read = tokio::task::spawn_blocking(move || read_page(&files, view)).await;
    let failed = match read {
        Ok(Ok(page)) => return plan_inbox(&state.knowledge(), &page, note.as_deref(), words),
        Ok(Err(error)) => failure::internal_told("the inbox could not be read", &error, lang),
        Err(error) => failure::internal_told("the inbox could not be read", &error, lang),
    };
    Reply::notice(join_note(note.as_deref(), &failed.moderator))
}

/// Page `view` of the inbox, one group a page (blocking). No database yet: an empty inbox.
fn read_page(files: &DataFiles, view: View) -> Result<InboxPage, StorageError> {
    let now = now_millis();
    match files.open_read_only() {
        Ok(mut storage) => inbox::inbox(&mut storage, view.days, now, view.page, 1),
        Err(error) if error.fault == Fault::Missing => {
            Ok(inbox::page(&[], Window::last_days(view.days, now), 1, 1))
        }
        Err(error) => Err(error),
    }
}

/// The question that leads `group`, its example, with the language it was read in (blocking);
/// `None` when it is gone.
fn example_of(files: &DataFiles, group: &str) -> Result<Option<(String, Lang)>, StorageError> {
    let Some(id) = inbox::parse_group_key(group) else {
        return Ok(None);
    };
    let mut storage = match files.open_read_only() {
        Ok(storage) => storage,
        Err(error) if error.fault == Fault::Missing => return Ok(None),
        Err(error) => return Err(error),
    };
    // A question's time is taken just before its id; a minute's margin covers any gap.
    let questions = storage.questions_since(millis_of(id) - 60_000)?;
    Ok(questions
        .into_iter()
        .find(|stored| stored.id == id)
        .map(|stored| (stored.question.text, stored.question.lang)))
}

/// Marks `group` resolved by `how` (blocking); says how many questions left the inbox (to a
/// moderator reading `lang`, and in English).
fn resolve(files: &DataFiles, group: &str, how: Resolution, lang: Lang) -> Told {
    let resolved = files
        .open()
        .map_err(ResolveError::from)
        .and_then(|mut storage| inbox::resolve_group(&mut storage, group, how, now_millis()));
    match resolved {
        Ok(count) => Told::new(lang, |words| fill(words.inbox.left_inbox, count)),
        Err(ResolveError::UnknownGroup(_)) => {
            Told::new(lang, |words| words.inbox.group_gone.to_owned())
        }
        Err(error) => {
            failure::log_internal("an inbox group could not be marked resolved", &error);
            Told::new(lang, |words| {
                fill(words.inbox.stays, words.changes.internal)
            })
        }
    }
}

/// "Add as phrasing of `answer`": writes the group's question into the answer's file through
/// the keeper (validated, atomic, comments kept, live at once), resolves the group, announces.
async fn add_phrasing(
    state: &BotState,
    ctx: &Context,
    who: &str,
    group: String,
    answer: String,
    lang: Lang,
) -> String {
    let Some(files) = state.records.clone() else {
        return Wording::of(lang).moderation.inbox.recording_off.to_owned();
    };
    let what = format!("add phrasing to {answer}");
    let keeper = state.keeper.clone();
    let told = blocking(lang, move || phrase(&keeper, &files, &group, &answer, lang)).await;
    changes::announce(state, ctx, who, &what, &told.english).await;
    told.moderator
}

/// The blocking half of [`add_phrasing`]: the phrasing joins the questions in the language the
/// group's questions were read in; the moderator reads the outcome in `moderator`.
fn phrase(keeper: &Keeper, files: &DataFiles, group: &str, answer: &str, moderator: Lang) -> Told {
    let (example, lang) = match example_of(files, group) {
        Ok(Some(example)) => example,
        Ok(None) => return Told::new(moderator, |words| words.inbox.group_gone.to_owned()),
        Err(error) => {
            return failure::internal_told("an inbox group could not be read", &error, moderator)
        }
    };
    match keeper.add_phrasing(answer, lang, &example) {
        Ok(change) => {
            let resolved = resolve(files, group, Resolution::PhrasingAdded, moderator);
            let example = quote_user_text(&example, 200);
            let say = |words: &Moderation, resolved: &str| {
                let loaded = changes::loaded(words, &change.report);
                let inbox = words.inbox;
                match lang {
                    Lang::En => fill_all(
                        inbox.phrasing_added,
                        &[&example, &change.id, &loaded, &resolved],
                    ),
                    other => fill_all(
                        inbox.translated_phrasing_added,
                        &[
                            &example,
                            &words.language(other),
                            &change.id,
                            &loaded,
                            &resolved,
                        ],
                    ),
                }
            };
            resolved.around(moderator, say)
        }
        Err(error) => failure::change_refused(&error, moderator),
    }
}

/// **Dismiss**: resolves the group with nothing to do, and announces it; the moderator reads the
/// outcome in `lang`.
async fn dismiss(state: &BotState, ctx: &Context, who: &str, group: String, lang: Lang) -> String {
    let Some(files) = state.records.clone() else {
        return Wording::of(lang).moderation.inbox.recording_off.to_owned();
    };
    let what = format!("dismiss inbox group {group}");
    let told = blocking(lang, move || match example_of(&files, &group) {
        Ok(Some((example, _))) => {
            let example = quote_user_text(&example, 200);
            let resolved = resolve(&files, &group, Resolution::Dismissed, lang);
            let say = |words: &Moderation, resolved: &str| {
                fill_all(words.inbox.dismissed, &[&example, &resolved])
            };
            resolved.around(lang, say)
        }
        Ok(None) => Told::new(lang, |words| words.inbox.group_gone.to_owned()),
        Err(error) => failure::internal_told("an inbox group could not be read", &error, lang),
    })
    .await;
    changes::announce(state, ctx, who, &what, &told.english).await;
    told.moderator
}

/// **New answer**: the add form, prefilled with the group's question. The form is the click's
/// response, so the question is read within a two-second budget. The form is labelled in
/// `lang`, the moderator's.
async fn open_new_answer_form(
    state: &BotState,
    ctx: &Context,
    target: Target<'_>,
    group: String,
    lang: Lang,
) {
    let words = &Wording::of(lang).moderation;
    if let Err(refusal) = changes::refuse_unless_editable(state, lang) {
        respond::notice(ctx, target, refusal).await;
        return;
    }
    let Some(files) = state.records.clone() else {
        respond::notice(ctx, target, words.inbox.recording_off).await;
        return;
    };
    let key = group.clone();
    let read = tokio::task::spawn_blocking(move || example_of(&files, &key));
    let example = match tokio::time::timeout(Duration::from_secs(2), read).await {
        Ok(Ok(Ok(Some(example)))) => example,
        Ok(Ok(Ok(None))) => {
            respond::notice(ctx, target, words.inbox.group_gone).await;
            return;
        }
        other => {
            let why = match other {
                Ok(Ok(Err(error))) => error.to_string(),
                Ok(Err(error)) => error.to_string(),
                _ => "it took over 2 s".to_owned(),
            };
            let told = failure::internal_told("an inbox group could not be read", &why, lang);
            respond::notice(ctx, target, told.moderator).await;
            return;
        }
    };
    let (question, read_in) = example;
    let form = new_answer_form(
        &InboxAction::NewAnswerForm(group).custom_id(),
        &question,
        read_in,
        words,
    );
    respond::respond(ctx, target, CreateInteractionResponse::Modal(form)).await;
}

/// The "Other answer…" form: one field, the answer's id, subcommand or title; in `words`'
/// language.
fn other_answer_form(action: &InboxAction, words: &Moderation) -> CreateModal {
    let forms = words.forms;
    let input = CreateInputText::new(InputTextStyle::Short, forms.other_answer, ANSWER_FIELD)
        .required(true)
        .max_length(limits::CHOICE_LENGTH as u16);
    CreateModal::new(action.custom_id(), forms.other_answer_title)
        .components(vec![CreateActionRow::InputText(input)])
}
