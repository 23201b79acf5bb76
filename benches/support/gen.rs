//! A corpus generator for scale work: N articles made of real sentences
//! (the ECB+ development articles in ../shared/dev-data/ecb-dev when they
//! are there, else sample-data), written as real files in every input
//! format dateline reads: raw text with headers and boilerplate, Markdown
//! with YAML or TOML front matter, JSON, JSON Lines, HTML pages, RSS and
//! Atom feeds; invented outlets, dates over six years, lengths from a few
//! sentences to two articles' worth.
//!
//! Shared by `examples/gen_corpus.rs`, `benches/scale.rs` and the tests
//! (`#[path]`-included). Deterministic: the same N gives the same files.
//! Every body is distinct, so the corpus loads without a warning.
#![allow(dead_code)] // each includer uses a different part

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};

/// Bump when the output changes, so stored corpora are regenerated.
pub const GENERATOR_VERSION: u32 = 1;

/// Invented outlets (none is in dateline's outlet table, so the raw-text
/// ones are read from their datelines or headers, as real ones would be).
const OUTLETS: &[&str] = &[
    "Harbour Post",
    "Northgate Herald",
    "Valley Courier",
    "Marton Daily",
    "Riverside Times",
    "Lakeside Ledger",
    "Eastfield Gazette",
    "Summit Wire",
    "Coastline News",
    "Prairie Tribune",
    "Granite Observer",
    "Meridian Press",
    "Bayview Chronicle",
    "Ashby Record",
    "Copperfield Sentinel",
    "Westmoor Standard",
    "Highland Dispatch",
    "Saltmarsh Journal",
    "Orchard Bulletin",
    "Kestrel Report",
];

const CITIES: &[&str] =
    &["WASHINGTON", "LONDON", "BRUSSELS", "NEW YORK", "PARIS", "BERLIN", "NAIROBI", "TOKYO"];

const AUTHORS: &[&str] = &[
    "Ann Lee",
    "Tomas Berg",
    "Priya Nair",
    "Lena Marsh",
    "Idris Vale",
    "Maya Ortiz",
    "Jon Halloway",
    "Sofia Brandt",
];

/// One real article, as lines of text (the first its headline).
#[derive(Debug, Clone)]
pub struct Seed {
    pub title: String,
    pub lines: Vec<String>,
}

/// The real text the corpus is made from.
#[derive(Debug, Clone)]
pub struct Seeds {
    pub source: PathBuf,
    pub articles: Vec<Seed>,
}

impl Seeds {
    /// The ECB+ development articles next to the repository when present,
    /// else the sample articles, read by dateline's own loader.
    pub fn load(manifest_dir: &Path) -> Seeds {
        let ecb = manifest_dir.join("../shared/dev-data/ecb-dev/articles");
        let source = if ecb.is_dir() { ecb } else { manifest_dir.join("sample-data") };
        let corpus = dateline::corpus::load(std::slice::from_ref(&source));
        let articles = corpus
            .articles
            .iter()
            .map(|a| {
                let lines: Vec<String> = a
                    .body
                    .split('\n')
                    .map(str::trim)
                    .filter(|l| l.len() > 1)
                    .map(str::to_string)
                    .collect();
                Seed { title: a.title.clone(), lines }
            })
            .filter(|s| s.lines.len() >= 2)
            .collect();
        Seeds { source, articles }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Generated {
    pub articles: usize,
    pub files: usize,
    /// Bytes on disk, all files.
    pub bytes: u64,
}

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// One generated article before it is written in some format.
struct Piece {
    title: String,
    outlet: &'static str,
    author: &'static str,
    /// `None` for a few: undated articles exist.
    date: Option<NaiveDate>,
    /// Paragraphs; the first is the headline.
    paragraphs: Vec<String>,
    slug: String,
}

/// The file formats, with how many articles one file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    RawText,
    MarkdownYaml,
    MarkdownToml,
    Json,
    JsonLines,
    Html,
    Rss,
    Atom,
}

impl Format {
    /// Weighted by articles: about a third raw text, a quarter Markdown,
    /// a fifth HTML, the rest JSON and feeds.
    fn pick(rng: &mut Rng) -> Format {
        match rng.below(100) {
            0..30 => Format::RawText,
            30..48 => Format::MarkdownYaml,
            48..56 => Format::MarkdownToml,
            56..64 => Format::Json,
            64..72 => Format::JsonLines,
            72..92 => Format::Html,
            92..96 => Format::Rss,
            _ => Format::Atom,
        }
    }

