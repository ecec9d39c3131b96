//! Calendar dates and the clock, as waivers, reports and the evidence
//! ledger use them: ISO `YYYY-MM-DD` dates in UTC, so that an expiry falls
//! on the same day on every CI runner, and one clock that `ASSURE_NOW` can
//! set for tests, which the ledger records as an overridden clock.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use std::sync::OnceLock;

/// The environment variable that sets the clock (an RFC 3339 time).
pub const NOW_VARIABLE: &str = "ASSURE_NOW";

/// An ISO date (`2027-03-31`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Where the time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockSource {
    /// The machine's clock.
    System,
    /// `ASSURE_NOW`: a test's clock, never evidence of when a run happened.
    Override,
}

impl ClockSource {
    pub fn name(self) -> &'static str {
        match self {
            ClockSource::System => "system",
            ClockSource::Override => "override",
        }
    }
}

/// `ASSURE_NOW`, read once: `Ok(None)` when unset, an error naming the
/// variable when it is not an RFC 3339 time.
fn overridden() -> &'static Result<Option<DateTime<Utc>>, String> {
    static NOW: OnceLock<Result<Option<DateTime<Utc>>, String>> = OnceLock::new();
    NOW.get_or_init(|| match std::env::var(NOW_VARIABLE) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(format!("{NOW_VARIABLE} is not valid text")),
        Ok(text) => DateTime::parse_from_rfc3339(text.trim())
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|e| {
                format!(
                    "{NOW_VARIABLE}={text:?} is not an RFC 3339 time (2027-03-31T12:00:00Z): {e}"
                )
            }),
    })
}

/// Checked once at start-up: a malformed `ASSURE_NOW` stops assure rather
/// than silently falling back to the real clock.
pub fn check_clock() -> Result<(), String> {
    overridden().as_ref().map(|_| ()).map_err(Clone::clone)
}

/// The current time and where it came from.
pub fn now() -> (DateTime<Utc>, ClockSource) {
    match overridden() {
        Ok(Some(t)) => (*t, ClockSource::Override),
        _ => (Utc::now(), ClockSource::System),
    }
}

/// Today, in UTC.
pub fn today() -> NaiveDate {
    now().0.date_naive()
}

/// A time as the ledger and reports write it: RFC 3339 in UTC, to the
/// millisecond (`2026-11-29T22:15:31.123Z`).
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A time given on the command line: an RFC 3339 time, or a date (its
/// first instant in UTC, or with `end_of_day` its last).
pub fn parse_time(s: &str, end_of_day: bool) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Some(t.with_timezone(&Utc));
    }
    let day = parse_date(s)?;
    let t = if end_of_day {
        day.and_hms_milli_opt(23, 59, 59, 999)?
    } else {
        day.and_hms_opt(0, 0, 0)?
    };
    Some(t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_iso_dates_parse() {
        assert_eq!(
            parse_date(" 2027-03-31 "),
            NaiveDate::from_ymd_opt(2027, 3, 31)
        );
        for bad in ["31/03/2027", "2027-02-30", "next year", ""] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_on_the_command_line_are_instants_or_whole_days() {
        let start = parse_time("2027-03-31", false).unwrap();
        let end = parse_time("2027-03-31", true).unwrap();
        assert_eq!(timestamp(start), "2027-03-31T00:00:00.000Z");
        assert_eq!(timestamp(end), "2027-03-31T23:59:59.999Z");
        assert_eq!(
            timestamp(parse_time("2027-03-31T12:00:00+02:00", false).unwrap()),
            "2027-03-31T10:00:00.000Z"
        );
        assert_eq!(parse_time("March", false), None);
    }
}
