//! The file watcher: notify, debounced, over the answers folder and the config file's folder.
//! It only reports that something relevant changed; the [`super::Keeper`] decides what to do.

use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A running watcher and the folders it watches.
pub(super) struct FolderWatch {
    debouncer: Debouncer<notify::RecommendedWatcher>,
    answers_dir: Option<PathBuf>,
}

impl FolderWatch {
    /// Watches `answers_dir` and the folder of `config_path`; after `debounce` of quiet following
    /// events, calls `on_events` with the paths that changed (on the watcher's thread).
    pub(super) fn start(
        answers_dir: Option<&Path>,
        config_path: Option<&Path>,
        debounce: Duration,
        on_events: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> notify::Result<Self> {
        let mut debouncer =
            new_debouncer(debounce, move |result: DebounceEventResult| match result {
                Ok(events) => on_events(events.into_iter().map(|event| event.path).collect()),
                Err(error) => tracing::warn!(%error, "the answer-file watcher reported an error"),
            })?;
        if let Some(parent) = config_path.and_then(config_folder) {
            debouncer
                .watcher()
                .watch(&parent, RecursiveMode::NonRecursive)?;
        }
        let mut watch = Self {
            debouncer,
            answers_dir: None,
        };
        watch.point_at(answers_dir)?;
        Ok(watch)
    }

    /// Watches `dir` instead of the answers folder watched so far.
    pub(super) fn point_at(&mut self, dir: Option<&Path>) -> notify::Result<()> {
        if self.answers_dir.as_deref() == dir {
            return Ok(());
        }
        if let Some(old) = self.answers_dir.take() {
            // The old folder may be gone already; nothing to undo then.
            let _ = self.debouncer.watcher().unwatch(&old);
        }
        if let Some(dir) = dir {
            self.debouncer
                .watcher()
                .watch(dir, RecursiveMode::NonRecursive)?;
            self.answers_dir = Some(dir.to_path_buf());
        }
        Ok(())
    }

    /// The answers folder being watched.
    pub(super) fn answers_dir(&self) -> Option<&Path> {
        self.answers_dir.as_deref()
    }
}

/// The folder holding the config file (watched instead of the file, so that editors that save by
/// renaming are seen).
fn config_folder(path: &Path) -> Option<PathBuf> {
    let parent = path.parent()?;
    Some(if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_path_buf()
    })
}

/// A visible `.toml` file directly in the answers folder, or the config file itself.
pub(super) fn is_watched_file(path: &Path, dir: Option<&Path>, config: Option<&Path>) -> bool {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    let parent = || path.parent().and_then(|parent| parent.canonicalize().ok());
    let is_config = config.is_some_and(|config| {
        config.file_name() == path.file_name()
            && config_folder(config).and_then(|folder| folder.canonicalize().ok()) == parent()
    });
    let in_dir = dir.is_some_and(|dir| dir.canonicalize().ok() == parent());
    is_config || (in_dir && name.ends_with(".toml") && !name.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_visible_answer_files_and_the_config_file_are_watched() {
        let dir = tempfile::tempdir().unwrap();
        let answers = dir.path().join("responses");
        std::fs::create_dir(&answers).unwrap();
        let config = dir.path().join("config.toml");
        let watched = |path: &Path| is_watched_file(path, Some(&answers), Some(&config));
        assert!(watched(&answers.join("timeline.toml")));
        assert!(watched(&config));
        assert!(!watched(&answers.join(".timeline.toml.tmp")));
        assert!(!watched(&answers.join("notes.md")));
        assert!(!watched(&dir.path().join("other.toml")));
    }
}
