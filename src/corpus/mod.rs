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
mod json;
mod jsonld;
mod limit;
mod meta;
pub mod outlets;
mod page_meta;
mod read;
mod text;
mod walk;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

pub use feed::FeedError;
pub use fetch::{FetchError, FetchLimits};
pub use html::HtmlError;
pub use limit::MAX_ARTICLE_BYTES;

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
        self.body.split_whitespace().count()
    }
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

/// [`load`], with the given limits on fetching URLs.
pub fn load_with(paths: &[PathBuf], limits: FetchLimits) -> Corpus {
    let mut warnings = Vec::new();
    let (urls, local): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| fetch::is_url(p));
    let files = walk::files(&local, &mut warnings);
    let mut loaded = Vec::new();
    let sources = files.iter().map(|f| (f, read::read_file(f)));
    let fetched = urls.iter().map(|u| (u, read::read_url(u, limits)));
    for (source, (articles, problems)) in sources.chain(fetched) {
        loaded.extend(articles);
        match problems.len() {
            0 => {}
            1 => warnings.extend(problems.into_iter().map(|p| Warning::new(source, p))),
            _ => warnings.push(Warning::new(source, Problem::Several(problems))),
        }
    }
    let mut articles = ids::assign(loaded);
    dedupe(&mut articles, &mut warnings);
    sort(&mut articles);
    Corpus { articles, warnings }
}

/// Read `bytes` as the contents of a file named `path` (its extension picks
/// the format), without touching the disk: text that comes from elsewhere,
/// and the fuzzers. Problems become warnings naming `path`.
pub fn load_bytes(path: &std::path::Path, bytes: &[u8]) -> Corpus {
    let (loaded, problems) = read::read_named(path, bytes);
    let mut warnings = Vec::new();
    match problems.len() {
        0 => {}
        1 => warnings.extend(problems.into_iter().map(|p| Warning::new(path, p))),
        _ => warnings.push(Warning::new(path, Problem::Several(problems))),
    }
    let mut articles = ids::assign(loaded);
    dedupe(&mut articles, &mut warnings);
    sort(&mut articles);
    Corpus { articles, warnings }
}

/// Keep the first of articles whose bodies are identical (in path order).
/// Bodies are compared through a hash first, so no body is copied.
fn dedupe(articles: &mut Vec<Article>, warnings: &mut Vec<Warning>) {
    use std::hash::{BuildHasher, RandomState};
    let hasher = RandomState::new();
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut keep = vec![true; articles.len()];
    for (i, a) in articles.iter().enumerate() {
        let same = seen.entry(hasher.hash_one(&a.body)).or_default();
        match same.iter().find(|&&j| articles[j].body == a.body) {
            Some(&first) => {
                warnings
                    .push(Warning::new(&a.path, Problem::Duplicate(articles[first].path.clone())));
                keep[i] = false;
            }
            None => same.push(i),
        }
    }
    let mut flags = keep.into_iter();
    articles.retain(|_| flags.next().unwrap_or(true));
}

/// Newest first, undated last; ties by id, so the order is stable.
pub fn sort(articles: &mut [Article]) {
    articles.sort_by(|a, b| match (a.date, b.date) {
        (Some(x), Some(y)) => y.cmp(&x).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
}
