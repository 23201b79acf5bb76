//! The config file: where it is found, what it sets, how each mistake is
//! reported (file, line, setting) while the rest still applies, and the
//! default file reading back as exactly the defaults.

mod tui_support;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use dateline::config::{self, Colors, Config, Origin, Problem};
use dateline::tui::action::{Action, Context};
use dateline::tui::app::App;
use dateline::tui::keymap::Keymap;
use dateline::tui::palette::{ColorDepth, TermEnv};
use dateline::tui::theme::{Preset, Theme};
use ratatui::style::{Color, Modifier, Style};
use tui_support::{entities_of, press, sample, screen};

const PATH: &str = "/home/u/.config/dateline/config.toml";

fn parse(text: &str) -> (Config, Vec<config::ConfigError>) {
    config::parse(text, Path::new(PATH))
}

/// The one problem `text` has, as the user reads it.
fn one_problem(text: &str) -> (String, config::ConfigError) {
    let (_, mut errors) = parse(text);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = errors.remove(0);
    (e.to_string(), e)
}

fn app_with(keymap: Keymap, w: u16, h: u16) -> App {
    let corpus = sample();
    let entities = entities_of(&corpus);
    let mut app = App::with_entities(corpus, entities, keymap);
    app.update(Action::Resize(w, h));
    app
}

#[test]
fn the_default_file_reads_back_as_the_defaults() {
    let text = config::default_file();
    let (config, errors) = parse(&text);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(config, Config::default());
    // Its key tables are live settings, not comments: it sets every
    // binding of the default keymap.
    let bound = text.lines().filter(|l| !l.starts_with('#') && l.contains(" = [")).count();
    let bindings: usize = Keymap::default().sections().iter().map(|(_, b)| b.len()).sum();
    assert_eq!(bound, bindings);
    assert!(text.contains("[keys.list]") && text.contains("select_next = [\"j\", \"down\"]"));
}

#[test]
fn the_default_styles_uncommented_are_the_dark_theme() {
    let names: Vec<&str> = Theme::ELEMENTS.iter().map(|(n, _)| *n).collect();
    let text: String = config::default_file()
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if names.iter().any(|n| rest.starts_with(&format!("{n} = "))) => {
                rest.to_string()
            }
            _ => l.to_string(),
        })
        .map(|l| l + "\n")
        .collect();
    let (config, errors) = parse(&text);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(config.theme.styles.len(), Theme::ELEMENTS.len(), "every element set");
    let env = TermEnv { no_color: false, depth: ColorDepth::TrueColor };
    assert_eq!(config.theme.theme(env), Theme::default());
}

#[test]
fn every_setting_takes_effect() {
    let (config, errors) = parse(
        r##"
[behaviour]
highlight = false
entity_panel = true
wheel_lines = 5
browser = "firefox"

[theme]
preset = "light"
colors = 16

[theme.styles]
person = { fg = "#f01010", bg = 21, modifiers = ["italic", "underlined"] }
border = {}

[keys.list]
select_next = ["x", "ctrl-f"]
"##,
    );
    assert!(errors.is_empty(), "{errors:#?}");
    let b = &config.behaviour;
    assert!(!b.highlight && b.entity_panel && b.wheel_lines == 5);
    assert_eq!(b.browser.as_deref(), Some("firefox"));
    assert_eq!(config.theme.preset, Preset::Light);
    assert_eq!(config.theme.colors, Colors::Depth(ColorDepth::Ansi16));
    let env = TermEnv { no_color: false, depth: ColorDepth::TrueColor };
    let theme = config.theme.theme(env);
    // 16 colours asked for: the RGB red and palette 21 come down to the 16.
    assert_eq!(theme.person.fg, Some(Color::LightRed));
    assert_eq!(theme.person.bg, Some(Color::Blue));
    assert_eq!(theme.person.add_modifier, Modifier::ITALIC | Modifier::UNDERLINED);
    assert_eq!(theme.border, Style::new());
    assert_eq!(theme.org, Theme::light().org);

    let mut app = app_with(config.keymap.clone(), 100, 30);
    b.apply(&mut app);
    assert!(!app.highlight && app.panel && app.wheel_lines == 5);
}

