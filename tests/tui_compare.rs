//! The comparison view's details, driven key by key: what the status line
//! says after a report opens, the sentence's highlight, the disputed value
//! in the selected cell, the report pane when reports overflow, a story of
//! one article, and the story picker's filter and order.

mod tui_support;

use dateline::tui::action::Action;
use dateline::tui::app::{App, DocLine};
use dateline::tui::theme::Theme;
use ratatui::style::{Modifier, Style};
use tui_support::{app, press, sample, screen, type_text};

/// The status line (the last row).
fn status(a: &App) -> String {
    screen(a).lines().last().unwrap_or_default().to_string()
}

#[test]
fn after_enter_on_a_report_the_status_line_names_the_report_not_an_old_entity() {
    let mut a = app(sample(), 100, 30);
    // Walk an entity first: the status line names it.
    press(&mut a, &["e"]);
    type_text(&mut a, "asad");
    press(&mut a, &["<enter>"]);
    assert!(a.current.is_some());
    // To the newest article, whose story has three: the entity stays.
    press(&mut a, &["<tab>", "g"]);
    assert!(a.current.is_some() && a.focus == dateline::tui::app::Focus::List);
    assert!(status(&a).contains("mention 1 of"), "{}", status(&a));
    press(&mut a, &["c"]);
    assert!(!a.compare_is_single(), "a story to compare");
    press(&mut a, &["<enter>"]);
    assert!(a.sentence.is_some(), "a report opened");
    assert!(a.current.is_none(), "the old entity is forgotten");
    let s = status(&a);
    assert!(!s.contains("mention"), "no old entity: {s}");
    let fact = a.opened_report().map(|(f, _)| f.label.clone()).expect("the opened report");
    let first = fact.split_whitespace().next().unwrap_or_default();
    assert!(s.contains("report: ") && s.contains(first), "the report's fact: {s}");
    // Esc drops the highlight, and the report goes from the status line.
    press(&mut a, &["<esc>"]);
    assert!(!status(&a).contains("report: "), "{}", status(&a));
}

/// Cells of the highlighted sentence on screen whose style is not the
/// band's, as (row, text) pairs; `band_bg` is the band's background.
fn gaps_in_band(a: &App, theme: &Theme) -> Vec<(u16, String)> {
    let (art, band) = a.sentence.clone().expect("a highlighted sentence");
    let body = &a.corpus.articles[art].body;
    let inner = a.reader_area().expect("the reader");
    let buf = tui_support::buffer(a, theme);
    let mut gaps = Vec::new();
    for row in 0..inner.height {
        let Some(DocLine::Body(l)) = a.doc.line(a.scroll + usize::from(row)) else { continue };
        let (s, e) = (band.start.max(l.start), band.end.min(l.end));
        if s >= e {
            continue;
        }
        let c0 = dateline::display::width(&body[l.start..s]);
        let c1 = c0 + dateline::display::width(&body[s..e]);
        let y = inner.y + row;
        let bad: String = (c0..c1)
            .map(|c| inner.x + u16::try_from(c).unwrap_or(u16::MAX))
            .filter(|&x| {
                let st = buf[(x, y)].style();
                st.bg != theme.sentence.bg || st.add_modifier.contains(Modifier::REVERSED)
            })
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if !bad.is_empty() {
            gaps.push((row, bad));
        }
    }
    gaps
}

#[test]
fn the_sentence_highlight_runs_through_its_mentions_even_the_current_one() {
    for theme in [Theme::default(), Theme::light()] {
        let mut a = app(sample(), 100, 30);
        press(&mut a, &["c", "<enter>"]);
        assert!(gaps_in_band(&a, &theme).is_empty(), "{:?}", gaps_in_band(&a, &theme));
        // A click on a mention inside the sentence makes it current.
        let (art, band) = a.sentence.clone().expect("a sentence");
        let m = a
            .entities
            .mentions(art)
            .iter()
            .enumerate()
            .find(|&(i, m)| {
                let at = dateline::index::MentionRef { article: art, mention: i };
                m.start >= band.start && m.end <= band.end && a.entities.entity_of(at).is_some()
            })
            .map(|(_, m)| *m)
            .expect("a mention of an entity in the sentence");
        let body = a.corpus.articles[art].body.clone();
        let line = dateline::tui::wrap::line_of(&a.doc.body, m.start).expect("its line");
        let row = a.doc.header_len() + line - a.scroll;
        let l = a.doc.body[line].range.clone();
        let col = dateline::display::width(&body[l.start..m.start]);
        a.update(Action::ClickReader(
            u16::try_from(col).unwrap_or(0),
            u16::try_from(row).unwrap_or(0),
        ));
        assert!(a.current.is_some(), "the click made the mention current");
        assert!(a.sentence.is_some(), "the highlight stays on its article");
        assert!(gaps_in_band(&a, &theme).is_empty(), "{:?}", gaps_in_band(&a, &theme));
        // The current mention still stands out: weight and underline.
        let inner = a.reader_area().expect("the reader");
        let line = dateline::tui::wrap::line_of(&a.doc.body, m.start).expect("its line");
        let y = inner.y + u16::try_from(a.doc.header_len() + line - a.scroll).unwrap_or(0);
        let x = inner.x + u16::try_from(col).unwrap_or(0);
        let st = tui_support::buffer(&a, &theme)[(x, y)].style();
        assert!(
            st.add_modifier.contains(Modifier::BOLD | Modifier::UNDERLINED),
            "current mention marked: {st:?}"
        );
    }
}

