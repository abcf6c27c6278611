//! Where the records live: the database file and the member key beside it, as the config names
//! them, and the ways to open them (a recorder for the bot, read-only storage for reports,
//! read-write storage for moderators' actions).

use super::member::MemberKey;
use super::recorder::Recorder;
use super::sqlite::SqliteStorage;
use super::status::Options;
use super::storage::StorageError;
use crate::config::Config;
use std::io;
use std::path::{Path, PathBuf};

/// Name of the member key file, in the database's folder.
pub const KEY_FILE: &str = "member-hash.key";

/// The records' files and retention, resolved from the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFiles {
    /// The SQLite database.
    pub database: PathBuf,
    /// The key that hashes member ids.
    pub key: PathBuf,
    /// `[data] retention_days`.
    pub retention_days: u32,
}

impl DataFiles {
    /// The files named by `config` (read from `config_path`, if any): `[data] database` or
    /// `GFMD_DATABASE` (already applied to `config`), else `data/gfmd-bot.sqlite3` next to the
    /// config file or in the working directory.
    pub fn from_config(config: &Config, config_path: Option<&Path>) -> Self {
        Self::at(
            config.data.database_path(config_path),
            config.data.retention_days,
        )
    }

    /// The files for the database at `database`, the key beside it.
    pub fn at(database: impl Into<PathBuf>, retention_days: u32) -> Self {
        let database = database.into();
        let key = match database.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder.join(KEY_FILE),
            _ => PathBuf::from(KEY_FILE),
        };
        Self {
            database,
            key,
            retention_days,
        }
    }

    /// The member key, created (mode 0600) on first use.
    pub fn member_key(&self) -> io::Result<MemberKey> {
        MemberKey::load_or_create(&self.key)
    }

    /// The writer's options for these files.
    pub fn options(&self) -> Options {
        Options {
            retention_days: self.retention_days,
            ..Options::default()
        }
    }

    /// Starts recording into the database (see [`Recorder::start`]; needs a tokio runtime).
    /// Fails only when the member key can neither be read nor created; database trouble is
    /// the writer's to log and retry.
    pub fn start_recorder(&self) -> io::Result<Recorder> {
        let key = self.member_key().map_err(|error| {
            io::Error::new(error.kind(), format!("{}: {error}", self.key.display()))
        })?;
        let storage = SqliteStorage::new(&self.database);
        Ok(Recorder::start(storage, key, self.options()))
    }

    /// Read-write storage, connected now (for moderators' actions such as resolving a group).
    pub fn open(&self) -> Result<SqliteStorage, StorageError> {
        SqliteStorage::open(&self.database)
    }

    /// Read-only storage for reports; fails when there is no database yet.
    pub fn open_read_only(&self) -> Result<SqliteStorage, StorageError> {
        SqliteStorage::open_read_only(&self.database)
    }
}
