//! `dateline feeds add|remove|list|import|export`: the subscriptions kept in
//! the data folder. `add` fetches each URL once to check that it is a feed.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Subcommand;
use serde::Serialize;

use super::ListFormat;
use crate::corpus::{self, Answer, FetchLimits, Validators};
use crate::display::{clean, pad};
use crate::library::{self, Subscription, Subscriptions, opml};

#[derive(Debug, Clone, Subcommand)]
pub enum FeedsAction {
    /// Subscribe to feeds (each URL is fetched once to check it is a feed).
    Add {
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
        /// The outlet its articles are credited to (default: the feed's title).
        #[arg(long)]
        name: Option<String>,
    },
    /// Unsubscribe, by URL or name (the articles fetched stay in the library).
    Remove {
        #[arg(required = true, value_name = "URL|NAME")]
        feeds: Vec<String>,
    },
    /// The subscriptions with their last fetch and its result.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Subscribe to every feed an OPML file lists.
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// The subscriptions as OPML 2.0 on stdout.
    Export,
}

/// Run one action; the exit code.
pub fn run(action: &FeedsAction, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let dir = match library::data_dir() {
        Ok(d) => d,
        Err(e) => return fail(err, &e.to_string()),
    };
    let mut subs = match Subscriptions::load(&dir) {
        Ok(s) => s,
        Err(e) => return fail(err, &e.to_string()),
    };
    let changed = match action {
        FeedsAction::Add { urls, name } => {
            if name.is_some() && urls.len() > 1 {
                writeln!(err, "error: --name names one feed; give one URL with it")?;
                return Ok(2);
            }
            let mut failed = false;
            for url in urls {
                match check(url) {
                    Ok(title) => {
                        let name = name.clone().or(title).unwrap_or_else(|| host_name(url));
                        let sub = Subscription {
                            url: url.trim().to_string(),
                            name: name.clone(),
                            ..Subscription::default()
                        };
                        if subs.add(sub) {
                            writeln!(out, "subscribed: {} ({})", clean(&name), clean(url))?;
                        } else {
                            writeln!(err, "warning: {}: subscribed already", clean(url))?;
                        }
                    }
                    Err(reason) => {
                        failed = true;
                        writeln!(err, "error: {}: {}; not subscribed", clean(url), clean(&reason))?;
                    }
                }
            }
            Some(u8::from(failed))
        }
        FeedsAction::Remove { feeds } => {
            let mut missing = false;
            for what in feeds {
                let gone = subs.remove(what);
                if gone.is_empty() {
                    missing = true;
                    writeln!(err, "error: {}: no such subscription", clean(what))?;
                }
                for g in gone {
                    writeln!(out, "unsubscribed: {} ({})", clean(&g.name), clean(&g.url))?;
                }
            }
            Some(u8::from(missing))
        }
        FeedsAction::List { format } => {
            list(&subs.feeds, *format, out)?;
            None
        }
        FeedsAction::Import { file } => {
            let text = match std::fs::read(file) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => return fail(err, &format!("{}: cannot read ({e})", file.display())),
            };
            let found = match opml::parse(&text) {
                Ok(f) => f,
                Err(reason) => return fail(err, &format!("{}: {reason}", file.display())),
            };
            let mut added = 0;
            for sub in found {
                if !corpus::is_http(&sub.url) {
                    writeln!(
                        err,
                        "warning: {}: {} is not an http or https address; skipped",
                        file.display(),
                        clean(&sub.url)
                    )?;
                } else if subs.add(sub) {
                    added += 1;
                }
            }
            writeln!(out, "imported {added} feeds from {}", file.display())?;
            Some(0)
        }
        FeedsAction::Export => {
            let created = chrono::Utc::now().to_rfc2822();
            out.write_all(opml::export(&subs.feeds, &created).as_bytes())?;
            None
        }
    };
    let Some(code) = changed else { return Ok(0) };
    if let Err(e) = subs.save(&dir) {
        return fail(err, &e.to_string());
    }
    // The library folder exists from the first subscription on, so reading
    // it before the first fetch finds an empty folder, not a missing one.
    let _ = std::fs::create_dir_all(library::articles_dir(&dir));
    Ok(code)
}

fn fail(err: &mut dyn Write, msg: &str) -> io::Result<u8> {
    writeln!(err, "error: {}", clean(msg))?;
    Ok(1)
}

/// Fetch `url` once; the feed's title when it is a feed, else why not.
fn check(url: &str) -> Result<Option<String>, String> {
    let url = url.trim();
    if !corpus::is_http(url) {
        return Err("not an http or https address".to_string());
    }
    let limits = FetchLimits::default();
    match corpus::fetch_if_changed(url, &Validators::default(), limits) {
        Ok(Answer::Fetched(f)) => match corpus::read_feed_bytes(&f.bytes) {
            Ok(feed) => Ok(feed.title),
            Err(p) => Err(format!("not a feed ({})", p.to_string().trim_end_matches("; skipped"))),
        },
        Ok(Answer::NotModified) => Err("the server answered HTTP 304".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

/// A name for a feed that gives none: its host.
fn host_name(url: &str) -> String {
    url::Url::parse(url.trim())
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| url.trim().to_string())
}

#[derive(Serialize)]
struct Row<'a> {
    url: &'a str,
    name: &'a str,
    last_fetch: Option<&'a str>,
    result: Option<&'a str>,
}

fn list(feeds: &[Subscription], format: ListFormat, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<Row> = feeds
        .iter()
        .map(|f| Row {
            url: &f.url,
            name: &f.name,
            last_fetch: f.last_fetch.as_deref(),
            result: f.result.as_deref(),
        })
        .collect();
    if format == ListFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        return writeln!(out);
    }
    let w =
        rows.iter().map(|r| crate::display::width(&clean(r.name))).max().unwrap_or(4).clamp(4, 30);
    writeln!(out, "{}  {}  {}  URL", pad("NAME", w), pad("LAST FETCH", 20), pad("RESULT", 16))?;
    for r in &rows {
        let line = format!(
            "{}  {}  {}  {}",
            pad(&clean(r.name), w),
            pad(r.last_fetch.unwrap_or("never"), 20),
            pad(&clean(r.result.unwrap_or("")), 16),
            clean(r.url)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
