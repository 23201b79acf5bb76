//! Stories given from outside (`compare::Params::given`) replace the
//! clustering, so facts can be measured apart from story errors.

use std::collections::BTreeSet;
use std::path::PathBuf;

use dateline::compare::{self, Params};
use dateline::{analysis, corpus};

#[test]
fn given_stories_are_used_as_they_are() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let corpus = corpus::load(&[dir]);
    let n = corpus.articles.len();
    assert!(n >= 5, "the sample has five articles");
    let analyses = analysis::analyze_all(&corpus.articles);
    let sets = |c: &compare::Comparison| -> BTreeSet<BTreeSet<usize>> {
        c.stories.iter().map(|s| s.articles.iter().copied().collect()).collect()
    };

    // Clustering puts 000, 001 and 002 together; the given stories split
    // them, and join the other two, which clustering keeps apart.
    let given = vec![vec![0], vec![1, 2], vec![3, 4]];
    let c = compare::compare_with(
        &corpus.articles,
        &analyses,
        &Params { given: Some(given.clone()), ..Params::default() },
    );
    let want: BTreeSet<BTreeSet<usize>> =
        given.iter().map(|g| g.iter().copied().collect()).collect();
    assert_eq!(sets(&c), want);
    assert_ne!(sets(&compare::compare(&corpus.articles, &analyses)), want);
    // Facts follow the given stories: a story of one has no shared fact.
    let alone = c.stories.iter().find(|s| s.articles == [0]).expect("a story of one");
    assert!(alone.facts.iter().all(|f| f.reports.len() == 1));
}
