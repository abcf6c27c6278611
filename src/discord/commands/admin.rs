//! The moderators' commands: `/gfmd-admin` (reload, add, edit, remove, preview, test, inbox,
//! stats) and the
//! "Answer with GFMD FAQ" message command, visible by default only to members who can manage the
//! server; and reading a `/gfmd-admin` invocation back into an [`AdminRequest`].
//!
//! French (`fr`) and Spanish (`es-ES`, `es-419`) clients see the subcommands, their options and
//! the message command under their own names and descriptions
//! ([`crate::wording::AdminCommandWording`]), as `/gfmd`'s. `gfmd-admin` keeps its name. Discord
//! sends the English names in every interaction, so reading one back needs no language.

use super::{localized, localized_option};
use crate::wording::{fill, AdminCommandWording, Named, Wording, ENGLISH};
use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CommandType, CreateCommand,
    Permissions,
};

/// The moderators' slash command.
pub const ADMIN: &str = "gfmd-admin";
/// The message context-menu command.
pub const ANSWER_WITH_FAQ: &str = ENGLISH_WORDS.answer_with_faq;
/// The answer-id option of `edit`, `remove` and `preview` (autocompleted).
pub const ID: &str = ENGLISH_WORDS.id.name;
/// The question option of `test`.
pub const QUESTION: &str = ENGLISH_WORDS.question.name;
/// The days option of `inbox` and `stats`.
pub const DAYS: &str = ENGLISH_WORDS.days.name;
/// Days `inbox` and `stats` cover unless told (as `gfmd-bot inbox` and `stats`).
pub const DEFAULT_DAYS: u32 = 30;
/// Most days `inbox` and `stats` cover.
pub const MAX_DAYS: u32 = 3650;

/// The English words of the commands: their names are the ones interactions carry.
const ENGLISH_WORDS: AdminCommandWording = ENGLISH.moderation.commands;

/// What a `/gfmd-admin` invocation asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminRequest {
    /// Reload the answer files now.
    Reload,
    /// Open the form for a new answer.
    Add,
    /// Open the form to edit this answer.
    Edit(String),
    /// Move this answer to the trash.
    Remove(String),
    /// Show this answer privately.
    Preview(String),
    /// Show the top matches for this question.
    Test(String),
    /// Show the inbox of missed questions from the last N days.
    Inbox(u32),
    /// Show the statistics of the last N days, with the chart.
    Stats(u32),
}

/// `/gfmd-admin` and the message command, with what French and Spanish clients show in their
/// place (as `/gfmd`'s, from [`crate::wording`]).
pub fn commands() -> Vec<CreateCommand> {
    let moderation = |wording: &'static Wording| &wording.moderation.commands;
    let option = |kind, pick: fn(&AdminCommandWording) -> Named| {
        localized_option(kind, moderation, pick, str::to_owned)
    };
    let subcommand =
        |pick: fn(&AdminCommandWording) -> Named| option(CommandOptionType::SubCommand, pick);
    let id_option = || {
        option(CommandOptionType::String, |words| words.id)
            .required(true)
            .set_autocomplete(true)
            .max_length(64)
    };
    let days_option = || {
        let describe = |template: &str| fill(template, DEFAULT_DAYS);
        localized_option(
            CommandOptionType::Integer,
            moderation,
            |words| words.days,
            describe,
        )
        .min_int_value(1)
        .max_int_value(u64::from(MAX_DAYS))
    };
    let mut admin = CreateCommand::new(ADMIN)
        .description(ENGLISH_WORDS.admin)
        .default_member_permissions(Permissions::MANAGE_GUILD);
    let mut answer_with_faq = CreateCommand::new(ANSWER_WITH_FAQ)
        .kind(CommandType::Message)
        .default_member_permissions(Permissions::MANAGE_GUILD);
    for (locale, words) in localized(moderation) {
        admin = admin.description_localized(locale, words.admin);
        answer_with_faq = answer_with_faq.name_localized(locale, words.answer_with_faq);
    }
    vec![
        admin
            .add_option(subcommand(|words| words.reload))
            .add_option(subcommand(|words| words.add))
            .add_option(subcommand(|words| words.edit).add_sub_option(id_option()))
            .add_option(subcommand(|words| words.remove).add_sub_option(id_option()))
            .add_option(subcommand(|words| words.preview).add_sub_option(id_option()))
            .add_option(
                subcommand(|words| words.test).add_sub_option(
                    option(CommandOptionType::String, |words| words.question)
                        .required(true)
                        .max_length(1000),
                ),
            )
            .add_option(subcommand(|words| words.inbox).add_sub_option(days_option()))
            .add_option(subcommand(|words| words.stats).add_sub_option(days_option())),
        answer_with_faq,
    ]
}

