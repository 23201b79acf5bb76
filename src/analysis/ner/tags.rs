//! The BIO tag set the tagger predicts.
//!
//! The model also learns GMB's `date` and `misc` spans: they are context that
//! keeps months and product names out of the name kinds, but they are never
//! emitted (dates are found by rules elsewhere).

use crate::analysis::Kind;

/// Span labels, in model order. Index k gives tags B = 1 + 2k, I = 2 + 2k.
pub const LABELS: [&str; 6] = ["person", "org", "place", "group", "date", "misc"];
/// O plus B/I for each label.
pub const NUM_TAGS: usize = 1 + 2 * LABELS.len();
pub const O: usize = 0;

pub fn begin(label: usize) -> usize {
    1 + 2 * label
}

pub fn inside(label: usize) -> usize {
    2 + 2 * label
}

/// The label of a B or I tag; `None` for O.
pub fn label_of(tag: usize) -> Option<usize> {
    (tag != O).then(|| (tag - 1) / 2)
}

pub fn is_inside(tag: usize) -> bool {
    tag != O && (tag - 1) % 2 == 1
}

/// Parse "B-person" / "I-org" / "O"; unknown labels become O.
pub fn parse(tag: &str) -> usize {
    let Some((bi, label)) = tag.split_once('-') else { return O };
    match LABELS.iter().position(|l| *l == label) {
        Some(k) if bi == "B" => begin(k),
        Some(k) if bi == "I" => inside(k),
        _ => O,
    }
}

/// May `to` follow `from` (None = sentence start)? I-X only continues X.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    if !is_inside(to) {
        return true;
    }
    match from {
        Some(f) => label_of(f) == label_of(to),
        None => false,
    }
}

/// The contract kind of a label, for the four kinds this tagger emits.
pub fn kind_of(label: usize) -> Option<Kind> {
    match label {
        0 => Some(Kind::Person),
        1 => Some(Kind::Org),
        2 => Some(Kind::Place),
        3 => Some(Kind::Group),
        _ => None,
    }
}

/// Spans `(first, last_exclusive, label)` of a tag sequence.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = is_inside(t) && cur.is_some_and(|(_, l)| Some(l) == label_of(t));
        if continues {
            continue;
        }
        if let Some((s, l)) = cur.take() {
            out.push((s, i, l));
        }
        if let Some(l) = label_of(t) {
            cur = Some((i, l));
        }
    }
    if let Some((s, l)) = cur {
        out.push((s, tags.len(), l));
    }
    out
}
