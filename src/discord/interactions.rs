//! Dispatches each interaction to the module that handles it.

use super::admin;
use super::commands::{admin as admin_commands, gfmd};
use super::components;
use super::slash;
use super::state::BotState;
use serenity::all::{Context, Interaction};
use tracing::debug;

/// Hands one interaction to its handler.
pub async fn handle(state: &BotState, ctx: &Context, interaction: Interaction) {
    match interaction {
        Interaction::Command(command) if command.data.name == gfmd::GFMD => {
            slash::handle_gfmd(state, ctx, &command).await;
        }
        Interaction::Command(command)
            if command.data.name == admin_commands::ADMIN
                || command.data.name == admin_commands::ANSWER_WITH_FAQ =>
        {
            admin::handle_command(state, ctx, &command).await;
        }
        Interaction::Autocomplete(command) => {
            slash::handle_autocomplete(state, ctx, &command).await
        }
        Interaction::Modal(modal) => admin::handle_form(state, ctx, &modal).await,
        Interaction::Component(component) if admin::is_post(&component.data.custom_id) => {
            admin::handle_post(state, ctx, &component).await;
        }
        Interaction::Component(component)
            if component.data.custom_id.starts_with(admin::INBOX_PREFIX) =>
        {
            admin::handle_inbox_click(state, ctx, &component).await;
        }
        Interaction::Component(component) => {
            components::handle_component(state, ctx, &component).await;
        }
        other => debug!(kind = ?other.kind(), "ignored an interaction this bot does not handle"),
    }
}
