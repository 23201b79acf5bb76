//! The fuzz targets (`fuzz/checks.rs`) on stable Rust: a blind mutational
//! fuzzer. It starts from the sample articles, the test fixtures and a few
//! shapes per target, and stacks random edits on them (bit flips, inserted
//! bytes and format tokens, deleted, repeated and spliced stretches, wide
//! and invisible characters). No coverage feedback, so it finds less than
//! `cargo +nightly fuzz run`, but it needs nothing but a stable toolchain.
//!
//! ```sh
//! cargo run --release --example fuzz_stable -- [--target text|json|html|feed|analysis|all]
//!     [--runs N] [--seed S] [--max-len BYTES] [--replay N]
//! ```
//!
//! Each run is made from the seed and its number alone, so a crash is
//! reproduced with `--replay <run>` (the number is printed, and kept in
//! `target/fuzz-stable/<target>.last` in case the process dies outright).
//! A failing input is written to `target/fuzz-stable/crash-<target>-<run>`.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    targets: Vec<&'static str>,
    runs: u64,
    seed: u64,
    max_len: usize,
    replay: Option<u64>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        targets: checks::TARGETS.to_vec(),
        runs: 100_000,
        seed: 1,
        max_len: 64 << 10,
        replay: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--target" => {
                let v = value()?;
                a.targets = match checks::TARGETS.iter().find(|t| **t == v) {
                    Some(t) => vec![*t],
                    None if v == "all" => checks::TARGETS.to_vec(),
                    None => {
                        return Err(format!(
                            "no target {v:?}; one of {:?} or all",
                            checks::TARGETS
                        ));
                    }
                };
            }
            "--runs" => a.runs = number(value()?)?,
            "--seed" => a.seed = number(value()?)?,
            "--max-len" => {
                a.max_len = usize::try_from(number(value()?)?).map_err(|e| e.to_string())?
            }
            "--replay" => a.replay = Some(number(value()?)?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(a)
}

/// SplitMix64: small, fast, and any run's stream can be made directly.
struct Rng(u64);

impl Rng {
    fn for_run(seed: u64, run: u64) -> Rng {
        let mut r = Rng(seed ^ run.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { usize::try_from(self.next() % n as u64).unwrap_or(0) }
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Tokens that steer each target's parser into its corners.
fn dictionary(target: &str) -> Vec<&'static [u8]> {
    let common: [&[u8]; 12] = [
        b"\n",
        b"\n\n",
        b" ",
        b"\r\n",
        b"\xEF\xBB\xBF",
        b"\x1b[2J",
        b"\xE2\x80\xAE",
        b"\xE2\x80\x8B",
        b"\xCC\x81",
        b"\xE6\x9D\xB1\xE4\xBA\xAC",
        b"\xF0\x9F\x9A\x80",
        b"\0",
    ];
    let own: &[&[u8]] = match target {
        "text" => &[
            b"---\n",
            b"+++\n",
            b"title: ",
            b"date: ",
            b"outlet: ",
            b"2024-02-30",
            b"title = \"",
            b"date 2024-08-06 ",
            b"CNN \xE2\x80\x94 ",
            b"(Reuters) - ",
            b"told Fox News",
            b"Published: July 28, 2004 at 1:24 PM",
            b"By Ann Lee",
            b"Skip to content",
            b"# ",
            b"[a](b)",
            b"*",
            b"&a [",
            b"*a",
            b": ",
            b"- ",
            b"...",
        ],
        "json" => &[
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b":",
            b",",
            b"\"title\"",
            b"\"body\"",
            b"\"date\"",
            b"\"source\": {\"name\": ",
            b"null",
            b"true",
            b"1e999",
            b"\\u0000",
            b"\\ud800",
            b"\"version\": \"https://jsonfeed.org/version/1.1\"",
            b"\"items\": [",
        ],
        "html" => &[
            b"<div>",
            b"</div>",
            b"<p>",
            b"</p>",
            b"<article>",
            b"<script>",
            b"</script>",
            b"<!--",
            b"-->",
            b"<meta charset=\"koi8-r\">",
            b"<meta property=\"og:title\" content=\"",
            b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":",
            b"<title>",
            b"<h1>",
            b"<table><tr><td>",
            b"&amp;",
            b"&#x1F680;",
            b"<br>",
            b"<a href=x>",
        ],
        "feed" => &[
            b"<rss version=\"2.0\">",
            b"<channel>",
            b"<item>",
            b"</item>",
            b"<title>",
            b"</title>",
            b"<description>",
            b"<![CDATA[",
            b"]]>",
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            b"<entry>",
            b"<content type=\"html\">",
            b"<pubDate>Mon, 05 Aug 2024 10:00:00 GMT</pubDate>",
            b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
            b"&lt;p&gt;",
            b"<rdf:RDF>",
            b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
            b"&a;",
        ],
        _ => &[
            b"U.S. ",
            b"Al-Asad ",
            b"Nov. 22 ",
            b"more than 150 ",
            b"as many as seven ",
            b"several ",
            b"Lloyd Austin ",
            b"Monday ",
            b"last week ",
            b"Between October 17 and January 29 ",
            b"\xE2\x80\x9CQuoted,\xE2\x80\x9D he said. ",
            b"Mr. ",
            b"Jr. ",
            b"2,500 ",
            b"dozens ",
            b"AC-130 ",
            b"\xD8\xB9\xD9\x8A\xD9\x86 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB3\xD8\xAF ",
        ],
    };
    common.iter().copied().chain(own.iter().copied()).collect()
}

/// Files to start from: what each target reads, from the sample data, the
/// fixtures, and `fuzz/corpus/<target>` when cargo-fuzz has filled it.
fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let exts: &[&str] = match target {
        "text" | "analysis" => &["txt", "md"],
        "json" => &["json", "jsonl"],
        "html" => &["html", "htm"],
        _ => &["xml", "rss", "atom", "rdf"],
    };
    let mut out = Vec::new();
    let mut dirs = vec![
        root.join("sample-data"),
        root.join("tests/fixtures"),
        root.join("fuzz/corpus").join(target),
    ];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = fs::read_dir(&d) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                dirs.push(p);
            } else if (d.ends_with(target)
                || p.extension().is_some_and(|e| exts.contains(&&*e.to_string_lossy())))
                && let Ok(b) = fs::read(&p)
            {
                out.push(b);
            }
        }
    }
    // A few small shapes, so edits are not always buried in a long file.
    let small: &[&[u8]] = match target {
        "json" => &[br#"{"title": "T", "body": "Text.", "date": "2024-08-06"}"#, b"[{\"body\": \"a\"}, {\"text\": \"b\"}]", b"{\"body\":\"One.\"}\n{\"body\":\"Two.\"}\n"],
        "html" => &[b"<html><head><title>T - Site</title></head><body><article><p>Text of the page here.</p></article></body></html>"],
        "feed" => &[b"<rss version=\"2.0\"><channel><title>F</title><item><title>A</title><description>Text.</description></item></channel></rss>"],
        _ => &[b"---\ntitle: T\ndate: 2024-08-06\n---\nCNN \xE2\x80\x94 Several U.S. personnel were injured on Monday.\n"],
    };
    out.extend(small.iter().map(|s| s.to_vec()));
    out
}

