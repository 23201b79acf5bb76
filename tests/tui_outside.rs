//! The reader and the world outside it: a click on a mention, `o` to the
//! browser and `y` to the clipboard. Events go through `input::action` and
//! `App::update` as a terminal's would; the browser and the terminal are
//! stand-ins that record what they are asked.

mod tui_support;

use std::cell::RefCell;
use std::io;

use base64::Engine;
use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use dateline::corpus::Corpus;
use dateline::tui::app::{App, Focus};
use dateline::tui::input;
use dateline::tui::outside::{Effect, Opener, osc52};
use dateline::tui::theme::Theme;
use ratatui::style::Modifier;
use tui_support::{app, article, buffer, current_mention_text, press, sample, screen};

/// Opens nothing; remembers every address, and fails when told to.
#[derive(Default)]
struct Recorder {
    opened: RefCell<Vec<String>>,
    fail: bool,
}

impl Opener for Recorder {
    fn open(&self, url: &str) -> io::Result<()> {
        if self.fail {
            return Err(io::Error::new(io::ErrorKind::NotFound, "no browser here"));
        }
        self.opened.borrow_mut().push(url.to_string());
        Ok(())
    }
}

fn click(a: &mut App, column: u16, row: u16) {
    let ev = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(act) = input::action(a, &ev) {
        a.update(act);
    }
}

/// Where `word` is first drawn in the reader's body (below the title and
/// meta lines, which are not the body's text): (column, row).
fn in_body(a: &App, word: &str) -> Option<(u16, u16)> {
    let area = a.reader_area()?;
    let header = a.doc.header_len().saturating_sub(a.scroll);
    let top = area.y + u16::try_from(header).ok()?;
    let buf = buffer(a, &Theme::default());
    let n = u16::try_from(word.chars().count()).ok()?;
    for y in top..area.bottom() {
        for x in area.x..area.right().saturating_sub(n - 1) {
            let text: String = (x..x + n).map(|i| buf[(i, y)].symbol()).collect();
            if text == word {
                return Some((x, y));
            }
        }
    }
    None
}

/// The text drawn in reverse video inside the reader: the current mention.
fn reversed_in_reader(a: &App) -> String {
    let Some(area) = a.reader_area() else { return String::new() };
    let buf = buffer(a, &Theme::default());
    let mut out = String::new();
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            if buf[(x, y)].modifier.contains(Modifier::REVERSED) {
                out.push_str(buf[(x, y)].symbol());
            }
        }
    }
    out
}

#[test]
fn a_click_on_a_mention_makes_its_entity_current() {
    let mut a = app(sample(), 100, 30);
    // The DCNF article, which names Al Asad Airbase in its first lines.
    press(&mut a, &["j"]);
    let (x, y) = in_body(&a, "Asad").expect("Asad in the reader");
    assert!(a.current.is_none());
    click(&mut a, x + 1, y);
    assert_eq!(a.focus, Focus::Reader);
    let c = a.current.expect("an entity is current");
    assert_eq!(a.entities.entity(c.entity).map(|e| e.name.as_str()), Some("Al Asad Air Base"));
    let mention = current_mention_text(&a).unwrap_or_default();
    assert!(mention.contains("Asad"), "{mention}");
    // Shown as a finder jump shows it: marked, and named on the status line.
    assert_eq!(reversed_in_reader(&a), mention);
    let s = screen(&a);
    let status = s.lines().last().unwrap_or_default();
    assert!(status.contains(&format!("Al Asad Air Base · mention {} of", c.pos + 1)), "{status}");
    // n walks on from the clicked mention.
    press(&mut a, &["n"]);
    let next = a.current.expect("still current");
    assert_eq!(next.entity, c.entity);
    assert_eq!(next.pos, (c.pos + 1) % a.entities.order[c.entity].len());
}

#[test]
fn a_click_beside_a_mention_only_focuses_the_reader() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j"]);
    let area = a.reader_area().expect("reader");
    // The meta line ("340 words") is not the body: focus only.
    let meta = u16::try_from(a.doc.title.len()).unwrap_or(0);
    click(&mut a, area.x + 1, area.y + meta);
    assert_eq!(a.focus, Focus::Reader);
    assert!(a.current.is_none());
    // Nor is a plain word of the body.
    let (x, y) = in_body(&a, "suspected").expect("a plain word");
    click(&mut a, x, y);
    assert!(a.current.is_none());
    // On the border: focus only.
    let area = a.areas().reader.expect("reader");
    click(&mut a, area.x, area.y + 3);
    assert!(a.current.is_none());
    // A click on the list still selects there.
    let (x, y) = tui_support::find_on_screen(&a, "Fox News").expect("Fox News row");
    click(&mut a, x, y);
    assert_eq!(a.focus, Focus::List);
    assert_eq!(tui_support::open_id(&a), Some("003_7eff1965c7fce1ff"));
}

