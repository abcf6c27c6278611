//! The SQLite schema, as versioned migrations (`rusqlite_migration`, which keeps the version in
//! SQLite's `user_version`). Add a migration at the end; never edit a released one.

use rusqlite_migration::{Migrations, M};
use std::sync::LazyLock;

/// Version 1: questions (one row each, clicks and resolution as columns) and votes (one per
/// member per question, deleted with their question).
const V1: &str = "
CREATE TABLE questions (
    id               INTEGER PRIMARY KEY,  -- RecordId, chosen by the recorder
    at               INTEGER NOT NULL,     -- unix milliseconds, UTC
    kind             TEXT    NOT NULL,     -- slash-ask, message, dm, console, ...
    guild_id         INTEGER,
    channel_id       INTEGER,
    member           TEXT,                 -- keyed hash of the Discord user id, never the id
    text             TEXT    NOT NULL,
    decision         TEXT    NOT NULL CHECK (decision IN ('answer', 'suggest', 'abstain')),
    answer_id        TEXT,                 -- given, or the best candidate when not answering
    score            REAL    NOT NULL,
    runner_up_id     TEXT,
    runner_up_score  REAL,
    micros           INTEGER NOT NULL,     -- time taken to decide
    opened_answer_id TEXT,                 -- the suggestion opened, if any
    opened_at        INTEGER,
    not_this_at      INTEGER,              -- 'not this' clicked on the suggestions
    resolved         TEXT CHECK (resolved IN ('phrasing-added', 'answer-added', 'dismissed')),
    resolved_at      INTEGER
);
CREATE INDEX questions_at ON questions (at);
CREATE INDEX questions_member ON questions (member);

CREATE TABLE votes (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    member      TEXT    NOT NULL,
    helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    reason      TEXT CHECK (reason IN ('wrong-answer', 'out-of-date', 'unclear')),
    at          INTEGER NOT NULL,
    PRIMARY KEY (question_id, member)
) WITHOUT ROWID;
CREATE INDEX votes_member ON votes (member);
";

/// Version 2: the language each question was read in (`en`, `fr`, `es`); questions recorded
/// before were all read in English.
const V2: &str = "
ALTER TABLE questions ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'fr', 'es'));
";

/// Every migration, oldest first.
pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(vec![M::up(V1), M::up(V2)]));

/// The schema version this build writes.
pub const LATEST_VERSION: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_migrations_are_valid_and_end_at_the_latest_version() {
        MIGRATIONS.validate().unwrap();
        let mut connection = rusqlite::Connection::open_in_memory().unwrap();
        MIGRATIONS.to_latest(&mut connection).unwrap();
        let version: usize = MIGRATIONS.current_version(&connection).unwrap().into();
        assert_eq!(version, LATEST_VERSION);
    }
}
