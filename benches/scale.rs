//! Scale: the issue-5 table at 1k, 10k, 30k and 100k articles.
//!
//! ```sh
//! cargo bench --bench scale                 # all four sizes
//! cargo bench --bench scale -- 1000 10000   # some sizes
//! cargo bench --bench scale -- 100000 --only keys   # or cli, reader
//! ```
//!
//! For each size it generates the corpus once under `target/scale/`
//! (`benches/support/gen.rs`; reused while the generator is unchanged),
//! then, against the release `dateline` binary run as a child process:
//! - `wc -w` on the same files (run twice, the second timed, so both it
//!   and dateline read from the page cache);
//! - `list`, `entities` and `compare`, each cold (a fresh cache folder)
//!   then warm (the same folder again), output to /dev/null, with the
//!   child's peak memory (max RSS from `wait4`);
//! - the reader in a pseudo-terminal: time to the first frame, to the whole
//!   list, and to everything (entities, stories) loaded, cold and warm,
//!   and its peak memory;
//! - keystroke to redrawn frame on the loaded reader (in process, drawn on
//!   ratatui's TestBackend): list scrolling, filter typing, entity-finder
//!   typing; the slowest key of each.
//!
//! Prints one table (markdown) at the end, the machine's core count first.

#[path = "support/gen.rs"]
mod generator;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dateline::cache::Setting;
use dateline::pipeline::{Need, Options, Pipeline};
use dateline::tui::app::App;
use dateline::tui::entities::{Entities, order_of};
use dateline::tui::keymap::Keymap;
use dateline::tui::theme::Theme;
use dateline::tui::{action::Action, input, view};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const COMMANDS: [&str; 3] = ["list", "entities", "compare"];

#[derive(Debug, Clone, Copy, Default)]
struct Run {
    secs: f64,
    /// Peak resident memory of the child, bytes.
    peak: u64,
}

#[derive(Debug, Default)]
struct Reader {
    first_frame: f64,
    listed: f64,
    loaded: f64,
    peak: u64,
}

#[derive(Debug, Default)]
struct Row {
    n: usize,
    files: usize,
    bytes: u64,
    wc: f64,
    cmds: Vec<(Run, Run)>,
    reader: (Reader, Reader),
    /// Slowest and median key, milliseconds: scroll, filter, finder; and
    /// the slowest filter key to its last match.
    keys: [(f64, f64); 4],
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dateline"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)).cloned();
    let part = |p: &str| only.as_deref().is_none_or(|o| o == p);
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 30_000, 100_000] } else { sizes };
    let seeds = generator::Seeds::load(&root);
    let work = root.join("target/scale");
    println!(
        "seeds: {} ({} articles); {} cores; binary {}",
        seeds.source.display(),
        seeds.articles.len(),
        thread::available_parallelism().map_or(0, |n| n.get()),
        bin.display()
    );
    let mut rows = Vec::new();
    for n in sizes {
        let dir = generator::ensure(&seeds, &work, n).expect("generate the corpus");
        let (bytes, files) = generator::files_under(&dir);
        let mut row = Row { n, files: files.len(), bytes, ..Row::default() };
        println!("{n}: {} files, {:.1} MB", files.len(), bytes as f64 / 1e6);
        if part("cli") {
            row.wc = wc(&files);
            println!("  wc -w {:.2} s", row.wc);
            for cmd in COMMANDS {
                let cache = work.join(format!("cache-{n}-{cmd}"));
                let _ = std::fs::remove_dir_all(&cache);
                let args = [cmd, &dir.to_string_lossy(), "--cache-dir", &cache.to_string_lossy()];
                let (cold, warm) = (run(&bin, &args), run(&bin, &args));
                println!(
                    "  {cmd}: cold {:.2} s ({:.0} MB), warm {:.2} s ({:.0} MB)",
                    cold.secs,
                    cold.peak as f64 / 1e6,
                    warm.secs,
                    warm.peak as f64 / 1e6
                );
                row.cmds.push((cold, warm));
            }
        }
        let cache = work.join(format!("cache-{n}-reader"));
        if part("reader") {
            let _ = std::fs::remove_dir_all(&cache);
            row.reader = (reader(&bin, &dir, &cache, n), reader(&bin, &dir, &cache, n));
            for (what, r) in [("cold", &row.reader.0), ("warm", &row.reader.1)] {
                println!(
                    "  reader {what}: first frame {:.0} ms, list {:.2} s, everything {:.2} s ({:.0} MB)",
                    r.first_frame * 1e3,
                    r.listed,
                    r.loaded,
                    r.peak as f64 / 1e6
                );
            }
        }
        if part("keys") {
            row.keys = keys(&dir, &cache);
            println!(
                "  keys (slowest / median ms): scroll {:.1} / {:.1}, filter {:.1} / {:.1} (all matches {:.0}), finder {:.1} / {:.1}",
                row.keys[0].0,
                row.keys[0].1,
                row.keys[1].0,
                row.keys[1].1,
                row.keys[3].0,
                row.keys[2].0,
                row.keys[2].1
            );
        }
        rows.push(row);
    }
    if only.is_none() {
        table(&rows);
    }
}

