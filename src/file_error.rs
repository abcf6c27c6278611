//! [`FileError`]: the one error for "this file or folder could not be read, written or renamed",
//! shared by every module that touches the file system (answers, config, and — once it adopts it
//! — the store), so that the wording is the same everywhere and callers match one type.
//!
//! # Using it
//!
//! Wrap the `std::io::Error` with what was being done and to which path, at the place where the
//! path is known:
//!
//! ```
//! use gfmd_bot::file_error::FileError;
//! use std::path::Path;
//!
//! fn read(path: &Path) -> Result<String, FileError> {
//!     std::fs::read_to_string(path).map_err(|source| FileError::read(path, source))
//! }
//!
//! let error = read(Path::new("no-such-file.toml")).unwrap_err();
//! assert!(error.to_string().starts_with("cannot read no-such-file.toml: "));
//! assert_eq!(error.source.kind(), std::io::ErrorKind::NotFound);
//! ```
//!
//! An error enum holds it as a variant: `#[error(transparent)] File(#[from] FileError)`.
//!
//! # Display and `source()`
//!
//! The message includes the operating system's reason (`cannot read x.toml: No such file or
//! directory (os error 2)`), and [`std::error::Error::source`] returns `None`; the `io::Error`
//! stays reachable as the public field [`FileError::source`]. The Rust error guideline is "either
//! include the cause in the message or return it from `source()`, never both": this crate logs
//! errors with `{}` (tracing's `%error`, reload reports), where a cause left to `source()` would be
//! lost, while the command line prints chains with `{:#}`, where both would print it twice.
//!
//! # Paths
//!
//! The message holds the path as given. Logs and the command line may show it; a reply to a
//! Discord user must not (it would show the server's file system), so a Discord adapter logs this
//! error and tells the user what to do instead.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// What was being done to a file or folder when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileAction {
    /// Reading a file or listing a folder.
    Read,
    /// Creating, writing or flushing a file or folder.
    Write,
    /// Renaming a file, or moving it to another folder.
    Rename,
}

impl FileAction {
    /// The verb in messages: `read`, `write`, `rename`.
    pub fn verb(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Write => "write",
            Self::Rename => "rename",
        }
    }
}

/// A file or folder could not be read, written or renamed. Displays as `cannot <verb> <path>:
/// <reason>`; see the [module documentation](self) for why the reason is in the message.
#[derive(Debug)]
pub struct FileError {
    /// What was being done.
    pub action: FileAction,
    /// The file or folder, as the caller named it.
    pub path: PathBuf,
    /// The operating system's error.
    pub source: io::Error,
}

impl FileError {
    /// A failed `action` on `path`.
    pub fn new(action: FileAction, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self {
            action,
            path: path.into(),
            source,
        }
    }

    /// `path` could not be read (or, for a folder, listed).
    pub fn read(path: &Path, source: io::Error) -> Self {
        Self::new(FileAction::Read, path, source)
    }

    /// `path` could not be created, written or flushed.
    pub fn write(path: &Path, source: io::Error) -> Self {
        Self::new(FileAction::Write, path, source)
    }

    /// `path` could not be renamed or moved.
    pub fn rename(path: &Path, source: io::Error) -> Self {
        Self::new(FileAction::Rename, path, source)
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot {} {}: {}",
            self.action.verb(),
            self.path.display(),
            self.source
        )
    }
}

/// `source()` is `None` on purpose: the reason is already in the message (see the module docs).
impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_action_the_path_and_the_reason_once() {
        let error = FileError::write(
            Path::new("responses/a.toml"),
            io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"),
        );
        assert_eq!(
            error.to_string(),
            "cannot write responses/a.toml: permission denied"
        );
        let chain = format!("{:#}", anyhow::Error::new(error));
        assert_eq!(chain.matches("permission denied").count(), 1, "{chain}");
    }
}
