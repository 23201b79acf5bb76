//! Article → sentences, tokens, mentions and values, all as byte spans into
//! the article's body. No terminal, no printing, no global state.

pub mod ner;
pub mod segment;
pub mod values;

use serde::{Deserialize, Serialize};

/// The kinds of mention dateline recognises (CONTRACT.md, `entities`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Org,
    Place,
    /// Nationalities, religious and political groups: "Iranian", "Shiite".
    Group,
    Date,
    /// Counts, amounts, quantities, vague ones such as "several" included.
    Number,
}

impl Kind {
    pub const ALL: [Kind; 6] =
        [Kind::Person, Kind::Org, Kind::Place, Kind::Group, Kind::Date, Kind::Number];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "org",
            Kind::Place => "place",
            Kind::Group => "group",
            Kind::Date => "date",
            Kind::Number => "number",
        }
    }
}

/// One mention: `text[start..end]` of an article's body (byte offsets on
/// char boundaries) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}
