//! Scale: the issue-15 targets at 10k and 100k articles, side by side.
//!
//! ```sh
//! cargo bench --bench scale                 # 10,000 and 100,000 articles
//! cargo bench --bench scale -- 1000 10000   # other sizes
//! cargo bench --bench scale -- 100000 --only keys   # or cli, reader, long
//! cargo bench --bench scale -- 10000 --only stages  # the heap, stage by stage
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
//!   list, and to everything (entities, stories) loaded, cold and warm;
//!   its resident memory once everything is loaded, and its peak;
//! - keystroke to redrawn frame on the loaded reader (in process, drawn on
//!   ratatui's TestBackend): list scrolling, filter typing, entity-finder
//!   typing; the 95th percentile and the slowest key;
//! - long documents: index, compare, wrap and scrolling on one article of
//!   1 to 8 MB, per MB and per key.
//!
//! Prints two tables (markdown) at the end: the issue's targets as the
//! ratios it states (× `wc -w`, × the corpus on disk, ms), one column per
//! size; then the figures behind them.

#[path = "support/gen.rs"]
mod generator;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dateline::cache::Setting;
use dateline::corpus::summary::thousands;
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

/// Counts the bytes the heap holds, for the stage-by-stage breakdown
/// (`--only stages`): live now, and the most since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; only
// counters are updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        // SAFETY: as the caller promised.
        let p = unsafe { System.realloc(ptr, layout, new) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

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
    /// Resident memory once everything is loaded, bytes.
    after: u64,
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
    /// Slowest key and the 95th percentile, milliseconds: scroll, filter,
    /// finder, all keys together; and the slowest filter key to its last
    /// match (first field of the last pair).
    keys: [(f64, f64); 5],
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dateline"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)).cloned();
    let part = |p: &str| only.as_deref().is_none_or(|o| o == p);
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
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
                    "  reader {what}: first frame {:.0} ms, list {:.2} s, everything {:.2} s ({:.0} MB loaded, {:.0} MB peak)",
                    r.first_frame * 1e3,
                    r.listed,
                    r.loaded,
                    r.after as f64 / 1e6,
                    r.peak as f64 / 1e6
                );
            }
        }
        if only.as_deref() == Some("stages") {
            stages(&dir, bytes);
        }
        if part("keys") {
            row.keys = keys(&dir, &cache);
            println!(
                "  keys (slowest / p95 ms): scroll {:.1} / {:.1}, filter {:.1} / {:.1} (all matches {:.0}), finder {:.1} / {:.1}; all {:.1} / {:.1}",
                row.keys[0].0,
                row.keys[0].1,
                row.keys[1].0,
                row.keys[1].1,
                row.keys[4].0,
                row.keys[2].0,
                row.keys[2].1,
                row.keys[3].0,
                row.keys[3].1
            );
        }
        rows.push(row);
    }
    if only.is_none() {
        targets(&rows);
        table(&rows);
    }
    if part("long") {
        long(&seeds);
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
    r.after = resident(pid);
    let _ = keys.write_all(b"q");
    let _ = keys.flush();
    r.peak = reap(pid);
    r
}

/// A live process' resident memory now (Linux: `VmRSS`), bytes.
fn resident(pid: i32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    kb.unwrap_or(0) * 1024
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
fn keys(dir: &Path, cache: &Path) -> [(f64, f64); 5] {
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
    let mut every: Vec<f64> = Vec::new();
    let mut timed = |app: &mut App, keys: &[KeyEvent]| -> (f64, f64) {
        let ms: Vec<f64> = keys
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
        every.extend(&ms);
        slowest_p95(ms)
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
    let last_match = (complete, 0.0);
    [scroll, filter, finder, slowest_p95(every), last_match]
}

/// The slowest and the 95th percentile of `ms`.
fn slowest_p95(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    let p95 = ms.get((ms.len() * 95).div_ceil(100).saturating_sub(1)).copied();
    (ms.last().copied().unwrap_or(0.0), p95.unwrap_or(0.0))
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
            r.keys[4].0,
            peak(r.cmds[0].0.peak.max(r.cmds[0].1.peak)),
            peak(r.cmds[1].0.peak.max(r.cmds[1].1.peak)),
            peak(r.cmds[2].0.peak.max(r.cmds[2].1.peak)),
            peak(reader_peak),
        );
    }
}

