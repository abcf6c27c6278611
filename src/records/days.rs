//! Calendar days in UTC, for "the last N days" and the daily series.

use super::model::UnixMillis;
use serde::Serialize;

/// Milliseconds in a day.
pub const DAY_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// Days since 1970-01-01 (UTC) of a moment.
pub fn day_of(at: UnixMillis) -> i64 {
    at.div_euclid(DAY_MILLIS)
}

/// A day number as `YYYY-MM-DD`.
pub fn date(day: i64) -> String {
    i32::try_from(UNIX_EPOCH_JULIAN_DAY + day)
        .ok()
        .and_then(|julian| time::Date::from_julian_day(julian).ok())
        .map_or_else(|| format!("day {day}"), |date| date.to_string())
}

/// The last `days` calendar days (UTC), today included: `--days 1` is today so far. Serialized
/// as `{"days", "from", "to"}` with `YYYY-MM-DD` dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// How many days.
    pub days: u32,
    /// First day (days since 1970-01-01).
    pub first_day: i64,
    /// Last day: today.
    pub last_day: i64,
}

impl Window {
    /// The `days` days ending with the day of `now` (at least one).
    pub fn last_days(days: u32, now: UnixMillis) -> Self {
        let days = days.max(1);
        let last_day = day_of(now);
        Self {
            days,
            first_day: last_day - i64::from(days) + 1,
            last_day,
        }
    }

    /// The first moment in the window.
    pub fn since(&self) -> UnixMillis {
        self.first_day * DAY_MILLIS
    }

    /// Whether `at` falls in the window.
    pub fn contains(&self, at: UnixMillis) -> bool {
        (self.first_day..=self.last_day).contains(&day_of(at))
    }

    /// Every day of the window, oldest first.
    pub fn each_day(&self) -> impl Iterator<Item = i64> {
        self.first_day..=self.last_day
    }
}

impl Serialize for Window {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut window = serializer.serialize_struct("Window", 3)?;
        window.serialize_field("days", &self.days)?;
        window.serialize_field("from", &date(self.first_day))?;
        window.serialize_field("to", &date(self.last_day))?;
        window.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_utc_calendar_days() {
        assert_eq!(date(0), "1970-01-01");
        // 2024-02-29T23:59:59.999Z and the next millisecond.
        let leap = 1_709_251_199_999;
        assert_eq!(date(day_of(leap)), "2024-02-29");
        assert_eq!(date(day_of(leap + 1)), "2024-03-01");
        assert_eq!(date(day_of(-1)), "1969-12-31");
        let window = Window::last_days(7, leap + 1);
        assert_eq!(date(window.first_day), "2024-02-24");
        assert!(window.contains(window.since()));
        assert!(!window.contains(window.since() - 1));
        assert_eq!(window.each_day().count(), 7);
    }
}
