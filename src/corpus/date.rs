//! Publication dates as found in metadata: ISO 8601 dates and date-times,
//! RFC 2822 (feeds, e-mail exports) and a few common written forms.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

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

/// A full date written inside a line of page furniture ("Published: July
/// 28, 2004 at 1:24 PM", "AUGUST 2, 2013 | 08:06AM PT", "9 September 2013,
/// 14:08", "2013-06-14"). Numeric forms such as "8/2/13" are ambiguous
/// between countries and are not read.
pub fn date_in_line(line: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
        Regex::new(&format!(
            r"(?i)\b(?:(?P<m1>{month})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{month}),?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b"
        ))
        .expect("date-in-line pattern is valid")
    });
    let c = re.captures(line)?;
    let get = |name: &str| c.name(name).map(|m| m.as_str());
    let num = |name: &str| get(name).and_then(|v| v.parse::<u32>().ok());
    let month_of = |m: &str| {
        let m = m.to_lowercase();
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            .iter()
            .position(|p| m.starts_with(p))
            .map(|i| i as u32 + 1)
    };
    let (y, m, d) = if let Some(m) = get("m1") {
        (num("y1")?, month_of(m)?, num("d1")?)
    } else if let Some(m) = get("m2") {
        (num("y2")?, month_of(m)?, num("d2")?)
    } else {
        (num("y3")?, num("m3")?, num("d3")?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
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

    #[test]
    fn a_date_inside_page_furniture() {
        assert_eq!(date_in_line("Published: July 28, 2004 at 1:24 PM"), d(2004, 7, 28));
        assert_eq!(date_in_line("AUGUST 2, 2013 | 08:06AM PT"), d(2013, 8, 2));
        assert_eq!(date_in_line("December 15th, 2008, 7:35 am"), d(2008, 12, 15));
        assert_eq!(date_in_line("9 September 2013, 14:08"), d(2013, 9, 9));
        assert_eq!(date_in_line("14th June 2013"), d(2013, 6, 14));
        assert_eq!(date_in_line("First Published: June 13, 2013 4:59 PM EDT"), d(2013, 6, 13));
        assert_eq!(date_in_line("Updated 2024-03-11 10:00"), d(2024, 3, 11));
        assert_eq!(date_in_line("8/2/13 at 1:30 PM"), None);
        assert_eq!(date_in_line("February 30, 2024"), None);
    }
}