#[test]
fn rebinding_works_and_the_help_shows_the_keys_in_force() {
    let (config, errors) = parse(
        r#"
[keys.list]
select_next = ["x"]
[keys.main]
help_open = ["f1"]
quit = ["Q"]
copy = []
"#,
    );
    assert!(errors.is_empty(), "{errors:#?}");
    let mut app = app_with(config.keymap, 100, 60);
    press(&mut app, &["x", "x"]);
    assert_eq!(app.selected, Some(2), "x moves down");
    press(&mut app, &["j"]);
    assert_eq!(app.selected, Some(2), "j no longer does");
    // The status line's hints follow: k stays, x replaces j.
    assert!(screen(&app).contains("x/k move"), "{}", screen(&app));
    press(&mut app, &["?"]);
    assert!(app.help.is_none(), "? no longer opens the help");
    press(&mut app, &["q"]);
    assert!(!app.quit, "q no longer quits");
    app.update(Action::HelpOpen);
    let help = screen(&app);
    let row = |words: &str| help.lines().find(|l| l.contains(words)).map(str::to_string);
    let next = row("next article").unwrap_or_default();
    assert!(next.contains(" x ") && !next.contains(" j "), "{next}");
    assert!(row("this help").is_some_and(|l| l.contains("F1")), "{help}");
    assert!(row("quit").is_some_and(|l| l.contains(" Q ")), "{help}");
    assert!(row("citation").is_none(), "an unbound action leaves the help:\n{help}");
    press(&mut app, &["<esc>", "Q"]);
    assert!(app.quit);
}

#[test]
fn a_key_taken_by_another_action_leaves_it() {
    let (config, errors) = parse("[keys.list]\nopen = [\"j\"]\n");
    assert!(errors.is_empty(), "{errors:#?}");
    let km = &config.keymap;
    let next = km.bindings(Context::List).iter().find(|b| b.action == Action::SelectNext);
    assert_eq!(next.map(|b| b.keys_label()).as_deref(), Some("↓"));
    let mut app = app_with(config.keymap, 100, 30);
    press(&mut app, &["j"]);
    assert_eq!(app.focus, dateline::tui::app::Focus::Reader, "j opens the article");
}

#[test]
fn a_syntax_error_names_the_line_and_keeps_every_default() {
    let (config, errors) =
        parse("[keys.list]\nselect_next = [\"x\"]\n\n[theme\npreset = \"light\"\n");
    assert_eq!(config, Config::default());
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert_eq!(errors[0].line, Some(4), "{msg}");
    assert!(msg.starts_with(&format!("{PATH}:4: not valid TOML")), "{msg}");
    assert!(msg.ends_with("dateline starts with the defaults"), "{msg}");
}

#[test]
fn an_unknown_setting_is_named_with_a_suggestion() {
    let (msg, e) = one_problem("[theme]\npreset = \"light\"\ncolours_ = 16\n");
    assert_eq!(
        msg,
        format!("{PATH}:3: theme.colours_: unknown setting (did you mean \"colors\"?); ignored")
    );
    assert!(matches!(e.problem, Problem::UnknownSetting(_)));
    let (msg, _) = one_problem("\n[behavior]\nhighlite = false\n");
    assert_eq!(
        msg,
        format!(
            "{PATH}:3: behaviour.highlite: unknown setting (did you mean \"highlight\"?); ignored"
        )
    );
    let (msg, _) = one_problem("[colours]\n");
    assert!(msg.starts_with(&format!("{PATH}:1: colours: unknown setting")), "{msg}");
    let (msg, _) = one_problem("[theme.styles]\npersn = { fg = \"red\" }\n");
    assert!(
        msg.contains(":2: theme.styles.persn: unknown setting (did you mean \"person\"?)"),
        "{msg}"
    );
}

