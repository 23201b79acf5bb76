//! The reader stays responsive while a large generated corpus loads: the
//! real loop ([`dateline::tui::drive`]) on an off-screen terminal, fed by
//! a deliberately slow fake loader and by a script of keys that runs while
//! the loader is still at work.

#[path = "../benches/support/gen.rs"]
mod generator;

use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dateline::analysis::{self, Analysis};
use dateline::compare::Comparison;
use dateline::corpus::{self, Corpus};
use dateline::index;
use dateline::tui::app::App;
use dateline::tui::entities::order_of;
use dateline::tui::keymap::Keymap;
use dateline::tui::loader::Update;
use dateline::tui::theme::Theme;
use dateline::tui::{Events, drive};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const PACE: Duration = Duration::from_millis(15);

/// Sends what the real loader sends, slowly, stopping at three gates the
/// script opens: after the first articles, before the finished corpus,
/// and before the comparison (never opened: loading is still going on
/// when the script quits).
fn slow_loader(corpus: Corpus, tx: Sender<Update>, gates: [Receiver<()>; 3]) {
    let send = |u: Update| {
        thread::sleep(PACE);
        tx.send(u).is_ok()
    };
    let n = corpus.articles.len();
    if !send(Update::Listed { sources: n }) {
        return;
    }
    // Articles as files are read: in no particular order, without ids.
    let mut arriving: Vec<_> = corpus.articles.clone();
    arriving.iter_mut().for_each(|a| a.id.clear());
    arriving.reverse();
    let mut done = 0;
    for (k, chunk) in arriving.chunks(100).enumerate() {
        if k == 3 && gates[0].recv().is_err() {
            return;
        }
        done += chunk.len();
        if !send(Update::Read { articles: chunk.to_vec(), sources_done: done }) {
            return;
        }
    }
    if gates[1].recv().is_err() {
        return;
    }
    let corpus = Arc::new(corpus);
    if !send(Update::Loaded(Arc::clone(&corpus))) {
        return;
    }
    // A real analysis of the first articles (the rest as found nothing),
    // so entities exist; a debug build is slow at the real thing.
    let analyses: Vec<Analysis> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| if i < 30 { analysis::analyze(&a.body, a.date) } else { Analysis::default() })
        .collect();
    for (k, chunk) in analyses.chunks(250).enumerate() {
        let mentions = chunk.iter().map(|a| a.mentions.clone()).collect();
        let start = k * 250;
        if !send(Update::Analysed { start, mentions, done: start + chunk.len() }) {
            return;
        }
    }
    let index = index::of_corpus(&corpus.articles, &analyses);
    let order = order_of(&corpus.articles, &index);
    let _ = send(Update::Entities { index, order })
        && gates[2].recv().is_ok()
        && send(Update::Comparison(Comparison::default()))
        && send(Update::Done { cache_problems: vec![] });
}

/// What the script saw, step by step.
#[derive(Debug, Default)]
struct Seen {
    /// Articles in the list at each call, while loading.
    sizes: Vec<usize>,
    /// The selected article (path, title) each time the list had grown.
    selected: Vec<(String, String)>,
    /// The selection right after `j j`.
    chosen: Option<(String, String)>,
    notices: Vec<String>,
    keys_while_loading: usize,
    finder_opened_after_entities: bool,
    quit_while_loading: bool,
}

/// The keys a user types while the corpus loads, one step at a time, each
/// step waiting (without blocking the loop) for what it needs to see.
struct Script {
    step: usize,
    seen: Seen,
    gates: Vec<Sender<()>>,
    deadline: Instant,
    last_size: usize,
}

fn key(c: char) -> Option<Event> {
    Some(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn esc() -> Option<Event> {
    Some(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)))
}

fn selected(app: &App) -> Option<(String, String)> {
    let a = app.selected_article()?;
    Some((a.path.display().to_string(), a.title.clone()))
}

