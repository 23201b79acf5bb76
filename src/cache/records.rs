//! What the cache stores, field by field: a file's articles, their
//! analyses, a corpus' entities and its comparison.
//!
//! Written by hand rather than derived so the format is compact (byte
//! spans as small deltas: a mention costs about three bytes) and so a field
//! added to any of these types fails to compile here instead of being
//! silently left out. Decoding checks every span against its article's
//! body and every index against the corpus, so a record that decodes is
//! safe to use.

use std::path::Path;

use chrono::Weekday;

use super::codec::{Corrupt, Dec, Enc, Result};
use crate::analysis::segment::{Segmentation, Sentence};
use crate::analysis::values::{
    DateExpr, DateRange, Hedge, Part, Period, Rel, TimeUnit, Value, ValueDetail,
};
use crate::analysis::{Analysis, Kind, Mention};
use crate::compare::{Comparison, Fact, Quantity, Report, ReportValue, Status, Story};
use crate::corpus::{Article, Loaded};
use crate::index::{Entity, Index, MentionRef};

/// How much of a cached analysis to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// None: the articles alone (`list`); `analyses.bin` is not read.
    Articles,
    /// The mentions only: enough to highlight and to list entities when
    /// the corpus' entities and comparison are cached too.
    Mentions,
    /// Everything, for resolving entities and comparing afresh.
    Full,
}

// ---- articles ----------------------------------------------------------

/// An article's analysis as `analyses.bin` stores it: none, or one to
/// encode, or one encoded already (by [`analysis_bytes`]).
#[derive(Debug, Clone, Copy)]
pub enum Stored<'a> {
    None,
    Analysis(&'a Analysis),
    Encoded(&'a [u8]),
}

/// An analysis encoded as `analyses.bin` stores it, to keep in place of
/// the analysis until the pack is written.
pub fn analysis_bytes(an: &Analysis) -> Vec<u8> {
    let mut e = Enc::default();
    encode_analysis(&mut e, an);
    e.buf
}

/// A file's articles as read, each with its position in the file (for
/// files holding several). Neither the path nor the id is stored: the path
/// is the one the file is given by now, and ids are given to the whole
/// corpus after loading.
pub fn encode_articles(e: &mut Enc, articles: &[(&Article, Option<usize>)]) {
    e.n(articles.len());
    for &(a, index) in articles {
        e.opt_n(index);
        e.str(&a.title);
        e.opt_str(a.outlet.as_deref());
        e.opt_date(a.date);
        e.opt_str(a.url.as_deref());
        e.opt_str(a.author.as_deref());
        e.str(&a.body);
    }
}

pub fn decode_articles(d: &mut Dec<'_>, path: &Path) -> Result<Vec<Loaded>> {
    let n = d.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let index = d.opt_n()?;
        let article = Article {
            id: String::new(),
            path: path.to_path_buf(),
            title: d.string()?,
            outlet: d.opt_string()?,
            date: d.opt_date()?,
            url: d.opt_string()?,
            author: d.opt_string()?,
            body: d.string()?,
        };
        out.push(Loaded { article, index });
    }
    Ok(out)
}