#[test]
fn an_unknown_action_or_context_is_named_and_the_rest_applies() {
    let text = "[keys.list]\nopne = [\"o\"]\nselect_next = [\"x\"]\n";
    let (config, errors) = parse(text);
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert_eq!(
        msg,
        format!(
            "{PATH}:2: keys.list.opne: unknown action \"opne\" (did you mean \"open\"?); ignored"
        )
    );
    // The good entry still applies.
    let next =
        config.keymap.bindings(Context::List).iter().find(|b| b.action == Action::SelectNext);
    assert_eq!(next.map(|b| b.keys_label()).as_deref(), Some("x"));
    // A value-carrying action is not one a key can do.
    let (msg, _) = one_problem("[keys.reader]\nscroll_by = [\"x\"]\n");
    assert!(msg.contains(":2: keys.reader.scroll_by: unknown action"), "{msg}");
    let (msg, e) = one_problem("[keys.lists]\nopen = [\"o\"]\n");
    assert_eq!(
        msg,
        format!(
            "{PATH}:1: keys.lists: unknown context \"lists\" (did you mean \"list\"?); ignored"
        )
    );
    assert!(matches!(e.problem, Problem::UnknownContext { .. }));
}

#[test]
fn a_bad_key_name_keeps_the_actions_default_keys() {
    let (config, errors) = parse("[keys.list]\n\nselect_next = [\"x\", \"hyper-x\"]\n");
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(
        msg.starts_with(&format!("{PATH}:3: keys.list.select_next: unknown key \"hyper-x\"")),
        "{msg}"
    );
    assert!(msg.ends_with("the default is kept"), "{msg}");
    assert!(matches!(errors[0].problem, Problem::BadKeyName(_)));
    assert_eq!(config.keymap, Keymap::default(), "select_next keeps j and ↓");
    // One key for two actions of one context.
    let (msg, e) = one_problem("[keys.list]\nopen = [\"x\"]\nquit = [\"x\"]\n");
    assert!(msg.contains(":3: keys.list.quit: key \"x\" is given to two actions"), "{msg}");
    assert!(matches!(e.problem, Problem::KeyTwice(_)));
}

#[test]
fn a_bad_colour_keeps_the_elements_style() {
    let text = "[theme.styles]\nperson = { fg = \"purpel\", modifiers = [\"bold\"] }\norg = { fg = \"red\" }\n";
    let (config, errors) = parse(text);
    assert_eq!(errors.len(), 1);
    let msg = errors[0].to_string();
    assert!(
        msg.starts_with(&format!("{PATH}:2: theme.styles.person.fg: unknown colour \"purpel\"")),
        "{msg}"
    );
    assert!(matches!(errors[0].problem, Problem::BadColour(_)));
    let env = TermEnv { no_color: false, depth: ColorDepth::TrueColor };
    let theme = config.theme.theme(env);
    assert_eq!(theme.person, Theme::default().person);
    assert_eq!(theme.org, Style::new().fg(Color::Red), "the good style applies");
    let (msg, _) = one_problem("[theme.styles]\nperson = { bg = 300 }\n");
    assert!(msg.contains("unknown colour \"300\""), "{msg}");
    let (msg, e) = one_problem("[theme.styles]\nperson = { modifiers = [\"blinking\"] }\n");
    assert!(
        msg.contains(":2: theme.styles.person.modifiers: unknown modifier \"blinking\""),
        "{msg}"
    );
    assert!(matches!(e.problem, Problem::BadModifier(_)));
}

