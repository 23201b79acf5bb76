//! Keys → [`Action`]s, built from data (`keymap-default.toml`) and the
//! user's config ([`Keymap::rebind`]), so the help popup and status line,
//! generated from the same table, always show the keys in force.

use std::collections::BTreeMap;
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::{Action, Context};

/// The built-in keys.
pub const DEFAULT_TOML: &str = include_str!("keymap-default.toml");

/// One key as a user writes it: a code plus whether Control is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    /// The names [`Key::parse`] knows besides single characters, for
    /// messages and the default config file.
    pub const NAMES: &str = "up down left right enter esc tab backtab backspace delete insert \
                             pageup pagedown home end space f1…f12";

    /// Parse "j", "G", "?", "enter", "pagedown", "f5", "ctrl-c", …
    pub fn parse(s: &str) -> Result<Key, String> {
        let ctrl_prefix = s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("ctrl-"));
        let (ctrl, name) = match s.get(5..) {
            Some(rest) if ctrl_prefix && !rest.is_empty() => (true, rest),
            _ => (false, s),
        };
        let mut chars = name.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match name.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "delete" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "space" => KeyCode::Char(' '),
                f => match f.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {s:?}")),
                },
            },
        };
        Ok(Key { code, ctrl })
    }

    /// The key as [`Key::parse`] reads it back: "j", "pagedown", "ctrl-c".
    pub fn name(&self) -> String {
        let code = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "backtab".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Delete => "delete".into(),
            KeyCode::Insert => "insert".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_lowercase(),
        };
        if self.ctrl { format!("ctrl-{code}") } else { code }
    }

    /// Whether a terminal key event is this key. Shift is ignored for
    /// characters ("G" arrives as Shift+G), Alt never matches.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let m = ev.modifiers;
        if m.contains(KeyModifiers::ALT) || m.contains(KeyModifiers::CONTROL) != self.ctrl {
            return false;
        }
        match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => a == b,
            (a, b) => a == b,
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Keys bound to one action in one context, with the words the help shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: String,
    /// A short label for the status line; `None` keeps it to the help popup.
    pub hint: Option<String>,
}

impl Binding {
    /// "j ↓", as the help popup lists keys.
    pub fn keys_label(&self) -> String {
        self.keys.iter().map(Key::to_string).collect::<Vec<_>>().join(" ")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    keys: Vec<String>,
    action: Action,
    help: String,
    #[serde(default)]
    hint: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    contexts: BTreeMap<Context, Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Self {
        // The embedded table is part of the program, not input; a unit test
        // proves it parses.
        Keymap::from_toml(DEFAULT_TOML).expect("the built-in keymap parses")
    }
}

impl Keymap {
    /// Parse a keymap table; errors name the context and key at fault.
    pub fn from_toml(text: &str) -> Result<Keymap, String> {
        let raw: BTreeMap<Context, Vec<RawBinding>> =
            toml::from_str(text).map_err(|e| format!("keymap: {e}"))?;
        let mut contexts = BTreeMap::new();
        for (ctx, raws) in raw {
            let mut bindings: Vec<Binding> = Vec::new();
            for r in raws {
                let mut keys = Vec::new();
                for k in &r.keys {
                    let key = Key::parse(k).map_err(|e| format!("keymap [{ctx:?}]: {e}"))?;
                    if bindings.iter().flat_map(|b| &b.keys).chain(&keys).any(|x| *x == key) {
                        return Err(format!("keymap [{ctx:?}]: key {k:?} bound twice"));
                    }
                    keys.push(key);
                }
                if keys.is_empty() {
                    return Err(format!("keymap [{ctx:?}]: {:?} has no keys", r.action));
                }
                bindings.push(Binding { keys, action: r.action, help: r.help, hint: r.hint });
            }
            contexts.insert(ctx, bindings);
        }
        Ok(Keymap { contexts })
    }

    /// The bindings of one context, in file order.
    pub fn bindings(&self, ctx: Context) -> &[Binding] {
        self.contexts.get(&ctx).map_or(&[], Vec::as_slice)
    }

    /// The action for a key event, asking `contexts` in order (top layer first).
    pub fn action(&self, contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
        contexts.iter().find_map(|&ctx| {
            self.bindings(ctx)
                .iter()
                .find(|b| b.keys.iter().any(|k| k.matches(ev)))
                .map(|b| b.action)
        })
    }

