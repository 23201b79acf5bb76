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

    // The comparison view: a fact, then its report in the reader.
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
