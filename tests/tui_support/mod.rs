//! Shared by the reader's tests: corpora, an app at a size, key presses
//! that go through the keymap exactly as the terminal's would.
#![allow(dead_code)] // each test file uses a different part

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use dateline::corpus::{self, Article, Corpus};
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::entities::Entities;
use dateline::tui::input;
use dateline::tui::keymap::Keymap;
use dateline::tui::theme::Theme;
use dateline::tui::view;

/// The five sample articles, through the real loader.
pub fn sample() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let corpus = corpus::load(&[dir]);
    assert_eq!(corpus.articles.len(), 5, "sample-data has five articles");
    corpus
}

pub fn article(
    id: &str,
    title: &str,
    outlet: Option<&str>,
    date: Option<(i32, u32, u32)>,
    body: &str,
) -> Article {
    Article {
        id: id.into(),
        path: PathBuf::from(format!("{id}.txt")),
        title: title.into(),
        outlet: outlet.map(Into::into),
        date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        url: None,
        author: None,
        body: body.into(),
    }
}

/// Hand-made edge cases: wide characters, emoji, no outlet, undated, an
/// outlet wider than its column, a control character.
pub fn edge() -> Corpus {
    let long: String = (1..=60)
        .map(|i| format!("Paragraph {i} of a long report, with enough words to wrap.\n\n"))
        .collect();
    Corpus {
        articles: vec![
            article(
                "a",
                "東京で大規模な地震 — 速報",
                Some("NHK"),
                Some((2024, 8, 6)),
                "東京で地震がありました。\n\n被害は調査中です。",
            ),
            article(
                "b",
                "Rocket attack 🚀 at the base",
                Some("A Very Long Outlet Name Indeed"),
                Some((2024, 8, 6)),
                &long,
            ),
            article(
                "c",
                "No outlet\x1b[31m here",
                None,
                Some((2024, 8, 5)),
                "Body of c mentions Reuters.",
            ),
            article("d", "Undated piece", Some("Reuters"), None, "Undated body."),
        ],
        warnings: vec![],
    }
}

/// The corpus' analysis, computed once per distinct corpus in a test
/// binary: tests build hundreds of apps and the analysis is the slow part.
pub fn entities_of(corpus: &Corpus) -> Entities {
    static CACHE: Mutex<Vec<(Vec<Article>, Entities)>> = Mutex::new(Vec::new());
    let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, e)) = cache.iter().find(|(a, _)| *a == corpus.articles) {
        return e.clone();
    }
    let e = Entities::of(&corpus.articles);
    cache.push((corpus.articles.clone(), e.clone()));
    e
}

/// An app on a `w`×`h` screen with the default keys.
pub fn app(corpus: Corpus, w: u16, h: u16) -> App {
    let entities = entities_of(&corpus);
    let mut app = App::with_entities(corpus, entities, Keymap::default());
    app.update(Action::Resize(w, h));
    app
}

/// Press keys as a terminal sends them, through the keymap. A key is one
/// character or a name in angle brackets: <enter> <esc> <tab> <up> <down>
/// <pgup> <pgdn> <bs> <c-c>.
pub fn press(app: &mut App, keys: &[&str]) {
    for k in keys {
        let (code, mods) = match *k {
            "<enter>" => (KeyCode::Enter, KeyModifiers::NONE),
            "<esc>" => (KeyCode::Esc, KeyModifiers::NONE),
            "<tab>" => (KeyCode::Tab, KeyModifiers::NONE),
            "<up>" => (KeyCode::Up, KeyModifiers::NONE),
            "<down>" => (KeyCode::Down, KeyModifiers::NONE),
            "<pgup>" => (KeyCode::PageUp, KeyModifiers::NONE),
            "<pgdn>" => (KeyCode::PageDown, KeyModifiers::NONE),
            "<bs>" => (KeyCode::Backspace, KeyModifiers::NONE),
            "<c-c>" => (KeyCode::Char('c'), KeyModifiers::CONTROL),
            s => {
                let mut chars = s.chars();
                let (Some(c), None) = (chars.next(), chars.next()) else {
                    panic!("not a key: {s:?}");
                };
                let m = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
                (KeyCode::Char(c), m)
            }
        };
        let event = Event::Key(KeyEvent::new(code, mods));
        if let Some(action) = input::action(app, &event) {
            app.update(action);
        }
    }
}

/// Type text into whatever has the keys (the filter, usually).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[c.encode_utf8(&mut [0; 4])]);
    }
}

/// The screen as text, drawn at the app's size.
pub fn screen(app: &App) -> String {
    view::render_text(app, &Theme::default(), app.size.width, app.size.height)
}

/// The id of the article in the reader.
pub fn open_id(app: &App) -> Option<&str> {
    app.selected_article().map(|a| a.id.as_str())
}

/// The screen as a buffer (styles included), drawn at the app's size.
pub fn buffer(app: &App, theme: &Theme) -> ratatui::buffer::Buffer {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let Ok(mut t) = Terminal::new(TestBackend::new(app.size.width, app.size.height));
    let Ok(_) = t.draw(|f| view::draw(f, app, theme));
    t.backend().buffer().clone()
}

/// Where `needle` first appears on screen: (column, row) of its first cell.
/// Only for text of one-column characters.
pub fn find_on_screen(app: &App, needle: &str) -> Option<(u16, u16)> {
    find_on_screen_from(app, needle, 0)
}

/// [`find_on_screen`] from row `from` down.
pub fn find_on_screen_from(app: &App, needle: &str, from: u16) -> Option<(u16, u16)> {
    let buf = buffer(app, &Theme::default());
    let w = buf.area.width;
    for y in from..buf.area.height {
        let row: Vec<&str> = (0..w).map(|x| buf[(x, y)].symbol()).collect();
        let n = needle.chars().count();
        for x in 0..usize::from(w).saturating_sub(n - 1) {
            if row[x..x + n].concat() == needle {
                return Some((u16::try_from(x).ok()?, y));
            }
        }
    }
    None
}

/// The text of the current mention of the current entity.
pub fn current_mention_text(app: &App) -> Option<String> {
    let (_, at) = app.current_mention()?;
    let m = app.entities.mention(at)?;
    Some(app.corpus.articles[at.article].body[m.start..m.end].to_string())
}
