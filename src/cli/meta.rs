//! Commands about dateline itself rather than articles: `config`,
//! `completions`, `man`. They read no corpus, so they run at once even in a
//! folder of thousands of files.

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;

use super::{Cli, Command};
use crate::config::{self, Origin};

/// Run a meta command, writing to `out` and problems to `err`; the exit
/// code. `None` when `command` reads articles.
pub fn run(
    command: &Command,
    config_flag: Option<&Path>,
    config_env: Option<&OsStr>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Option<io::Result<u8>> {
    Some(match command {
        Command::Config { default: true } => {
            out.write_all(config::default_file().as_bytes()).map(|()| 0)
        }
        Command::Config { default: false } => check_config(config_flag, config_env, out, err),
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "dateline", out);
            Ok(0)
        }
        Command::Man => man(out).map(|()| 0),
        _ => return None,
    })
}

/// Which config file is in use, and what is wrong in it: exit 1 when
/// anything is, so scripts can check a file.
fn check_config(
    flag: Option<&Path>,
    env: Option<&OsStr>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let loaded = config::load(config::locate(flag, env));
    let Some(loc) = &loaded.location else {
        writeln!(out, "no config folder found (no home directory); defaults in use")?;
        return Ok(0);
    };
    let from = match loc.origin {
        Origin::Flag => "from --config",
        Origin::Env => "from DATELINE_CONFIG",
        Origin::Platform => "the platform's config folder",
    };
    let state = if loaded.found { "" } else { " (not there: defaults in use)" };
    writeln!(out, "{} ({from}){state}", loc.path.display())?;
    for e in &loaded.errors {
        writeln!(err, "warning: config: {}", crate::display::clean(&e.to_string()))?;
    }
    Ok(if loaded.errors.is_empty() { 0 } else { 1 })
}

/// The man page, generated from the command line's definition: one page
/// with every command and its options (rather than a page per command that
/// would have to be installed too), and the files and variables dateline
/// reads.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = clap_mangen::Man::new(cmd.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    page.render_synopsis_section(out)?;
    page.render_description_section(out)?;
    page.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        writeln!(out, ".TP\n\\fB{}\\fR", roff_text(usage))?;
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            for line in about.to_string().lines() {
                writeln!(out, "{}", roff_text(line))?;
            }
        }
        // Its options, indented under it: the options section without its heading.
        let mut options = Vec::new();
        // The global --config is listed once, above.
        let sub = sub.clone().mut_arg("config", |a| a.hide(true));
        clap_mangen::Man::new(sub).render_options_section(&mut options)?;
        let options = String::from_utf8_lossy(&options);
        writeln!(out, ".RS")?;
        let preamble = |l: &&str| [".SH", ".ie", ".el"].iter().any(|p| l.starts_with(p));
        for line in options.lines().filter(|l| !preamble(l)) {
            writeln!(out, "{line}")?;
        }
        writeln!(out, ".RE")?;
    }
    let environment = [
        ("DATELINE_CONFIG", "The config file, when \\-\\-config is not given (see FILES)."),
        (
            "NO_COLOR",
            "Set to anything but nothing: no colours, only bold, underline and reverse video.",
        ),
        (
            "COLORTERM, TERM",
            "How many colours the terminal shows (truecolor or 24bit; 256color; else 16).",
        ),
    ];
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, text) in environment {
        writeln!(out, ".TP\n\\fB{name}\\fR\n{text}")?;
    }
    writeln!(out, ".SH FILES")?;
    writeln!(
        out,
        ".TP\n\\fI$XDG_CONFIG_HOME/dateline/config.toml\\fR\n\
         The config file on Linux (\\fI~/.config/dateline/config.toml\\fR without \
         XDG_CONFIG_HOME): keys, theme and behaviour. \\fBdateline config\\fR names the \
         file in use and checks it; \\fBdateline config \\-\\-default\\fR prints a \
         commented file of the defaults."
    )?;
    page.render_version_section(out)
}

/// `s` as roff text: backslashes and hyphens escaped, and a line that
/// would start with a control character made plain.
fn roff_text(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
