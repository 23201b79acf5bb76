//! Which pane has the keys: below the app, so the layout can place the
//! panes by it without knowing the app.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    /// The entity panel (open only while `App::panel` is).
    Entities,
}
