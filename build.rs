//! The analysis version the on-disk cache is keyed by: a hash of every
//! source and data file that decides what loading and analysis produce (and
//! how the cache writes it). Any change to them makes older cache entries
//! foreign, so they are rebuilt rather than trusted.

use std::fs;
use std::path::{Path, PathBuf};

/// What loading, analysis, resolution and comparison depend on.
const INPUTS: &[&str] = &[
    "src/corpus",
    "src/analysis",
    "src/index",
    "src/compare",
    "src/cache",
    "models",
    "data",
    "Cargo.lock",
];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(&root.join(input), &mut files);
    }
    files.sort();
    let mut h = Fnv::default();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap_or(f);
        h.write(rel.to_string_lossy().as_bytes());
        h.write(&[0]);
        h.write(&fs::read(f).unwrap_or_default());
        h.write(&[0xff]);
    }
    println!("cargo:rustc-env=DATELINE_ANALYSIS_VERSION={:016x}", h.0);
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => {
            for e in entries.flatten() {
                collect(&e.path(), out);
            }
        }
        Err(_) if path.is_file() => out.push(path.to_path_buf()),
        Err(_) => {}
    }
}

/// FNV-1a, 64 bits: fixed forever, no dependency.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
