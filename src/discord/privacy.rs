//! `/gfmd forget-me`: a member deletes everything recorded about them (their questions and
//! votes, found by their keyed hash, queued ones included), and is told privately how much went.

use super::failure;
use super::respond::{self, Target};
use super::state::BotState;
use crate::records::StorageError;
use serenity::all::{CommandInteraction, Context};

/// Said when recording is off.
pub const NOTHING_RECORDED: &str =
    "This bot records nothing about members, so there is nothing to delete.";

/// What the member is told after `forget-me`: how many of their records were deleted, or that
/// nothing could be deleted (the details go to the log, never to the member).
pub fn forget_me_text(outcome: &Result<u64, StorageError>) -> String {
    match outcome {
        Ok(0) => "There was nothing recorded about you; nothing to delete.".to_owned(),
        Ok(1) => "Deleted 1 record about you (a question or a vote).".to_owned(),
        Ok(count) => format!("Deleted {count} records about you (your questions and votes)."),
        Err(error) => format!(
            "Nothing was deleted: {} Please try again later.",
            failure::internal("forget-me could not delete a member's records", error)
        ),
    }
}

/// Handles `/gfmd forget-me`: acknowledges privately at once (deleting waits for the writer),
/// deletes, then says how many records went.
pub async fn handle_forget_me(state: &BotState, ctx: &Context, command: &CommandInteraction) {
    let target = Target::from(command);
    if !state.recorder.is_enabled() {
        respond::notice(ctx, target, NOTHING_RECORDED).await;
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
    respond::edit_deferred(ctx, target, &forget_me_text(&outcome)).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::Fault;

    #[test]
    fn the_member_is_told_how_many_records_went() {
        assert_eq!(
            forget_me_text(&Ok(3)),
            "Deleted 3 records about you (your questions and votes)."
        );
        assert!(forget_me_text(&Ok(1)).starts_with("Deleted 1 record "));
        assert!(forget_me_text(&Ok(0)).contains("nothing to delete"));
    }

    #[test]
    fn a_failure_says_nothing_was_deleted_without_internals() {
        let error = StorageError::new(Fault::ReadOnly, "/srv/gfmd/data/gfmd-bot.sqlite3: denied");
        let text = forget_me_text(&Err(error));
        assert!(text.starts_with("Nothing was deleted"), "{text}");
        assert!(!text.contains("/srv") && !text.contains("sqlite"), "{text}");
    }
}
