//! The one keeper of the answers: the knowledge in force, the folder it comes from, the store
//! that writes it, the watcher that sees hand edits, and every reload. Changes take turns (one
//! lock), so a moderator's save and a reload never interleave; a save swaps in the set it
//! validated without reading the folder again, and the watcher's echo of that save is recognised
//! by the folder's fingerprint and costs no reload. When a reload moves `responses_dir`, the
//! store and the watcher move with it. The environment overrides come from the caller (read once
//! by `main`), never from the process here.

mod report;
mod watch;

pub use report::{ReloadError, ReloadReport};

use crate::answers::{read_dir_sources, AnswerSet, SourceFile};
use crate::config::{Config, ConfigError, Environment};
use crate::file_error::FileError;
use crate::knowledge::Knowledge;
use crate::locale::Lang;
use crate::store::{AnswerDraft, SaveMode, Saved, Store, StoreError, TranslationDraft};
use arc_swap::{ArcSwap, Guard};
use report::{count_changes, fingerprint};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, Weak};
use std::time::Duration;
use watch::{is_watched_file, FolderWatch};

/// What the watcher made of a change on disk.
#[derive(Debug)]
pub enum WatchEvent {
    /// The files changed and the new set is live.
    Reloaded(ReloadReport),
    /// The files changed but are broken; the old set stays live.
    Failed(ReloadError),
    /// Something was written, but the files are as last loaded (for example a moderator's own
    /// save): nothing to do.
    Unchanged,
}

/// Why a moderator's change was not made; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// The answers are compiled into the binary.
    #[error("answers are built into the binary; set responses_dir to edit them live")]
    Embedded,
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A moderator's change, made and live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The answer changed.
    pub id: String,
    /// The set now live.
    pub report: ReloadReport,
}

/// The folder side of the keeper, guarded by one lock.
struct Folder {
    config: Config,
    store: Option<Store>,
    /// The config file's text as `config` was parsed from it: `None` without a config file, or
    /// when the text the keeper started with is not known.
    config_text: Option<String>,
    /// Fingerprint of the files as last loaded or tried; `None` when they could not be read (or
    /// the config file's text is not known): the watcher's next look then reloads.
    seen: Option<u64>,
}

/// The answers in force and everything that changes them.
pub struct Keeper {
    knowledge: ArcSwap<Knowledge>,
    config_path: Option<PathBuf>,
    env: Environment,
    folder: Mutex<Folder>,
    watch: Mutex<Option<FolderWatch>>,
    swaps: AtomicU64,
}

impl Keeper {
    /// Loads the answers `config` names (read from `config_path`, with `env` applied) and keeps
    /// them. Later reloads read `config_path` again and apply the same `env`.
    pub fn start(
        config: Config,
        config_path: Option<PathBuf>,
        env: Environment,
    ) -> Result<Self, crate::answers::LoadError> {
        // The files are read once: the set served is built from the very files fingerprinted,
        // so an edit landing while the keeper starts is never taken for one already loaded.
        let (answers, sources) = match &config.responses_dir {
            Some(dir) => {
                let sources = read_dir_sources(dir)?;
                (AnswerSet::from_sources(&sources)?, Some(sources))
            }
            None => (AnswerSet::embedded()?, None),
        };
        let knowledge = Knowledge::new(answers, config.matcher);
        let store = config.responses_dir.clone().map(Store::new);
        let mut keeper = Self {
            knowledge: ArcSwap::from_pointee(knowledge),
            config_path,
            env,
            folder: Mutex::new(Folder {
                config,
                store,
                config_text: None,
                seen: None,
            }),
            watch: Mutex::new(None),
            swaps: AtomicU64::new(0),
        };
        let config_text = keeper.started_config_text();
        let has_config_file = keeper.config_path.is_some();
        let folder = keeper
            .folder
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        folder.config_text = config_text;
        folder.seen = sources.and_then(|sources| folder.fingerprint_of(has_config_file, &sources));
        Ok(keeper)
    }

    /// The config file's text, when the config the keeper was started with is the one it reads
    /// (with the same environment): `None` when there is no config file, or when it cannot be
    /// read, no longer parses, or was changed after the caller read it.
    fn started_config_text(&mut self) -> Option<String> {
        let text = self.config_text()?;
        let folder = self
            .folder
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let path = self.config_path.as_deref()?;
        let mut config = Config::parse_file(path, &text).ok()?;
        config.apply_env(|name| self.env.get(name)).ok()?;
        (config == folder.config).then_some(text)
    }

    /// The knowledge in force: a snapshot that stays whole while the caller holds it.
    pub fn knowledge(&self) -> Guard<Arc<Knowledge>> {
        self.knowledge.load()
    }