/// The analyses of a file's articles, in the order of its articles'
/// record: each encoded, or none.
pub fn encode_analyses(e: &mut Enc, analyses: &[Stored<'_>]) {
    e.n(analyses.len());
    for &analysis in analyses {
        match analysis {
            Stored::Analysis(an) => {
                e.bool(true);
                e.bytes(&analysis_bytes(an));
            }
            Stored::Encoded(bytes) => {
                e.bool(true);
                e.bytes(bytes);
            }
            Stored::None => e.bool(false),
        }
    }
}

/// A file's analyses, checked against `bodies`, its articles' text (none
/// for an article whose analysis is not wanted, a repeat left out of the
/// corpus): as many as there are articles, every span inside its text.
pub fn decode_analyses(
    d: &mut Dec<'_>,
    bodies: &[Option<&str>],
    depth: Depth,
) -> Result<Vec<Option<Analysis>>> {
    if d.count()? != bodies.len() {
        return Err(Corrupt("analyses of other articles"));
    }
    let mut out = Vec::with_capacity(bodies.len());
    for body in bodies {
        let analysis = if d.bool()? {
            let blob = d.bytes()?;
            match body {
                Some(body) => Some(decode_analysis(&mut Dec::new(blob), body, depth)?),
                None => None,
            }
        } else {
            None
        };
        out.push(analysis);
    }
    Ok(out)
}

// ---- analyses ------------------------------------------------------------

/// Mentions first, so [`Depth::Mentions`] stops after them.
pub fn encode_analysis(e: &mut Enc, an: &Analysis) {
    e.n(an.mentions.len());
    let mut prev = 0;
    for m in &an.mentions {
        e.delta(prev, m.start);
        e.delta(m.start, m.end);
        e.byte(kind_code(m.kind));
        prev = m.start;
    }
    e.n(an.values.len());
    let mut prev = 0;
    for v in &an.values {
        encode_value(e, prev, v);
        prev = v.start;
    }
    // Sentences without their tokens: nothing after the analysis reads
    // tokens (see `Segmentation::without_tokens`).
    let seg = &an.segmentation;
    e.n(seg.sentences.len());
    let mut prev = 0;
    for s in &seg.sentences {
        e.delta(prev, s.start);
        e.delta(s.start, s.end);
        prev = s.end;
    }
}

pub fn decode_analysis(d: &mut Dec<'_>, body: &str, depth: Depth) -> Result<Analysis> {
    let mut an = Analysis::default();
    let n = d.count()?;
    an.mentions.reserve(n);
    let mut prev = 0;
    for _ in 0..n {
        let start = d.delta(prev)?;
        let end = d.delta(start)?;
        span(body, start, end)?;
        an.mentions.push(Mention { start, end, kind: kind_of(d.byte()?)? });
        prev = start;
    }
    if depth < Depth::Full {
        return Ok(an);
    }
    let n = d.count()?;
    an.values.reserve(n);
    let mut prev = 0;
    for _ in 0..n {
        let v = decode_value(d, prev, body)?;
        prev = v.start;
        an.values.push(v);
    }
    let n = d.count()?;
    let mut sentences = Vec::with_capacity(n);
    let mut prev = 0;
    for _ in 0..n {
        let start = d.delta(prev)?;
        let end = d.delta(start)?;
        span(body, start, end)?;
        sentences.push(Sentence { start, end, tokens: 0..0 });
        prev = end;
    }
    an.segmentation = Segmentation { sentences, tokens: Vec::new() };
    Ok(an)
}

/// `body[start..end]` exists: in order, in bounds, on char boundaries.
fn span(body: &str, start: usize, end: usize) -> Result<()> {
    if start <= end && body.is_char_boundary(start) && body.is_char_boundary(end) {
        Ok(())
    } else {
        Err(Corrupt("span outside its text"))
    }
}

fn encode_value(e: &mut Enc, base: usize, v: &Value) {
    e.delta(base, v.start);
    e.delta(v.start, v.end);
    e.byte(kind_code(v.kind));
    match &v.detail {
        ValueDetail::Number { low, high, hedge, unit_or_noun } => {
            e.byte(0);
            e.opt_f64(*low);
            e.opt_f64(*high);
            e.byte(hedge_code(*hedge));
            match unit_or_noun {
                Some((s, t)) => {
                    e.bool(true);
                    e.delta(v.start, *s);
                    e.delta(*s, *t);
                }
                None => e.bool(false),
            }
        }
        ValueDetail::Date { expr, resolved } => {
            e.byte(1);
            encode_date_expr(e, expr);
            encode_range(e, resolved.as_ref());
        }
    }
}

fn decode_value(d: &mut Dec<'_>, base: usize, body: &str) -> Result<Value> {
    let start = d.delta(base)?;
    let end = d.delta(start)?;
    span(body, start, end)?;
    let kind = kind_of(d.byte()?)?;
    let detail = match d.byte()? {
        0 => {
            let low = d.opt_f64()?;
            let high = d.opt_f64()?;
            let hedge = hedge_of(d.byte()?)?;
            let unit_or_noun = if d.bool()? {
                let s = d.delta(start)?;
                let t = d.delta(s)?;
                span(body, s, t)?;
                Some((s, t))
            } else {
                None
            };
            ValueDetail::Number { low, high, hedge, unit_or_noun }
        }
        1 => {
            let expr = decode_date_expr(d)?;
            let resolved = decode_range(d)?;
            ValueDetail::Date { expr, resolved }
        }
        _ => return Err(Corrupt("bad value tag")),
    };
    Ok(Value { start, end, kind, detail })
}

/// An optional resolved date range: a flag, then its two ends.
fn encode_range(e: &mut Enc, r: Option<&DateRange>) {
    match r {
        Some(r) => {
            e.bool(true);
            e.date(r.start);
            e.date(r.end);
        }
        None => e.bool(false),
    }
}

fn decode_range(d: &mut Dec<'_>) -> Result<Option<DateRange>> {
    Ok(if d.bool()? { Some(DateRange { start: d.date()?, end: d.date()? }) } else { None })
}

fn opt_i32(e: &mut Enc, v: Option<i32>) {
    match v {
        Some(x) => {
            e.bool(true);
            e.i(i64::from(x));
        }
        None => e.bool(false),
    }
}

fn get_i32(d: &mut Dec<'_>) -> Result<i32> {
    i32::try_from(d.i()?).map_err(|_| Corrupt("number out of range"))
}

fn get_u32(d: &mut Dec<'_>) -> Result<u32> {
    u32::try_from(d.u()?).map_err(|_| Corrupt("number out of range"))
}

fn get_opt_i32(d: &mut Dec<'_>) -> Result<Option<i32>> {
    Ok(if d.bool()? { Some(get_i32(d)?) } else { None })
}

fn encode_date_expr(e: &mut Enc, x: &DateExpr) {
    match *x {
        DateExpr::Day { year, month, day, to_day } => {
            e.byte(0);
            opt_i32(e, year);
            e.u(u64::from(month));
            e.u(u64::from(day));
            e.opt_n(to_day.map(|t| t as usize));
        }
        DateExpr::Month { year, month, part } => {
            e.byte(1);
            opt_i32(e, year);
            e.u(u64::from(month));
            e.byte(part as u8);
        }
        DateExpr::Year { year, to_year, part } => {
            e.byte(2);
            e.i(i64::from(year));
            opt_i32(e, to_year);
            e.byte(part as u8);
        }
        DateExpr::Decade(y) => {
            e.byte(3);
            e.i(i64::from(y));
        }
        DateExpr::Weekday { weekday, rel } => {
            e.byte(4);
            e.byte(weekday.num_days_from_monday() as u8);
            e.byte(rel as u8);
        }
        DateExpr::DayOffset(n) => {
            e.byte(5);
            e.i(i64::from(n));
        }
        DateExpr::Period { period, rel } => {
            e.byte(6);
            e.byte(period as u8);
            e.byte(rel as u8);
        }
        DateExpr::Ago { n, unit } => {
            e.byte(7);
            e.opt_n(n.map(|v| v as usize));
            e.byte(unit as u8);
        }
    }
}

fn decode_date_expr(d: &mut Dec<'_>) -> Result<DateExpr> {
    let opt_u32 = |d: &mut Dec<'_>| -> Result<Option<u32>> {
        d.opt_n()?.map(|v| u32::try_from(v).map_err(|_| Corrupt("number out of range"))).transpose()
    };
    Ok(match d.byte()? {
        0 => DateExpr::Day {
            year: get_opt_i32(d)?,
            month: get_u32(d)?,
            day: get_u32(d)?,
            to_day: opt_u32(d)?,
        },
        1 => {
            DateExpr::Month { year: get_opt_i32(d)?, month: get_u32(d)?, part: part_of(d.byte()?)? }
        }
        2 => DateExpr::Year {
            year: get_i32(d)?,
            to_year: get_opt_i32(d)?,
            part: part_of(d.byte()?)?,
        },
        3 => DateExpr::Decade(get_i32(d)?),
        4 => DateExpr::Weekday {
            weekday: Weekday::try_from(d.byte()?).map_err(|_| Corrupt("bad weekday"))?,
            rel: rel_of(d.byte()?)?,
        },
        5 => DateExpr::DayOffset(get_i32(d)?),
        6 => DateExpr::Period { period: period_of(d.byte()?)?, rel: rel_of(d.byte()?)? },
        7 => DateExpr::Ago { n: opt_u32(d)?, unit: unit_of(d.byte()?)? },
        _ => return Err(Corrupt("bad date tag")),
    })
}

