//! The reader: the only code that knows a terminal exists.
//!
//! Events become [`action::Action`]s ([`input`]), [`app::App::update`]
//! applies them, the background loader's results come in through
//! [`app::App::receive`] ([`loader`]), and [`view::draw`] paints the
//! state, once per batch of events and results ([`drive`]).

pub mod action;
pub mod app;
pub mod cite;
pub mod compare;
pub mod entities;
pub mod filter;
pub mod finder;
pub mod focus;
pub mod grams;
pub mod help_text;
pub mod input;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod loader;
pub mod outside;
pub mod palette;
pub mod reading;
pub mod setup;
pub mod spans;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use crate::config::Loaded;
use crate::corpus::Warning;
use crate::pipeline::Options;
use app::App;
use loader::Update;

/// How the reader ended, for what is printed after it.
#[derive(Debug, Clone, Default)]
pub struct Ended {
    /// The files' warnings (of the finished corpus, if loading finished).
    pub warnings: Vec<Warning>,
    pub cache_problems: Vec<String>,
    pub articles: usize,
    /// Loading had finished.
    pub loaded: bool,
}

/// Open the reader on `paths` at once, loading them in the background;
/// returns when the user quits (or when loading finds nothing to read).
pub fn run(paths: Vec<PathBuf>, options: Options, config: &Loaded) -> io::Result<Ended> {
    let (mut app, theme, opener) = setup::reader(config);
    // Fetched articles join the list when the reader shows the library.
    app.fetch.library =
        crate::library::data_dir().ok().filter(|d| paths == [crate::library::articles_dir(d)]);
    app.fetch.options = options.clone();
    let updates = loader::spawn(paths, options, None)?;
    let mut reading = reading::Reading::open(&mut app);
    tracing::info!("reader started");
    // Declared before the terminal, so dropped after it is given back, on
    // every way out: a panic another thread met is told then.
    let _told = TellDeferred;
    let mut tui = terminal::Tui::enter()?;
    let size = tui.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    let mut after = |app: &mut App, backend: &mut CrosstermBackend<io::Stdout>| {
        app.carry_out(backend, &opener);
        app.start_fetch();
        reading.save_if_changed(app);
    };
    drive_with(&mut app, &mut tui, &theme, &mut TerminalEvents, &updates, &mut after)?;
    reading.save_if_changed(&mut app);
    drop(tui);
    reading.report();
    Ok(Ended {
        warnings: app.corpus.warnings.clone(),
        cache_problems: std::mem::take(&mut app.cache_problems),
        articles: app.corpus.articles.len(),
        loaded: app.loading.is_none(),
    })
}

/// Where the loop's events come from: the terminal, or a test's script.
pub trait Events {
    /// The next event, waiting at most `timeout`; `None` if none came.
    /// `app` is the state as last drawn.
    fn next(&mut self, app: &App, timeout: Duration) -> io::Result<Option<Event>>;
}

/// The real terminal's events.
pub struct TerminalEvents;

impl Events for TerminalEvents {
    fn next(&mut self, _app: &App, timeout: Duration) -> io::Result<Option<Event>> {
        if event::poll(timeout)? { event::read().map(Some) } else { Ok(None) }
    }
}

/// How often the loop looks for the loader's results while it works.
pub const TICK: Duration = Duration::from_millis(30);
/// Most time spent applying the loader's results before the next look
/// at the keys.
pub(crate) const UPDATE_BUDGET: Duration = Duration::from_millis(8);

/// What the loop did, for tests and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub frames: usize,
    pub events: usize,
    pub updates: usize,
}

/// The reader's loop: draw when something changed, wait a tick for an
/// event, apply every event already waiting (a burst of wheel or keys
/// costs one frame), then the loader's results waiting, within a time
/// budget so keys are never held up. Until the user quits.
pub fn drive<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    theme: &theme::Theme,
    events: &mut impl Events,
    updates: &Receiver<Update>,
) -> io::Result<Stats> {
    drive_with(app, terminal, theme, events, updates, &mut |_, _| {})
}

/// [`drive`], with `after` called on the app and the backend after each
/// burst of events: the run loop's hook for what reaches outside the app
/// (browser, clipboard, the saved reading state).
pub fn drive_with<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    theme: &theme::Theme,
    events: &mut impl Events,
    updates: &Receiver<Update>,
    after: &mut impl FnMut(&mut App, &mut B),
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    let mut dirty = true;
    let mut finished = false;
    // The last look at the loader's results ran out of time: more wait.
    let mut behind = false;
    while !app.quit {
        if dirty {
            terminal
                .draw(|frame| view::draw(frame, app, theme))
                .map_err(|e| io::Error::other(e.to_string()))?;
            stats.frames += 1;
            dirty = false;
        }
        let wait = if app.searching() || behind {
            Duration::ZERO
        } else if finished && !app.fetch.is_busy() {
            Duration::from_secs(1)
        } else {
            TICK
        };
        if let Some(ev) = events.next(app, wait)? {
            debug_panic();
            let mut ev = Some(ev);
            while let Some(e) = ev.take() {
                if let Some(a) = input::action(app, &e) {
                    app.update(a);
                }
                stats.events += 1;
                dirty = true;
                if app.quit {
                    break;
                }
                ev = events.next(app, Duration::ZERO)?;
            }
            after(app, terminal.backend_mut());
        }
        if app.searching() {
            app.search_more();
            dirty = true;
        }
        if app.poll_fetch() {
            dirty = true;
        }
        if finished {
            continue;
        }
        let until = Instant::now() + UPDATE_BUDGET;
        behind = false;
        loop {
            if Instant::now() >= until {
                behind = true;
                break;
            }
            match updates.try_recv() {
                Ok(u) => {
                    app.receive(u);
                    stats.updates += 1;
                    dirty = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    // The loader stopped without saying it was done.
                    if app.loading.is_some() {
                        let why = "loading stopped before it finished".to_string();
                        app.receive(Update::Done { cache_problems: vec![why] });
                        dirty = true;
                    }
                    finished = true;
                    break;
                }
            }
        }
    }
    Ok(stats)
}

struct TellDeferred;

impl Drop for TellDeferred {
    fn drop(&mut self) {
        crate::fault::announce_deferred();
    }
}

/// A panic on purpose inside the reader's loop, at the first key, so a
/// test can check the terminal is restored and the log holds the details:
/// debug builds only, when `DATELINE_DEBUG_PANIC` is set (its value goes
/// into the message; starting with "thread", the panic is on a thread of
/// its own, which the reader outlives).
fn debug_panic() {
    #[cfg(debug_assertions)]
    if let Some(v) = std::env::var_os("DATELINE_DEBUG_PANIC") {
        let message = format!("debug panic requested: {}", v.to_string_lossy());
        if message.starts_with("debug panic requested: thread") {
            static ONCE: std::sync::Once = std::sync::Once::new();
            ONCE.call_once(|| {
                let _ = std::thread::spawn(move || panic!("{message}")).join();
            });
        } else {
            panic!("{message}");
        }
    }
}
