//! Members are recorded only as a keyed hash of their Discord user id (BLAKE3 in keyed mode,
//! truncated to 128 bits), never as the id. The 32-byte key is drawn from the operating
//! system's CSPRNG into the data folder on first run (mode 0600) and reused, so the same member
//! always has the same hash and `/gfmd forget-me` can find their rows; without the key file the
//! hashes cannot be linked back to anyone.

use serde::Serialize;
use std::fmt;
use std::io::{self, Write};
use std::path::Path;

/// Length of the key, in bytes.
pub const KEY_BYTES: usize = 32;
/// Bytes of the keyed hash that are kept (written as twice as many hex digits).
const HASH_BYTES: usize = 16;
/// Domain separation: what is hashed is this prefix and the id's decimal digits.
const CONTEXT: &[u8] = b"gfmd-bot discord user id:";

/// A member as a keyed hash: 32 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct MemberHash(String);

impl MemberHash {
    /// The hash as stored (32 hex digits).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A hash as read back from storage or a custom id; `None` unless it is 32 hex digits.
    pub fn parse(text: &str) -> Option<Self> {
        let valid = text.len() == HASH_BYTES * 2
            && text
                .bytes()
                .all(|byte| byte.is_ascii_digit() || (b'a'..=b'f').contains(&byte));
        valid.then(|| Self(text.to_owned()))
    }
}

impl fmt::Display for MemberHash {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// The secret key that turns Discord user ids into [`MemberHash`]es.
#[derive(Clone)]
pub struct MemberKey {
    key: [u8; KEY_BYTES],
}

impl fmt::Debug for MemberKey {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("MemberKey(..)")
    }
}

impl MemberKey {
    /// A key from raw bytes (tests, or a key kept elsewhere).
    pub fn from_bytes(key: [u8; KEY_BYTES]) -> Self {
        Self { key }
    }

    /// A fresh key from the operating system's CSPRNG.
    pub fn generate() -> io::Result<Self> {
        let mut key = [0u8; KEY_BYTES];
        getrandom::fill(&mut key).map_err(|error| io::Error::other(error.to_string()))?;
        Ok(Self { key })
    }

    /// Reads the key at `path`, or creates it there (and its folder, mode 0700) when there is
    /// none. A new
    /// key is written to a private temporary file (mode 0600) and linked into place without
    /// replacing an existing file, so two processes starting at once agree on one key.
    pub fn load_or_create(path: &Path) -> io::Result<Self> {
        match Self::read(path) {
            Ok(key) => return Ok(key),
            Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
            Err(_) => {}
        }
        let folder = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        super::data_folder::create_data_folder(folder)?;
        let key = Self::generate()?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".member-key-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o600));
        }
        let mut temporary = builder.tempfile_in(folder)?;
        temporary.write_all(&key.key)?;
        temporary.as_file().sync_all()?;
        match std::fs::hard_link(temporary.path(), path) {
            Ok(()) => Ok(key),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Self::read(path),
            Err(error) => Err(error),
        }
    }

    fn read(path: &Path) -> io::Result<Self> {
        let bytes = std::fs::read(path)?;
        let key = <[u8; KEY_BYTES]>::try_from(bytes.as_slice()).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{} is not a member key ({} bytes, expected {KEY_BYTES})",
                    path.display(),
                    bytes.len()
                ),
            )
        })?;
        Ok(Self { key })
    }

    /// The hash of a Discord user id.
    pub fn hash(&self, user_id: u64) -> MemberHash {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut hasher = blake3::Hasher::new_keyed(&self.key);
        hasher.update(CONTEXT);
        hasher.update(user_id.to_string().as_bytes());
        let digest = hasher.finalize();
        let hex: String = digest.as_bytes()[..HASH_BYTES]
            .iter()
            .flat_map(|byte| [byte >> 4, byte & 0x0f])
            .map(|nibble| char::from(DIGITS[usize::from(nibble)]))
            .collect();
        MemberHash(hex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_id_hashes_the_same_and_keys_differ() {
        let key = MemberKey::from_bytes([7; KEY_BYTES]);
        let other = MemberKey::from_bytes([8; KEY_BYTES]);
        assert_eq!(key.hash(42), key.hash(42));
        assert_ne!(key.hash(42), key.hash(43));
        assert_ne!(key.hash(42), other.hash(42));
        let hash = key.hash(123_456_789_012_345_678);
        assert_eq!(MemberHash::parse(hash.as_str()), Some(hash.clone()));
        assert!(!hash.as_str().contains("123456789"));
        assert_eq!(MemberHash::parse("123"), None);
    }

    #[test]
    fn a_key_is_created_once_private_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/member.key");
        let first = MemberKey::load_or_create(&path).unwrap();
        let second = MemberKey::load_or_create(&path).unwrap();
        assert_eq!(first.hash(1), second.hash(1));
        assert_eq!(std::fs::read(&path).unwrap().len(), KEY_BYTES);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, b"short").unwrap();
        assert!(MemberKey::load_or_create(&path).is_err());
    }
}
