//! The only place that talks to Discord (serenity 0.12): client set-up, command registration,
//! slash commands and components, free-form messages, flood control.
//!
//! poise is not used: `/gfmd`'s subcommands come from the moderators' answer files and change at
//! run time, while poise's commands are fixed at compile time by its macros; plain serenity
//! builders express a command tree built from data directly.

mod commands;
mod interactions;
mod messages;
mod reply;
mod state;
mod throttle;

pub use commands::{command_set, fingerprint, parse_request, GfmdRequest};
pub use interactions::{plan_autocomplete, plan_component, plan_gfmd, ComponentPlan, Outcome};
pub use messages::{mentions, question_text, trigger, MessageFacts, Trigger, POINTER_REACTION};
pub use reply::{no_pings, Button, MenuOption, Reply, Row};
pub use state::BotState;
pub use throttle::{Cooldowns, PostedMessage, RateLimiter, RecentlyPosted};

use crate::config::Config;
use crate::knowledge::Knowledge;
use arc_swap::ArcSwap;
use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, HttpBuilder, Interaction, Message, Ready,
};
use serenity::async_trait;
use std::future::Future;
use std::sync::Arc;
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
        register_commands(&self.state, &ctx).await;
    }

    async fn message(&self, ctx: Context, message: Message) {
        messages::handle(&self.state, &ctx, &message).await;
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        interactions::handle(&self.state, &ctx, interaction).await;
    }
}

/// Registers the command set unless the same set is already registered by this process.
async fn register_commands(state: &BotState, ctx: &Context) {
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
    match commands::register(&ctx.http, &guilds, commands).await {
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

/// Runs the bot until `shutdown` completes (then closes the shards cleanly) or the connection
/// fails for good. The token is used for Discord only and never logged.
pub async fn run(
    config: Config,
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
    let state = Arc::new(BotState::new(config, knowledge));
    let mut client = ClientBuilder::new_with_http(http.build(), intents(message_content))
        .event_handler(Handler { state })
        .await?;
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
