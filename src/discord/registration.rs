//! Registering the command set with Discord: a bulk overwrite per configured guild (instant) or
//! globally, skipped when the same set is already registered by this process.

use super::commands::{command_set, fingerprint};
use super::state::BotState;
use serenity::all::{Command, CreateCommand, GuildId, Http};
use tracing::{error, info};

/// Registers the command set for the answers in force unless the same set is already registered.
pub async fn register_commands(state: &BotState, http: &Http) {
    let commands = command_set(state.knowledge().answers());
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
    match overwrite(http, &guilds, commands).await {
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

/// Overwrites the application's commands: in each of `guild_ids` or, when empty, globally
/// (Discord may take up to an hour to show global changes).
async fn overwrite(
    http: &Http,
    guild_ids: &[u64],
    commands: Vec<CreateCommand>,
) -> serenity::Result<()> {
    if guild_ids.is_empty() {
        Command::set_global_commands(http, commands).await?;
    } else {
        for &guild in guild_ids {
            GuildId::new(guild)
                .set_commands(http, commands.clone())
                .await?;
        }
    }
    Ok(())
}
