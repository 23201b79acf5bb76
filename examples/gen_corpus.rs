//! Write a generated corpus for scale work (see `benches/support/gen.rs`):
//!
//! ```sh
//! cargo run --release --example gen_corpus -- 100000 target/scale/corpus-100000
//! ```
//!
//! N defaults to 1000, the folder to `target/scale/corpus-N` (where the
//! scale bench looks for it, and which is left as it is when it holds
//! that corpus already). The text is read at run time from
//! ../shared/dev-data/ecb-dev (else sample-data); nothing generated is
//! committed.

#[path = "../benches/support/gen.rs"]
mod generator;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = match args.first().map(|a| a.replace('_', "").parse()) {
        None => 1000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("usage: gen_corpus [N] [FOLDER]");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out =
        args.get(1).map_or_else(|| root.join(format!("target/scale/corpus-{n}")), PathBuf::from);
    if out.exists() {
        eprintln!("error: {} exists; remove it first", out.display());
        return ExitCode::from(1);
    }
    let seeds = generator::Seeds::load(root);
    let t = Instant::now();
    match generator::generate(&seeds, n, &out) {
        Ok(g) => {
            println!(
                "{} articles in {} files, {:.1} MB, from {} ({} seed articles), in {:.1} s: {}",
                g.articles,
                g.files,
                g.bytes as f64 / 1e6,
                seeds.source.display(),
                seeds.articles.len(),
                t.elapsed().as_secs_f64(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
