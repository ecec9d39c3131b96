//! Calendar dates as waivers and reports use them: ISO `YYYY-MM-DD`, in UTC,
//! so that an expiry falls on the same day on every CI runner.

use chrono::NaiveDate;

/// An ISO date (`2027-03-31`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Today, in UTC.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
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
}
