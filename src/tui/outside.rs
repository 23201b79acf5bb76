//! What the reader asks of the world outside it: a browser (`o`), the
//! terminal's clipboard (`y`). `App::update` only records
//! each request as an [`Effect`]; the run loop hands them to [`perform`]
//! with the terminal's writer and an [`Opener`], so tests pass their own of
//! both and never launch a browser.

use std::io::{self, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// A request to the outside world, made by an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this web address (already checked to be `http(s)://`).
    Open(String),
    /// Put `text` on the clipboard; `what` names it for the status line.
    Copy { text: String, what: String },
}

/// Opens web addresses. The real one starts the browser; tests record.
pub trait Opener {
    fn open(&self, url: &str) -> io::Result<()>;
}

/// The system's way of opening an address (xdg-open, open, start, …), or
/// the browser the config names, started detached with no terminal I/O so
/// it can neither block the reader nor write over its screen.
#[derive(Debug, Clone, Default)]
pub struct SystemOpener {
    /// A program to open addresses with instead of the system's choice.
    pub browser: Option<String>,
}

impl Opener for SystemOpener {
    fn open(&self, url: &str) -> io::Result<()> {
        match &self.browser {
            Some(app) => open::with_detached(url, app),
            None => open::that_detached(url),
        }
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system
/// clipboard: works over ssh and in most terminals, with no clipboard
/// library or display server on this side.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

/// Carry out `effects`: copies are written to `terminal` (the backend the
/// screen is drawn through, so nothing interleaves with a frame),
/// addresses go to `opener`. Returns what the last one did, for the
/// status line.
pub fn perform(
    effects: Vec<Effect>,
    terminal: &mut dyn Write,
    opener: &dyn Opener,
) -> Option<String> {
    let mut said = None;
    for effect in effects {
        let message = match effect {
            Effect::Open(url) => match opener.open(&url) {
                Ok(()) => format!("opened {url}"),
                Err(e) => format!("could not open {url}: {e}"),
            },
            Effect::Copy { text, what } => {
                match terminal.write_all(osc52(&text).as_bytes()).and_then(|()| terminal.flush()) {
                    Ok(()) => format!("copied {what}"),
                    Err(e) => format!("could not copy {what}: {e}"),
                }
            }
        };
        said = Some(message);
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_between_the_markers() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        // Whatever the text holds, nothing in the sequence can end it early.
        let seq = osc52("a\x07b\x1b]52;c;evil\x07");
        assert_eq!(seq.matches('\x07').count(), 1);
        assert_eq!(seq.matches('\x1b').count(), 1);
    }
}
