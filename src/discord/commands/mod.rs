//! Every application command the bot registers, assembled in one place: `/gfmd` (built from the
//! answer set), the moderators' `/gfmd-admin`, and the "Answer with GFMD FAQ" message command;
//! plus the fingerprint that lets registration skip an unchanged set.

pub mod admin;
pub mod gfmd;

use crate::answers::AnswerSet;
use crate::locale::Lang;
use crate::wording::{Named, Wording};
use serenity::all::{CommandOptionType, CreateCommand, CreateCommandOption};
use std::hash::{DefaultHasher, Hash, Hasher};

/// The commands to register for this answer set.
pub fn command_set(answers: &AnswerSet) -> Vec<CreateCommand> {
    let mut commands = vec![gfmd::command(answers)];
    commands.extend(admin::commands());
    commands
}

/// Every Discord locale of a translated language (`fr`, `es-ES`, `es-419`), with what `pick`
/// takes from that language's wording: `/gfmd`'s words or `/gfmd-admin`'s.
fn localized<T: 'static>(
    pick: fn(&'static Wording) -> &'static T,
) -> impl Iterator<Item = (&'static str, &'static T)> {
    Lang::TRANSLATED.into_iter().flat_map(move |lang| {
        let words = pick(Wording::of(lang));
        lang.discord_locales()
            .iter()
            .map(move |locale| (*locale, words))
    })
}

/// An option of kind `kind` named and described as `pick` takes them from a command's words
/// (`commands` takes those from a language's wording: `/gfmd`'s or `/gfmd-admin`'s): in English,
/// with what French and Spanish clients show in its place. `describe` makes each description
/// from its wording (a template's value put in, or the text as it is).
fn localized_option<T: 'static>(
    kind: CommandOptionType,
    commands: fn(&'static Wording) -> &'static T,
    pick: fn(&T) -> Named,
    describe: impl Fn(&str) -> String,
) -> CreateCommandOption {
    let english = pick(commands(Wording::of(Lang::En)));
    let mut option = CreateCommandOption::new(kind, english.name, describe(english.description));
    for (locale, words) in localized(commands) {
        let named = pick(words);
        option = option
            .name_localized(locale, named.name)
            .description_localized(locale, describe(named.description));
    }
    option
}

