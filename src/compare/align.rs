//! Lining up facts inside one story: which sentences of different articles
//! state the same thing.
//!
//! How alike two sentences are is [`super::alike`]'s: shared words weighted
//! by rarity, names weighing less, at least two words in common and one of
//! them not a name. A row is built from those figures by complete linkage:
//! two groups join only when no article would report twice and every
//! report matches every other one, so no row grows by chaining. Where the
//! method is unsure it shows no agreement: a sentence that matches nothing
//! well enough stays out of rows, and it is shown as a single only when it
//! matches nothing at all.

pub use super::alike::Params;
use super::alike::{HashMap, Sent, Weights, sentences, similarities, weights};
use super::facts::{RawFact, RawReport, SentenceTerms};

/// The facts of one story whose articles' sentences are `docs` (in story
/// order): rows of two articles or more, then singles. `headline[d]` says
/// article `d`'s first sentence repeats its title (raw text often starts
/// so): a headline is not its lede (`super::main_event`); missing is no.
pub fn align(docs: &[&[SentenceTerms]], headline: &[bool], p: &Params) -> Vec<RawFact> {
    let docs = &docs[..docs.len().min(p.max_articles.max(1))];
    let sents = sentences(docs, p);
    let weights = weights(docs, &sents, p);
    let mut sents = sents;
    for s in &mut sents {
        s.key_weight = s.keys.iter().map(|&k| weights.of(k)).collect();
        s.key_name = s.keys.iter().map(|&k| weights.is_name(k)).collect();
        s.norm = s.key_weight.iter().sum();
    }
    let sims = similarities(&sents, p);
    let get = |i: usize, j: usize| -> f32 { sims.get(i, j) };
    // Sentences come article by article: each article's as a range.
    let mut of_doc: Vec<std::ops::Range<usize>> = vec![0..0; docs.len()];
    for (i, s) in sents.iter().enumerate() {
        let r = &mut of_doc[s.doc];
        if r.end == 0 {
            *r = i..i + 1;
        } else {
            r.end = i + 1;
        }
    }

    // Complete linkage over the pairs, most alike first.
    let mut pairs: Vec<((u32, u32), f32)> =
        sims.pairs.iter().filter(|x| x.2 >= p.seed).map(|&(i, j, v)| ((i, j), v)).collect();
    pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut group: Vec<usize> = (0..sents.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..sents.len()).map(|i| vec![i]).collect();
    for ((i, j), _) in pairs {
        let (a, b) = (group[i as usize], group[j as usize]);
        if a == b {
            continue;
        }
        let (ga, gb) = (&members[a], &members[b]);
        if ga.iter().any(|&x| gb.iter().any(|&y| sents[x].doc == sents[y].doc)) {
            continue;
        }
        if !joins(ga, gb, &get, p) {
            continue;
        }
        let moved = std::mem::take(&mut members[b]);
        for &y in &moved {
            group[y] = a;
        }
        members[a].extend(moved);
    }

    let mut rows: Vec<Vec<usize>> = members.iter().filter(|m| m.len() >= 2).cloned().collect();
    let mut second = second_facts(&sims.pairs, &members, &group, &sents, &get, p);
    // A row takes, from each article it lacks, the sentence that matches
    // all its reports, even one already in another row: a sentence may
    // state two facts.
    extend(&mut rows, &sents, docs, &of_doc, &get, p);

    // Of an article's sentences that match a row, the one that counts
    // most precisely reports it: "as many as seven injured" says more than
    // "several injured", and so the counts line up.
    for row in &mut rows {
        let mut others: Vec<usize> = Vec::with_capacity(row.len());
        for m in 0..row.len() {
            let x = row[m];
            others.clear();
            others.extend(row.iter().copied().filter(|&o| o != x));
            let fits = |y: usize| {
                let (mut min, mut sum) = (f32::INFINITY, 0.0);
                for &o in &others {
                    let v = get(o, y);
                    min = min.min(v);
                    sum += v;
                }
                let mean = sum / others.len().max(1) as f32;
                (min >= p.floor && mean >= p.mean).then_some(mean)
            };
            // Only an article with another sentence that counts something
            // can trade a report for a more precise one.
            let counts_any = |y: usize| {
                docs[sents[y].doc][sents[y].idx].numbers.iter().any(|c| c.what.is_some())
            };
            if !of_doc[sents[x].doc].clone().any(|y| y != x && counts_any(y)) {
                continue;
            }
            let counts = RowCount::of(&others, &sents, docs);
            let precision = |i: usize| counts.precision(&docs[sents[i].doc][sents[i].idx]);
            let here = precision(x);
            let better = of_doc[sents[x].doc]
                .clone()
                .filter(|&y| y != x && precision(y) > here)
                .filter_map(|y| fits(y).map(|mean| (precision(y), mean, y)))
                .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(b.2.cmp(&a.2)));
            if let Some((_, _, y)) = better {
                row[m] = y;
            }
        }
    }

    // A report traded for a more precise one may let in an article that
    // did not fit before.
    extend(&mut rows, &sents, docs, &of_doc, &get, p);
    // A second fact's row grows only by sentences much like all of it: it
    // rests on one pair, and a loose fit would chain from it.
    let strict = Params { floor: p.mean, mean: p.seed, ..p.clone() };
    extend(&mut second, &sents, docs, &of_doc, &get, &strict);
    rows.extend(second);

    // A row most of whose reports (two at least) are another's states that
    // fact again: what else it holds joins the other row where it matches
    // every report there, and the row goes when nothing of it is left.
    for row in &mut rows {
        row.sort_unstable();
    }
    rows.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let mut kept: Vec<Vec<usize>> = Vec::new();
    for row in rows {
        let again = kept.iter().position(|k| super::alike::mostly_in(&row, k));
        let Some(k) = again else {
            kept.push(row);
            continue;
        };
        let rest: Vec<usize> = row.iter().copied().filter(|x| !kept[k].contains(x)).collect();
        let mut left = Vec::new();
        for y in rest {
            let target = &kept[k];
            let free = !target.iter().any(|&x| sents[x].doc == sents[y].doc);
            let cross: Vec<f32> = target.iter().map(|&x| get(x, y)).collect();
            let min = cross.iter().copied().fold(f32::INFINITY, f32::min);
            let mean = cross.iter().sum::<f32>() / cross.len().max(1) as f32;
            if free && min >= p.floor && mean >= p.mean {
                kept[k].push(y);
            } else {
                left.push(y);
            }
        }
        // What could not join stays out: a second row of mostly the same
        // reports reads as the same fact twice.
        let _ = left;
    }
    let mut rows = kept;
    // The story's main happening, stated by nearly every lede in words too
    // few of which match as sentences, is a row of its own unless one
    // holds it already.
    if let Some(main) = super::main_event::main_row(docs, &sents, headline, |k| weights.of(k), p)
        .map(|m| super::main_event::every_pair(m, get, p.main_floor))
        .filter(|m| m.len() >= 2)
    {
        super::main_event::merge(&mut rows, main, |x| sents[x].doc);
    }

    let mut best = vec![0.0f32; sents.len()];
    for &(i, j, v) in &sims.pairs {
        best[i as usize] = best[i as usize].max(v);
        best[j as usize] = best[j as usize].max(v);
    }
    let mut out: Vec<RawFact> = rows
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row.sort_by_key(|&x| (sents[x].doc, sents[x].idx));
            raw_fact(&row, &sents, docs, &weights)
        })
        .collect();
    for (i, s) in sents.iter().enumerate() {
        if members[i].len() == 1
            && group[i] == i
            && best[i] < p.single_below
            && s.keys.len() >= p.single_words
            && !shares_names(i, &sents)
        {
            out.push(raw_fact(&[i], &sents, docs, &weights));
        }
    }
    out
}

