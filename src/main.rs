//! Parse the command line and pick a face: the reader (TUI), which loads
//! in the background, or a printer, which loads first.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use dateline::cli::{self, Cli, Command};
use dateline::config;
use dateline::corpus::{Warning, summary};
use dateline::pipeline::{Options, Pipeline};

fn main() -> ExitCode {
    // First, so a panic anywhere after this is logged, not shown raw.
    dateline::fault::init();
    let cli = Cli::from_args();
    let config_env = std::env::var_os("DATELINE_CONFIG");
    if let Some(cmd) = cli.command.as_ref().filter(|c| c.is_meta()) {
        return meta(cmd, cli.config.as_deref(), config_env.as_deref());
    }
    if let Some(cmd) = cli.command.as_ref().filter(|c| c.is_library()) {
        // stderr unlocked: the fetch's progress bar is drawn from its threads.
        let (mut out, mut err) = (io::stdout().lock(), io::stderr());
        return match cli::run_library(cmd, &mut out, &mut err).and_then(|c| out.flush().map(|()| c))
        {
            Ok(code) => ExitCode::from(code),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(err, "error: writing output: {e}");
                ExitCode::from(1)
            }
        };
    }
    let options = Options { cache: cli.cache(), ..Options::default() };
    let config_flag = cli.config.clone();
    let verbose = cli.verbose;
    let (paths, command) = cli.split();
    match command {
        None => {
            // The reader's config is read, and its problems said, before
            // the articles.
            let settings =
                config::load(config::locate(config_flag.as_deref(), config_env.as_deref()));
            let mut err = io::stderr().lock();
            for e in &settings.errors {
                let _ =
                    writeln!(err, "warning: config: {}", dateline::display::clean(&e.to_string()));
            }
            drop(err);
            reader(paths, options, &settings, verbose)
        }
        Some(cmd) => printer(&paths, &options, &cmd, verbose),
    }
}

/// The reader opens at once; files load behind it. Warnings are printed
/// once the terminal is given back.
fn reader(
    paths: Vec<PathBuf>,
    options: Options,
    settings: &config::Loaded,
    verbose: bool,
) -> ExitCode {
    let described = cli::describe_paths(&paths);
    match dateline::tui::run(paths, options, settings) {
        Ok(ended) => {
            warn(&ended.warnings, &ended.cache_problems, verbose);
            if ended.loaded && ended.articles == 0 {
                eprintln!("error: no articles could be loaded from {described}");
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn printer(paths: &[PathBuf], options: &Options, cmd: &Command, verbose: bool) -> ExitCode {
    let mut pipeline = Pipeline::start(paths, options, cli::need(cmd));
    let corpus = pipeline.load(&mut |_| true).unwrap_or_default();
    warn(&corpus.warnings, &pipeline.cache_problems(), verbose);
    if corpus.articles.is_empty() {
        eprintln!("error: no articles could be loaded from {}", cli::describe_paths(paths));
        return ExitCode::from(1);
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let printed = cli::print_from(cmd, &corpus, &mut pipeline, &mut out).and_then(|()| out.flush());
    warn(&[], &pipeline.cache_problems(), verbose);
    // The process ends now: freeing every article one by one would only
    // cost time (a tenth of a warm `list`).
    std::mem::forget(corpus);
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`dateline list | head -1`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing output: {e}");
            ExitCode::from(1)
        }
    }
}

/// `config`, `completions`, `man`: no articles read.
fn meta(cmd: &Command, flag: Option<&std::path::Path>, env: Option<&std::ffi::OsStr>) -> ExitCode {
    let (mut out, mut err) = (io::stdout().lock(), io::stderr().lock());
    let result = cli::meta::run(cmd, flag, env, &mut out, &mut err)
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

/// On stderr: the files' warnings, routine skips counted by kind unless
/// `verbose` (see [`summary::summarize`]), then the cache's.
fn warn(warnings: &[Warning], cache: &[impl std::fmt::Display], verbose: bool) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    let said = summary::summarize(warnings, verbose);
    for line in &said.lines {
        let _ = writeln!(err, "warning: {}", dateline::display::clean(line));
    }
    if said.grouped {
        let _ = writeln!(err, "note: --verbose gives a line for each file skipped");
    }
    for p in cache {
        let _ = writeln!(err, "warning: cache: {}", dateline::display::clean(&p.to_string()));
    }
}
