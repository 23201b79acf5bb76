//! The hostile input matrix: each case is one folder holding a good article
//! and the bad file; each ends with the bad file named in a warning that
//! says why (or, for text that is merely unusual, read correctly), and the
//! rest of the corpus loaded. Large inputs are made here at test time.

mod tui_support;

use std::fs;
use std::path::Path;

use dateline::analysis::analyze;
use dateline::corpus::{self, Corpus, Problem, Warning};

const GOOD: &str = "---\ntitle: Good one\ndate: 2024-01-02\n---\nA good article about a flood.\n";

/// A folder holding `good.md` and the given files, loaded.
fn load_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.md"), GOOD).expect("write");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, bytes).expect("write");
    }
    let c = corpus::load(&[dir.path().to_path_buf()]);
    (dir, c)
}

/// The one warning naming `name`, whose text also names the file.
fn warning_for<'a>(c: &'a Corpus, name: &str) -> &'a Warning {
    let hits: Vec<_> = c.warnings.iter().filter(|w| w.path.ends_with(name)).collect();
    assert_eq!(hits.len(), 1, "one warning for {name}: {:?}", c.warnings);
    assert!(hits[0].to_string().contains(name), "the message names the file: {}", hits[0]);
    hits[0]
}

fn assert_rest_loaded(c: &Corpus) {
    assert!(c.articles.iter().any(|a| a.title == "Good one"), "the good file loads: {c:?}");
}

fn article_from<'a>(c: &'a Corpus, name: &str) -> &'a corpus::Article {
    c.articles
        .iter()
        .find(|a| a.path.ends_with(name))
        .unwrap_or_else(|| panic!("{name} loads: {:?}", c.warnings))
}

/// Every sentence, token, mention and value of `body` is a span inside it
/// on char boundaries.
fn assert_spans_sound(body: &str) -> dateline::analysis::Analysis {
    let a = analyze(body, None);
    let ok = |s: usize, e: usize| {
        s <= e && e <= body.len() && body.is_char_boundary(s) && body.is_char_boundary(e)
    };
    for t in &a.segmentation.tokens {
        assert!(ok(t.start, t.end), "token {t:?}");
    }
    for s in &a.segmentation.sentences {
        assert!(ok(s.start, s.end), "sentence {s:?}");
    }
    for m in &a.mentions {
        assert!(ok(m.start, m.end), "mention {m:?}");
    }
    for v in &a.values {
        assert!(ok(v.start, v.end), "value {v:?}");
    }
    a
}

#[test]
fn empty_file() {
    let (_d, c) = load_with(&[("empty.txt", b"")]);
    assert_eq!(warning_for(&c, "empty.txt").problem, Problem::Empty);
    assert_eq!(c.articles.len(), 1);
    assert_rest_loaded(&c);
}

#[test]
fn whitespace_only() {
    let (_d, c) = load_with(&[("blank.md", b"  \n\n\t\r\n \xC2\xA0\n")]);
    assert_eq!(warning_for(&c, "blank.md").problem, Problem::NoText);
    assert_eq!(c.articles.len(), 1);
    assert_rest_loaded(&c);
}

#[test]
fn binary_file_an_image() {
    // A whole 1×1 PNG, and a JPEG's first bytes, under text names.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";
    let jpeg: &[u8] =
        b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xdb\0C\0\x08\x06\x06";
    let (_d, c) = load_with(&[("photo.txt", png), ("scan.md", jpeg), ("photo.png", png)]);
    assert_eq!(warning_for(&c, "photo.txt").problem, Problem::Binary);
    assert_eq!(warning_for(&c, "scan.md").problem, Problem::Binary);
    assert_eq!(warning_for(&c, "photo.png").problem, Problem::Unsupported(Some("png".into())));
    assert_eq!(c.articles.len(), 1);
    assert_rest_loaded(&c);
}

#[test]
fn windows_1252_text() {
    let (_d, c) = load_with(&[("old.txt", b"Caf\xE9 owners said \x93prices rose\x94 \x96 again.")]);
    assert_eq!(warning_for(&c, "old.txt").problem, Problem::NotUtf8);
    assert_eq!(article_from(&c, "old.txt").body, "Café owners said “prices rose” – again.");
    assert_rest_loaded(&c);
}

