//! The on-disk cache: a second run takes what the first stored; a changed
//! file is read again; a damaged cache is reported and rebuilt; the flags
//! turn it off or move it. Every cache lives in a temporary folder.

#[path = "../benches/support/gen.rs"]
mod generator;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use dateline::cache::Setting;
use dateline::corpus::Corpus;
use dateline::pipeline::{CacheUse, Need, Options, Pipeline};
use tempfile::TempDir;

/// A generated corpus of every input format.
fn corpus(n: usize) -> TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let seeds = generator::Seeds::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    generator::generate(&seeds, n, dir.path()).expect("generate");
    dir
}

/// Everything a run produces, as text to compare runs by (analyses by
/// their mentions: a warm run decodes no more).
struct Run {
    used: CacheUse,
    problems: Vec<String>,
    result: String,
    corpus: Corpus,
}

fn everything(dir: &Path, cache: Setting) -> Run {
    let options = Options { cache, ..Options::default() };
    let mut p = Pipeline::start(&[dir.to_path_buf()], &options, Need::Everything);
    let corpus = p.load(&mut |_| true).expect("loaded");
    let analyses = p.analyses(&corpus, &mut |_, _, _| true).expect("analysed");
    let index = p.index(&corpus, &analyses);
    let comparison = p.comparison(&corpus, Some(&analyses));
    let mentions: Vec<_> = analyses.iter().map(|a| &a.mentions).collect();
    let result = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        corpus.articles, corpus.warnings, mentions, index.entities, comparison
    );
    let problems = p.cache_problems().iter().map(ToString::to_string).collect();
    Run { used: p.cache_use(), problems, result, corpus }
}

fn files_in(dir: &Path) -> usize {
    generator::files_under(dir).1.len()
}

/// The one pack folder under a `--cache-dir`.
fn pack_dir(cache: &Path) -> PathBuf {
    let entries: Vec<PathBuf> =
        fs::read_dir(cache).expect("cache folder").flatten().map(|e| e.path()).collect();
    assert_eq!(entries.len(), 1, "one folder per set of paths: {entries:?}");
    entries[0].clone()
}

#[test]
fn a_second_run_takes_everything_from_the_cache_and_gives_the_same_results() {
    let dir = corpus(40);
    let cache = tempfile::tempdir().expect("tmp");
    let files = files_in(dir.path());
    let fresh = everything(dir.path(), Setting::Off);

    let cold = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert!(cold.problems.is_empty(), "{:?}", cold.problems);
    assert_eq!(cold.used.files_read, files);
    assert_eq!(cold.used.files_cached, 0);
    assert_eq!(cold.used.analyses_computed, cold.corpus.articles.len());
    assert!(!cold.used.index_cached && !cold.used.comparison_cached);

    let warm = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert!(warm.problems.is_empty(), "{:?}", warm.problems);
    assert_eq!(warm.used.files_cached, files, "every file from the cache");
    assert_eq!(warm.used.files_read, 0);
    assert_eq!(warm.used.analyses_computed, 0, "no article analysed again");
    assert!(warm.used.index_cached && warm.used.comparison_cached);

    assert_eq!(cold.result, fresh.result, "the cold run is the uncached result");
    assert_eq!(warm.result, fresh.result, "the warm run too");
    let packs = pack_dir(cache.path());
    for f in ["files.bin", "analyses.bin", "index.bin", "compare.bin"] {
        assert!(packs.join(f).is_file(), "{f} written");
    }
}

#[test]
fn a_changed_file_is_read_again_and_the_rest_come_from_the_cache() {
    let dir = corpus(40);
    let cache = tempfile::tempdir().expect("tmp");
    let files = files_in(dir.path());
    everything(dir.path(), Setting::Dir(cache.path().into()));

    // Change one file (its text and its time), add one, remove one.
    let all = generator::files_under(dir.path()).1;
    let txt = all.iter().find(|p| p.extension().is_some_and(|e| e == "txt")).expect("a .txt");
    let mut text = fs::read_to_string(txt).expect("read");
    text.push_str("\n\nA paragraph added after the first run, about a harbour.\n");
    fs::write(txt, &text).expect("write");
    let later = SystemTime::now() + Duration::from_secs(5);
    fs::File::options().write(true).open(txt).and_then(|f| f.set_modified(later)).expect("mtime");
    fs::write(dir.path().join("added.txt"), "A new article about the county fair.\n").expect("add");
    let gone = all.iter().find(|p| p.extension().is_some_and(|e| e == "json")).expect("a .json");
    fs::remove_file(gone).expect("remove");

    let run = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert!(run.problems.is_empty(), "{:?}", run.problems);
    assert_eq!(run.used.files_read, 2, "the changed file and the new one");
    assert_eq!(run.used.files_cached, files - 2, "the others, less the removed one");
    assert_eq!(run.used.analyses_computed, 2, "one article each");
    assert!(!run.used.index_cached && !run.used.comparison_cached, "the corpus changed");
    assert_eq!(run.result, everything(dir.path(), Setting::Off).result);
    assert!(run.corpus.articles.iter().any(|a| a.body.contains("added after the first run")));

    let again = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert_eq!(again.used.files_read, 0, "the new state is cached in turn");
    assert!(again.used.index_cached && again.used.comparison_cached);
    assert_eq!(again.result, run.result);
}

