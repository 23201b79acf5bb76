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
    let mut a = app(sample(), 100, 120);
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
    assert!(rows.iter().any(|r| r.contains("Comparison view")), "{s}");
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

#[test]
fn comparison_of_the_sample_story() {
    // From the list, on the CNN article: its story, CNN's column selected.
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    insta::assert_snapshot!("compare_100x30", screen(&a));
    let mut a = app(sample(), 200, 50);
    press(&mut a, &["c"]);
    insta::assert_snapshot!("compare_200x50", screen(&a));
}

#[test]
fn comparison_in_blocks_where_the_columns_do_not_fit() {
    let mut a = app(sample(), 60, 30);
    press(&mut a, &["c", "j", "h"]);
    let s = screen(&a);
    assert!(!s.contains("│  fact "), "no column heads in blocks:\n{s}");
    insta::assert_snapshot!("compare_blocks_60x30", s);
}

#[test]
fn comparison_story_picker() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "s", "<down>"]);
    insta::assert_snapshot!("compare_stories_100x30", screen(&a));
}

#[test]
fn comparison_of_a_single_article_story_says_nothing_is_compared() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j", "j", "j", "c", "G"]);
    insta::assert_snapshot!("compare_single_100x30", screen(&a));
}

#[test]
fn comparison_sizes_draw_without_panic() {
    let keysets: [&[&str]; 7] = [
        &["c"],
        &["c", "j", "l", "l"],
        &["c", "G", "h"],
        &["c", "s", "<down>", "x", "<bs>"],
        &["c", "?", "j"],
        &["j", "j", "j", "c", "G"],
        &["c", "j", "<enter>"],
    ];
    let corpus = sample();
    // Widths and heights around the view's thresholds (three articles get
    // columns from 83 columns, the detail pane comes at 13 or 14 rows).
    for w in [1u16, 2, 3, 4, 5, 8, 12, 20, 24, 30, 60, 82, 83, 100, 200] {
        for h in [1u16, 2, 3, 4, 5, 6, 8, 12, 13, 14, 30, 50] {
            for keys in keysets {
                let mut a = app(corpus.clone(), w, h);
                press(&mut a, keys);
                let s = screen(&a);
                assert_eq!(s.lines().count(), usize::from(h));
                a.update(Action::Resize(h, w));
                let _ = screen(&a);
            }
        }
    }
    // Nothing to compare: the keys do nothing rather than panic.
    let mut a = app(edge(), 0, 0);
    press(&mut a, &["c", "j", "<enter>", "s", "<enter>"]);
    let _ = screen(&a);
}

#[test]
fn comparison_draws_the_same_text_without_colour() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    assert_eq!(render_text(&a, &Theme::monochrome(), 100, 30), screen(&a));
}

/// Every cell on screen whose style has `modifier`, as text per row.
fn styled_runs(
    a: &dateline::tui::app::App,
    theme: &Theme,
    keep: impl Fn(ratatui::style::Style) -> bool,
) -> Vec<String> {
    let buf = tui_support::buffer(a, theme);
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .filter(|&x| keep(buf[(x, y)].style()))
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|s| !s.trim().is_empty())
        .collect()
}

#[test]
fn comparison_emphasises_the_differing_values_in_every_report() {
    use ratatui::style::Modifier;
    let theme = Theme::default();
    let mut a = app(sample(), 200, 50);
    press(&mut a, &["c"]);
    let story = a.compare_story().expect("a story").clone();
    let fact = &story.facts[0];
    assert_eq!(fact.status, dateline::compare::Status::Differ, "the first fact differs");
    // The compared value of each report, as the text drawn.
    let values: Vec<String> = fact
        .reports
        .iter()
        .filter_map(|r| {
            let v = r.compared_value()?;
            Some(a.corpus.articles[r.article].body[v.range()].to_string())
        })
        .collect();
    assert!(values.len() >= 2, "{values:?}");
    let reversed = styled_runs(&a, &theme, |s| {
        s.add_modifier.contains(Modifier::REVERSED) && s.fg == theme.value_differs.fg
    });
    let all = reversed.join("|");
    for v in &values {
        // Once in the row's cell, once in the detail pane.
        assert!(all.matches(v.as_str()).count() >= 2, "{v:?} emphasised twice: {reversed:?}");
    }
    // The markers in their own styles.
    let marker = format!("≠ {}", fact.label.split_whitespace().next().unwrap_or(""));
    assert_eq!(style_of(&a, &theme, &marker).fg, theme.differ.fg);
    let agree = story.facts.iter().position(|f| f.status == dateline::compare::Status::Agree);
    let label = &story.facts[agree.expect("an agreeing fact")].label;
    // A long label wraps in its column: its first word is on the marker's line.
    let first = label.split(' ').next().unwrap_or_default();
    assert_eq!(style_of(&a, &theme, &format!("= {first}")).fg, theme.agree.fg);
}

#[test]
fn comparison_detail_highlights_entities_by_kind() {
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let rule = screen(&a).lines().position(|l| l.contains("├─")).expect("the detail rule");
    // The first fact's CNN sentence names Al-Asad air base (a place).
    let from = u16::try_from(rule).unwrap_or(0);
    let (x, y) = tui_support::find_on_screen_from(&a, "Al-Asad", from)
        .unwrap_or_else(|| panic!("Al-Asad in the detail pane:\n{}", screen(&a)));
    let st = tui_support::buffer(&a, &theme)[(x, y)].style();
    assert_eq!(st.fg, theme.place.fg, "a place in the detail pane");
    // Without highlighting (h in the reader), plain.
    press(&mut a, &["<esc>", "h", "c"]);
    let st = tui_support::buffer(&a, &theme)[(x, y)].style();
    assert_ne!(st.fg, theme.place.fg);
}

#[test]
fn a_report_opens_with_its_sentence_highlighted() {
    let theme = Theme::default();
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "G", "<enter>"]);
    let (art, range) = a.sentence.clone().expect("a highlighted sentence");
    assert_eq!(a.doc.article, Some(art));
    // The rows on the highlight are exactly the sentence's lines.
    let line = |b: usize| dateline::tui::wrap::line_of(&a.doc.body, b).unwrap_or(0);
    let first = a.doc.header_len() + line(range.start) - a.scroll;
    let last = a.doc.header_len() + line(range.end - 1) - a.scroll;
    let reader = a.reader_area().expect("the reader");
    let buf = tui_support::buffer(&a, &theme);
    for y in reader.y..reader.bottom() {
        let lit = (reader.x..reader.right()).any(|x| buf[(x, y)].style().bg == theme.sentence.bg);
        let want = (first..=last).contains(&usize::from(y - reader.y));
        assert_eq!(lit, want, "row {y} highlighted: {lit}\n{}", screen(&a));
    }
    insta::assert_snapshot!("compare_opened_report_100x30", screen(&a));
}