/// Rows for the sentences linkage left alone though one sentence of
/// another article matches them well (at least the seed): that sentence is
/// in a row already, of another fact it states, since a sentence may state
/// two. Each such sentence starts a row with its best match, and the others
/// whose best match is the same join that row where they fit all of it.
fn second_facts(
    pairs: &[(u32, u32, f32)],
    members: &[Vec<usize>],
    group: &[usize],
    sents: &[Sent],
    get: &impl Fn(usize, usize) -> f32,
    p: &Params,
) -> Vec<Vec<usize>> {
    let alone = |i: usize| members[group[i]].len() == 1;
    let mut best: Vec<Option<(f32, usize)>> = vec![None; sents.len()];
    for &(i, j, v) in pairs {
        let (i, j) = (i as usize, j as usize);
        if v < p.seed {
            continue;
        }
        for (a, b) in [(i, j), (j, i)] {
            if alone(a) && !alone(b) && best[a].is_none_or(|(w, _)| v > w) {
                best[a] = Some((v, b));
            }
        }
    }
    let mut order: Vec<(f32, usize, usize)> =
        best.iter().enumerate().filter_map(|(i, b)| b.map(|(v, j)| (v, i, j))).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut row_of: HashMap<usize, usize> = HashMap::default();
    for (_, i, j) in order {
        match row_of.get(&j) {
            None => {
                row_of.insert(j, rows.len());
                rows.push(vec![j, i]);
            }
            Some(&r) => {
                let row = &rows[r];
                // Every report as alike as a pair that starts a row: a
                // second fact rests on one sentence, so precision first.
                if !row.iter().any(|&x| sents[x].doc == sents[i].doc)
                    && row.iter().all(|&x| get(x, i) >= p.seed)
                {
                    rows[r].push(i);
                }
            }
        }
    }
    rows
}