/// A corpus of `n` articles, its file count and its results without a
/// cache, and a cache folder one run has filled (`packs`: its pack files).
struct Warmed {
    dir: TempDir,
    cache: TempDir,
    files: usize,
    fresh: Run,
    packs: PathBuf,
}

fn warmed(n: usize) -> Warmed {
    let dir = corpus(n);
    let cache = tempfile::tempdir().expect("tmp");
    let files = files_in(dir.path());
    let fresh = everything(dir.path(), Setting::Off);
    everything(dir.path(), Setting::Dir(cache.path().into()));
    let packs = pack_dir(cache.path());
    Warmed { dir, cache, files, fresh, packs }
}

/// Flip one byte in the middle of a file.
fn damage(path: &Path) {
    let mut bytes = fs::read(path).expect("read pack");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x20;
    fs::write(path, bytes).expect("write pack");
}

#[test]
fn a_damaged_or_foreign_cache_is_reported_and_rebuilt_never_used() {
    let Warmed { dir, cache, files, fresh, packs } = warmed(30);

    damage(&packs.join("files.bin"));
    damage(&packs.join("analyses.bin"));
    let len = fs::metadata(packs.join("index.bin")).expect("index").len();
    fs::File::options()
        .write(true)
        .open(packs.join("index.bin"))
        .and_then(|f| f.set_len(len / 2))
        .expect("cut the index short");
    fs::write(packs.join("compare.bin"), b"not what dateline writes").expect("foreign");

    let run = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert_eq!(run.used.files_read, files, "nothing taken from a damaged pack");
    assert_eq!(run.used.analyses_cached, 0);
    assert!(!run.used.index_cached && !run.used.comparison_cached);
    assert_eq!(run.result, fresh.result);
    let said = run.problems.join("\n");
    for (pack, why) in [
        ("files.bin", "damaged"),
        ("analyses.bin", "damaged"),
        ("index.bin", "damaged"),
        ("compare.bin", "not a dateline cache file"),
    ] {
        assert!(
            run.problems
                .iter()
                .any(|p| p.contains(pack) && p.contains(why) && p.contains("rebuilt")),
            "{pack}: {why}, in:\n{said}"
        );
    }
    assert_eq!(run.problems.len(), 4, "each once:\n{said}");

    let rebuilt = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert!(rebuilt.problems.is_empty(), "{:?}", rebuilt.problems);
    assert_eq!(rebuilt.used.files_cached, files, "rebuilt, and used again");
    assert!(rebuilt.used.index_cached && rebuilt.used.comparison_cached);
    assert_eq!(rebuilt.result, fresh.result);
}

#[test]
fn the_articles_and_their_analyses_are_packed_apart_and_each_pack_stands_alone() {
    let Warmed { dir, cache, files, fresh, packs } = warmed(30);

    // `list` reads the articles alone: a damaged analyses pack is not
    // even opened, so not reported, and it is left as it is.
    damage(&packs.join("analyses.bin"));
    let damaged = fs::read(packs.join("analyses.bin")).expect("read");
    let options = Options { cache: Setting::Dir(cache.path().into()), ..Options::default() };
    let mut p = Pipeline::start(&[dir.path().to_path_buf()], &options, Need::Articles);
    let listed = p.load(&mut |_| true).expect("loaded");
    assert!(p.cache_problems().is_empty(), "the analyses are not read by list");
    assert_eq!(p.cache_use().files_cached, files);
    assert_eq!(format!("{:?}", listed.articles), format!("{:?}", fresh.corpus.articles));
    assert_eq!(fs::read(packs.join("analyses.bin")).expect("read"), damaged, "left alone");

    // What needs the analyses finds the damage, says so once, rebuilds.
    let run = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
    assert!(run.problems[0].contains("analyses.bin") && run.problems[0].contains("rebuilt"));
    assert_eq!((run.used.files_cached, run.used.analyses_cached), (files, 0));
    assert_eq!(run.result, fresh.result);

    // A damaged articles pack: the files are read again, and their
    // analyses still come from the analyses pack (same files, same keys).
    damage(&packs.join("files.bin"));
    let run = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
    assert!(run.problems[0].contains("files.bin"));
    assert_eq!(run.used.files_read, files);
    assert_eq!(run.used.analyses_computed, 0, "every analysis from analyses.bin");
    assert_eq!(run.result, fresh.result);
    let again = everything(dir.path(), Setting::Dir(cache.path().into()));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!((again.used.files_cached, again.used.analyses_computed), (files, 0));
}

