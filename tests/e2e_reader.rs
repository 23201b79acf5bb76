//! End to end: the built binary in a pseudo-terminal, read through a
//! terminal emulator (vt100), driven by keystrokes. Pure Rust, so a fresh
//! machine needs nothing installed. Every wait is bounded.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const WAIT: Duration = Duration::from_secs(15);

/// The emulated screen, fed by the child's output.
struct Screen {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
}

impl Screen {
    /// Feed output until `ok` holds for the screen, or fail after [`WAIT`]
    /// with what the screen showed.
    fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !ok(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.text())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    assert!(
                        ok(self.parser.screen()),
                        "output ended before {what}; screen:\n{}",
                        self.text()
                    );
                    return;
                }
            }
        }
    }

    /// Take whatever output is still coming until the child closes the pty.
    fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while let Ok(bytes) =
            self.output.recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.parser.process(&bytes);
        }
    }

    fn text(&self) -> String {
        self.parser.screen().contents()
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

#[test]
fn open_move_read_and_quit_in_a_real_terminal() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pty = native_pty_system()
        .openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg(root.join("sample-data"));
    // Never the user's cache in a test.
    cmd.arg("--no-cache");
    cmd.cwd(&root);
    cmd.env("TERM", "xterm-256color");
    // Reading state and log in a folder of the test's own, not the user's.
    let data = tempfile::tempdir().expect("temp dir");
    cmd.env("DATELINE_DATA_DIR", data.path());
    let mut child = pty.slave.spawn_command(cmd).expect("start dateline");
    // Only the child holds the terminal side now, so reads end when it exits.
    drop(pty.slave);

    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    let (tx, rx) = channel();
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen =
        Screen { parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0), output: rx };
    let mut send = |keys: &[u8]| {
        writer.write_all(keys).expect("type into the pty");
        writer.flush().expect("flush the pty");
    };

    screen.wait_for("the first frame", |s| {
        s.contents().contains("Articles (5)") && s.contents().contains("1/5")
    });
    assert!(screen.parser.screen().alternate_screen(), "drawn on the alternate screen");
    // Entities and stories load behind the list: wait until the status
    // line no longer shows the loader's progress (a bar, or "…").
    screen.wait_for("loading to finish", |s| {
        let status = s.contents().lines().last().unwrap_or("").to_string();
        status.contains("1/5") && !status.contains('▕') && !status.contains('…')
    });

    send(b"j");
    screen.wait_for("the selection to move", |s| s.contents().contains("2/5"));
    send(b"\r");
    screen.wait_for("the second article in the reader", |s| {
        let c = s.contents();
        c.contains("Suspected rocket attack on Al Asad airbase") && c.contains("j/k scroll")
    });
    let text = screen.text();
    assert!(text.contains("Mon 5 Aug 2024"), "meta line shown:\n{text}");

    // The entity finder: type a query, jump, step to the next mention.
    send(b"e");
    screen.wait_for("the entity finder", |s| s.contents().contains("Jump to entity"));
    send(b"asad");
    screen.wait_for("the query to rank Al Asad Air Base", |s| {
        s.contents().contains("> asad") && s.contents().contains("Al Asad Air Base")
    });
    send(b"\r");
    screen.wait_for("the jump", |s| s.contents().contains("Al Asad Air Base · mention 1 of"));
    send(b"n");
    screen.wait_for("the next mention", |s| s.contents().contains("mention 2 of"));
    send(b"\x1b");
    screen.wait_for("Esc to forget the entity", |s| !s.contents().contains("mention 2 of"));

    // The comparison view of the newest article's story (of three): a
    // fact, then its report in the reader.
    send(b"\tg");
    screen.wait_for("the newest article", |s| s.contents().contains("1/5"));
    send(b"c");
    screen.wait_for("the comparison view", |s| {
        s.contents().contains("Story: ") && s.contents().contains("fact 1/")
    });
    send(b"j");
    screen.wait_for("the next fact", |s| s.contents().contains("fact 2/"));
    send(b"\r");
    screen.wait_for("the report in the reader", |s| {
        !s.contents().contains("Story: ") && s.contents().contains("j/k scroll")
    });

    send(b"q");
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("dateline did not quit on q; screen:\n{}", screen.text());
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    screen.drain();
    let s = screen.parser.screen();
    assert!(!s.alternate_screen(), "the alternate screen was left");
    assert_eq!(
        s.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture was turned off"
    );
    assert!(!s.hide_cursor(), "the cursor is visible again");
}

/// The config and the terminal together: a rebound key, NO_COLOR, a mistake
/// in the file shown at start and on stderr, and `y` writing its OSC 52
/// sequence to the terminal itself.
#[test]
fn config_keys_and_copy_in_a_real_terminal() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys.list]\nselect_next = [\"x\"]\nopne = [\"o\"]\n").expect("write");
    let pty = native_pty_system()
        .openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })
        .expect("open a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("--config");
    cmd.arg(&config);
    cmd.arg(root.join("sample-data"));
    cmd.cwd(&root);
    cmd.env("TERM", "xterm-256color");
    cmd.env("NO_COLOR", "1");
    let mut child = pty.slave.spawn_command(cmd).expect("start dateline");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let mut writer = pty.master.take_writer().expect("pty writer");
    let (tx, rx) = channel();
    // Every byte is kept too, for the sequences the emulator does not show.
    let (raw_tx, raw_rx) = channel::<Vec<u8>>();
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0
                || tx.send(buf[..n].to_vec()).is_err()
                || raw_tx.send(buf[..n].to_vec()).is_err()
            {
                break;
            }
        }
    });
    let mut screen =
        Screen { parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0), output: rx };
    let mut send = |keys: &[u8]| {
        writer.write_all(keys).expect("type into the pty");
        writer.flush().expect("flush the pty");
    };

    screen.wait_for("the first frame with the config's problem", |s| {
        s.contents().contains("1/5") && s.contents().contains("keys.list.opne: unknown action")
    });
    // j is unbound in the list now; x moves. Keys are taken in order, so
    // when y's message shows, every key before it has been applied.
    send(b"jjjx");
    send(b"y");
    screen.wait_for("the copy's message", |s| s.contents().contains("copied the citation"));
    assert!(screen.text().contains("2/5"), "only x moved:\n{}", screen.text());
    assert!(!screen.text().contains("unknown action"), "the message goes at the next key");
    let cell = screen.parser.screen().cell(1, 1).map(|c| (c.fgcolor(), c.bgcolor()));
    assert_eq!(cell, Some((vt100::Color::Default, vt100::Color::Default)), "NO_COLOR");
    send(b"q");
    let deadline = Instant::now() + WAIT;
    while child.try_wait().expect("poll the child").is_none() {
        assert!(Instant::now() < deadline, "dateline did not quit on q");
        thread::sleep(Duration::from_millis(20));
    }
    screen.drain();
    let raw: Vec<u8> = raw_rx.try_iter().flatten().collect();
    let raw = String::from_utf8_lossy(&raw);
    // DCNF's citation: no address, so the title, outlet and date.
    let text = "Suspected rocket attack on Al Asad airbase in Iraq leaves several U.S. \
                personnel injured, *Daily Caller News Foundation*, 2024-08-05";
    assert!(raw.contains(&dateline::tui::outside::osc52(text)), "OSC 52 with the citation");
    // The warning stays on the main screen after the reader leaves.
    assert!(screen.text().contains("warning: config:"), "{}", screen.text());
}
