//! `dateline fetch`: every subscription asked (several feeds at once, few
//! requests at a time per host), each new or changed entry stored whole.
//! An entry whose feed gives only a summary has its page fetched and its
//! article text extracted by the loader's HTML path.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::corpus::{
    self, Answer, FeedEntry, FetchError, FetchLimits, Problem, Validators, Warning,
};

use super::LibraryError;
use super::hosts::Hosts;
use super::shelf::{self, Shelf, Stored};
use super::subscriptions::{Subscription, Subscriptions};

/// How a fetch runs.
#[derive(Debug, Clone, Copy)]
pub struct FetchOptions {
    /// Per request: feeds and pages alike.
    pub limits: FetchLimits,
    /// Feeds asked at once.
    pub workers: usize,
    /// Requests at once to one host.
    pub per_host: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions { limits: FetchLimits::default(), workers: 4, per_host: 2 }
    }
}

/// What became of one feed (the `feeds` rows of `fetch --format json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedReport {
    pub url: String,
    pub name: String,
    /// Articles added to the library.
    pub new: usize,
    /// The server said nothing changed (HTTP 304).
    pub unchanged: bool,
    pub error: Option<String>,
}

/// What a whole fetch did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub feeds: Vec<FeedReport>,
    pub new: usize,
    /// One per feed or page that failed, naming it.
    pub warnings: Vec<Warning>,
}

impl Outcome {
    /// Whether any feed answered (the exit code's question).
    pub fn any_answered(&self) -> bool {
        self.feeds.iter().any(|f| f.error.is_none())
    }
}

/// What a fetch tells its watcher as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// An article was written to the library.
    Stored(&'a Path),
    /// A feed is done: `done` of `total`.
    FeedDone {
        done: usize,
        total: usize,
        report: &'a FeedReport,
    },
    Warning(&'a Warning),
}

/// Fetch every subscription kept in `data_dir` into its library.
pub fn fetch_all(
    data_dir: &Path,
    options: FetchOptions,
    watch: &(dyn Fn(Event) + Sync),
) -> Result<Outcome, LibraryError> {
    let subs = Subscriptions::load(data_dir)?;
    let shelf = Shelf::new(data_dir);
    shelf
        .prepare()
        .map_err(|source| LibraryError::Write { path: shelf.dir().to_path_buf(), source })?;
    let total = subs.feeds.len();
    let feeds = subs.feeds.clone();
    let shared = Mutex::new(subs);
    let hosts = Hosts::new(options.per_host);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    // Each feed's report and warnings in its slot, so the outcome lists
    // them in the subscriptions' order whichever thread finished first.
    let slots: Mutex<Vec<Option<Done>>> = Mutex::new(vec![None; total]);
    let save_error = Mutex::new(None);
    let ctx = Context { shelf: &shelf, hosts: &hosts, limits: options.limits, watch };
    std::thread::scope(|s| {
        for _ in 0..options.workers.clamp(1, total.max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(sub) = feeds.get(i) else { break };
                    let (report, found, validators) = ctx.feed(sub);
                    let mut subs = shared.lock().unwrap_or_else(|p| p.into_inner());
                    if let Some(kept) = subs.feeds.iter_mut().find(|f| f.url == sub.url) {
                        record(kept, &report, validators);
                    }
                    if let Err(e) = subs.save(data_dir) {
                        save_error.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(e);
                    }
                    drop(subs);
                    let n = done.fetch_add(1, Ordering::SeqCst) + 1;
                    watch(Event::FeedDone { done: n, total, report: &report });
                    slots.lock().unwrap_or_else(|p| p.into_inner())[i] = Some((report, found));
                }
            });
        }
    });
    if let Some(e) = save_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let (feeds, warnings): (Vec<FeedReport>, Vec<Vec<Warning>>) =
        slots.into_inner().unwrap_or_else(|p| p.into_inner()).into_iter().flatten().unzip();
    let new = feeds.iter().map(|f| f.new).sum();
    Ok(Outcome { feeds, new, warnings: warnings.into_iter().flatten().collect() })
}

/// A feed fetched: its report and its warnings.
type Done = (FeedReport, Vec<Warning>);

/// The subscription after a fetch: its result, and the answer's validators
/// when every entry of it is stored.
fn record(sub: &mut Subscription, report: &FeedReport, validators: Option<Validators>) {
    sub.last_fetch = Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string());
    sub.result = Some(match (&report.error, report.unchanged) {
        (Some(e), _) => format!("error: {e}"),
        (None, true) => "unchanged".to_string(),
        (None, false) => format!("{} new", report.new),
    });
    if let Some(v) = validators {
        sub.etag = v.etag;
        sub.last_modified = v.last_modified;
    }
}

struct Context<'a> {
    shelf: &'a Shelf,
    hosts: &'a Hosts,
    limits: FetchLimits,
    watch: &'a (dyn Fn(Event) + Sync),
}

/// The file name a page is read under (the loader picks the format by it).
const PAGE_STEM: &str = "page";

/// Entries with fewer words than this and no content of their own are
/// summaries: their page holds the article.
const SUMMARY_WORDS: usize = 150;

