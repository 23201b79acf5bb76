//! `R`: the subscriptions fetched in the background, on a thread of their
//! own. Articles the fetch adds to the library join the list as they
//! arrive (when the reader shows the library), the status line says how
//! far it is and how many feeds failed, and each failure is kept as a
//! warning, printed when the reader ends. Once it has added any, the
//! library is loaded again in the background, through the cache, so the
//! new articles are highlighted, their entities found and their stories
//! compared like the rest.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Instant;

use super::App;
use crate::corpus::{self, Article, Warning};
use crate::library::{self, Event, FetchOptions, Subscriptions};
use crate::pipeline::Options;
use crate::tui::loader::{self, Update};

/// Most time spent applying the reload's results in one look, so keys
/// are never held up: the first loading's budget.
use crate::tui::UPDATE_BUDGET as RELOAD_BUDGET;

/// The reader's side of fetching.
#[derive(Debug, Default)]
pub struct FetchState {
    /// The data folder whose library the reader shows: fetched articles
    /// join the list. `None`: the reader shows other files; a fetch still
    /// fills the library of the default data folder.
    pub library: Option<PathBuf>,
    /// How the library is loaded again after a fetch: the reader's own
    /// options (its cache).
    pub options: Options,
    requested: bool,
    running: Option<Running>,
    /// The library loading again after a fetch added articles.
    reload: Option<Receiver<Update>>,
}

impl FetchState {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Fetching, or loading the library again after a fetch.
    pub fn is_busy(&self) -> bool {
        self.running.is_some() || self.reload.is_some()
    }
}

#[derive(Debug)]
struct Running {
    notes: Receiver<Note>,
    done: usize,
    total: usize,
    new: usize,
    failed: usize,
}

/// What the fetching thread tells the reader.
#[derive(Debug)]
enum Note {
    Article(Box<Article>),
    Feed { done: usize, total: usize, failed: bool },
    Warning(Box<Warning>),
    End(Result<usize, String>),
}

impl App {
    /// `R` (from [`App::update`]): a fetch is asked for; the loop starts it
    /// ([`App::start_fetch`]) once the keys are handled.
    pub(super) fn request_fetch(&mut self) {
        self.message = Some(if self.fetch.is_busy() {
            "already fetching".to_string()
        } else if self.loading.is_some() {
            "fetch once loading is done".to_string()
        } else {
            self.fetch.requested = true;
            "fetching…".to_string()
        });
    }

    /// Start the fetch asked for, if one was.
    pub fn start_fetch(&mut self) {
        if !std::mem::take(&mut self.fetch.requested) {
            return;
        }
        let dir = match self.fetch.library.clone().map(Ok).unwrap_or_else(library::data_dir) {
            Ok(d) => d,
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        };
        match Subscriptions::load(&dir) {
            Ok(s) if s.feeds.is_empty() => {
                self.message =
                    Some("no subscriptions: add one with `dateline feeds add URL`".to_string());
                return;
            }
            Ok(_) => {}
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        }
        let (tx, notes) = mpsc::channel();
        let started = std::thread::Builder::new().name("dateline-fetch".into()).spawn(move || {
            let watch = |e: Event| {
                // The reader may be gone: nothing to tell then.
                let _ = match e {
                    Event::Stored(path) => stored(path)
                        .into_iter()
                        .try_for_each(|a| tx.send(Note::Article(Box::new(a)))),
                    Event::FeedDone { done, total, report } => {
                        tx.send(Note::Feed { done, total, failed: report.error.is_some() })
                    }
                    Event::Warning(w) => tx.send(Note::Warning(Box::new(w.clone()))),
                };
            };
            let end = library::fetch_all(&dir, FetchOptions::default(), &watch)
                .map(|o| o.new)
                .map_err(|e| e.to_string());
            let _ = tx.send(Note::End(end));
        });
        match started {
            Ok(_) => {
                self.fetch.running = Some(Running { notes, done: 0, total: 0, new: 0, failed: 0 });
            }
            Err(e) => self.message = Some(format!("cannot fetch: {e}")),
        }
    }

