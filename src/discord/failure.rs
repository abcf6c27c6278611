//! What members and moderators are told when something goes wrong, kept apart from what the log
//! gets. A user error says what to do; an internal error is logged at error level with its
//! context and the member sees a short generic sentence. Nothing sent to Discord carries a path
//! of the server's file system: file problems name the file only (`timeline.toml:2:9`).

use crate::answers::{LoadError, Problem};
use crate::config::ConfigError;
use crate::keeper::{ChangeError, ReloadError};
use crate::locale::Lang;
use crate::store::StoreError;
use crate::wording::{fill, fill_all, Told};
use tracing::error;

/// Said when something failed inside the bot; the details are in its log.
pub const INTERNAL: &str = "Something went wrong on the bot's side; the details are in its log.";

/// Logs an internal failure with its context and returns what the member is told.
pub fn internal(context: &str, error: &dyn std::fmt::Display) -> String {
    log_internal(context, error);
    INTERNAL.to_owned()
}

/// Logs an internal failure with its context; what a moderator is told is
/// [`crate::wording::ChangeWording::internal`] in their language.
pub fn log_internal(context: &str, error: &dyn std::fmt::Display) {
    error!(error = %format!("{error:#}"), "{context}");
}

/// Logs an internal failure with its context and tells a moderator reading `lang` that
/// something went wrong (in English for the log channel).
pub fn internal_told(context: &str, error: &dyn std::fmt::Display, lang: Lang) -> Told {
    log_internal(context, error);
    Told::new(lang, |words| words.changes.internal.to_owned())
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

/// What moderators are told when a save, an edit or a removal was refused or failed: the
/// moderator reading `lang`, and the log channel in English. The store's own reason and the
/// files' problems stay as they are (English, naming the file and line).
pub fn change_refused(error: &ChangeError, lang: Lang) -> Told {
    match error {
        ChangeError::Store(StoreError::Edit(_)) => {
            error!(error = %error, "an answer file could not be edited from Discord");
        }
        ChangeError::Store(error @ StoreError::File(_)) => {
            log_internal("an answer file could not be written", error);
        }
        _ => {}
    }
    Told::new(lang, |words| {
        let changes = words.changes;
        match error {
            ChangeError::Embedded => changes.not_editable.to_owned(),
            ChangeError::Store(error) => match error {
                StoreError::InvalidId(_)
                | StoreError::Exists(_)
                | StoreError::NotFound(_)
                | StoreError::Untranslated { .. }
                | StoreError::EnglishTranslation => fill(changes.not_saved, error),
                StoreError::Invalid(problems) => {
                    fill(changes.not_saved_invalid, problems_for_chat(problems))
                }
                StoreError::Edit(_) => changes.not_saved_unparsable.to_owned(),
                StoreError::File(_) => fill(changes.not_saved_failed, changes.internal),
            },
        }
    })
}

/// What moderators are told when a reload was refused (the old answers stay live): the
/// moderator reading `lang`, and the log channel in English.
pub fn reload_refused(error: &ReloadError, lang: Lang) -> Told {
    let known = matches!(
        error,
        ReloadError::Embedded
            | ReloadError::Config(ConfigError::Invalid(_))
            | ReloadError::Answers(LoadError::Invalid(_))
    );
    if !known {
        log_internal("the answers could not be reloaded", error);
    }
    Told::new(lang, |words| {
        let changes = words.changes;
        let why = match error {
            ReloadError::Embedded => return changes.not_editable.to_owned(),
            ReloadError::Config(ConfigError::Invalid(problems)) => {
                fill(changes.config_invalid, problems_for_chat(problems))
            }
            ReloadError::Answers(LoadError::Invalid(problems)) => fill_all(
                changes.answers_invalid,
                &[&problems.len(), &problems_for_chat(problems)],
            ),
            _ => changes.unreadable.to_owned(),
        };
        fill(changes.not_reloaded, why)
    })
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
            change_refused(
                &ChangeError::Store(StoreError::Invalid(vec![problem()])),
                Lang::Fr,
            ),
            change_refused(
                &ChangeError::Store(StoreError::File(FileError::write(
                    Path::new(&format!("{SERVER_PATH}/x.toml")),
                    io(),
                ))),
                Lang::Es,
            ),
            change_refused(
                &ChangeError::Store(StoreError::Edit(format!("{SERVER_PATH}/x.toml: bad"))),
                Lang::Fr,
            ),
            reload_refused(
                &ReloadError::Answers(LoadError::Invalid(vec![problem()])),
                Lang::Es,
            ),
            reload_refused(
                &ReloadError::Answers(LoadError::File(FileError::read(
                    Path::new(SERVER_PATH),
                    io(),
                ))),
                Lang::Fr,
            ),
            reload_refused(
                &ReloadError::Config(ConfigError::Invalid(vec![Problem::in_file(
                    &format!("{SERVER_PATH}/config.toml"),
                    "unknown key",
                )])),
                Lang::En,
            ),
        ];
        for told in texts {
            for text in [told.moderator, told.english] {
                assert!(!text.contains(SERVER_PATH), "{text}");
                assert!(!text.is_empty());
            }
        }
    }

    #[test]
    fn a_user_error_says_what_is_wrong() {
        let error = ChangeError::Store(StoreError::Exists("timeline".into()));
        let text = change_refused(&error, Lang::En).moderator;
        assert!(
            text.contains("timeline") && text.starts_with("Not saved"),
            "{text}"
        );
    }

    #[test]
    fn a_french_or_spanish_moderator_reads_the_refusal_in_their_language_and_the_log_in_english() {
        let invalid = ReloadError::Answers(LoadError::Invalid(vec![problem()]));
        let french = reload_refused(&invalid, Lang::Fr);
        assert_eq!(
            french.moderator,
            "Non rechargé ; les réponses précédentes restent en ligne : 1 problème(s) dans les \
             fichiers de réponses :\n- timeline.toml:2:9: expected a string"
        );
        assert!(
            french
                .english
                .starts_with("Not reloaded; the previous answers stay live: 1 problem(s)"),
            "{}",
            french.english
        );
        let spanish = change_refused(
            &ChangeError::Store(StoreError::Exists("timeline".into())),
            Lang::Es,
        );
        assert!(
            spanish.moderator.starts_with("No se guardó: ")
                && spanish.moderator.contains("timeline"),
            "{}",
            spanish.moderator
        );
        assert!(spanish.english.starts_with("Not saved: "));
    }
}
