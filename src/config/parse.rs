//! A config file's TOML, walked by hand over a spanned tree so every
//! problem names its line and setting, and one bad entry costs only that
//! entry: unknown names, wrong types and bad values are each reported and
//! skipped, the rest applies.

use std::ops::Range;
use std::path::Path;

use ratatui::style::{Modifier, Style};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::style::{indexed_colour, parse_colour, parse_modifier};
use super::{Behaviour, Colors, Config, ConfigError, Problem, ThemeSettings};
use crate::tui::action::{Action, Context};
use crate::tui::keymap::{Key, Keymap};
use crate::tui::palette::ColorDepth;
use crate::tui::theme::{Preset, Theme};

type Value<'i> = Spanned<DeValue<'i>>;

struct Parser<'a> {
    text: &'a str,
    path: &'a Path,
    errors: Vec<ConfigError>,
}

pub(super) fn parse(text: &str, path: &Path) -> (Config, Vec<ConfigError>) {
    let mut p = Parser { text, path, errors: Vec::new() };
    let mut config = Config::default();
    match DeTable::parse(text) {
        Ok(root) => {
            for (key, value) in entries(root.get_ref()) {
                match key.get_ref().as_ref() {
                    "behaviour" | "behavior" => p.behaviour(value, &mut config.behaviour),
                    "theme" => p.theme(value, &mut config.theme),
                    "keys" => p.keys(value, &mut config.keymap),
                    other => p.unknown(key, other.into(), other, ["behaviour", "theme", "keys"]),
                }
            }
        }
        Err(e) => {
            let line = e.span().map(|s| p.line(s.start));
            let problem = Problem::Syntax(e.message().trim().to_string());
            p.errors.push(ConfigError { path: path.to_path_buf(), line, key: None, problem });
        }
    }
    let mut errors = p.errors;
    errors.sort_by_key(|e| e.line);
    (config, errors)
}

/// A table's entries in the order the file gives them (the parsed table
/// sorts its keys).
fn entries<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<toml::de::DeString<'i>>, &'t Value<'i>)> {
    let mut out: Vec<_> = table.iter().collect();
    out.sort_by_key(|(k, _)| k.span().start);
    out
}

