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
    assert!(s.contains("▌•  (unknown)"), "selection mark on the last row:\n{s}");
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
    assert!(s.contains("│ •  A Very Lo… Rocket attack… │"), "outlet cut to its column:\n{s}");
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

/// The corpus index of the article with this id.
fn index_of(a: &dateline::tui::app::App, id: &str) -> usize {
    a.corpus.articles.iter().position(|x| x.id == id).expect("a sample article")
}

#[test]
fn c_from_the_list_compares_the_selected_articles_story() {
    use dateline::tui::compare::Mode;
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let c = a.compare.clone().expect("the comparison view is open");
    let story = a.compare_story().expect("its story");
    let mut ids: Vec<&str> =
        story.articles.iter().map(|&i| a.corpus.articles[i].id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["000_f32e5020c4b6cb4e", "001_1d91cbe48bf1aeb7", "002_e3f8d9dc1a457137"]);
    let g = a.compare_geometry().expect("a geometry");
    assert_eq!(g.mode, Mode::Columns, "three columns fit at 100");
    assert_eq!(g.cells.len(), 3);
    // The open article's column is the selected one.
    assert_eq!(c.article, Some(index_of(&a, "000_f32e5020c4b6cb4e")));
    assert_eq!((c.fact, c.offset), (0, 0));
    let s = screen(&a);
    for head in ["DCNF", "(unknown)", "CNN", "Story: ", "fact 1/"] {
        assert!(s.contains(head), "{head:?} on screen:\n{s}");
    }
    // The injured count lines up across the three and differs, first, with
    // what differs under its label.
    let first = &story.facts[0];
    assert_eq!(first.status, dateline::compare::Status::Differ);
    assert_eq!(first.reports.len(), 3);
    assert!(s.contains("▌≠ ") && s.contains("several vs as"), "{s}");
    assert!(!a.quit);
}

#[test]
fn esc_and_q_go_back_to_where_you_were() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "j", "<esc>"]);
    assert!(a.compare.is_none());
    assert_eq!(a.focus, Focus::List);
    assert!(screen(&a).contains("Articles (5)"));
    // From the reader, scrolled: back to the same place, and q is "back".
    press(&mut a, &["j", "<enter>", "j", "j"]);
    let (article, scroll) = (a.doc.article, a.scroll);
    press(&mut a, &["c", "q"]);
    assert!(!a.quit, "q leaves the view, not the program");
    assert!(a.compare.is_none());
    assert_eq!((a.focus, a.doc.article, a.scroll), (Focus::Reader, article, scroll));
    // Opening again on the same story comes back to the fact left.
    press(&mut a, &["c", "j", "j"]);
    let left = a.compare.as_ref().map(|c| c.fact);
    assert!(left > Some(1));
    press(&mut a, &["<esc>", "c"]);
    assert_eq!(a.compare.as_ref().map(|c| c.fact), left);
}

#[test]
fn j_then_enter_opens_the_report_at_its_sentence() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "j"]);
    let c = a.compare.clone().expect("open");
    let fact = a.compare_story().expect("story").facts[c.fact].clone();
    let report = fact.reports[c.report_in(&fact)].clone();
    press(&mut a, &["<enter>"]);
    assert!(a.compare.is_none());
    assert_eq!(a.focus, Focus::Reader);
    assert_eq!(a.doc.article, Some(report.article), "the report's article is open");
    assert_eq!(a.sentence, Some((report.article, report.start..report.end)));
    assert_sentence_visible(&a, report.start);
}

/// The reader line showing body byte `at` is on screen.
fn assert_sentence_visible(a: &dateline::tui::app::App, at: usize) {
    let line = dateline::tui::wrap::line_of(&a.doc.body, at).expect("a line") + a.doc.header_len();
    let h = usize::from(a.reader_area().expect("the reader").height);
    assert!(
        a.scroll <= line && line < a.scroll + h,
        "line {line} in {}..{}",
        a.scroll,
        a.scroll + h
    );
}

#[test]
fn a_report_deep_in_an_article_scrolls_the_reader_to_it() {
    let mut a = app(sample(), 100, 30);
    // The last fact: one outlet alone, far down its article.
    press(&mut a, &["c", "G"]);
    let c = a.compare.clone().expect("open");
    let fact = a.compare_story().expect("story").facts[c.fact].clone();
    let r = fact.reports[0].clone();
    press(&mut a, &["<enter>"]);
    assert_eq!(a.doc.article, Some(r.article));
    assert!(a.scroll > 0, "scrolled down to it");
    assert_sentence_visible(&a, r.start);
    // Esc drops the highlight first, then goes back to the list.
    press(&mut a, &["<esc>"]);
    assert!(a.sentence.is_none());
    assert_eq!(a.focus, Focus::Reader);
    press(&mut a, &["<esc>"]);
    assert_eq!(a.focus, Focus::List);
    // Another article: no highlight carried over.
    press(&mut a, &["c", "G", "<enter>", "<tab>", "j"]);
    assert!(a.sentence.is_none());
}