#[test]
fn wrong_types_and_values_are_named() {
    let (msg, e) = one_problem("[behaviour]\nhighlight = \"yes\"\n");
    assert_eq!(
        msg,
        format!(
            "{PATH}:2: behaviour.highlight: expected true or false, found string; the default is kept"
        )
    );
    assert!(matches!(e.problem, Problem::WrongType { .. }));
    let (msg, _) = one_problem("[behaviour]\nwheel_lines = 0\n");
    assert!(msg.contains(":2: behaviour.wheel_lines: 0 is not 1 to 100"), "{msg}");
    let (msg, _) = one_problem("[theme]\npreset = \"blue\"\n");
    assert!(msg.contains(":2: theme.preset: unknown preset \"blue\""), "{msg}");
    let (msg, _) = one_problem("[theme]\ncolors = 88\n");
    assert!(msg.contains(":2: theme.colors: colors is"), "{msg}");
    let (msg, _) = one_problem("keys = 3\n");
    assert!(msg.contains(":1: keys: expected a table, found integer"), "{msg}");
    let (msg, _) = one_problem("[keys.list]\nopen = 3\n");
    assert!(msg.contains(":2: keys.list.open: expected a list of keys"), "{msg}");
}

#[test]
fn unbinding_every_quit_key_keeps_ctrl_c() {
    let (config, errors) = parse("[keys.main]\nquit = []\n[keys.any]\nquit = []\n");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().contains("keys: no key is left to quit dateline"),
        "{}",
        errors[0]
    );
    let any = config.keymap.bindings(Context::Any);
    assert!(any.iter().any(|b| b.action == Action::Quit && b.keys_label() == "Ctrl-c"));
    // Unbinding q alone is fine: Ctrl-c is still there.
    let (_, errors) = parse("[keys.main]\nquit = []\n");
    assert!(errors.is_empty());
}

#[test]
fn the_file_is_found_by_flag_then_variable_then_platform() {
    let flag = PathBuf::from("/tmp/flag.toml");
    let env = OsStr::new("/tmp/env.toml");
    let at = config::locate(Some(&flag), Some(env)).expect("a location");
    assert_eq!((at.path, at.origin), (flag, Origin::Flag));
    let at = config::locate(None, Some(env)).expect("a location");
    assert_eq!((at.path, at.origin), (PathBuf::from(env), Origin::Env));
    // An empty variable is unset.
    if let Some(at) = config::locate(None, Some(OsStr::new(""))) {
        assert_eq!(at.origin, Origin::Platform);
        assert!(at.path.ends_with("dateline/config.toml"), "{}", at.path.display());
    }
}

#[test]
fn a_missing_file_is_an_error_only_when_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("none.toml");
    let platform = config::Location { path: missing.clone(), origin: Origin::Platform };
    let loaded = config::load(Some(platform));
    assert!(!loaded.found && loaded.errors.is_empty());
    let named = config::Location { path: missing.clone(), origin: Origin::Flag };
    let loaded = config::load(Some(named));
    assert_eq!(loaded.errors.len(), 1);
    let msg = loaded.errors[0].to_string();
    assert!(
        msg.starts_with(&missing.display().to_string()) && msg.contains("cannot read"),
        "{msg}"
    );
    assert_eq!(loaded.config, Config::default());
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"# caf\xe9\n").expect("write");
    let loaded = config::load(Some(config::Location { path: latin1, origin: Origin::Env }));
    assert!(loaded.errors[0].to_string().contains("not UTF-8"));
}

#[test]
fn no_color_starts_from_the_plain_theme_whatever_the_preset() {
    let (config, _) =
        parse("[theme]\npreset = \"light\"\n[theme.styles]\nselection = { bg = \"red\" }\n");
    let env = TermEnv { no_color: true, depth: ColorDepth::TrueColor };
    assert_eq!(config.theme.theme(env), Theme::monochrome());
}

/// The docs' excerpt of the default file is taken from it, in order, so
/// it cannot drift from what `dateline config --default` prints.
#[test]
fn the_readme_excerpt_is_the_default_file() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme =
        std::fs::read_to_string(format!("{root}/docs/configuration.md")).expect("configuration");
    let section = readme.split("# Configuration").nth(1).expect("a Configuration section");
    let excerpt = section
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a toml block");
    let file = config::default_file();
    let mut lines = file.lines();
    for want in excerpt.lines().filter(|l| !l.is_empty()) {
        assert!(
            lines.any(|l| l == want),
            "docs/configuration.md line not in the default file (in order): {want:?}"
        );
    }
    assert!(excerpt.lines().count() > 10);
}