/// The issue's table: each target as the ratio it is stated in, one
/// column per size.
fn targets(rows: &[Row]) {
    println!();
    let head: Vec<String> = rows
        .iter()
        .map(|r| {
            format!("{} articles ({} files, {})", thousands(r.n), thousands(r.files), mb(r.bytes))
        })
        .collect();
    println!("| measure | {} | target |", head.join(" | "));
    println!("| --- |{} ---: |", " ---: |".repeat(rows.len()));
    let line = |what: &str, target: &str, cell: &dyn Fn(&Row) -> String| {
        let cells: Vec<String> = rows.iter().map(cell).collect();
        println!("| {what} | {} | {target} |", cells.join(" | "));
    };
    let cold = |r: &Row, i: usize| r.cmds.get(i).map_or(f64::NAN, |c| c.0.secs);
    let times_wc =
        |i: usize| move |r: &Row| format!("{:.1}× ({:.2} s)", cold(r, i) / r.wc, cold(r, i));
    let on_disk = |p: u64, r: &Row| format!("{:.1}× ({})", p as f64 / r.bytes as f64, mb(p));
    let peak = |i: usize| {
        move |r: &Row| {
            let p = r.cmds.get(i).map_or(0, |c| c.0.peak.max(c.1.peak));
            on_disk(p, r)
        }
    };
    line("`wc -w`", "", &|r| format!("{:.2} s", r.wc));
    line("`entities`, cold, × `wc -w`", "≤ 10×", &times_wc(1));
    line("`compare`, cold, × `wc -w`", "≤ 15×", &times_wc(2));
    line("peak memory of `list`, × corpus", "≤ 3×", &peak(0));
    line("peak memory of `entities`, × corpus", "≤ 3×", &peak(1));
    line("peak memory of `compare`, × corpus", "≤ 3×", &peak(2));
    line("reader's memory after loading, cold · warm, × corpus", "≤ 3×", &|r| {
        format!("{} · {}", on_disk(r.reader.0.after, r), on_disk(r.reader.1.after, r))
    });
    line("reader's peak memory, cold · warm, × corpus", "", &|r| {
        format!("{} · {}", on_disk(r.reader.0.peak, r), on_disk(r.reader.1.peak, r))
    });
    line("reader's first frame, cold · warm", "≤ 100 ms", &|r| {
        format!("{:.0} · {:.0} ms", r.reader.0.first_frame * 1e3, r.reader.1.first_frame * 1e3)
    });
    line("keystroke → frame, p95 (slowest)", "≤ 16 ms", &|r| {
        format!("{:.1} ms ({:.1})", r.keys[3].1, r.keys[3].0)
    });
    line("warm start, × faster than cold: `list` · `entities` · `compare`", "≥ 5×", &|r| {
        let x = |i: usize| r.cmds.get(i).map_or(f64::NAN, |c| c.0.secs / c.1.secs);
        format!("{:.0}× · {:.0}× · {:.0}×", x(0), x(1), x(2))
    });
}

