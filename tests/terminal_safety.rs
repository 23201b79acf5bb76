//! Text from input is shown, never executed: escape sequences (CSI, OSC 52
//! clipboard writes, OSC 8 links, C1 controls), other control characters,
//! bidi overrides and zero-width characters in titles, outlets, bodies,
//! file names and warnings never reach the terminal, in the reader or in
//! `--format table`; wide characters and combining marks keep columns
//! aligned.

mod tui_support;

use std::fs;
use std::process::Command;

use dateline::cli::{self, CompareFormat, ListFormat};
use dateline::corpus::Corpus;
use dateline::display;
use dateline::tui::theme::Theme;
use tui_support::{app, article, buffer, press, type_text};

/// Each hostile thing input can hold, once.
const HOSTILE: [&str; 9] = [
    "\x1b[2J\x1b[31m",                                       // CSI: clear screen, red
    "\x1b]52;c;cHduZWQ=\x07",                                // OSC 52: write the clipboard
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", // OSC 8 hyperlink
    "\u{9b}31m\u{90}q\u{9c}",                                // C1 CSI, DCS, ST
    "\x07\x08\r\x7f",                                        // BEL, BS, CR, DEL
    "\u{202E}fdp.exe\u{202C}",                               // right-to-left override
    "\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}", // isolates and marks
    "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",              // zero-width
    "\u{2028}\u{2029}",                                      // line and paragraph separators
];

/// What must never reach the terminal, defined here apart from the code
/// under test: control characters, line separators, bidi controls and
/// zero-width characters.
fn dangerous(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200B}'..='\u{200F}'
                | '\u{061C}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

fn is_safe(s: &str) -> bool {
    !s.chars().any(dangerous)
}

fn hostile(n: usize) -> String {
    HOSTILE.iter().cycle().skip(n).take(3).copied().collect()
}

/// Articles whose every field carries hostile text, beside wide and
/// combining characters, so the analysis finds entities near them too.
fn corpus() -> Corpus {
    let body = |n: usize| {
        format!(
            "Officials in Iraq said {} several U.S. personnel were injured at Al Asad.\n\n\
             The Pentagon {} said the attack on 東京 and Zürich\u{301} was 🚀 serious.\n\n\
             Reuters {} reported that Iran denied it.",
            hostile(n),
            hostile(n + 3),
            hostile(n + 6),
        )
    };
    let articles = (0..6)
        .map(|n| {
            let mut a = article(
                &format!("id-{n}"),
                &format!("T{n} {} rocket attack 東京 e\u{301}", hostile(n)),
                Some(&format!("Out{n}{}", hostile(n + 1))),
                Some((2024, 8, 6 - u32::try_from(n % 3).unwrap_or(0))),
                &body(n),
            );
            a.url = Some(format!("https://example.com/{}", hostile(n + 2)));
            a
        })
        .collect();
    Corpus { articles, warnings: vec![] }
}

/// Every cell of the screen holds only safe text.
fn assert_screen_safe(a: &dateline::tui::app::App, what: &str) {
    for theme in [Theme::default(), Theme::monochrome()] {
        let buf = buffer(a, &theme);
        for (i, cell) in buf.content.iter().enumerate() {
            assert!(
                is_safe(cell.symbol()),
                "{what}: cell {i} holds {:?}",
                cell.symbol().escape_unicode().to_string()
            );
        }
    }
}

#[test]
fn no_view_lets_hostile_text_through() {
    for (w, h) in [(100, 30), (200, 50), (60, 20), (30, 8)] {
        let mut a = app(corpus(), w, h);
        assert_screen_safe(&a, "list");
        press(&mut a, &["j", "<enter>"]);
        assert_screen_safe(&a, "reader");
        press(&mut a, &["E"]);
        assert_screen_safe(&a, "entity panel");
        press(&mut a, &["E", "E", "e"]);
        type_text(&mut a, "i\u{202E}r");
        assert_screen_safe(&a, "finder");
        press(&mut a, &["<enter>"]);
        assert_screen_safe(&a, "jumped to a mention");
        press(&mut a, &["<esc>", "<esc>", "/"]);
        type_text(&mut a, "\u{2066}t");
        assert_screen_safe(&a, "filter");
        press(&mut a, &["<esc>", "c"]);
        assert_screen_safe(&a, "comparison");
        press(&mut a, &["<enter>"]);
        assert_screen_safe(&a, "opened report");
        press(&mut a, &["c", "s"]);
        assert_screen_safe(&a, "story picker");
        press(&mut a, &["<esc>", "<esc>", "?"]);
        assert_screen_safe(&a, "help");
    }
}