    fn per_file(self) -> usize {
        match self {
            Format::JsonLines => 8,
            Format::Rss | Format::Atom => 10,
            _ => 1,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Format::RawText => "txt",
            Format::MarkdownYaml | Format::MarkdownToml => "md",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::Rss => "xml",
            Format::Atom => "atom",
        }
    }
}

/// Write `n` articles under `out` (created; files in one folder per
/// outlet and year). Returns what was written.
pub fn generate(seeds: &Seeds, n: usize, out: &Path) -> io::Result<Generated> {
    if seeds.articles.is_empty() {
        return Err(io::Error::other(format!("no seed articles in {}", seeds.source.display())));
    }
    fs::create_dir_all(out)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut seen: HashSet<u64> = HashSet::new();
    let mut made = Generated::default();
    let mut next = 0usize;
    while next < n {
        let format = Format::pick(&mut rng);
        let count = format.per_file().min(n - next);
        let outlet = *rng.pick(OUTLETS);
        let pieces: Vec<Piece> =
            (0..count).map(|k| piece(seeds, &mut rng, &mut seen, next + k, outlet)).collect();
        let year = pieces.iter().find_map(|p| p.date).map_or(0, |d| d.year());
        let dir = out.join(slug(outlet)).join(if year == 0 {
            "undated".into()
        } else {
            year.to_string()
        });
        fs::create_dir_all(&dir)?;
        let path = dir.join(format!("g{next:06}.{}", format.ext()));
        let text = match format {
            Format::RawText => raw_text(&pieces[0], &mut rng),
            Format::MarkdownYaml => markdown_yaml(&pieces[0]),
            Format::MarkdownToml => markdown_toml(&pieces[0]),
            Format::Json => json_one(&pieces[0]),
            Format::JsonLines => json_lines(&pieces),
            Format::Html => html_page(&pieces[0], &mut rng),
            Format::Rss => rss(outlet, &pieces),
            Format::Atom => atom(outlet, &pieces),
        };
        fs::write(&path, &text)?;
        made.files += 1;
        made.articles += count;
        made.bytes += text.len() as u64;
        next += count;
    }
    Ok(made)
}

/// The folder a corpus of `n` lives in under `root`, and whether it is
/// already complete (written by this generator version).
pub fn stored(root: &Path, n: usize) -> (PathBuf, bool) {
    let dir = root.join(format!("corpus-{n}"));
    let stamp = fs::read_to_string(dir.join(".generated")).unwrap_or_default();
    let complete = stamp.trim() == format!("v{GENERATOR_VERSION} n={n}");
    (dir, complete)
}

/// Generate into [`stored`]'s folder unless it is complete already. The
/// stamp is a hidden file, so dateline does not read it.
pub fn ensure(seeds: &Seeds, root: &Path, n: usize) -> io::Result<PathBuf> {
    let (dir, complete) = stored(root, n);
    if complete {
        return Ok(dir);
    }
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    generate(seeds, n, &dir)?;
    fs::write(dir.join(".generated"), format!("v{GENERATOR_VERSION} n={n}\n"))?;
    Ok(dir)
}

/// Bytes of every file under `dir` (hidden ones excluded), and the files.
pub fn files_under(dir: &Path) -> (u64, Vec<PathBuf>) {
    let mut bytes = 0;
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
                continue;
            }
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(p),
                Ok(m) => {
                    bytes += m.len();
                    files.push(p);
                }
                Err(_) => {}
            }
        }
    }
    files.sort();
    (bytes, files)
}

/// Article `i`: the opening of one real article (its headline and from
/// three sentences to all of it), sometimes followed by another's
/// sentences, plus two sentences of a third; distinct from every body so
/// far.
fn piece(
    seeds: &Seeds,
    rng: &mut Rng,
    seen: &mut HashSet<u64>,
    i: usize,
    outlet: &'static str,
) -> Piece {
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    let all = &seeds.articles;
    let mut attempt = 0;
    loop {
        let base = rng.pick(all);
        let keep = 3 + rng.below(base.lines.len().saturating_sub(2).max(1));
        let mut paragraphs: Vec<String> = base.lines.iter().take(keep).cloned().collect();
        if rng.below(10) == 0 {
            let more = rng.pick(all);
            paragraphs.extend(more.lines.iter().skip(1).cloned());
        }
        let extra = rng.pick(all);
        let from = 1 + rng.below(extra.lines.len().saturating_sub(2).max(1));
        paragraphs.extend(extra.lines.iter().skip(from).take(2 + attempt / 4).cloned());
        let key = hasher.hash_one(&paragraphs);
        if seen.insert(key) || attempt > 40 {
            let title = if base.title.starts_with("ECB+") || base.title.is_empty() {
                headline_of(&paragraphs[0])
            } else {
                base.title.clone()
            };
            let day = NaiveDate::from_ymd_opt(2019, 1, 1)
                .and_then(|d| d.checked_add_days(Days::new(rng.below(6 * 365) as u64)));
            let date = if rng.below(25) == 0 { None } else { day };
            return Piece {
                title,
                outlet,
                author: AUTHORS[rng.below(AUTHORS.len())],
                date,
                paragraphs,
                slug: format!("story-{i}"),
            };
        }
        attempt += 1;
    }
}

