//! Shared by the integration tests: a temporary copy of an answers folder, so that a test can
//! edit, break or add answer files without touching the shipped `responses/`; and running the
//! binary (`binary`).
//!
//! Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod binary;

use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The shipped answers folder, `responses/`.
pub fn shipped_responses() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("responses")
}

/// Copies the `*.toml` files of folder `from` (not its subfolders or other files) into `to`,
/// creating `to` and its parents.
pub fn copy_answer_files(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "toml") {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// A temporary folder holding `responses/`, a copy of an answers folder; removed when dropped.
pub struct AnswersCopy {
    root: TempDir,
}

impl AnswersCopy {
    /// A copy of the shipped answers.
    pub fn shipped() -> Self {
        Self::of(&shipped_responses())
    }

    /// A copy of the answer files of `from` (e.g. a broken fixture).
    pub fn of(from: &Path) -> Self {
        let root = tempfile::tempdir().unwrap();
        copy_answer_files(from, &root.path().join("responses"));
        Self { root }
    }

    /// The copied answers folder, `<root>/responses`.
    pub fn dir(&self) -> PathBuf {
        self.root.path().join("responses")
    }

    /// The temporary folder around the copy (a place for a config file that names `responses`).
    pub fn root(&self) -> &Path {
        self.root.path()
    }
}