/// Reads a `/gfmd-admin` invocation's options; `None` when they are not a known shape.
pub fn parse_request(options: &[CommandDataOption]) -> Option<AdminRequest> {
    let subcommand = options.first()?;
    let CommandDataOptionValue::SubCommand(inner) = &subcommand.value else {
        return None;
    };
    let text = |name: &str| {
        inner.iter().find_map(|option| match &option.value {
            CommandDataOptionValue::String(value) if option.name == name => Some(value.clone()),
            CommandDataOptionValue::Autocomplete { value, .. } if option.name == name => {
                Some(value.clone())
            }
            _ => None,
        })
    };
    let days = inner
        .iter()
        .find_map(|option| match &option.value {
            CommandDataOptionValue::Integer(days) if option.name == DAYS => Some(*days),
            _ => None,
        })
        .map_or(DEFAULT_DAYS, |days| {
            u32::try_from(days.clamp(1, i64::from(MAX_DAYS))).unwrap_or(DEFAULT_DAYS)
        });
    Some(match subcommand.name.as_str() {
        "reload" => AdminRequest::Reload,
        "add" => AdminRequest::Add,
        "edit" => AdminRequest::Edit(text(ID)?),
        "remove" => AdminRequest::Remove(text(ID)?),
        "preview" => AdminRequest::Preview(text(ID)?),
        "test" => AdminRequest::Test(text(QUESTION)?),
        "inbox" => AdminRequest::Inbox(days),
        "stats" => AdminRequest::Stats(days),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn the_admin_commands_require_manage_server_by_default() {
        let json = serde_json::to_value(commands()).unwrap();
        assert_eq!(json[0]["name"], "gfmd-admin");
        assert_eq!(json[0]["default_member_permissions"], "32");
        assert_eq!(json[1]["type"], 3, "a message command");
        assert_eq!(json[1]["default_member_permissions"], "32");
    }

    #[test]
    fn french_and_spanish_moderators_see_the_subcommands_options_and_message_command_in_their_language(
    ) {
        let json = serde_json::to_value(commands()).unwrap();
        let admin = &json[0];
        assert_eq!(admin["name"], "gfmd-admin");
        let keeps_its_name = admin["name_localizations"]
            .as_object()
            .is_none_or(|names| names.is_empty());
        assert!(keeps_its_name, "{admin}");
        assert_eq!(
            admin["description_localizations"]["fr"],
            "Modération : gérer les réponses sur le FMMD"
        );
        let option = |options: &Value, name: &str| {
            options
                .as_array()
                .unwrap()
                .iter()
                .find(|option| option["name"] == name)
                .cloned()
                .unwrap_or_else(|| panic!("no `{name}` in {options}"))
        };
        let reload = option(&admin["options"], "reload");
        assert_eq!(
            reload["name_localizations"],
            json!({"fr": "recharger", "es-ES": "recargar", "es-419": "recargar"})
        );
        let stats = option(&admin["options"], "stats");
        let days = option(&stats["options"], "days");
        assert_eq!(days["description"], "The last N days (default 30)");
        assert_eq!(
            days["description_localizations"]["fr"],
            "Les N derniers jours (par défaut 30)"
        );
        assert_eq!(days["name_localizations"]["es-419"], "días");
        let edit = option(&admin["options"], "edit");
        assert_eq!(option(&edit["options"], "id")["autocomplete"], true);
        assert_eq!(
            json[1]["name_localizations"],
            json!({
                "fr": "Répondre avec la FAQ du FMMD",
                "es-ES": "Responder con la FAQ del FMMD",
                "es-419": "Responder con la FAQ del FMMD",
            })
        );
    }

    #[test]
    fn invocations_are_read_from_discord_json() {
        let parse = |options: Value| {
            let options: Vec<CommandDataOption> = serde_json::from_value(options).unwrap();
            parse_request(&options)
        };
        assert_eq!(
            parse(json!([{"name": "reload", "type": 1, "options": []}])),
            Some(AdminRequest::Reload)
        );
        assert_eq!(
            parse(
                json!([{"name": "edit", "type": 1, "options": [{"name": "id", "type": 3, "value": "timeline"}]}])
            ),
            Some(AdminRequest::Edit("timeline".into()))
        );
        assert_eq!(
            parse(
                json!([{"name": "test", "type": 1, "options": [{"name": "question", "type": 3, "value": "when?"}]}])
            ),
            Some(AdminRequest::Test("when?".into()))
        );
        assert_eq!(
            parse(json!([{"name": "remove", "type": 1, "options": []}])),
            None
        );
        assert_eq!(
            parse(json!([{"name": "nuke", "type": 1, "options": []}])),
            None
        );
        assert_eq!(
            parse(json!([{"name": "inbox", "type": 1, "options": []}])),
            Some(AdminRequest::Inbox(DEFAULT_DAYS))
        );
        assert_eq!(
            parse(
                json!([{"name": "stats", "type": 1, "options": [{"name": "days", "type": 4, "value": 7}]}])
            ),
            Some(AdminRequest::Stats(7))
        );
        assert_eq!(
            parse(
                json!([{"name": "inbox", "type": 1, "options": [{"name": "days", "type": 4, "value": -3}]}])
            ),
            Some(AdminRequest::Inbox(1)),
            "a value Discord would refuse is clamped, not trusted"
        );
    }
}
