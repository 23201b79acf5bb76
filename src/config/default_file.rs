//! `dateline config --default`: the defaults as a commented config file,
//! generated from the default keymap, theme and behaviour so it cannot
//! drift from them, and read back as exactly the defaults (tested).

use std::fmt::Write;

use super::style::{COLOUR_HELP, modifier_names, style_toml};
use super::{Behaviour, Colors};
use crate::tui::action::Action;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::theme::{Preset, Theme};

/// The default config file.
pub fn default_file() -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_file(&mut out);
    out.lines().map(wrap_comment).collect::<Vec<_>>().join("\n") + "\n"
}

/// A prose comment line longer than 79 columns, as several; settings
/// (commented or not) are left whole so they can be uncommented.
fn wrap_comment(line: &str) -> String {
    const WIDTH: usize = 79;
    let Some(text) = line.strip_prefix("# ") else { return line.to_string() };
    let setting = text.split_once(" = ").is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    if setting || crate::display::width(line) <= WIDTH {
        return line.to_string();
    }
    let mut out = vec![String::from("#")];
    for word in text.split(' ') {
        let last = out.last_mut().expect("never empty");
        if crate::display::width(last) + 1 + crate::display::width(word) > WIDTH && last.len() > 1 {
            out.push(format!("# {word}"));
        } else {
            last.push(' ');
            last.push_str(word);
        }
    }
    out.join("\n")
}

fn write_file(out: &mut String) -> std::fmt::Result {
    let b = Behaviour::default();
    writeln!(
        out,
        "\
# dateline's config file, as `dateline config --default` prints it: every
# value below is the default, so keep only what you change.
#
# dateline reads `--config PATH`, else $DATELINE_CONFIG, else config.toml in
# the platform's config folder: $XDG_CONFIG_HOME/dateline/config.toml on Linux
# (~/.config/dateline/config.toml), ~/Library/Application Support/dateline/
# on macOS. `dateline config` says which file is in use and checks it.
# A mistake is reported with its line; that setting keeps its default.

[behaviour]
# Style mentions in the reader by kind at start (h turns it on and off).
highlight = {highlight}
# Open the entity panel (E) at start.
entity_panel = {panel}
# Lines one notch of the mouse wheel scrolls the reader.
wheel_lines = {wheel}
# The program o opens web addresses with, instead of the system's choice
# (xdg-open, open, start):
# browser = \"firefox\"

[theme]
# The colours to start from: \"dark\" or \"light\" (for a light background).
preset = \"{preset}\"
# Colours the terminal shows: \"auto\" (from COLORTERM and TERM), 16, 256 or
# \"truecolor\". Any colour below that the terminal lacks is shown as the
# nearest it has.
colors = {colors}
# NO_COLOR set to anything (https://no-color.org) turns colours off: the
# reader then marks focus and selection by weight and reverse video, and a
# style below gives only its modifiers.

# A style per element replaces the preset's style for that element:
#   name = {{ fg = COLOUR, bg = COLOUR, modifiers = [MODIFIER, ...] }}
# COLOUR is {COLOUR_HELP}.
# MODIFIER is one of {modifiers}.
# These are the dark preset's styles.
[theme.styles]",
        highlight = b.highlight,
        panel = b.entity_panel,
        wheel = b.wheel_lines,
        preset = Preset::default().name(),
        colors = Colors::default().toml(),
        modifiers = modifier_names().join(" "),
    )?;
    let dark = Theme::default();
    for (name, doc) in Theme::ELEMENTS {
        let style = dark.get(name).unwrap_or_default();
        writeln!(out, "# {doc}\n# {name} = {}", style_toml(style))?;
    }
    let keymap = Keymap::default();
    let unbound: Vec<String> = Action::UNBOUND_BY_DEFAULT.iter().map(|a| a.name()).collect();
    writeln!(
        out,
        "
# Keys, per context: action = [KEY, ...]. The keys given replace the
# action's default keys in that context, and leave any other action there
# that had them; `action = []` unbinds it. The help (?) and the status line
# show the keys in force.
# KEY is one character (\"j\", \"G\", \"?\") or one of {names}, with \"ctrl-\" before it for Control (\"ctrl-c\").
# Contexts are tried top layer first: an open popup or view, then the focused
# pane (list, reader, entities), then main (any of the three panes), then any.
# Each context's actions are listed below; any of them may be bound in
# another context too, as may {unbound}.",
        names = Key::NAMES,
        unbound = unbound.join(", "),
    )?;
    for (ctx, bindings) in keymap.sections() {
        writeln!(out, "\n# {}\n[keys.{}]", ctx.title(), ctx.name())?;
        for b in bindings {
            let keys: Vec<String> =
                b.keys.iter().map(|k| toml::Value::String(k.name()).to_string()).collect();
            writeln!(out, "{} = [{}]  # {}", b.action.name(), keys.join(", "), b.help)?;
        }
    }
    Ok(())
}
