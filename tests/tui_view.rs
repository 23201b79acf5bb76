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
    press(&mut a, &["j"; 120]);
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
    let keysets: [&[&str]; 10] = [
        &[],
        &["<enter>", "G"],
        &["?"],
        &["/", "x"],
        &["G", "<tab>"],
        &["e"],
        &["e", "a", "s", "<down>"],
        &["e", "a", "<enter>", "n"],
        &["E", "j"],
        &["E", "<enter>", "<tab>"],
    ];
    let corpus = sample();
    // Every height that changes the layout, widths around each threshold.
    for w in
        [1u16, 2, 3, 4, 5, 6, 8, 12, 13, 20, 29, 30, 31, 33, 44, 71, 72, 73, 100, 149, 150, 300]
    {
        for h in [1u16, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 24, 100] {
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
    let mut a = app(edge(), 0, 0);
    press(&mut a, &["e", "x", "<enter>", "E", "<enter>", "n"]);
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
    let mut a = app(sample(), 100, 90);
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
    // `c` (comparison) belongs to a later issue.
    assert!(!rows.iter().any(|r| r.contains("│ c ")), "c not bound yet");
}

#[test]
fn finder_with_a_query() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "asad");
    insta::assert_snapshot!("finder_asad_100x30", screen(&a));
}

#[test]
fn finder_empty_query_small() {
    let mut a = app(sample(), 40, 12);
    press(&mut a, &["e"]);
    insta::assert_snapshot!("finder_40x12", screen(&a));
}

#[test]
fn jumped_to_a_mention() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "asad");
    press(&mut a, &["<enter>", "n"]);
    insta::assert_snapshot!("jumped_100x30", screen(&a));
}

#[test]
fn entity_panel() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["E", "j"]);
    insta::assert_snapshot!("entities_100x30", screen(&a));
    let mut a = app(sample(), 200, 50);
    press(&mut a, &["j", "E", "G"]);
    insta::assert_snapshot!("entities_200x50", screen(&a));
    let mut a = app(sample(), 50, 10);
    press(&mut a, &["E", "j", "j", "j", "j"]);
    insta::assert_snapshot!("entities_50x10", screen(&a));
}

/// The style of the first cell showing `needle`.
fn style_of(a: &dateline::tui::app::App, theme: &Theme, needle: &str) -> ratatui::style::Style {
    let (x, y) = tui_support::find_on_screen(a, needle).unwrap_or_else(|| {
        panic!("{needle:?} on screen:\n{}", screen(a));
    });
    tui_support::buffer(a, theme)[(x, y)].style()
}

#[test]
fn mentions_take_their_kind_style() {
    use ratatui::style::Modifier;
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    // The first article names Lloyd Austin (person) and Iraq (place).
    let person = style_of(&a, &theme, "Lloyd Austin");
    assert_eq!(person.fg, theme.person.fg);
    assert!(person.add_modifier.contains(Modifier::BOLD));
    let place = style_of(&a, &theme, "Iraq,");
    assert_eq!(place.fg, theme.place.fg);
    assert!(place.add_modifier.contains(Modifier::UNDERLINED));
    // "personnel" is no mention: plain body text.
    let plain = |st: ratatui::style::Style| {
        matches!(st.fg, None | Some(ratatui::style::Color::Reset)) && st.add_modifier.is_empty()
    };
    assert!(plain(style_of(&a, &theme, "personnel were")));
    // Without colour, the kinds still differ by modifiers.
    let mono = Theme::monochrome();
    let p = style_of(&a, &mono, "Lloyd Austin");
    let q = style_of(&a, &mono, "Iraq,");
    assert_eq!(p.fg, q.fg, "no colour tells them apart");
    assert_ne!(p.add_modifier, q.add_modifier);
    // h: plain text.
    press(&mut a, &["h"]);
    assert!(plain(style_of(&a, &theme, "Lloyd Austin")));
}

#[test]
fn theme_kinds_are_six_distinct_styles_with_and_without_colour() {
    use dateline::analysis::Kind;
    for theme in [Theme::default(), Theme::monochrome()] {
        for (i, a) in Kind::ALL.iter().enumerate() {
            for b in &Kind::ALL[i + 1..] {
                assert_ne!(theme.kind(*a), theme.kind(*b), "{a:?} and {b:?}");
            }
        }
    }
    let mono = Theme::monochrome();
    for (i, a) in Kind::ALL.iter().enumerate() {
        for b in &Kind::ALL[i + 1..] {
            assert_ne!(mono.kind(*a).add_modifier, mono.kind(*b).add_modifier);
        }
    }
}

#[test]
fn the_current_mention_is_marked() {
    use ratatui::style::Modifier;
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "austin");
    press(&mut a, &["<enter>"]);
    let text = tui_support::current_mention_text(&a).expect("a current mention");
    let st = style_of(&a, &theme, &text);
    assert!(st.add_modifier.contains(Modifier::REVERSED), "{st:?}");
    // Still marked with highlighting off.
    press(&mut a, &["h"]);
    assert!(style_of(&a, &theme, &text).add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn finder_emphasises_the_matched_characters() {
    use ratatui::style::Modifier;
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "asad");
    let (x, y) = tui_support::find_on_screen(&a, "Al Asad Air Base").expect("the hit");
    let buf = tui_support::buffer(&a, &theme);
    let emphasised: String = (x..x + 16)
        .filter(|&c| buf[(c, y)].style().add_modifier.contains(Modifier::UNDERLINED))
        .map(|c| buf[(c, y)].symbol().to_string())
        .collect();
    assert_eq!(emphasised.to_lowercase(), "asad", "exactly the matched characters");
    let (x2, _) = tui_support::find_on_screen(&a, "Asad Air").expect("the match");
    assert_eq!(buf[(x2, y)].style().fg, theme.finder_match.fg);
    assert!(buf[(x2, y)].style().add_modifier.contains(Modifier::BOLD));
    assert_ne!(buf[(x, y)].style().fg, theme.finder_match.fg, "\"Al\" is not emphasised");
}

#[test]
fn finder_shows_the_alias_that_matched() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "DCNF");
    let s = screen(&a);
    assert!(s.contains("Daily Caller News Foundation  ≈ DCNF"), "{s}");
}

#[test]
fn help_shows_the_kind_legend() {
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["?"]);
    let s = screen(&a);
    assert!(s.contains("person  org  place  group  date  number  current"), "{s}");
    assert_eq!(style_of(&a, &theme, "person  org").fg, theme.person.fg);
}
