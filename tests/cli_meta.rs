//! The commands about dateline itself: `config`, `completions`, `man` and
//! `--version`. Each runs in an empty folder, where reading articles would
//! fail: they must not read any.

use std::path::Path;
use std::process::{Command, Output};

fn dateline_in(dir: &Path, args: &[&str], config_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.args(args).current_dir(dir).env_remove("DATELINE_CONFIG");
    // A home of its own, so the platform's config folder is empty.
    cmd.env("HOME", dir).env("XDG_CONFIG_HOME", dir.join("xdg"));
    if let Some(p) = config_env {
        cmd.env("DATELINE_CONFIG", p);
    }
    cmd.output().expect("run dateline")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SUBCOMMANDS: [&str; 5] = ["list", "entities", "compare", "config", "completions"];

#[test]
fn version_prints_the_crate_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dateline_in(dir.path(), &["--version"], None);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), format!("dateline {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn config_default_prints_the_default_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dateline_in(dir.path(), &["config", "--default"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty());
    assert_eq!(text(&out.stdout), dateline::config::default_file());
    // Saved and named with --config, it checks clean.
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, &out.stdout).expect("write");
    let check = dateline_in(dir.path(), &["--config", "mine.toml", "config"], None);
    assert!(check.status.success(), "{}", text(&check.stderr));
    assert_eq!(text(&check.stdout), "mine.toml (from --config)\n");
    assert!(check.stderr.is_empty(), "{}", text(&check.stderr));
}

#[test]
fn config_names_the_file_and_each_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.toml");
    std::fs::write(
        &file,
        "[keys.list]\nopne = [\"o\"]\n\n[theme.styles]\nperson = { fg = \"purpel\" }\n",
    )
    .expect("write");
    let out = dateline_in(dir.path(), &["config"], Some(&file));
    assert_eq!(out.status.code(), Some(1), "problems make `dateline config` fail");
    assert_eq!(text(&out.stdout), format!("{} (from DATELINE_CONFIG)\n", file.display()));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    let f = file.display();
    assert!(
        lines[0].starts_with(&format!("warning: config: {f}:2: keys.list.opne: unknown action")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "warning: config: {f}:5: theme.styles.person.fg: unknown colour"
        )),
        "{err}"
    );
    // The flag wins over the variable, also after the command's name.
    let out = dateline_in(dir.path(), &["config", "--config", "none.toml"], Some(&file));
    assert_eq!(text(&out.stdout), "none.toml (from --config) (not there: defaults in use)\n");
    assert!(text(&out.stderr).contains("none.toml: cannot read it"), "{}", text(&out.stderr));
    // Without either, the platform's folder, where nothing is: defaults.
    let out = dateline_in(dir.path(), &["config"], None);
    assert!(out.status.success());
    let said = text(&out.stdout);
    assert!(said.contains("dateline/config.toml") && said.contains("defaults in use"), "{said}");
}

#[test]
fn a_bad_config_warns_and_the_command_still_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.toml");
    std::fs::write(&file, "[theme\n").expect("write");
    // Printing commands do not use the config; they neither read nor warn.
    // Run in the temp dir (its own home, so its own cache folder too).
    let sample = root.join("sample-data");
    let args = ["--config", file.to_str().unwrap_or(""), "list", sample.to_str().unwrap_or("")];
    let out = dateline_in(dir.path(), &args, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 6);
}

#[test]
fn paths_before_a_command_are_a_usage_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = dateline_in(root, &["sample-data", "--config", "x.toml", "list"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("paths go after the command"), "{}", text(&out.stderr));
}

#[test]
fn completions_for_every_shell_name_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = dateline_in(dir.path(), &["completions", shell], None);
        assert!(out.status.success(), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell} completes {sub}");
        }
        let flag = if shell == "fish" { "-l config" } else { "--config" };
        assert!(script.contains(flag), "{shell} completes --config");
    }
    let out = dateline_in(dir.path(), &["completions", "tcsh"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_documents_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dateline_in(dir.path(), &["man"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page = text(&out.stdout);
    assert!(page.contains(".TH dateline 1"), "a roff page");
    for section in ["NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "ENVIRONMENT", "FILES"] {
        assert!(page.contains(&format!(".SH {section}")), "{section}");
    }
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!("\\fBdateline {sub} ")), "the page has `dateline {sub}`");
    }
    for words in ["\\-\\-format", "\\-\\-default", "NO_COLOR", "DATELINE_CONFIG"] {
        assert!(page.contains(words), "{words}");
    }
    // Hidden from the help, as a command a user would not run by hand.
    let help = dateline_in(dir.path(), &["--help"], None);
    assert!(!text(&help.stdout).contains("man "), "{}", text(&help.stdout));
}