    /// What the fetch, or the reload after it, sent since the last look;
    /// true when anything changed.
    pub fn poll_fetch(&mut self) -> bool {
        let reloaded = self.poll_reload();
        let Some(run) = self.fetch.running.as_mut() else { return reloaded };
        let (mut batch, mut warnings, mut end) = (Vec::new(), Vec::new(), None);
        loop {
            match run.notes.try_recv() {
                Ok(Note::Article(a)) => {
                    run.new += 1;
                    batch.push(*a);
                }
                Ok(Note::Feed { done, total, failed }) => {
                    (run.done, run.total) = (done, total);
                    run.failed += usize::from(failed);
                }
                Ok(Note::Warning(w)) => warnings.push(*w),
                Ok(Note::End(e)) => end = Some(e),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    end.get_or_insert(Err("the fetch stopped before it finished".to_string()));
                    break;
                }
            }
        }
        let failed = match run.failed {
            0 => String::new(),
            1 => " · 1 feed failed".to_string(),
            n => format!(" · {n} feeds failed"),
        };
        let status = match &end {
            None => format!("fetching {}/{} feeds · {} new{failed}", run.done, run.total, run.new),
            Some(Ok(n)) => format!("fetched: {n} new{failed} (warnings on exit)"),
            Some(Err(e)) => format!("fetch failed: {e}"),
        };
        let status = if end.is_some() && run.failed == 0 {
            status.replace(" (warnings on exit)", "")
        } else {
            status
        };
        let changed = !batch.is_empty()
            || !warnings.is_empty()
            || end.is_some()
            || self.message.as_deref() != Some(status.as_str());
        self.message = Some(status);
        if end.is_some() {
            self.fetch.running = None;
        }
        if !warnings.is_empty() {
            Arc::make_mut(&mut self.corpus).warnings.extend(warnings);
        }
        if self.fetch.library.is_some() && !batch.is_empty() {
            self.append(batch);
        }
        if let (Some(Ok(new)), Some(dir)) = (&end, &self.fetch.library)
            && *new > 0
        {
            let paths = vec![library::articles_dir(dir)];
            match loader::spawn(paths, self.fetch.options.clone(), None) {
                Ok(rx) => self.fetch.reload = Some(rx),
                Err(e) => self.message = Some(format!("cannot analyse the new articles: {e}")),
            }
        }
        changed || reloaded
    }

    /// The reload's results since the last look, within a time budget.
    /// Its articles as read are not shown: the list holds them already,
    /// and the finished corpus replaces it, the selection kept.
    fn poll_reload(&mut self) -> bool {
        let Some(rx) = self.fetch.reload.take() else { return false };
        let until = Instant::now() + RELOAD_BUDGET;
        let mut changed = false;
        while Instant::now() < until {
            let update = match rx.try_recv() {
                Ok(u) => u,
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    if self.loading.is_some() {
                        let why = "loading the library again stopped before it finished";
                        self.receive(Update::Done { cache_problems: vec![why.to_string()] });
                    }
                    return true;
                }
            };
            changed = true;
            match update {
                Update::Read { sources_done, .. } => {
                    if let Some(p) = self.loading.as_mut() {
                        p.sources_done = sources_done;
                    }
                }
                u @ Update::Done { .. } => {
                    self.receive(u);
                    return true;
                }
                u => self.receive(u),
            }
        }
        self.fetch.reload = Some(rx);
        changed
    }
}

/// The article a fetch just stored, read as the loader reads it, its id
/// the file's stem as the loader gives it.
fn stored(path: &std::path::Path) -> Vec<Article> {
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    corpus::read_file(path).0.into_iter().map(|l| Article { id: id.clone(), ..l.article }).collect()
}
