//! The moderators' commands: `/gfmd-admin` (reload, add, edit, remove, preview, test, inbox,
//! stats) and the
//! "Answer with GFMD FAQ" message command, visible by default only to members who can manage the
//! server; and reading a `/gfmd-admin` invocation back into an [`AdminRequest`].

use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CommandType, CreateCommand,
    CreateCommandOption, Permissions,
};

/// The moderators' slash command.
pub const ADMIN: &str = "gfmd-admin";
/// The message context-menu command.
pub const ANSWER_WITH_FAQ: &str = "Answer with GFMD FAQ";
/// The answer-id option of `edit`, `remove` and `preview` (autocompleted).
pub const ID: &str = "id";
/// The question option of `test`.
pub const QUESTION: &str = "question";
/// The days option of `inbox` and `stats`.
pub const DAYS: &str = "days";
/// Days `inbox` and `stats` cover unless told (as `gfmd-bot inbox` and `stats`).
pub const DEFAULT_DAYS: u32 = 30;
/// Most days `inbox` and `stats` cover.
pub const MAX_DAYS: u32 = 3650;

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

/// `/gfmd-admin` and the message command.
pub fn commands() -> Vec<CreateCommand> {
    let id_option = || {
        CreateCommandOption::new(CommandOptionType::String, ID, "Answer id")
            .required(true)
            .set_autocomplete(true)
            .max_length(64)
    };
    let subcommand = |name: &str, description: &str| {
        CreateCommandOption::new(CommandOptionType::SubCommand, name, description)
    };
    let days_option = || {
        CreateCommandOption::new(
            CommandOptionType::Integer,
            DAYS,
            format!("The last N days (default {DEFAULT_DAYS})"),
        )
        .min_int_value(1)
        .max_int_value(u64::from(MAX_DAYS))
    };
    vec![
        CreateCommand::new(ADMIN)
            .description("Moderators: manage the GFMD answers")
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .add_option(subcommand("reload", "Reload the answer files now"))
            .add_option(subcommand("add", "Add an answer"))
            .add_option(
                subcommand("edit", "Edit an answer's title, questions and text")
                    .add_sub_option(id_option()),
            )
            .add_option(
                subcommand("remove", "Remove an answer (moved to responses/.trash)")
                    .add_sub_option(id_option()),
            )
            .add_option(
                subcommand("preview", "Show an answer privately").add_sub_option(id_option()),
            )
            .add_option(
                subcommand("test", "Show the top 3 matches for a question, with scores")
                    .add_sub_option(
                        CreateCommandOption::new(CommandOptionType::String, QUESTION, "A question")
                            .required(true)
                            .max_length(1000),
                    ),
            )
            .add_option(
                subcommand(
                    "inbox",
                    "Questions the bot missed, grouped, to add as phrasings or answers",
                )
                .add_sub_option(days_option()),
            )
            .add_option(
                subcommand("stats", "Statistics of the questions, with a daily chart")
                    .add_sub_option(days_option()),
            ),
        CreateCommand::new(ANSWER_WITH_FAQ)
            .kind(CommandType::Message)
            .default_member_permissions(Permissions::MANAGE_GUILD),
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