/// How a cell looks: its background as shown (the foreground under
/// reverse video), and whether it is reversed.
fn look(st: Style) -> (Option<ratatui::style::Color>, bool) {
    let rev = st.add_modifier.contains(Modifier::REVERSED);
    let shown = if rev { st.fg } else { st.bg };
    (shown.filter(|&c| c != ratatui::style::Color::Reset), rev)
}

#[test]
fn the_disputed_value_stands_out_in_the_selected_cell_in_every_theme() {
    // Columns at 100, blocks at 80: the CNN report is selected on opening.
    for (w, h) in [(100, 30), (80, 24)] {
        for theme in [Theme::default(), Theme::light(), Theme::monochrome()] {
            let mut a = app(sample(), w, h);
            press(&mut a, &["c"]);
            let c = a.compare.clone().expect("open");
            let fact = a.compare_story().expect("story").facts[c.fact].clone();
            assert_eq!(fact.status, dateline::compare::Status::Differ, "the first fact differs");
            let r = &fact.reports[c.report_in(&fact)];
            let v = r.compared_value().expect("a compared value");
            let value = a.corpus.articles[r.article].body[v.range()].to_string();
            // The value in the table (above the detail pane's rule), on the
            // selected report's row.
            let g = a.compare_geometry().expect("geometry");
            let buf = tui_support::buffer(&a, &theme);
            let n = value.chars().count();
            let hit = (g.table.y..g.table.bottom()).find_map(|y| {
                let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
                (0..row.len().saturating_sub(n)).find_map(|x| {
                    let here = row[x..x + n].concat() == value;
                    let next = buf[(u16::try_from(x + n).ok()?, y)].style();
                    (here && look(next) == look(theme.selection))
                        .then(|| (u16::try_from(x).unwrap_or(0), y))
                })
            });
            let (x, y) = hit.unwrap_or_else(|| {
                panic!(
                    "{w}x{h} {:?}: {value:?} in the selected cell:\n{}",
                    theme.selection,
                    screen(&a)
                )
            });
            // The cell after the value shows the selected cell's own style.
            let after = buf[(x + u16::try_from(n).unwrap_or(0), y)].style();
            let val = buf[(x, y)].style();
            assert_ne!(
                look(val),
                look(after),
                "{w}x{h}: {value:?} looks like the rest of its cell ({val:?} / {after:?})"
            );
        }
    }
}

/// The rows of the detail pane (under the rule), as text.
fn detail_rows(a: &App) -> Vec<String> {
    let g = a.compare_geometry().expect("geometry");
    let pane = g.detail.expect("a detail pane");
    let s = screen(a);
    let rows: Vec<&str> = s.lines().collect();
    (pane.y..pane.bottom()).map(|y| rows[usize::from(y)].to_string()).collect()
}

/// The scrollbar's thumb on the right border beside the detail pane.
fn detail_has_bar(a: &App) -> bool {
    let g = a.compare_geometry().expect("geometry");
    let pane = g.detail.expect("a detail pane");
    let buf = tui_support::buffer(a, &Theme::default());
    let x = g.frame.right() - 1;
    (pane.y..pane.bottom()).any(|y| buf[(x, y)].symbol() == "█")
}