/// Whether sentence `i` shares two words, names counted, with a sentence of
/// another article: names alone are not enough to line two reports up, but
/// they are enough to doubt that only one outlet states the fact ("obtained
/// Teixeira from the Braves" / "acquired from the Braves").
fn shares_names(i: usize, sents: &[Sent]) -> bool {
    let a = &sents[i];
    sents.iter().any(|b| b.doc != a.doc && shared_keys(&a.keys, &b.keys) >= 2)
}

/// Common elements of two sorted lists.
fn shared_keys(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Each row takes, from each article it lacks, the sentence that matches
/// all its reports well enough, if any.
fn extend(
    rows: &mut [Vec<usize>],
    sents: &[Sent],
    docs: &[&[SentenceTerms]],
    of_doc: &[std::ops::Range<usize>],
    get: &impl Fn(usize, usize) -> f32,
    p: &Params,
) {
    for row in rows.iter_mut() {
        // Made only for a row that some sentence fits.
        let mut counts: Option<RowCount> = None;
        for (doc, range) in of_doc.iter().enumerate() {
            if row.iter().any(|&x| sents[x].doc == doc) {
                continue;
            }
            let fitting: Vec<(f32, usize)> = range
                .clone()
                .filter_map(|y| {
                    let (mut min, mut sum) = (f32::INFINITY, 0.0);
                    for &x in row.iter() {
                        let v = get(x, y);
                        min = min.min(v);
                        sum += v;
                    }
                    let mean = sum / row.len() as f32;
                    (min >= p.floor && mean >= p.mean).then_some((mean, y))
                })
                .collect();
            if fitting.is_empty() {
                continue;
            }
            let counts = counts.get_or_insert_with(|| RowCount::of(row, sents, docs));
            let best = fitting
                .into_iter()
                .map(|(mean, y)| (counts.precision(&docs[sents[y].doc][sents[y].idx]), mean, y))
                // The sentence that counts what the row counts, else the
                // most alike.
                .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(b.2.cmp(&a.2)));
            if let Some((_, _, y)) = best {
                row.push(y);
            }
        }
    }
}

/// What a row counts: the words most of its reports state and the things
/// most of them count.
struct RowCount {
    keys: Vec<u32>,
    whats: Vec<u32>,
}