// ---- small enums ---------------------------------------------------------

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Person => 0,
        Kind::Org => 1,
        Kind::Place => 2,
        Kind::Group => 3,
        Kind::Date => 4,
        Kind::Number => 5,
    }
}

fn kind_of(b: u8) -> Result<Kind> {
    Kind::ALL.iter().copied().find(|&k| kind_code(k) == b).ok_or(Corrupt("bad kind"))
}

const HEDGES: [Hedge; 8] = [
    Hedge::Exact,
    Hedge::AtLeast,
    Hedge::MoreThan,
    Hedge::AtMost,
    Hedge::FewerThan,
    Hedge::About,
    Hedge::Vague,
    Hedge::Range,
];

fn hedge_code(h: Hedge) -> u8 {
    match h {
        Hedge::Exact => 0,
        Hedge::AtLeast => 1,
        Hedge::MoreThan => 2,
        Hedge::AtMost => 3,
        Hedge::FewerThan => 4,
        Hedge::About => 5,
        Hedge::Vague => 6,
        Hedge::Range => 7,
    }
}

fn hedge_of(b: u8) -> Result<Hedge> {
    HEDGES.iter().copied().find(|&h| hedge_code(h) == b).ok_or(Corrupt("bad hedge"))
}

fn part_of(b: u8) -> Result<Part> {
    [Part::Whole, Part::Early, Part::Mid, Part::Late]
        .into_iter()
        .find(|&p| p as u8 == b)
        .ok_or(Corrupt("bad part"))
}

