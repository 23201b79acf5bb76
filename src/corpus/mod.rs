//! Files → [`Article`]s plus [`Warning`]s. Bad input is data, not a crash:
//! every file skipped or read only in part yields one warning naming it.

mod boilerplate;
mod date;
mod decode;
mod feed;
mod fetch;
mod frontmatter;
mod html;
mod html_text;
mod ids;
mod item;
mod json;
mod jsonld;
mod limit;
mod meta;
pub mod outlets;
mod page_meta;
mod read;
pub mod summary;
mod text;
mod walk;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

pub use feed::{Feed, FeedEntry, FeedError, read_bytes as read_feed_bytes};
pub use fetch::{
    Answer, FetchError, FetchLimits, Fetched, MAX_REDIRECTS, Validators, fetch_if_changed, is_http,
    join,
};
pub use html::HtmlError;
pub use limit::MAX_ARTICLE_BYTES;
pub use read::Loaded;

/// One article as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Unique in the corpus and stable across runs: the file stem,
    /// disambiguated when two sources share one.
    pub id: String,
    /// The file it came from, as given on the command line, joined.
    pub path: PathBuf,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The text as the reader shows it: boilerplate removed, paragraphs
    /// separated by blank lines, no metadata header lines.
    pub body: String,
}

impl Article {
    /// Whitespace-separated words in the body.
    pub fn words(&self) -> usize {
        count_words(&self.body)
    }
}

/// What `s.split_whitespace().count()` gives, a byte at a time without
/// decoding characters: `list` counts the words of every article. Runs of
/// ASCII are counted a block at a time, in a loop without branches the
/// compiler turns into vector instructions.
fn count_words(s: &str) -> usize {
    const BLOCK: usize = 32;
    let b = s.as_bytes();
    let (mut n, mut in_space) = (0, true);
    for (k, block) in b.chunks(BLOCK).enumerate() {
        if block.len() == BLOCK && block.is_ascii() {
            let space: [bool; BLOCK] = std::array::from_fn(|j| ascii_space(block[j]));
            let mut starts = u8::from(in_space && !space[0]);
            for j in 1..BLOCK {
                starts += u8::from(space[j - 1] & !space[j]);
            }
            n += usize::from(starts);
            in_space = space[BLOCK - 1];
            continue;
        }
        for (j, &x) in block.iter().enumerate() {
            let space = match x {
                0..=0x7f => ascii_space(x),
                // A continuation byte belongs to the character before it.
                0x80..=0xbf => in_space,
                _ => unicode_space_at(&b[k * BLOCK + j..]),
            };
            n += usize::from(in_space && !space);
            in_space = space;
        }
    }
    n
}

/// Unicode White_Space within ASCII: space, and tab to CR.
fn ascii_space(x: u8) -> bool {
    x == b' ' || x.wrapping_sub(b'\t') <= b'\r' - b'\t'
}

/// Whether the UTF-8 sequence starting `b` is a White_Space character
/// beyond ASCII: U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000.
fn unicode_space_at(b: &[u8]) -> bool {
    matches!(
        b,
        [0xc2, 0x85 | 0xa0, ..]
            | [0xe1, 0x9a, 0x80, ..]
            | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
            | [0xe2, 0x81, 0x9f, ..]
            | [0xe3, 0x80, 0x80, ..]
    )
}

/// A problem with one input file: the file is skipped or read only in part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub problem: Problem,
}

/// Why a file was skipped or read only in part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("no such file or folder")]
    Missing,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("symbolic link loop; skipped")]
    LinkLoop,
    #[error("empty file; skipped")]
    Empty,
    #[error("binary file, not text; skipped")]
    Binary,
    #[error("no article text (blank or only boilerplate); skipped")]
    NoText,
    #[error("not valid UTF-8; decoded as Windows-1252")]
    NotUtf8,
    #[error("unsupported file type{}; skipped", .0.as_ref().map(|e| format!(" .{e}")).unwrap_or_default())]
    Unsupported(Option<String>),
    #[error("{0}; skipped")]
    Html(HtmlError),
    #[error("{0}; skipped")]
    Feed(FeedError),
    /// A URL given as a PATH that could not be fetched.
    #[error("{0}; skipped")]
    Fetch(FetchError),
    /// Front matter or JSON fields that could not be read (file read in part).
    #[error("{0}")]
    Metadata(String),
    #[error("{0}; skipped")]
    Json(String),
    #[error("{} of text; only the first {} read", limit::megabytes(*.0), limit::megabytes(MAX_ARTICLE_BYTES))]
    TooLong(usize),
    #[error("not a regular file (a pipe, socket or device); skipped")]
    NotAFile,
    #[error("disappeared while loading; skipped")]
    Vanished,
    #[error("changed while being read; read as found")]
    Changed,
    #[error("same text as {}; kept once", .0.display())]
    Duplicate(PathBuf),
    /// A folder below a given one that is plainly not articles (build
    /// output, installed packages): not read.
    #[error("folder of {0}, not articles; skipped")]
    NotArticles(&'static str),
    /// Several problems with one file, reported as one warning.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Several(Vec<Problem>),
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, problem: Problem) -> Self {
        Warning { path: path.into(), problem }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.problem)
    }
}

