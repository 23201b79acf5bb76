//! The user's config file: key bindings, the theme and a few behaviour
//! defaults, over the built-in defaults.
//!
//! Where it is: `--config PATH`, else `$DATELINE_CONFIG`, else the
//! platform's config folder (`$XDG_CONFIG_HOME/dateline/config.toml` on
//! Linux). A mistake in it never stops the reader: each one is a
//! [`ConfigError`] naming the file, the line and the setting, and only the
//! broken part falls back to its default (the whole file, when it is not
//! TOML at all). [`default_file`] writes the defaults as a commented file
//! that reads back as exactly the defaults.

mod default_file;
mod parse;
pub mod style;

use std::ffi::OsStr;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use ratatui::style::Style;

pub use default_file::default_file;

use crate::tui::app::App;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::palette::{ColorDepth, TermEnv};
use crate::tui::theme::{Preset, Theme};

/// Everything a config file can set, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The default keys with the user's bindings applied.
    pub keymap: Keymap,
    pub theme: ThemeSettings,
    pub behaviour: Behaviour,
}

/// The theme as configured; [`ThemeSettings::theme`] turns it into styles
/// for a given terminal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ThemeSettings {
    pub preset: Preset,
    pub colors: Colors,
    /// The user's styles by element name ([`Theme::ELEMENTS`]), each
    /// replacing the preset's whole style for that element.
    pub styles: Vec<(String, Style)>,
}

impl ThemeSettings {
    /// The theme to draw with on a terminal with `env`.
    pub fn theme(&self, env: TermEnv) -> Theme {
        let depth = match self.colors {
            Colors::Auto => None,
            Colors::Depth(d) => Some(d),
        };
        Theme::build(self.preset, &self.styles, env, depth)
    }
}

/// How many colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colors {
    /// As the terminal says (`COLORTERM`, `TERM`).
    #[default]
    Auto,
    Depth(ColorDepth),
}

impl Colors {
    /// As the config file writes it.
    pub fn toml(self) -> &'static str {
        match self {
            Colors::Auto => "\"auto\"",
            Colors::Depth(ColorDepth::Ansi16) => "16",
            Colors::Depth(ColorDepth::Indexed256) => "256",
            Colors::Depth(ColorDepth::TrueColor) => "\"truecolor\"",
        }
    }
}

/// How the reader starts and behaves: only settings that change something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Behaviour {
    /// Mentions styled by kind at start (`h` toggles).
    pub highlight: bool,
    /// The entity panel open at start.
    pub entity_panel: bool,
    /// Lines one notch of the mouse wheel scrolls the reader.
    pub wheel_lines: u16,
    /// The program `o` opens addresses with; `None` is the system's choice.
    pub browser: Option<String>,
}

impl Default for Behaviour {
    fn default() -> Self {
        Behaviour { highlight: true, entity_panel: false, wheel_lines: 3, browser: None }
    }
}

impl Behaviour {
    /// Set a new reader up this way.
    pub fn apply(&self, app: &mut App) {
        app.highlight = self.highlight;
        app.panel = self.entity_panel;
        app.wheel_lines = self.wheel_lines;
    }
}

/// Where the config file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--config PATH`.
    Flag,
    /// `$DATELINE_CONFIG`.
    Env,
    /// The platform's config folder.
    Platform,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub origin: Origin,
}

/// The config file to read: the flag's, else the variable's (when not
/// empty), else the platform's. `None` when there is no home to find the
/// platform's folder in.
pub fn locate(flag: Option<&Path>, env: Option<&OsStr>) -> Option<Location> {
    if let Some(p) = flag {
        return Some(Location { path: p.to_path_buf(), origin: Origin::Flag });
    }
    if let Some(p) = env.filter(|v| !v.is_empty()) {
        return Some(Location { path: PathBuf::from(p), origin: Origin::Env });
    }
    platform_path().map(|path| Location { path, origin: Origin::Platform })
}

