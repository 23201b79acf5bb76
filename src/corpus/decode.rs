//! Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read
//! as they are; markup that is not UTF-8 is read in the encoding it declares
//! (`<?xml … encoding="…"?>`, `<meta charset="…">`); anything else that is
//! not UTF-8 is read as Windows-1252, the encoding old newsroom exports and
//! Windows tools actually produce.

use std::sync::OnceLock;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use regex::bytes::Regex;

use super::Problem;

/// Text decoded from a file, and whether it needed the Windows-1252 fallback.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub fallback: bool,
}

/// How many leading bytes are inspected for NUL bytes, the mark of a binary file.
const SNIFF: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_fallback(rest);
    }
    for (bom, enc) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, _, had_errors) = enc.decode(bytes);
            if had_errors {
                return Err(Problem::Binary);
            }
            return Ok(Decoded { text: text.into_owned(), fallback: false });
        }
    }
    if bytes[..bytes.len().min(SNIFF)].contains(&0) {
        return Err(Problem::Binary);
    }
    utf8_or_fallback(bytes)
}

fn utf8_or_fallback(bytes: &[u8]) -> Result<Decoded, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded { text: s.to_string(), fallback: false }),
        Err(_) => {
            if let Some(enc) = declared(bytes) {
                let (text, had_errors) = enc.decode_without_bom_handling(bytes);
                if !had_errors || mostly_read(&text) {
                    return Ok(Decoded { text: text.into_owned(), fallback: false });
                }
            }
            // A stray bad byte in a page that is otherwise UTF-8 (a pasted
            // character, a truncated one) costs that character, not the
            // whole page read as Windows-1252.
            let lossy = String::from_utf8_lossy(bytes);
            if mostly_read(&lossy) {
                return Ok(Decoded { text: lossy.into_owned(), fallback: false });
            }
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Ok(Decoded { text: text.into_owned(), fallback: true })
        }
    }
}

/// Whether a decoding with errors still read the text: a hundred or more
/// characters beyond ASCII read for every one that could not be.
fn mostly_read(text: &str) -> bool {
    let (mut read, mut failed) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            failed += 1;
        } else {
            read += 1;
        }
    }
    read >= 100 * failed
}

/// The single-byte or multi-byte encoding that markup declares near its top;
/// a declared UTF-8 or UTF-16 is not believed of bytes that are not.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    // Browsers look in the first kilobyte, but saved pages often carry
    // more before the `<meta>`: scripts, comments, an archive's banner.
    const HEAD: usize = 8192;
    static LABEL: OnceLock<Regex> = OnceLock::new();
    let head = &bytes[..bytes.len().min(HEAD)];
    if !head.trim_ascii_start().starts_with(b"<") {
        return None;
    }
    let label = LABEL.get_or_init(|| {
        Regex::new(
            r#"(?i)<(?:\?xml|meta)\b[^>]*?\b(?:encoding|charset)\s*=\s*["']?([a-z0-9_.:-]+)"#,
        )
        .expect("charset pattern is valid")
    });
    let name = label.captures(head)?.get(1)?.as_bytes();
    Encoding::for_label(name).filter(|e| ![UTF_8, UTF_16LE, UTF_16BE].contains(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("é".as_bytes()).unwrap().text, "é");
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap().text, "abc");
    }

    #[test]
    fn windows_1252_is_decoded_with_fallback_flag() {
        let d = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert!(d.fallback);
    }

    #[test]
    fn markup_is_read_in_its_declared_encoding() {
        let d = decode(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Z\xFCrich</t>").unwrap();
        assert_eq!(d.text, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Zürich</t>");
        assert!(!d.fallback);
        let d = decode(b"<html><meta charset=koi8-r><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>").unwrap();
        assert!(d.text.contains("Привет"), "{}", d.text);
        // A declaration of UTF-8 over bytes that are not is not believed.
        let d = decode(b"<meta charset=\"utf-8\"><p>caf\xE9</p>").unwrap();
        assert!(d.fallback && d.text.contains("café"));
    }

    #[test]
    fn a_declaration_after_a_long_head_is_read() {
        let mut page = b"<html><head>".to_vec();
        page.extend_from_slice(
            format!("<script>{}</script>", "var x = 1; ".repeat(300)).as_bytes(),
        );
        page.extend_from_slice(
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1250'>",
        );
        page.extend_from_slice(b"<p>Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1</p>");
        assert!(page.len() > 1024 + 100);
        let d = decode(&page).unwrap();
        assert!(!d.fallback && d.text.contains("Zażółć gęślą jaźń"), "{}", d.text);
    }

    #[test]
    fn a_stray_bad_byte_costs_one_character_not_the_page() {
        let mut page = "<meta charset=\"utf-8\"><p>".to_string();
        page.push_str(&"Zażółć gęślą jaźń. ".repeat(20));
        let mut bytes = page.into_bytes();
        bytes.extend_from_slice(b"\xC3(</p>");
        let d = decode(&bytes).unwrap();
        assert!(!d.fallback && d.text.contains("Zażółć") && d.text.contains('\u{FFFD}'));
        // In a declared encoding too: GBK with one bad pair.
        let text = "一个约定，信守十五年。".repeat(20);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let mut bytes = b"<meta charset=gbk><p>".to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(b"\x81\x20</p>");
        let d = decode(&bytes).unwrap();
        assert!(!d.fallback && d.text.contains("一个约定"), "{}", d.text);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Iraq é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Iraq é");
        assert!(!d.fallback);
    }

    #[test]
    fn empty_and_binary_are_problems() {
        assert!(matches!(decode(b""), Err(Problem::Empty)));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(Problem::Binary)));
    }
}
