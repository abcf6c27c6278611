//! `/gfmd forget-me`: a member deletes everything recorded about them (their questions and
//! votes, found by their keyed hash, queued ones included), and is told privately how much went.

use super::failure;
use super::respond::{self, Target};
use super::state::BotState;
use crate::locale::Lang;
use crate::records::StorageError;
use crate::wording::{fill, Wording};
use serenity::all::{CommandInteraction, Context};

/// What the member is told, in `lang`, after `forget-me`: how many of their records were
/// deleted, or that nothing could be deleted (the details go to the log, never to the member).
pub fn forget_me_text(outcome: &Result<u64, StorageError>, lang: Lang) -> String {
    let notices = &Wording::of(lang).notices;
    match outcome {
        Ok(0) => notices.forgot_none.to_owned(),
        Ok(1) => notices.forgot_one.to_owned(),
        Ok(count) => fill(notices.forgot_many, count),
        Err(error) => {
            failure::internal("forget-me could not delete a member's records", error);
            notices.forget_failed.to_owned()
        }
    }
}

/// Handles `/gfmd forget-me`: acknowledges privately at once (deleting waits for the writer),
/// deletes, then says how many records went.
pub async fn handle_forget_me(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    let lang = Lang::from_discord(&command.locale);
    if !state.recorder.is_enabled() {
        let nothing = Wording::of(lang).notices.nothing_recorded;
        respond::notice(ctx, target, nothing).await;
        return;
    }
    if !respond::defer_privately(ctx, target).await {
        return;
    }
    let member = state.recorder.member(command.user.id.get());
    let outcome = state.recorder.forget_member(member).await;
    if let Ok(count) = &outcome {
        // The count only: who asked is exactly what is being forgotten.
        tracing::info!(
            deleted = count,
            "a member's records were deleted on request"
        );
    }
    respond::edit_deferred(ctx, target, &forget_me_text(&outcome, lang)).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Fault;

    #[test]
    fn the_member_is_told_how_many_records_went() {
        assert_eq!(
            forget_me_text(&Ok(3), Lang::En),
            "Deleted 3 records about you (your questions and votes)."
        );
        assert!(forget_me_text(&Ok(1), Lang::En).starts_with("Deleted 1 record "));
        assert!(forget_me_text(&Ok(0), Lang::En).contains("nothing to delete"));
    }

    #[test]
    fn a_failure_says_nothing_was_deleted_without_internals() {
        let error = StorageError::new(Fault::ReadOnly, "/srv/gfmd/data/gfmd-bot.sqlite3: denied");
        let text = forget_me_text(&Err(error.clone()), Lang::En);
        assert!(text.starts_with("Nothing was deleted"), "{text}");
        assert!(!text.contains("/srv") && !text.contains("sqlite"), "{text}");
        let text = forget_me_text(&Err(error), Lang::Es);
        assert!(text.starts_with("No se borró nada"), "{text}");
        assert!(!text.contains("/srv") && !text.contains("sqlite"), "{text}");
    }

    #[test]
    fn a_french_or_spanish_member_is_told_in_their_language() {
        assert_eq!(
            forget_me_text(&Ok(3), Lang::Fr),
            "3 enregistrements vous concernant ont été effacés (vos questions et vos votes)."
        );
        assert_eq!(
            forget_me_text(&Ok(0), Lang::Es),
            "No había nada registrado sobre ti; nada que borrar."
        );
    }
}
