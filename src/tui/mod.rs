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
    let mut tui = terminal::Tui::enter()?;
    let size = tui.size()?;
    app.update(action::Action::Resize(size.width, size.height));
    while !app.quit {
        tui.draw(|frame| view::draw(frame, &app, &theme))?;
        // Apply every event already waiting before drawing again, so a burst
        // (wheel, held key, paste) costs one frame, not one per event.
        let mut ev = event::read()?;
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
    }
    Ok(())
}
