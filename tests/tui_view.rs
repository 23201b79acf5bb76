//! View snapshots on ratatui's TestBackend, as text. Re-accept with
//! `cargo insta review` (or INSTA_UPDATE=always) after a deliberate change;
//! they follow the loader's output, so loader changes may move them too.

mod tui_support;

use dateline::tui::action::Action;
use dateline::tui::app::Focus;
use dateline::tui::theme::Theme;
use dateline::tui::view::render_text;
use tui_support::{app, edge, press, sample, screen, type_text};

#[test]
fn main_screen_100x30() {
    let a = app(sample(), 100, 30);
    insta::assert_snapshot!("main_100x30", screen(&a));
}

#[test]
fn help_popup() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["?"]);
    insta::assert_snapshot!("help_100x30", screen(&a));
}

#[test]
fn help_popup_scrolled_on_a_short_screen() {
    let mut a = app(sample(), 80, 16);
    press(&mut a, &["?"]);
    press(&mut a, &["j"; 40]);
    insta::assert_snapshot!("help_80x16_bottom", screen(&a));
    // Every key the help lists is one the keymap binds: the end is there.
    assert!(screen(&a).contains("Anywhere"));
}

#[test]
fn article_opened_and_scrolled_down() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j", "<enter>", "<pgdn>", "j", "j"]);
    assert_eq!(a.focus, Focus::Reader);
    insta::assert_snapshot!("reader_scrolled_100x30", screen(&a));
}

#[test]
fn filter_typing() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/"]);
    type_text(&mut a, "jordan");
    insta::assert_snapshot!("filter_100x30", screen(&a));
}

#[test]
fn small_30x8_list_then_reader() {
    let mut a = app(sample(), 30, 8);
    insta::assert_snapshot!("small_30x8_list", screen(&a));
    press(&mut a, &["j", "j", "<enter>", "j"]);
    insta::assert_snapshot!("small_30x8_reader", screen(&a));
}

#[test]
fn edge_cases_80x14() {
    let mut a = app(edge(), 80, 14);
    press(&mut a, &["j"]);
    insta::assert_snapshot!("edge_80x14", screen(&a));
}

#[test]
fn no_color_theme_draws_the_same_text() {
    let a = app(sample(), 100, 30);
    assert_eq!(render_text(&a, &Theme::monochrome(), 100, 30), screen(&a));
}

#[test]
fn sizes_from_1x1_draw_without_panic() {
    let keysets: [&[&str]; 5] = [&[], &["<enter>", "G"], &["?"], &["/", "x"], &["G", "<tab>"]];
    let corpus = sample();
    // Every height that changes the layout, widths around each threshold.
    for w in [1u16, 2, 3, 4, 5, 6, 8, 12, 13, 20, 29, 30, 31, 33, 44, 71, 72, 73, 100] {
        for h in 1..=12u16 {
            for keys in keysets {
                let mut a = app(corpus.clone(), w, h);
                press(&mut a, keys);
                let s = screen(&a);
                assert_eq!(s.lines().count(), usize::from(h));
                // Resizing in place also holds.
                a.update(Action::Resize(h, w));
                let _ = screen(&a);
            }
        }
    }
    let mut a = app(edge(), 0, 0);
    press(&mut a, &["j", "<enter>", "?"]);
    let _ = screen(&a);
}

#[test]
fn selection_style_marks_focus() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    let style_at = |a: &dateline::tui::app::App, x: u16, y: u16| {
        let Ok(mut t) = Terminal::new(TestBackend::new(100, 30));
        let Ok(_) = t.draw(|f| dateline::tui::view::draw(f, a, &theme));
        t.backend().buffer()[(x, y)].style()
    };
    // Row 2 holds the first article; column 5 is inside its outlet cell.
    assert_eq!(style_at(&a, 5, 2).bg, theme.selection.bg);
    press(&mut a, &["<tab>"]);
    assert_eq!(style_at(&a, 5, 2).bg, theme.selection_unfocused.bg);
    assert_eq!(style_at(&a, 0, 0).fg, theme.border.fg, "unfocused list border");
    assert_eq!(style_at(&a, 99, 5).fg, theme.border_focused.fg, "focused reader border");
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    use dateline::tui::action::Context;
    let mut a = app(sample(), 100, 60);
    press(&mut a, &["?"]);
    let s = screen(&a);
    let rows: Vec<String> =
        s.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let mut listed = 0;
    for ctx in Context::ALL {
        for b in a.keymap.bindings(ctx) {
            let want = format!("{} {}", b.keys_label(), b.help);
            assert!(rows.iter().any(|r| r.contains(&want)), "help lists {want:?}:\n{s}");
            listed += 1;
        }
    }
    assert!(listed > 20, "the default keymap is all there");
    for reserved in ["e ", "n ", "N ", "c "] {
        assert!(
            !rows.iter().any(|r| r.contains(&format!("│ {reserved}"))),
            "{reserved:?} not bound yet"
        );
    }
}
