//! The reader's side of the reading state: load it before the first frame,
//! save it whenever it changed (once per batch of keys) and on quit.
//! Problems are warnings on stderr, where the user sees them once the
//! terminal is theirs again, and lines in the log; never a crash.

use crate::display::clean;
use crate::state::{StateError, Store};

use super::app::App;

/// The reading state's file, and the last save that failed.
pub struct Reading {
    store: Option<Store>,
    failed: Option<StateError>,
}

impl Reading {
    /// Load the state from the data folder into `app`. A problem with the
    /// file is printed now (before the terminal is taken) and logged.
    pub fn open(app: &mut App) -> Reading {
        let opened = match Store::open_default() {
            Ok(o) => o,
            Err(e) => {
                warn(&e);
                return Reading { store: None, failed: None };
            }
        };
        if let Some(e) = &opened.problem {
            warn(e);
        }
        app.set_reading(opened.state);
        Reading { store: Some(opened.store), failed: None }
    }

    /// Save if anything changed since the last save.
    pub fn save_if_changed(&mut self, app: &mut App) {
        if !app.reading_changed {
            return;
        }
        app.reading_changed = false;
        let Some(store) = &self.store else { return };
        match store.save(&app.reading) {
            Ok(()) => self.failed = None,
            Err(e) => {
                if self.failed.is_none() {
                    tracing::warn!("{e}");
                }
                self.failed = Some(e);
            }
        }
    }

    /// After the reader closed: say if the last save failed.
    pub fn report(self) {
        if let Some(e) = self.failed {
            eprintln!("warning: {}", clean(&e.to_string()));
        }
    }
}

fn warn(e: &StateError) {
    tracing::warn!("{e}");
    eprintln!("warning: {}", clean(&e.to_string()));
}
