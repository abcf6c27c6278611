//! Sending interaction responses: one place for the REST calls, their retry and their logging, so
//! that no failed response is dropped without a word. A response that failed with 429, a 5xx or a
//! transport error is sent once more when that still fits in Discord's 3-second deadline; it
//! cannot show twice, as Discord refuses a second callback (40060).

use super::reply::{no_pings, Reply};
use crate::answers::limits::{self, truncate};
use serenity::all::{
    Builder, CommandInteraction, ComponentInteraction, Context, CreateAttachment,
    CreateInteractionResponse, EditInteractionResponse, InteractionId, ModalInteraction,
};
use std::time::{Duration, Instant};
use tracing::{debug, warn};

/// Discord's 3-second interaction deadline, less a margin for the retried request itself.
const RETRY_BUDGET: Duration = Duration::from_millis(2500);
/// Wait before retrying after a 429. serenity drops Retry-After from error responses, so this is
/// fixed (with serenity's own rate limiter on, as against Discord, a 429 is retried inside serenity
/// and never reaches this code).
const RATE_LIMIT_WAIT: Duration = Duration::from_millis(1000);

/// The interaction a response goes to.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The interaction's id.
    pub id: InteractionId,
    /// The interaction's token.
    pub token: &'a str,
}

impl<'a> From<&'a CommandInteraction> for Target<'a> {
    fn from(command: &'a CommandInteraction) -> Self {
        Self {
            id: command.id,
            token: &command.token,
        }
    }
}

impl<'a> From<&'a ComponentInteraction> for Target<'a> {
    fn from(component: &'a ComponentInteraction) -> Self {
        Self {
            id: component.id,
            token: &component.token,
        }
    }
}

impl<'a> From<&'a ModalInteraction> for Target<'a> {
    fn from(modal: &'a ModalInteraction) -> Self {
        Self {
            id: modal.id,
            token: &modal.token,
        }
    }
}

/// Sends `reply` as the interaction's message response; returns whether Discord accepted it.
pub async fn reply(ctx: &Context, target: Target<'_>, reply: &Reply) -> bool {
    respond(
        ctx,
        target,
        CreateInteractionResponse::Message(reply.to_interaction_message()),
    )
    .await
}

/// Sends a private text notice as the interaction's response.
pub async fn notice(ctx: &Context, target: Target<'_>, text: impl Into<String>) -> bool {
    reply(ctx, target, &Reply::notice(text)).await
}

/// Acknowledges the interaction with a private "thinking" state, to answer later with
/// [`edit_deferred`].
pub async fn defer_privately(ctx: &Context, target: Target<'_>) -> bool {
    let response = CreateInteractionResponse::Defer(
        serenity::all::CreateInteractionResponseMessage::new().ephemeral(true),
    );
    respond(ctx, target, response).await
}

/// Sends `response` (a message, modal, autocomplete choices, an update…) as the interaction's
/// response, retrying once within the deadline; logs a failure and returns whether it was
/// accepted.
pub async fn respond(
    ctx: &Context,
    target: Target<'_>,
    response: CreateInteractionResponse,
) -> bool {
    let started = Instant::now();
    let mut retried = false;
    loop {
        let error = match ctx
            .http
            .create_interaction_response(target.id, target.token, &response, Vec::new())
            .await
        {
            Ok(()) => return true,
            Err(error) => error,
        };
        match retry_wait(&error, started.elapsed()) {
            Some(wait) if !retried => {
                debug!(%error, interaction = %target.id, wait_ms = wait.as_millis() as u64, "retrying an interaction response");
                tokio::time::sleep(wait).await;
                retried = true;
            }
            _ => {
                warn!(%error, interaction = %target.id, "could not answer an interaction");
                return false;
            }
        }
    }
}

