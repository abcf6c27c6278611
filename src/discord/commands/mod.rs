//! Every application command the bot registers, assembled in one place: `/gfmd` (built from the
//! answer set), the moderators' `/gfmd-admin`, and the "Answer with GFMD FAQ" message command;
//! plus the fingerprint that lets registration skip an unchanged set.

pub mod admin;
pub mod gfmd;

use crate::answers::AnswerSet;
use serenity::all::CreateCommand;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The commands to register for this answer set.
pub fn command_set(answers: &AnswerSet) -> Vec<CreateCommand> {
    let mut commands = vec![gfmd::command(answers)];
    commands.extend(admin::commands());
    commands
}

/// A stable fingerprint of a command set, to skip registering what is already registered.
pub fn fingerprint(commands: &[CreateCommand]) -> u64 {
    let json = serde_json::to_string(commands).unwrap_or_default();
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
        assert_eq!(
            fingerprint(&command_set(&answers)),
            fingerprint(&command_set(&answers))
        );
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
}