impl Parser<'_> {
    fn line(&self, offset: usize) -> usize {
        self.text.get(..offset).map_or(0, |t| t.matches('\n').count()) + 1
    }

    fn error(&mut self, span: Range<usize>, key: String, problem: Problem) {
        let line = Some(self.line(span.start));
        self.errors.push(ConfigError {
            path: self.path.to_path_buf(),
            line,
            key: Some(key),
            problem,
        });
    }

    /// `name` (at `full`) is no setting; the nearest of `known` is offered.
    fn unknown<'k, T>(
        &mut self,
        key: &Spanned<T>,
        full: String,
        name: &str,
        known: impl IntoIterator<Item = &'k str>,
    ) {
        let problem = Problem::UnknownSetting(suggest(name, known));
        self.error(key.span(), full, problem);
    }

    fn wrong_type(&mut self, v: &Value, key: String, expected: &'static str) {
        let problem = Problem::WrongType { expected, found: v.get_ref().type_str() };
        self.error(v.span(), key, problem);
    }

    fn table<'t, 'i>(&mut self, v: &'t Value<'i>, key: &str) -> Option<&'t DeTable<'i>> {
        let t = v.get_ref().as_table();
        if t.is_none() {
            self.wrong_type(v, key.to_string(), "a table");
        }
        t
    }

    fn bool(&mut self, v: &Value, key: String) -> Option<bool> {
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(v, key, "true or false");
        }
        b
    }

    fn behaviour(&mut self, v: &Value, out: &mut Behaviour) {
        let Some(t) = self.table(v, "behaviour") else { return };
        for (key, v) in entries(t) {
            let name = key.get_ref().as_ref();
            let full = format!("behaviour.{name}");
            match name {
                "highlight" => {
                    if let Some(b) = self.bool(v, full) {
                        out.highlight = b;
                    }
                }
                "entity_panel" => {
                    if let Some(b) = self.bool(v, full) {
                        out.entity_panel = b;
                    }
                }
                "wheel_lines" => match integer(v.get_ref()) {
                    Some(n @ 1..=100) => out.wheel_lines = u16::try_from(n).unwrap_or(3),
                    Some(n) => self.error(
                        v.span(),
                        full,
                        Problem::BadValue(format!("{n} is not 1 to 100")),
                    ),
                    None => self.wrong_type(v, full, "a number of lines"),
                },
                "browser" => match v.get_ref().as_str().map(str::trim) {
                    Some("") => self.error(v.span(), full, Problem::BadValue("empty".into())),
                    Some(s) => out.browser = Some(s.to_string()),
                    None => self.wrong_type(v, full, "a program name"),
                },
                _ => self.unknown(
                    key,
                    full,
                    name,
                    ["highlight", "entity_panel", "wheel_lines", "browser"],
                ),
            }
        }
    }

    fn theme(&mut self, v: &Value, out: &mut ThemeSettings) {
        let Some(t) = self.table(v, "theme") else { return };
        for (key, v) in entries(t) {
            let name = key.get_ref().as_ref();
            let full = format!("theme.{name}");
            match name {
                "preset" => match v.get_ref().as_str().map(|s| (s, Preset::from_name(s))) {
                    Some((_, Some(p))) => out.preset = p,
                    Some((s, None)) => {
                        let msg = format!("unknown preset {s:?}: \"dark\" or \"light\"");
                        self.error(v.span(), full, Problem::BadValue(msg));
                    }
                    None => self.wrong_type(v, full, "\"dark\" or \"light\""),
                },
                "colors" | "colours" => match colors(v.get_ref()) {
                    Some(c) => out.colors = c,
                    None => {
                        let msg = "colors is \"auto\", 16, 256 or \"truecolor\"".to_string();
                        self.error(v.span(), full, Problem::BadValue(msg));
                    }
                },
                "styles" => self.styles(v, out),
                _ => self.unknown(key, full, name, ["preset", "colors", "styles"]),
            }
        }
    }

    fn styles(&mut self, v: &Value, out: &mut ThemeSettings) {
        let Some(t) = self.table(v, "theme.styles") else { return };
        for (key, v) in entries(t) {
            let name = key.get_ref().as_ref();
            let full = format!("theme.styles.{name}");
            if Theme::default().get(name).is_none() {
                self.unknown(key, full, name, Theme::ELEMENTS.iter().map(|(n, _)| *n));
                continue;
            }
            if let Some(style) = self.style(v, &full) {
                out.styles.retain(|(n, _)| n != name);
                out.styles.push((name.to_string(), style));
            }
        }
    }

    /// `{ fg = …, bg = …, modifiers = […] }`; `None` (reported) when any
    /// part is wrong, so the element keeps its preset style whole.
    fn style(&mut self, v: &Value, full: &str) -> Option<Style> {
        let t = self.table(v, full)?;
        let mut style = Style::new();
        let mut ok = true;
        for (key, v) in entries(t) {
            let name = key.get_ref().as_ref();
            let field = format!("{full}.{name}");
            match name {
                "fg" | "bg" => {
                    let colour = match v.get_ref() {
                        DeValue::String(s) => parse_colour(s).ok_or_else(|| s.to_string()),
                        DeValue::Integer(_) => {
                            let n = integer(v.get_ref()).unwrap_or(-1);
                            indexed_colour(n).ok_or_else(|| n.to_string())
                        }
                        _ => {
                            self.wrong_type(v, field, "a colour");
                            ok = false;
                            continue;
                        }
                    };
                    match colour {
                        Ok(c) if name == "fg" => style = style.fg(c),
                        Ok(c) => style = style.bg(c),
                        Err(text) => {
                            self.error(v.span(), field, Problem::BadColour(text));
                            ok = false;
                        }
                    }
                }
                "modifiers" => match self.modifiers(v, field) {
                    Some(m) => style = style.add_modifier(m),
                    None => ok = false,
                },
                _ => {
                    self.unknown(key, field, name, ["fg", "bg", "modifiers"]);
                    ok = false;
                }
            }
        }
        ok.then_some(style)
    }

    fn modifiers(&mut self, v: &Value, field: String) -> Option<Modifier> {
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, field, "a list of modifiers");
            return None;
        };
        let mut m = Modifier::empty();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(s) => match parse_modifier(s) {
                    Some(x) => m |= x,
                    None => {
                        self.error(item.span(), field, Problem::BadModifier(s.to_string()));
                        return None;
                    }
                },
                None => {
                    self.wrong_type(item, field, "a modifier name");
                    return None;
                }
            }
        }
        Some(m)
    }

    /// `[keys.CONTEXT]` tables of `action = ["key", …]`. Each entry is
    /// checked whole before it is applied: an action keeps its default
    /// keys unless every key given for it is good.
    fn keys(&mut self, v: &Value, keymap: &mut Keymap) {
        let Some(t) = self.table(v, "keys") else { return };
        let defaults = Keymap::default();
        let mut actions: Vec<String> = defaults.actions().iter().map(|a| a.name()).collect();
        actions.extend(Action::UNBOUND_BY_DEFAULT.iter().map(|a| a.name()));
        for (key, v) in entries(t) {
            let ctx_name = key.get_ref().as_ref();
            let Some(ctx) = Context::from_name(ctx_name) else {
                let names: Vec<String> = Context::ALL.iter().map(|c| c.name()).collect();
                let suggestion = suggest(ctx_name, names.iter().map(String::as_str));
                let problem = Problem::UnknownContext { name: ctx_name.to_string(), suggestion };
                self.error(key.span(), format!("keys.{ctx_name}"), problem);
                continue;
            };
            let Some(bindings) = self.table(v, &format!("keys.{ctx_name}")) else { continue };
            // Keys already given in this context, so one key is not given twice.
            let mut given: Vec<Key> = Vec::new();
            for (akey, v) in entries(bindings) {
                let name = akey.get_ref().as_ref();
                let full = format!("keys.{ctx_name}.{name}");
                let Some(action) = Action::from_name(name) else {
                    let suggestion = suggest(name, actions.iter().map(String::as_str));
                    let problem = Problem::UnknownAction { name: name.to_string(), suggestion };
                    self.error(akey.span(), full, problem);
                    continue;
                };
                let Some(keys) = self.key_list(v, &full) else { continue };
                if let Some(k) = keys.iter().find(|k| given.contains(k)) {
                    self.error(v.span(), full, Problem::KeyTwice(k.name()));
                    continue;
                }
                given.extend(&keys);
                keymap.rebind(ctx, action, &keys);
            }
        }
        // A reader no key can leave is a trap: Ctrl-c stays.
        if !keymap.actions().contains(&Action::Quit)
            && let Ok(ctrl_c) = Key::parse("ctrl-c")
        {
            keymap.rebind(Context::Any, Action::Quit, &[ctrl_c]);
            let msg = "no key is left to quit dateline, so ctrl-c still quits".to_string();
            self.error(v.span(), "keys".into(), Problem::BadValue(msg));
        }
    }

    /// `["j", "down"]`, or one key as a string; `[]` unbinds.
    fn key_list(&mut self, v: &Value, full: &str) -> Option<Vec<Key>> {
        let items: Vec<&Value> = match v.get_ref() {
            DeValue::String(_) => vec![v],
            DeValue::Array(a) => a.iter().collect(),
            _ => {
                self.wrong_type(v, full.to_string(), "a list of keys");
                return None;
            }
        };
        let mut keys = Vec::new();
        for item in items {
            let Some(s) = item.get_ref().as_str() else {
                self.wrong_type(item, full.to_string(), "a key name");
                return None;
            };
            match Key::parse(s) {
                Ok(k) if !keys.contains(&k) => keys.push(k),
                Ok(_) => {}
                Err(_) => {
                    self.error(item.span(), full.to_string(), Problem::BadKeyName(s.to_string()));
                    return None;
                }
            }
        }
        Some(keys)
    }
}

fn integer(v: &DeValue) -> Option<i64> {
    let i = v.as_integer()?;
    i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

fn colors(v: &DeValue) -> Option<Colors> {
    let text = match v {
        DeValue::Integer(_) => integer(v)?.to_string(),
        DeValue::String(s) => s.to_ascii_lowercase(),
        _ => return None,
    };
    Some(match text.as_str() {
        "auto" => Colors::Auto,
        "16" => Colors::Depth(ColorDepth::Ansi16),
        "256" => Colors::Depth(ColorDepth::Indexed256),
        "truecolor" | "24bit" => Colors::Depth(ColorDepth::TrueColor),
        _ => return None,
    })
}

/// The known name closest to a misspelt one, when it is close.
fn suggest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(name, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_string())
}