fn rel_of(b: u8) -> Result<Rel> {
    [Rel::Plain, Rel::This, Rel::Last, Rel::Next, Rel::EarlierThis, Rel::LaterThis]
        .into_iter()
        .find(|&r| r as u8 == b)
        .ok_or(Corrupt("bad relation"))
}

fn period_of(b: u8) -> Result<Period> {
    [Period::Week, Period::Weekend, Period::Month, Period::Year, Period::Season]
        .into_iter()
        .find(|&p| p as u8 == b)
        .ok_or(Corrupt("bad period"))
}

fn unit_of(b: u8) -> Result<TimeUnit> {
    [TimeUnit::Day, TimeUnit::Week, TimeUnit::Month, TimeUnit::Year]
        .into_iter()
        .find(|&u| u as u8 == b)
        .ok_or(Corrupt("bad unit"))
}

fn status_code(s: Status) -> u8 {
    match s {
        Status::Agree => 0,
        Status::Differ => 1,
        Status::Single => 2,
    }
}

fn status_of(b: u8) -> Result<Status> {
    [Status::Agree, Status::Differ, Status::Single]
        .into_iter()
        .find(|&s| status_code(s) == b)
        .ok_or(Corrupt("bad status"))
}

// ---- the corpus' entities ------------------------------------------------

