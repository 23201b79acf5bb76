//! Everything the reader can be asked to do, as data.
//!
//! Keys, mouse and resize events become [`Action`]s before anything changes;
//! [`crate::tui::app::App::update`] is the one place they take effect. The
//! enum is serde-serialisable so a keymap (or a test script) can name them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    // The article list.
    SelectNext,
    SelectPrev,
    SelectPageDown,
    SelectPageUp,
    SelectFirst,
    SelectLast,
    /// Move the selection by this many articles (mouse wheel over the list).
    SelectBy(i32),
    /// Select what is drawn on this row of the list pane (0 = first row
    /// inside the border); a click.
    ClickList(u16),
    /// Show the selected article in the reader and focus it.
    Open,
    // The reader, or the help popup when it is on top.
    ScrollDown,
    ScrollUp,
    ScrollPageDown,
    ScrollPageUp,
    ScrollTop,
    ScrollBottom,
    /// Scroll the reader by this many lines (mouse wheel over the reader).
    ScrollBy(i32),
    // Focus.
    ToggleFocus,
    FocusList,
    FocusReader,
    /// Focus the entity panel if it is open (a click on it).
    FocusEntities,
    // The filter.
    FilterStart,
    FilterInsert(char),
    FilterBackspace,
    /// Keep the filter and go back to the list.
    FilterAccept,
    /// Drop the filter (and leave filter mode).
    FilterClear,
    // The help popup.
    HelpOpen,
    HelpClose,
    // Entities.
    /// Style mentions by kind, or stop (the current mention stays marked).
    HighlightToggle,
    /// Esc in the reader: forget the current entity, or with none, go back
    /// to the list.
    ReaderBack,
    /// Next / previous mention of the current entity across the corpus, in
    /// date order, wrapping at the ends.
    MentionNext,
    MentionPrev,
    /// Show the entity panel and focus it; when it has focus, hide it.
    EntityPanel,
    EntityPanelClose,
    EntityNext,
    EntityPrev,
    EntityFirst,
    EntityLast,
    /// Make the selected entity current and jump to its first mention in
    /// the open article.
    EntityOpen,
    // The entity finder.
    FinderOpen,
    FinderInsert(char),
    FinderBackspace,
    FinderNext,
    FinderPrev,
    /// Open the selected entity's first mention (in date order).
    FinderAccept,
    FinderClose,
    // The comparison view.
    /// Open the comparison of the story the open article belongs to.
    CompareOpen,
    /// Leave the comparison view, back to where it was opened.
    CompareClose,
    FactNext,
    FactPrev,
    FactFirst,
    FactLast,
    /// The next / previous report of the selected fact (one per article).
    ReportNext,
    ReportPrev,
    /// Open the selected report's article in the reader at its sentence.
    ReportOpen,
    // The story picker, over the comparison view.
    StoriesOpen,
    /// Typed into the picker's filter.
    StoriesInsert(char),
    StoriesBackspace,
    StoriesNext,
    StoriesPrev,
    /// Show the comparison of the selected story.
    StoriesAccept,
    StoriesClose,
    // The world outside.
    /// Open the article's web address in the browser (the selected
    /// report's article in the comparison view).
    OpenUrl,
    /// Fetch the subscriptions in the background (`dateline fetch`).
    Fetch,
    /// Copy to the terminal's clipboard (OSC 52): the article's citation,
    /// or in the comparison view the selected fact's reports, as Markdown.
    Copy,
    /// A click at this column and row of the reader's text (0, 0 = its
    /// first cell): a mention clicked makes its entity current.
    ClickReader(u16, u16),
    // Reading state.
    /// Mark the open article read, or unread again.
    ToggleRead,
    /// Star the open article, or unstar it.
    ToggleStar,
    /// Show only unread articles in the list, or all again.
    OnlyUnread,
    /// Show only starred articles in the list, or all again.
    OnlyStarred,
    /// Open the list of the files' warnings (skipped, read in part).
    WarningsOpen,
    WarningsClose,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

impl Action {
    /// Whether it walks a comparison's facts and reports (nothing to walk
    /// in a story of one article).
    pub fn walks_facts(self) -> bool {
        matches!(
            self,
            Action::FactNext
                | Action::FactPrev
                | Action::FactFirst
                | Action::FactLast
                | Action::ReportNext
                | Action::ReportPrev
                | Action::ReportOpen
        )
    }

    /// Actions no default key triggers that a user may still bind: these
    /// are the mouse's, in the default keymap.
    pub const UNBOUND_BY_DEFAULT: [Action; 3] =
        [Action::FocusList, Action::FocusReader, Action::FocusEntities];

    /// The action's name in a keymap or config file ("select_next");
    /// actions that carry a value (a click, a typed letter) have none a
    /// key can give, and give "".
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    /// The action a key can trigger by this name; `None` for unknown names
    /// and for actions that carry a value.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

/// Where keys are looked up. The top layer is asked first; see
/// [`crate::tui::app::App::contexts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    /// The article list has focus.
    List,
    /// The reader has focus.
    Reader,
    /// The list or the reader has focus (no popup, no filter typing).
    Main,
    /// The entity panel has focus.
    Entities,
    /// Typing a filter.
    Filter,
    /// The entity finder is open (typing a query).
    Finder,
    /// The comparison view is open.
    Compare,
    /// The story picker is open over the comparison view.
    Stories,
    /// The help popup is open.
    Help,
    /// The list of warnings is open.
    Warnings,
    /// Always, under every layer.
    Any,
}

impl Context {
    /// Its name in a keymap or config file ("list").
    pub fn name(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The heading of this context's section in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Context::List => "Article list",
            Context::Reader => "Reader",
            Context::Main => "List, reader and entity panel",
            Context::Entities => "Entity panel",
            Context::Filter => "Filter (typing)",
            Context::Finder => "Entity finder (typing)",
            Context::Compare => "Comparison view",
            Context::Stories => "Story picker (typing)",
            Context::Help => "This help",
            Context::Warnings => "Warnings",
            Context::Any => "Anywhere",
        }
    }

    /// The order sections appear in the help popup.
    pub const ALL: [Context; 11] = [
        Context::List,
        Context::Reader,
        Context::Entities,
        Context::Main,
        Context::Compare,
        Context::Stories,
        Context::Filter,
        Context::Finder,
        Context::Help,
        Context::Warnings,
        Context::Any,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_through_serde() {
        for a in [
            Action::Quit,
            Action::SelectBy(-3),
            Action::FilterInsert('é'),
            Action::Resize(80, 24),
            Action::FinderInsert('ä'),
            Action::MentionNext,
            Action::ReportOpen,
        ] {
            let json = serde_json::to_string(&a).unwrap_or_default();
            assert_eq!(serde_json::from_str::<Action>(&json).ok(), Some(a), "{json}");
        }
        assert_eq!(
            serde_json::to_string(&Action::SelectNext).ok().as_deref(),
            Some("\"select_next\"")
        );
    }

    #[test]
    fn names_read_back_and_values_have_none() {
        for a in [Action::Quit, Action::OpenUrl, Action::Copy, Action::FocusList] {
            assert_eq!(Action::from_name(&a.name()), Some(a));
        }
        assert_eq!(Action::OpenUrl.name(), "open_url");
        assert_eq!(Action::from_name("select_by"), None);
        assert_eq!(Action::from_name("explode"), None);
        assert_eq!(Action::SelectBy(2).name(), "");
        for c in Context::ALL {
            assert_eq!(Context::from_name(&c.name()), Some(c));
        }
        assert_eq!(Context::from_name("reader"), Some(Context::Reader));
    }
}
