//! Themes as drawn: NO_COLOR (a snapshot with its styles written out), the
//! light preset, and a 16-colour terminal. The environment is passed in as
//! values, never read, so these run beside other tests without races.

mod tui_support;

use std::ffi::OsStr;

use dateline::config::{self, ThemeSettings};
use dateline::tui::palette::{ColorDepth, TermEnv, is_ansi16};
use dateline::tui::theme::{Preset, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tui_support::{app, buffer, press, sample, screen};

/// The screen as text with each run of styled cells written `{BU|text}`
/// (B bold, D dim, I italic, U underlined, R reversed), and any colour as
/// `{fg=…}`: what a snapshot can show of styles.
fn styled(buf: &Buffer) -> String {
    let code = |m: Modifier, fg: Color, bg: Color| {
        let mut s: String = [
            (Modifier::BOLD, 'B'),
            (Modifier::DIM, 'D'),
            (Modifier::ITALIC, 'I'),
            (Modifier::UNDERLINED, 'U'),
            (Modifier::REVERSED, 'R'),
        ]
        .iter()
        .filter(|(f, _)| m.contains(*f))
        .map(|(_, c)| *c)
        .collect();
        if fg != Color::Reset {
            s.push_str(&format!(" fg={fg}"));
        }
        if bg != Color::Reset {
            s.push_str(&format!(" bg={bg}"));
        }
        s
    };
    let mut out = String::new();
    let w = usize::from(buf.area.width);
    for row in buf.content.chunks(w) {
        let mut line = String::new();
        let mut open = String::new();
        for cell in row {
            let c = code(cell.modifier, cell.fg, cell.bg);
            if c != open {
                if !open.is_empty() {
                    line.push('}');
                }
                if !c.is_empty() {
                    line.push_str(&format!("{{{c}|"));
                }
                open = c;
            }
            line.push_str(cell.symbol());
        }
        if !open.is_empty() {
            line.push('}');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn no_color() -> TermEnv {
    TermEnv::from_values(Some(OsStr::new("1")), Some(OsStr::new("truecolor")), None)
}

#[test]
fn no_color_snapshot() {
    let theme = ThemeSettings::default().theme(no_color());
    assert_eq!(theme, Theme::monochrome());
    let mut a = app(sample(), 100, 24);
    // A finder jump to Al Asad Air Base: the reader focused, the list's
    // selection unfocused, mentions by kind, the current mention, the
    // entity on the status line.
    press(&mut a, &["e", "a", "s", "a", "d", "<enter>"]);
    let buf = buffer(&a, &theme);
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "no colour anywhere");
    }
    insta::assert_snapshot!("no_color_100x24", styled(&buf));
}

#[test]
fn no_color_keeps_every_kind_apart_by_its_modifiers() {
    let t = Theme::monochrome();
    let kinds = [t.person, t.org, t.place, t.group, t.date, t.number];
    for (i, a) in kinds.iter().enumerate() {
        assert!(!a.add_modifier.is_empty());
        for b in &kinds[i + 1..] {
            assert_ne!(a.add_modifier, b.add_modifier);
        }
    }
}

#[test]
fn the_light_preset_draws_the_same_text_in_its_own_colours() {
    let a = app(sample(), 100, 30);
    let env = TermEnv { no_color: false, depth: ColorDepth::Ansi16 };
    let light = ThemeSettings { preset: Preset::Light, ..ThemeSettings::default() }.theme(env);
    assert_eq!(light, Theme::light());
    let text = dateline::tui::view::render_text(&a, &light, 100, 30);
    assert_eq!(text, screen(&a));
    // The selected row is drawn in the light theme's selection style.
    let buf = buffer(&a, &light);
    let row = (0..30).find(|&y| buf[(1, y)].symbol() == "▌").expect("the selected row");
    assert_eq!(buf[(3, row)].bg, Color::Blue);
    assert!(styled(&buf).contains("{ fg=DarkGray|╭"), "quiet borders");
}

#[test]
fn a_16_colour_terminal_gets_only_the_16_colours() {
    let (cfg, errors) = config::parse(
        "[theme]\ncolors = 16\n[theme.styles]\nperson = { fg = \"#d75f00\", bg = 236 }\n\
         selection = { fg = \"#ffffff\", bg = \"#005f87\" }\n",
        std::path::Path::new("c.toml"),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let theme = cfg.theme.theme(TermEnv { no_color: false, depth: ColorDepth::TrueColor });
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j", "<enter>", "e", "a", "s", "a", "d", "<enter>"]);
    let buf = buffer(&a, &theme);
    for cell in &buf.content {
        assert!(is_ansi16(cell.fg) && is_ansi16(cell.bg), "{:?} {:?}", cell.fg, cell.bg);
    }
    // Auto on a terminal that says it has 256 colours keeps them indexed.
    let auto = ThemeSettings { colors: config::Colors::Auto, ..cfg.theme.clone() };
    let env256 = TermEnv::from_values(None, None, Some(OsStr::new("xterm-256color")));
    assert!(matches!(auto.theme(env256).person.fg, Some(Color::Indexed(_))));
}