/// `wc -w` over the files, the second of two runs.
fn wc(files: &[PathBuf]) -> f64 {
    let list: Vec<u8> = files
        .iter()
        .flat_map(|f| {
            let mut b = f.as_os_str().as_encoded_bytes().to_vec();
            b.push(0);
            b
        })
        .collect();
    let mut secs = 0.0;
    for _ in 0..2 {
        let t = Instant::now();
        let mut child = Command::new("wc")
            .args(["-w", "--files0-from=-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("run wc");
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(&list).expect("feed wc");
        }
        child.wait().expect("wc ends");
        secs = t.elapsed().as_secs_f64();
    }
    secs
}

/// Wait for `pid` and return its peak resident memory in bytes.
fn reap(pid: i32) -> u64 {
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child; status and usage are valid pointers.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if r != pid {
        return 0;
    }
    // Linux reports ru_maxrss in kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

fn run(bin: &Path, args: &[&str]) -> Run {
    let t = Instant::now();
    // Reaped by `reap` (wait4, for its peak memory), not by `Child::wait`.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(bin)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run dateline");
    let peak = reap(child.id() as i32);
    Run { secs: t.elapsed().as_secs_f64(), peak }
}

/// The reader in a pseudo-terminal: when the first frame, the whole list
/// and everything else show.
fn reader(bin: &Path, dir: &Path, cache: &Path, n: usize) -> Reader {
    let (rows, cols) = (40u16, 120u16);
    let pty = native_pty_system()
        .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(bin);
    cmd.arg(dir);
    cmd.arg("--cache-dir");
    cmd.arg(cache);
    cmd.env("TERM", "xterm-256color");
    let t = Instant::now();
    let child = pty.slave.spawn_command(cmd).expect("start the reader");
    drop(pty.slave);
    let pid = child.process_id().map_or(0, |p| p as i32);
    let mut out = pty.master.try_clone_reader().expect("pty reader");
    let mut keys = pty.master.take_writer().expect("pty writer");
    let (tx, rx) = channel();
    thread::spawn(move || {
        let mut buf = [0u8; 1 << 16];
        while let Ok(k) = out.read(&mut buf) {
            if k == 0 || tx.send(buf[..k].to_vec()).is_err() {
                break;
            }
        }
    });
    let nz = |v: u16| std::num::NonZeroU16::new(v).unwrap_or(std::num::NonZeroU16::MIN);
    let mut screen = vt100::Parser::new(nz(rows), nz(cols), 0);
    let mut r = Reader::default();
    let total = format!("Articles ({n})");
    let status = |s: &vt100::Screen| s.contents().lines().last().unwrap_or("").to_string();
    r.first_frame = wait(&mut screen, &rx, t, |s| s.contents().contains(" Articles"));
    r.listed = wait(&mut screen, &rx, t, |s| s.contents().contains(&total));
    r.loaded = wait(&mut screen, &rx, t, |s| {
        let line = status(s);
        line.contains(&format!("/{n}")) && !line.contains('▕') && !line.contains('…')
    });
    let _ = keys.write_all(b"q");
    let _ = keys.flush();
    r.peak = reap(pid);
    r
}

/// Seconds from `t` until `ok` holds for the screen (or ten minutes).
fn wait(
    screen: &mut vt100::Parser,
    rx: &Receiver<Vec<u8>>,
    t: Instant,
    ok: impl Fn(&vt100::Screen) -> bool,
) -> f64 {
    let deadline = t + Duration::from_secs(600);
    while !ok(screen.screen()) {
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(bytes) => screen.process(&bytes),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                eprintln!("gave up waiting; screen:\n{}", screen.screen().contents());
                return f64::NAN;
            }
        }
    }
    t.elapsed().as_secs_f64()
}

