//! What members and moderators are told when something goes wrong, kept apart from what the log
//! gets. A user error says what to do; an internal error is logged at error level with its
//! context and the member sees a short generic sentence. Nothing sent to Discord carries a path
//! of the server's file system: file problems name the file only (`timeline.toml:2:9`).

use crate::answers::{LoadError, Problem};
use crate::config::ConfigError;
use crate::keeper::{ChangeError, ReloadError};
use crate::store::StoreError;
use tracing::error;

/// Said when something failed inside the bot; the details are in its log.
pub const INTERNAL: &str = "Something went wrong on the bot's side; the details are in its log.";

/// Said when answers are compiled into the binary and cannot be changed from Discord.
pub const NOT_EDITABLE: &str =
    "The answers are built into the bot; set `responses_dir` in its config to edit them live.";

/// Logs an internal failure with its context and returns what the member is told.
pub fn internal(context: &str, error: &dyn std::fmt::Display) -> String {
    error!(error = %format!("{error:#}"), "{context}");
    INTERNAL.to_owned()
}

/// A problem as a moderator may read it in Discord: the file's name, line, column and message.
pub fn problem_for_chat(problem: &Problem) -> String {
    let file = problem
        .file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&problem.file);
    match problem.position {
        Some(position) => format!(
            "{file}:{}:{}: {}",
            position.line, position.column, problem.message
        ),
        None => format!("{file}: {}", problem.message),
    }
}

fn problems_for_chat(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|problem| format!("- {}", problem_for_chat(problem)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What moderators are told when a save, an edit or a removal was refused or failed.
pub fn change_refused(error: &ChangeError) -> String {
    match error {
        ChangeError::Embedded => NOT_EDITABLE.to_owned(),
        ChangeError::Store(error) => match error {
            StoreError::InvalidId(_)
            | StoreError::Exists(_)
            | StoreError::NotFound(_)
            | StoreError::Untranslated { .. }
            | StoreError::EnglishTranslation => format!("Not saved: {error}."),
            StoreError::Invalid(problems) => format!(
                "Not saved: the answers would not be valid.\n{}",
                problems_for_chat(problems)
            ),
            StoreError::Edit(_) => {
                error!(error = %error, "an answer file could not be edited from Discord");
                "Not saved: that answer's file is not TOML the bot can edit; fix the file by hand."
                    .to_owned()
            }
            StoreError::File(_) => format!(
                "Not saved. {}",
                internal("an answer file could not be written", error)
            ),
        },
    }
}

/// What moderators are told when a reload was refused: the old answers stay live.
pub fn reload_refused(error: &ReloadError) -> String {
    let why = match error {
        ReloadError::Embedded => return NOT_EDITABLE.to_owned(),
        ReloadError::Config(ConfigError::Invalid(problems)) => format!(
            "the config file is not valid:\n{}",
            problems_for_chat(problems)
        ),
        ReloadError::Answers(LoadError::Invalid(problems)) => format!(
            "{} problem(s) in the answer files:\n{}",
            problems.len(),
            problems_for_chat(problems)
        ),
        other => {
            internal("the answers could not be reloaded", other);
            "the files could not be read (details in the bot's log)".to_owned()
        }
    };
    format!("Not reloaded; the previous answers stay live: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Position;
    use crate::file_error::FileError;
    use std::path::Path;

    const SERVER_PATH: &str = "/srv/gfmd/responses";

    fn problem() -> Problem {
        Problem::at(
            &format!("{SERVER_PATH}/timeline.toml"),
            Position { line: 2, column: 9 },
            "expected a string",
        )
    }

    #[test]
    fn problems_name_the_file_without_its_folder() {
        assert_eq!(
            problem_for_chat(&problem()),
            "timeline.toml:2:9: expected a string"
        );
    }

    #[test]
    fn no_refusal_carries_a_server_path() {
        let io = || std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let texts = [
            change_refused(&ChangeError::Store(StoreError::Invalid(vec![problem()]))),
            change_refused(&ChangeError::Store(StoreError::File(FileError::write(
                Path::new(&format!("{SERVER_PATH}/x.toml")),
                io(),
            )))),
            change_refused(&ChangeError::Store(StoreError::Edit(format!(
                "{SERVER_PATH}/x.toml: bad"
            )))),
            reload_refused(&ReloadError::Answers(LoadError::Invalid(vec![problem()]))),
            reload_refused(&ReloadError::Answers(LoadError::File(FileError::read(
                Path::new(SERVER_PATH),
                io(),
            )))),
            reload_refused(&ReloadError::Config(ConfigError::Invalid(vec![
                Problem::in_file(&format!("{SERVER_PATH}/config.toml"), "unknown key"),
            ]))),
        ];
        for text in texts {
            assert!(!text.contains(SERVER_PATH), "{text}");
            assert!(!text.is_empty());
        }
    }

    #[test]
    fn a_user_error_says_what_is_wrong() {
        let text = change_refused(&ChangeError::Store(StoreError::Exists("timeline".into())));
        assert!(
            text.contains("timeline") && text.starts_with("Not saved"),
            "{text}"
        );
    }
}
