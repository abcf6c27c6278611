//! Question ids chosen by the recorder, before anything is written: the Unix time in
//! milliseconds shifted left by 20 bits, plus 20 bits that start at a random value per process
//! and count up. Ids from one process are strictly increasing, so they never collide there; two
//! processes (the bot and `ask --record`) would have to record in the same millisecond with the
//! same 20 random bits (about one chance in a million) to collide, and then the later question
//! is skipped rather than overwriting the first. They stay positive `i64`s until the year 2248.

use super::model::{RecordId, UnixMillis};
use std::sync::atomic::{AtomicI64, Ordering};

/// Bits below the millisecond time.
const LOW_BITS: u32 = 20;

/// Hands out [`RecordId`]s.
#[derive(Debug)]
pub struct IdSource {
    last: AtomicI64,
    salt: i64,
}

impl IdSource {
    /// A source whose low bits start at a random value.
    pub fn new() -> Self {
        let mut bytes = [0u8; 4];
        // Without randomness the ids are still unique within this process.
        let _ = getrandom::fill(&mut bytes);
        let salt = i64::from(u32::from_le_bytes(bytes) & ((1 << LOW_BITS) - 1));
        Self {
            last: AtomicI64::new(0),
            salt,
        }
    }

    /// The next id at time `now`: larger than every id handed out before.
    pub fn next(&self, now: UnixMillis) -> RecordId {
        let candidate = (now.max(0) << LOW_BITS) | self.salt;
        let mut last = self.last.load(Ordering::Relaxed);
        loop {
            let id = candidate.max(last + 1);
            match self
                .last
                .compare_exchange_weak(last, id, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return RecordId(id),
                Err(current) => last = current,
            }
        }
    }
}

impl Default for IdSource {
    fn default() -> Self {
        Self::new()
    }
}

/// The time an id was handed out, in milliseconds (for tests and debugging).
pub fn millis_of(id: RecordId) -> UnixMillis {
    id.0 >> LOW_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_increase_even_within_one_millisecond_and_carry_the_time() {
        let source = IdSource::new();
        let now = 1_750_000_000_000;
        let ids: Vec<RecordId> = (0..1000).map(|_| source.next(now)).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(millis_of(ids[0]), now);
        assert!(
            source.next(now - 5) > ids[999],
            "a clock going back never repeats an id"
        );
        let far = (1_i64 << 43) - 1;
        assert!(source.next(far).0 > 0, "positive until 2248");
    }
}
