//! Writing one file so that a crash leaves the old file or the new one, never a mix: a hidden
//! temp file in the same folder, fsync, rename, fsync the folder.

use crate::file_error::FileError;
use std::io::Write;
use std::path::Path;

/// Whether the file is new (and must not replace one that appeared meanwhile) or replaces an
/// existing file (and keeps its permissions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    /// A new file.
    New,
    /// An existing file.
    Existing,
}

/// Why a write failed.
pub(super) enum WriteError {
    /// A new file's name was taken between the check and the rename.
    Taken,
    /// Reading, writing or renaming a file failed.
    File(FileError),
}

/// Writes `text` to a hidden temp file beside `path`, flushes it to disk, renames it to `path`
/// and flushes the folder, so a crash leaves the old file or the new one, never a mix (the
/// loader skips hidden files, so a leftover temp file is ignored). A new file gets the
/// permissions any new file gets and never replaces one that appeared meanwhile; an edited file
/// keeps its permissions.
pub(super) fn write_atomically(path: &Path, text: &str, mode: Target) -> Result<(), WriteError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| WriteError::File(FileError::write(&path, source))
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".").suffix(".tmp");
    #[cfg(unix)]
    if mode == Target::New {
        use std::os::unix::fs::PermissionsExt;
        // As `File::create` does: read-write for all, less the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).map_err(io(dir))?;
    if mode == Target::Existing {
        let permissions = std::fs::metadata(path).map_err(io(path))?.permissions();
        temp.as_file()
            .set_permissions(permissions)
            .map_err(io(temp.path()))?;
    }
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(io(temp.path()))?;
    match mode {
        Target::Existing => temp.persist(path).map(drop).map_err(|error| error.error),
        Target::New => temp
            .persist_noclobber(path)
            .map(drop)
            .map_err(|error| error.error),
    }
    .map_err(|source| match source.kind() {
        std::io::ErrorKind::AlreadyExists if mode == Target::New => WriteError::Taken,
        _ => WriteError::File(FileError::rename(path, source)),
    })?;
    sync_dir(dir).map_err(io(dir))
}

/// Flushes a folder's entries (a rename into it) to disk.
pub(super) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}
