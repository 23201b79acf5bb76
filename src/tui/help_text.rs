//! The help popup's text, generated from the keymap: below the app, which
//! needs its length to bound scrolling, and the view, which draws it.

use super::action::Context;
use super::keymap::Keymap;

/// One row of the help text.
pub enum Row {
    Heading(&'static str),
    Key(String, String),
    /// Each kind's name in its own style, and the current mention's.
    Legend,
    Blank,
}

pub fn rows(keymap: &Keymap) -> Vec<Row> {
    let mut out = vec![Row::Heading("Mentions in the reader"), Row::Legend];
    for (ctx, bindings) in keymap.sections() {
        if !out.is_empty() {
            out.push(Row::Blank);
        }
        out.push(Row::Heading(ctx.title()));
        if ctx == Context::Filter {
            // Not a binding: what unbound keys do while typing a filter.
            out.push(Row::Key("letters".into(), "type the filter (title, outlet, text)".into()));
        }
        if ctx == Context::Finder {
            out.push(Row::Key("letters".into(), "type the query (names and aliases)".into()));
        }
        if ctx == Context::Stories {
            out.push(Row::Key(
                "letters".into(),
                "narrow the stories (title, outlet, dates)".into(),
            ));
        }
        for b in bindings {
            out.push(Row::Key(b.keys_label(), b.help.clone()));
        }
    }
    out
}

/// The first row of `ctx`'s section, if the keymap has one.
pub fn section_start(keymap: &Keymap, ctx: Context) -> Option<usize> {
    rows(keymap).iter().position(|r| matches!(r, Row::Heading(h) if *h == ctx.title()))
}

/// Lines the help text takes (the app needs it to bound scrolling).
pub fn line_count(keymap: &Keymap) -> usize {
    rows(keymap).len()
}