#[test]
fn utf16_text_with_a_byte_order_mark() {
    let text = "Río Grande flooded in 東京 on Monday.";
    let le: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let other = "Big-endian: the dam held in Zürich.";
    let be: Vec<u8> =
        [0xFE, 0xFF].into_iter().chain(other.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let (_d, c) = load_with(&[("le.txt", &le), ("be.md", &be)]);
    // Nothing is wrong with it: read as written, no warning.
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(article_from(&c, "le.txt").body, text);
    assert_eq!(article_from(&c, "be.md").body, other);
    assert_rest_loaded(&c);
}

/// Paragraphs of plain newswire-like text, `bytes` long or a little more.
fn long_text(bytes: usize) -> String {
    let para = "Officials said on Monday that several U.S. personnel were injured in a \
                suspected rocket attack on Al Asad air base in western Iraq, and that an \
                assessment of the damage was under way.\n\n";
    para.repeat(bytes / para.len() + 1)
}

#[test]
fn a_50_mb_article() {
    let big = long_text(50_000_000);
    let (_d, c) = load_with(&[("huge.txt", big.as_bytes())]);
    let w = warning_for(&c, "huge.txt");
    assert!(matches!(w.problem, Problem::TooLong { .. }), "{w}");
    assert!(w.to_string().contains("50.0 MB"), "{w}");
    let a = article_from(&c, "huge.txt");
    assert!(a.body.len() <= corpus::MAX_ARTICLE_BYTES, "cut to the limit: {}", a.body.len());
    assert!(a.body.len() > corpus::MAX_ARTICLE_BYTES / 2, "most of the limit kept");
    assert!(
        a.body.ends_with("way."),
        "cut between paragraphs: …{:?}",
        &a.body[a.body.len() - 20..]
    );
    assert_rest_loaded(&c);
}

#[test]
fn an_oversized_json_item_is_cut_like_a_file() {
    let big = long_text(12_000_000);
    let json = serde_json::json!([{"title": "Huge", "body": big}, {"title": "Small", "body": "Short text."}]);
    let (_d, c) = load_with(&[("items.json", json.to_string().as_bytes())]);
    let w = warning_for(&c, "items.json");
    assert!(w.to_string().contains("item 1") && w.to_string().contains("12.0 MB"), "{w}");
    assert!(
        c.articles.iter().any(|a| a.title == "Huge" && a.body.len() <= corpus::MAX_ARTICLE_BYTES)
    );
    assert!(c.articles.iter().any(|a| a.title == "Small"));
    assert_rest_loaded(&c);
}

#[test]
fn a_1_mb_line_without_a_newline() {
    let words = "word ".repeat(210_000);
    let line = format!("The rocket attack on Monday {words}ended.");
    assert!(line.len() > 1_000_000 && !line.contains('\n'));
    let (_d, c) = load_with(&[("line.txt", line.as_bytes())]);
    // Unusual, not wrong: read whole, with a title of a sensible length.
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let a = article_from(&c, "line.txt");
    assert_eq!(a.body.len(), line.len());
    assert!(a.title.chars().count() <= 120, "title {:?}", a.title);
    assert_spans_sound(&a.body[..4096]);
    assert_rest_loaded(&c);
}

#[test]
fn malformed_yaml_front_matter() {
    let (_d, c) = load_with(&[(
        "bad.md",
        b"---\ntitle: [unclosed\ndate: : :\n---\nThe river rose overnight.\n",
    )]);
    let w = warning_for(&c, "bad.md").to_string();
    assert!(w.contains("malformed YAML front matter"), "{w}");
    assert_eq!(article_from(&c, "bad.md").body, "The river rose overnight.");
    assert_rest_loaded(&c);
}

#[test]
fn malformed_toml_front_matter() {
    let (_d, c) =
        load_with(&[("bad.txt", b"+++\ntitle = \ndate = 2024-13-45\n+++\nThe dam held.\n")]);
    let w = warning_for(&c, "bad.txt").to_string();
    assert!(w.contains("malformed TOML front matter"), "{w}");
    assert_eq!(article_from(&c, "bad.txt").body, "The dam held.");
    assert_rest_loaded(&c);
}

#[test]
fn front_matter_with_wrong_types_or_an_impossible_date() {
    let (_d, c) = load_with(&[
        (
            "types.md",
            b"---\ntitle: Fine\ndate: 2024-02-30\nauthor: [1, 2]\noutlet: {a: 1}\n---\nText.\n",
        ),
        ("toml.md", b"+++\ntitle = 42\ndate = \"2023-02-29\"\nurl = true\n+++\nMore text.\n"),
    ]);
    let w = warning_for(&c, "types.md").to_string();
    assert!(w.contains("2024-02-30") && w.contains("`author` is a list"), "{w}");
    let a = article_from(&c, "types.md");
    assert!(a.title == "Fine" && a.date.is_none() && a.outlet.is_none(), "{a:?}");
    let w = warning_for(&c, "toml.md").to_string();
    assert!(w.contains("2023-02-29") && w.contains("`url`"), "{w}");
    assert!(article_from(&c, "toml.md").date.is_none());
    assert_rest_loaded(&c);
}

#[test]
fn json_with_a_syntax_error() {
    let (_d, c) = load_with(&[("broken.json", b"{\"title\": \"x\", \"body\": ")]);
    let w = warning_for(&c, "broken.json").to_string();
    assert!(w.contains("invalid JSON") && w.contains("line 1"), "{w}");
    assert_rest_loaded(&c);
}

#[test]
fn json_with_wrong_types() {
    let (_d, c) = load_with(&[(
        "types.json",
        br#"[{"title": 5, "body": "Five."}, {"title": "No body", "body": 7}, "a string", {"body": "Ok.", "date": [2024]}]"#,
    )]);
    let w = warning_for(&c, "types.json").to_string();
    for part in ["item 2: no text", "item 3: not an article object", "item 4"] {
        assert!(w.contains(part), "{part} in {w}");
    }
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.contains(&"types-1") && ids.contains(&"types-4"), "{ids:?}");
    assert_rest_loaded(&c);
}

