//! The reader driven key by key through the keymap and `update`, checking
//! state and what is drawn.

mod tui_support;

use dateline::tui::action::Action;
use dateline::tui::app::{Focus, ListRow};
use tui_support::{app, current_mention_text, edge, open_id, press, sample, screen, type_text};

#[test]
fn starts_on_the_newest_article_with_the_list_focused() {
    let a = app(sample(), 100, 30);
    assert_eq!(a.focus, Focus::List);
    assert_eq!(a.selected, Some(0));
    assert_eq!(open_id(&a), Some("000_f32e5020c4b6cb4e"));
    assert!(a.help.is_none() && !a.quit);
}

#[test]
fn j_k_and_arrows_move_the_selection_and_the_reader_follows() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j"]);
    assert_eq!(open_id(&a), Some("001_1d91cbe48bf1aeb7"));
    press(&mut a, &["<down>", "<down>"]);
    assert_eq!(a.selected, Some(3));
    press(&mut a, &["k", "<up>"]);
    assert_eq!(a.selected, Some(1));
    // Stops at the ends.
    press(&mut a, &["k", "k", "k"]);
    assert_eq!(a.selected, Some(0));
    press(&mut a, &["j"; 9]);
    assert_eq!(a.selected, Some(4));
    let s = screen(&a);
    assert!(s.contains("▌(unknown)"), "selection mark on the last row:\n{s}");
}

#[test]
fn headings_are_not_selectable() {
    let mut a = app(sample(), 100, 30);
    for _ in 0..5 {
        let row = a.selected_row().expect("a selection");
        assert!(matches!(a.rows[row], ListRow::Article(_)));
        press(&mut a, &["j"]);
    }
    assert_eq!(a.rows.iter().filter(|r| matches!(r, ListRow::Day(_))).count(), 4);
}

#[test]
fn enter_opens_and_focuses_the_reader_then_keys_scroll() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j", "<enter>"]);
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(open_id(&a), Some("001_1d91cbe48bf1aeb7"));
    assert!(screen(&a).contains("Suspected rocket attack on Al Asad airbase"));
    press(&mut a, &["j", "j", "<down>"]);
    assert_eq!(a.scroll, 3);
    assert_eq!(a.selected, Some(1), "j scrolls the reader, not the list");
    press(&mut a, &["k"]);
    assert_eq!(a.scroll, 2);
    press(&mut a, &["G"]);
    assert_eq!(a.scroll, a.max_scroll());
    assert!(a.scroll > 0);
    assert!(screen(&a).contains("100%"));
    press(&mut a, &["g"]);
    assert_eq!(a.scroll, 0);
    press(&mut a, &["<pgdn>"]);
    let page = a.scroll;
    assert!(page > 10, "a page is most of the reader's height, got {page}");
    press(&mut a, &["<pgup>"]);
    assert_eq!(a.scroll, 0);
    // Esc goes back to the list.
    press(&mut a, &["<esc>"]);
    assert_eq!(a.focus, Focus::List);
}

#[test]
fn g_and_shift_g_jump_to_first_and_last() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["G"]);
    assert_eq!(a.selected, Some(4));
    press(&mut a, &["g"]);
    assert_eq!(a.selected, Some(0));
    press(&mut a, &["<pgdn>"]);
    assert_eq!(a.selected, Some(4));
}

#[test]
fn tab_switches_focus_both_ways() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["<tab>"]);
    assert_eq!(a.focus, Focus::Reader);
    press(&mut a, &["<tab>"]);
    assert_eq!(a.focus, Focus::List);
}

#[test]
fn filter_narrows_as_you_type_and_esc_clears() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/"]);
    assert!(a.filter_editing);
    // Letters are text while filtering, even those bound elsewhere (q, j, G).
    type_text(&mut a, "FOX");
    assert_eq!(a.filter, "FOX");
    assert!(!a.quit);
    assert_eq!(a.visible.len(), 1, "only the Fox News article mentions fox");
    assert_eq!(open_id(&a), Some("003_7eff1965c7fce1ff"));
    let s = screen(&a);
    assert!(s.contains("1 match"), "count shown:\n{s}");
    assert!(s.contains("Articles (1 of 5)"));
    assert!(s.contains("/FOX"));
    press(&mut a, &["<bs>", "<bs>", "<bs>"]);
    assert_eq!(a.visible.len(), 5);
    type_text(&mut a, "austin");
    let n = a.visible.len();
    assert!(n > 1 && n < 5, "austin is in some articles, got {n}");
    press(&mut a, &["<esc>"]);
    assert!(!a.filter_editing);
    assert!(a.filter.is_empty());
    assert_eq!(a.visible.len(), 5);
}

