//! Reading state: read and starred marks in the reader, kept across runs
//! and across renaming the corpus folder, saved atomically: a writer
//! killed at random moments leaves the old state or the new one, never a
//! broken file.

mod tui_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dateline::corpus;
use dateline::state::{Key, ReadingState, Store};
use dateline::tui::app::{App, Focus, ListRow};
use tui_support::{app, press, sample, screen};

/// Titles of the articles the list shows, in order.
fn listed(a: &App) -> Vec<String> {
    a.rows
        .iter()
        .filter_map(|r| match r {
            ListRow::Article(i) => Some(a.corpus.articles[*i].title.clone()),
            ListRow::Day(_) => None,
        })
        .collect()
}

fn open_index(a: &App) -> usize {
    a.doc.article.expect("an article is open")
}

#[test]
fn opening_marks_read_and_m_toggles_it() {
    let mut a = app(sample(), 100, 30);
    let first = open_index(&a);
    assert!(!a.is_read(first), "nothing is read at first");
    // Selecting is not reading.
    press(&mut a, &["j", "k"]);
    assert!(!a.is_read(first) && !a.reading_changed);
    press(&mut a, &["<enter>"]);
    assert_eq!(a.focus, Focus::Reader);
    assert!(a.is_read(first) && a.reading_changed);
    // `m` makes it unread, and it stays so while it is open.
    press(&mut a, &["m", "j", "j"]);
    assert!(!a.is_read(first));
    press(&mut a, &["<tab>", "<tab>"]);
    assert!(!a.is_read(first), "coming back to the same article does not re-mark it");
    // From the list, without opening: `m` marks the selected one read.
    press(&mut a, &["<esc>", "j", "m"]);
    assert_eq!(a.focus, Focus::List);
    assert!(a.is_read(open_index(&a)));
}

#[test]
fn starred_articles_show_a_star_and_filters_narrow_the_list() {
    let mut a = app(sample(), 100, 30);
    let all = listed(&a);
    assert_eq!(all.len(), 5);
    press(&mut a, &["s"]);
    let starred = open_index(&a);
    assert!(a.is_starred(starred));
    let shown = screen(&a);
    let row = shown.lines().find(|l| l.contains('★')).expect("a star in the list");
    let title: String = a.corpus.articles[starred].title.chars().take(10).collect();
    assert!(row.contains(&title), "the star is on the starred row: {row}");

    // Read the second and third.
    press(&mut a, &["j", "<enter>", "<esc>", "j", "<enter>", "<esc>"]);
    press(&mut a, &["u"]);
    assert_eq!(listed(&a).len(), 3, "unread only: {:?}", listed(&a));
    assert!(screen(&a).contains("Articles (3 of 5 · unread)"), "{}", screen(&a));
    press(&mut a, &["*"]);
    assert_eq!(listed(&a), [a.corpus.articles[starred].title.clone()]);
    assert!(screen(&a).contains("(1 of 5 · unread, starred)"));
    press(&mut a, &["u", "*"]);
    assert_eq!(listed(&a), all);
    assert!(screen(&a).contains("Articles (5)"));
    press(&mut a, &["s"]);
    assert!(!a.is_starred(starred) && !screen(&a).contains('★'));
}

#[test]
fn a_jump_to_a_hidden_article_shows_all_again() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["*"]);
    assert!(listed(&a).is_empty());
    assert!(screen(&a).contains("No article matches"));
    press(&mut a, &["e", "a", "s", "a", "d", "<enter>"]);
    assert!(!a.only_starred, "the jump lifted the filter");
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(listed(&a).len(), 5);
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        fs::copy(e.path(), to.join(e.file_name())).expect("copy");
    }
}

