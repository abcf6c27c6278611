//! Live reload: rebuilds the knowledge (answers + matcher) from `responses_dir` and the config
//! file, off the hot path, and swaps it in whole. A broken edit keeps the old set live and is
//! reported with file and line. A file watcher (notify, debounced) triggers reloads on change.

use crate::answers::{Answer, LoadError};
use crate::config::{Config, ConfigError};
use crate::knowledge::Knowledge;
use arc_swap::ArcSwap;
use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// What a successful reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadReport {
    /// Answers now live.
    pub answers: usize,
    /// Answers added, removed or edited.
    pub changed: usize,
}

impl std::fmt::Display for ReloadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} answers loaded, {} changed",
            self.answers, self.changed
        )
    }
}

/// Why a reload was refused; the old answers stay live.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The config file is broken.
    #[error("config not reloaded: {0}")]
    Config(#[from] ConfigError),
    /// The answer set is broken.
    #[error("answers not reloaded: {0}")]
    Answers(#[from] LoadError),
    /// There is nothing to reload from.
    #[error("answers are built into the binary; set responses_dir to edit them live")]
    Embedded,
}

/// Reloads one live knowledge from its files.
pub struct Reloader {
    config_path: Option<PathBuf>,
    config: Config,
    env: Vec<(String, String)>,
    knowledge: Arc<ArcSwap<Knowledge>>,
}

impl Reloader {
    /// A reloader for the config read from `config_path` (if any) as `config`, serving
    /// `knowledge`. Environment overrides in force now are kept for later reloads.
    pub fn new(
        config_path: Option<PathBuf>,
        config: Config,
        knowledge: Arc<ArcSwap<Knowledge>>,
    ) -> Self {
        let env = crate::config::env::ALL
            .iter()
            .filter_map(|name| {
                std::env::var(name)
                    .ok()
                    .map(|value| (name.to_string(), value))
            })
            .collect();
        Self {
            config_path,
            config,
            env,
            knowledge,
        }
    }

    /// The live knowledge.
    pub fn knowledge(&self) -> &Arc<ArcSwap<Knowledge>> {
        &self.knowledge
    }

    /// The answers directory being served, if any.
    pub fn responses_dir(&self) -> Option<&Path> {
        self.config.responses_dir.as_deref()
    }

    /// Reads the config file again (matcher settings and `responses_dir` take effect; other
    /// keys need a restart), loads and validates the whole answer set, and swaps it in. Blocking:
    /// call it from a blocking thread.
    pub fn reload_now(&self) -> Result<ReloadReport, ReloadError> {
        let config = match &self.config_path {
            Some(path) => {
                let mut config = Config::load(path)?;
                config.apply_env(|name| {
                    self.env
                        .iter()
                        .find(|(key, _)| key == name)
                        .map(|(_, value)| value.clone())
                })?;
                config
            }
            None => self.config.clone(),
        };
        if config.responses_dir.is_none() {
            return Err(ReloadError::Embedded);
        }
        let fresh = Knowledge::load(&config)?;
        let changed = count_changes(
            self.knowledge.load().answers().answers(),
            fresh.answers().answers(),
        );
        let report = ReloadReport {
            answers: fresh.answers().len(),
            changed,
        };
        self.knowledge.store(Arc::new(fresh));
        Ok(report)
    }

    /// Watches `responses_dir` and the config file; after `debounce` of quiet following a change,
    /// reloads and hands the result to `on_reload` (on the watcher's thread). Keep the returned
    /// watcher alive for as long as reloading should happen.
    pub fn watch(
        self: Arc<Self>,
        debounce: Duration,
        on_reload: impl Fn(Result<ReloadReport, ReloadError>) + Send + 'static,
    ) -> notify::Result<Debouncer<notify::RecommendedWatcher>> {
        let dir = self.responses_dir().map(Path::to_path_buf);
        let config_path = self.config_path.clone();
        let reloader = Arc::clone(&self);
        let mut debouncer = new_debouncer(debounce, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let relevant = events
                .iter()
                .any(|event| is_watched_file(&event.path, dir.as_deref(), config_path.as_deref()));
            if relevant {
                on_reload(reloader.reload_now());
            }
        })?;
        if let Some(dir) = self.responses_dir() {
            debouncer
                .watcher()
                .watch(dir, RecursiveMode::NonRecursive)?;
        }
        if let Some(parent) = self.config_path.as_deref().and_then(config_folder) {
            debouncer
                .watcher()
                .watch(&parent, RecursiveMode::NonRecursive)?;
        }
        Ok(debouncer)
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
fn is_watched_file(path: &Path, dir: Option<&Path>, config: Option<&Path>) -> bool {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    let is_config = config.is_some_and(|config| {
        config.file_name() == path.file_name()
            && config_folder(config).and_then(|folder| folder.canonicalize().ok())
                == path.parent().and_then(|parent| parent.canonicalize().ok())
    });
    let in_dir = dir.is_some_and(|dir| {
        dir.canonicalize().ok() == path.parent().and_then(|parent| parent.canonicalize().ok())
    });
    is_config || (in_dir && name.ends_with(".toml") && !name.starts_with('.'))
}

/// Answers added, removed, or whose content differs (positions in the file do not count).
fn count_changes(old: &[Answer], new: &[Answer]) -> usize {
    let same = |a: &Answer, b: &Answer| {
        let mut a = a.clone();
        a.origin = b.origin.clone();
        a == *b
    };
    let removed_or_edited = old
        .iter()
        .filter(|answer| {
            !new.iter()
                .any(|other| other.id == answer.id && same(answer, other))
        })
        .count();
    let added = new
        .iter()
        .filter(|answer| !old.iter().any(|other| other.id == answer.id))
        .count();
    removed_or_edited + added
}