#[test]
fn json_items_that_are_all_boilerplate() {
    // Found by libFuzzer: an item whose text the boilerplate rules empty
    // was dropped without a word.
    let (_d, c) = load_with(&[
        ("one.json", br#"{"body": "One..e/N"}"#),
        ("many.json", br#"[{"body": "Skip to content"}, {"body": "A real article text."}]"#),
        ("lines.jsonl", b"{\"body\": \"Real text here.\"}\n{\"body\": \"One..e/N\"}\n"),
    ]);
    assert_eq!(warning_for(&c, "one.json").problem, Problem::NoText);
    assert!(warning_for(&c, "many.json").to_string().contains("item 1: no text"));
    assert!(warning_for(&c, "lines.jsonl").to_string().contains("line 2: no text"));
    assert_eq!(c.articles.len(), 3);
    assert_rest_loaded(&c);
}

#[test]
fn json_10000_levels_deep() {
    let arrays = "[".repeat(10_000) + &"]".repeat(10_000);
    let objects = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    let lines = format!("{objects}\n{{\"body\": \"A line that loads.\"}}\n");
    let (_d, c) = load_with(&[
        ("deep.json", arrays.as_bytes()),
        ("deeper.json", objects.as_bytes()),
        ("deep.jsonl", lines.as_bytes()),
    ]);
    for name in ["deep.json", "deeper.json"] {
        assert!(warning_for(&c, name).to_string().contains("invalid JSON"), "{name}");
    }
    assert!(warning_for(&c, "deep.jsonl").to_string().contains("line 1: invalid JSON"));
    assert!(c.articles.iter().any(|a| a.body == "A line that loads."));
    assert_rest_loaded(&c);
}

#[test]
fn deep_nesting_in_every_other_format() {
    let yaml =
        format!("---\ntitle: {}1{}\n---\nYAML body.\n", "[".repeat(10_000), "]".repeat(10_000));
    let toml =
        format!("+++\ntitle = {}1{}\n+++\nTOML body.\n", "[".repeat(10_000), "]".repeat(10_000));
    let html = format!(
        "<html><body>{}<p>Deep page text that is long enough to be an article, with several \
         words in it so that readability keeps it as the main text of the page.</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let rss = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>{}x{}</description></item></channel></rss>",
        "<b>".repeat(20_000),
        "</b>".repeat(20_000)
    );
    let (_d, c) = load_with(&[
        ("deep-yaml.md", yaml.as_bytes()),
        ("deep-toml.md", toml.as_bytes()),
        ("deep.html", html.as_bytes()),
        ("deep.rss", rss.as_bytes()),
    ]);
    for name in ["deep-yaml.md", "deep-toml.md"] {
        let w = warning_for(&c, name).to_string();
        assert!(w.contains("front matter"), "{w}");
        assert!(c.articles.iter().any(|a| a.path.ends_with(name)), "{name}'s text still loads");
    }
    // Pages and feeds either load or say why not; neither brings the process down.
    for name in ["deep.html", "deep.rss"] {
        let loaded = c.articles.iter().any(|a| a.path.ends_with(name));
        let warned = c.warnings.iter().any(|w| w.path.ends_with(name));
        assert!(loaded || warned, "{name}: neither loaded nor a reason");
    }
    assert_rest_loaded(&c);
}

#[test]
fn two_feeds_pasted_into_one_file() {
    // Found by the fuzzer: a second declaration naming another encoding made
    // the XML reader panic.
    let one = |title: &str| {
        format!(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>{title}</title>\
             <item><title>A</title><description>Entry text of {title}.</description></item></channel></rss>\n"
        )
    };
    let pasted = format!("{}{}", one("First"), one("Second"));
    let (_d, c) = load_with(&[("pasted.xml", pasted.as_bytes())]);
    let loaded = c.articles.iter().any(|a| a.path.ends_with("pasted.xml"));
    assert!(loaded || warning_for(&c, "pasted.xml").to_string().contains("feed"), "{c:?}");
    assert_rest_loaded(&c);
}

#[test]
fn yaml_alias_bomb() {
    // "Billion laughs": nine levels of nine aliases each.
    let mut y = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, next) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        y.push_str(&format!("{next}: &{next} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    y.push_str("title: Bomb\n---\nThe text under the bomb.\n");
    let (_d, c) = load_with(&[("bomb.md", y.as_bytes())]);
    assert!(warning_for(&c, "bomb.md").to_string().contains("front matter"));
    assert_eq!(article_from(&c, "bomb.md").body, "The text under the bomb.");
    assert_rest_loaded(&c);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop() {
    let (dir, _) = load_with(&[]);
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).expect("symlink");
    let c = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(warning_for(&c, "loop").problem, Problem::LinkLoop);
    assert!(matches!(warning_for(&c, "self.txt").problem, Problem::Unreadable(_)));
    assert_eq!(c.articles.len(), 1);
    assert_rest_loaded(&c);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = load_with(&[]);
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Secret text.").expect("write");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads any file whatever its mode; a file whose read fails for
    // everyone stands in for it: the kernel refuses reads of a process's
    // memory at address 0.
    let proc_mem = Path::new("/proc/self/mem");
    if proc_mem.exists() {
        std::os::unix::fs::symlink(proc_mem, dir.path().join("memory.txt")).expect("symlink");
    }
    let c = corpus::load(&[dir.path().to_path_buf()]);
    if fs::read(&locked).is_err() {
        assert!(matches!(warning_for(&c, "locked.txt").problem, Problem::Unreadable(_)));
    }
    if proc_mem.exists() {
        let w = warning_for(&c, "memory.txt");
        assert!(matches!(w.problem, Problem::Unreadable(_)), "{w}");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_rest_loaded(&c);
}

#[cfg(unix)]
#[test]
fn special_files_are_skipped_not_read() {
    // A named pipe would block a reader forever.
    let (dir, _) = load_with(&[]);
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here: nothing to check
    }
    let c = corpus::load(&[dir.path().to_path_buf(), fifo.clone()]);
    let hits: Vec<_> = c.warnings.iter().filter(|w| w.path.ends_with("pipe.txt")).collect();
    assert!(!hits.is_empty(), "{:?}", c.warnings);
    assert!(hits.iter().all(|w| w.problem == Problem::NotAFile), "{hits:?}");
    assert_rest_loaded(&c);
}

#[test]
fn a_folder_of_10000_empty_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.md"), GOOD).expect("write");
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    for i in 0..10_000 {
        fs::File::create(empty.join(format!("{i:05}.txt"))).expect("create");
    }
    let c = corpus::load(&[dir.path().to_path_buf()]);
    assert_eq!(c.warnings.len(), 10_000);
    assert!(c.warnings.iter().all(|w| w.problem == Problem::Empty));
    assert!(c.warnings[0].to_string().contains("00000.txt"), "{}", c.warnings[0]);
    assert_eq!(c.articles.len(), 1);
    assert_rest_loaded(&c);
}

#[test]
fn two_files_with_the_same_stem() {
    let (dir, c) = load_with(&[
        ("story.txt", b"The first story under this stem."),
        ("story.md", b"The second story under this stem."),
        ("more/story.txt", b"A third story under the same stem."),
        ("feed/story.jsonl", b"{\"body\":\"A fourth.\"}\n{\"body\":\"A fifth.\"}\n"),
    ]);
    // Nothing is wrong: every article loads, each with its own id.
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    let mut ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 6);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 6, "unique ids: {ids:?}");
    let again = corpus::load(&[dir.path().to_path_buf()]);
    let ids_again: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    let ids_first: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids_first, ids_again, "stable across runs");
    assert_rest_loaded(&c);
}

