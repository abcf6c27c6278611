//! The only place that talks to Discord (serenity 0.12): client set-up, command registration,
//! slash commands and components, free-form messages, flood control.
//!
//! poise is not used: `/gfmd`'s subcommands come from the moderators' answer files and change at
//! run time, while poise's commands are fixed at compile time by its macros; plain serenity
//! builders express a command tree built from data directly.

mod admin;
mod commands;
mod interactions;
mod messages;
mod reply;
mod state;
mod throttle;

pub use admin::{admin_commands, draft_from_fields, plan_top_matches};
pub use commands::{command_set, fingerprint, parse_request, GfmdRequest};
pub use interactions::{plan_autocomplete, plan_component, plan_gfmd, ComponentPlan, Outcome};
pub use messages::{mentions, question_text, trigger, MessageFacts, Trigger, POINTER_REACTION};
pub use reply::{no_pings, Button, MenuOption, Reply, Row};
pub use state::BotState;
pub use throttle::{Cooldowns, PostedMessage, RateLimiter, RecentlyPosted};

use crate::config::Config;
use crate::knowledge::Knowledge;
use crate::reload::{ReloadError, ReloadReport, Reloader};
use arc_swap::ArcSwap;
use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, Http, HttpBuilder, Interaction, Message,
    Ready,
};
use serenity::async_trait;
use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tracing::{error, info, warn};

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

    async fn message(&self, ctx: Context, message: Message) {
        messages::handle(&self.state, &ctx, &message).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        interactions::handle(&self.state, &ctx, interaction).await;
    }
}

/// Registers the command set unless the same set is already registered by this process.
async fn register_commands(state: &BotState, http: &Http) {
    let commands = command_set(state.knowledge.load().answers());
    if !state.mark_registered(fingerprint(&commands)) {
        return;
    }
    let guilds: Vec<u64> = state
        .config
        .discord
        .guild_ids
        .iter()
        .map(|id| id.0)
        .collect();
    match commands::register(http, &guilds, commands).await {
        Ok(()) if guilds.is_empty() => info!("registered /gfmd globally"),
        Ok(()) => info!(
            guilds = guilds.len(),
            "registered /gfmd in the configured guilds"
        ),
        Err(error) => {
            state.forget_registration();
            error!(%error, "could not register the slash commands");
        }
    }
}

/// Starts the file watcher when the answers come from files and `[moderation] watch` is on.
/// Reloads are reported in the log and the moderation log channel; commands are re-registered
/// only when they changed.
fn watch_files(
    state: &Arc<BotState>,
    http: Arc<Http>,
) -> Option<notify_debouncer_mini::Debouncer<notify::RecommendedWatcher>> {
    let reloader = Arc::clone(state.reloader()?);
    if !state.config.moderation.watch {
        return None;
    }
    let (sender, mut receiver) =
        tokio::sync::mpsc::unbounded_channel::<Result<ReloadReport, ReloadError>>();
    let debounce = Duration::from_millis(state.config.moderation.debounce_ms);
    let watcher = match reloader.watch(debounce, move |outcome| {
        let _ = sender.send(outcome);
    }) {
        Ok(watcher) => watcher,
        Err(error) => {
            warn!(%error, "cannot watch the answer files; use /gfmd-admin reload");
            return None;
        }
    };
    let state = Arc::clone(state);
    tokio::spawn(async move {
        while let Some(outcome) = receiver.recv().await {
            let text = match outcome {
                Ok(report) => {
                    info!(
                        answers = report.answers,
                        changed = report.changed,
                        "answers reloaded"
                    );
                    register_commands(&state, &http).await;
                    format!("Answer files reloaded: {report}.")
                }
                Err(error) => {
                    error!("{error:#}; the previous answers stay live");
                    format!("Answer files NOT reloaded, the previous answers stay live:\n{error:#}")
                }
            };
            admin::post_to_log_channel(&state, &http, &text).await;
        }
    });
    info!("watching the answer files for changes");
    Some(watcher)
}

/// Runs the bot until `shutdown` completes (then closes the shards cleanly) or the connection
/// fails for good. The token is used for Discord only and never logged.
pub async fn run(
    config: Config,
    config_path: Option<PathBuf>,
    knowledge: Arc<ArcSwap<Knowledge>>,
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
    let reloader = config.responses_dir.is_some().then(|| {
        Arc::new(Reloader::new(
            config_path,
            config.clone(),
            Arc::clone(&knowledge),
        ))
    });
    let state = Arc::new(BotState::with_reloader(config, knowledge, reloader));
    let mut client = ClientBuilder::new_with_http(http.build(), intents(message_content))
        .event_handler(Handler {
            state: Arc::clone(&state),
        })
        .await?;
    let _watcher = watch_files(&state, Arc::clone(&client.http));
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
    client.start().await?;
    info!("stopped");
    Ok(())
}
