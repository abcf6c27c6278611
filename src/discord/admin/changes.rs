//! Moderators' changes to the answers — reload, save from a form, remove — run off the async
//! threads through the keeper, then announced: the log, the moderation log channel, and the
//! slash commands re-registered when they changed. Each returns the text the moderator sees, in
//! the language of their interaction; the log and the log channel get it in English.

use crate::discord::failure;
use crate::discord::log_channel;
use crate::discord::registration::register_commands;
use crate::discord::state::BotState;
use crate::keeper::ReloadReport;
use crate::locale::Lang;
use crate::render::quote_user_text;
use crate::store::{AnswerDraft, SaveMode, TranslationDraft};
use crate::wording::{fill_all, Moderation, Told, Wording};
use serenity::all::Context;
use tracing::info;

/// A reload's report: "12 answers loaded, 1 changed", in `words`' language.
pub fn loaded(words: &Moderation, report: &ReloadReport) -> String {
    fill_all(words.changes.loaded, &[&report.answers, &report.changed])
}

/// Reloads the files now; what the moderator reading `lang` is told.
pub async fn reload(state: &BotState, ctx: &Context, who: &str, lang: Lang) -> String {
    let keeper = state.keeper.clone();
    let told = match tokio::task::spawn_blocking(move || keeper.reload()).await {
        Ok(Ok(report)) => Told::new(lang, |words| loaded(words, &report)),
        Ok(Err(error)) => failure::reload_refused(&error, lang),
        Err(error) => failure::internal_told("a reload did not finish", &error, lang),
    };
    announce(state, ctx, who, "reload", &told.english).await;
    told.moderator
}

/// What a form asks to save.
#[derive(Debug, Clone)]
pub enum Saving {
    /// A new answer ([`SaveMode::New`]) or an edited one, in English.
    Answer(AnswerDraft, SaveMode),
    /// A new answer with its translation into the language of the question that called for it.
    Translated(AnswerDraft, TranslationDraft),
}

impl Saving {
    /// What the log and the log channel call the change: "add <id>", "edit <id>", or "add <id>
    /// with its French translation".
    fn describe(&self) -> String {
        match self {
            Saving::Answer(draft, SaveMode::New) => format!("add {}", draft.id.trim()),
            Saving::Answer(draft, SaveMode::Edit) => format!("edit {}", draft.id.trim()),
            Saving::Translated(draft, translation) => format!(
                "add {} with its {} translation",
                draft.id.trim(),
                translation.lang.english_name()
            ),
        }
    }
}

/// Saves a new or edited answer from a form; what the moderator reading `lang` is told, and
/// whether it was saved.
pub async fn save(
    state: &BotState,
    ctx: &Context,
    who: &str,
    saving: Saving,
    lang: Lang,
) -> (String, bool) {
    let what = saving.describe();
    let keeper = state.keeper.clone();
    let saved = tokio::task::spawn_blocking(move || match saving {
        Saving::Answer(draft, mode) => keeper.save(&draft, mode),
        Saving::Translated(draft, translation) => keeper.save_new_translated(&draft, &translation),
    })
    .await;
    let (told, saved) = match saved {
        Ok(Ok(change)) => {
            let said = |words: &Moderation| {
                fill_all(
                    words.changes.saved,
                    &[&change.id, &loaded(words, &change.report)],
                )
            };
            (Told::new(lang, said), true)
        }
        Ok(Err(error)) => (failure::change_refused(&error, lang), false),
        Err(error) => (
            failure::internal_told("a save did not finish", &error, lang),
            false,
        ),
    };
    conclude(state, ctx, who, &what, &told.english, saved).await;
    (told.moderator, saved)
}

/// Moves an answer to the trash folder; what the moderator reading `lang` is told.
pub async fn remove(state: &BotState, ctx: &Context, who: &str, id: String, lang: Lang) -> String {
    let what = format!("remove {}", id.trim());
    let keeper = state.keeper.clone();
    let removing = id.clone();
    let (told, removed) = match tokio::task::spawn_blocking(move || keeper.remove(&removing)).await
    {
        Ok(Ok((change, kept))) => {
            let said = |words: &Moderation| {
                fill_all(
                    words.changes.removed,
                    &[&change.id, &kept, &loaded(words, &change.report)],
                )
            };
            (Told::new(lang, said), true)
        }
        Ok(Err(error)) => (failure::change_refused(&error, lang), false),
        Err(error) => (
            failure::internal_told("a removal did not finish", &error, lang),
            false,
        ),
    };
    conclude(state, ctx, who, &what, &told.english, removed).await;
    told.moderator
}

/// Whether a change can be made from Discord at all; the refusal to show (in `lang`) when not.
pub fn refuse_unless_editable(state: &BotState, lang: Lang) -> Result<(), String> {
    if state.keeper.is_editable() {
        Ok(())
    } else {
        Err(Wording::of(lang).moderation.changes.not_editable.to_owned())
    }
}

/// A change that was made is announced; a refused one is only logged (nothing changed, so the
/// log channel, which records changes, hears nothing).
async fn conclude(
    state: &BotState,
    ctx: &Context,
    who: &str,
    what: &str,
    outcome: &str,
    made: bool,
) {
    if made {
        announce(state, ctx, who, what, outcome).await;
    } else {
        info!(by = who, action = what, outcome = %outcome, "moderator change refused");
    }
}

/// Logs who did what with which outcome, posts it to the log channel, and re-registers the
/// slash commands (skipped when they did not change).
pub async fn announce(state: &BotState, ctx: &Context, who: &str, what: &str, outcome: &str) {
    info!(by = who, action = what, outcome = %outcome, "moderator change");
    register_commands(state, &ctx.http).await;
    let line = format!(
        "**{}** ran `{}`: {}",
        quote_user_text(who, 64),
        quote_user_text(what, 100),
        outcome
    );
    log_channel::post(state, &ctx.http, &line).await;
}
