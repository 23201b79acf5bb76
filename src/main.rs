//! Parse the command line and pick a face: the reader (TUI) or a printer.

use std::io::{self, Write};
use std::process::ExitCode;

use dateline::cli::Cli;
use dateline::{config, corpus};

fn main() -> ExitCode {
    // First, so a panic anywhere after this is logged, not shown raw.
    dateline::fault::init();
    let cli = Cli::from_args();
    let config_env = std::env::var_os("DATELINE_CONFIG");
    if let Some(cmd) = cli.command.as_ref().filter(|c| c.is_meta()) {
        return meta(cmd, cli.config.as_deref(), config_env.as_deref());
    }
    // The reader's config is read, and its problems said, before the articles.
    let settings = cli
        .command
        .is_none()
        .then(|| config::load(config::locate(cli.config.as_deref(), config_env.as_deref())));
    let (paths, command) = cli.split();
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for e in settings.iter().flat_map(|s| &s.errors) {
        let _ = writeln!(err, "warning: config: {}", dateline::display::clean(&e.to_string()));
    }
    drop(err);
    let corpus = corpus::load(&paths);
    let mut err = stderr.lock();
    for w in &corpus.warnings {
        let _ = writeln!(err, "warning: {}", dateline::display::clean(&w.to_string()));
    }
    drop(err);
    if corpus.articles.is_empty() {
        eprintln!(
            "error: no articles could be loaded from {}",
            dateline::cli::describe_paths(&paths)
        );
        return ExitCode::from(1);
    }
    match command {
        None => match dateline::tui::run(corpus, &settings.unwrap_or_else(|| config::load(None))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        },
        Some(cmd) => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            match dateline::cli::print(&cmd, &corpus, &mut out).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                // The reader went away (`dateline list | head -1`): stop quietly.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: writing output: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}

/// `config`, `completions`, `man`: no articles read.
fn meta(
    cmd: &dateline::cli::Command,
    flag: Option<&std::path::Path>,
    env: Option<&std::ffi::OsStr>,
) -> ExitCode {
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    let result = dateline::cli::meta::run(cmd, flag, env, &mut out, &mut err)
        .unwrap_or(Ok(2))
        .and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(err, "error: writing output: {e}");
            ExitCode::from(1)
        }
    }
}