/// Stack 1 to 8 random edits on a seed.
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], dict: &[&[u8]], max_len: usize) -> Vec<u8> {
    let mut b = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(8) {
        let len = b.len();
        let at = rng.below(len + 1);
        match rng.below(10) {
            0 if len > 0 => b[at.min(len - 1)] ^= 1 << rng.below(8),
            1 if len > 0 => {
                b[at.min(len - 1)] =
                    *rng.pick(&[0, 0xff, b'<', b'>', b'"', b'{', b'\n', 0x80, 0xC3, b'-'])
            }
            2 => {
                let n = 1 + rng.below(32);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                b.splice(at..at, bytes);
            }
            3 | 4 => {
                let tok = rng.pick(dict);
                b.splice(at..at, tok.iter().copied());
            }
            5 => {
                let end = (at + 1 + rng.below(256)).min(len);
                b.drain(at.min(end)..end);
            }
            6 if len > 0 => {
                // Repeat a stretch: long lines, deep nesting, big counts.
                let start = rng.below(len);
                let end = (start + 1 + rng.below(16)).min(len);
                let piece = b[start..end].to_vec();
                let most = if rng.below(4) == 0 { 2000 } else { 8 };
                let times = 1 + rng.below(most);
                let rep: Vec<u8> =
                    piece.iter().copied().cycle().take(piece.len() * times).collect();
                b.splice(start..start, rep);
            }
            7 => {
                let other = rng.pick(seeds);
                let from = rng.below(other.len() + 1);
                b.truncate(at);
                b.extend_from_slice(&other[from..]);
            }
            8 => b.truncate(at),
            _ => {
                let tok = rng.pick(dict);
                b.extend_from_slice(tok);
            }
        }
        b.truncate(max_len);
    }
    b
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/fuzz-stable");
    let _ = fs::create_dir_all(&out);
    let mut total = 0u64;
    let started = Instant::now();
    for target in &args.targets {
        let seeds = seeds(&root, target);
        let dict = dictionary(target);
        let runs = match args.replay {
            Some(r) => r..r + 1,
            None => 0..args.runs,
        };
        let t0 = Instant::now();
        let mut report = Instant::now();
        let last = out.join(format!("{target}.last"));
        for run in runs.clone() {
            let mut rng = Rng::for_run(args.seed, run);
            let input = mutate(&mut rng, &seeds, &dict, args.max_len);
            let _ = fs::write(&last, run.to_string());
            let result = std::panic::catch_unwind(|| checks::run(target, &input));
            total += 1;
            if result.is_err() {
                let path = out.join(format!("crash-{target}-{run}"));
                let _ = fs::write(&path, &input);
                eprintln!(
                    "CRASH: target {target}, run {run} (seed {}): input in {}; replay with --target {target} --seed {} --replay {run}",
                    args.seed,
                    path.display(),
                    args.seed
                );
                return ExitCode::from(1);
            }
            if report.elapsed().as_secs() >= 10 {
                report = Instant::now();
                let done = run + 1 - runs.start;
                eprintln!(
                    "{target}: {done} runs, {:.0}/s",
                    done as f64 / t0.elapsed().as_secs_f64()
                );
            }
        }
        let n = runs.end - runs.start;
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{target}: {n} runs, no crash, {secs:.1} s ({:.0}/s), {} seeds",
            n as f64 / secs.max(1e-9),
            seeds.len()
        );
    }
    println!(
        "total: {total} runs, no crash, {:.1} s, seed {}",
        started.elapsed().as_secs_f64(),
        args.seed
    );
    ExitCode::SUCCESS
}