fn with_urls() -> Corpus {
    let mut web = article("web", "On the web", Some("Wire"), Some((2024, 8, 6)), "Body one.");
    web.url = Some("https://example.com/a?b=1".into());
    let mut odd = article("odd", "Odd address", Some("Wire"), Some((2024, 8, 5)), "Body two.");
    odd.url = Some("file:///etc/passwd".into());
    let none = article("none", "No address", None, Some((2024, 8, 4)), "Body three.");
    Corpus { articles: vec![web, odd, none], warnings: vec![] }
}

#[test]
fn o_opens_the_web_address_and_says_so() {
    let mut a = app(with_urls(), 100, 30);
    let browser = Recorder::default();
    let mut term: Vec<u8> = Vec::new();
    press(&mut a, &["o"]);
    assert_eq!(a.effects, [Effect::Open("https://example.com/a?b=1".into())]);
    a.carry_out(&mut term, &browser);
    assert_eq!(*browser.opened.borrow(), ["https://example.com/a?b=1"]);
    assert!(a.effects.is_empty() && term.is_empty());
    let s = screen(&a);
    assert!(
        s.lines().last().is_some_and(|l| l.contains("opened https://example.com/a?b=1")),
        "{s}"
    );
    // The next key clears the message.
    press(&mut a, &["j"]);
    assert!(a.message.is_none());
    // Not a web address: never handed to the system's opener.
    press(&mut a, &["o"]);
    assert!(a.effects.is_empty());
    assert_eq!(a.message.as_deref(), Some("not a web address: file:///etc/passwd"));
    press(&mut a, &["j", "o"]);
    assert!(a.effects.is_empty());
    assert!(screen(&a).contains("this article has no web address"));
    // A browser that fails says why.
    press(&mut a, &["g", "o"]);
    let broken = Recorder { fail: true, ..Recorder::default() };
    a.carry_out(&mut term, &broken);
    assert_eq!(
        a.message.as_deref(),
        Some("could not open https://example.com/a?b=1: no browser here")
    );
}

/// The text an OSC 52 sequence carries.
fn decode(seq: &[u8]) -> String {
    let s = std::str::from_utf8(seq).expect("ASCII");
    let body = s.strip_prefix("\x1b]52;c;").and_then(|b| b.strip_suffix('\x07')).expect("OSC 52");
    let bytes = base64::engine::general_purpose::STANDARD.decode(body).expect("base64");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn y_copies_the_citation_through_the_terminal() {
    let mut a = app(with_urls(), 100, 30);
    let mut term: Vec<u8> = Vec::new();
    press(&mut a, &["y"]);
    let expected = "[On the web](https://example.com/a?b=1), *Wire*, 2024-08-06";
    assert_eq!(a.effects, [Effect::Copy { text: expected.into(), what: "the citation".into() }]);
    a.carry_out(&mut term, &Recorder::default());
    assert_eq!(term, osc52(expected).into_bytes());
    assert_eq!(decode(&term), expected);
    assert!(screen(&a).contains("copied the citation"));
    // From the reader too, and without an address the title is plain.
    press(&mut a, &["G", "<enter>", "y"]);
    term.clear();
    a.carry_out(&mut term, &Recorder::default());
    assert_eq!(decode(&term), "No address, 2024-08-04");
}

#[test]
fn y_in_the_comparison_copies_the_facts_reports_as_a_table() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let (label, reports) = {
        let story = a.compare_story().expect("a story");
        let fact = &story.facts[a.compare.as_ref().map_or(0, |c| c.fact)];
        (fact.label.clone(), fact.reports.len())
    };
    press(&mut a, &["y"]);
    let mut term: Vec<u8> = Vec::new();
    a.carry_out(&mut term, &Recorder::default());
    let text = decode(&term);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with(&format!("**≠ {label}** · ")), "{text}");
    // What differs, then the table.
    assert!(lines[2].starts_with("Differs: ") && lines[2].contains("as many as seven"), "{text}");
    assert_eq!(lines[4], "| outlet | report |");
    assert_eq!(lines.len(), 6 + reports, "a row per report:\n{text}");
    assert!(lines.iter().any(|l| l.starts_with("| CNN | ")), "{text}");
    // The value that differs is bold in the rows that give it.
    assert!(lines[4..].iter().any(|l| l.contains("**several**")), "{text}");
    let status = screen(&a);
    assert!(
        status.contains(&format!("copied the reports of “{label}” ({reports} outlets)")),
        "{status}"
    );
    // o there opens the selected report's article, which has no address.
    press(&mut a, &["o"]);
    assert!(a.effects.is_empty());
    assert_eq!(a.message.as_deref(), Some("this article has no web address"));
}