impl RowCount {
    fn of(reports: &[usize], sents: &[Sent], docs: &[&[SentenceTerms]]) -> RowCount {
        let need = reports.len().div_ceil(2).max(1);
        // Each report's distinct items, all in one list: sorted, an item's
        // run is the number of reports that state it.
        let common = |items: &mut Vec<u32>, from: usize| {
            items[from..].sort_unstable();
            let mut w = from;
            for r in from..items.len() {
                if r == from || items[r] != items[w - 1] {
                    items[w] = items[r];
                    w += 1;
                }
            }
            items.truncate(w);
        };
        let mut whats: Vec<u32> = Vec::new();
        let mut keys: Vec<u32> = Vec::new();
        for &o in reports {
            let s = &docs[sents[o].doc][sents[o].idx];
            let from = whats.len();
            whats.extend(s.numbers.iter().filter_map(|c| c.what));
            common(&mut whats, from);
            let from = keys.len();
            keys.extend(s.words.iter().filter(|w| !w.capital).map(|w| w.key));
            common(&mut keys, from);
        }
        let stated = |mut all: Vec<u32>| -> Vec<u32> {
            all.sort_unstable();
            let mut out = Vec::new();
            for run in all.chunk_by(|a, b| a == b) {
                if run.len() >= need {
                    out.push(run[0]);
                }
            }
            out
        };
        RowCount { keys: stated(keys), whats: stated(whats) }
    }

    /// How precisely `s` counts what the row counts (0 when it does not):
    /// its count of the row's words, and only of the row's thing. "40
    /// percent of the oil" says nothing about an injury count, nor "the two
    /// men agreed" about a call.
    fn precision(&self, s: &SentenceTerms) -> u8 {
        if self.whats.is_empty() {
            return 0;
        }
        super::facts::count_for_keys(s, &self.keys)
            .filter(|c| c.what.is_some_and(|w| self.whats.contains(&w)))
            .map_or(0, |c| c.precision)
    }
}

fn joins(ga: &[usize], gb: &[usize], get: &impl Fn(usize, usize) -> f32, p: &Params) -> bool {
    let mut sum = 0.0;
    let mut n = 0usize;
    for &x in ga {
        for &y in gb {
            let v = get(x, y);
            if v < p.floor {
                return false;
            }
            sum += v;
            n += 1;
        }
    }
    n > 0 && sum / n as f32 >= p.mean
}

/// A row's reports, anchored on the first of its keys each states; its
/// keys are the words most of its reports share, the most widely shared
/// first and among those the heaviest.
fn raw_fact(row: &[usize], sents: &[Sent], docs: &[&[SentenceTerms]], w: &Weights) -> RawFact {
    let mut shared: HashMap<u32, usize> = HashMap::default();
    for &x in row {
        for &k in &sents[x].keys {
            *shared.entry(k).or_default() += 1;
        }
    }
    let need = if row.len() >= 2 { 2.max(row.len().div_ceil(2)) } else { 1 };
    let mut keys: Vec<u32> = shared.iter().filter(|(_, c)| **c >= need).map(|(k, _)| *k).collect();
    keys.sort_by(|a, b| {
        shared[b].cmp(&shared[a]).then(w.of(*b).total_cmp(&w.of(*a))).then(a.cmp(b))
    });
    let reports = row
        .iter()
        .map(|&x| {
            let s = &docs[sents[x].doc][sents[x].idx];
            let anchor = keys
                .iter()
                .filter(|k| !w.is_name(**k))
                .find_map(|k| s.words.iter().find(|wd| wd.key == *k))
                .map_or((s.start, s.end), |wd| (wd.start, wd.end));
            RawReport { article: sents[x].doc, sentence: sents[x].idx, anchor }
        })
        .collect();
    let names = keys.iter().copied().filter(|&k| w.is_name(k)).collect();
    RawFact { keys, names, reports }
}

#[cfg(test)]
mod tests {
    use super::super::terms::Vocab;
    use super::super::test_docs::doc;
    use super::*;

