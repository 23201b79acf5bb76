//! Taking the terminal over and giving it back, on every exit path.

use std::io::{self, Stdout, stdout};
use std::ops::{Deref, DerefMut};
use std::sync::Once;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal in raw mode on the alternate screen with mouse capture;
/// dropping it restores the terminal (normal return, `?` error, unwinding).
pub struct Tui {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Tui {
    pub fn enter() -> io::Result<Tui> {
        install_panic_hook();
        let setup = || -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
            enable_raw_mode()?;
            // Clear by hand: `Terminal::clear` asks the terminal where the
            // cursor is, which waits on terminals that do not answer.
            execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, Clear(ClearType::All))?;
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
            terminal.hide_cursor()?;
            Ok(terminal)
        };
        match setup() {
            Ok(terminal) => Ok(Tui { terminal }),
            Err(e) => {
                // Undo whatever part of the setup succeeded.
                restore();
                Err(e)
            }
        }
    }
}

impl Deref for Tui {
    type Target = Terminal<CrosstermBackend<Stdout>>;
    fn deref(&self) -> &Self::Target {
        &self.terminal
    }
}

impl DerefMut for Tui {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.terminal
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
    }
}

/// Give the terminal back. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Restore the terminal before the panic message prints, so it is readable
/// and the shell is usable afterwards.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}