/// Everything loaded from a set of paths.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Newest first, undated last; ties broken by id.
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

/// Load every article under `paths` (files or folders, read recursively,
/// hidden entries skipped, or `http(s)://` URLs, fetched with the default
/// limits). Problems become warnings; the rest loads.
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_with(paths, FetchLimits::default())
}

/// [`load`], with the given limits on fetching URLs. Files are read on all
/// cores.
pub fn load_with(paths: &[PathBuf], limits: FetchLimits) -> Corpus {
    use rayon::prelude::*;
    let Sources { files, urls, mut warnings, .. } = sources(paths);
    let read: Vec<_> = files.par_iter().map(|f| read_file(f)).collect();
    let fetched = urls.iter().map(|u| read::read_url(u, limits));
    let mut loaded = Vec::new();
    for (source, (articles, problems)) in
        files.iter().chain(&urls).zip(read.into_iter().chain(fetched))
    {
        loaded.extend(articles);
        warn(source, problems, &mut warnings);
    }
    finish(loaded, warnings).corpus
}

/// What a set of PATH arguments names: the files to read, in a stable
/// order, the URLs to fetch, and the paths that could not be listed.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub files: Vec<PathBuf>,
    /// Each file's canonical path, when it resolves.
    pub canonical: Vec<Option<PathBuf>>,
    pub urls: Vec<PathBuf>,
    pub warnings: Vec<Warning>,
}

/// List what `paths` name (folders walked, nothing read yet).
pub fn sources(paths: &[PathBuf]) -> Sources {
    let mut warnings = Vec::new();
    let (urls, local): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| fetch::is_url(p));
    let (files, canonical) = walk::files(&local, &mut warnings).into_iter().unzip();
    Sources { files, canonical, urls, warnings }
}

/// Read `bytes` as the contents of a file named `path` (its extension picks
/// the format), without touching the disk: text that comes from elsewhere,
/// and the fuzzers. Problems become warnings naming `path`.
pub fn load_bytes(path: &std::path::Path, bytes: &[u8]) -> Corpus {
    let (loaded, problems) = read::read_named(path, bytes);
    let mut warnings = Vec::new();
    warn(path, problems, &mut warnings);
    finish(loaded, warnings).corpus
}

/// One file's articles (before ids are given) and its problems.
pub fn read_file(path: &std::path::Path) -> (Vec<Loaded>, Vec<Problem>) {
    read::read_file(path)
}

/// One URL's articles, fetched within `limits`, and its problems.
pub fn read_url(url: &std::path::Path, limits: FetchLimits) -> (Vec<Loaded>, Vec<Problem>) {
    read::read_url(url, limits)
}

/// A source's problems as warnings: one per source, naming it.
pub fn warn(source: &std::path::Path, problems: Vec<Problem>, warnings: &mut Vec<Warning>) {
    match problems.len() {
        0 => {}
        1 => warnings.extend(problems.into_iter().map(|p| Warning::new(source, p))),
        _ => warnings.push(Warning::new(source, Problem::Several(problems))),
    }
}

/// A finished corpus, and where each of its articles came from.
#[derive(Debug, Clone, Default)]
pub struct Finished {
    pub corpus: Corpus,
    /// For each article of `corpus`, its index in the `loaded` given to
    /// [`finish`].
    pub origin: Vec<usize>,
    /// Articles left out as repeats of another, with their index in
    /// `loaded`.
    pub dropped: Vec<(usize, Article)>,
}

/// Articles as read (in any order) → the corpus: ids given in path order,
/// repeated bodies kept once (with a warning), newest first.
pub fn finish(loaded: Vec<Loaded>, mut warnings: Vec<Warning>) -> Finished {
    // Positions are sorted, not the articles: each article then moves
    // once, instead of at every step of the sort.
    let mut by_path: Vec<usize> = (0..loaded.len()).collect();
    by_path.sort_by(|&a, &b| {
        let (x, y) = (&loaded[a], &loaded[b]);
        x.article.path.cmp(&y.article.path).then(x.index.cmp(&y.index))
    });
    let mut ids = ids::Ids::default();
    let mut slots: Vec<Option<Loaded>> = loaded.into_iter().map(Some).collect();
    let mut entries: Vec<Option<usize>> = Vec::with_capacity(slots.len());
    let mut articles: Vec<(usize, Article)> = by_path
        .into_iter()
        .filter_map(|origin| {
            let l = slots[origin].take()?;
            let mut article = l.article;
            article.id = ids.next(&article.path, l.index);
            entries.push(l.index);
            Some((origin, article))
        })
        .collect();
    let dropped = dedupe(&mut articles, &entries, &mut warnings);
    let mut newest: Vec<usize> = (0..articles.len()).collect();
    newest.sort_by(|&a, &b| order(&articles[a].1, &articles[b].1));
    let mut slots: Vec<Option<(usize, Article)>> = articles.into_iter().map(Some).collect();
    let (origin, articles) = newest.into_iter().filter_map(|i| slots[i].take()).unzip();
    Finished { corpus: Corpus { articles, warnings }, origin, dropped }
}