/// Keystroke → redrawn frame on the loaded reader: (slowest, median) ms
/// for list scrolling, filter typing and entity-finder typing.
fn keys(dir: &Path, cache: &Path) -> [(f64, f64); 4] {
    // The reader's own cache folder, warm: the loading it does itself.
    let options = Options { cache: Setting::Dir(cache.to_path_buf()), ..Options::default() };
    let mut p = Pipeline::start(&[dir.to_path_buf()], &options, Need::Everything);
    let corpus = p.load(&mut |_| true).expect("loaded");
    let analyses = p.analyses(&corpus, &mut |_, _, _| true).expect("analysed");
    let index = p.index(&corpus, &analyses);
    let comparison = p.comparison(&corpus, Some(&analyses));
    let order = order_of(&corpus.articles, &index);
    let analyses = analyses
        .into_iter()
        .map(|a| dateline::analysis::Analysis { mentions: a.mentions, ..Default::default() })
        .collect();
    let entities = Entities { analyses, index, order, comparison };
    let mut app = App::with_entities(corpus, entities, Keymap::default());
    app.update(Action::Resize(120, 40));
    let theme = Theme::default();
    let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
    // Per key: to its frame; then, as the loop would between frames, the
    // rest of a filter search, each slice drawn (the slowest key to its
    // last frame is kept in `complete`).
    // The first frame (drawn before any key in the reader) is not timed.
    let Ok(_) = term.draw(|f| view::draw(f, &app, &theme));
    let mut complete: f64 = 0.0;
    let mut timed = |app: &mut App, keys: &[KeyEvent]| -> (f64, f64) {
        let mut ms: Vec<f64> = keys
            .iter()
            .map(|k| {
                let t = Instant::now();
                if let Some(a) = input::action(app, &Event::Key(*k)) {
                    app.update(a);
                }
                let Ok(_) = term.draw(|f| view::draw(f, app, &theme));
                let frame = t.elapsed().as_secs_f64() * 1e3;
                while app.searching() {
                    app.search_more();
                    let Ok(_) = term.draw(|f| view::draw(f, app, &theme));
                }
                complete = complete.max(t.elapsed().as_secs_f64() * 1e3);
                frame
            })
            .collect();
        ms.sort_by(f64::total_cmp);
        (ms.last().copied().unwrap_or(0.0), ms.get(ms.len() / 2).copied().unwrap_or(0.0))
    };
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let scroll = timed(&mut app, &[key('j'); 200]);
    timed(&mut app, &[key('/')]);
    let typed: Vec<KeyEvent> = "president said".chars().map(key).collect();
    let mut filter = timed(&mut app, &typed);
    let back: Vec<KeyEvent> = vec![KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE); 6];
    let undo = timed(&mut app, &back);
    filter.0 = filter.0.max(undo.0);
    timed(&mut app, &[esc, esc]);
    timed(&mut app, &[key('e')]);
    let typed: Vec<KeyEvent> = "obama".chars().map(key).collect();
    let finder = timed(&mut app, &typed);
    // Slowest filter key to all its matches (the finder never defers).
    let all = (complete, 0.0);
    [scroll, filter, finder, all]
}

fn mb(b: u64) -> String {
    format!("{:.0} MB", b as f64 / 1e6)
}

fn table(rows: &[Row]) {
    println!();
    println!(
        "| articles | files, on disk | `wc -w` | first frame cold / warm | list cold / warm | entities cold / warm | compare cold / warm | reader: whole list, everything (cold / warm) | keys: scroll, filter, finder (slowest); filter's last match | peak memory: list, entities, compare, reader (× on disk) |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in rows {
        let c = |i: usize| {
            let (cold, warm) = r.cmds[i];
            format!("{:.2} / {:.2} s ({:.0}×)", cold.secs, warm.secs, cold.secs / warm.secs)
        };
        let peak = |p: u64| format!("{} ({:.1}×)", mb(p), p as f64 / r.bytes as f64);
        let reader_peak = r.reader.0.peak.max(r.reader.1.peak);
        println!(
            "| {} | {}, {} | {:.2} s | {:.0} / {:.0} ms | {} | {} ({:.0}× wc) | {} ({:.0}× wc) | {:.1}, {:.1} / {:.2}, {:.2} s | {:.1}, {:.1}, {:.1} ms; {:.0} ms | {}, {}, {}, {} |",
            r.n,
            r.files,
            mb(r.bytes),
            r.wc,
            r.reader.0.first_frame * 1e3,
            r.reader.1.first_frame * 1e3,
            c(0),
            c(1),
            r.cmds[1].0.secs / r.wc,
            c(2),
            r.cmds[2].0.secs / r.wc,
            r.reader.0.listed,
            r.reader.0.loaded,
            r.reader.1.listed,
            r.reader.1.loaded,
            r.keys[0].0,
            r.keys[1].0,
            r.keys[2].0,
            r.keys[3].0,
            peak(r.cmds[0].0.peak.max(r.cmds[0].1.peak)),
            peak(r.cmds[1].0.peak.max(r.cmds[1].1.peak)),
            peak(r.cmds[2].0.peak.max(r.cmds[2].1.peak)),
            peak(reader_peak),
        );
    }
}
