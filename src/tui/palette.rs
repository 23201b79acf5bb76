//! What colours the terminal can show, and bringing any colour down to
//! that: a colour a user gave as `#rrggbb` still reads on a terminal of 16.
//!
//! The environment is read once, into a [`TermEnv`], so tests pass values
//! in rather than setting variables that other tests read at the same time.

use std::ffi::OsStr;

use ratatui::style::Color;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    /// The 16 ANSI colours, whatever the terminal's palette makes of them.
    Ansi16,
    /// The xterm 256-colour palette.
    Indexed256,
    /// Any `#rrggbb`.
    TrueColor,
}

impl ColorDepth {
    /// From the values of `COLORTERM` and `TERM`: `truecolor`/`24bit`
    /// there, or `-direct`, mean any colour; `256color` the xterm palette;
    /// anything else (or nothing) only the 16, the one safe guess.
    pub fn detect(colorterm: Option<&str>, term: Option<&str>) -> ColorDepth {
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        let term = term.unwrap_or("").to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
            ColorDepth::TrueColor
        } else if term.contains("256color") {
            ColorDepth::Indexed256
        } else {
            ColorDepth::Ansi16
        }
    }
}

/// What the terminal and the user's environment allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermEnv {
    /// `NO_COLOR` is set to something (https://no-color.org).
    pub no_color: bool,
    pub depth: ColorDepth,
}

impl TermEnv {
    /// From the values of `NO_COLOR`, `COLORTERM` and `TERM`.
    pub fn from_values(
        no_color: Option<&OsStr>,
        colorterm: Option<&OsStr>,
        term: Option<&OsStr>,
    ) -> TermEnv {
        let s = |v: Option<&OsStr>| v.map(|v| v.to_string_lossy().into_owned());
        TermEnv {
            no_color: no_color.is_some_and(|v| !v.is_empty()),
            depth: ColorDepth::detect(s(colorterm).as_deref(), s(term).as_deref()),
        }
    }

    /// From this process's environment.
    pub fn from_env() -> TermEnv {
        let var = std::env::var_os;
        TermEnv::from_values(
            var("NO_COLOR").as_deref(),
            var("COLORTERM").as_deref(),
            var("TERM").as_deref(),
        )
    }
}

/// The 16 ANSI colours with the RGB xterm gives them by default: what a
/// colour is matched against when only these can be shown.
const ANSI: [(Color, [u8; 3]); 16] = [
    (Color::Black, [0, 0, 0]),
    (Color::Red, [205, 0, 0]),
    (Color::Green, [0, 205, 0]),
    (Color::Yellow, [205, 205, 0]),
    (Color::Blue, [0, 0, 238]),
    (Color::Magenta, [205, 0, 205]),
    (Color::Cyan, [0, 205, 205]),
    (Color::Gray, [229, 229, 229]),
    (Color::DarkGray, [127, 127, 127]),
    (Color::LightRed, [255, 0, 0]),
    (Color::LightGreen, [0, 255, 0]),
    (Color::LightYellow, [255, 255, 0]),
    (Color::LightBlue, [92, 92, 255]),
    (Color::LightMagenta, [255, 0, 255]),
    (Color::LightCyan, [0, 255, 255]),
    (Color::White, [255, 255, 255]),
];

/// Whether `c` is one of the 16 ANSI colours (or the terminal's default).
pub fn is_ansi16(c: Color) -> bool {
    c == Color::Reset || ANSI.iter().any(|(a, _)| *a == c)
}

/// `c` as a terminal of `depth` can show it: the nearest colour it has.
pub fn fit(c: Color, depth: ColorDepth) -> Color {
    match (depth, c) {
        (ColorDepth::TrueColor, c) => c,
        (ColorDepth::Indexed256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256([r, g, b])),
        (ColorDepth::Indexed256, c) => c,
        (ColorDepth::Ansi16, Color::Rgb(r, g, b)) => nearest_16([r, g, b]),
        (ColorDepth::Ansi16, Color::Indexed(n)) => match ANSI.get(usize::from(n)) {
            Some((named, _)) => *named,
            None => nearest_16(indexed_rgb(n)),
        },
        (ColorDepth::Ansi16, c) => c,
    }
}

fn nearest_16(rgb: [u8; 3]) -> Color {
    ANSI.iter().min_by_key(|(_, a)| distance(*a, rgb)).map_or(Color::Reset, |(c, _)| *c)
}

/// The nearest of the palette's fixed colours (16–255); the first 16 are
/// left out because every terminal theme redefines them.
fn nearest_256(rgb: [u8; 3]) -> u8 {
    (16..=255u8).min_by_key(|&n| distance(indexed_rgb(n), rgb)).unwrap_or(16)
}

/// The RGB of xterm palette entry `n`.
fn indexed_rgb(n: u8) -> [u8; 3] {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match n {
        0..=15 => ANSI[usize::from(n)].1,
        16..=231 => {
            let i = n - 16;
            [
                LEVELS[usize::from(i / 36)],
                LEVELS[usize::from(i / 6 % 6)],
                LEVELS[usize::from(i % 6)],
            ]
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            [v, v, v]
        }
    }
}

/// A perceptual distance good enough to pick a colour ("redmean").
fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    let rmean = (u32::from(a[0]) + u32::from(b[0])) / 2;
    let d = |i: usize| u32::from(a[i].abs_diff(b[i]));
    let (dr, dg, db) = (d(0), d(1), d(2));
    (((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_from_the_terminal_variables() {
        assert_eq!(ColorDepth::detect(Some("truecolor"), Some("xterm")), ColorDepth::TrueColor);
        assert_eq!(ColorDepth::detect(Some("24bit"), None), ColorDepth::TrueColor);
        assert_eq!(ColorDepth::detect(None, Some("xterm-256color")), ColorDepth::Indexed256);
        assert_eq!(ColorDepth::detect(None, Some("xterm-direct")), ColorDepth::TrueColor);
        assert_eq!(ColorDepth::detect(None, Some("linux")), ColorDepth::Ansi16);
        assert_eq!(ColorDepth::detect(None, None), ColorDepth::Ansi16);
    }

    #[test]
    fn no_color_is_set_when_not_empty() {
        let on = TermEnv::from_values(Some(OsStr::new("1")), None, None);
        assert!(on.no_color);
        let empty = TermEnv::from_values(Some(OsStr::new("")), None, None);
        assert!(!empty.no_color);
        assert!(!TermEnv::from_values(None, None, None).no_color);
    }

    #[test]
    fn colours_come_down_to_what_the_terminal_has() {
        let orange = Color::Rgb(255, 140, 0);
        assert_eq!(fit(orange, ColorDepth::TrueColor), orange);
        assert!(is_ansi16(fit(orange, ColorDepth::Ansi16)));
        assert_eq!(fit(Color::Rgb(250, 10, 5), ColorDepth::Ansi16), Color::LightRed);
        assert_eq!(fit(Color::Rgb(0, 0, 0), ColorDepth::Ansi16), Color::Black);
        assert_eq!(fit(Color::Indexed(4), ColorDepth::Ansi16), Color::Blue);
        assert_eq!(fit(Color::Indexed(250), ColorDepth::Ansi16), Color::Gray);
        assert_eq!(fit(Color::Rgb(0, 0, 0), ColorDepth::Indexed256), Color::Indexed(16));
        assert_eq!(fit(Color::Rgb(255, 255, 255), ColorDepth::Indexed256), Color::Indexed(231));
        // Named colours are already in every palette.
        assert_eq!(fit(Color::Cyan, ColorDepth::Ansi16), Color::Cyan);
    }
}