    /// As [`doc`], with the counts the analysis finds in each line.
    fn counted_doc(lines: &[&str], v: &mut Vocab) -> Vec<SentenceTerms> {
        let (text, mut out) = doc(lines, v);
        for s in &mut out {
            let line = &text[s.start..s.end];
            s.breaks = super::super::counts::breaks(&text, s.start..s.end);
            s.numbers = crate::analysis::values::find_values(line, None)
                .into_iter()
                .filter(|x| x.kind == crate::analysis::Kind::Number)
                .map(|x| {
                    let what = super::super::counts::what(&x, line);
                    super::super::facts::Count {
                        start: s.start + x.start,
                        end: s.start + x.end,
                        precision: 3,
                        people: what.as_deref() == Some("people"),
                        what: what.map(|w| v.id(&w)),
                    }
                })
                .collect();
        }
        out
    }

    #[test]
    fn counts_of_people_after_one_happening_line_up() {
        // Long sentences that share little else still state one fact when
        // they count the dead of one quake.
        let mut v = Vocab::default();
        let a = counted_doc(
            &[
                "A powerful quake struck the southern coast near the port city in September, killing seven people, mostly fishermen, while the harbour and old market were flattened.",
                "Schools reopened in the capital.",
            ],
            &mut v,
        );
        let b = counted_doc(
            &[
                "Engineers inspected the bridges.",
                "That temblor killed six people and caused heavy damage.",
            ],
            &mut v,
        );
        assert!(rows(&[&a, &b]).contains(&vec![(0, 0), (1, 1)]), "{:?}", rows(&[&a, &b]));
        // A count of something else after the same word is not that fact.
        let c = counted_doc(
            &[
                "Engineers inspected the bridges.",
                "Hunters killed six deer near the lake in the north of the province.",
            ],
            &mut v,
        );
        assert!(rows(&[&a, &c]).is_empty(), "{:?}", rows(&[&a, &c]));
    }

    /// The rows (two articles or more) as (article, sentence) pairs.
    fn rows(docs: &[&[SentenceTerms]]) -> Vec<Vec<(usize, usize)>> {
        align(docs, &[], &Params::default())
            .into_iter()
            .filter(|f| f.reports.len() >= 2)
            .map(|f| f.reports.iter().map(|r| (r.article, r.sentence)).collect())
            .collect()
    }