#[test]
fn wide_and_combining_characters_keep_the_list_aligned() {
    let outlets =
        ["東京新聞", "Le Monde\u{301}", "\u{202E}CNN", "Fox\x1b[31m", "👍🏽 News", "e\u{301}\u{301}"];
    let articles = outlets
        .iter()
        .enumerate()
        .map(|(n, o)| {
            let title = format!("T{n}\u{200B} 東京 headline e\u{301} 🚀 with more words");
            article(&format!("a{n}"), &title, Some(o), Some((2024, 8, 6)), "Body text.")
        })
        .collect();
    let a = app(Corpus { articles, warnings: vec![] }, 80, 12);
    let buf = buffer(&a, &Theme::default());
    let list = a.list_area().expect("the list is shown");
    // The column where each title's "T<n>" starts, row by row.
    let mut starts = Vec::new();
    for y in list.y..list.bottom() {
        let mut col = 0;
        for x in 0..list.right() {
            let sym = buf[(x, y)].symbol();
            let next = if x + 1 < buf.area.width { buf[(x + 1, y)].symbol() } else { "" };
            if sym == "T" && next.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                starts.push((y, col));
            }
            col += display::width(sym).max(1);
            if display::width(sym) == 2 {
                // The cell hidden behind a wide character.
                col -= 1;
            }
        }
    }
    assert_eq!(starts.len(), outlets.len(), "every title found: {starts:?}");
    assert!(starts.windows(2).all(|w| w[0].1 == w[1].1), "titles start in one column: {starts:?}");
}

/// The text a printer writes.
fn printed(cmd: &cli::Command, corpus: &Corpus) -> String {
    let mut out = Vec::new();
    cli::print(cmd, corpus, &mut out).expect("print");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn tables_and_markdown_print_no_hostile_text() {
    let c = corpus();
    let commands = [
        cli::Command::List { paths: vec![], format: ListFormat::Table },
        cli::Command::Entities { paths: vec![], format: ListFormat::Table },
        cli::Command::Compare { paths: vec![], format: CompareFormat::Table },
        cli::Command::Compare { paths: vec![], format: CompareFormat::Markdown },
    ];
    for cmd in &commands {
        let text = printed(cmd, &c);
        assert!(text.lines().count() > 2, "{cmd:?} printed something:\n{text}");
        for line in text.lines() {
            assert!(is_safe(line), "{cmd:?}: {:?}", line.escape_unicode().to_string());
        }
    }
}

#[test]
fn list_table_columns_stay_aligned_whatever_the_titles_hold() {
    let c = corpus();
    let mut out = Vec::new();
    cli::list_table(&c, 140, &mut out).expect("print");
    let text = String::from_utf8(out).expect("UTF-8");
    let cols: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|l| {
            let at = l.find("id-").unwrap_or_else(|| panic!("the id column is shown: {l}"));
            display::width(&l[..at])
        })
        .collect();
    assert_eq!(cols.len(), 6, "{text}");
    assert!(cols.windows(2).all(|w| w[0] == w[1]), "ids in one column:\n{text}");
    let head = text.lines().next().unwrap_or("");
    assert_eq!(display::width(&head[..head.find("ID").unwrap_or(0)]), cols[0]);
}

#[test]
fn file_names_in_warnings_are_neutralised() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.txt"), "A good article about a flood.").expect("write");
    let evil = "evil\x1b]52;c;cHduZWQ=\x07\u{202E}gnp\x1b[2J.txt";
    fs::write(dir.path().join(evil), b"").expect("write a file with a hostile name");
    for args in [vec!["list"], vec!["list", "--format", "json"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(&args)
            .arg("--no-cache")
            .arg(dir.path())
            .output()
            .expect("run dateline");
        assert!(out.status.success(), "{out:?}");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(stderr.contains("empty file"), "the warning is given: {stderr:?}");
        assert!(stderr.contains("evil ]52;c;cHduZWQ= gnp [2J.txt"), "{stderr:?}");
        assert!(stderr.lines().all(is_safe), "{:?}", stderr.escape_unicode().to_string());
    }
}
