//! The reader's background worker: runs the [`Pipeline`] on its own
//! thread (the work itself on all cores) and sends each result to the UI
//! as an [`Update`], which [`super::app::App::receive`] applies. The UI
//! thread never loads or analyses anything.
//!
//! When the UI goes away (the user quits while loading) the next send
//! fails and the worker stops after the batch in hand.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use super::grams::Grams;
use crate::analysis::Mention;
use crate::compare::Comparison;
use crate::corpus::{Article, Corpus};
use crate::index::{Index, MentionRef};
use crate::pipeline::{Loading, Need, Options, Pipeline};

/// A result from the worker, in the order they come.
#[derive(Debug)]
pub enum Update {
    /// The PATHs are listed: this many files and URLs to read.
    Listed {
        sources: usize,
    },
    /// Articles just read, before ids and in no order (the finished corpus
    /// replaces them), and how many sources are read so far.
    Read {
        articles: Vec<Article>,
        sources_done: usize,
    },
    /// The finished corpus: ids given, repeats removed, newest first.
    Loaded(Arc<Corpus>),
    /// What each article of the finished corpus contains, for the filter.
    Searchable(Grams),
    /// The mentions of articles `start..start + mentions.len()` of the
    /// finished corpus, and how many articles are analysed so far.
    Analysed {
        start: usize,
        mentions: Vec<Vec<Mention>>,
        done: usize,
    },
    /// The corpus' entities, and each one's mentions in reading order.
    Entities {
        index: Index,
        order: Vec<Vec<MentionRef>>,
    },
    Comparison(Comparison),
    /// Nothing more is coming; problems with the cache, to report.
    Done {
        cache_problems: Vec<String>,
    },
}

/// Start the worker on `paths`. `pace` is a pause after every batch, to
/// make loading deliberately slow (tests of responsiveness).
pub fn spawn(
    paths: Vec<PathBuf>,
    options: Options,
    pace: Option<Duration>,
) -> std::io::Result<Receiver<Update>> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("dateline-loader".into())
        .spawn(move || work(&paths, &options, pace, &tx))?;
    Ok(rx)
}

fn work(paths: &[PathBuf], options: &Options, pace: Option<Duration>, tx: &Sender<Update>) {
    let send = |u: Update| -> bool {
        if let Some(p) = pace {
            thread::sleep(p);
        }
        tx.send(u).is_ok()
    };
    let mut p = Pipeline::start(paths, options, Need::Everything);
    if !send(Update::Listed { sources: p.sources() }) {
        return;
    }
    let loaded = p.load(&mut |step| match step {
        Loading::Read { articles, files_done } => {
            let articles = articles.into_iter().cloned().collect();
            send(Update::Read { articles, sources_done: files_done })
        }
    });
    let Some(corpus) = loaded else { return };
    let corpus = Arc::new(corpus);
    if !send(Update::Loaded(Arc::clone(&corpus))) {
        return;
    }
    // The filter's pieces are built alongside the analysis: the filter
    // works without them meanwhile, only slower.
    let (for_grams, tx_grams) = (Arc::clone(&corpus), tx.clone());
    thread::spawn(move || {
        let _ = tx_grams.send(Update::Searchable(Grams::build(&for_grams.articles)));
    });
    let analysed = p.analyses(&corpus, &mut |start, batch, done| {
        let mentions = batch.iter().map(|a| a.mentions.clone()).collect();
        send(Update::Analysed { start, mentions, done })
    });
    let Some(analyses) = analysed else { return };
    let index = p.index(&corpus, &analyses);
    let order = super::entities::order_of(&corpus.articles, &index);
    if !send(Update::Entities { index, order }) {
        return;
    }
    // Mentions alone cannot be compared: let them go before the
    // comparison is read (or, should that fail, computed afresh).
    let analyses = p.complete_analyses().then_some(analyses);
    let comparison = p.comparison(&corpus, analyses.as_deref());
    drop(analyses);
    // Computed, the comparison lies scattered over the worker threads'
    // heaps among the freed working data of every story, whose pages then
    // cannot go back; a copy made here is packed together in this thread's
    // heap (and has no spare capacity), and the scattered original can be
    // given back whole. (Read from the cache, it is packed already, and
    // a copy would only add to the peak.)
    let comparison = if p.cache_use().comparison_cached {
        comparison
    } else {
        let packed = comparison.clone();
        drop(comparison);
        packed
    };
    // The analysis and the comparison's working data are gone; the reader
    // stays open for hours, so the memory they took goes back now, before
    // the reader is told loading is done.
    give_back_freed_memory();
    if !send(Update::Comparison(comparison)) {
        return;
    }
    let cache_problems = p.cache_problems().iter().map(ToString::to_string).collect();
    send(Update::Done { cache_problems });
}

/// Return the heap's free pages to the system. glibc keeps what a
/// program frees for its next allocations, so without this the reader
/// would hold the peak of its loading (several times what it keeps) for
/// as long as it stays open.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back_freed_memory() {
    unsafe extern "C" {
        fn malloc_trim(pad: usize) -> std::ffi::c_int;
    }
    // SAFETY: malloc_trim takes no pointers and is safe to call at any
    // time from any thread; it only releases memory no allocation uses.
    unsafe {
        malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back_freed_memory() {}

/// How far the loader is, as the status line shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files and URLs to read, once listed.
    pub sources: Option<usize>,
    pub sources_done: usize,
    /// Articles in the finished corpus, once it is.
    pub articles: Option<usize>,
    pub analysed: usize,
    pub entities: bool,
    pub comparison: bool,
}

impl Progress {
    /// What is being done, and (done, of) when it is counted.
    pub fn stage(&self) -> (String, Option<(usize, usize)>) {
        let Some(sources) = self.sources else { return ("listing files".into(), None) };
        let Some(articles) = self.articles else {
            let text = format!(
                "read {} of {} {}",
                thousands(self.sources_done),
                thousands(sources),
                if sources == 1 { "file" } else { "files" }
            );
            return (text, Some((self.sources_done, sources)));
        };
        if self.analysed < articles {
            let text = format!(
                "analysed {} of {} articles",
                thousands(self.analysed),
                thousands(articles)
            );
            return (text, Some((self.analysed, articles)));
        }
        if !self.entities {
            return ("finding entities".into(), None);
        }
        if !self.comparison {
            return ("comparing stories".into(), None);
        }
        ("finishing".into(), None)
    }
}

/// 98512 → "98,512".
pub use crate::corpus::summary::thousands;