/// Keep the first of articles from different sources whose bodies are
/// identical (in path order); the others are returned. Within one source
/// (a feed) equal text is not a repeat: distinct entries share boilerplate,
/// and the feed reader tells its entries apart by link or id. Bodies are
/// compared through a hash first, so no body is copied. `entries` gives
/// each article's entry number in its file, for the warning.
fn dedupe(
    articles: &mut Vec<(usize, Article)>,
    entries: &[Option<usize>],
    warnings: &mut Vec<Warning>,
) -> Vec<(usize, Article)> {
    use std::hash::BuildHasher;
    let hasher = foldhash::fast::RandomState::default();
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut keep = vec![true; articles.len()];
    for (i, (_, a)) in articles.iter().enumerate() {
        let same = seen.entry(hasher.hash_one(sample(&a.body))).or_default();
        let repeat =
            same.iter().find(|&&j| articles[j].1.body == a.body && articles[j].1.path != a.path);
        match repeat {
            Some(&first) => {
                let first_path = &articles[first].1.path;
                let problem = match (
                    entries.get(i).copied().flatten(),
                    entries.get(first).copied().flatten(),
                ) {
                    (None, None) => Problem::Duplicate(first_path.clone()),
                    (mine, theirs) => Problem::Metadata(format!(
                        "{}same text as {}{}; kept once",
                        mine.map(|n| format!("entry {n}: ")).unwrap_or_default(),
                        first_path.display(),
                        theirs.map(|n| format!(" (entry {n})")).unwrap_or_default()
                    )),
                };
                warnings.push(Warning::new(&a.path, problem));
                keep[i] = false;
            }
            None => same.push(i),
        }
    }
    let (kept, dropped) =
        std::mem::take(articles).into_iter().zip(keep).partition::<Vec<_>, _>(|(_, k)| *k);
    *articles = kept.into_iter().map(|(a, _)| a).collect();
    dropped.into_iter().map(|(a, _)| a).collect()
}

/// What a body is hashed by to find repeats: its length, its start and
/// its end. Equal bodies give equal samples; the few distinct ones that
/// share a sample are told apart by comparing them whole, so hashing costs
/// the same for any length instead of reading every body.
fn sample(body: &str) -> (usize, &[u8], &[u8]) {
    const EDGE: usize = 64;
    let b = body.as_bytes();
    (b.len(), &b[..b.len().min(EDGE)], &b[b.len().saturating_sub(EDGE)..])
}

/// Newest first, undated last; ties by id, so the order is stable.
pub fn sort(articles: &mut [Article]) {
    articles.sort_by(order);
}

/// The corpus order: newest first, undated last, ties by id.
pub fn order(a: &Article, b: &Article) -> std::cmp::Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\nnew\x0bline\x0c\r",
            "non\u{a0}breaking\u{2003}em space",
            "naïve café — “quoted” words",
            "日本語 のニュース",
            "a\u{85}b\u{1680}c\u{2000}d\u{200a}e\u{2028}f\u{2029}g\u{202f}h\u{205f}i\u{3000}j",
            "not\u{200b}space\u{180e}either\u{feff}",
            "\u{a0}\u{a0}lead and trail\u{3000}",
        ] {
            assert_eq!(super::count_words(s), s.split_whitespace().count(), "{s:?}");
        }
        // Every character next to letters and spaces.
        for c in (0..0x3100).filter_map(char::from_u32) {
            let s = format!("a{c}b {c} {c}{c}c");
            assert_eq!(super::count_words(&s), s.split_whitespace().count(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn long_text_is_counted_alike_across_its_blocks() {
        // ASCII runs long enough for the block path, broken at every
        // offset by spaces and characters beyond ASCII.
        let pieces = [
            "word",
            " ",
            "  ",
            "\t",
            "\n\r",
            "\u{a0}",
            "\u{3000}",
            "é",
            "日本",
            "\u{200b}",
            "a b c ",
            "\u{2029}",
            "long-ish-token",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut s = String::new();
            let len = (seed % 97) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            assert_eq!(super::count_words(&s), s.split_whitespace().count(), "{s:?}");
        }
    }
}