impl Events for Script {
    fn next(&mut self, app: &App, timeout: Duration) -> std::io::Result<Option<Event>> {
        // A little of the wait a terminal would have, so the loader runs.
        thread::sleep(timeout.min(Duration::from_millis(2)));
        let loading = app.loading.is_some();
        let n = app.corpus.articles.len();
        if loading {
            self.seen.sizes.push(n);
        }
        if let Some(note) = &app.notice
            && self.seen.notices.last() != Some(note)
        {
            self.seen.notices.push(note.clone());
        }
        if Instant::now() > self.deadline {
            return Ok(key('q'));
        }
        let ev = match self.step {
            // Wait for the first articles, then move down twice.
            0 if n >= 100 => key('j'),
            1 => key('j'),
            2 => {
                self.seen.chosen = selected(app);
                self.last_size = n;
                key('c')
            }
            3 => {
                // Let the rest of the articles come.
                let _ = self.gates[0].send(());
                key('e')
            }
            // Watch the list grow to the end of the reading.
            4 if n > self.last_size || n == 2000 => {
                self.last_size = n;
                if let Some(s) = selected(app) {
                    self.seen.selected.push(s);
                }
                if n < 2000 {
                    return Ok(None);
                }
                key('/')
            }
            5 => key('t'),
            6 => key('h'),
            7 => esc(),
            8 => {
                // Let the loader finish the corpus and analyse.
                let _ = self.gates[1].send(());
                self.step += 1;
                return Ok(None);
            }
            9 if app.loading.as_ref().is_some_and(|p| p.entities) => key('e'),
            10 => {
                self.seen.finder_opened_after_entities = app.finder.is_some();
                esc()
            }
            11 => {
                self.seen.quit_while_loading = loading;
                key('q')
            }
            _ => return Ok(None),
        };
        if ev.is_some() {
            if loading {
                self.seen.keys_while_loading += 1;
            }
            self.step += 1;
        }
        Ok(ev)
    }
}

#[test]
fn keys_work_and_frames_are_drawn_while_a_large_corpus_loads() {
    let dir = tempfile::tempdir().expect("tmp");
    let seeds = generator::Seeds::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    generator::generate(&seeds, 2000, dir.path()).expect("generate");
    let corpus = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 2000);

    let (tx, rx) = mpsc::channel();
    let (gates, gated): (Vec<_>, Vec<_>) = (0..3).map(|_| mpsc::channel()).unzip();
    let gated: [Receiver<()>; 3] = gated.try_into().expect("three gates");
    let loader = thread::spawn(move || slow_loader(corpus, tx, gated));
    let mut app = App::loading(Keymap::default());
    app.update(dateline::tui::action::Action::Resize(100, 30));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(100, 30));
    let mut script = Script {
        step: 0,
        seen: Seen::default(),
        gates,
        deadline: Instant::now() + Duration::from_secs(60),
        last_size: 0,
    };
    let stats =
        drive(&mut app, &mut terminal, &Theme::default(), &mut script, &rx).expect("the loop runs");
    // The loader stops when its gates close or its channel does.
    let Script { step, seen, gates, .. } = script;
    drop((rx, gates));
    let _ = loader.join();

    assert_eq!(step, 12, "the script ran to its end: {seen:?}");
    assert!(seen.quit_while_loading, "every key was handled before loading ended");
    assert!(seen.keys_while_loading >= 10, "{seen:?}");
    // The list grew in steps, and frames were drawn between them.
    let steps = seen.sizes.windows(2).filter(|w| w[1] > w[0]).count();
    assert!(steps >= 10, "the list grew in {steps} steps");
    assert!(stats.frames > steps + 10, "{stats:?}");
    // The selection stayed on the article chosen, however the list moved.
    let chosen = seen.chosen.clone().expect("an article was chosen");
    assert!(seen.selected.len() >= 5, "{seen:?}");
    assert!(seen.selected.iter().all(|s| *s == chosen), "{:?} vs {chosen:?}", seen.selected);
    // Keys for what was not known yet said so, and waited for nothing.
    assert!(
        seen.notices.iter().any(|n| n.starts_with("Stories are not known yet")),
        "{:?}",
        seen.notices
    );
    assert!(
        seen.notices.iter().any(|n| n.starts_with("Entities are not known yet")),
        "{:?}",
        seen.notices
    );
    assert!(seen.finder_opened_after_entities, "e works once entities arrive");
}

