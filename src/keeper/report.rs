//! What a reload did, why it was refused, and how the answers folder is recognised as unchanged.

use crate::answers::{Answer, LoadError, SourceFile};
use crate::config::ConfigError;
use std::hash::{DefaultHasher, Hash, Hasher};

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

/// Why a reload was refused; the old answers stay live. The message includes the cause and there
/// is no `source()`, so `{:#}` says it once.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    /// The config file is broken.
    #[error("config not reloaded: {0}")]
    Config(ConfigError),
    /// The answer set is broken.
    #[error("answers not reloaded: {0}")]
    Answers(LoadError),
    /// There is nothing to reload from.
    #[error("answers are built into the binary; set responses_dir to edit them live")]
    Embedded,
}

impl From<ConfigError> for ReloadError {
    fn from(error: ConfigError) -> Self {
        Self::Config(error)
    }
}

impl From<LoadError> for ReloadError {
    fn from(error: LoadError) -> Self {
        Self::Answers(error)
    }
}

/// Answers added, removed, or whose content differs (positions in the file do not count).
pub(super) fn count_changes(old: &[Answer], new: &[Answer]) -> usize {
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

/// A fingerprint of everything a reload reads: the config file's text and every answer file's
/// name and text. Equal fingerprints mean a reload would build the same set.
pub(super) fn fingerprint(config_text: Option<&str>, sources: &[SourceFile]) -> u64 {
    let mut hasher = DefaultHasher::new();
    config_text.hash(&mut hasher);
    for source in sources {
        source.name.hash(&mut hasher);
        source.text.hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_any_file_or_the_config() {
        let one = [SourceFile::new("a.toml", "x = 1")];
        let base = fingerprint(Some("c"), &one);
        assert_eq!(base, fingerprint(Some("c"), &one));
        assert_ne!(base, fingerprint(Some("d"), &one));
        assert_ne!(base, fingerprint(None, &one));
        assert_ne!(
            base,
            fingerprint(Some("c"), &[SourceFile::new("a.toml", "x = 2")])
        );
        assert_ne!(
            base,
            fingerprint(Some("c"), &[SourceFile::new("b.toml", "x = 1")])
        );
    }
}