/// Replaces a deferred response with `text`; logs a failure.
pub async fn edit_deferred(ctx: &Context, target: Target<'_>, text: &str) -> bool {
    let edit = EditInteractionResponse::new()
        .content(truncate(text, limits::MESSAGE_CONTENT_LENGTH))
        .allowed_mentions(no_pings());
    match ctx
        .http
        .edit_original_interaction_response(target.token, &edit, Vec::new())
        .await
    {
        Ok(_) => true,
        Err(error) => {
            warn!(%error, interaction = %target.id, "could not edit a deferred response");
            false
        }
    }
}

/// Replaces a deferred response (or, after a deferred update, the message the component is on)
/// with `reply`, and `attachment` when given (then sent as multipart/form-data); logs a failure.
pub async fn edit_original(
    ctx: &Context,
    target: Target<'_>,
    reply: &Reply,
    attachment: Option<CreateAttachment>,
) -> bool {
    let mut edit = reply.to_edit_response();
    if let Some(attachment) = attachment {
        edit = edit.new_attachment(attachment);
    }
    match edit.execute(&ctx.http, target.token).await {
        Ok(_) => true,
        Err(error) => {
            warn!(%error, interaction = %target.id, "could not edit a response");
            false
        }
    }
}

/// How long to wait before sending a failed interaction response again, or `None` when a retry
/// cannot help or would miss the deadline.
fn retry_wait(error: &serenity::Error, elapsed: Duration) -> Option<Duration> {
    use serenity::http::HttpError;
    let serenity::Error::Http(error) = error else {
        return None;
    };
    let failure = match error.status_code() {
        Some(status) => Failure::Status(status.as_u16()),
        None if matches!(error, HttpError::Request(_)) => Failure::NoResponse,
        None => return None,
    };
    wait_before_retry(failure, elapsed)
}

/// How a response failed, as far as retrying goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// Discord answered with this HTTP status.
    Status(u16),
    /// No response at all (connection refused or reset, timeout).
    NoResponse,
}

/// After a 429, [`RATE_LIMIT_WAIT`]; after a 5xx or no response, at once; after anything else,
/// no retry; and no retry that would end past [`RETRY_BUDGET`].
fn wait_before_retry(failure: Failure, elapsed: Duration) -> Option<Duration> {
    let wait = match failure {
        Failure::Status(429) => RATE_LIMIT_WAIT,
        Failure::Status(500..=599) | Failure::NoResponse => Duration::ZERO,
        Failure::Status(_) => return None,
    };
    (elapsed + wait <= RETRY_BUDGET).then_some(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT_ONCE: Duration = Duration::ZERO;

    #[test]
    fn a_429_waits_a_second_and_a_5xx_or_no_response_retries_at_once() {
        assert_eq!(
            wait_before_retry(Failure::Status(429), AT_ONCE),
            Some(RATE_LIMIT_WAIT)
        );
        assert_eq!(
            wait_before_retry(Failure::Status(500), AT_ONCE),
            Some(AT_ONCE)
        );
        assert_eq!(
            wait_before_retry(Failure::Status(502), Duration::from_millis(2000)),
            Some(AT_ONCE)
        );
        assert_eq!(
            wait_before_retry(Failure::NoResponse, AT_ONCE),
            Some(AT_ONCE)
        );
    }

    #[test]
    fn a_client_error_or_another_failure_is_not_retried() {
        assert_eq!(wait_before_retry(Failure::Status(400), AT_ONCE), None);
        assert_eq!(wait_before_retry(Failure::Status(404), AT_ONCE), None);
        assert_eq!(retry_wait(&serenity::Error::Other("x"), AT_ONCE), None);
    }

    #[test]
    fn no_retry_that_would_miss_the_deadline() {
        assert_eq!(
            wait_before_retry(Failure::Status(429), Duration::from_millis(1600)),
            None
        );
        assert_eq!(
            wait_before_retry(Failure::Status(500), Duration::from_millis(2600)),
            None
        );
        assert_eq!(
            wait_before_retry(Failure::Status(429), RETRY_BUDGET - RATE_LIMIT_WAIT),
            Some(RATE_LIMIT_WAIT)
        );
    }
}
