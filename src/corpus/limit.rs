//! How much text one article keeps. A news article is rarely over 100 kB;
//! a file of tens of megabytes is a dump or a mistake, and reading all of it
//! would stall the analysis and the reader. The first part is kept, cut
//! where a paragraph ends, with a warning.

/// The most bytes of text one article keeps.
pub const MAX_ARTICLE_BYTES: usize = 8_000_000;

/// `text` cut to at most `max` bytes: after the last paragraph break before
/// the limit, else the last line break, else the last space, else the last
/// char boundary. `None` when it fits.
pub fn cut(text: &str, max: usize) -> Option<&str> {
    if text.len() <= max {
        return None;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    // Look for a break only in the last quarter, so a text of one huge
    // paragraph is not cut to nothing.
    let floor = end - end / 4;
    let at = ["\n\n", "\n", " "]
        .iter()
        .find_map(|sep| head.rfind(sep).filter(|&i| i >= floor))
        .unwrap_or(end);
    Some(&text[..at])
}

/// "50.0 MB": sizes as a person reads them in a warning.
pub fn megabytes(bytes: usize) -> String {
    #[allow(clippy::cast_precision_loss)] // one decimal is all that is shown
    let mb = bytes as f64 / 1e6;
    format!("{mb:.1} MB")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_paragraphs_then_lines_then_spaces() {
        assert_eq!(cut("short", 10), None);
        assert_eq!(cut("aaaaaaaaaaaa\n\nbbbb\ncc dd", 22), Some("aaaaaaaaaaaa\n\nbbbb"));
        assert_eq!(cut("aaaaaaaaaaaaaaaa\nbbbb cc dd", 24), Some("aaaaaaaaaaaaaaaa\nbbbb"));
        assert_eq!(cut("aaaaaaaaaa\n\nbbbb cccc", 20), Some("aaaaaaaaaa\n\nbbbb"));
        assert_eq!(cut("abcdefghij", 5), Some("abcde"));
        // Never inside a character.
        assert_eq!(cut("ééééé", 5), Some("éé"));
        assert_eq!(megabytes(50_000_001), "50.0 MB");
    }
}