#[test]
fn a_report_hidden_by_the_filter_drops_the_filter() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["/"]);
    type_text(&mut a, "sabrina");
    press(&mut a, &["<enter>"]);
    let shown = a.visible.clone();
    assert!(shown.len() < 5 && shown.contains(&index_of(&a, "000_f32e5020c4b6cb4e")));
    assert_eq!(open_id(&a), Some("000_f32e5020c4b6cb4e"));
    // Another outlet's report of the first fact: not in the filtered list.
    press(&mut a, &["c", "h", "<enter>"]);
    let open = a.doc.article.expect("an article");
    assert!(!shown.contains(&open), "another outlet's report");
    assert!(a.filter.is_empty() && a.visible.len() == 5);
}

#[test]
fn h_and_l_walk_the_reports_and_the_column_stays_across_facts() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let story = a.compare_story().expect("story").clone();
    let cnn = index_of(&a, "000_f32e5020c4b6cb4e");
    let fact0 = &story.facts[0];
    let at = |a: &dateline::tui::app::App| a.compare.as_ref().and_then(|c| c.article);
    assert_eq!(at(&a), Some(cnn));
    press(&mut a, &["h"]);
    let i = fact0.reports.iter().position(|r| r.article == cnn).expect("CNN reports it");
    assert_eq!(at(&a), Some(fact0.reports[i - 1].article));
    press(&mut a, &["h", "h", "h"]);
    assert_eq!(at(&a), Some(fact0.reports[0].article), "stops at the first");
    press(&mut a, &["l", "l", "l", "l", "<tab>"]);
    assert_eq!(at(&a), fact0.reports.last().map(|r| r.article), "stops at the last");
    // Moving to another fact that this article reports keeps its column.
    let keep = at(&a);
    press(&mut a, &["j"]);
    let f1 = &story.facts[1];
    if f1.reports.iter().any(|r| Some(r.article) == keep) {
        let c = a.compare.as_ref().expect("open");
        assert_eq!(Some(f1.reports[c.report_in(f1)].article), keep);
    }
}

#[test]
fn the_story_picker_switches_stories() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "j", "s"]);
    let p = a.compare.as_ref().and_then(|c| c.picker.clone()).expect("the picker");
    assert_eq!(p.selected_story(), Some(0), "starts on the current story");
    let s = screen(&a);
    assert!(s.contains("Stories") && s.contains("Fox News") && s.contains("story 1/3"), "{s}");
    // The picker takes the keys: j is typed, it does not move the facts.
    press(&mut a, &["j"]);
    assert_eq!(a.compare.as_ref().map(|c| c.fact), Some(1));
    let typed = a.compare.as_ref().and_then(|c| c.picker.as_ref()).map(|p| p.query.clone());
    assert_eq!(typed.as_deref(), Some("j"));
    press(&mut a, &["<esc>"]);
    assert_eq!(a.compare.as_ref().map(|c| (c.story, c.picker.is_none())), Some((0, true)));
    press(&mut a, &["s", "<down>", "<enter>"]);
    let c = a.compare.clone().expect("still comparing");
    let shown = dateline::tui::compare::Picker::new(&a.entities.comparison.stories, 0).shown;
    assert_eq!((c.story, c.fact, c.picker.is_none()), (shown[1], 0, true));
    let story = a.compare_story().expect("story");
    assert_eq!(story.articles.len(), 1);
    // Past the last story the picker stops.
    press(&mut a, &["s", "<down>", "<down>", "<down>", "<down>"]);
    let at = a.compare.as_ref().and_then(|c| c.picker.as_ref()).map(|p| p.selected);
    assert_eq!(at, Some(2));
    press(&mut a, &["<esc>"]);
    assert!(a.compare.is_some() && !a.quit, "Esc closes the picker only");
}

#[test]
fn fact_selection_stays_on_screen() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let n = a.compare_story().expect("story").facts.len();
    for i in 1..n {
        press(&mut a, &["j"]);
        let c = a.compare.as_ref().expect("open");
        assert_eq!(c.fact, i);
        assert!(c.offset <= c.fact);
        let label = &a.compare_story().expect("story").facts[i].label;
        let first = label.split_whitespace().next().unwrap_or("");
        let s = screen(&a);
        assert!(
            s.contains(&format!(
                "▌{} {first}",
                a.compare_story().expect("s").facts[i].status.marker()
            )),
            "fact {i} selected on screen:\n{s}"
        );
    }
    press(&mut a, &["j"]);
    assert_eq!(a.compare.as_ref().map(|c| c.fact), Some(n - 1), "stops at the last");
    press(&mut a, &["g"]);
    assert_eq!(a.compare.as_ref().map(|c| (c.fact, c.offset)), Some((0, 0)));
}

#[test]
fn the_wheel_moves_through_facts_in_the_comparison() {
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    use dateline::tui::input;
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c"]);
    let ev = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(act) = input::action(&a, &ev) {
        a.update(act);
    }
    assert_eq!(a.compare.as_ref().map(|c| c.fact), Some(1));
    assert_eq!(a.selected, Some(0), "the hidden list did not move");
}
