//! The sample articles (sample-data/, issue 14): the Iraqi armed group is an
//! organisation under both of its names, and one entity; no weekday or
//! function word is a name.
use std::path::PathBuf;

use dateline::analysis::{self, Kind};
use dateline::{corpus, index};

fn sample() -> (corpus::Corpus, Vec<analysis::Analysis>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let corpus = corpus::load(&[dir]);
    let analyses = corpus.articles.iter().map(|a| analysis::analyze(&a.body, a.date)).collect();
    (corpus, analyses)
}

#[test]
fn kataib_hezbollah_is_an_org_and_the_hezbollah_brigades_the_same_entity() {
    let (corpus, analyses) = sample();
    let mut kataib = 0;
    for (a, an) in corpus.articles.iter().zip(&analyses) {
        for m in &an.mentions {
            if &a.body[m.start..m.end] == "Kataib Hezbollah" {
                assert_eq!(m.kind, Kind::Org, "in {}", a.path.display());
                kataib += 1;
            }
        }
    }
    assert!(kataib >= 3, "Kataib Hezbollah found {kataib} times");
    let ix = index::of_corpus(&corpus.articles, &analyses);
    let e = ix.entities.iter().find(|e| {
        e.name == "Kataib Hezbollah" || e.aliases.iter().any(|a| a == "Kataib Hezbollah")
    });
    let e = e.expect("an entity for Kataib Hezbollah");
    assert_eq!(e.kind, Kind::Org);
    assert!(
        e.name == "Hezbollah Brigades" || e.aliases.iter().any(|a| a == "Hezbollah Brigades"),
        "{e:?}"
    );
}

#[test]
fn no_weekday_or_function_word_is_a_name() {
    let (corpus, analyses) = sample();
    let bad = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "He",
        "She",
        "They",
        "It",
        "This",
        "That",
        "However",
        "U",
    ];
    for (a, an) in corpus.articles.iter().zip(&analyses) {
        for m in &an.mentions {
            let t = &a.body[m.start..m.end];
            let named = matches!(m.kind, Kind::Person | Kind::Org | Kind::Place | Kind::Group);
            assert!(
                !(named && bad.contains(&t)),
                "{t:?} is a {:?} in {}",
                m.kind,
                a.path.display()
            );
        }
    }
}
