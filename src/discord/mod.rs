//! The only place that talks to Discord (serenity 0.12): client set-up and the event handler
//! (here), the command definitions (`commands`) and their registration, `/gfmd` (`slash`),
//! components and their custom ids (`custom_id`), free-form messages, the moderators' tools
//! (`admin`: answers, the inbox, statistics), sending responses (`respond`), what members
//! are told when something fails (`failure`), flood control, each server's preferred language
//! (`server_language`, the fallback for typed messages that do not say theirs).
//!
//! The learning loop: every question is recorded through the `crate::records::Recorder`
//! (`recording`: the plans record into a sink, so they stay plain functions), members vote on
//! answers (`feedback`) and may have their records deleted (`privacy`), moderators work
//! through the inbox and the statistics, and an optional weekly digest goes to the log channel
//! (`digest`).
//!
//! poise is not used: `/gfmd`'s subcommands come from the moderators' answer files and change at
//! run time, while poise's commands are fixed at compile time by its macros; plain serenity
//! builders express a command tree built from data directly.

mod admin;
mod commands;
mod components;
pub mod custom_id;
mod digest;
mod failure;
mod feedback;
mod interactions;
mod log_channel;
mod messages;
mod moderators;
mod privacy;
mod question_log;
pub mod recording;
mod registration;
mod reply;
mod respond;
mod server_language;
mod slash;
mod state;
mod throttle;

pub use admin::{draft_from_fields, plan_inbox, plan_stats, plan_top_matches, InboxAction};
pub use commands::gfmd::{parse_request, GfmdRequest};
pub use commands::{command_set, fingerprint};
pub use components::{plan_component, Clicker, ComponentPlan};
pub use digest::{digest_text, every_week, until_next};
pub use failure::{change_refused, problem_for_chat, reload_refused};
pub use feedback::{reason_noted, vote_reply};
pub use messages::{
    mentions, message_language, plan_message, question_text, trigger, MessageFacts, MessagePlan,
    Trigger, POINTER_REACTION,
};
pub use moderators::{is_moderator, MemberFacts};
pub use privacy::forget_me_text;
pub use question_log::Handled;
pub use recording::{Asked, Live, Noted, Records};
pub use reply::{no_pings, Button, MenuOption, Reply, Row};
pub use server_language::{fallback_language, ServerLanguages};
pub use slash::{plan_autocomplete, plan_gfmd};
pub use state::BotState;
pub use throttle::{Cooldowns, PostedMessage, RateLimiter, RecentlyPosted};

use crate::config::Config;
use crate::keeper::{Keeper, WatchEvent};
use crate::locale::Lang;
use crate::records::{DataFiles, Recorder};
use registration::register_commands;
use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, Guild, Http, HttpBuilder, Interaction,
    Message, PartialGuild, Ready, UnavailableGuild,
};
use serenity::async_trait;
use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tracing::{debug, error, info, warn};

/// Why the bot stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// serenity could not build the client or lost the connection for good.
    #[error("Discord client error: {0}")]
    Client(#[from] serenity::Error),
}

/// The gateway intents the bot asks for. MESSAGE_CONTENT (privileged) is needed to read
/// questions in listening channels; without it, mentions, DMs and slash commands still work.
pub fn intents(message_content: bool) -> GatewayIntents {
    let base =
        GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    if message_content {
        base | GatewayIntents::MESSAGE_CONTENT
    } else {
        base
    }
}

struct Handler {
    state: Arc<BotState>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        self.state.set_bot_user_id(ready.user.id.get());
        info!(user = %ready.user.name, id = %ready.user.id, guilds = ready.guilds.len(), "connected to Discord");
        register_commands(&self.state, &ctx.http).await;
    }

    /// A server the bot is in, at connection or on joining: remember its preferred language.
    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        remember_language(&self.state, guild.id.get(), &guild.preferred_locale);
    }

    /// A server's settings changed: its preferred language may have.
    async fn guild_update(&self, _ctx: Context, _old: Option<Guild>, guild: PartialGuild) {
        remember_language(&self.state, guild.id.get(), &guild.preferred_locale);
    }

    /// The bot left a server (not an outage: then the server comes back with GUILD_CREATE).
    async fn guild_delete(&self, _ctx: Context, guild: UnavailableGuild, _full: Option<Guild>) {
        if !guild.unavailable {
            self.state.server_languages.forget(guild.id.get());
        }
    }

    async fn message(&self, ctx: Context, message: Message) {
        messages::handle(&self.state, &ctx, &message).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        interactions::handle(&self.state, &ctx, interaction).await;
    }
}

/// Remembers server `guild_id`'s preferred language, read from its `preferred_locale`.
fn remember_language(state: &BotState, guild_id: u64, preferred_locale: &str) {
    let lang = state.server_languages.remember(guild_id, preferred_locale);
    debug!(guild = %guild_id, preferred_locale, %lang, "server's preferred language");
}

