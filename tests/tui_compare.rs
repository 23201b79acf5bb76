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
    assert!(status(&a).contains("mention 1 of"), "{}", status(&a));
    press(&mut a, &["c", "<enter>"]);
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
            let v = &r.values[r.compared.expect("a compared value")];
            let value = a.corpus.articles[r.article].body[v.start..v.end].to_string();
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