/// Long documents: index, compare, the reader's wrap and its scrolling on
/// one article of 1, 2, 4 and 8 MB (the analysis itself is measured by
/// `benches/analysis.rs`). Linear work costs the same per MB at every
/// size; a key in the reader costs the same whatever the size.
fn long(seeds: &generator::Seeds) {
    let lines: Vec<&str> =
        seeds.articles.iter().flat_map(|s| s.lines.iter().map(String::as_str)).collect();
    // The shared model and tables load on first use: not in the first row.
    let warm = dateline::corpus::Article {
        id: "warm".into(),
        path: PathBuf::from("warm.txt"),
        title: "Warm up".into(),
        outlet: None,
        date: None,
        url: None,
        author: None,
        body: lines.iter().take(40).copied().collect::<Vec<_>>().join(" "),
    };
    let warm = [warm];
    let analyses = dateline::analysis::analyze_all(&warm);
    let _ = dateline::index::of_corpus(&warm, &analyses);
    let _ = dateline::compare::compare(&warm, &analyses);
    println!();
    println!("long article: ms per MB (index, compare, wrap); ms per key (scroll, to the end)");
    println!(
        "| size | analysis (s) | index | compare | wrap | open (select it) | scroll key, slowest | end key |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for mb_size in [1usize, 2, 4, 8] {
        let target = mb_size * 1_000_000;
        let mut body = String::with_capacity(target + 1000);
        // Paragraphs of real lines, each paragraph a few of them.
        for (i, l) in lines.iter().cycle().enumerate() {
            if body.len() + l.len() + 2 > target.min(dateline::corpus::MAX_ARTICLE_BYTES) {
                break;
            }
            body.push_str(l);
            body.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        }
        let article = dateline::corpus::Article {
            id: "long".into(),
            path: PathBuf::from("long.txt"),
            title: "A long article".into(),
            outlet: None,
            date: None,
            url: None,
            author: None,
            body,
        };
        let articles = vec![article];
        let size = articles[0].body.len() as f64 / 1e6;
        let per_mb = |secs: f64| secs * 1e3 / size;
        let t = Instant::now();
        let analyses = dateline::analysis::analyze_all(&articles);
        let analysis = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let index = dateline::index::of_corpus(&articles, &analyses);
        let index_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let comparison = dateline::compare::compare(&articles, &analyses);
        let compare_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let wrapped = dateline::tui::wrap::wrap(&articles[0].body, 80);
        let wrap_s = t.elapsed().as_secs_f64();
        drop(wrapped);
        let order = order_of(&articles, &index);
        let entities = Entities { analyses, index, order, comparison };
        let corpus = dateline::corpus::Corpus { articles, warnings: Vec::new() };
        let mut app = App::with_entities(corpus, entities, Keymap::default());
        let theme = Theme::default();
        let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
        // Resizing lays the reader out: the article is wrapped then.
        let t = Instant::now();
        app.update(Action::Resize(120, 40));
        let Ok(_) = term.draw(|f| view::draw(f, &app, &theme));
        let open_s = t.elapsed().as_secs_f64();
        app.update(Action::FocusReader);
        let mut slowest: f64 = 0.0;
        for _ in 0..200 {
            let t = Instant::now();
            app.update(Action::ScrollPageDown);
            let Ok(_) = term.draw(|f| view::draw(f, &app, &theme));
            slowest = slowest.max(t.elapsed().as_secs_f64());
        }
        let t = Instant::now();
        app.update(Action::ScrollBottom);
        let Ok(_) = term.draw(|f| view::draw(f, &app, &theme));
        let end_s = t.elapsed().as_secs_f64();
        println!(
            "| {mb_size} MB | {analysis:.1} | {:.1} | {:.1} | {:.1} | {:.0} ms | {:.2} ms | {:.2} ms |",
            per_mb(index_s),
            per_mb(compare_s),
            per_mb(wrap_s),
            open_s * 1e3,
            slowest * 1e3,
            end_s * 1e3
        );
    }
}