    /// How many times a new set has been swapped in since the start.
    pub fn swaps(&self) -> u64 {
        self.swaps.load(Ordering::Relaxed)
    }

    /// The config file the answers were loaded with, if any (other files, such as the records
    /// database, are found relative to it).
    pub fn config_path(&self) -> Option<&Path> {
        self.config_path.as_deref()
    }

    /// The answers folder being served, if any.
    pub fn responses_dir(&self) -> Option<PathBuf> {
        self.lock_folder().config.responses_dir.clone()
    }

    /// Whether the answers come from files that moderators can change.
    pub fn is_editable(&self) -> bool {
        self.lock_folder().store.is_some()
    }

    /// Reads the config file again (matcher settings and `responses_dir` take effect; other keys
    /// need a restart), loads and validates the whole answer set, and swaps it in. Blocking: call
    /// it from a blocking thread.
    pub fn reload(&self) -> Result<ReloadReport, ReloadError> {
        let mut folder = self.lock_folder();
        self.reload_locked(&mut folder)
    }

    /// Reloads only when the files differ from those last loaded or tried; `Ok(None)` when they
    /// do not. This is what the watcher calls.
    pub fn reload_if_changed(&self) -> Result<Option<ReloadReport>, ReloadError> {
        let mut folder = self.lock_folder();
        let now = self.fingerprint_now(&folder);
        if now.is_some() && now == folder.seen {
            return Ok(None);
        }
        self.reload_locked(&mut folder).map(Some)
    }

    /// The current text of answer `id`'s file.
    pub fn read(&self, id: &str) -> Result<String, ChangeError> {
        Ok(self.store()?.read(id)?)
    }

    /// Writes a new or edited answer (validated as the whole set would be, atomically) and puts
    /// the validated set live at once.
    pub fn save(&self, draft: &AnswerDraft, mode: SaveMode) -> Result<Change, ChangeError> {
        let mut folder = self.lock_folder();
        let saved = store_of(&folder)?.save(draft, mode)?;
        Ok(self.serve(&mut folder, draft.id.trim(), saved))
    }

    /// Adds a new answer with its translation ([`Store::save_new_translated`]) and puts the set
    /// live at once.
    pub fn save_new_translated(
        &self,
        draft: &AnswerDraft,
        translation: &TranslationDraft,
    ) -> Result<Change, ChangeError> {
        let mut folder = self.lock_folder();
        let saved = store_of(&folder)?.save_new_translated(draft, translation)?;
        Ok(self.serve(&mut folder, draft.id.trim(), saved))
    }

    /// Adds `phrasing`, a question in `lang`, to answer `id`'s questions in that language and
    /// puts the set live at once.
    pub fn add_phrasing(
        &self,
        id: &str,
        lang: Lang,
        phrasing: &str,
    ) -> Result<Change, ChangeError> {
        let mut folder = self.lock_folder();
        let saved = store_of(&folder)?.add_phrasing(id, lang, phrasing)?;
        Ok(self.serve(&mut folder, id.trim(), saved))
    }

    /// Moves answer `id`'s file to the trash folder and reloads. Returns the change and the name
    /// of the copy kept in the trash (a file name, no folders).
    pub fn remove(&self, id: &str) -> Result<(Change, String), ChangeError> {
        let mut folder = self.lock_folder();
        let trashed = store_of(&folder)?.remove(id)?;
        let kept = trashed
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let report = match self.reload_locked(&mut folder) {
            Ok(report) => report,
            // The store validated the set without the file, so this only fails when the folder
            // changed meanwhile; the file is in the trash either way.
            Err(error) => {
                tracing::error!(error = %format!("{error:#}"), "reload after a removal failed");
                ReloadReport {
                    answers: self.knowledge().answers().len(),
                    changed: 0,
                }
            }
        };
        Ok((
            Change {
                id: id.trim().to_owned(),
                report,
            },
            kept,
        ))
    }

    /// Starts watching the answers folder and the config file: after `debounce` of quiet, changes
    /// are reloaded (unless the files are as last loaded) and reported to `on_event`, on the
    /// watcher's thread. Replaces any earlier watcher; stops when the keeper is dropped.
    pub fn watch(
        self: &Arc<Self>,
        debounce: Duration,
        on_event: impl Fn(WatchEvent) + Send + 'static,
    ) -> notify::Result<()> {
        let keeper: Weak<Self> = Arc::downgrade(self);
        let dir = self.responses_dir();
        let watch = FolderWatch::start(
            dir.as_deref(),
            self.config_path.as_deref(),
            debounce,
            move |paths| {
                let Some(keeper) = keeper.upgrade() else {
                    return;
                };
                if let Some(event) = keeper.on_paths_changed(&paths) {
                    on_event(event);
                }
            },
        )?;
        *lock(&self.watch) = Some(watch);
        Ok(())
    }