/// A run of entities (the index is stored in several records).
pub fn encode_entities(e: &mut Enc, entities: &[Entity]) {
    e.n(entities.len());
    for x in entities {
        e.str(&x.id);
        e.str(&x.name);
        e.byte(kind_code(x.kind));
        e.n(x.aliases.len());
        for a in &x.aliases {
            e.str(a);
        }
        e.n(x.mentions.len());
        let mut prev = 0;
        for m in &x.mentions {
            e.delta(prev, m.article);
            e.n(m.mention);
            prev = m.article;
        }
        e.n(x.articles.len());
        let mut prev = 0;
        for &a in &x.articles {
            e.delta(prev, a);
            prev = a;
        }
    }
}

/// Entities, checked against `mentions[a]`, the number of mentions of each
/// article of the corpus.
pub fn decode_entities(d: &mut Dec<'_>, mentions: &[usize], out: &mut Vec<Entity>) -> Result<()> {
    let n = d.count()?;
    out.reserve(n);
    for _ in 0..n {
        let id = d.string()?;
        let name = d.string()?;
        let kind = kind_of(d.byte()?)?;
        let k = d.count()?;
        let aliases = (0..k).map(|_| d.string()).collect::<Result<Vec<_>>>()?;
        let k = d.count()?;
        let mut refs = Vec::with_capacity(k);
        let mut prev = 0;
        for _ in 0..k {
            let article = d.delta(prev)?;
            let mention = d.n()?;
            if mentions.get(article).is_none_or(|&count| mention >= count) {
                return Err(Corrupt("entity mention out of range"));
            }
            refs.push(MentionRef { article, mention });
            prev = article;
        }
        let k = d.count()?;
        let mut articles = Vec::with_capacity(k);
        let mut prev = 0;
        for _ in 0..k {
            let a = d.delta(prev)?;
            if a >= mentions.len() {
                return Err(Corrupt("entity article out of range"));
            }
            articles.push(a);
            prev = a;
        }
        out.push(Entity { id, name, kind, aliases, mentions: refs, articles });
    }
    Ok(())
}

/// The index from its entities: which entity each mention names.
pub fn index_of(entities: Vec<Entity>, mentions: &[usize]) -> Index {
    let mut entity_of: Vec<Vec<Option<usize>>> = mentions.iter().map(|&n| vec![None; n]).collect();
    for (i, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            if let Some(slot) = entity_of.get_mut(m.article).and_then(|v| v.get_mut(m.mention)) {
                *slot = Some(i);
            }
        }
    }
    Index { entities, entity_of }
}

// ---- the comparison --------------------------------------------------------

pub fn encode_stories(e: &mut Enc, stories: &[Story]) {
    e.n(stories.len());
    for s in stories {
        e.str(&s.id);
        e.str(&s.title);
        e.n(s.articles.len());
        for &a in &s.articles {
            e.n(a);
        }
        match s.dates {
            Some((first, last)) => {
                e.bool(true);
                e.date(first);
                e.date(last);
            }
            None => e.bool(false),
        }
        e.n(s.facts.len());
        for f in &s.facts {
            e.str(&f.id);
            e.str(&f.label);
            e.byte(status_code(f.status));
            e.opt_str(f.differs.as_deref());
            e.n(f.reports.len());
            for r in &f.reports {
                encode_report(e, r);
            }
        }
    }
}

fn encode_report(e: &mut Enc, r: &Report) {
    e.n(r.article);
    e.n(r.start);
    e.delta(r.start, r.end);
    e.delta(r.start, r.anchor.0);
    e.delta(r.anchor.0, r.anchor.1);
    e.n(r.values.len());
    for v in &r.values {
        let (vs, ve) = v.span();
        e.delta(r.start, vs);
        e.delta(vs, ve);
        e.byte(kind_code(v.kind));
        match &v.value {
            Some(q) => {
                e.bool(true);
                encode_quantity(e, q);
            }
            None => e.bool(false),
        }
    }
    e.opt_n(r.compared.map(|c| c as usize));
}