#[test]
fn filter_enter_keeps_it_and_returns_to_the_list() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["<tab>", "/"]);
    assert_eq!(a.focus, Focus::List);
    type_text(&mut a, "jordan");
    let kept = a.visible.clone();
    assert!(!kept.is_empty() && kept.len() < 5);
    press(&mut a, &["<enter>"]);
    assert!(!a.filter_editing);
    assert_eq!(a.visible, kept);
    assert_eq!(a.focus, Focus::List);
    assert!(screen(&a).contains(&format!("{} matches", kept.len())));
    // Keys are keys again; Esc in the list drops the filter.
    press(&mut a, &["j"]);
    press(&mut a, &["<esc>"]);
    assert_eq!(a.visible.len(), 5);
}

#[test]
fn filter_with_no_match_draws_placeholders_and_keys_do_nothing() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/"]);
    type_text(&mut a, "zzzzqqq");
    assert!(a.visible.is_empty());
    assert_eq!(a.selected, None);
    let s = screen(&a);
    assert!(s.contains("No article matches") && s.contains("0 matches"), "{s}");
    press(&mut a, &["<down>", "<enter>"]);
    press(&mut a, &["<esc>", "j", "<enter>"]);
    assert_eq!(open_id(&a), Some("001_1d91cbe48bf1aeb7"));
}

#[test]
fn help_opens_on_top_and_esc_closes_it_first() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["?"]);
    assert_eq!(a.help, Some(0));
    let s = screen(&a);
    assert!(s.contains("Keys") && s.contains("next article"), "{s}");
    // The popup takes the keys: j scrolls it, not the list.
    press(&mut a, &["j"]);
    assert_eq!(a.selected, Some(0));
    press(&mut a, &["<esc>"]);
    assert_eq!(a.help, None);
    assert!(!a.quit, "Esc closed the popup, it did not quit");
    press(&mut a, &["?", "q"]);
    assert_eq!(a.help, None);
    assert!(!a.quit, "q closes the help first");
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["q"]);
    assert!(a.quit);
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/", "<c-c>"]);
    assert!(a.quit, "Ctrl-c quits even while typing a filter");
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_it() {
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    use dateline::tui::input;
    let mut a = app(sample(), 100, 30);
    let wheel = |kind, column| {
        Event::Mouse(MouseEvent { kind, column, row: 10, modifiers: KeyModifiers::NONE })
    };
    for (ev, _) in
        [(wheel(MouseEventKind::ScrollDown, 70), ()), (wheel(MouseEventKind::ScrollDown, 70), ())]
    {
        if let Some(act) = input::action(&a, &ev) {
            a.update(act);
        }
    }
    assert_eq!(a.scroll, 6);
    if let Some(act) = input::action(&a, &wheel(MouseEventKind::ScrollDown, 5)) {
        a.update(act);
    }
    assert_eq!(a.selected, Some(1));
    assert_eq!(a.scroll, 0, "a new article starts at its top");
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["<enter>", "<pgdn>"]);
    let top_line = a.scroll - a.doc.header_len();
    let byte = a.doc.body[top_line].range.start;
    a.update(Action::Resize(80, 30));
    let now = a.scroll - a.doc.header_len();
    let r = &a.doc.body[now].range;
    assert!(r.start <= byte && byte < r.end.max(r.start + 1), "line {r:?} still shows byte {byte}");
}

#[test]
fn scroll_to_byte_brings_that_line_to_the_top() {
    let mut a = app(sample(), 100, 30);
    let body = a.selected_article().map(|x| x.body.clone()).unwrap_or_default();
    let at = body.find("The US Defense Department").expect("sample text");
    a.scroll_to_byte(at);
    assert!(screen(&a).lines().nth(1).unwrap_or("").contains("The US Defense Department"));
}

#[test]
fn narrow_screens_show_the_focused_pane_only() {
    let mut a = app(sample(), 30, 8);
    let s = screen(&a);
    assert!(s.contains("Articles") && !s.contains("Reader"), "{s}");
    press(&mut a, &["<enter>"]);
    let s = screen(&a);
    assert!(s.contains("Reader") && !s.contains("Articles"), "{s}");
    press(&mut a, &["<tab>", "j", "j", "j", "j"]);
    // The list keeps the selection in view on a short pane.
    let s = screen(&a);
    assert!(s.contains("▌"), "selection visible:\n{s}");
}

#[test]
fn wide_characters_and_controls_in_the_list_stay_aligned() {
    let a = app(edge(), 80, 12);
    let s = screen(&a);
    for line in s.lines() {
        assert!(!line.contains('\x1b'), "control characters are not drawn: {line:?}");
    }
    assert!(s.contains("Undated") && s.contains("(unknown)"), "{s}");
    assert!(s.contains("│ A Very Lo… Rocket attack 🚀… │"), "outlet cut to its column:\n{s}");
}