/// A stable fingerprint of a command set, to skip registering what is already registered. The
/// builders keep localizations in hash maps, whose order differs from one build to the next, so
/// the JSON is put in one order (`serde_json::Value` sorts object keys) before hashing.
pub fn fingerprint(commands: &[CreateCommand]) -> u64 {
    let json = serde_json::to_value(commands)
        .map(|value| value.to_string())
        .unwrap_or_default();
    let mut hasher = DefaultHasher::new();
    json.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_only_when_the_commands_change() {
        let answers = AnswerSet::embedded().unwrap();
        // Built anew each time, as on every reload: the localizations' hash maps come out in
        // another order most times.
        let first = fingerprint(&command_set(&answers));
        for _ in 0..20 {
            assert_eq!(first, fingerprint(&command_set(&answers)));
        }
        let other = vec![CreateCommand::new("gfmd").description("x")];
        assert_ne!(fingerprint(&command_set(&answers)), fingerprint(&other));
    }

    #[test]
    fn the_set_holds_gfmd_the_admin_command_and_the_message_command() {
        let answers = AnswerSet::embedded().unwrap();
        let json = serde_json::to_value(command_set(&answers)).unwrap();
        let names: Vec<&str> = json
            .as_array()
            .unwrap()
            .iter()
            .map(|command| command["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, [gfmd::GFMD, admin::ADMIN, admin::ANSWER_WITH_FAQ]);
    }

    #[test]
    fn every_localized_name_follows_discord_s_rules_and_no_two_options_share_one_in_a_locale() {
        let rule = regex::Regex::new(r"^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$").unwrap();
        let json = serde_json::to_value(command_set(&AnswerSet::embedded().unwrap())).unwrap();
        let commands = json.as_array().unwrap();
        /// The name a client in `locale` shows.
        fn shown<'a>(option: &'a serde_json::Value, locale: &str) -> &'a str {
            option["name_localizations"][locale]
                .as_str()
                .unwrap_or_else(|| option["name"].as_str().unwrap())
        }
        let mut levels = Vec::new();
        for command in commands {
            if command["type"] == 3 {
                // A message command's name may hold spaces and capitals: 1-32 characters.
                for locale in ["fr", "es-ES", "es-419"] {
                    let name = shown(command, locale);
                    assert!((1..=32).contains(&name.chars().count()), "{locale}: {name}");
                }
                continue;
            }
            for locale in ["fr", "es-ES", "es-419"] {
                assert!(rule.is_match(shown(command, locale)));
            }
            levels.push(&command["options"]);
        }
        assert_eq!(levels.len(), commands.len() - 1, "/gfmd and /gfmd-admin");
        while let Some(options) = levels.pop() {
            let options = options.as_array().unwrap();
            for locale in ["fr", "es-ES", "es-419"] {
                let shown: Vec<&str> = options.iter().map(|option| shown(option, locale)).collect();
                for name in &shown {
                    assert!(rule.is_match(name), "{locale}: {name}");
                    assert_eq!(*name, name.to_lowercase(), "{locale}: {name}");
                }
                let mut unique = shown.clone();
                unique.sort_unstable();
                unique.dedup();
                assert_eq!(unique.len(), shown.len(), "{locale}: {shown:?}");
            }
            levels.extend(
                options
                    .iter()
                    .filter(|option| option["options"].is_array())
                    .map(|option| &option["options"]),
            );
        }
    }

    /// Discord's OpenAPI description (`shared/discord-api-spec/openapi.json`), found as the e2e
    /// suite finds it: `DISCORD_OPENAPI_SPEC`, else `shared/` beside the checkout, else
    /// `/work/shared`.
    fn openapi_spec() -> serde_json::Value {
        let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/discord-api-spec/openapi.json");
        let candidates = std::env::var_os("DISCORD_OPENAPI_SPEC")
            .map(std::path::PathBuf::from)
            .into_iter()
            .chain([beside, "/work/shared/discord-api-spec/openapi.json".into()]);
        let mut tried = Vec::new();
        for path in candidates {
            match std::fs::read_to_string(&path) {
                Ok(text) => return serde_json::from_str(&text).unwrap(),
                Err(_) => tried.push(path.display().to_string()),
            }
        }
        panic!("Discord's OpenAPI spec not found (set DISCORD_OPENAPI_SPEC); tried {tried:?}");
    }

    /// The request body Discord's spec describes: as serenity sends it, with
    /// `default_member_permissions` as a number. The spec types it as an integer, Discord's docs
    /// and serenity as a string of digits (the e2e contract checks it is one, and does the same).
    fn as_the_spec_types_it(mut body: serde_json::Value) -> serde_json::Value {
        for command in body.as_array_mut().unwrap() {
            if let Some(permissions) = command.get("default_member_permissions").cloned() {
                let digits = permissions.as_str().expect("a string of digits");
                command["default_member_permissions"] = digits.parse::<u64>().unwrap().into();
            }
        }
        body
    }

    #[test]
    fn the_registration_body_with_its_localizations_passes_discord_s_openapi_schema() {
        let spec = openapi_spec();
        let locales: Vec<&str> = spec["components"]["schemas"]["AvailableLocalesEnum"]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .map(|locale| locale["const"].as_str().unwrap())
            .collect();
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V2020_12);
        compiler
            .add_resource("discord-openapi.json", spec.clone())
            .unwrap();
        let mut schemas = boon::Schemas::new();
        // PUT /applications/{application_id}/commands: an array of ApplicationCommandUpdateRequest.
        let body_schema = compiler
            .compile(
                "discord-openapi.json#/paths/~1applications~1%7Bapplication_id%7D~1commands/put/\
                 requestBody/content/application~1json/schema",
                &mut schemas,
            )
            .unwrap_or_else(|error| panic!("{error:#}"));

        let answers = AnswerSet::embedded().unwrap();
        let body = as_the_spec_types_it(serde_json::to_value(command_set(&answers)).unwrap());
        if let Err(error) = schemas.validate(&body, body_schema) {
            panic!("the registration body fails the spec: {error:#}");
        }
        // The schema leaves the localizations' keys free; Discord takes only its locales.
        let mut pending = vec![&body];
        let mut localized = 0;
        while let Some(value) = pending.pop() {
            match value {
                serde_json::Value::Object(object) => {
                    for (key, value) in object {
                        if key.ends_with("_localizations") {
                            for locale in value.as_object().into_iter().flat_map(|map| map.keys()) {
                                assert!(locales.contains(&locale.as_str()), "{locale}");
                                localized += 1;
                            }
                        }
                        pending.push(value);
                    }
                }
                serde_json::Value::Array(items) => pending.extend(items),
                _ => {}
            }
        }
        assert!(localized > 50, "only {localized} localizations");

        // The check is live: a localized name over 32 characters fails it.
        let mut broken = body.clone();
        broken[0]["options"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|option| option["name"] == "ask")
            .unwrap()["name_localizations"]["fr"] = "d".repeat(33).into();
        assert!(schemas.validate(&broken, body_schema).is_err());
    }
}