fn encode_quantity(e: &mut Enc, q: &Quantity) {
    match q {
        Quantity::Number { hedge, .. } => {
            e.byte(0);
            e.opt_f64(q.low());
            e.opt_f64(q.high());
            e.byte(hedge_code(*hedge));
        }
        Quantity::Date { resolved } => {
            e.byte(1);
            encode_range(e, resolved.as_ref());
        }
    }
}

fn decode_quantity(d: &mut Dec<'_>) -> Result<Quantity> {
    match d.byte()? {
        0 => {
            let low = d.opt_f64()?;
            let high = d.opt_f64()?;
            Ok(Quantity::number(low, high, hedge_of(d.byte()?)?))
        }
        1 => {
            let resolved = decode_range(d)?;
            Ok(Quantity::Date { resolved })
        }
        _ => Err(Corrupt("unknown quantity")),
    }
}

/// Stories, checked against the corpus' articles.
pub fn decode_stories(d: &mut Dec<'_>, articles: &[Article], out: &mut Vec<Story>) -> Result<()> {
    let n = d.count()?;
    out.reserve(n);
    for _ in 0..n {
        let id = d.string()?;
        let title = d.string()?;
        let k = d.count()?;
        let mut members = Vec::with_capacity(k);
        for _ in 0..k {
            let a = d.n()?;
            if a >= articles.len() {
                return Err(Corrupt("story article out of range"));
            }
            members.push(a);
        }
        let dates = if d.bool()? { Some((d.date()?, d.date()?)) } else { None };
        let k = d.count()?;
        let mut facts = Vec::with_capacity(k);
        for _ in 0..k {
            let id = d.string()?;
            let label = d.string()?;
            let status = status_of(d.byte()?)?;
            let differs = d.opt_string()?;
            let r = d.count()?;
            let reports = (0..r).map(|_| decode_report(d, articles)).collect::<Result<Vec<_>>>()?;
            facts.push(Fact { id, label, status, differs, reports });
        }
        out.push(Story { id, title, articles: members, facts, dates });
    }
    Ok(())
}

fn decode_report(d: &mut Dec<'_>, articles: &[Article]) -> Result<Report> {
    let article = d.n()?;
    let body = &articles.get(article).ok_or(Corrupt("report article out of range"))?.body;
    let start = d.n()?;
    let end = d.delta(start)?;
    span(body, start, end)?;
    let a0 = d.delta(start)?;
    let a1 = d.delta(a0)?;
    span(body, a0, a1)?;
    let k = d.count()?;
    let mut values = Vec::with_capacity(k);
    for _ in 0..k {
        let vs = d.delta(start)?;
        let ve = d.delta(vs)?;
        span(body, vs, ve)?;
        let kind = kind_of(d.byte()?)?;
        let value = if d.bool()? { Some(decode_quantity(d)?) } else { None };
        values.push(ReportValue::new(vs, ve, kind, value));
    }
    let compared = d.opt_n()?;
    if compared.is_some_and(|c| c >= values.len()) {
        return Err(Corrupt("compared value out of range"));
    }
    let (values, compared) = (values.into_boxed_slice(), compared.map(|c| c as u32));
    Ok(Report { article, start, end, anchor: (a0, a1), values, compared })
}

pub fn encode_story_of(e: &mut Enc, story_of: &[usize]) {
    e.n(story_of.len());
    for &s in story_of {
        e.n(s);
    }
}

pub fn decode_story_of(d: &mut Dec<'_>, articles: usize, stories: usize) -> Result<Vec<usize>> {
    let n = d.count()?;
    if n != articles {
        return Err(Corrupt("stories for another corpus"));
    }
    (0..n)
        .map(|_| {
            d.n().and_then(|s| if s < stories { Ok(s) } else { Err(Corrupt("story out of range")) })
        })
        .collect()
}

