//! `/gfmd`: the command tree built from the answer set (`/gfmd <subcommand>`, `/gfmd ask`,
//! `/gfmd topic`), with what French and Spanish clients show in its place, and reading an
//! invocation back into a [`GfmdRequest`].
//!
//! French (`fr`) and Spanish (`es-ES`, `es-419`) clients see `ask` and `topic` and their options
//! under their own names and descriptions ([`crate::wording`]), and each answer's subcommand
//! described by its translated title. The names `gfmd` and the answers' subcommands stay English:
//! the answers themselves say `/gfmd objectives` in every language. Discord sends the English
//! names in every interaction, whatever the client showed, so reading one back needs no
//! language.

use super::{localized, localized_option};
use crate::answers::limits::{self, truncate};
use crate::answers::AnswerSet;
use crate::locale::Lang;
use crate::wording::{CommandWording, Named, ENGLISH};
use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand,
    CreateCommandOption,
};

/// The top-level command.
pub const GFMD: &str = "gfmd";
/// `/gfmd ask question:<text>`.
pub const ASK: &str = ENGLISH.commands.ask.name;
/// The option of `ask`.
pub const QUESTION: &str = ENGLISH.commands.question.name;
/// `/gfmd topic name:<autocomplete>`.
pub const TOPIC: &str = ENGLISH.commands.topic.name;
/// The option of `topic`.
pub const NAME: &str = ENGLISH.commands.name.name;
/// `/gfmd forget-me`: delete what is recorded about the member.
pub const FORGET_ME: &str = ENGLISH.commands.forget_me.name;
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
/// `forget-me`; each with its French and Spanish localizations.
pub fn command(answers: &AnswerSet) -> CreateCommand {
    let english = ENGLISH.commands;
    let mut gfmd = CreateCommand::new(GFMD).description(english.gfmd);
    for (locale, words) in localized(|wording| &wording.commands) {
        gfmd = gfmd.description_localized(locale, words.gfmd);
    }
    for answer in answers.commands() {
        let name = answer.command.as_deref().unwrap_or_default();
        let mut subcommand = CreateCommandOption::new(
            CommandOptionType::SubCommand,
            name,
            truncate(&answer.title, limits::COMMAND_DESCRIPTION_LENGTH),
        );
        for lang in Lang::TRANSLATED {
            if answer.translation(lang).is_none() {
                continue;
            }
            let title = truncate(answer.title_in(lang), limits::COMMAND_DESCRIPTION_LENGTH);
            for locale in lang.discord_locales() {
                subcommand = subcommand.description_localized(*locale, title.clone());
            }
        }
        gfmd = gfmd.add_option(subcommand);
    }
    let option = |kind, words: fn(&CommandWording) -> Named| {
        localized_option(kind, |wording| &wording.commands, words, str::to_owned)
    };
    gfmd = gfmd
        .add_option(
            option(CommandOptionType::SubCommand, |words| words.ask).add_sub_option(
                option(CommandOptionType::String, |words| words.question)
                    .required(true)
                    .max_length(MAX_QUESTION_CHARS),
            ),
        )
        .add_option(
            option(CommandOptionType::SubCommand, |words| words.topic).add_sub_option(
                option(CommandOptionType::String, |words| words.name)
                    .required(true)
                    .set_autocomplete(true)
                    .max_length(limits::CHOICE_LENGTH as u16),
            ),
        )
        .add_option(option(CommandOptionType::SubCommand, |words| {
            words.forget_me
        }));
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

    fn option<'a>(options: &'a Value, name: &str) -> &'a Value {
        options
            .as_array()
            .unwrap()
            .iter()
            .find(|option| option["name"] == name)
            .unwrap_or_else(|| panic!("no option `{name}` in {options}"))
    }

    #[test]
    fn french_and_spanish_clients_see_ask_topic_and_their_options_in_their_language() {
        let command = serde_json::to_value(command(&AnswerSet::embedded().unwrap())).unwrap();
        assert_eq!(command["name"], "gfmd");
        assert_eq!(
            command["description_localizations"],
            json!({
                "fr": "Réponses sur le Forum mondial sur la migration et le développement (FMMD)",
                "es-ES": "Respuestas sobre el Foro Mundial sobre Migración y Desarrollo (FMMD)",
                "es-419": "Respuestas sobre el Foro Mundial sobre Migración y Desarrollo (FMMD)",
            })
        );
        let names = |option: &Value| option["name_localizations"].clone();
        let ask = option(&command["options"], "ask");
        assert_eq!(
            names(ask),
            json!({"fr": "demander", "es-ES": "preguntar", "es-419": "preguntar"})
        );
        assert_eq!(
            ask["description_localizations"]["fr"],
            "Posez une question sur le FMMD avec vos propres mots"
        );
        assert_eq!(
            names(&ask["options"][0]),
            json!({"fr": "question", "es-ES": "pregunta", "es-419": "pregunta"})
        );
        let topic = option(&command["options"], "topic");
        assert_eq!(
            names(topic),
            json!({"fr": "sujet", "es-ES": "tema", "es-419": "tema"})
        );
        assert_eq!(
            names(&topic["options"][0]),
            json!({"fr": "nom", "es-ES": "nombre", "es-419": "nombre"})
        );
        assert_eq!(
            topic["options"][0]["description_localizations"]["es-419"],
            "Empieza a escribir un tema"
        );
    }

    #[test]
    fn each_answer_subcommand_is_described_by_its_translated_title_within_100_characters() {
        let answers = AnswerSet::embedded().unwrap();
        let command = serde_json::to_value(command(&answers)).unwrap();
        for answer in answers.commands() {
            let name = answer.command.as_deref().unwrap();
            let subcommand = option(&command["options"], name);
            assert!(
                subcommand["name_localizations"].is_null(),
                "`{name}` keeps its English name: {subcommand}"
            );
            for lang in Lang::TRANSLATED {
                let title = answer.translation(lang).expect("translated").title.as_str();
                for locale in lang.discord_locales() {
                    let description = subcommand["description_localizations"][locale]
                        .as_str()
                        .unwrap_or_else(|| panic!("`{name}` has no {locale} description"));
                    assert_eq!(
                        description,
                        truncate(title, limits::COMMAND_DESCRIPTION_LENGTH)
                    );
                    assert!((1..=100).contains(&description.chars().count()));
                }
            }
        }
    }

    #[test]
    fn an_untranslated_answer_s_subcommand_keeps_its_english_description_only() {
        let text = "id = \"only\"\ntitle = \"Only in English\"\ncommand = \"only\"\n\
                    description = \"Body.\"\nsource = \"GFMD background note\"\n";
        let answers =
            AnswerSet::from_sources(&[crate::answers::SourceFile::new("only.toml", text)]).unwrap();
        let command = serde_json::to_value(command(&answers)).unwrap();
        let only = option(&command["options"], "only");
        assert_eq!(only["description"], "Only in English");
        assert!(only["description_localizations"].is_null(), "{only}");
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
