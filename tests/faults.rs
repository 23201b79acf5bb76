//! Faults: a panic inside the reader gives the terminal back, prints one
//! short message saying where the log is, and the log holds the details;
//! the reading state is loaded and saved by the real reader; output to a
//! closed pipe stops quietly; files that vanish or change while a folder
//! loads are warnings.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use dateline::corpus::{self, Problem};
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const WAIT: Duration = Duration::from_secs(20);

/// The binary in a pseudo-terminal, seen through a terminal emulator.
struct Pty {
    parser: vt100::Parser,
    /// Every byte the child wrote.
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Pty {
    fn start(args: &[&Path], env: &[(&str, &str)]) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
        for a in args {
            cmd.arg(a);
        }
        // Never the user's cache: an older build's cache there is a warning.
        cmd.arg("--no-cache");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("start dateline");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (tx, rx) = channel();
        thread::spawn(move || {
            let _keep = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let rows = std::num::NonZeroU16::new(30).unwrap_or(std::num::NonZeroU16::MIN);
        let cols = std::num::NonZeroU16::new(100).unwrap_or(std::num::NonZeroU16::MIN);
        Pty {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            output: rx,
            writer,
            child,
        }
    }

    fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !ok(self.parser.screen()) {
            match self.output.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(bytes) => self.take(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}:\n{}", self.parser.screen().contents())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    assert!(ok(self.parser.screen()), "ended before {what}:\n{}", self.text());
                    return;
                }
            }
        }
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Wait for the process to end and take the rest of its output.
    fn finish(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(s) = self.child.try_wait().expect("poll") {
                break s;
            }
            assert!(Instant::now() < deadline, "dateline did not end:\n{}", self.text());
            thread::sleep(Duration::from_millis(20));
        };
        let until = Instant::now() + Duration::from_secs(2);
        while let Ok(b) = self.output.recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            self.take(&b);
        }
        status
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    fn text(&self) -> String {
        self.parser.screen().contents()
    }

    /// The terminal is as the shell left it.
    fn assert_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "the alternate screen was left:\n{}", self.text());
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture off");
        assert!(!s.hide_cursor(), "the cursor is visible again");
    }
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data")
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_in_the_reader_restores_the_terminal_and_logs_the_details() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().to_string_lossy().into_owned();
    // The message carries an escape sequence that would retitle the window.
    let mut pty = Pty::start(
        &[&sample()],
        &[("DATELINE_DATA_DIR", &dir), ("DATELINE_DEBUG_PANIC", "boom \x1b]0;pwned\x07 here")],
    );
    pty.wait_for("the first frame", |s| s.contents().contains("Articles (5)"));
    assert!(pty.parser.screen().alternate_screen());
    pty.send(b"j");
    let status = pty.finish();
    assert!(!status.success(), "a panic is a failure: {status:?}");
    pty.assert_restored();
    let text = pty.text();
    assert!(
        text.contains(
            "dateline stopped on an internal error: debug panic requested: boom  ]0;pwned  here"
        ),
        "one short, cleaned message:\n{text}"
    );
    let log = data.path().join("dateline.log");
    assert!(text.contains(&format!("The details are in {}", log.display())), "{text}");
    assert!(!text.contains("RUST_BACKTRACE"), "not the default panic message:\n{text}");
    let sent = |needle: &[u8]| pty.raw.windows(needle.len()).any(|w| w == needle);
    assert!(!sent(b"\x1b]0;pwned"), "the escape sequence never reached the terminal");
    let logged = fs::read_to_string(&log).expect("the log was written");
    assert!(logged.contains("debug panic requested"), "{logged}");
    assert!(logged.contains("src/tui/mod.rs"), "where it happened: {logged}");
    assert!(logged.contains("debug_panic"), "a backtrace: {logged}");
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_on_another_thread_is_told_when_the_reader_ends() {
    let data = tempfile::tempdir().expect("temp dir");
    let dir = data.path().to_string_lossy().into_owned();
    let mut pty = Pty::start(
        &[&sample()],
        &[("DATELINE_DATA_DIR", &dir), ("DATELINE_DEBUG_PANIC", "thread worker")],
    );
    pty.wait_for("the first frame", |s| s.contents().contains("1/5"));
    pty.send(b"j");
    // The reader outlives the thread, and nothing was printed over it.
    pty.wait_for("the selection to move", |s| s.contents().contains("2/5"));
    assert!(pty.parser.screen().alternate_screen());
    assert!(!pty.text().contains("internal error"), "{}", pty.text());
    pty.send(b"q");
    let status = pty.finish();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
    let text = pty.text();
    assert!(
        text.contains("dateline met an internal error: debug panic requested: thread worker"),
        "told once the terminal is back:\n{text}"
    );
    assert!(text.contains("The details are in"), "{text}");
    let logged = fs::read_to_string(data.path().join("dateline.log")).expect("the log");
    assert!(logged.contains("debug panic requested: thread worker"), "{logged}");
}