impl Context<'_> {
    /// One feed: its report, its warnings, and the validators to keep (none
    /// when the feed failed or an entry could not be stored yet).
    fn feed(&self, sub: &Subscription) -> (FeedReport, Vec<Warning>, Option<Validators>) {
        let mut report = FeedReport {
            url: sub.url.clone(),
            name: sub.name.clone(),
            new: 0,
            unchanged: false,
            error: None,
        };
        let mut warnings = Vec::new();
        let since = Validators { etag: sub.etag.clone(), last_modified: sub.last_modified.clone() };
        let answer =
            self.hosts.with(&sub.url, || corpus::fetch_if_changed(&sub.url, &since, self.limits));
        let fetched = match answer {
            Ok(Answer::NotModified) => {
                report.unchanged = true;
                return (report, warnings, None);
            }
            Ok(Answer::Fetched(f)) => f,
            Err(e) => {
                report.error = Some(e.to_string());
                self.warn(&mut warnings, Warning::new(&sub.url, Problem::Fetch(e)));
                return (report, warnings, None);
            }
        };
        let feed = match corpus::read_feed_bytes(&fetched.bytes) {
            Ok(f) => f,
            Err(p) => {
                report.error = Some(p.to_string().trim_end_matches("; skipped").to_string());
                self.warn(&mut warnings, Warning::new(&sub.url, p));
                return (report, warnings, None);
            }
        };
        let mut complete = true;
        for entry in &feed.entries {
            match self.entry(sub, &fetched.url, entry) {
                Ok(Some(path)) => {
                    report.new += 1;
                    (self.watch)(Event::Stored(&path));
                }
                Ok(None) => {}
                Err(w) => {
                    complete = false;
                    self.warn(&mut warnings, w);
                }
            }
        }
        let validators = complete.then_some(Validators {
            etag: fetched.etag.clone(),
            last_modified: fetched.last_modified.clone(),
        });
        (report, warnings, validators)
    }

    fn warn(&self, warnings: &mut Vec<Warning>, w: Warning) {
        (self.watch)(Event::Warning(&w));
        warnings.push(w);
    }

    /// Store one entry; the path when it was new to the library, none when
    /// it was there already (or stored over its older self), a warning when
    /// it could not be stored.
    fn entry(
        &self,
        sub: &Subscription,
        feed_url: &str,
        entry: &FeedEntry,
    ) -> Result<Option<PathBuf>, Warning> {
        let feed_warning = |what: String| {
            Warning::new(&sub.url, Problem::Metadata(format!("entry {}: {what}", entry.index)))
        };
        let link = entry.meta.url.as_deref().map(|u| corpus::join(feed_url, u).unwrap_or(u.into()));
        if let Some(l) = &link
            && !corpus::is_http(l)
        {
            // Never fetched, never stored: a feed must not make dateline
            // read or keep a local file.
            let e = corpus::fetch_if_changed(l, &Validators::default(), self.limits)
                .err()
                .unwrap_or(FetchError::Scheme(l.clone()));
            return Err(feed_warning(format!("link {l}: {e}")));
        }
        let title = entry.meta.title.clone().unwrap_or_default();
        if link.is_none() && entry.body.trim().is_empty() && title.is_empty() {
            return Ok(None);
        }
        let stem = shelf::stem(&sub.url, link.as_deref(), entry.id.as_deref(), &title, &entry.body);
        let date = entry.meta.date.map(|d| d.format("%Y-%m-%d").to_string());
        let hash = format!(
            "{:016x}",
            shelf::hash(&[
                &title,
                link.as_deref().unwrap_or(""),
                date.as_deref().unwrap_or(""),
                &entry.body
            ])
        );
        if self.shelf.entry_of(&stem).as_deref() == Some(hash.as_str()) {
            return Ok(None);
        }
        let mut stored = Stored {
            title: entry.meta.title.clone(),
            outlet: Some(sub.name.clone()).filter(|n| !n.is_empty()),
            date,
            url: link.clone(),
            author: entry.meta.author.clone(),
            body: entry.body.clone(),
            feed: sub.url.clone(),
            entry: hash,
        };
        let summary_only = !entry.full && entry.body.split_whitespace().count() < SUMMARY_WORDS;
        if let (true, Some(page_url)) = (summary_only, &link) {
            let page = self.page(page_url)?;
            stored.body = page.body;
            // A page without a title of its own is named after the file name
            // it was read under.
            let page_title = Some(page.title).filter(|t| !t.is_empty() && t != PAGE_STEM);
            stored.title = stored.title.or(page_title);
            // The page's own publisher, when it names one, over the feed's name.
            stored.outlet = page.outlet.or(stored.outlet);
            stored.date = stored.date.or(page.date.map(|d| d.format("%Y-%m-%d").to_string()));
            stored.author = stored.author.or(page.author);
        }
        if stored.body.trim().is_empty() {
            return Err(feed_warning("no text; skipped".to_string()));
        }
        let path = self.shelf.path_of(&stem);
        match self.shelf.put(&stem, &stored) {
            Ok(true) => Ok(Some(path)),
            Ok(false) => Ok(None),
            Err(e) => Err(Warning::new(&path, Problem::Unreadable(format!("cannot store: {e}")))),
        }
    }

    /// An entry's page, read as the loader reads a `.html` file.
    fn page(&self, url: &str) -> Result<corpus::Article, Warning> {
        let fetched = self
            .hosts
            .with(url, || corpus::fetch_if_changed(url, &Validators::default(), self.limits));
        let fetched = match fetched {
            Ok(Answer::Fetched(f)) => f,
            Ok(Answer::NotModified) => {
                return Err(Warning::new(url, Problem::Fetch(FetchError::Status(304))));
            }
            Err(e) => return Err(Warning::new(url, Problem::Fetch(e))),
        };
        let loaded = corpus::load_bytes(Path::new(&format!("{PAGE_STEM}.html")), &fetched.bytes);
        match loaded.articles.into_iter().next() {
            Some(a) => Ok(a),
            None => Err(Warning::new(
                url,
                loaded.warnings.into_iter().next().map_or(Problem::NoText, |w| w.problem),
            )),
        }
    }
}
