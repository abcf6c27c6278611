//! The floor for the load figures in BENCHMARKS.md: a bare serenity 0.12.5 bot that answers
//! every `/gfmd …` interaction with one fixed embed, doing no other work (no matching, no
//! cooldowns, no logging per question). Whatever gfmd-bot adds on top of this is its own cost.
//!
//! It reads the same environment as `gfmd-bot run` (`DISCORD_TOKEN`, `GFMD_DISCORD_API_BASE`,
//! `GFMD_DISCORD_GATEWAY_URL`), is wired to a Discord-compatible server the same way
//! (`HttpBuilder::proxy` with serenity's rate limiter off, `client.ws_url` set before `start()`),
//! asks for the same intents, uses only serenity (not the gfmd_bot library), and ignores its
//! command-line arguments, so the e2e harness can start it in place of the bot. On READY it
//! writes the JSON line `{"message":"connected to Discord","unix_micros":…}` to stderr, the line
//! the harness waits for.
//!
//! `cargo build --release --example floor_bot`; run by `node e2e/tools/load.mjs`.

use serenity::all::{
    ClientBuilder, Context, CreateAllowedMentions, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponse, CreateInteractionResponseMessage, EventHandler, GatewayIntents,
    HttpBuilder, Interaction, Ready,
};
use serenity::async_trait;

/// Roughly the size of a curated answer (the objectives embed is ~1.6 kB), so that the stand-in
/// stores a comparable body for both bots.
const DESCRIPTION: &str = "The Global Forum on Migration and Development (GFMD) is a voluntary, \
informal, non-binding and government-led process open to all States Members and Observers of \
the United Nations. It was proposed by the UN Secretary-General at the High-Level Dialogue on \
International Migration and Development in September 2006, and its first meeting was hosted by \
Belgium in Brussels in July 2007. Its purpose is to address the migration and development \
interconnections in practical and action-oriented ways: a venue for dialogue, for sharing good \
practices, for spotting information, policy and institutional gaps, for building partnerships \
between countries and with other stakeholders, and for structuring the international agenda on \
migration and development. It produces no negotiated outcomes and no binding decisions; it \
informs policy through exchange of experience. Civil society takes part through its own days \
and a common space with governments. This fixed text stands in for a curated answer so that \
the floor bot sends a body of about the same size as gfmd-bot does.";

struct Floor;

#[async_trait]
impl EventHandler for Floor {
    async fn ready(&self, _ctx: Context, _ready: Ready) {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_micros());
        eprintln!(r#"{{"message":"connected to Discord","unix_micros":{micros}}}"#);
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let Interaction::Command(command) = interaction else {
            return;
        };
        if command.data.name != "gfmd" {
            return;
        }
        let embed = CreateEmbed::new()
            .title("About the GFMD")
            .description(DESCRIPTION)
            .footer(CreateEmbedFooter::new("Source: fixed floor answer"))
            .colour(0x2E8B57);
        let message = CreateInteractionResponseMessage::new()
            .allowed_mentions(CreateAllowedMentions::new().empty_users().empty_roles())
            .embed(embed);
        if let Err(error) = command
            .create_response(&ctx.http, CreateInteractionResponse::Message(message))
            .await
        {
            eprintln!(r#"{{"message":"could not answer","error":"{error}"}}"#);
        }
    }
}

#[tokio::main]
async fn main() {
    let env = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let token = env("DISCORD_TOKEN");
    let base = env("GFMD_DISCORD_API_BASE");
    let gateway = env("GFMD_DISCORD_GATEWAY_URL");
    let http = HttpBuilder::new(&token)
        .proxy(base.trim_end_matches('/'))
        .ratelimiter_disabled(true)
        .build();
    // The intents gfmd-bot asks for (the stand-in sends every event whatever is asked).
    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    let mut client = ClientBuilder::new_with_http(http, intents)
        .event_handler(Floor)
        .await
        .expect("the client builds");
    *client.ws_url.lock().await = gateway;
    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                .expect("SIGTERM handler");
        terminate.recv().await;
        shard_manager.shutdown_all().await;
    });
    client.start().await.expect("the client runs");
}