    /// Status-line hints for `contexts`: ("j/k", "move"), ("Enter", "read"), …
    /// Bindings sharing a hint label are merged under their first keys.
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, String)> {
        self.hints_where(contexts, |_| true)
    }

    /// [`Keymap::hints`] of the bindings whose action passes `keep`.
    pub fn hints_where(
        &self,
        contexts: &[Context],
        keep: impl Fn(Action) -> bool,
    ) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for &ctx in contexts {
            for b in self.bindings(ctx).iter().filter(|b| keep(b.action)) {
                let (Some(label), Some(key)) = (&b.hint, b.keys.first()) else { continue };
                match out.iter_mut().find(|(_, l)| l == label) {
                    Some((keys, _)) => {
                        keys.push('/');
                        keys.push_str(&key.to_string());
                    }
                    None => out.push((key.to_string(), label.clone())),
                }
            }
        }
        out
    }

    /// Give `action` exactly `keys` in `ctx` (a user's config): its old
    /// keys there go, and any of `keys` another action of `ctx` had leaves
    /// that action; an action left with no keys is unbound and leaves the
    /// help. No keys unbinds `action`. An action new to `ctx` takes the
    /// words it has elsewhere in the help.
    pub fn rebind(&mut self, ctx: Context, action: Action, keys: &[Key]) {
        let help = self.help_for(action);
        let list = self.contexts.entry(ctx).or_default();
        let mut given = false;
        for b in list.iter_mut() {
            if b.action != action {
                b.keys.retain(|k| !keys.contains(k));
            } else if !given {
                b.keys = keys.to_vec();
                given = true;
            } else {
                b.keys.clear();
            }
        }
        if !given && !keys.is_empty() {
            list.push(Binding { keys: keys.to_vec(), action, help, hint: None });
        }
        list.retain(|b| !b.keys.is_empty());
    }

    /// The words the help gives `action`: its first binding's, else its
    /// name in words.
    fn help_for(&self, action: Action) -> String {
        self.contexts
            .values()
            .flatten()
            .find(|b| b.action == action)
            .map(|b| b.help.clone())
            .unwrap_or_else(|| action.name().replace('_', " "))
    }

    /// Every action bound somewhere, in help order, each once.
    pub fn actions(&self) -> Vec<Action> {
        let mut out: Vec<Action> = Vec::new();
        for (_, bindings) in self.sections() {
            for b in bindings {
                if !out.contains(&b.action) {
                    out.push(b.action);
                }
            }
        }
        out
    }

    /// Help sections in display order, empty contexts left out.
    pub fn sections(&self) -> Vec<(Context, &[Binding])> {
        Context::ALL.iter().map(|&c| (c, self.bindings(c))).filter(|(_, b)| !b.is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn default_parses_and_binds() {
        let km = Keymap::default();
        let list = [Context::List, Context::Main, Context::Any];
        let none = KeyModifiers::NONE;
        assert_eq!(km.action(&list, &key(KeyCode::Char('j'), none)), Some(Action::SelectNext));
        assert_eq!(km.action(&list, &key(KeyCode::Down, none)), Some(Action::SelectNext));
        assert_eq!(
            km.action(&list, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::SelectLast)
        );
        assert_eq!(km.action(&list, &key(KeyCode::Char('q'), none)), Some(Action::Quit));
        assert_eq!(
            km.action(&list, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(km.action(&list, &key(KeyCode::Char('c'), none)), Some(Action::CompareOpen));
        assert_eq!(km.action(&list, &key(KeyCode::Char('j'), KeyModifiers::ALT)), None);
    }

    #[test]
    fn the_comparison_view_has_its_own_keys() {
        let km = Keymap::default();
        let none = KeyModifiers::NONE;
        let ctx = [Context::Compare, Context::Any];
        let at = |c: char| km.action(&ctx, &key(KeyCode::Char(c), none));
        assert_eq!(at('j'), Some(Action::FactNext));
        assert_eq!(at('l'), Some(Action::ReportNext));
        assert_eq!(at('s'), Some(Action::StoriesOpen));
        // q steps back out of the view rather than quitting.
        assert_eq!(at('q'), Some(Action::CompareClose));
        assert_eq!(km.action(&ctx, &key(KeyCode::Enter, none)), Some(Action::ReportOpen));
        let picker = [Context::Stories, Context::Any];
        assert_eq!(km.action(&picker, &key(KeyCode::Enter, none)), Some(Action::StoriesAccept));
        assert_eq!(km.action(&picker, &key(KeyCode::Esc, none)), Some(Action::StoriesClose));
    }

    #[test]
    fn hints_merge_by_label() {
        let km = Keymap::default();
        let hints = km.hints(&[Context::List, Context::Main]);
        assert_eq!(hints[0], ("j/k".to_string(), "move".to_string()));
        assert!(hints.contains(&("q".to_string(), "quit".to_string())));
    }

    #[test]
    fn key_names_read_back() {
        for name in ["j", "G", "?", "space", "pagedown", "ctrl-c", "f5", "backtab", "delete"] {
            let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(key.name(), name);
        }
        assert!(Key::parse("f13").is_err() && Key::parse("ctrl-").is_err());
        assert_eq!(Key::parse("Ctrl-PageUp").map(|k| k.name()), Ok("ctrl-pageup".to_string()));
        let km = Keymap::default();
        for (_, bindings) in km.sections() {
            for k in bindings.iter().flat_map(|b| &b.keys) {
                assert_eq!(Key::parse(&k.name()), Ok(*k));
            }
        }
    }

    #[test]
    fn rebinding_replaces_keys_and_takes_them_from_others() {
        let mut km = Keymap::default();
        let none = KeyModifiers::NONE;
        let list = [Context::List, Context::Main, Context::Any];
        let x = |c| key(KeyCode::Char(c), none);
        let ch = |c| Key { code: KeyCode::Char(c), ctrl: false };
        km.rebind(Context::List, Action::SelectNext, &[ch('x')]);
        assert_eq!(km.action(&list, &x('x')), Some(Action::SelectNext));
        assert_eq!(km.action(&list, &x('j')), None, "j is no longer bound");
        assert_eq!(km.action(&list, &key(KeyCode::Down, none)), None);
        // Taking G from select_last leaves it End.
        km.rebind(Context::List, Action::Open, &[ch('G')]);
        assert_eq!(km.action(&list, &x('G')), Some(Action::Open));
        assert_eq!(km.action(&list, &key(KeyCode::End, none)), Some(Action::SelectLast));
        let open = km.bindings(Context::List).iter().find(|b| b.action == Action::Open);
        assert_eq!(open.map(Binding::keys_label).as_deref(), Some("G"));
        // Unbinding removes the entry from the help.
        km.rebind(Context::List, Action::SelectLast, &[]);
        assert!(km.bindings(Context::List).iter().all(|b| b.action != Action::SelectLast));
        // An action new to a context borrows its words from elsewhere.
        km.rebind(Context::Reader, Action::CompareOpen, &[ch('C')]);
        let b = km.bindings(Context::Reader).iter().find(|b| b.action == Action::CompareOpen);
        assert_eq!(b.map(|b| b.help.as_str()), Some("compare the outlets on the article's story"));
        km.rebind(Context::Reader, Action::FocusList, &[ch('L')]);
        let b = km.bindings(Context::Reader).iter().find(|b| b.action == Action::FocusList);
        assert_eq!(b.map(|b| b.help.as_str()), Some("focus list"));
    }

    #[test]
    fn bad_tables_are_errors() {
        let dup = "[[list]]\nkeys=[\"j\"]\naction=\"quit\"\nhelp=\"x\"\n\
                   [[list]]\nkeys=[\"j\"]\naction=\"open\"\nhelp=\"y\"\n";
        assert!(Keymap::from_toml(dup).unwrap_err().contains("bound twice"));
        let unknown = "[[list]]\nkeys=[\"hyper-x\"]\naction=\"quit\"\nhelp=\"x\"\n";
        assert!(Keymap::from_toml(unknown).unwrap_err().contains("unknown key"));
        let action = "[[list]]\nkeys=[\"x\"]\naction=\"explode\"\nhelp=\"x\"\n";
        assert!(Keymap::from_toml(action).is_err());
    }
}
