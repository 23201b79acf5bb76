//! One semantic theme: views ask for "selection" or "heading", never for a
//! colour, so a user theme (later) or NO_COLOR changes looks in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::Kind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub pane_title_focused: Style,
    /// Day headings in the list.
    pub heading: Style,
    pub outlet: Style,
    pub list_title: Style,
    /// Over `list_title`, for an article already read.
    pub list_read: Style,
    /// The `★` of a starred article in the list.
    pub star: Style,
    /// The selected row when the list has focus.
    pub selection: Style,
    /// The selected row when the reader has focus.
    pub selection_unfocused: Style,
    /// The `▌` mark in front of the selected row.
    pub selection_mark: Style,
    pub title: Style,
    pub meta: Style,
    pub body: Style,
    pub scrollbar: Style,
    pub scroll_position: Style,
    /// Placeholder text ("No article matches").
    pub empty: Style,
    pub status: Style,
    pub status_key: Style,
    pub status_info: Style,
    pub filter_prompt: Style,
    pub filter_text: Style,
    pub filter_count: Style,
    pub popup: Style,
    pub popup_border: Style,
    pub popup_heading: Style,
    pub popup_key: Style,
    // Mentions in the reader, one style per kind. Each kind has its own
    // modifiers as well as its colour, so they stay apart without colour.
    pub person: Style,
    pub org: Style,
    pub place: Style,
    pub group: Style,
    pub date: Style,
    pub number: Style,
    /// The mention `n`/`N` or a jump landed on, over its kind's style.
    pub mention_current: Style,
    /// The current entity's status text ("Al Asad Air Base · mention 1 of 8").
    pub status_entity: Style,
    /// Characters of a finder row that the query matched.
    pub finder_match: Style,
    /// The alias a finder row matched by, when not the name.
    pub finder_alias: Style,
    /// Counts and kinds: the quiet columns of the finder and entity panel.
    pub count: Style,
    // The comparison view.
    /// The `≠` of a fact the outlets disagree on.
    pub differ: Style,
    /// The `=` of a fact the outlets agree on.
    pub agree: Style,
    /// The `·` of a fact one outlet alone reports.
    pub single: Style,
    /// The value that differs, in every report of a `≠` fact.
    pub value_differs: Style,
    /// The value compared, in the reports of a `=` fact.
    pub value_agrees: Style,
    /// Column names over the articles.
    pub column_head: Style,
    /// The `—` where an article does not report a fact.
    pub gap: Style,
    /// The sentence a report opened in the reader, until another article
    /// is opened or Esc.
    pub sentence: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let accent = Color::Cyan;
        let dim = Color::DarkGray;
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new().fg(dim),
            border_focused: Style::new().fg(accent),
            pane_title: Style::new().fg(Color::Gray),
            pane_title_focused: Style::new().fg(accent).add_modifier(bold),
            heading: Style::new().fg(Color::Yellow).add_modifier(bold),
            outlet: Style::new().fg(accent),
            list_title: Style::new(),
            list_read: Style::new().fg(dim),
            star: Style::new().fg(Color::Yellow).add_modifier(bold),
            selection: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(bold),
            selection_unfocused: Style::new().bg(dim).fg(Color::White),
            selection_mark: Style::new().fg(Color::LightCyan).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            meta: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            body: Style::new(),
            scrollbar: Style::new().fg(accent),
            scroll_position: Style::new().fg(accent),
            empty: Style::new().fg(dim).add_modifier(Modifier::ITALIC),
            status: Style::new().fg(Color::Gray),
            status_key: Style::new().fg(accent).add_modifier(bold),
            status_info: Style::new().fg(Color::Yellow),
            filter_prompt: Style::new().fg(Color::Yellow).add_modifier(bold),
            filter_text: Style::new().add_modifier(bold),
            filter_count: Style::new().fg(Color::Yellow),
            popup: Style::new(),
            popup_border: Style::new().fg(accent),
            popup_heading: Style::new().fg(Color::Yellow).add_modifier(bold),
            popup_key: Style::new().fg(accent).add_modifier(bold),
            person: Style::new().fg(Color::LightMagenta).add_modifier(bold),
            org: Style::new().fg(Color::LightBlue).add_modifier(bold),
            place: Style::new().fg(Color::LightGreen).add_modifier(Modifier::UNDERLINED),
            group: Style::new().fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            // Values are quieter than names: colour only, no weight.
            date: Style::new().fg(Color::LightCyan),
            number: Style::new().fg(Color::LightRed),
            mention_current: Style::new().add_modifier(Modifier::REVERSED | bold),
            status_entity: Style::new().fg(Color::White).add_modifier(bold),
            finder_match: Style::new().fg(Color::Yellow).add_modifier(bold | Modifier::UNDERLINED),
            finder_alias: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            count: Style::new().fg(Color::Gray),
            differ: Style::new().fg(Color::LightRed).add_modifier(bold),
            agree: Style::new().fg(Color::LightGreen).add_modifier(bold),
            single: Style::new().fg(Color::Gray),
            // Reverse video on top of the colour, so the value stands out
            // from mentions and from the selected row alike.
            value_differs: Style::new().fg(Color::LightRed).add_modifier(bold | Modifier::REVERSED),
            value_agrees: Style::new().fg(Color::LightGreen).add_modifier(bold),
            column_head: Style::new().fg(accent).add_modifier(bold),
            gap: Style::new().fg(dim),
            // A foreground of its own, so light terminal themes stay legible.
            sentence: Style::new().bg(dim).fg(Color::White),
        }
    }
}