#[test]
fn right_to_left_and_mixed_script_text() {
    let arabic = "قال مسؤولون إن هجوما صاروخيا استهدف قاعدة عين الأسد في العراق يوم الاثنين.\n\n\
                  وأصيب عدد من الجنود الأمريكيين، حسب ما قالته وزارة الدفاع.";
    let hebrew = "---\ntitle: שלום עולם\noutlet: הארץ\n---\nהצבא האמריקני אמר כי Iraq ו-Iran \
                  נמצאים במתיחות. Lloyd Austin said 3 soldiers were hurt on 5 August 2024.";
    let mixed = "Al-Asad (عين الأسد) in Iraq, 東京 and Москва: officials in Baghdad said \
                 \u{202B}العراق\u{202C} was calm; CNN reported it on Monday.";
    let (_d, c) = load_with(&[
        ("arabic.txt", arabic.as_bytes()),
        ("hebrew.md", hebrew.as_bytes()),
        ("mixed.txt", mixed.as_bytes()),
    ]);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert!(article_from(&c, "arabic.txt").body.starts_with("قال"));
    let h = article_from(&c, "hebrew.md");
    assert_eq!((h.title.as_str(), h.outlet.as_deref()), ("שלום עולם", Some("הארץ")));
    for name in ["arabic.txt", "hebrew.md", "mixed.txt"] {
        assert_spans_sound(&article_from(&c, name).body);
    }
    let names = assert_spans_sound(&article_from(&c, "mixed.txt").body);
    assert!(!names.mentions.is_empty(), "names found among the scripts");
    // And the reader draws them.
    let a = tui_support::app(c.clone(), 80, 20);
    let screen = tui_support::screen(&a);
    assert!(screen.contains("Articles (4)"), "{screen}");
    assert_rest_loaded(&c);
}

#[test]
fn entities_next_to_multibyte_characters() {
    let body = "«Iraq» said Washington’s envoy. 東京Iraq, Iraq東京 and ‘Baghdad’ met—Al Asad—\
                in Zürich’s Hezbollah-run… “Lloyd Austin”: Iran’s 3 drones ½ hit Ｉｒａｑ 🚀Iran🚀.\n\n\
                Iraq\u{301} and e\u{301}Iraq and Iraq\u{200D}Iran, several hundred (≈300) injured.";
    let (_d, c) = load_with(&[("multi.txt", body.as_bytes())]);
    let a = article_from(&c, "multi.txt");
    let an = assert_spans_sound(&a.body);
    let texts: Vec<&str> = an.mentions.iter().map(|m| &a.body[m.start..m.end]).collect();
    assert!(texts.iter().any(|t| t.contains("Iraq")), "Iraq found: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("Lloyd Austin")), "{texts:?}");
    assert_rest_loaded(&c);
}
