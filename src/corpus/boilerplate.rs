//! Lines and markers that belong to the web page or the feed, not to the
//! article: navigation, related-link markers, update notices, photo credits,
//! copyright lines. General rules over the shape of a line, never a list of
//! particular articles' sentences. Whole-line rules only fire on short lines,
//! so a real paragraph is never dropped for starting with a common phrase.

use std::sync::OnceLock;

use regex::Regex;

/// Navigation and widget labels that make up a whole line.
const NAV_LINES: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip navigation",
    "jump to content",
    "menu",
    "main menu",
    "search",
    "sign in",
    "log in",
    "login",
    "subscribe",
    "subscribe now",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "print",
    "close",
    "home",
    "back to top",
    "read more",
    "continue reading",
    "listen to this article",
    "comments",
    "show comments",
    "view comments",
    "accept cookies",
    "cookie settings",
    "trending",
    "top stories",
    "most popular",
    "most read",
    "related",
    "related articles",
    "related stories",
    "related content",
    "recommended",
    "recommended stories",
    "you may also like",
    "newsletter",
    "sign up",
    "toggle navigation",
    "more stories",
    "more top stories",
    "don't miss",
    "editor's picks",
    "open menu",
];

/// Prefixes of short lines that link elsewhere or advertise the site.
const NAV_PREFIXES: &[&str] = &[
    "more from ",
    "more on ",
    "read more:",
    "read more about",
    "read also",
    "also read",
    "see also",
    "related:",
    "watch:",
    "listen:",
    "follow us",
    "follow @",
    "sign up for",
    "subscribe to",
    "click here",
    "sign up to",
    "sign up now",
    "get our ",
    "get the latest",
    "download our app",
    "get the app",
    "share on ",
    "share via ",
];

/// Prefixes of notices about the article rather than the news.
const NOTICE_PREFIXES: &[&str] = &[
    "this story has been updated",
    "this article has been updated",
    "this story was updated",
    "this article was updated",
    "this post has been updated",
    "this is a developing story",
    "this story is developing",
    "this is a breaking news story",
    "this breaking news story",
    "this story was originally published",
    "this article was originally published",
    "this article originally appeared",
    "last updated",
    "updated at ",
    "updated on ",
    "all rights reserved",
    "copyright ",
    "©",
    "(c) ",
];

const SHORT_LINE_WORDS: usize = 12;
const NOTICE_WORDS: usize = 30;

/// Whether a whole (trimmed) line is boilerplate.
pub fn is_boilerplate_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    let bare = lower.trim_end_matches([':', '.', '»', '›', '>', '|']).trim();
    if NAV_LINES.contains(&bare) {
        return true;
    }
    if words <= SHORT_LINE_WORDS && NAV_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if words <= NOTICE_WORDS && NOTICE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if words <= SHORT_LINE_WORDS && starts_with_marker(t) && t.len() == marker_len(t) {
        return true;
    }
    is_credit_line(t)
        || is_timestamp_line(t)
        || is_byline(t)
        || is_reading_time(t)
        || is_class_names(t)
        || is_feedback_promo(&lower, words)
}

/// "4 Min Read", "5-minute read", "Reading time: 3 minutes": the page's
/// estimate, not the article.
fn is_reading_time(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:\d+\s*-?\s*min(?:ute)?s?\.?\s+read|(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?\.?)$")
            .expect("reading-time pattern is valid")
    });
    re.is_match(t.trim_matches(|c: char| c == '•' || c == '·' || c.is_whitespace()))
}

/// A run of CSS class names the extractor left as text
/// ("text__text__1FZLe text__dark-grey__3Ml43"): every word joined by `-`
/// or `_`, and at least one with an underscore or a digit, which prose
/// hyphenation ("long-term") never has.
fn is_class_names(t: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[A-Za-z][A-Za-z0-9]*(?:[-_]{1,2}[A-Za-z0-9]+)+$")
            .expect("class pattern is valid")
    });
    let words: Vec<&str> = t.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| re.is_match(w))
        && words.iter().any(|w| w.contains('_') || w.chars().any(|c| c.is_ascii_digit()))
}