/// The comparison's parts in one value, as the cache reads it back.
pub fn comparison(stories: Vec<Story>, story_of: Vec<usize>) -> Comparison {
    Comparison { stories, story_of }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analysis, compare, corpus, index};

    fn sample() -> corpus::Corpus {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
        corpus::load(&[dir])
    }

    #[test]
    fn articles_and_analyses_round_trip_exactly() {
        let c = sample();
        let analyses = analysis::analyze_all(&c.articles);
        for (a, an) in c.articles.iter().zip(&analyses) {
            let l = Loaded { article: Article { id: String::new(), ..a.clone() }, index: Some(3) };
            let mut e = Enc::default();
            encode_articles(&mut e, &[(&l.article, l.index)]);
            let back = decode_articles(&mut Dec::new(&e.buf), &a.path).unwrap();
            assert_eq!(back, [l]);

            let mut e = Enc::default();
            encode_analyses(&mut e, &[Stored::Analysis(an), Stored::None]);
            let bodies = [Some(a.body.as_str()), Some(a.body.as_str())];
            let back = decode_analyses(&mut Dec::new(&e.buf), &bodies, Depth::Full).unwrap();
            assert_eq!(back.len(), 2);
            assert!(back[1].is_none());
            let got = back[0].as_ref().unwrap();
            assert_eq!(got.mentions, an.mentions);
            assert_eq!(got.values, an.values);
            assert_eq!(got.segmentation, an.segmentation.clone().without_tokens());
            // Mentions only; none where no text is given; and a count
            // that is not the articles' is refused.
            let m = decode_analyses(&mut Dec::new(&e.buf), &bodies, Depth::Mentions).unwrap();
            let m = m[0].as_ref().unwrap();
            assert_eq!(m.mentions, an.mentions);
            assert!(m.values.is_empty() && m.segmentation.tokens.is_empty());
            let none = decode_analyses(&mut Dec::new(&e.buf), &[None, None], Depth::Full).unwrap();
            assert!(none.iter().all(Option::is_none));
            assert!(decode_analyses(&mut Dec::new(&e.buf), &bodies[..1], Depth::Full).is_err());
        }
    }

    #[test]
    fn entities_and_comparison_round_trip_exactly() {
        let c = sample();
        let analyses = analysis::analyze_all(&c.articles);
        let ix = index::of_corpus(&c.articles, &analyses);
        let counts: Vec<usize> = analyses.iter().map(|a| a.mentions.len()).collect();
        let mut e = Enc::default();
        encode_entities(&mut e, &ix.entities);
        let mut entities = Vec::new();
        decode_entities(&mut Dec::new(&e.buf), &counts, &mut entities).unwrap();
        let back = index_of(entities, &counts);
        assert_eq!(back.entities, ix.entities);
        assert_eq!(back.entity_of, ix.entity_of);

        let cmp = compare::compare(&c.articles, &analyses);
        let mut e = Enc::default();
        encode_stories(&mut e, &cmp.stories);
        encode_story_of(&mut e, &cmp.story_of);
        let mut d = Dec::new(&e.buf);
        let mut stories = Vec::new();
        decode_stories(&mut d, &c.articles, &mut stories).unwrap();
        let story_of = decode_story_of(&mut d, c.articles.len(), stories.len()).unwrap();
        let back = comparison(stories, story_of);
        assert_eq!(format!("{back:?}"), format!("{cmp:?}"));
    }

    #[test]
    fn spans_outside_the_body_are_refused() {
        let an = Analysis {
            mentions: vec![Mention { start: 2, end: 40, kind: Kind::Place }],
            ..Analysis::default()
        };
        let mut e = Enc::default();
        encode_analysis(&mut e, &an);
        assert!(decode_analysis(&mut Dec::new(&e.buf), "short", Depth::Full).is_err());
        // Inside a multi-byte character.
        let an = Analysis {
            mentions: vec![Mention { start: 1, end: 2, kind: Kind::Place }],
            ..Analysis::default()
        };
        let mut e = Enc::default();
        encode_analysis(&mut e, &an);
        assert!(decode_analysis(&mut Dec::new(&e.buf), "é", Depth::Mentions).is_err());
    }
}
