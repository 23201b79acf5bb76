//! When something goes wrong inside dateline itself: the details go to a
//! log file (through `tracing`), never to the screen, and the user gets one
//! short message saying where that file is. No terminal here; the reader
//! adds giving the terminal back (see `tui::terminal`).

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use tracing_subscriber::fmt::MakeWriter;

use crate::display;

const LOG: &str = "dateline.log";
/// A log grown past this is moved to `dateline.log.old` at start, so it
/// never grows without end.
const MAX_LOG_BYTES: u64 = 1_000_000;

/// The folder of the log: `$DATELINE_DATA_DIR` when set, else the
/// platform's state folder (`~/.local/state/dateline` on Linux), else its
/// data folder (macOS and Windows have no state folder).
pub fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DATELINE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    let dirs = directories::ProjectDirs::from("", "", "dateline")?;
    Some(dirs.state_dir().unwrap_or_else(|| dirs.data_dir()).to_path_buf())
}

/// The log file's path, whether or not it exists yet.
pub fn log_path() -> Option<PathBuf> {
    log_dir().map(|d| d.join(LOG))
}

/// Send `tracing` events to the log file (created on the first event, in
/// append mode) and install the panic hook. Returns the log's path.
/// `DATELINE_LOG` sets the level (`error`, `warn`, `info`, `debug`, `trace`;
/// `info` by default).
pub fn init() -> Option<PathBuf> {
    let path = log_path();
    if let Some(p) = &path {
        rotate(p);
        let level = std::env::var("DATELINE_LOG")
            .ok()
            .and_then(|l| l.parse::<tracing::Level>().ok())
            .unwrap_or(tracing::Level::INFO);
        let _ = tracing_subscriber::fmt()
            .with_writer(LogFile { path: p.clone() })
            .with_ansi(false)
            .with_max_level(level)
            .try_init();
    }
    install_panic_hook(path.clone());
    path
}

fn rotate(path: &Path) {
    if fs::metadata(path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        let _ = fs::rename(path, path.with_extension("log.old"));
    }
}

/// Opens the log for each event: events are rare, and a log that cannot be
/// written must cost nothing and say nothing.
struct LogFile {
    path: PathBuf,
}

impl<'a> MakeWriter<'a> for LogFile {
    type Writer = Box<dyn Write + 'a>;

    fn make_writer(&'a self) -> Self::Writer {
        let open = || -> io::Result<fs::File> {
            if let Some(dir) = self.path.parent() {
                fs::create_dir_all(dir)?;
            }
            OpenOptions::new().create(true).append(true).open(&self.path)
        };
        match open() {
            Ok(f) => Box::new(f),
            Err(_) => Box::new(io::sink()),
        }
    }
}

/// On a panic: the message, where it happened and a backtrace to the log;
/// one short line to stderr with where the log is. Replaces the default
/// hook, whose message would print whatever text the panic carries, such
/// as a slice of an article, unfiltered.
fn install_panic_hook(log: Option<PathBuf>) {
    let _ = LOG_PATH.set(log);
    std::panic::set_hook(Box::new(|info| announce("stopped on", &record(info))));
}

/// Where [`init`] sends the log (unset before it runs).
static LOG_PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
/// A panic's summary kept to be told later (see [`defer`]).
static DEFERRED: Mutex<Option<String>> = Mutex::new(None);

/// Log a panic's message, place and backtrace; return its first line,
/// cleaned and cut, for the user.
pub fn record(info: &PanicHookInfo<'_>) -> String {
    let message = panic_message(info);
    let place = info.location().map_or_else(String::new, |l| format!("{l}"));
    let backtrace = std::backtrace::Backtrace::force_capture();
    tracing::error!(
        "panic in thread {}: {message}\n  at {place}\n{backtrace}",
        std::thread::current().name().unwrap_or("unnamed")
    );
    display::fit(message.lines().next().unwrap_or(""), 200)
}

/// Tell the user, in two lines on stderr: "dateline <what> an internal
/// error: <summary>" and where the log is.
pub fn announce(what: &str, summary: &str) {
    let log = LOG_PATH.get().cloned().flatten();
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "dateline {what} an internal error: {summary}");
    let _ = match log {
        Some(p) => writeln!(err, "The details are in {}", display::clean(&p.display().to_string())),
        None => writeln!(err, "(no log folder could be found for the details)"),
    };
}

/// Keep a panic's summary to tell once the terminal is the user's again:
/// for a panic off the drawing thread while the reader runs, which the
/// reader may survive. The first is kept.
pub fn defer(summary: String) {
    let mut d = DEFERRED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    d.get_or_insert(summary);
}

/// Tell a deferred panic, if there was one.
pub fn announce_deferred() {
    let d = DEFERRED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
    if let Some(summary) = d {
        announce("met", &summary);
    }
}

fn panic_message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    payload
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}
