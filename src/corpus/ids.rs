//! Article ids: unique in the corpus and stable across runs. An id is the
//! file stem (with the item's position for files holding several articles);
//! when two sources share one, the later in path order gets a short hash of
//! its path, which does not change while the file stays where it is.

use std::collections::HashSet;

use super::Article;
use super::read::Loaded;

pub fn assign(mut loaded: Vec<Loaded>) -> Vec<Article> {
    loaded.sort_by(|a, b| a.article.path.cmp(&b.article.path).then(a.index.cmp(&b.index)));
    let mut taken = HashSet::new();
    loaded
        .into_iter()
        .map(|l| {
            let mut article = l.article;
            let stem = article
                .path
                .file_stem()
                .map_or_else(|| "article".to_string(), |s| s.to_string_lossy().into_owned());
            let base = match l.index {
                Some(i) => format!("{stem}-{i}"),
                None => stem,
            };
            let mut id = base.clone();
            let mut salt = 0u32;
            while !taken.insert(id.clone()) {
                let key = format!("{}#{:?}#{salt}", article.path.to_string_lossy(), l.index);
                id = format!("{base}-{:08x}", fnv1a(key.as_bytes()) as u32);
                salt += 1;
            }
            article.id = id;
            article
        })
        .collect()
}

/// FNV-1a: a tiny hash whose value is fixed forever (unlike std's hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
