//! One semantic theme: views ask for "selection" or "heading", never for a
//! colour, so a preset, the user's config or NO_COLOR changes looks in one
//! place.

use ratatui::style::{Color, Modifier, Style};

use super::palette::{self, ColorDepth, TermEnv};
use crate::analysis::Kind;

/// The theme's elements, each with the words the default config file and
/// the docs show. One list, so the struct, the config file's names and
/// `dateline config --default` cannot drift apart.
macro_rules! elements {
    ($( $name:ident => $doc:literal, )*) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $( #[doc = $doc] pub $name: Style, )*
        }

        impl Theme {
            /// Every element: its name in a config file and what it styles.
            pub const ELEMENTS: &[(&str, &str)] = &[ $( (stringify!($name), $doc), )* ];

            /// The style of the element named `name` (as in a config file).
            pub fn get(&self, name: &str) -> Option<Style> {
                match name {
                    $( stringify!($name) => Some(self.$name), )*
                    _ => None,
                }
            }

            pub fn get_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $( stringify!($name) => Some(&mut self.$name), )*
                    _ => None,
                }
            }

            /// Every style, for changes that apply to all of them.
            fn styles_mut(&mut self) -> Vec<&mut Style> {
                vec![ $( &mut self.$name, )* ]
            }
        }
    };
}