impl Theme {
    /// No colours at all (https://no-color.org): focus and selection are
    /// shown by weight and reverse video instead.
    pub fn monochrome() -> Self {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            border: plain,
            border_focused: bold,
            pane_title: plain,
            pane_title_focused: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            outlet: plain,
            list_title: plain,
            list_read: Style::new().add_modifier(Modifier::DIM),
            star: bold,
            selection: Style::new().add_modifier(Modifier::REVERSED),
            selection_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            selection_mark: bold,
            title: bold,
            meta: Style::new().add_modifier(Modifier::ITALIC),
            body: plain,
            scrollbar: plain,
            scroll_position: plain,
            empty: Style::new().add_modifier(Modifier::ITALIC),
            status: plain,
            status_key: bold,
            status_info: plain,
            filter_prompt: bold,
            filter_text: bold,
            filter_count: plain,
            popup: plain,
            popup_border: bold,
            popup_heading: bold,
            popup_key: bold,
            // Six kinds, six distinct modifier sets.
            person: bold,
            org: bold.add_modifier(Modifier::UNDERLINED),
            place: Style::new().add_modifier(Modifier::UNDERLINED),
            group: Style::new().add_modifier(Modifier::ITALIC),
            date: Style::new().add_modifier(Modifier::DIM),
            number: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            mention_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status_entity: bold,
            finder_match: bold.add_modifier(Modifier::UNDERLINED),
            finder_alias: Style::new().add_modifier(Modifier::ITALIC),
            count: plain,
            differ: bold,
            agree: plain,
            single: Style::new().add_modifier(Modifier::DIM),
            // Underlined too: the selected cell is already in reverse video.
            value_differs: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            value_agrees: bold,
            column_head: bold.add_modifier(Modifier::UNDERLINED),
            gap: Style::new().add_modifier(Modifier::DIM),
            sentence: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The style of a mention of this kind.
    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Person => self.person,
            Kind::Org => self.org,
            Kind::Place => self.place,
            Kind::Group => self.group,
            Kind::Date => self.date,
            Kind::Number => self.number,
        }
    }

    /// The default theme, or [`Theme::monochrome`] when `NO_COLOR` is set
    /// to anything non-empty.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::default(),
        }
    }
}