#[test]
fn at_80x24_every_report_of_the_fact_shows_and_the_selected_one_whole() {
    let mut a = app(sample(), 80, 24);
    press(&mut a, &["c"]);
    let story = a.compare_story().expect("story").clone();
    let names = dateline::cli::compare::column_names(&story, &a.corpus.articles);
    let fact = story.facts[0].clone();
    assert!(fact.reports.len() >= 3);
    // Too long to show whole: the pane has fewer lines than the sentences.
    let g = a.compare_geometry().expect("geometry");
    let need = dateline::tui::compare::detail_len(&fact, &a.corpus.articles, g.detail_text_w());
    assert!(need > usize::from(g.detail.expect("pane").height), "the reports overflow");
    for step in 0..fact.reports.len() {
        if step > 0 {
            press(&mut a, &["h"]);
        }
        let rows = detail_rows(&a).join("\n");
        for r in &fact.reports {
            let col = story.articles.iter().position(|&x| x == r.article).expect("a column");
            assert!(rows.contains(&names[col]), "{} shown:\n{rows}", names[col]);
        }
        // The selected report's sentence ends on screen: it is whole.
        let c = a.compare.clone().expect("open");
        let r = &fact.reports[c.report_in(&fact)];
        let body = &a.corpus.articles[r.article].body;
        let last = body[r.start..r.end].split_whitespace().last().unwrap_or_default();
        assert!(rows.contains(last), "{last:?} of the selected report:\n{rows}");
        assert!(!detail_has_bar(&a), "no bar: nothing is hidden\n{}", screen(&a));
    }
}

/// Ten outlets reporting the same three sentences.
fn ten_outlets() -> dateline::corpus::Corpus {
    let articles = (0..10)
        .map(|i| {
            let body = format!(
                "Several U.S. personnel were injured Monday in a suspected rocket attack on \
                 U.S. and coalition forces at Al-Asad air base in Iraq, a U.S. defense \
                 official said on day {i}.\n\nThe US Defense Department on Monday evening \
                 blamed pro-Iranian militias for the attack, calling it a dangerous \
                 escalation.\n\nBase personnel are currently conducting a damage assessment \
                 following the attack, officials told Outlet{i}."
            );
            tui_support::article(
                &format!("a{i}"),
                &format!("Rocket attack injures US personnel at Al-Asad air base ({i})"),
                Some(&format!("Outlet{i}")),
                Some((2024, 8, 5 + i % 2)),
                &body,
            )
        })
        .collect();
    dateline::corpus::Corpus { articles, warnings: vec![] }
}

#[test]
fn at_80x24_more_reports_than_lines_scroll_with_a_sign_and_start_at_the_first() {
    let mut a = app(ten_outlets(), 80, 24);
    press(&mut a, &["c"]);
    let story = a.compare_story().expect("a story").clone();
    let names = dateline::cli::compare::column_names(&story, &a.corpus.articles);
    let c = a.compare.clone().expect("open");
    let fact = story.facts[c.fact].clone();
    let pane = a.compare_geometry().and_then(|g| g.detail).expect("a detail pane");
    assert!(fact.reports.len() > usize::from(pane.height), "more reports than lines");
    assert!(detail_has_bar(&a), "a scroll sign:\n{}", screen(&a));
    let name_of = |r: &dateline::compare::Report| {
        let col = story.articles.iter().position(|&x| x == r.article).expect("a column");
        format!(" {} ", names[col])
    };
    // From the first report to the last, the selected one is always shown,
    // and at the first the pane starts with it.
    press(&mut a, &["h"; 12]);
    assert!(detail_rows(&a)[0].contains(&format!("▌{}", name_of(&fact.reports[0]).trim_start())));
    for i in 0..fact.reports.len() {
        let rows = detail_rows(&a).join("\n");
        let want = format!("▌{}", name_of(&fact.reports[i]).trim_start());
        assert!(rows.contains(&want), "report {i} selected and shown:\n{rows}");
        press(&mut a, &["l"]);
    }
    assert!(detail_has_bar(&a));
}

#[test]
fn the_rule_over_the_reports_meets_the_border_whatever_its_label() {
    for w in [60u16, 80, 100] {
        let mut a = app(sample(), w, 24);
        press(&mut a, &["c"]);
        let n = a.compare_story().expect("story").facts.len();
        for _ in 0..n {
            let rule = a.compare_geometry().and_then(|g| g.rule).expect("a rule");
            let s = screen(&a);
            let row = s.lines().nth(usize::from(rule.y)).unwrap_or_default().to_string();
            assert!(row.starts_with("├─") && row.ends_with('┤'), "{w}: {row:?}");
            assert_eq!(row.chars().filter(|&c| c == '┤').count(), 1, "{w}: {row:?}");
            press(&mut a, &["j"]);
        }
    }
}

