//! Taking the terminal over and giving it back, on every exit path.

use std::io::{self, Stdout, stdout};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};
use std::thread::ThreadId;

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
        *UI_THREAD.lock().unwrap_or_else(std::sync::PoisonError::into_inner) =
            Some(std::thread::current().id());
        let setup = || -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
            ACTIVE.store(true, Ordering::SeqCst);
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

/// The terminal is taken (raw mode, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// The thread that draws: a panic elsewhere cannot unwind it.
static UI_THREAD: Mutex<Option<ThreadId>> = Mutex::new(None);

/// Give the terminal back. Does nothing when it is not taken, so calling
/// it twice (a panic, then the drop) writes nothing to a redirected stdout.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
}

/// Restore the terminal before the panic message prints, so it is readable
/// and the shell is usable afterwards. A panic on another thread while the
/// reader runs is logged and told once the reader has ended (see
/// [`crate::fault::defer`]): the reader may survive it (a worker whose
/// panic is caught), and a message printed now would land on its screen.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let ui = *UI_THREAD.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let elsewhere = ui.is_some_and(|t| t != std::thread::current().id());
            if ACTIVE.load(Ordering::SeqCst) && elsewhere {
                crate::fault::defer(crate::fault::record(info));
                return;
            }
            restore();
            previous(info);
        }));
    });
}
