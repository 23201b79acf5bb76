//! The README stays true: every key the reader binds is documented there.

#[test]
fn readme_documents_every_bound_key() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let keymap =
        std::fs::read_to_string(format!("{root}/src/tui/keymap-default.toml")).expect("keymap");
    let table: toml::Table = keymap.parse().expect("keymap parses");
    let mut checked = 0;
    for (context, entries) in &table {
        for entry in entries.as_array().expect("a list of bindings") {
            let help = entry["help"].as_str().expect("help text");
            let row = readme
                .lines()
                .find(|l| l.starts_with("| `") && l.ends_with(&format!("| {help} |")));
            assert!(row.is_some(), "README lacks the {context} binding {help:?}");
            checked += 1;
        }
    }
    assert!(checked > 20, "the keymap was read ({checked} bindings)");
}

/// The README's capture of the comparison view is the view test's snapshot,
/// so the picture cannot drift from what the reader draws.
#[test]
fn readme_comparison_capture_is_the_snapshot() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).expect("README");
    let snap =
        std::fs::read_to_string(format!("{root}/tests/snapshots/tui_view__compare_100x30.snap"))
            .expect("snapshot");
    let screen = snap.splitn(3, "---\n").nth(2).expect("snapshot body").trim_end();
    assert!(
        readme.contains(screen),
        "paste tests/snapshots/tui_view__compare_100x30.snap into README.md"
    );
}
