//! The reader as the user's config and terminal make it: keys, theme,
//! behaviour and browser, in one place so the run loop only runs.

use super::app::App;
use super::outside::SystemOpener;
use super::palette::TermEnv;
use super::theme::Theme;
use crate::config::Loaded;

/// The app (waiting for the background loader), the theme for this
/// terminal and the opener `o` uses. A config with problems still gives a
/// reader: the first problem shows on the status line (all of them went to
/// stderr).
pub fn reader(loaded: &Loaded) -> (App, Theme, SystemOpener) {
    let config = &loaded.config;
    let mut app = App::loading(config.keymap.clone());
    config.behaviour.apply(&mut app);
    app.message = startup_message(loaded);
    let theme = config.theme.theme(TermEnv::from_env());
    let opener = SystemOpener { browser: config.behaviour.browser.clone() };
    (app, theme, opener)
}

/// "config: 2 problems, the first: …", or nothing for a clean config.
pub fn startup_message(loaded: &Loaded) -> Option<String> {
    let first = loaded.errors.first()?;
    Some(match loaded.errors.len() {
        1 => format!("config: {first}"),
        n => format!("config: {n} problems (all on stderr), the first: {first}"),
    })
}