/// "Tell us what you think", "Let us know in the comments", "Got a story?
/// Email us": the page asking its readers, in a short line.
fn is_feedback_promo(lower: &str, words: usize) -> bool {
    const ASKS: &[&str] = &[
        "tell us what you think",
        "let us know what you think",
        "let us know in the comments",
        "what do you think?",
        "have your say",
        "share your thoughts",
        "got a story",
        "got a news tip",
        "do you have a story",
    ];
    words <= NOTICE_WORDS && ASKS.iter().any(|a| lower.contains(a))
        || words <= SHORT_LINE_WORDS
            && lower.contains("newsletter")
            && !lower.ends_with(['.', '"', '”'])
}

/// "By Ann Lee and Bo Park, World Service": a short line naming the writers,
/// not a sentence ("By Tuesday, the river had risen." ends with a stop).
fn is_byline(t: &str) -> bool {
    const MAX_WORDS: usize = 12;
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_uppercase)
        && t.split_whitespace().count() <= MAX_WORDS
        && !t.ends_with(['.', '!', '?', '"', '”'])
}

/// A line that is only a date or time, perhaps labelled ("Published 11 March
/// 2024, 10:12am GMT"): page furniture, not a sentence of the article.
pub fn is_timestamp_line(t: &str) -> bool {
    static TOKEN: OnceLock<Regex> = OnceLock::new();
    let token = TOKEN.get_or_init(|| {
        Regex::new(
            r"(?ix)^(?:
                first|published|updated|posted|last|on|at|
                (?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|
                jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|
                sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|
                \d{1,4}(?:[:/.-]\d{1,4})*(?:st|nd|rd|th|am|pm|a\.m\.|p\.m\.)?|am|pm|a\.m\.|p\.m\.|
                utc|gmt|[a-z]{1,2}[sd]t|et|ct|pt
            )$",
        )
        .expect("timestamp pattern is valid")
    });
    let words: Vec<&str> = t
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, ',' | '|' | '(' | ')' | '·' | '•' | '-' | '—'))
        })
        .filter(|w| !w.is_empty() && *w != ":")
        .map(|w| w.trim_end_matches(':'))
        .collect();
    const MAX_WORDS: usize = 10;
    // A day or a time, not a bare year or month ("March 2020" heads a
    // section of a timeline).
    let is_time = |w: &&str| {
        let w = w.to_lowercase();
        w.contains(':') || ["am", "pm", "a.m.", "p.m."].iter().any(|s| w.ends_with(s))
    };
    // A whole date in figures ("23.10.2018", "2018-10-23") is a day too.
    let is_day = |w: &&str| {
        let parts: Vec<&str> = w.split(['.', '/', '-']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && (parts[0].len() == 4 || parts[2].len() >= 2)
    };
    (words.len() >= 3 || words.iter().any(is_time) || words.iter().any(is_day))
        && words.len() <= MAX_WORDS
        && t.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| token.is_match(w))
}

/// A photo credit: "NAME / AGENCY", "Photo: …", "(Photo by …)", "… via Getty Images".
fn is_credit_line(t: &str) -> bool {
    static KEYWORD: OnceLock<Regex> = OnceLock::new();
    static NAME_SLASH: OnceLock<Regex> = OnceLock::new();
    if t.split_whitespace().count() > 10 || t.ends_with('.') {
        return false;
    }
    let keyword = KEYWORD.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:photo|image|picture|credit|photograph)s?(?:\s+credit)?\s*:|\(?\s*(?:photo|image)\s+(?:by|credit|courtesy)\b|.{0,60}\b(?:via|/)\s*getty\s+images)",
        )
        .expect("credit pattern is valid")
    });
    // Capitalised words on both sides of a slash, nothing else on the line.
    let name_slash = NAME_SLASH.get_or_init(|| {
        let words = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}";
        Regex::new(&format!(r"^{words}\s*/\s*{words}$")).expect("credit pattern is valid")
    });
    keyword.is_match(t) || name_slash.is_match(t)
}

fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)[(\[]\s*(?:related|read more|see also|also read|read also|watch|more)\s*:[^)\]]*[)\]]")
            .expect("marker pattern is valid")
    })
}

fn starts_with_marker(t: &str) -> bool {
    marker_re().find(t).is_some_and(|m| m.start() == 0)
}

fn marker_len(t: &str) -> usize {
    marker_re().find(t).map_or(0, |m| m.end())
}

/// `line` with inline related-link markers such as "(RELATED: …)" removed,
/// and the spaces around them tidied.
pub fn strip_markers(line: &str) -> std::borrow::Cow<'_, str> {
    let re = marker_re();
    if !re.is_match(line) {
        return std::borrow::Cow::Borrowed(line);
    }
    let replaced = re.replace_all(line, "");
    let tidy = replaced.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    std::borrow::Cow::Owned(tidy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_times_class_names_and_promos() {
        for line in [
            "4 Min Read",
            "5-minute read",
            "Reading time: 3 minutes",
            "text__text__1FZLe text__dark-grey__3Ml43 text__medium__1kbOh",
            "article-body__content__17Yit paywall-article",
            "Tell us what you think in the comments below",
            "Sign up to our daily newsletter",
            "Get our morning newsletter",
            "More stories",
            "Got a story? Email news@example.com",
            "1 December 2025 • 10:20",
            "23.10.2018",
            "Posted 2018-10-23",
        ] {
            assert!(is_boilerplate_line(line), "{line}");
        }
        for line in [
            "The long-term plan was read in four minutes.",
            "It took 4 minutes to read the ruling aloud.",
            "follow-up check-in",
            "The newsletter, sent to 40,000 readers, was stopped.",
            "More stories emerged on Tuesday of officials who had been warned about the bridge.",
            "Voters told us what they think of the plan, and most of them were against it, by a wide margin in the north.",
        ] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn navigation_and_notices() {
        for line in [
            "Skip to content",
            "  Skip to main content ",
            "More from International",
            "More from Politics",
            "This story has been updated with additional developments.",
            "This is a developing story and will be updated.",
            "ADVERTISEMENT",
            "© 2024 Some Media Group. All rights reserved.",
            "Read more: Why the strike matters",
            "(RELATED: A story elsewhere on the site)",
            "Thu Mar 14, 2019 10:12am GMT",
            "Published: 11 March 2024 | Updated: 12 March 2024",
            "August 6, 2024 at 3:05 p.m. EDT",
            "Top stories",
            "By Idris Vale and Hanne Sorensen, World Service",
            "BY DANA WHITLOW",
        ] {
            assert!(is_boilerplate_line(line), "{line:?} should be boilerplate");
        }
    }

    #[test]
    fn photo_credits() {
        for line in [
            "HENNA / AFP",
            "John Smith / Reuters",
            "Photo: Jane Doe/AP",
            "Mario Tama via Getty Images",
        ] {
            assert!(is_boilerplate_line(line), "{line:?} should be a credit");
        }
    }

    #[test]
    fn real_text_is_kept() {
        for line in [
            "More from the officials is expected on Monday, the spokesman said, adding that the base had been hit twice before in the past month.",
            "Search teams reached the village on Tuesday.",
            "US personnel injured by rocket attack in Iraq",
            "U.S. MILITARY BASES IN IRAQ, SYRIA ATTACKED AGAIN, BRINGING TOTAL TO AT LEAST 90 SINCE OCT. 17",
            "The ratio was 3 / 4 of the total.",
            "Share prices fell sharply on Monday after the announcement.",
            "March 2020",
            "Sept. 2020",
            "2019",
            "1,200",
            "1.5",
            "3/4",
            "By Tuesday, the river had risen.",
            "By the end of the year",
        ] {
            assert!(!is_boilerplate_line(line), "{line:?} should be kept");
        }
    }

    #[test]
    fn inline_markers_removed() {
        assert_eq!(
            strip_markers("Troops came under fire. (RELATED: Pentagon Struggles) Next."),
            "Troops came under fire. Next."
        );
        assert_eq!(strip_markers("No marker (here)."), "No marker (here).");
    }
}
