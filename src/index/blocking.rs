//! Candidate pairs for [`super::merge_variants`], found by keys instead of
//! by comparing every name with every other: each relation a variant may
//! stand in has a key both names share, so looking a name's keys up finds
//! every name it could be a variant of (a superset, checked afterwards by
//! the same tests), in time linear in the number of names.
//!
//! - a spelling (`alike`): the same initial in every word, and a first word
//!   within one letter of the same length;
//! - an acronym: the long name's initials;
//! - an article and tail ("Asad" in "Ain al-Asad base"): the words after an
//!   article inside the long name;
//! - a qualified form ("U.S. Central Command"): every proper tail of the
//!   long name's core;
//! - a translation ("Kataib Hezbollah" / "Hezbollah Brigades"): the
//!   designator pair.

use std::collections::HashMap;

use super::Node;
use super::names::{DESIGNATORS, initials};

/// Keys are the node's class and a string; `\u{1}` separates words.
type Key = (u8, u8, String);

const SPELLING: u8 = 0;
const INITIALS: u8 = 1;
const TAIL: u8 = 2;
const SUFFIX: u8 = 3;
const ARABIC: u8 = 4;
const ENGLISH: u8 = 5;

pub(super) struct Blocks {
    map: HashMap<Key, Vec<usize>>,
}

fn join(ws: &[String]) -> String {
    ws.join("\u{1}")
}

/// Every word's first letter and the first word's length.
fn spelling_key(core: &[String], first_len: usize) -> String {
    let mut k: String = core.iter().filter_map(|w| w.chars().next()).collect();
    k.push('\u{1}');
    k.push_str(&first_len.to_string());
    k
}

fn first_len(core: &[String]) -> usize {
    core.first().map_or(0, |w| w.chars().count())
}

impl Blocks {
    pub(super) fn new(nodes: &[Node]) -> Blocks {
        let mut map: HashMap<Key, Vec<usize>> = HashMap::new();
        let mut add = |class: u8, what: u8, key: String, j: usize| {
            map.entry((class, what, key)).or_default().push(j);
        };
        for (j, n) in nodes.iter().enumerate() {
            if n.class == 0 {
                continue;
            }
            let c = n.class;
            add(c, SPELLING, spelling_key(&n.core, first_len(&n.core)), j);
            if let Some(i) = initials(&n.words) {
                add(c, INITIALS, i, j);
            }
            for k in 1..n.words.len() {
                if matches!(n.words[k].as_str(), "al" | "el") {
                    for e in k + 2..=n.words.len() {
                        add(c, TAIL, join(&n.words[k + 1..e]), j);
                    }
                }
            }
            for k in 1..n.core.len() {
                add(c, SUFFIX, join(&n.core[k..]), j);
            }
            if let Some(first) = n.core.first()
                && DESIGNATORS.iter().any(|(ar, _)| ar == first)
            {
                add(c, ARABIC, first.clone(), j);
            }
            if let Some(last) = n.core.last()
                && DESIGNATORS.iter().any(|(_, en)| en == last)
            {
                add(c, ENGLISH, last.clone(), j);
            }
        }
        Blocks { map }
    }

    /// Every node that `short` might be a variant of, sorted, without
    /// `short` itself.
    pub(super) fn candidates(&self, i: usize, short: &Node) -> Vec<usize> {
        let c = short.class;
        let mut out: Vec<usize> = Vec::new();
        let mut look = |what: u8, key: String| {
            if let Some(js) = self.map.get(&(c, what, key)) {
                out.extend_from_slice(js);
            }
        };
        let len = first_len(&short.core);
        for l in len.saturating_sub(1)..=len + 1 {
            look(SPELLING, spelling_key(&short.core, l));
        }
        if short.words.len() == 1 {
            look(INITIALS, short.words[0].clone());
        }
        look(TAIL, join(&short.core));
        look(SUFFIX, join(&short.core));
        if let Some(first) = short.core.first() {
            for (ar, en) in DESIGNATORS {
                if ar == first {
                    look(ENGLISH, en.to_string());
                }
            }
        }
        if let Some(last) = short.core.last() {
            for (ar, en) in DESIGNATORS {
                if en == last {
                    look(ARABIC, ar.to_string());
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out.retain(|&j| j != i);
        out
    }
}