fn dateline(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The platform's cache folder, moved into a temporary one.
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("HOME", home)
        .output()
        .expect("run dateline")
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_flags_turn_the_cache_off_or_put_it_elsewhere() {
    let dir = corpus(20);
    let path = dir.path().to_str().expect("utf-8 path");
    let home = tempfile::tempdir().expect("tmp");
    let default = home.path().join(".cache/dateline");

    // --no-cache: nothing written anywhere.
    let plain =
        stdout(&dateline(&["entities", path, "--format", "json", "--no-cache"], home.path()));
    assert!(!default.exists(), "--no-cache wrote {}", default.display());

    // No flag: the platform's cache folder (here, under the fake home).
    let first = dateline(&["entities", path, "--format", "json"], home.path());
    assert_eq!(stdout(&first), plain);
    assert!(first.stderr.is_empty(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(pack_dir(&default).join("files.bin").is_file(), "cached in the default folder");

    // --cache-dir DIR, before or after the command: there, and only there.
    fs::remove_dir_all(&default).expect("clear the default folder");
    let elsewhere = tempfile::tempdir().expect("tmp");
    let d = elsewhere.path().to_str().expect("utf-8 path");
    let cold = dateline(&["--cache-dir", d, "entities", path, "--format", "json"], home.path());
    let warm = dateline(&["entities", path, "--format", "json", "--cache-dir", d], home.path());
    assert_eq!(stdout(&cold), plain);
    assert_eq!(stdout(&warm), plain, "the cached run prints the same");
    assert!(pack_dir(elsewhere.path()).join("index.bin").is_file());
    assert!(!default.exists(), "nothing in the default folder");

    // Both flags at once is bad usage.
    let both = dateline(&["list", path, "--no-cache", "--cache-dir", d], home.path());
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn the_cli_warns_once_about_a_damaged_cache_and_prints_the_same() {
    let dir = corpus(20);
    let path = dir.path().to_str().expect("utf-8 path");
    let home = tempfile::tempdir().expect("tmp");
    let cache = tempfile::tempdir().expect("tmp");
    let c = cache.path().to_str().expect("utf-8 path");
    let args = ["list", path, "--format", "json", "--cache-dir", c];
    let clean = stdout(&dateline(&args, home.path()));
    damage(&pack_dir(cache.path()).join("files.bin"));
    let out = dateline(&args, home.path());
    assert_eq!(stdout(&out), clean);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("warning: cache: ") && err.contains("files.bin"), "{err}");
    assert!(err.contains("damaged") && err.contains("rebuilt"), "{err}");
    let again = dateline(&args, home.path());
    assert!(again.stderr.is_empty(), "rebuilt: {}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn an_unwritable_cache_folder_is_one_warning_not_a_failure() {
    let dir = corpus(10);
    let path = dir.path().to_str().expect("utf-8 path");
    let home = tempfile::tempdir().expect("tmp");
    // A file where the folder should be: nothing can be created under it.
    let blocker = home.path().join("not-a-folder");
    fs::write(&blocker, "x").expect("write");
    let b = blocker.to_str().expect("utf-8 path");
    let out = dateline(&["compare", path, "--format", "json", "--cache-dir", b], home.path());
    let plain = dateline(&["compare", path, "--format", "json", "--no-cache"], home.path());
    assert_eq!(stdout(&out), stdout(&plain));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "warned once: {err}");
    assert!(err.contains("warning: cache: cannot create the cache folder"), "{err}");
}

#[test]
fn the_flags_parse_before_or_after_the_command_and_in_the_reader_form() {
    use clap::Parser;
    use dateline::cli::{Cli, Command as Cmd};
    let parse = |args: &[&str]| Cli::try_parse_from(args).expect("parses");
    let cli = parse(&["dateline", "--no-cache", "sample-data"]);
    assert_eq!(cli.cache(), Setting::Off);
    assert_eq!(cli.split().0, [PathBuf::from("sample-data")]);
    let cli = parse(&["dateline", "sample-data", "--cache-dir", "x"]);
    assert_eq!(cli.cache(), Setting::Dir("x".into()));
    for args in [
        &["dateline", "--cache-dir", "x", "list", "p"][..],
        &["dateline", "list", "p", "--cache-dir", "x"][..],
        &["dateline", "list", "--cache-dir=x", "p"][..],
    ] {
        let cli = parse(args);
        assert_eq!(cli.cache(), Setting::Dir("x".into()), "{args:?}");
        let (paths, cmd) = cli.split();
        assert_eq!(paths, [PathBuf::from("p")], "{args:?}");
        assert!(matches!(cmd, Some(Cmd::List { .. })), "{args:?}");
    }
    assert_eq!(parse(&["dateline", "compare", "--no-cache"]).cache(), Setting::Off);
    assert_eq!(parse(&["dateline", "entities"]).cache(), Setting::Default);
}

/// One command as the binary runs it: the pipeline for its need, then its
/// printer; what it printed, what came from the cache, its problems.
fn printed(
    dir: &Path,
    cache: Setting,
    cmd: &dateline::cli::Command,
) -> (Vec<u8>, CacheUse, Vec<String>) {
    let options = Options { cache, ..Options::default() };
    let mut p = Pipeline::start(&[dir.to_path_buf()], &options, dateline::cli::need(cmd));
    let corpus = p.load(&mut |_| true).expect("loaded");
    let mut out = Vec::new();
    dateline::cli::print_from(cmd, &corpus, &mut p, &mut out).expect("printed");
    (out, p.cache_use(), p.cache_problems().iter().map(ToString::to_string).collect())
}

/// [`printed`] with a cache folder, checking the output is the uncached one.
fn command(dir: &Path, cache: &Path, cmd: &dateline::cli::Command) -> (CacheUse, Vec<String>) {
    let (out, used, problems) = printed(dir, Setting::Dir(cache.into()), cmd);
    assert_eq!(out, printed(dir, Setting::Off, cmd).0, "{cmd:?} prints as without a cache");
    (used, problems)
}

#[test]
fn each_command_leaves_the_cache_ready_for_the_next() {
    use dateline::cli::{Command as Cmd, CompareFormat, ListFormat};
    let dir = corpus(30);
    let cache = tempfile::tempdir().expect("tmp");
    let files = files_in(dir.path());
    let paths = vec![dir.path().to_path_buf()];
    let list = Cmd::List { paths: paths.clone(), format: ListFormat::Json };
    let entities = Cmd::Entities { paths: paths.clone(), format: ListFormat::Json };
    let compare = Cmd::Compare { paths, format: CompareFormat::Json };

    let (used, problems) = command(dir.path(), cache.path(), &list);
    assert!(problems.is_empty() && used.files_read == files, "{used:?} {problems:?}");
    let (used, _) = command(dir.path(), cache.path(), &list);
    assert_eq!((used.files_cached, used.analyses_computed), (files, 0), "list: nothing analysed");

    // Entities after list: the articles cached, their analyses computed once.
    let (used, _) = command(dir.path(), cache.path(), &entities);
    assert_eq!(used.files_read, 0);
    assert!(used.analyses_computed > 0 && !used.index_cached, "{used:?}");
    let (used, _) = command(dir.path(), cache.path(), &entities);
    assert_eq!(used.analyses_computed, 0);
    assert!(used.index_cached, "{used:?}");

    // Compare after entities: the analyses cached, the stories computed once.
    let (used, _) = command(dir.path(), cache.path(), &compare);
    assert_eq!((used.files_read, used.analyses_computed), (0, 0), "{used:?}");
    assert!(!used.comparison_cached);
    let (used, problems) = command(dir.path(), cache.path(), &compare);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((used.files_read, used.analyses_computed), (0, 0), "{used:?}");
    assert!(used.comparison_cached);

    // Compare first, in a cache of its own: the next compare reads no file.
    let alone = tempfile::tempdir().expect("tmp");
    command(dir.path(), alone.path(), &compare);
    let (used, problems) = command(dir.path(), alone.path(), &compare);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(used.files_read, 0, "compare wrote the files' records too: {used:?}");
    assert!(used.comparison_cached);
}