/// `config.toml` in the platform's config folder for dateline
/// (`$XDG_CONFIG_HOME/dateline/config.toml`, `~/.config/dateline/…`).
pub fn platform_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dateline").map(|d| d.config_dir().join("config.toml"))
}

/// A config file read, with whatever was wrong in it.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub location: Option<Location>,
    /// The file exists and was read.
    pub found: bool,
    pub errors: Vec<ConfigError>,
}

/// Read the config at `location`. A file missing from the platform's
/// folder is no error (it is optional); one named by the flag or the
/// variable is.
pub fn load(location: Option<Location>) -> Loaded {
    let Some(loc) = location else {
        return Loaded { config: Config::default(), location: None, found: false, errors: vec![] };
    };
    let (config, found, errors) = match std::fs::read(&loc.path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => {
                let (config, errors) = parse(&text, &loc.path);
                (config, true, errors)
            }
            Err(_) => {
                (Config::default(), true, vec![ConfigError::file(&loc.path, Problem::NotUtf8)])
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound && loc.origin == Origin::Platform => {
            (Config::default(), false, vec![])
        }
        Err(e) => {
            (Config::default(), false, vec![ConfigError::file(&loc.path, Problem::Unreadable(e))])
        }
    };
    Loaded { config, location: Some(loc), found, errors }
}

/// The config `text` (read from `path`, which messages name) over the
/// defaults, and what was wrong in it, in line order.
pub fn parse(text: &str, path: &Path) -> (Config, Vec<ConfigError>) {
    parse::parse(text, path)
}

/// One thing wrong in a config file.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; `None` for problems with the whole file.
    pub line: Option<usize>,
    /// The setting, dotted: `keys.list.select_next`, `theme.styles.person.fg`.
    pub key: Option<String>,
    pub problem: Problem,
}

impl ConfigError {
    fn file(path: &Path, problem: Problem) -> ConfigError {
        ConfigError { path: path.to_path_buf(), line: None, key: None, problem }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}; {}", self.problem, self.problem.consequence())
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.problem)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read it: {0}")]
    Unreadable(#[source] io::Error),
    #[error("it is not UTF-8 text")]
    NotUtf8,
    #[error("not valid TOML: {0}")]
    Syntax(String),
    #[error("unknown setting{}", did_you_mean(.0))]
    UnknownSetting(Option<String>),
    #[error("unknown context {name:?}{}", did_you_mean(.suggestion))]
    UnknownContext { name: String, suggestion: Option<String> },
    #[error("unknown action {name:?}{}", did_you_mean(.suggestion))]
    UnknownAction { name: String, suggestion: Option<String> },
    #[error(
        "unknown key {0:?}: a key is one character or one of {names}, with \"ctrl-\" before it \
         for Control",
        names = Key::NAMES
    )]
    BadKeyName(String),
    #[error("key {0:?} is given to two actions in this context")]
    KeyTwice(String),
    #[error("unknown colour {0:?}: {help}", help = style::COLOUR_HELP)]
    BadColour(String),
    #[error("unknown modifier {0:?}: one of {names}", names = style::modifier_names().join(" "))]
    BadModifier(String),
    #[error("expected {expected}, found {found}")]
    WrongType { expected: &'static str, found: &'static str },
    #[error("{0}")]
    BadValue(String),
}

impl Problem {
    /// What dateline does about it.
    pub fn consequence(&self) -> &'static str {
        match self {
            Problem::Unreadable(_) | Problem::NotUtf8 | Problem::Syntax(_) => {
                "dateline starts with the defaults"
            }
            Problem::UnknownSetting(_)
            | Problem::UnknownContext { .. }
            | Problem::UnknownAction { .. } => "ignored",
            _ => "the default is kept",
        }
    }
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    suggestion.as_ref().map(|s| format!(" (did you mean {s:?}?)")).unwrap_or_default()
}
