//! `dateline fetch [--format table|json]`: every subscription fetched into
//! the library; a progress bar on stderr when it is a terminal, one warning
//! per feed or page that failed.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use serde::Serialize;

use super::ListFormat;
use crate::display::{clean, pad, pad_left};
use crate::library::{self, Event, FeedReport, FetchOptions, Outcome, Subscriptions};

#[derive(Serialize)]
struct Json<'a> {
    feeds: &'a [FeedReport],
    new: usize,
}

/// Run a fetch; the exit code: 0 when at least one feed answered.
pub fn run(format: ListFormat, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let dir = match library::data_dir() {
        Ok(d) => d,
        Err(e) => return fail(err, &e.to_string()),
    };
    match Subscriptions::load(&dir) {
        Ok(s) if s.feeds.is_empty() => {
            return fail(err, "no subscriptions; add one with `dateline feeds add URL`");
        }
        Ok(_) => {}
        Err(e) => return fail(err, &e.to_string()),
    }
    let bar = io::stderr().is_terminal().then(|| Mutex::new(()));
    let watch = |e: Event| {
        if let (Some(bar), Event::FeedDone { done, total, report }) = (&bar, e) {
            // One thread draws at a time.
            let _drawing = bar.lock().unwrap_or_else(|p| p.into_inner());
            draw_bar(done, total, &report.name);
        }
    };
    let outcome = library::fetch_all(&dir, FetchOptions::default(), &watch);
    if bar.is_some() {
        // The bar's line cleared before anything else is said.
        let _ = write!(io::stderr(), "\r\x1b[2K");
    }
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => return fail(err, &e.to_string()),
    };
    for w in &outcome.warnings {
        writeln!(err, "warning: {}", clean(&w.to_string()))?;
    }
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(
                &mut *out,
                &Json { feeds: &outcome.feeds, new: outcome.new },
            )?;
            writeln!(out)?;
        }
        ListFormat::Table => table(&outcome, out)?,
    }
    Ok(if outcome.any_answered() { 0 } else { 1 })
}

fn fail(err: &mut dyn Write, msg: &str) -> io::Result<u8> {
    writeln!(err, "error: {}", clean(msg))?;
    Ok(1)
}

fn table(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let w = outcome
        .feeds
        .iter()
        .map(|f| crate::display::width(&clean(&f.name)))
        .max()
        .unwrap_or(4)
        .clamp(4, 30);
    writeln!(out, "{}  {}  RESULT", pad("FEED", w), pad_left("NEW", 5))?;
    for f in &outcome.feeds {
        let result = match (&f.error, f.unchanged) {
            (Some(e), _) => format!("error: {e}"),
            (None, true) => "unchanged".to_string(),
            (None, false) => "ok".to_string(),
        };
        let line = format!(
            "{}  {}  {}",
            pad(&clean(&f.name), w),
            pad_left(&f.new.to_string(), 5),
            clean(&result)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{} new articles", outcome.new)
}

/// One line on stderr, redrawn in place.
fn draw_bar(done: usize, total: usize, name: &str) {
    const WIDTH: usize = 24;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH).min(WIDTH);
    let name: String = clean(name).chars().take(40).collect();
    let _ = write!(
        io::stderr(),
        "\r\x1b[2Kfetching [{}{}] {done}/{total} {name}",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled)
    );
    let _ = io::stderr().flush();
}