/// Starts the file watcher when the answers come from files and `[moderation] watch` is on.
/// Reloads are reported in the log and the moderation log channel, once each; commands are
/// re-registered only when they changed. A moderator's own save is not reported again.
fn watch_files(state: &Arc<BotState>, http: Arc<Http>) {
    if !state.config.moderation.watch || !state.keeper.is_editable() {
        return;
    }
    let (sender, mut receiver) = tokio::sync::mpsc::unbounded_channel::<WatchEvent>();
    let debounce = Duration::from_millis(state.config.moderation.debounce_ms);
    let watching = state.keeper.watch(debounce, move |event| {
        // The receiver lives as long as the bot; after shutdown there is no one to tell.
        let _ = sender.send(event);
    });
    if let Err(error) = watching {
        warn!(%error, "cannot watch the answer files; use /gfmd-admin reload");
        return;
    }
    let state = Arc::clone(state);
    tokio::spawn(async move {
        while let Some(event) = receiver.recv().await {
            let text = match event {
                WatchEvent::Unchanged => continue,
                WatchEvent::Reloaded(report) => {
                    info!(
                        answers = report.answers,
                        changed = report.changed,
                        "answers reloaded"
                    );
                    register_commands(&state, &http).await;
                    format!("Answer files reloaded: {report}.")
                }
                WatchEvent::Failed(error) => {
                    error!("{error:#}; the previous answers stay live");
                    reload_refused(&error, Lang::En).english
                }
            };
            log_channel::post(&state, &http, &text).await;
        }
    });
    info!("watching the answer files for changes");
}

/// Starts recording as `[data]` says: the recorder and where its files are, or a recorder
/// that records nothing (recording switched off, or the member key cannot be created: logged
/// once). Database trouble is the writer's to log and retry.
fn start_recording(config: &Config, config_path: Option<&Path>) -> (Recorder, Option<DataFiles>) {
    if !config.data.record {
        info!("recording is off ([data] record = false): no questions or feedback are stored");
        return (Recorder::disabled(), None);
    }
    let files = DataFiles::from_config(config, config_path);
    match files.start_recorder() {
        Ok(recorder) => {
            info!(
                database = %files.database.display(),
                retention_days = files.retention_days,
                "recording questions and feedback"
            );
            (recorder, Some(files))
        }
        Err(error) => {
            error!(%error, "recording is off: the member key cannot be created");
            (Recorder::disabled(), None)
        }
    }
}

/// Writes what is still queued and stops the recorder; logs what its report says.
async fn stop_recording(recorder: &Recorder) {
    if !recorder.is_enabled() {
        return;
    }
    let report = recorder.shutdown().await;
    if report.unwritten > 0 || report.dropped > 0 {
        warn!(
            written = report.written,
            unwritten = report.unwritten,
            dropped = report.dropped,
            "recording stopped; some records were lost"
        );
    } else {
        info!(
            written = report.written,
            "recording stopped: every record written"
        );
    }
}

/// Runs the bot until `shutdown` completes (then closes the shards cleanly and writes the
/// records still queued) or the connection fails for good, serving the answers `keeper` keeps.
/// The token is used for Discord only and never logged.
pub async fn run(
    config: Config,
    keeper: Arc<Keeper>,
    token: &str,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), RunError> {
    let mut http = HttpBuilder::new(token);
    if let Some(base) = &config.discord.api_base {
        // serenity ignores the proxy while its rate limiter is on; a self-hosted server does
        // its own limiting.
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
        info!(api_base = %base, "using a Discord-compatible REST endpoint");
    }
    let message_content = config.discord.message_content_intent;
    if !message_content {
        warn!("MESSAGE_CONTENT intent not requested: questions in [questions] channels cannot be read; mentions, DMs and slash commands still work");
    } else if config.questions.channels.is_empty() {
        info!("no [questions] channels configured: answering mentions, DMs and slash commands");
    }
    let gateway_url = config.discord.gateway_url.clone();
    let (recorder, records) = start_recording(&config, keeper.config_path());
    let state = Arc::new(BotState::new(config, keeper, recorder, records));
    let mut client = ClientBuilder::new_with_http(http.build(), intents(message_content))
        .event_handler(Handler {
            state: Arc::clone(&state),
        })
        .await?;
    watch_files(&state, Arc::clone(&client.http));
    digest::spawn(&state, &client.http);
    if let Some(url) = gateway_url {
        info!(gateway_url = %url, "using a Discord-compatible gateway");
        *client.ws_url.lock().await = url;
    }
    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        info!("shutting down: closing the gateway connection");
        shard_manager.shutdown_all().await;
    });
    let result = client.start().await;
    stop_recording(&state.recorder).await;
    info!("stopped");
    Ok(result?)
}