elements! {
    // Mentions in the reader, one style per kind. Each kind has its own
    // modifiers as well as its colour, so they stay apart without colour.
    person => "A person mentioned in the reader.",
    org => "An organisation mentioned in the reader.",
    place => "A place mentioned in the reader.",
    group => "A group (nationality, religion, party) mentioned in the reader.",
    date => "A date in the reader.",
    number => "A count or amount in the reader.",
    mention_current => "The mention n/N or a jump landed on, over its kind's style.",
    border => "Pane borders.",
    border_focused => "The focused pane's border.",
    pane_title => "Pane titles.",
    pane_title_focused => "The focused pane's title.",
    heading => "Day headings in the list.",
    outlet => "Outlets in the list.",
    list_title => "Titles in the list.",
    list_read => "Over list_title, for an article already read.",
    star => "The star of a starred article in the list.",
    selection => "The selected row when its pane has focus.",
    selection_unfocused => "The selected row when its pane has not.",
    selection_mark => "The mark in front of the selected row.",
    title => "The article's title in the reader.",
    meta => "The outlet, date and length under the title.",
    body => "The article's text.",
    scrollbar => "Scrollbars.",
    scroll_position => "How far through the article the reader is.",
    empty => "Placeholder text (\"No article matches\").",
    status => "The status line.",
    status_key => "Keys on the status line.",
    status_info => "The position on the right of the status line.",
    status_entity => "The current entity on the status line.",
    filter_prompt => "The / of the filter being typed.",
    filter_text => "The filter being typed.",
    filter_count => "How many articles match the filter.",
    popup => "Inside popups (help, finder, story picker).",
    popup_border => "Popup borders.",
    popup_heading => "Popup titles and section headings.",
    popup_key => "Keys in the help popup.",
    finder_match => "Letters of a finder row the query matched.",
    finder_alias => "The alias a finder row matched by, when not the name.",
    count => "Counts and kinds: the quiet columns of the finder and entity panel.",
    differ => "The ≠ of a fact the outlets disagree on.",
    agree => "The = of a fact the outlets agree on.",
    single => "The · of a fact one outlet alone reports.",
    value_differs => "The value that differs, in every report of a ≠ fact.",
    value_agrees => "The value compared, in the reports of a = fact.",
    column_head => "Column names over the articles in the comparison.",
    gap => "The — where an article does not report a fact.",
    sentence => "The sentence a report opened in the reader, until another article or Esc.",
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

    /// The colours for a light terminal background: dark foregrounds, no
    /// yellow or light grey text. Only the 16 ANSI colours, like the dark one.
    pub fn light() -> Self {
        let accent = Color::Blue;
        let quiet = Color::DarkGray;
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new().fg(quiet),
            border_focused: Style::new().fg(accent),
            pane_title: Style::new().fg(quiet),
            pane_title_focused: Style::new().fg(accent).add_modifier(bold),
            heading: Style::new().fg(Color::Magenta).add_modifier(bold),
            outlet: Style::new().fg(accent),
            list_title: Style::new(),
            list_read: Style::new().fg(quiet),
            star: Style::new().fg(Color::Magenta).add_modifier(bold),
            selection: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(bold),
            selection_unfocused: Style::new().bg(Color::Gray).fg(Color::Black),
            selection_mark: Style::new().fg(Color::Blue).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            meta: Style::new().fg(quiet).add_modifier(Modifier::ITALIC),
            body: Style::new(),
            scrollbar: Style::new().fg(accent),
            scroll_position: Style::new().fg(accent),
            empty: Style::new().fg(quiet).add_modifier(Modifier::ITALIC),
            status: Style::new().fg(quiet),
            status_key: Style::new().fg(accent).add_modifier(bold),
            status_info: Style::new().fg(Color::Magenta),
            filter_prompt: Style::new().fg(Color::Magenta).add_modifier(bold),
            filter_text: Style::new().add_modifier(bold),
            filter_count: Style::new().fg(Color::Magenta),
            popup: Style::new(),
            popup_border: Style::new().fg(accent),
            popup_heading: Style::new().fg(Color::Magenta).add_modifier(bold),
            popup_key: Style::new().fg(accent).add_modifier(bold),
            person: Style::new().fg(Color::Magenta).add_modifier(bold),
            org: Style::new().fg(Color::Blue).add_modifier(bold),
            place: Style::new().fg(Color::Green).add_modifier(Modifier::UNDERLINED),
            group: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            date: Style::new().fg(Color::LightBlue),
            number: Style::new().fg(Color::Red),
            mention_current: Style::new().add_modifier(Modifier::REVERSED | bold),
            status_entity: Style::new().fg(Color::Black).add_modifier(bold),
            finder_match: Style::new().fg(Color::Red).add_modifier(bold | Modifier::UNDERLINED),
            finder_alias: Style::new().fg(quiet).add_modifier(Modifier::ITALIC),
            count: Style::new().fg(quiet),
            differ: Style::new().fg(Color::Red).add_modifier(bold),
            agree: Style::new().fg(Color::Green).add_modifier(bold),
            single: Style::new().fg(quiet),
            value_differs: Style::new().fg(Color::Red).add_modifier(bold | Modifier::REVERSED),
            value_agrees: Style::new().fg(Color::Green).add_modifier(bold),
            column_head: Style::new().fg(accent).add_modifier(bold),
            gap: Style::new().fg(quiet),
            sentence: Style::new().bg(Color::Gray).fg(Color::Black),
        }
    }

    pub fn preset(preset: Preset) -> Self {
        match preset {
            Preset::Dark => Theme::default(),
            Preset::Light => Theme::light(),
        }
    }

    /// The theme to draw with: the preset, the user's styles by element
    /// name over it, then only what the terminal can show. Under NO_COLOR
    /// the start is [`Theme::monochrome`] and a user's style gives only its
    /// modifiers (a style of colours alone leaves the element as it was,
    /// so nothing that marks focus or selection can vanish).
    pub fn build(
        preset: Preset,
        styles: &[(String, Style)],
        env: TermEnv,
        depth: Option<ColorDepth>,
    ) -> Theme {
        let mut theme = if env.no_color { Theme::monochrome() } else { Theme::preset(preset) };
        for (name, style) in styles {
            let Some(slot) = theme.get_mut(name) else { continue };
            if !env.no_color {
                *slot = *style;
            } else if !style.add_modifier.is_empty() {
                *slot = Style::new().add_modifier(style.add_modifier);
            }
        }
        if env.no_color {
            theme.drop_colours();
        } else {
            theme.fit_colours(depth.unwrap_or(env.depth));
        }
        theme
    }

    /// Every colour brought to the nearest the terminal shows.
    pub fn fit_colours(&mut self, depth: ColorDepth) {
        for s in self.styles_mut() {
            s.fg = s.fg.map(|c| palette::fit(c, depth));
            s.bg = s.bg.map(|c| palette::fit(c, depth));
            s.underline_color = s.underline_color.map(|c| palette::fit(c, depth));
        }
    }

    /// No colour anywhere: modifiers only.
    pub fn drop_colours(&mut self) {
        for s in self.styles_mut() {
            s.fg = None;
            s.bg = None;
            s.underline_color = None;
        }
    }

    /// Every colour the theme uses.
    pub fn colours(&self) -> Vec<Color> {
        Theme::ELEMENTS
            .iter()
            .filter_map(|(n, _)| self.get(n))
            .flat_map(|s| [s.fg, s.bg, s.underline_color])
            .flatten()
            .collect()
    }
}