#[test]
fn the_reader_loads_and_saves_reading_state_and_moves_a_corrupt_one_aside() {
    let data = tempfile::tempdir().expect("temp dir");
    let state = data.path().join("state.json");
    fs::write(&state, b"{\"version\": 1, \"read\": [").expect("write a torn state");
    let dir = data.path().to_string_lossy().into_owned();
    let mut pty = Pty::start(&[&sample()], &[("DATELINE_DATA_DIR", &dir)]);
    pty.wait_for("the first frame", |s| s.contents().contains("Articles (5)"));
    pty.send(b"j\r");
    pty.wait_for("the reader", |s| s.contents().contains("j/k scroll"));
    pty.send(b"s");
    pty.wait_for("the star", |s| s.contents().contains('★'));
    pty.send(b"q");
    let status = pty.finish();
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
    let text = pty.text();
    assert!(text.contains("moved aside to"), "the warning is shown after the reader:\n{text}");

    let aside: Vec<PathBuf> = fs::read_dir(data.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("state.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "moved aside, not deleted");
    assert_eq!(fs::read(&aside[0]).expect("read"), b"{\"version\": 1, \"read\": [");
    let saved: serde_json::Value =
        serde_json::from_slice(&fs::read(&state).expect("saved")).expect("a sound state");
    assert_eq!(saved["read"].as_array().map(Vec::len), Some(1), "{saved}");
    assert_eq!(saved["starred"], saved["read"], "the article read is the one starred");

    // The next run finds it: the star is there from the first frame.
    let mut again = Pty::start(&[&sample()], &[("DATELINE_DATA_DIR", &dir)]);
    again.wait_for("the star again", |s| s.contents().contains('★'));
    again.send(b"q");
    assert!(again.finish().success());
}

#[test]
fn output_to_a_closed_pipe_stops_quietly() {
    // More rows than a pipe buffers, so the writer meets the closed end.
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..3000 {
        let text = format!("Article {i} about the flood that closed the bridge on Monday.");
        fs::write(dir.path().join(format!("a{i:04}.txt")), text).expect("write");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "--no-cache"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dateline");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut first).expect("read a line");
    assert!(first.starts_with("DATE"), "{first}");
    // `head -1` has what it wants and goes away (the reader is dropped).
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "exit status {:?}", out.status);
    assert!(out.stderr.is_empty(), "nothing on stderr: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn files_vanishing_and_changing_while_a_folder_loads_are_warnings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    fs::write(root.join("steady.txt"), "A steady article about the dam.").expect("write");
    let churn: Vec<PathBuf> = (0..40).map(|i| root.join(format!("churn{i:02}.txt"))).collect();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (stop, churn) = (Arc::clone(&stop), churn.clone());
        thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                for p in &churn {
                    n += 1;
                    // Delete, recreate, grow: every state a reader can meet.
                    let _ = match n % 3 {
                        0 => fs::remove_file(p),
                        1 => fs::write(p, format!("Churning article {n}.\n\n").repeat(200)),
                        _ => fs::OpenOptions::new()
                            .append(true)
                            .open(p)
                            .and_then(|mut f| f.write_all(b"More text.\n")),
                    };
                }
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(3);
    let (mut loads, mut vanished, mut changed) = (0, 0, 0);
    while Instant::now() < deadline {
        let c = corpus::load(std::slice::from_ref(&root));
        loads += 1;
        assert!(c.articles.iter().any(|a| a.path.ends_with("steady.txt")), "the rest loads");
        for w in &c.warnings {
            let msg = w.to_string();
            assert!(w.path.starts_with(&root) && msg.contains("churn"), "names the file: {msg}");
            match &w.problem {
                Problem::Vanished => vanished += 1,
                Problem::Changed | Problem::Several(_) => changed += 1,
                Problem::Empty | Problem::NoText | Problem::Duplicate(_) => {}
                other => panic!("unexpected warning: {other:?} ({msg})"),
            }
        }
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("the churn thread");
    eprintln!("{loads} loads; {vanished} files vanished, {changed} changed while read");
}
