//! The story's main happening, from its ledes.
//!
//! News states its main happening first: the lede of nearly every article
//! of a story says the church burned or the quake struck, each in its own
//! words and with its own background ("the Alaskan church made famous as
//! the religious outpost of…"), so two ledes often share too small a part
//! of their words to match as sentences. What they do share is the
//! story's two most shared lede words: the happening and what it happened
//! to. The ledes that hold both form one row.

use super::alike::{Params, Sent};
use super::facts::SentenceTerms;

/// Of each article, its first sentence with at least this many words
/// that are neither names nor figures is its lede.
const LEDE_WORDS: usize = 4;

/// The main-happening row: each article's lede that holds both of the
/// words most of the story's ledes share, as indices into `sents`
/// (article order). None when fewer than two ledes hold them, or when no
/// two words, one of them a happening, are shared by enough ledes
/// (`p.main_share` of them, and two at least) to say what the story is
/// about.
pub(super) fn main_row(
    docs: &[&[SentenceTerms]],
    sents: &[Sent],
    headline: &[bool],
    weight: impl Fn(u32) -> f32,
    p: &Params,
) -> Option<Vec<usize>> {
    let content = |s: &Sent| -> Vec<u32> {
        let numeral = |k: u32| s.numerals.iter().any(|&n| n & !super::alike::DATED == k);
        s.keys
            .iter()
            .zip(&s.key_name)
            .filter(|&(&k, &name)| !name && !numeral(k))
            .map(|(&k, _)| k)
            .collect()
    };
    // Sentences come article by article, in text order.
    let mut ledes: Vec<(usize, Vec<u32>)> = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        if ledes.last().is_some_and(|l| sents[l.0].doc == s.doc)
            || (s.idx == 0 && headline.get(s.doc).copied().unwrap_or(false))
        {
            continue;
        }
        let words = content(s);
        if words.len() >= LEDE_WORDS {
            ledes.push((i, words));
        }
    }
    let need = 2.max((p.main_share * ledes.len() as f32).ceil() as usize);
    if ledes.len() < need {
        return None;
    }
    let mut shared: Vec<(u32, usize)> = Vec::new();
    {
        let mut all: Vec<u32> = ledes.iter().flat_map(|l| l.1.iter().copied()).collect();
        all.sort_unstable();
        for k in all {
            match shared.last_mut() {
                Some(last) if last.0 == k => last.1 += 1,
                _ => shared.push((k, 1)),
            }
        }
    }
    // Most shared first; among as shared, the rarer in the story's
    // sentences says more about which happening.
    shared.sort_by(|a, b| {
        b.1.cmp(&a.1).then(weight(b.0).total_cmp(&weight(a.0))).then(a.0.cmp(&b.0))
    });
    // One of the two names the happening ("escaped", "fire"): two words
    // of what it happened to ("swimming champion") may be in every lede
    // of stories about different happenings to it.
    let mut happenings: Vec<u32> = ledes
        .iter()
        .flat_map(|l| docs[sents[l.0].doc][sents[l.0].idx].words.iter())
        .filter(|w| w.happening)
        .map(|w| w.key)
        .collect();
    happenings.sort_unstable();
    let is_happening = |k: u32| happenings.binary_search(&k).is_ok();
    let shared: Vec<(u32, usize)> = shared.into_iter().filter(|x| x.1 >= need).collect();
    let what = shared.iter().find(|x| is_happening(x.0))?.0;
    let other = shared.iter().find(|x| x.0 != what)?.0;
    let top = [what, other];
    let row: Vec<usize> = ledes
        .iter()
        .filter(|l| top.iter().all(|k| l.1.binary_search(k).is_ok()))
        .map(|l| l.0)
        .collect();
    (row.len() >= 2).then_some(row)
}

/// The row less its ledes least like the rest, one at a time, until every
/// two of it are at least `floor` alike: a lede that names the happening
/// as the background of another (the arrest after the fire) is not its
/// report.
pub(super) fn every_pair(
    mut row: Vec<usize>,
    sim: impl Fn(usize, usize) -> f32,
    floor: f32,
) -> Vec<usize> {
    loop {
        let worst = |&i: &usize| {
            row.iter()
                .filter(|&&j| j != i)
                .map(|&j| sim(i.min(j), i.max(j)))
                .fold(f32::MAX, f32::min)
        };
        let Some((at, low)) = row.iter().map(worst).enumerate().min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            return row;
        };
        if low >= floor || row.len() < 2 {
            return row;
        }
        // Of the two least alike, the one least like the rest goes.
        let total = |i: usize| -> f32 {
            row.iter().filter(|&&j| j != i).map(|&j| sim(i.min(j), i.max(j))).sum()
        };
        let i = row[at];
        let partner = *row
            .iter()
            .filter(|&&j| j != i)
            .min_by(|&&a, &&b| sim(i.min(a), i.max(a)).total_cmp(&sim(i.min(b), i.max(b))))
            .unwrap_or(&i);
        let drop = if total(partner) < total(i) { partner } else { i };
        row.retain(|&x| x != drop);
    }
}