    #[test]
    fn one_happening_in_other_words_lines_up() {
        let mut v = Vocab::default();
        let (_, a) = doc(
            &[
                "A strong earthquake struck the island of Qeshm on Sunday, injuring five villagers.",
                "Schools were closed.",
            ],
            &mut v,
        );
        let (_, b) = doc(
            &[
                "Officials said a quake struck Qeshm island on Sunday and five villagers were injured.",
                "Markets stayed open.",
            ],
            &mut v,
        );
        assert_eq!(rows(&[&a, &b]), [vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn a_sentence_an_article_repeats_is_one_report_in_one_row() {
        // A standfirst that opens the body again: the same fact, once.
        let mut v = Vocab::default();
        let lead =
            "A strong earthquake struck the island of Qeshm on Sunday, injuring five villagers.";
        let (_, a) = doc(&[lead, "Schools were closed.", lead], &mut v);
        let (_, b) = doc(
            &[
                "Officials said a quake struck Qeshm island on Sunday and five villagers were injured.",
                "Markets stayed open.",
            ],
            &mut v,
        );
        assert_eq!(rows(&[&a, &b]), [vec![(0, 0), (1, 0)]]);
    }

    #[test]
    fn a_shared_figure_lines_up_loosely_matching_reports() {
        // Little else in common, but the same amount offered: one fact.
        let mut v = Vocab::default();
        let lines = |amount: &str| {
            [
                format!(
                    "Club owners met the agent in the hotel lobby and offered a contract worth {amount} over eight seasons."
                ),
                "Schools were closed.".to_string(),
            ]
        };
        let (a1, a2) = (lines("$160 million"), lines("$90 million"));
        let (_, a) = doc(&[a1[0].as_str(), a1[1].as_str()], &mut v);
        let (_, c) = doc(&[a2[0].as_str(), a2[1].as_str()], &mut v);
        let (_, b) = doc(
            &[
                "Reports say the offer to the slugger, thought to be $160 million, is the richest yet.",
                "Fans waited.",
            ],
            &mut v,
        );
        // The sentences' own likeness, apart from the ledes' main row
        // (which takes both ledes of one offer, whatever its amount).
        let p = Params { main_share: 2.0, ..Params::default() };
        let joined = |x: &[SentenceTerms], y: &[SentenceTerms]| {
            align(&[x, y], &[], &p).iter().any(|f| {
                f.reports.iter().any(|r| (r.article, r.sentence) == (0, 0))
                    && f.reports.iter().any(|r| (r.article, r.sentence) == (1, 0))
            })
        };
        assert!(joined(&a, &b));
        assert!(!joined(&c, &b));
    }

    #[test]
    fn a_shared_word_or_name_is_not_a_shared_happening() {
        let mut v = Vocab::default();
        let (_, a) = doc(
            &["A suspected rocket attack hit the Harbour base in Iraq on Monday night."],
            &mut v,
        );
        let (_, b) = doc(
            &["Israel is suspected of carrying out the assassination of a commander in Tehran."],
            &mut v,
        );
        let (_, c) = doc(&["Harbour residents in Iraq queued for bread and fuel."], &mut v);
        assert!(rows(&[&a, &b, &c]).is_empty());
    }

    #[test]
    fn every_report_matches_every_other_without_chaining() {
        let mut v = Vocab::default();
        // b is like a and like c, but a and c state different things.
        let (_, a) = doc(&["Police arrested the driver after the crash on the bridge."], &mut v);
        let (_, b) = doc(
            &["Police arrested the driver after the crash and closed the bridge to traffic."],
            &mut v,
        );
        let (_, c) = doc(&["Engineers closed the bridge to traffic for repairs."], &mut v);
        for row in rows(&[&a, &b, &c]) {
            assert!(!(row.contains(&(0, 0)) && row.contains(&(2, 0))), "{row:?}");
        }
    }

    #[test]
    fn a_sentence_stating_two_facts_reports_both() {
        let mut v = Vocab::default();
        let (_, a) = doc(
            &[
                "Flames gutted the timber warehouse overnight and detectives arrested the night watchman on suspicion of arson.",
                "The mayor praised the volunteers.",
            ],
            &mut v,
        );
        let (_, b) =
            doc(&["Flames gutted the timber warehouse overnight.", "Roads stayed open."], &mut v);
        let (_, c) = doc(
            &["Detectives arrested the night watchman on suspicion of arson.", "Rain fell."],
            &mut v,
        );
        let found = rows(&[&a, &b, &c]);
        assert!(found.iter().any(|r| r == &[(0, 0), (1, 0)]), "{found:?}");
        assert!(found.iter().any(|r| r == &[(0, 0), (2, 0)]), "{found:?}");
        // Never the two facts in one row: b and c state nothing in common.
        assert!(!found.iter().any(|r| r.contains(&(1, 0)) && r.contains(&(2, 0))), "{found:?}");
    }

    /// The articles (with their sentence) shown as the only one to state a
    /// fact.
    fn singles(docs: &[&[SentenceTerms]]) -> Vec<(usize, usize)> {
        align(docs, &[], &Params::default())
            .into_iter()
            .filter(|f| f.reports.len() == 1)
            .map(|f| (f.reports[0].article, f.reports[0].sentence))
            .collect()
    }

    #[test]
    fn a_sentence_sharing_its_participants_is_not_called_exclusive() {
        let mut v = Vocab::default();
        let (_, a) = doc(
            &["The Angels obtained Teixeira from the Atlanta Braves in a summer trade."],
            &mut v,
        );
        let (_, b) = doc(
            &[
                "Teixeira was acquired from Atlanta in July.",
                "The governor opened a new bridge across the harbour yesterday afternoon.",
            ],
            &mut v,
        );
        let found = singles(&[&a, &b]);
        assert!(!found.contains(&(0, 0)), "{found:?}");
        assert!(found.contains(&(1, 1)), "{found:?}");
    }
}