/// Where the heap goes, stage by stage, for one corpus compared without a
/// cache (in this process): each stage's peak and what it leaves held,
/// as multiples of the corpus on disk.
fn stages(dir: &Path, bytes: u64) {
    let x = |b: usize| format!("{:.1} MB ({:.2}×)", b as f64 / 1e6, b as f64 / bytes as f64);
    let step = |what: &str, f: &mut dyn FnMut()| {
        PEAK.store(LIVE.load(Relaxed), Relaxed);
        f();
        println!("  {what}: peak {}, held after {}", x(PEAK.load(Relaxed)), x(LIVE.load(Relaxed)));
    };
    let options = Options { cache: Setting::Off, ..Options::default() };
    let mut p = Pipeline::start(&[dir.to_path_buf()], &options, Need::Everything);
    let mut corpus = None;
    step("load", &mut || corpus = p.load(&mut |_| true));
    let Some(corpus) = corpus else { return };
    let text: usize = corpus.articles.iter().map(|a| a.body.len() + a.title.len()).sum();
    let spare: usize = corpus
        .articles
        .iter()
        .map(|a| a.body.capacity() - a.body.len() + a.title.capacity() - a.title.len())
        .sum();
    println!("  (article text: {}, spare capacity {})", x(text), x(spare));
    let mut analyses = Vec::new();
    step("analyses", &mut || {
        analyses = p.analyses(&corpus, &mut |_, _, _| true).unwrap_or_default();
    });
    let count = |f: &dyn Fn(&dateline::analysis::Analysis) -> usize| -> usize {
        analyses.iter().map(f).sum()
    };
    use dateline::analysis::{Mention, segment::Sentence, values::Value};
    println!(
        "  (held: {} sentences of {} B, {} values of {} B, {} mentions of {} B)",
        count(&|a| a.segmentation.sentences.capacity()),
        size_of::<Sentence>(),
        count(&|a| a.values.capacity()),
        size_of::<Value>(),
        count(&|a| a.mentions.capacity()),
        size_of::<Mention>()
    );
    let mut index = None;
    step("index", &mut || index = Some(p.index(&corpus, &analyses)));
    let mut cmp = None;
    step("compare", &mut || cmp = Some(p.comparison(&corpus, Some(&analyses))));
    if let Some(cmp) = &cmp {
        use dateline::compare::{Report, ReportValue};
        let reports = cmp.stories.iter().flat_map(|s| &s.facts).flat_map(|f| &f.reports);
        let (mut n, mut values, mut quantities) = (0, 0, 0);
        for r in reports {
            n += 1;
            values += r.values.len();
            quantities += r.values.iter().filter(|v| v.value.is_some()).count();
        }
        println!(
            "  (comparison: {n} reports of {} B, {values} values of {} B, {quantities} of them numbers or dates)",
            size_of::<Report>(),
            size_of::<ReportValue>()
        );
        println!("  (comparison holds: {})", held_by(cmp, &x));
    }
    step("analyses let go", &mut || drop(std::mem::take(&mut analyses)));
}

/// What a comparison holds on the heap, by part (capacities, not lengths:
/// spare room counts).
fn held_by(cmp: &dateline::compare::Comparison, x: &dyn Fn(usize) -> String) -> String {
    use dateline::compare::{Fact, Report, ReportValue, Story};
    let (mut stories, mut texts, mut facts, mut reports, mut values) = (0, 0, 0, 0, 0);
    stories += cmp.stories.capacity() * size_of::<Story>() + cmp.story_of.capacity() * 8;
    for s in &cmp.stories {
        texts += s.id.capacity() + s.title.capacity();
        stories += s.articles.capacity() * size_of_val(&s.articles[0]);
        facts += s.facts.capacity() * size_of::<Fact>();
        for f in &s.facts {
            texts += f.id.capacity() + f.label.capacity();
            texts += f.differs.as_ref().map_or(0, String::capacity);
            reports += f.reports.capacity() * size_of::<Report>();
            for r in &f.reports {
                values += r.values.len() * size_of::<ReportValue>();
            }
        }
    }
    let n: usize = cmp.stories.iter().map(|s| s.facts.len()).sum();
    format!(
        "stories {}, {n} facts of {} B {}, their texts {}, reports {}, values {}",
        x(stories),
        size_of::<Fact>(),
        x(facts),
        x(texts),
        x(reports),
        x(values)
    )
}