/// Adds the main row to `rows`: as a row of its own, or, where most of it
/// (two at least) is one row already, as that row's reports of the
/// articles it lacks, so that no lede stands in two rows of one fact.
pub(super) fn merge(rows: &mut Vec<Vec<usize>>, main: Vec<usize>, doc: impl Fn(usize) -> usize) {
    let again = rows.iter().position(|r| super::alike::mostly_in(&main, r));
    let Some(k) = again else {
        rows.push(main);
        return;
    };
    for x in main {
        if !rows[k].iter().any(|&y| doc(y) == doc(x)) {
            rows[k].push(x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::align::align;
    use super::super::terms::Vocab;
    use super::super::test_docs::doc;
    use super::*;

    /// The rows (two articles or more) as (article, sentence) pairs.
    fn rows(lines: &[&[&str]], headline: &[bool], p: &Params) -> Vec<Vec<(usize, usize)>> {
        let mut v = Vocab::default();
        let docs: Vec<_> = lines.iter().map(|l| doc(l, &mut v).1).collect();
        let docs: Vec<&[SentenceTerms]> = docs.iter().map(Vec::as_slice).collect();
        align(&docs, headline, p)
            .into_iter()
            .filter(|f| f.reports.len() >= 2)
            .map(|f| f.reports.iter().map(|r| (r.article, r.sentence)).collect())
            .collect()
    }

    fn off() -> Params {
        Params { main_share: 2.0, ..Params::default() }
    }

    // Each lede tells the fire with background of its own, too little of
    // it shared to match as sentences.
    const LEDES: [&[&str]; 3] = [
        &[
            "Fire destroyed the old wooden church on the hill late on Sunday, as neighbours watched from their gardens and farmers fetched water from the river.",
            "Schools were closed.",
        ],
        &[
            "An overnight fire destroyed a historic wooden church, a landmark painted by generations of visiting artists and pictured on postcards.",
            "Markets stayed open.",
        ],
        &[
            "A wooden church that had survived two wars and a flood was destroyed by fire early on Monday, leaving the congregation without a home.",
            "Roads were quiet.",
        ],
    ];

    /// Whether `got` has a row of just these reports, in any order.
    fn has(got: &[Vec<(usize, usize)>], all: &[(usize, usize)]) -> bool {
        got.iter().any(|r| {
            let mut r = r.clone();
            r.sort();
            r == all
        })
    }

    #[test]
    fn ledes_that_share_the_happening_are_its_row() {
        let all = [(0, 0), (1, 0), (2, 0)];
        let without = rows(&LEDES, &[], &off());
        assert!(!has(&without, &all), "{without:?}");
        let got = rows(&LEDES, &[], &Params::default());
        assert!(has(&got, &all), "{got:?}");
    }

    #[test]
    fn ledes_that_share_only_a_topic_are_no_row() {
        // Church and village in every lede, and a different happening in
        // each: no happening word is shared.
        let ledes: [&[&str]; 3] = [
            &[
                "The church council met on Monday evening to discuss the village budget and the roof repairs.",
            ],
            &[
                "Church bells will ring again across the village square next month, the parish newsletter announced.",
            ],
            &[
                "Volunteers painted the church hall of the village before the summer festival and its markets.",
            ],
        ];
        let got = rows(&ledes, &[], &Params::default());
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_repeated_headline_is_not_the_lede() {
        // Each article opens with its title, then its lede.
        let titles = [
            "Village mourns its landmark after a night of smoke and sirens",
            "Parish asks neighbours for help in rebuilding its lost building",
            "Firefighters praised by the mayor despite the heavy loss",
        ];
        let with_titles: Vec<Vec<&str>> = LEDES
            .iter()
            .zip(titles)
            .map(|(l, t)| std::iter::once(t).chain(l.iter().copied()).collect())
            .collect();
        let lines: Vec<&[&str]> = with_titles.iter().map(Vec::as_slice).collect();
        let all = [(0, 1), (1, 1), (2, 1)];
        // Taken for ledes, the titles share no happening.
        let as_ledes = rows(&lines, &[false; 3], &Params::default());
        assert!(!has(&as_ledes, &all), "{as_ledes:?}");
        let got = rows(&lines, &[true; 3], &Params::default());
        assert!(has(&got, &all), "{got:?}");
    }

    #[test]
    fn a_main_row_mostly_in_a_row_adds_to_it_instead_of_repeating_it() {
        // Sentence x is of article x / 10.
        let doc = |x: usize| x / 10;
        let mut rows = vec![vec![0, 10, 20, 41]];
        // 0, 10 and 20 are in the row; 42 is of article 4, which it has;
        // 50 of article 5, which it lacks.
        merge(&mut rows, vec![0, 10, 20, 42, 50], doc);
        assert_eq!(rows, [vec![0, 10, 20, 41, 50]]);
        // Mostly new: a row of its own.
        merge(&mut rows, vec![0, 61, 71], doc);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1], [0, 61, 71]);
    }

    #[test]
    fn every_two_of_the_row_are_alike() {
        // 0, 1 and 2 alike; 3 alike to 0 alone.
        let sim = |i: usize, j: usize| match (i, j) {
            (0, 1) | (0, 2) | (1, 2) => 0.3,
            (0, 3) => 0.2,
            _ => 0.0,
        };
        assert_eq!(every_pair(vec![0, 1, 2, 3], sim, 0.1), [0, 1, 2]);
        assert_eq!(every_pair(vec![0, 1, 2, 3], sim, 0.0), [0, 1, 2, 3]);
        assert!(every_pair(vec![1, 3], sim, 0.1).len() < 2);
    }
}