#[test]
fn a_story_of_one_article_says_nothing_is_compared_and_offers_the_picker() {
    use dateline::compare::Status;
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["j", "j", "j"]);
    assert_eq!(tui_support::open_id(&a), Some("003_7eff1965c7fce1ff"));
    press(&mut a, &["c"]);
    let story = a.compare_story().expect("story").clone();
    assert_eq!(story.articles.len(), 1);
    assert!(story.facts.iter().all(|f| f.status == Status::Single));
    let s = screen(&a);
    assert!(s.contains("Only Fox News tells this story: nothing to compare."), "{s}");
    // The key that opens the picker, and how many stories it can offer.
    let many = a.entities.comparison.stories.iter().filter(|s| s.articles.len() > 1).count();
    let offer = format!("s  pick another story ({many} story has more than one article)");
    assert!(s.contains(&offer), "{offer:?}\n{s}");
    assert!(!s.contains("▌·") && !s.contains("├─"), "no fact rows, no reports:\n{s}");
    // The status line offers the picker and nothing that walks facts.
    let st = status(&a);
    assert!(st.contains("s stories") && !st.contains("h/l") && !st.contains("fact "), "{st}");
    // Keys that walk facts or open a report say why they do nothing.
    press(&mut a, &["j", "<enter>"]);
    assert!(a.compare.is_some() && a.sentence.is_none(), "still in the view");
    assert_eq!(a.compare.as_ref().map(|c| c.fact), Some(0));
    assert!(status(&a).contains("nothing to compare"), "{}", status(&a));
    // s opens the picker.
    press(&mut a, &["s"]);
    assert!(a.compare.as_ref().is_some_and(|c| c.picker.is_some()), "the picker is open");
}

/// The open picker.
fn picker(a: &App) -> dateline::tui::compare::Picker {
    a.compare.as_ref().and_then(|c| c.picker.clone()).expect("the picker is open")
}

/// Ten outlets on one story (5–6 Aug 2024), and three unrelated articles
/// of one each: one on the story's last day, one older, one undated.
fn stories_of_all_sizes() -> dateline::corpus::Corpus {
    let mut c = ten_outlets();
    let one = |id: &str, title: &str, outlet: &str, date, body: &str| {
        tui_support::article(id, title, Some(outlet), date, body)
    };
    c.articles.push(one(
        "z",
        "A Zoo opens its new aquarium",
        "Herald",
        Some((2024, 8, 6)),
        "The city zoo opened a new aquarium on Tuesday with sharks, rays and a coral reef.",
    ));
    c.articles.push(one(
        "b",
        "Budget vote delayed again",
        "Courier",
        Some((2023, 3, 1)),
        "Lawmakers delayed the budget vote for a third week as talks on school funding stalled.",
    ));
    c.articles.push(one(
        "m",
        "Marathon route announced",
        "Gazette",
        None,
        "Organisers announced the marathon route along the river, closing four bridges.",
    ));
    c
}

#[test]
fn the_picker_lists_stories_newest_first_then_larger_not_by_title() {
    let mut a = app(stories_of_all_sizes(), 100, 30);
    press(&mut a, &["c", "s"]);
    let stories = a.entities.comparison.stories.clone();
    let p = picker(&a);
    assert_eq!(p.shown.len(), stories.len(), "every story, nothing typed");
    let key = |i: usize| {
        let s = &stories[i];
        (s.dates.map(|(_, last)| last), s.articles.len())
    };
    for w in p.shown.windows(2) {
        let ((d0, n0), (d1, n1)) = (key(w[0]), key(w[1]));
        let newer = match (d0, d1) {
            (Some(x), Some(y)) => x > y || (x == y && n0 >= n1),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => n0 >= n1,
        };
        assert!(newer, "{:?} before {:?}", (d0, n0), (d1, n1));
    }
    // The story of ten and the zoo share their last day: the ten first.
    let title = |i: usize| stories[p.shown[i]].title.clone();
    assert_eq!(stories[p.shown[0]].articles.len(), 10, "{}", title(0));
    assert!(title(1).contains("Zoo"), "{}", title(1));
    assert!(title(p.shown.len() - 1).contains("Marathon"), "undated last");
}