#[test]
fn keys_come_from_the_keymap_not_the_code() {
    use dateline::tui::app::App;
    use dateline::tui::keymap::Keymap;
    let table = r#"
        [[list]]
        keys = ["x"]
        action = "select_next"
        help = "down we go"
        hint = "next"
        [[main]]
        keys = ["Q"]
        action = "quit"
        help = "leave"
    "#;
    let keymap = Keymap::from_toml(table).expect("a valid table");
    let mut a = App::new(sample(), keymap);
    a.update(Action::Resize(100, 30));
    press(&mut a, &["j", "q"]);
    assert_eq!(a.selected, Some(0));
    assert!(!a.quit);
    press(&mut a, &["x"]);
    assert_eq!(a.selected, Some(1));
    let s = screen(&a);
    assert!(s.contains("x next"), "status hints follow the keymap:\n{s}");
    press(&mut a, &["Q"]);
    assert!(a.quit);
}

/// The reader's current entity's name, position and total.
fn walk(a: &dateline::tui::app::App) -> Option<(String, usize, usize)> {
    let c = a.current?;
    let e = a.entities.entity(c.entity)?;
    Some((e.name.clone(), c.pos, a.entities.order[c.entity].len()))
}

/// (date, article index, mention start) of the current mention.
fn at(a: &dateline::tui::app::App) -> (Option<chrono::NaiveDate>, usize, usize) {
    let (_, r) = a.current_mention().expect("a current mention");
    let m = a.entities.mention(r).expect("the mention");
    (a.corpus.articles[r.article].date, r.article, m.start)
}

/// A date sorts undated last.
fn date_key(d: Option<chrono::NaiveDate>) -> (bool, Option<chrono::NaiveDate>) {
    (d.is_none(), d)
}

#[test]
fn finder_jumps_to_the_first_al_asad_mention_then_n_and_shift_n_walk() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    assert!(a.finder.is_some());
    assert!(screen(&a).contains("Jump to entity"));
    type_text(&mut a, "asad");
    assert!(!a.quit && a.filter.is_empty(), "letters are the query, not keys");
    press(&mut a, &["<enter>"]);
    assert!(a.finder.is_none());
    assert_eq!(a.focus, Focus::Reader);
    let (name, pos, n) = walk(&a).expect("an entity is current");
    assert!(name.contains("Asad"), "{name}");
    assert_eq!(pos, 0);
    assert!(n > 3);
    // The first mention in date order: no mention lives in an older article.
    let (first_date, art, start) = at(&a);
    let c = a.current.expect("current");
    for r in &a.entities.index.entities[c.entity].mentions {
        assert!(date_key(a.corpus.articles[r.article].date) >= date_key(first_date));
    }
    assert_eq!(a.doc.article, Some(art), "the reader shows that article");
    let s = screen(&a);
    assert!(s.contains(&format!("{name} · mention 1 of {n} · n/N next/previous")), "{s}");
    let text = current_mention_text(&a).expect("mention text");
    assert!(
        tui_support::find_on_screen(&a, &text).is_some(),
        "the mention {text:?} is on screen (start {start}):\n{s}"
    );

    // n: the next mention, in the same or a later article.
    press(&mut a, &["n"]);
    assert_eq!(walk(&a).map(|w| w.1), Some(1));
    let (d2, art2, start2) = at(&a);
    assert!(date_key(d2) >= date_key(first_date));
    assert!(art2 != art || start2 > start);
    assert_eq!(a.doc.article, Some(art2));
    assert!(screen(&a).contains(&format!("mention 2 of {n}")));
    let text = current_mention_text(&a).expect("mention text");
    assert!(tui_support::find_on_screen(&a, &text).is_some(), "{}", screen(&a));
    // N: back where we were.
    press(&mut a, &["N"]);
    assert_eq!(at(&a), (first_date, art, start));
    // N at the first comes round to the last, and says so.
    press(&mut a, &["N"]);
    assert_eq!(walk(&a).map(|w| w.1), Some(n - 1));
    let s = screen(&a);
    assert!(s.contains(&format!("mention {n} of {n} (wrapped)")), "{s}");
    press(&mut a, &["n"]);
    assert_eq!(walk(&a).map(|w| w.1), Some(0));
    // Walking every mention visits them in date order.
    let mut last = date_key(first_date);
    for _ in 1..n {
        press(&mut a, &["n"]);
        let d = date_key(at(&a).0);
        assert!(d >= last, "date order");
        last = d;
    }
}

