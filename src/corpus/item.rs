//! One article of a file that holds several, as the formats that hold
//! several (feeds, JSON) hand it to the reader: below both.

use super::meta::Meta;

/// One article found in a file that can hold several, before its body is
/// cleaned.
#[derive(Debug)]
pub struct Item {
    /// 1-based position in the file (array index, line or feed entry), for
    /// ids and messages.
    pub index: usize,
    pub meta: Meta,
    pub body: String,
}
