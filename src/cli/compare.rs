//! `dateline compare`: the comparison as JSON (CONTRACT.md), as Markdown
//! tables to paste into a report, or as a terminal table.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::values::ValueJson;
use crate::compare::{Comparison, Fact, Report, Status, Story};
use crate::corpus::{Article, Corpus, outlets};
use crate::display::{self, clean, fit, pad};

#[derive(Serialize)]
struct StoryJson<'a> {
    id: &'a str,
    title: &'a str,
    articles: Vec<&'a str>,
    /// First and last publication date, when known (an addition to the
    /// contract's shape).
    #[serde(skip_serializing_if = "Option::is_none")]
    dates: Option<[String; 2]>,
    facts: Vec<FactJson<'a>>,
}

#[derive(Serialize)]
struct FactJson<'a> {
    id: &'a str,
    label: &'a str,
    status: Status,
    /// What the reports disagree on (CONTRACT.md v2), when they do.
    #[serde(skip_serializing_if = "Option::is_none")]
    differs: Option<&'a str>,
    reports: Vec<ReportJson<'a>>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    article: &'a str,
    outlet: Option<&'a str>,
    sentence: &'a str,
    start: usize,
    end: usize,
    values: Vec<ValueOut>,
}

/// A report's value: the contract's `text`, `kind`, `low`, `high`, plus its
/// byte span and whether it is the one compared across reports.
#[derive(Serialize)]
struct ValueOut {
    #[serde(flatten)]
    value: ValueJson,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    compared: bool,
}

pub fn json(corpus: &Corpus, cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let arts = &corpus.articles;
    // `{"stories":[…]}` written a story at a time: built whole first, with
    // a copy of every value's text, it was the command's peak (36 MB at
    // 10,000 articles, 1.7× the corpus).
    out.write_all(b"{\"stories\":[")?;
    for (i, s) in cmp.stories.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let story = StoryJson {
            id: &s.id,
            title: &s.title,
            articles: s.articles.iter().map(|&a| arts[a].id.as_str()).collect(),
            dates: s.dates.map(|(a, b)| [a.to_string(), b.to_string()]),
            facts: s.facts.iter().map(|f| fact_json(f, arts)).collect(),
        };
        serde_json::to_writer(&mut *out, &story)?;
    }
    out.write_all(b"]}")?;
    writeln!(out)
}