/// A headline from a lead sentence: its first words, cut at a word.
fn headline_of(lead: &str) -> String {
    let mut out = String::new();
    for w in lead.split_whitespace() {
        if out.len() + w.len() > 72 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches(['.', ',', ';', ':']).to_string()
}

fn slug(s: &str) -> String {
    s.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

fn url(p: &Piece) -> String {
    format!("https://{}.example/news/{}", slug(p.outlet), p.slug)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Raw text as it is found: a header block or a dateline, navigation and
/// copyright lines around the story.
fn raw_text(p: &Piece, rng: &mut Rng) -> String {
    let mut s = String::new();
    let body = &p.paragraphs;
    match (rng.below(3), p.date) {
        (0, Some(d)) => {
            let _ = writeln!(s, "Title: {}", p.title);
            let _ = writeln!(s, "Source: {}", p.outlet);
            let _ = writeln!(s, "Date: {}\n", iso(d));
            s.push_str("Skip to content\n\n");
            for para in body {
                let _ = writeln!(s, "{para}\n");
            }
        }
        (1, Some(d)) => {
            let _ = writeln!(s, "date {}", iso(d));
            let _ = writeln!(s, "{}\n", body[0]);
            let city = rng.pick(CITIES);
            for (k, para) in body.iter().enumerate().skip(1) {
                if k == 1 {
                    let _ = writeln!(s, "{city} ({}) — {para}\n", p.outlet);
                } else {
                    let _ = writeln!(s, "{para}\n");
                }
                if k == 3 {
                    s.push_str("Read more: the latest from our newsroom\n\n");
                }
            }
        }
        _ => {
            // Hard-wrapped at about 72 columns, as mailed text often is.
            for para in body {
                let _ = writeln!(s, "{}\n", wrap72(para));
            }
        }
    }
    let _ = writeln!(
        s,
        "Copyright {} {}. All rights reserved.",
        p.date.map_or(2024, |d| d.year()),
        p.outlet
    );
    s
}

fn wrap72(text: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in text.split_whitespace() {
        if col > 0 && col + w.len() + 1 > 72 {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

fn markdown_body(p: &Piece) -> String {
    let mut s = format!("# {}\n\n", p.paragraphs[0]);
    for (k, para) in p.paragraphs.iter().enumerate().skip(1) {
        if k == 4 && p.paragraphs.len() > 7 {
            s.push_str("## Background\n\n");
        }
        let _ = writeln!(s, "{para}\n");
    }
    s
}

/// A double-quoted YAML scalar (JSON's string syntax is valid YAML).
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn markdown_yaml(p: &Piece) -> String {
    let mut s = String::from("---\n");
    let _ = writeln!(s, "title: {}", yaml_str(&p.title));
    let _ = writeln!(s, "outlet: {}", yaml_str(p.outlet));
    if let Some(d) = p.date {
        let _ = writeln!(s, "date: {}", iso(d));
    }
    let _ = writeln!(s, "url: {}", url(p));
    let _ = writeln!(s, "author: {}", yaml_str(p.author));
    s.push_str("---\n\n");
    s.push_str(&markdown_body(p));
    s
}

fn markdown_toml(p: &Piece) -> String {
    let q = |v: &str| toml::Value::String(v.to_string()).to_string();
    let mut s = String::from("+++\n");
    let _ = writeln!(s, "title = {}", q(&p.title));
    let _ = writeln!(s, "outlet = {}", q(p.outlet));
    if let Some(d) = p.date {
        let _ = writeln!(s, "date = {}", iso(d));
    }
    let _ = writeln!(s, "url = {}", q(&url(p)));
    s.push_str("+++\n\n");
    s.push_str(&markdown_body(p));
    s
}

/// An article object as news APIs give one: `source` as `{"name": …}`.
fn json_value(p: &Piece) -> serde_json::Value {
    serde_json::json!({
        "title": p.title,
        "source": {"name": p.outlet},
        "published_at": p.date.map(|d| format!("{}T08:30:00Z", iso(d))),
        "url": url(p),
        "author": p.author,
        "content": p.paragraphs.join("\n\n"),
    })
}

fn json_one(p: &Piece) -> String {
    let mut v = json_value(p);
    if p.date.is_none()
        && let Some(o) = v.as_object_mut()
    {
        o.remove("published_at");
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

fn json_lines(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| {
            let mut v = json_value(p);
            if p.date.is_none()
                && let Some(o) = v.as_object_mut()
            {
                o.remove("published_at");
            }
            v.to_string() + "\n"
        })
        .collect()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A news page: navigation, the story in `<article>`, related links and a
/// footer; metadata in meta tags, sometimes in JSON-LD too.
fn html_page(p: &Piece, rng: &mut Rng) -> String {
    let mut s =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(s, "<title>{} | {}</title>", esc(&p.title), esc(p.outlet));
    let _ = writeln!(s, "<meta property=\"og:title\" content=\"{}\">", esc(&p.title));
    let _ = writeln!(s, "<meta property=\"og:site_name\" content=\"{}\">", esc(p.outlet));
    let _ = writeln!(s, "<link rel=\"canonical\" href=\"{}\">", url(p));
    if let Some(d) = p.date {
        let _ = writeln!(
            s,
            "<meta property=\"article:published_time\" content=\"{}T09:00:00Z\">",
            iso(d)
        );
        if rng.below(2) == 0 {
            let ld = serde_json::json!({
                "@context": "https://schema.org", "@type": "NewsArticle",
                "headline": p.title, "datePublished": format!("{}T09:00:00Z", iso(d)),
                "publisher": {"@type": "Organization", "name": p.outlet},
                "author": {"@type": "Person", "name": p.author},
            });
            let _ = writeln!(s, "<script type=\"application/ld+json\">{ld}</script>");
        }
    }
    s.push_str("</head>\n<body>\n<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a> <a href=\"/sport\">Sport</a></nav></header>\n");
    s.push_str("<main>\n<article>\n");
    let _ = writeln!(s, "<h1>{}</h1>", esc(&p.paragraphs[0]));
    let _ = writeln!(s, "<p class=\"byline\">By {}</p>", esc(p.author));
    for para in &p.paragraphs[1..] {
        let _ = writeln!(s, "<p>{}</p>", esc(para));
    }
    s.push_str("</article>\n<aside><h2>Related</h2><ul><li><a href=\"/a\">More from World</a></li><li><a href=\"/b\">Most read</a></li></ul></aside>\n</main>\n");
    let _ = writeln!(
        s,
        "<footer><p>© {} — all rights reserved.</p></footer>\n</body>\n</html>",
        esc(p.outlet)
    );
    s
}

fn html_paragraphs(p: &Piece) -> String {
    p.paragraphs.iter().map(|x| format!("<p>{}</p>", esc(x))).collect()
}

fn rss(outlet: &str, pieces: &[Piece]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n",
    );
    let _ = writeln!(
        s,
        "<title>{}</title>\n<link>https://{}.example/</link>\n<description>News</description>",
        esc(outlet),
        slug(outlet)
    );
    for p in pieces {
        s.push_str("<item>\n");
        let _ = writeln!(
            s,
            "<title>{}</title>\n<link>{}</link>\n<guid>{}</guid>",
            esc(&p.title),
            url(p),
            url(p)
        );
        if let Some(d) = p.date {
            let _ = writeln!(s, "<pubDate>{}</pubDate>", d.format("%a, %d %b %Y 10:00:00 +0000"));
        }
        let _ = writeln!(s, "<description>{}</description>", esc(&html_paragraphs(p)));
        s.push_str("</item>\n");
    }
    s.push_str("</channel>\n</rss>\n");
    s
}

fn atom(outlet: &str, pieces: &[Piece]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = writeln!(
        s,
        "<title>{}</title>\n<id>urn:{}</id>\n<updated>2025-01-01T00:00:00Z</updated>",
        esc(outlet),
        slug(outlet)
    );
    for p in pieces {
        s.push_str("<entry>\n");
        let _ = writeln!(
            s,
            "<title>{}</title>\n<id>{}</id>\n<link href=\"{}\"/>",
            esc(&p.title),
            url(p),
            url(p)
        );
        if let Some(d) = p.date {
            let _ = writeln!(s, "<published>{}T10:00:00Z</published>", iso(d));
        }
        let _ = writeln!(
            s,
            "<updated>2025-01-01T00:00:00Z</updated>\n<author><name>{}</name></author>",
            esc(p.author)
        );
        let _ = writeln!(s, "<content type=\"html\">{}</content>", esc(&html_paragraphs(p)));
        s.push_str("</entry>\n");
    }
    s.push_str("</feed>\n");
    s
}
