//! Publication dates as found in metadata: ISO 8601 dates and date-times,
//! RFC 2822 (feeds, e-mail exports) and a few common written forms.

use chrono::{DateTime, NaiveDate};

/// The calendar date of a metadata date string, or `None` when it is not one
/// (an impossible date such as 2024-02-30 included). A date-time keeps the
/// date as written, in its own offset: that is the date the outlet printed.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // ISO: "2024-08-06", "2024-08-06T10:00:00Z", "2024-08-06 10:00".
    if s.len() >= 10 && s.is_char_boundary(10) {
        let (head, tail) = s.split_at(10);
        if (tail.is_empty() || tail.starts_with(['T', 't', ' ']))
            && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
        {
            return Some(d);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    const FORMATS: [&str; 6] =
        ["%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y%m%d"];
    FORMATS.iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn iso_dates_and_datetimes() {
        assert_eq!(parse_date("2024-08-06"), d(2024, 8, 6));
        assert_eq!(parse_date("2024-08-06T23:30:00-04:00"), d(2024, 8, 6));
        assert_eq!(parse_date("2024-08-06 10:00"), d(2024, 8, 6));
    }

    #[test]
    fn rfc2822_and_written_forms() {
        assert_eq!(parse_date("Tue, 06 Aug 2024 10:00:00 +0000"), d(2024, 8, 6));
        assert_eq!(parse_date("August 6, 2024"), d(2024, 8, 6));
        assert_eq!(parse_date("6 Aug 2024"), d(2024, 8, 6));
    }

    #[test]
    fn impossible_and_junk_dates_are_none() {
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2024-08-06x"), None);
        assert_eq!(parse_date("é"), None);
    }
}
