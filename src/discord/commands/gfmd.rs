//! `/gfmd`: the command tree built from the answer set (`/gfmd <subcommand>`, `/gfmd ask`,
//! `/gfmd topic`), and reading an invocation back into a [`GfmdRequest`].

use crate::answers::limits::{self, truncate};
use crate::answers::AnswerSet;
use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand,
    CreateCommandOption,
};

/// The top-level command.
pub const GFMD: &str = "gfmd";
/// `/gfmd ask question:<text>`.
pub const ASK: &str = "ask";
/// The option of `ask`.
pub const QUESTION: &str = "question";
/// `/gfmd topic name:<autocomplete>`.
pub const TOPIC: &str = "topic";
/// The option of `topic`.
pub const NAME: &str = "name";
/// `/gfmd forget-me`: delete what is recorded about the member.
pub const FORGET_ME: &str = "forget-me";
/// Longest question accepted by `/gfmd ask`.
pub const MAX_QUESTION_CHARS: u16 = 1000;

/// What a `/gfmd` invocation asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GfmdRequest {
    /// `/gfmd <command>` for an answer's subcommand.
    Show(String),
    /// `/gfmd ask question:…`.
    Ask(String),
    /// `/gfmd topic name:…`.
    Topic(String),
    /// `/gfmd forget-me`.
    ForgetMe,
}

/// `/gfmd` for this answer set: one subcommand per answer `command`, then `ask`, `topic` and
/// `forget-me`.
pub fn command(answers: &AnswerSet) -> CreateCommand {
    let mut gfmd = CreateCommand::new(GFMD)
        .description("Answers about the Global Forum on Migration and Development (GFMD)");
    for answer in answers.commands() {
        let name = answer.command.as_deref().unwrap_or_default();
        gfmd = gfmd.add_option(CreateCommandOption::new(
            CommandOptionType::SubCommand,
            name,
            truncate(&answer.title, limits::COMMAND_DESCRIPTION_LENGTH),
        ));
    }
    gfmd = gfmd
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::SubCommand,
                ASK,
                "Ask a question about the GFMD in your own words",
            )
            .add_sub_option(
                CreateCommandOption::new(CommandOptionType::String, QUESTION, "Your question")
                    .required(true)
                    .max_length(MAX_QUESTION_CHARS),
            ),
        )
        .add_option(
            CreateCommandOption::new(
                CommandOptionType::SubCommand,
                TOPIC,
                "Show any GFMD answer by name",
            )
            .add_sub_option(
                CreateCommandOption::new(CommandOptionType::String, NAME, "Start typing a topic")
                    .required(true)
                    .set_autocomplete(true)
                    .max_length(limits::CHOICE_LENGTH as u16),
            ),
        )
        .add_option(CreateCommandOption::new(
            CommandOptionType::SubCommand,
            FORGET_ME,
            "Delete what this bot recorded about you (your questions and votes)",
        ));
    gfmd
}

/// Reads a `/gfmd` invocation's options; `None` when they are not a known shape.
pub fn parse_request(options: &[CommandDataOption]) -> Option<GfmdRequest> {
    let subcommand = options.first()?;
    let CommandDataOptionValue::SubCommand(inner) = &subcommand.value else {
        return None;
    };
    let text = |option_name: &str| {
        inner.iter().find_map(|option| match &option.value {
            CommandDataOptionValue::String(value) if option.name == option_name => {
                Some(value.clone())
            }
            CommandDataOptionValue::Autocomplete { value, .. } if option.name == option_name => {
                Some(value.clone())
            }
            _ => None,
        })
    };
    Some(match subcommand.name.as_str() {
        ASK => GfmdRequest::Ask(text(QUESTION)?),
        TOPIC => GfmdRequest::Topic(text(NAME)?),
        FORGET_ME => GfmdRequest::ForgetMe,
        other => GfmdRequest::Show(other.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn the_command_tree_has_one_subcommand_per_answer_command_plus_ask_and_topic() {
        let answers = AnswerSet::embedded().unwrap();
        let command = serde_json::to_value(command(&answers)).unwrap();
        assert_eq!(command["name"], "gfmd");
        let options = command["options"].as_array().unwrap();
        assert_eq!(options.len(), answers.commands().len() + 3);
        assert!(options.len() <= limits::SUBCOMMAND_COUNT);
        let names: Vec<&str> = options
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"objectives") && names.contains(&"ask") && names.contains(&"topic")
        );
        for option in options {
            let description = option["description"].as_str().unwrap();
            assert!(
                (1..=100).contains(&description.chars().count()),
                "{description}"
            );
        }
        let topic = options.iter().find(|o| o["name"] == "topic").unwrap();
        assert_eq!(topic["options"][0]["autocomplete"], Value::Bool(true));
    }

    #[test]
    fn invocations_are_read_from_discord_json() {
        let parse = |options: Value| {
            let options: Vec<CommandDataOption> = serde_json::from_value(options).unwrap();
            parse_request(&options)
        };
        assert_eq!(
            parse(json!([{"name": "objectives", "type": 1, "options": []}])),
            Some(GfmdRequest::Show("objectives".into()))
        );
        assert_eq!(
            parse(
                json!([{"name": "ask", "type": 1, "options": [{"name": "question", "type": 3, "value": "when?"}]}])
            ),
            Some(GfmdRequest::Ask("when?".into()))
        );
        assert_eq!(
            parse(
                json!([{"name": "topic", "type": 1, "options": [{"name": "name", "type": 3, "value": "cai", "focused": true}]}])
            ),
            Some(GfmdRequest::Topic("cai".into()))
        );
        assert_eq!(
            parse(json!([{"name": "ask", "type": 1, "options": []}])),
            None
        );
        assert_eq!(
            parse(json!([{"name": "forget-me", "type": 1, "options": []}])),
            Some(GfmdRequest::ForgetMe)
        );
    }
}