/// The colours a theme starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    #[default]
    Dark,
    Light,
}

impl Preset {
    pub const ALL: [Preset; 2] = [Preset::Dark, Preset::Light];

    /// Its name in a config file.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Dark => "dark",
            Preset::Light => "light",
        }
    }

    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::palette::is_ansi16;

    fn env(no_color: bool, depth: ColorDepth) -> TermEnv {
        TermEnv { no_color, depth }
    }

    #[test]
    fn presets_use_only_the_16_colours() {
        for theme in [Theme::default(), Theme::light(), Theme::monochrome()] {
            let odd: Vec<Color> = theme.colours().into_iter().filter(|&c| !is_ansi16(c)).collect();
            assert!(odd.is_empty(), "{odd:?}");
        }
        assert!(Theme::monochrome().colours().is_empty());
        assert_ne!(Theme::light(), Theme::default());
    }

    #[test]
    fn every_element_has_a_name_and_words() {
        let mut t = Theme::default();
        for (name, doc) in Theme::ELEMENTS {
            assert!(!doc.is_empty(), "{name}");
            assert!(t.get(name).is_some() && t.get_mut(name).is_some(), "{name}");
        }
        assert_eq!(Theme::ELEMENTS.len(), t.styles_mut().len());
        assert!(t.get("nonsense").is_none());
    }

    #[test]
    fn build_applies_user_styles_then_the_terminal() {
        let orange = Style::new().fg(Color::Rgb(255, 140, 0)).add_modifier(Modifier::ITALIC);
        let styles = vec![("person".to_string(), orange), ("nonsense".to_string(), orange)];
        let full = Theme::build(Preset::Dark, &styles, env(false, ColorDepth::TrueColor), None);
        assert_eq!(full.person, orange);
        assert_eq!(full.org, Theme::default().org);
        let truecolor = env(false, ColorDepth::TrueColor);
        let ansi = Theme::build(Preset::Dark, &styles, truecolor, Some(ColorDepth::Ansi16));
        assert!(ansi.colours().into_iter().all(is_ansi16));
        assert_eq!(ansi.person.add_modifier, Modifier::ITALIC);
        let light = Theme::build(Preset::Light, &[], env(false, ColorDepth::Ansi16), None);
        assert_eq!(light, Theme::light());
    }

    #[test]
    fn no_color_keeps_modifiers_only() {
        let colour_only = Style::new().bg(Color::Blue);
        let styles = vec![
            ("selection".to_string(), colour_only),
            ("person".to_string(), Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC)),
        ];
        let t = Theme::build(Preset::Light, &styles, env(true, ColorDepth::TrueColor), None);
        assert!(t.colours().is_empty());
        // A style of colour alone would leave the selection invisible.
        assert_eq!(t.selection, Theme::monochrome().selection);
        assert_eq!(t.person, Style::new().add_modifier(Modifier::ITALIC));
        let plain = Theme::build(Preset::Dark, &[], env(true, ColorDepth::Ansi16), None);
        assert_eq!(plain, Theme::monochrome());
    }
}
