//! The status line and what it says: `? help` and `q quit` at every width,
//! what `m` and `s` did, the warnings' count, and the warnings popup (`W`).

mod tui_support;

use std::path::PathBuf;

use dateline::corpus::{Corpus, Problem, Warning};
use tui_support::{app, press, sample, screen};

/// The bottom row of the screen.
fn status(a: &dateline::tui::app::App) -> String {
    screen(a).lines().last().unwrap_or_default().to_string()
}

fn with_warnings(n: usize) -> Corpus {
    let mut c = sample();
    c.warnings = (0..n)
        .map(|i| Warning::new(PathBuf::from(format!("bad/file{i}.json")), Problem::Empty))
        .collect();
    c
}

#[test]
fn help_and_quit_stay_at_every_width() {
    for w in [40, 60, 80, 120] {
        let mut a = app(with_warnings(3), w, 24);
        for keys in [&[][..], &["<enter>"][..], &["<tab>", "<tab>"][..], &["m"][..]] {
            press(&mut a, keys);
            let line = status(&a);
            assert!(line.contains("? help"), "{w} columns after {keys:?}: {line:?}");
            assert!(line.contains("q quit"), "{w} columns after {keys:?}: {line:?}");
            assert!(dateline::display::width(&line) <= usize::from(w), "{line:?}");
        }
    }
    // The other hints go first, and come back with the room.
    let narrow = status(&app(sample(), 40, 24));
    let wide = status(&app(sample(), 120, 24));
    assert!(!narrow.contains("/ filter"), "{narrow:?}");
    assert!(wide.contains("/ filter") && wide.contains("j/k move"), "{wide:?}");
}

#[test]
fn m_and_s_say_what_they_did_and_the_row_shows_it() {
    let mut a = app(sample(), 100, 30);
    let title = a.selected_article().map(|x| x.title.clone()).unwrap_or_default();
    // The selected row: the one with the selection mark, cut at the pane.
    let row = |a: &dateline::tui::app::App| {
        let s = screen(a);
        let l = s.lines().find(|l| l.contains('▌')).unwrap_or_default();
        l.split('│').nth(1).unwrap_or_default().to_string()
    };
    // Unread at the start: the dot is on the selected row.
    assert!(row(&a).contains('•'), "{}", row(&a));
    press(&mut a, &["m"]);
    assert!(status(&a).contains("marked read"), "{}", status(&a));
    assert!(!row(&a).contains('•'), "{}", row(&a));
    press(&mut a, &["m"]);
    assert!(status(&a).contains("marked unread"), "{}", status(&a));
    press(&mut a, &["s"]);
    assert!(status(&a).contains("starred"), "{}", status(&a));
    let starred = row(&a);
    assert!(starred.contains('★'), "{starred}");
    // The star has its own column: never glued to the title.
    assert!(!starred.contains(&format!("★{}", &title[..5])), "{starred}");
    press(&mut a, &["s"]);
    assert!(status(&a).contains("star removed"), "{}", status(&a));
    assert!(!row(&a).contains('★'), "{}", row(&a));
    // The message lasts until the next key.
    press(&mut a, &["j"]);
    assert!(!status(&a).contains("star removed"), "{}", status(&a));
}

#[test]
fn the_warnings_count_shows_and_w_lists_them() {
    let mut a = app(with_warnings(12), 120, 30);
    assert!(status(&a).contains("W 12 warnings"), "{}", status(&a));
    press(&mut a, &["W"]);
    let s = screen(&a);
    assert!(s.contains("Warnings"), "{s}");
    assert!(s.contains("bad/file0.json: empty file; skipped"), "{s}");
    // Twelve lines fit in thirty rows: all of them, in order.
    assert!(s.contains("bad/file11.json"), "{s}");
    // Scrolling on a short screen reaches the last one.
    a = app(with_warnings(40), 120, 14);
    press(&mut a, &["W"]);
    assert!(!screen(&a).contains("bad/file39.json"));
    press(&mut a, &["j"; 50]);
    assert!(screen(&a).contains("bad/file39.json"), "{}", screen(&a));
    // Esc closes it; the list is where it was.
    press(&mut a, &["<esc>"]);
    assert!(!screen(&a).contains("bad/file39.json"));
    assert_eq!(a.warnings, None);
    // No warnings: no count, and the popup says so.
    let mut clean = app(sample(), 120, 30);
    assert!(!status(&clean).contains("warning"), "{}", status(&clean));
    press(&mut clean, &["W"]);
    assert!(screen(&clean).contains("No warnings"), "{}", screen(&clean));
}
