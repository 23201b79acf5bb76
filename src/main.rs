//! Parse the command line and pick a face: the reader (TUI) or a printer.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use dateline::cli::Cli;
use dateline::corpus;

fn main() -> ExitCode {
    // First, so a panic anywhere after this is logged, not shown raw.
    dateline::fault::init();
    let cli = Cli::parse();
    let (paths, command) = cli.split();
    let corpus = corpus::load(&paths);
    let stderr = io::stderr();
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
        None => match dateline::tui::run(corpus) {
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