    /// The watcher's view of a batch of changed paths.
    fn on_paths_changed(&self, paths: &[PathBuf]) -> Option<WatchEvent> {
        let dir = self.responses_dir();
        let relevant = paths
            .iter()
            .any(|path| is_watched_file(path, dir.as_deref(), self.config_path.as_deref()));
        if !relevant {
            return None;
        }
        Some(match self.reload_if_changed() {
            Ok(Some(report)) => WatchEvent::Reloaded(report),
            Ok(None) => WatchEvent::Unchanged,
            Err(error) => WatchEvent::Failed(error),
        })
    }

    fn reload_locked(&self, folder: &mut Folder) -> Result<ReloadReport, ReloadError> {
        let Loaded { seen, outcome } = self.load_locked(folder);
        // A broken state is reported once: the watcher tries it again only when the files
        // differ from the ones this load read (not the folder as it is a moment later, when a
        // file caught half-written may be whole: that edit would never be loaded).
        folder.seen = seen;
        let (config, config_text, set) = outcome?;
        let moved = folder.config.responses_dir != config.responses_dir;
        folder.config = config;
        folder.config_text = config_text;
        if moved {
            if let Some(dir) = folder.config.responses_dir.clone() {
                folder.store = Some(Store::new(dir.clone()));
                self.point_watch_at(&dir);
            }
        }
        Ok(self.swap_in(folder, set))
    }

    /// Reads the config and validates the answer set it names, changing nothing, with the
    /// fingerprint of the files read, whether they make a valid set or not.
    fn load_locked(&self, folder: &Folder) -> Loaded {
        // Without answer files read by the config's lights, the folder as it stands now.
        let as_now = |error: ReloadError| Loaded {
            seen: self.fingerprint_now(folder),
            outcome: Err(error),
        };
        let (config, config_text) = match self.read_config(folder) {
            Ok(read) => read,
            Err(error) => return as_now(error),
        };
        let Some(dir) = &config.responses_dir else {
            return as_now(ReloadError::Embedded);
        };
        let sources = match read_dir_sources(dir) {
            Ok(sources) => sources,
            Err(error) => return as_now(error.into()),
        };
        let seen = fingerprint(config_text.as_deref(), &sources);
        match AnswerSet::from_sources(&sources) {
            Ok(set) => Loaded {
                seen: Some(seen),
                outcome: Ok((config, config_text, set)),
            },
            // `reload_if_changed` fingerprints a folder the config moves to only once the move
            // is made: until then, a broken one is remembered as the folder watched now.
            Err(error) if config.responses_dir != folder.config.responses_dir => {
                as_now(error.into())
            }
            Err(error) => Loaded {
                seen: Some(seen),
                outcome: Err(error.into()),
            },
        }
    }

    /// Puts the set a moderator's change validated live, and remembers the files it was built
    /// from with the config as last loaded: a hand edit that lands after the store read the
    /// folder, or a config edit not yet reloaded, still differs and is loaded by the watcher.
    fn serve(&self, folder: &mut Folder, id: &str, saved: Saved) -> Change {
        folder.seen = folder.fingerprint_of(self.config_path.is_some(), &saved.sources);
        let report = self.swap_in(folder, saved.set);
        Change {
            id: id.to_owned(),
            report,
        }
    }

    fn swap_in(&self, folder: &Folder, set: AnswerSet) -> ReloadReport {
        let previous = self.knowledge.load_full();
        let fresh = Knowledge::after(&previous, set, folder.config.matcher);
        let report = ReloadReport {
            answers: fresh.answers().len(),
            changed: count_changes(previous.answers().answers(), fresh.answers().answers()),
        };
        self.knowledge.store(Arc::new(fresh));
        self.swaps.fetch_add(1, Ordering::Relaxed);
        report
    }