fn fact_json<'a>(f: &'a Fact, arts: &'a [Article]) -> FactJson<'a> {
    FactJson {
        id: &f.id,
        label: &f.label,
        status: f.status,
        differs: f.differs.as_deref(),
        reports: f
            .reports
            .iter()
            .map(|r| {
                let a = &arts[r.article];
                ReportJson {
                    article: &a.id,
                    outlet: a.outlet.as_deref(),
                    sentence: &a.body[r.start..r.end],
                    start: r.start,
                    end: r.end,
                    values: r
                        .values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| ValueOut {
                            value: match &v.value {
                                Some(q) => q.to_json(a.body.get(v.range()).unwrap_or(""), v.kind),
                                None => ValueJson {
                                    text: a.body[v.range()].to_string(),
                                    kind: v.kind,
                                    low: None,
                                    high: None,
                                    hedge: None,
                                    from: None,
                                    to: None,
                                },
                            },
                            start: v.span().0,
                            end: v.span().1,
                            compared: r.compared == Some(i as u32),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}

/// Column names for a story's articles: the outlet's short name, "(unknown)"
/// without one, and a number after a name the story already has.
pub fn column_names(story: &Story, arts: &[Article]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    story
        .articles
        .iter()
        .map(|&a| {
            let base = clean(arts[a].outlet.as_deref().map_or("(unknown)", outlets::short_name));
            let n = seen.iter().filter(|s| **s == base).count();
            seen.push(base.clone());
            if n == 0 { base } else { format!("{base} #{}", n + 1) }
        })
        .collect()
}

/// A one-line heading for a story: title, dates, how many outlets.
pub fn story_heading(story: &Story) -> String {
    let dates = match story.dates {
        Some((a, b)) if a == b => format!(" · {}", a.format("%-d %b %Y")),
        Some((a, b)) => format!(" · {} – {}", a.format("%-d %b %Y"), b.format("%-d %b %Y")),
        None => String::new(),
    };
    let n = story.articles.len();
    format!("{}{} · {} article{}", clean(&story.title), dates, n, if n == 1 { "" } else { "s" })
}

/// The report's sentence on one line, with the compared value marked by
/// `mark` on both sides when the fact differs.
fn sentence(r: &Report, f: &Fact, a: &Article, mark: &str) -> String {
    sentence_from(r, f, a, mark, r.start)
}

/// Where to start showing a report in `room` columns: the sentence's start
/// when it fits, else a word a third of the room before its focus.
fn window_start(r: &Report, f: &Fact, body: &str, room: usize) -> usize {
    if display::width(&body[r.start..r.end]) <= room {
        return r.start;
    }
    display::word_start_before(body, r.start, r.focus(f.status), room / 3)
}

fn sentence_from(r: &Report, f: &Fact, a: &Article, mark: &str, from: usize) -> String {
    let body = &a.body;
    let mut s = String::new();
    if from > r.start {
        s.push('…');
    }
    let mut at = from;
    if f.status == Status::Differ
        && let Some(v) = r.compared_value()
        && v.span().0 >= from
    {
        s.push_str(&body[from..v.span().0]);
        s.push_str(mark);
        s.push_str(&body[v.range()]);
        s.push_str(mark);
        at = v.span().1;
    }
    s.push_str(&body[at..r.end]);
    clean(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// One Markdown table per story: a row per fact, a column per article.
pub fn markdown(corpus: &Corpus, cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let arts = &corpus.articles;
    for (k, story) in cmp.stories.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "## {} {}", story.id, escape(&story_heading(story)))?;
        writeln!(out)?;
        let cols = column_names(story, arts);
        writeln!(
            out,
            "| fact | {} |",
            cols.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
        )?;
        writeln!(out, "| --- |{}", " --- |".repeat(cols.len()))?;
        for f in &story.facts {
            let cells: Vec<String> = story
                .articles
                .iter()
                .map(|&a| match f.reports.iter().find(|r| r.article == a) {
                    Some(r) => escape(&sentence(r, f, &arts[a], "**")),
                    None => "—".to_string(),
                })
                .collect();
            writeln!(
                out,
                "| {} {}{} | {} |",
                f.status.marker(),
                escape(&clean(&f.label)),
                f.differs.as_ref().map_or(String::new(), |d| format!(" ({})", escape(&clean(d)))),
                cells.join(" | ")
            )?;
        }
    }
    Ok(())
}

/// One fact's reports as a Markdown table, a row per reporting article, the
/// compared value in bold where the outlets differ (what the reader's `y`
/// copies in the comparison view).
pub fn fact_markdown(
    story: &Story,
    fact: &Fact,
    arts: &[Article],
    out: &mut dyn Write,
) -> io::Result<()> {
    let (marker, heading) = (fact.status.marker(), escape(&story_heading(story)));
    writeln!(out, "**{marker} {}** · {heading}", escape(&fact.label))?;
    if let Some(d) = &fact.differs {
        writeln!(out)?;
        writeln!(out, "Differs: {}", escape(&clean(d)))?;
    }
    writeln!(out)?;
    writeln!(out, "| outlet | report |")?;
    writeln!(out, "| --- | --- |")?;
    let cols = column_names(story, arts);
    for r in &fact.reports {
        let col = story.articles.iter().position(|&a| a == r.article).unwrap_or(0);
        let name = cols.get(col).map_or("", String::as_str);
        let text = sentence(r, fact, &arts[r.article], "**");
        writeln!(out, "| {} | {} |", escape(name), escape(&text))?;
    }
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// For the terminal: per story a heading, then per fact its marker and
/// label and a line per reporting outlet, fitted to `width`.
pub fn table(
    corpus: &Corpus,
    cmp: &Comparison,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let arts = &corpus.articles;
    for (k, story) in cmp.stories.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", fit(&format!("{}  {}", story.id, story_heading(story)), width))?;
        let cols = column_names(story, arts);
        let cap = if width == super::UNLIMITED { usize::MAX } else { 16 };
        let w_col = cols.iter().map(|c| display::width(c)).max().unwrap_or(0).min(cap);
        for f in &story.facts {
            let head = match &f.differs {
                Some(d) => format!("{} · {}", clean(&f.label), clean(d)),
                None => clean(&f.label),
            };
            writeln!(out, "  {} {}", f.status.marker(), fit(&head, width.saturating_sub(4)))?;
            for r in &f.reports {
                let col = story.articles.iter().position(|&a| a == r.article).unwrap_or(0);
                let room = width.saturating_sub(6 + w_col + 2);
                let a = &arts[r.article];
                let text = sentence_from(r, f, a, "*", window_start(r, f, &a.body, room));
                writeln!(out, "    {}  {}", pad(&cols[col], w_col), fit(&text, room).trim_end())?;
            }
        }
    }
    Ok(())
}
