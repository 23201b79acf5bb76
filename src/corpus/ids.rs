//! Article ids: unique in the corpus and stable across runs. An id is the
//! file stem (with the item's position for files holding several articles);
//! when two sources share one, the later in path order gets a short hash of
//! its path, which does not change while the file stays where it is.

use crate::hash::fnv1a;
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

/// Hands out ids in path order: call [`Ids::next`] for each article,
/// sorted by path and then position in its file.
#[derive(Debug, Default)]
pub struct Ids {
    // foldhash: every article's id is looked up here once.
    taken: HashSet<String, foldhash::fast::RandomState>,
}

impl Ids {
    pub fn next(&mut self, path: &Path, index: Option<usize>) -> String {
        let stem = path.file_stem().map_or(Cow::Borrowed("article"), |s| s.to_string_lossy());
        let base = match index {
            Some(i) => format!("{stem}-{i}"),
            None => stem.into_owned(),
        };
        let mut id = base.clone();
        let mut salt = 0u32;
        while !self.taken.insert(id.clone()) {
            let key = format!("{}#{:?}#{salt}", path.to_string_lossy(), index);
            id = format!("{base}-{:08x}", fnv1a(key.as_bytes()) as u32);
            salt += 1;
        }
        id
    }
}