    /// The config a reload applies, with the text it was parsed from (read once, so that the
    /// text fingerprinted is the text applied).
    fn read_config(&self, folder: &Folder) -> Result<(Config, Option<String>), ReloadError> {
        let Some(path) = &self.config_path else {
            return Ok((folder.config.clone(), None));
        };
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::from(FileError::read(path, source)))?;
        let mut config = Config::parse_file(path, &text)?;
        config.apply_env(|name| self.env.get(name))?;
        Ok((config, Some(text)))
    }

    fn config_text(&self) -> Option<String> {
        let path = self.config_path.as_ref()?;
        std::fs::read_to_string(path).ok()
    }

    /// The fingerprint of the files a reload would read now, when they can be read.
    fn fingerprint_now(&self, folder: &Folder) -> Option<u64> {
        let dir = folder.config.responses_dir.as_deref()?;
        let sources = read_dir_sources(dir).ok()?;
        Some(fingerprint(self.config_text().as_deref(), &sources))
    }

    fn point_watch_at(&self, dir: &Path) {
        let mut watch = lock(&self.watch);
        let Some(watch) = watch.as_mut() else {
            return;
        };
        match watch.point_at(Some(dir)) {
            Ok(()) => tracing::info!("now watching the new answers folder"),
            Err(error) => tracing::warn!(
                %error,
                "cannot watch the new answers folder; use /gfmd-admin reload"
            ),
        }
    }

    /// The answers folder the watcher watches, if it runs.
    pub fn watched_dir(&self) -> Option<PathBuf> {
        lock(&self.watch)
            .as_ref()
            .and_then(|watch| watch.answers_dir().map(Path::to_path_buf))
    }

    fn store(&self) -> Result<Store, ChangeError> {
        store_of(&self.lock_folder()).cloned()
    }

    fn lock_folder(&self) -> MutexGuard<'_, Folder> {
        lock(&self.folder)
    }
}

impl Folder {
    /// The fingerprint of `sources` with the config file as last loaded; `None` when there is a
    /// config file whose text is not known (the watcher's next look then reloads).
    fn fingerprint_of(&self, has_config_file: bool, sources: &[SourceFile]) -> Option<u64> {
        if has_config_file && self.config_text.is_none() {
            return None;
        }
        Some(fingerprint(self.config_text.as_deref(), sources))
    }
}

/// What one load read: the fingerprint of the files as read (`None` when they could not be
/// read), and the config and answer set they make, or why they make none.
struct Loaded {
    seen: Option<u64>,
    outcome: Result<(Config, Option<String>, AnswerSet), ReloadError>,
}

fn store_of(folder: &Folder) -> Result<&Store, ChangeError> {
    folder.store.as_ref().ok_or(ChangeError::Embedded)
}

/// Locks a mutex, recovering it if a panicking thread poisoned it: the guarded values are
/// replaced whole, never left half-written.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A keeper serving a copy of the shipped answer files in `dir`.
    fn serving_copy(dir: &Path) -> Keeper {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("responses");
        for entry in std::fs::read_dir(shipped).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
            }
        }
        let config = Config {
            responses_dir: Some(dir.to_path_buf()),
            ..Config::default()
        };
        Keeper::start(config, None, Environment::default()).unwrap()
    }

    #[test]
    fn a_failed_load_remembers_the_files_as_it_read_them_not_as_they_are_a_moment_later() {
        let dir = tempfile::tempdir().unwrap();
        let keeper = serving_copy(dir.path());
        let path = dir.path().join("timeline.toml");
        let whole = std::fs::read_to_string(&path).unwrap();
        // The file as a watcher may catch it between an editor's truncation and its write.
        std::fs::write(&path, "").unwrap();
        let folder = keeper.lock_folder();
        let as_read = keeper.fingerprint_now(&folder);
        let loaded = keeper.load_locked(&folder);
        assert!(loaded.outcome.is_err());
        std::fs::write(
            &path,
            whole.replacen("title = ", "title = \"Whole again\" #", 1),
        )
        .unwrap();
        let a_moment_later = keeper.fingerprint_now(&folder);
        assert_ne!(as_read, a_moment_later);
        assert_eq!(loaded.seen, as_read);
    }

    #[test]
    fn a_save_remembers_the_files_it_validated_not_as_they_are_a_moment_later() {
        let dir = tempfile::tempdir().unwrap();
        let keeper = serving_copy(dir.path());
        let mut folder = keeper.lock_folder();
        let saved = folder
            .store
            .as_ref()
            .unwrap()
            .add_phrasing("timeline", Lang::En, "zanzibar quokka timetable")
            .unwrap();
        // A hand edit landing after the store read the folder, before the set is served.
        let path = dir.path().join("nature.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen("title = ", "title = \"Edited by hand\" #", 1),
        )
        .unwrap();
        keeper.serve(&mut folder, "timeline", saved);
        drop(folder);
        assert!(
            keeper.reload_if_changed().unwrap().is_some(),
            "the hand edit is not taken for part of the save"
        );
        let knowledge = keeper.knowledge();
        assert_eq!(
            knowledge.answers().get("nature").unwrap().title,
            "Edited by hand"
        );
    }
}
