//! The reader: the only code that knows a terminal exists.
//!
//! Events become [`action::Action`]s ([`input`]), [`app::App::update`]
//! applies them, and [`view::draw`] paints the state, once per batch of
//! events.

pub mod action;
pub mod app;
pub mod cite;
pub mod compare;
pub mod entities;
pub mod finder;
pub mod input;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod outside;
pub mod palette;
pub mod reading;
pub mod setup;
pub mod spans;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::time::Duration;

use crossterm::event;

use crate::config::Loaded;
use crate::corpus::Corpus;

/// Open the reader on a loaded corpus with the user's config; returns when
/// the user quits.
pub fn run(corpus: Corpus, config: &Loaded) -> std::io::Result<()> {
    let (mut app, theme, opener) = setup::reader(corpus, config);
    let mut reading = reading::Reading::open(&mut app);
    tracing::info!("reader started on {} articles", app.corpus.articles.len());
    // Declared before the terminal, so dropped after it is given back, on
    // every way out: a panic another thread met is told then.
    let _told = TellDeferred;
    let mut tui = terminal::Tui::enter()?;
    let size = tui.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    while !app.quit {
        tui.draw(|frame| view::draw(frame, &app, &theme))?;
        // Apply every event already waiting before drawing again, so a burst
        // (wheel, held key, paste) costs one frame, not one per event.
        let mut ev = event::read()?;
        debug_panic();
        loop {
            if let Some(a) = input::action(&app, &ev) {
                app.update(a);
            }
            outside::perform(&mut app, tui.backend_mut(), &opener);
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
            ev = event::read()?;
        }
        reading.save_if_changed(&mut app);
    }
    reading.save_if_changed(&mut app);
    drop(tui);
    reading.report();
    Ok(())
}

struct TellDeferred;

impl Drop for TellDeferred {
    fn drop(&mut self) {
        crate::fault::announce_deferred();
    }
}

/// A panic on purpose inside the reader's loop, at the first key, so a
/// test can check the terminal is restored and the log holds the details:
/// debug builds only, when `DATELINE_DEBUG_PANIC` is set (its value goes
/// into the message; starting with "thread", the panic is on a thread of
/// its own, which the reader outlives).
fn debug_panic() {
    #[cfg(debug_assertions)]
    if let Some(v) = std::env::var_os("DATELINE_DEBUG_PANIC") {
        let message = format!("debug panic requested: {}", v.to_string_lossy());
        if message.starts_with("debug panic requested: thread") {
            static ONCE: std::sync::Once = std::sync::Once::new();
            ONCE.call_once(|| {
                let _ = std::thread::spawn(move || panic!("{message}")).join();
            });
        } else {
            panic!("{message}");
        }
    }
}