#[test]
fn marks_survive_saving_and_renaming_the_corpus_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus_dir = tmp.path().join("news");
    copy_dir(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data"), &corpus_dir);
    let data = tmp.path().join("data");

    let mut a = app(corpus::load(std::slice::from_ref(&corpus_dir)), 100, 30);
    a.set_reading(Store::open(&data).state);
    press(&mut a, &["j", "<enter>", "s"]);
    let (read_title, id) = {
        let art = &a.corpus.articles[open_index(&a)];
        (art.title.clone(), art.id.clone())
    };
    Store::open(&data).store.save(&a.reading).expect("save");

    // Another day, the folder renamed and moved one level down.
    let moved = tmp.path().join("archive/2024-news");
    fs::create_dir_all(moved.parent().expect("parent")).expect("mkdir");
    fs::rename(&corpus_dir, &moved).expect("rename");
    let mut b = app(corpus::load(std::slice::from_ref(&moved)), 100, 30);
    let opened = Store::open(&data);
    assert!(opened.problem.is_none(), "{:?}", opened.problem);
    b.set_reading(opened.state);
    let i = b.corpus.articles.iter().position(|x| x.id == id).expect("same article");
    assert!(b.is_read(i) && b.is_starred(i), "{read_title}: marks kept");
    assert_eq!((0..5).filter(|&k| b.is_read(k)).count(), 1);
}

// ---- killing a writer at random moments ----

const CHILD_ENV: &str = "DATELINE_TEST_STATE_WRITER";

/// The state a writer saves at step `n`: keys 0..n read, every third starred.
fn state_at(n: usize) -> ReadingState {
    let mut s = ReadingState::default();
    for i in 0..n {
        let k = key(i);
        s.set_read(&k, true);
        if i % 3 == 0 {
            s.set_starred(&k, true);
        }
    }
    s
}

fn key(i: usize) -> Key {
    serde_json::from_value(serde_json::json!(format!("t{i:016x}"))).expect("a key")
}

/// Which step a state on disk is, or a panic if it is none of them.
fn step_of(s: &ReadingState) -> usize {
    let n = s.read.len();
    assert_eq!(*s, state_at(n), "the state on disk is one a writer wrote, whole");
    n
}

/// In the child process: save ever larger states, as fast as it can,
/// until killed. In a normal test run: nothing.
#[test]
fn state_writer_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let opened = Store::open(Path::new(&dir));
    assert!(opened.problem.is_none(), "the child finds a sound state: {:?}", opened.problem);
    // Start from what is on disk, so each save is a step beyond it.
    let mut n = step_of(&opened.state);
    // Big enough that a write takes a while, and kills land in the middle.
    let base = 2000;
    n = n.max(base);
    loop {
        n += 1;
        opened.store.save(&state_at(n)).expect("save");
    }
}

/// A small, fixed-seed generator: the kill times differ from kill to kill
/// and are the same from run to run.
fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = std::env::current_exe().expect("the test binary");
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let deadline = Instant::now() + Duration::from_secs(4);
    let (mut kills, mut last, mut grew) = (0, 0, 0);
    // On a loaded machine a writer may be killed before it saves at all, so
    // the run goes on (with longer lives) until some have saved.
    while (Instant::now() < deadline || kills < 10 || grew < 3) && kills < 400 {
        let mut child = Command::new(&exe)
            .args(["--exact", "state_writer_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a writer");
        // Anywhere from before it starts writing to many saves in.
        let longest = 40_000 * (1 + kills as u64 / 20).min(25);
        std::thread::sleep(Duration::from_micros(xorshift(&mut rng) % longest));
        child.kill().expect("SIGKILL the writer");
        let status = child.wait().expect("reap the writer");
        assert!(!status.success(), "the writer was killed, it did not finish: {status:?}");
        kills += 1;

        let opened = Store::open(dir.path());
        assert!(opened.problem.is_none(), "after kill {kills}: {:?}", opened.problem);
        let n = step_of(&opened.state);
        assert!(n >= last, "never an older state than one already seen: {n} < {last}");
        grew += usize::from(n > last);
        last = n;
    }
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains("corrupt")), "nothing was moved aside: {names:?}");
    assert!(grew >= 3, "the writers got to save between kills ({grew} of {kills} times)");
    // Each temporary file left is a kill that landed inside a save.
    let torn = names.iter().filter(|n| n.contains(".tmp-")).count();
    eprintln!(
        "{kills} writers killed; {torn} inside a save; the state grew {grew} times, to step {last}"
    );
}