#[test]
fn the_filter_finds_every_match_however_many_frames_it_takes() {
    use dateline::tui::entities::Entities;
    let dir = tempfile::tempdir().expect("tmp");
    let seeds = generator::Seeds::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    generator::generate(&seeds, 1500, dir.path()).expect("generate");
    let corpus = corpus::load(&[dir.path().to_path_buf()]);
    let n = corpus.articles.len();
    let expect = |q: &str| -> Vec<usize> {
        let q = q.to_lowercase();
        (0..n)
            .filter(|&i| {
                let a = &corpus.articles[i];
                let outlet = a.outlet.as_deref().unwrap_or("");
                [a.title.as_str(), outlet, a.body.as_str()]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&q))
            })
            .collect()
    };
    let (said, saidx) = (expect("Said"), expect("Said t"));
    let mut app = App::with_entities(corpus.clone(), Entities::pending(n), Keymap::default());
    app.update(dateline::tui::action::Action::Resize(100, 30));
    // Select an article that will match, far down the list.
    let keep = said[said.len() / 2];
    app.update(dateline::tui::action::Action::SelectBy(i32::try_from(keep).expect("small")));
    // Each key, then the slices the loop would run between frames.
    let typed = |app: &mut App, text: &str| {
        for c in text.chars() {
            app.update(dateline::tui::action::Action::FilterInsert(c));
            while app.searching() {
                app.search_more();
            }
        }
    };
    app.update(dateline::tui::action::Action::FilterStart);
    typed(&mut app, "Said");
    assert_eq!(app.visible, said, "every match of \"Said\", in list order");
    assert_eq!(app.selected.and_then(|i| app.visible.get(i)).copied(), Some(keep));
    typed(&mut app, " t");
    assert_eq!(app.visible, saidx);
    app.update(dateline::tui::action::Action::FilterBackspace);
    app.update(dateline::tui::action::Action::FilterBackspace);
    assert!(!app.searching(), "back to a result already found");
    assert_eq!(app.visible, said);
}

#[test]
fn the_status_line_shows_what_the_loader_is_doing() {
    use dateline::corpus::Article;
    let art = |id: &str, day: u32| Article {
        id: id.into(),
        path: format!("{id}.txt").into(),
        title: format!("Story {id}"),
        outlet: Some("Harbour Post".into()),
        date: chrono::NaiveDate::from_ymd_opt(2024, 8, day),
        url: None,
        author: None,
        body: format!("Body of {id}."),
    };
    let status = |app: &App| {
        let text = dateline::tui::view::render_text(app, &Theme::default(), 120, 10);
        text.lines().last().unwrap_or("").to_string()
    };
    let mut app = App::loading(Keymap::default());
    app.update(dateline::tui::action::Action::Resize(120, 10));
    assert!(status(&app).ends_with("listing files…"), "{}", status(&app));
    app.receive(Update::Listed { sources: 10 });
    app.receive(Update::Read { articles: vec![art("a", 1), art("b", 3)], sources_done: 4 });
    assert!(status(&app).ends_with("read 4 of 10 files ▕████░░░░░░▏ · 1/2"), "{}", status(&app));
    assert_eq!(app.selected_article().map(|a| a.title.as_str()), Some("Story b"), "newest first");
    let mut corpus =
        Corpus { articles: vec![art("b", 3), art("a", 1), art("c", 2)], warnings: vec![] };
    dateline::corpus::sort(&mut corpus.articles);
    app.receive(Update::Loaded(Arc::new(corpus)));
    assert!(
        status(&app).ends_with("analysed 0 of 3 articles ▕░░░░░░░░░░▏ · 1/3"),
        "{}",
        status(&app)
    );
    assert_eq!(app.selected_article().map(|a| a.title.as_str()), Some("Story b"), "kept");
    app.receive(Update::Analysed { start: 0, mentions: vec![vec![]; 3], done: 3 });
    assert!(status(&app).ends_with("finding entities… · 1/3"), "{}", status(&app));
    app.receive(Update::Entities { index: index::Index::default(), order: vec![] });
    assert!(status(&app).ends_with("comparing stories… · 1/3"), "{}", status(&app));
    app.receive(Update::Comparison(Comparison::default()));
    app.receive(Update::Done { cache_problems: vec![] });
    assert!(app.loading.is_none());
    assert!(status(&app).ends_with(" 1/3"), "{}", status(&app));
}

#[test]
fn the_reader_closes_by_itself_when_nothing_can_be_loaded() {
    use dateline::cache::Setting;
    use dateline::pipeline::Options;
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    let options = Options { cache: Setting::Off, ..Options::default() };
    let updates =
        dateline::tui::loader::spawn(vec![dir.path().to_path_buf()], options, None).expect("spawn");
    let mut app = App::loading(Keymap::default());
    let Ok(mut terminal) = Terminal::new(TestBackend::new(80, 24));
    // Keys never come: only loading can end the loop.
    struct Idle;
    impl Events for Idle {
        fn next(&mut self, _: &App, timeout: Duration) -> std::io::Result<Option<Event>> {
            thread::sleep(timeout.min(Duration::from_millis(5)));
            Ok(None)
        }
    }
    let stats = drive(&mut app, &mut terminal, &Theme::default(), &mut Idle, &updates)
        .expect("the loop runs");
    assert!(app.quit && app.loading.is_none() && app.corpus.articles.is_empty());
    assert_eq!(app.corpus.warnings.len(), 1, "the empty file's warning, for printing");
    assert!(stats.frames >= 1, "the reader was on screen meanwhile");
}
