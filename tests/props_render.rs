//! Any article, any terminal size from 1×1 to 300×100, any keys: drawing
//! never panics, and nothing that could drive the terminal reaches the
//! screen.

mod tui_support;

use dateline::corpus::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::App;
use dateline::tui::entities::Entities;
use dateline::tui::keymap::Keymap;
use dateline::tui::theme::Theme;
use proptest::prelude::*;
use tui_support::{article, buffer, press};

/// Text with what stresses wrapping, widths and spans: wide and combining
/// characters, emoji, controls and escapes, bidi, long words, blank lines.
fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. personnel were injured in Iraq. ".to_string()),
        Just("Lloyd Austin said several hundred ".to_string()),
        Just("東京で地震 ".to_string()),
        Just("👨\u{200D}👩\u{200D}👧🇺🇸 ".to_string()),
        Just("e\u{301}\u{302}\u{303} ".to_string()),
        Just("\x1b[2J\x1b]52;c;aGk=\x07".to_string()),
        Just("\u{202E}\u{2066}\u{200B}\u{FEFF}".to_string()),
        Just("\t\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("Supercalifragilisticexpialidocious".repeat(4)),
        "[A-Z][a-z]{0,8} ",
        "\\PC{0,20}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|v| v.concat())
}

fn corpus() -> impl Strategy<Value = Corpus> {
    let one = (
        text(4),
        prop::option::of(text(2)),
        prop::option::of((2000..2030i32, 1..13u32, 1..29u32)),
        text(30),
    );
    prop::collection::vec(one, 1..4).prop_map(|arts| Corpus {
        articles: arts
            .into_iter()
            .enumerate()
            .map(|(i, (title, outlet, date, body))| {
                article(&format!("a{i}"), &title, outlet.as_deref(), date, &body)
            })
            .collect(),
        warnings: vec![],
    })
}

const KEYS: [&str; 24] = [
    "j", "k", "<enter>", "<tab>", "E", "e", "c", "s", "?", "n", "N", "G", "g", "<pgdn>", "<pgup>",
    "<esc>", "/", "a", "h", "l", "<bs>", "<down>", "<up>", "q",
];

fn keys() -> impl Strategy<Value = Vec<&'static str>> {
    prop::collection::vec(prop::sample::select(KEYS.to_vec()), 0..24)
}

/// Draw `app` at its size and check every cell is safe to send.
fn draw_checked(app: &App) {
    let buf = buffer(app, &Theme::default());
    for cell in &buf.content {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c)),
            "cell {:?}",
            cell.symbol()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_article_at_any_size_in_any_view(
        corpus in corpus(),
        size in (1..=300u16, 1..=100u16),
        resized in (1..=300u16, 1..=100u16),
        keys in keys(),
    ) {
        let entities = Entities::of(&corpus.articles);
        let mut app = App::with_entities(corpus, entities, Keymap::default());
        app.update(Action::Resize(size.0, size.1));
        draw_checked(&app);
        for (i, k) in keys.iter().enumerate() {
            if app.quit {
                break;
            }
            press(&mut app, &[k]);
            if i == keys.len() / 2 {
                app.update(Action::Resize(resized.0, resized.1));
            }
            draw_checked(&app);
        }
    }
}

/// The corners of the size range, for every view, on the sample articles.
#[test]
fn every_view_at_the_extreme_sizes() {
    let views: [&[&str]; 8] = [
        &[],
        &["j", "<enter>", "G"],
        &["E"],
        &["e", "a"],
        &["c"],
        &["c", "s"],
        &["?", "j"],
        &["/", "x"],
    ];
    for (w, h) in [(1, 1), (1, 100), (300, 1), (300, 100), (2, 3), (13, 4), (71, 5), (150, 40)] {
        for keys in views {
            let mut app = tui_support::app(tui_support::sample(), w, h);
            press(&mut app, keys);
            draw_checked(&app);
        }
    }
}
