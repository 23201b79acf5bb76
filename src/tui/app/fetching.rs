//! `R`: the subscriptions fetched in the background, on a thread of their
//! own. Articles the fetch adds to the library join the list as they
//! arrive (when the reader shows the library), the status line says how
//! far it is and how many feeds failed, and each failure is kept as a
//! warning, printed when the reader ends.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::App;
use crate::corpus::{self, Article, Warning};
use crate::library::{self, Event, FetchOptions, Subscriptions};

/// The reader's side of fetching.
#[derive(Debug, Default)]
pub struct FetchState {
    /// The data folder whose library the reader shows: fetched articles
    /// join the list. `None`: the reader shows other files; a fetch still
    /// fills the library of the default data folder.
    pub library: Option<PathBuf>,
    requested: bool,
    running: Option<Running>,
}

impl FetchState {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
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
        self.message = Some(if self.fetch.is_running() {
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

    /// What the fetch sent since the last look; true when anything changed.
    pub fn poll_fetch(&mut self) -> bool {
        let Some(run) = self.fetch.running.as_mut() else { return false };
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
        changed
    }
}

/// The article a fetch just stored, read as the loader reads it, its id
/// the file's stem as the loader gives it.
fn stored(path: &std::path::Path) -> Vec<Article> {
    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    corpus::read_file(path).0.into_iter().map(|l| Article { id: id.clone(), ..l.article }).collect()
}
