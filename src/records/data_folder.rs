//! The folder the records live in: created private, since it holds questions and the member key.

use std::io;
use std::path::Path;

/// Creates `folder` and its missing parents; new folders are private (mode 0700), since they
/// hold questions and the member key.
pub(crate) fn create_data_folder(folder: &Path) -> io::Result<()> {
    if folder.as_os_str().is_empty() || folder.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(folder)
}
