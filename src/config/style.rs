//! Styles as a config file writes them: `{ fg = "cyan", bg = "#202020",
//! modifiers = ["bold"] }`. Reading and writing live together so the
//! default file always reads back as what it was written from.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// What a colour may be, for messages.
pub const COLOUR_HELP: &str = "a name (black red green yellow blue magenta cyan gray darkgray \
                               lightred lightgreen lightyellow lightblue lightmagenta lightcyan \
                               white reset), \"#rrggbb\" or 0-255";

/// A colour by name ("lightmagenta", "dark-grey"), `#rrggbb`, or palette
/// number as text ("208").
pub fn parse_colour(s: &str) -> Option<Color> {
    Color::from_str(s.trim()).ok()
}

/// A palette number, as a TOML integer gives it.
pub fn indexed_colour(n: i64) -> Option<Color> {
    u8::try_from(n).ok().map(Color::Indexed)
}

/// The text [`parse_colour`] reads back as `c`, quoted for TOML (a palette
/// number is written as a bare integer).
pub fn colour_toml(c: Color) -> String {
    let name = match c {
        Color::Reset => "reset",
        Color::Black => "black",
        Color::Red => "red",
        Color::Green => "green",
        Color::Yellow => "yellow",
        Color::Blue => "blue",
        Color::Magenta => "magenta",
        Color::Cyan => "cyan",
        Color::Gray => "gray",
        Color::DarkGray => "darkgray",
        Color::LightRed => "lightred",
        Color::LightGreen => "lightgreen",
        Color::LightYellow => "lightyellow",
        Color::LightBlue => "lightblue",
        Color::LightMagenta => "lightmagenta",
        Color::LightCyan => "lightcyan",
        Color::White => "white",
        Color::Rgb(r, g, b) => return format!("\"#{r:02x}{g:02x}{b:02x}\""),
        Color::Indexed(n) => return n.to_string(),
    };
    format!("\"{name}\"")
}

/// A modifier by name: bold, dim, italic, underlined, slow_blink,
/// rapid_blink, reversed, hidden, crossed_out.
pub fn parse_modifier(s: &str) -> Option<Modifier> {
    Modifier::from_name(&s.trim().to_ascii_uppercase())
}

/// Every modifier's name, for messages and the default file.
pub fn modifier_names() -> Vec<String> {
    Modifier::all().iter_names().map(|(n, _)| n.to_ascii_lowercase()).collect()
}

/// The inline table a config file gives `style` as: `{ fg = "cyan",
/// modifiers = ["bold"] }`; `{}` for the plain style.
pub fn style_toml(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(c) = style.fg {
        parts.push(format!("fg = {}", colour_toml(c)));
    }
    if let Some(c) = style.bg {
        parts.push(format!("bg = {}", colour_toml(c)));
    }
    if !style.add_modifier.is_empty() {
        let names: Vec<String> = style
            .add_modifier
            .iter_names()
            .map(|(n, _)| format!("\"{}\"", n.to_ascii_lowercase()))
            .collect();
        parts.push(format!("modifiers = [{}]", names.join(", ")));
    }
    if parts.is_empty() { "{}".to_string() } else { format!("{{ {} }}", parts.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_back() {
        for c in [Color::Reset, Color::DarkGray, Color::LightMagenta, Color::Rgb(1, 2, 255)] {
            let text = colour_toml(c);
            assert_eq!(parse_colour(text.trim_matches('"')), Some(c), "{text}");
        }
        assert_eq!(colour_toml(Color::Indexed(208)), "208");
        assert_eq!(parse_colour("dark grey"), Some(Color::DarkGray));
        assert_eq!(parse_colour("purpel"), None);
        assert_eq!(parse_colour("#12345"), None);
        assert_eq!(indexed_colour(256), None);
    }

    #[test]
    fn modifiers_by_name() {
        assert_eq!(parse_modifier("crossed_out"), Some(Modifier::CROSSED_OUT));
        assert_eq!(parse_modifier("Bold"), Some(Modifier::BOLD));
        assert_eq!(parse_modifier("blinking"), None);
        assert!(modifier_names().contains(&"underlined".to_string()));
        let s = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::ITALIC);
        assert_eq!(style_toml(s), "{ fg = \"cyan\", modifiers = [\"bold\", \"italic\"] }");
        assert_eq!(style_toml(Style::new()), "{}");
    }
}