#[test]
fn esc_in_the_reader_forgets_the_entity_first_then_goes_back() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    type_text(&mut a, "austin");
    press(&mut a, &["<enter>"]);
    assert!(a.current.is_some());
    press(&mut a, &["<esc>"]);
    assert!(a.current.is_none());
    assert_eq!(a.focus, Focus::Reader);
    assert!(!screen(&a).contains("mention 1 of"));
    // n and N do nothing without an entity.
    let before = (a.doc.article, a.scroll);
    press(&mut a, &["n", "N"]);
    assert_eq!((a.doc.article, a.scroll), before);
    press(&mut a, &["<esc>"]);
    assert_eq!(a.focus, Focus::List);
}

#[test]
fn finder_esc_closes_without_jumping_and_arrows_move() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["e"]);
    let top = a.finder.as_ref().and_then(|f| f.hits.first().map(|h| h.entity));
    // Empty query: every entity, most mentioned first.
    let f = a.finder.as_ref().expect("finder");
    assert_eq!(f.hits.len(), a.entities.index.entities.len());
    let counts: Vec<usize> =
        f.hits.iter().map(|h| a.entities.index.entities[h.entity].mentions.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    press(&mut a, &["<down>", "<down>", "<up>"]);
    assert_eq!(a.finder.as_ref().map(|f| f.selected), Some(1));
    type_text(&mut a, "zzqx");
    assert!(screen(&a).contains("No entity matches"));
    press(&mut a, &["<enter>"]);
    assert!(a.finder.is_some(), "Enter with no match keeps the finder open");
    press(&mut a, &["<bs>", "<bs>", "<bs>", "<bs>", "<esc>"]);
    assert!(a.finder.is_none() && a.current.is_none() && !a.quit);
    assert_eq!(a.focus, Focus::List);
    assert!(top.is_some());
}

#[test]
fn a_jump_drops_a_filter_that_hides_the_article() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/"]);
    type_text(&mut a, "fox");
    press(&mut a, &["<enter>"]);
    assert_eq!(a.visible.len(), 1);
    press(&mut a, &["e"]);
    type_text(&mut a, "haniyeh");
    press(&mut a, &["<enter>"]);
    let (_, art, _) = at(&a);
    assert_eq!(a.doc.article, Some(art));
    assert!(a.visible.contains(&art));
}

#[test]
fn h_toggles_highlighting() {
    let mut a = app(sample(), 100, 30);
    assert!(a.highlight);
    press(&mut a, &["h"]);
    assert!(!a.highlight);
    press(&mut a, &["<tab>", "h"]);
    assert!(a.highlight, "h works from the reader too");
}

#[test]
fn entity_panel_lists_the_article_and_enter_makes_one_current() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["E"]);
    assert!(a.panel);
    assert_eq!(a.focus, Focus::Entities);
    let s = screen(&a);
    assert!(s.contains("Entities (") && s.contains("Places ("), "{s}");
    assert!(!s.contains("Articles ("), "the panel takes the list's place at 100 columns:\n{s}");
    // Every entity listed is named in the open article, counted right.
    let art = a.doc.article.expect("an article");
    for &(e, here) in &a.panel_list {
        let n = a.entities.index.entity_of[art].iter().filter(|x| **x == Some(e)).count();
        assert_eq!(n, here);
    }
    press(&mut a, &["j", "j"]);
    assert_eq!(a.panel_selected, 2);
    let (e, _) = a.panel_list[2];
    press(&mut a, &["<enter>"]);
    assert_eq!(a.current.map(|c| c.entity), Some(e));
    assert_eq!(a.focus, Focus::Reader);
    let (_, r) = a.current_mention().expect("current mention");
    assert_eq!(r.article, art, "its first mention in this article");
    let first_here = a.entities.index.entity_of[art].iter().position(|x| *x == Some(e));
    assert_eq!(Some(r.mention), first_here);
    // Tab comes round to the panel; E there hides it.
    press(&mut a, &["<tab>"]);
    assert_eq!(a.focus, Focus::Entities);
    press(&mut a, &["E"]);
    assert!(!a.panel);
    assert_eq!(a.focus, Focus::List);
    assert!(screen(&a).contains("Articles ("));
}

#[test]
fn entity_panel_follows_the_open_article() {
    let mut a = app(sample(), 200, 50);
    press(&mut a, &["E"]);
    let s = screen(&a);
    assert!(s.contains("Articles (") && s.contains("Entities ("), "three columns at 200:\n{s}");
    let first = a.panel_list.clone();
    press(&mut a, &["<tab>", "j"]);
    assert_eq!(a.focus, Focus::List);
    assert_ne!(a.panel_list, first, "another article, other entities");
    press(&mut a, &["<tab>", "<tab>", "<esc>"]);
    assert!(!a.panel);
}