#[test]
fn typing_in_the_picker_narrows_the_stories_and_backspace_widens_them() {
    let mut a = app(stories_of_all_sizes(), 100, 30);
    press(&mut a, &["c", "s"]);
    let all = picker(&a).shown.len();
    // An outlet, in any case.
    type_text(&mut a, "COURIER");
    let p = picker(&a);
    assert_eq!(p.shown.len(), 1);
    let s = screen(&a);
    assert!(s.contains("> COURIER") && s.contains("Budget vote") && !s.contains("Zoo"), "{s}");
    assert!(s.contains(&format!(" 1 of {all} ")) && status(&a).contains("story 1/1"), "{s}");
    // Nothing matches: said, and Enter stays in the picker.
    type_text(&mut a, "x");
    assert!(screen(&a).contains("No story matches"), "{}", screen(&a));
    press(&mut a, &["<enter>"]);
    assert!(a.compare.as_ref().is_some_and(|c| c.picker.is_some()));
    // Backspace widens again; every word of the query must match.
    for _ in 0.."COURIERx".len() {
        press(&mut a, &["<bs>"]);
    }
    assert_eq!(picker(&a).shown.len(), all);
    type_text(&mut a, "rocket outlet3");
    assert_eq!(picker(&a).shown.len(), 1);
    type_text(&mut a, " herald");
    assert!(picker(&a).shown.is_empty());
    // The dates are searched too, and Enter compares the selected story.
    for _ in 0.." herald".len() + "rocket outlet3".len() {
        press(&mut a, &["<bs>"]);
    }
    type_text(&mut a, "2023");
    let p = picker(&a);
    assert_eq!(p.shown.len(), 1, "the budget story alone is of 2023");
    let want = p.selected_story();
    press(&mut a, &["<enter>"]);
    let c = a.compare.clone().expect("comparing");
    assert_eq!((Some(c.story), c.picker.is_none()), (want, true));
}

#[test]
fn the_views_story_count_follows_the_pickers_order() {
    let mut a = app(stories_of_all_sizes(), 200, 30);
    press(&mut a, &["c", "s"]);
    let shown = picker(&a).shown;
    for (i, &story) in shown.iter().enumerate() {
        // The picker opens on the current story: from the top, i down.
        press(&mut a, &["s"]);
        for _ in 0..shown.len() {
            press(&mut a, &["<up>"]);
        }
        for _ in 0..i {
            press(&mut a, &["<down>"]);
        }
        press(&mut a, &["<enter>"]);
        assert_eq!(a.compare.as_ref().map(|c| c.story), Some(story));
        let top = screen(&a).lines().next().unwrap_or_default().to_string();
        let want = format!(" story {} of {} ", i + 1, shown.len());
        assert!(top.contains(&want), "{want:?} in {top:?}");
    }
}

#[test]
fn the_key_back_to_the_comparison_stays_on_the_status_line_at_80_columns() {
    for w in [80u16, 100, 120] {
        let mut a = app(sample(), w, 24);
        press(&mut a, &["c", "<enter>"]);
        let s = status(&a);
        assert!(s.contains("report: ") && s.contains("c compare"), "{w}: {s}");
        assert!(s.contains("? help") && s.contains("q quit"), "{w}: {s}");
    }
}

#[test]
fn help_from_the_comparison_opens_at_its_keys() {
    let mut a = app(sample(), 100, 30);
    press(&mut a, &["c", "?"]);
    let s = screen(&a);
    let popup_top = s.lines().find(|l| l.contains("╭ Keys")).map(str::to_string);
    let next = s.lines().skip_while(|l| !l.contains("╭ Keys")).nth(1).unwrap_or_default();
    assert!(next.contains("Comparison view"), "{popup_top:?}\n{s}");
    assert!(s.contains("next fact"), "{s}");
    // From the list, the top: the legend first.
    press(&mut a, &["<esc>", "<esc>", "?"]);
    let s = screen(&a);
    let next = s.lines().skip_while(|l| !l.contains("╭ Keys")).nth(1).unwrap_or_default();
    assert!(next.contains("Mentions in the reader"), "{s}");
}

#[test]
fn the_way_back_and_help_stay_on_the_status_line_of_the_comparison() {
    for w in [40u16, 60, 80, 120] {
        let mut a = app(sample(), w, 24);
        press(&mut a, &["c"]);
        let s = status(&a);
        assert!(s.contains("Esc back") && s.contains("? help"), "{w}: {s:?}");
    }
}
