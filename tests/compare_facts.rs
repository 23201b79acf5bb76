//! Facts line up reports of one happening, never sentences that merely
//! share a word; differences are found and named; "only this outlet" is
//! only said where no other article states it. Articles are written here,
//! given to the analysis and compared as one story.

use std::path::PathBuf;

use dateline::compare::{self, Fact, Params, Status};
use dateline::corpus::Article;
use dateline::{analysis, corpus};

fn article(id: &str, outlet: &str, sentences: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        path: PathBuf::from(format!("{id}.txt")),
        title: sentences[0].to_string(),
        outlet: Some(outlet.to_string()),
        date: chrono::NaiveDate::from_ymd_opt(2024, 8, 6),
        url: None,
        author: None,
        body: sentences.join("\n\n"),
    }
}

/// The facts of the articles compared as one story.
fn facts(articles: &[Article]) -> Vec<(Fact, Vec<String>)> {
    let analyses = analysis::analyze_all(articles);
    let given = Some(vec![(0..articles.len()).collect()]);
    let c = compare::compare_with(articles, &analyses, &Params { given, ..Params::default() });
    c.stories[0]
        .facts
        .iter()
        .map(|f| {
            let texts = f
                .reports
                .iter()
                .map(|r| articles[r.article].body[r.start..r.end].to_string())
                .collect();
            (f.clone(), texts)
        })
        .collect()
}

fn row_with<'a>(
    facts: &'a [(Fact, Vec<String>)],
    words: &[&str],
) -> Option<&'a (Fact, Vec<String>)> {
    facts.iter().find(|(f, texts)| {
        f.reports.len() >= 2 && words.iter().all(|w| texts.iter().any(|t| t.contains(w)))
    })
}

fn story() -> Vec<Article> {
    vec![
        article(
            "a",
            "Wire",
            &[
                "Rocket attack injures several US troops at Iraqi air base",
                "Several US troops were injured on Monday when rockets struck the Harbour air base in western Iraq, officials said.",
                "It was not immediately clear who was responsible for the attack.",
                "Israel is suspected of carrying out the assassination of a militant leader in Tehran last week.",
                "The base hosts about 2,500 troops from several countries.",
            ],
        ),
        article(
            "b",
            "Daily",
            &[
                "As many as seven US troops injured in rocket strike on Harbour air base",
                "As many as seven US troops were injured on Monday in a suspected rocket attack on the Harbour air base in Iraq.",
                "The Pentagon blamed militias aligned with Iran for the rocket attack.",
                "A heavy storm flooded the port of Basra on Sunday, cutting power to thousands of homes.",
            ],
        ),
        article(
            "c",
            "Herald",
            &[
                "US troops hurt in rocket attack on Iraqi air base",
                "Several US troops were injured in a rocket attack on the Harbour air base in Iraq on Monday.",
                "Defence officials blamed militias aligned with Iran for the attack.",
                "Fans queued overnight for tickets to the final of the national football cup in Madrid.",
            ],
        ),
    ]
}

#[test]
fn reports_of_one_happening_line_up_and_their_counts_differ() {
    let f = facts(&story());
    let (injured, texts) = row_with(&f, &["injured", "As many as seven", "Several"])
        .expect("the injured reports in one row");
    assert_eq!(injured.reports.len(), 3, "{texts:?}");
    assert_eq!(injured.status, Status::Differ);
    let d = injured.differs.as_deref().unwrap_or("").to_lowercase();
    assert!(d.contains("several") && d.contains("as many as seven"), "{d}");
}

#[test]
fn sharing_a_word_is_not_stating_a_fact() {
    let f = facts(&story());
    // "suspected rocket attack" and "suspected of carrying out the
    // assassination" share "suspected"; a storm and a football final share
    // nothing with the attack but the story.
    for (fact, texts) in f.iter().filter(|(f, _)| f.reports.len() >= 2) {
        let assassination = texts.iter().any(|t| t.contains("assassination"));
        let injured = texts.iter().any(|t| t.contains("injured"));
        assert!(!(assassination && injured), "{:?}: {texts:?}", fact.label);
        assert!(!texts.iter().any(|t| t.contains("storm") || t.contains("football")), "{texts:?}");
    }
}

#[test]
fn a_row_holds_one_report_per_article() {
    for (fact, _) in facts(&story()) {
        let mut arts: Vec<usize> = fact.reports.iter().map(|r| r.article).collect();
        arts.sort_unstable();
        arts.dedup();
        assert_eq!(arts.len(), fact.reports.len(), "{}", fact.label);
    }
}

#[test]
fn who_is_responsible_lines_up_and_differs() {
    let f = facts(&story());
    let (who, texts) = f
        .iter()
        .find(|(_, t)| t.iter().any(|s| s.contains("not immediately clear who")))
        .filter(|(f, _)| f.reports.len() >= 2)
        .expect("the attribution row");
    assert!(texts.iter().any(|t| t.contains("blamed")), "{texts:?}");
    assert_eq!(who.status, Status::Differ);
    let d = who.differs.as_deref().unwrap_or("");
    assert!(d.contains("blamed") && d.contains("not immediately clear"), "{d}");
}

#[test]
fn only_this_outlet_is_said_only_of_what_no_other_states() {
    let f = facts(&story());
    let singles: Vec<&Vec<String>> =
        f.iter().filter(|(f, _)| f.status == Status::Single).map(|(_, t)| t).collect();
    for t in &singles {
        assert!(!t[0].contains("injured") && !t[0].contains("blamed"), "{t:?}");
    }
    // The storm and the football final are each one outlet's alone.
    assert!(singles.iter().any(|t| t[0].contains("storm")), "{singles:?}");
    assert!(singles.iter().any(|t| t[0].contains("football")), "{singles:?}");
}

#[test]
fn labels_are_the_reports_own_words() {
    for (fact, texts) in facts(&story()) {
        if fact.label == "who is responsible" {
            continue;
        }
        let words: Vec<&str> = fact.label.split_whitespace().collect();
        assert!(words.len() >= 2, "a lone word: {:?}", fact.label);
        assert!(
            texts.iter().any(|t| t.contains(&fact.label)),
            "{:?} is not a run of {texts:?}",
            fact.label
        );
    }
}

#[test]
fn disputes_come_first_and_singles_last() {
    let f = facts(&story());
    let rank = |s: Status| match s {
        Status::Differ => 0,
        Status::Agree => 1,
        Status::Single => 2,
    };
    let ranks: Vec<u8> = f.iter().map(|(f, _)| rank(f.status)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
}

#[test]
fn the_sample_story_names_its_differences() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let corpus = corpus::load(&[dir]);
    let analyses = analysis::analyze_all(&corpus.articles);
    let c = compare::compare(&corpus.articles, &analyses);
    let story = &c.stories[0];
    let differs: Vec<&str> = story.facts.iter().filter_map(|f| f.differs.as_deref()).collect();
    assert!(differs.iter().any(|d| d.contains("as many as seven")), "{differs:?}");
    assert!(differs.iter().any(|d| d.contains("blamed") && d.contains("clear who")), "{differs:?}");
}
