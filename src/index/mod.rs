//! Entity resolution across the corpus: mentions that name the same thing
//! become one [`Entity`] with a canonical name, its aliases and all its
//! mentions. General mechanisms only — normalised spelling, name
//! containment, acronyms, article and transliteration variants, surnames,
//! kind agreement — never a table of particular names.
//!
//! Dates and numbers are values, not entities: they are not resolved here.

mod blocking;
pub mod names;

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::analysis::{Kind, Mention};
use names::{alike, article_tail, core, initials, is_acronym, translated, words};

/// One article's text and the mentions found in it.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub body: &'a str,
    pub mentions: &'a [Mention],
}

/// Where a mention is: the article's position in the input, and the index of
/// the mention in that article's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionRef {
    pub article: usize,
    pub mention: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// "e1", "e2", …: by mention count, then name, so stable for a corpus.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// Other surface forms, most frequent first; the name itself excluded.
    pub aliases: Vec<String>,
    /// In article order, then text order.
    pub mentions: Vec<MentionRef>,
    /// Positions of the articles it is mentioned in, in input order.
    pub articles: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub entities: Vec<Entity>,
    /// For each article, for each of its mentions, the entity it names.
    pub entity_of: Vec<Vec<Option<usize>>>,
}

impl Index {
    pub fn entity_of(&self, at: MentionRef) -> Option<&Entity> {
        let e = (*self.entity_of.get(at.article)?.get(at.mention)?)?;
        self.entities.get(e)
    }
}

fn is_name(kind: Kind) -> bool {
    matches!(kind, Kind::Person | Kind::Org | Kind::Place | Kind::Group)
}

/// Kinds one name may carry when taggers disagree about it: an organisation
/// and a place are often the same building or body ("the Pentagon").
fn kind_class(kind: Kind) -> u8 {
    match kind {
        Kind::Person => 0,
        Kind::Org | Kind::Place => 1,
        Kind::Group => 2,
        Kind::Date | Kind::Number => 3,
    }
}

/// A distinct name in the corpus: its normalised words within a kind class.
#[derive(Debug)]
struct Node {
    class: u8,
    words: Vec<String>,
    core: Vec<String>,
    kinds: BTreeMap<Kind, usize>,
    surfaces: BTreeMap<String, usize>,
    mentions: Vec<MentionRef>,
}

impl Node {
    fn kind(&self) -> Kind {
        let mut best = (Kind::Org, 0);
        for (&k, &n) in &self.kinds {
            if n > best.1 {
                best = (k, n);
            }
        }
        best.0
    }

    fn acronym(&self) -> bool {
        self.words.len() == 1 && self.surfaces.keys().any(|s| is_acronym(s))
    }
}

pub fn resolve(docs: &[Doc<'_>]) -> Index {
    let mut nodes: Vec<Node> = Vec::new();
    let mut by_key: HashMap<(u8, Vec<String>), usize> = HashMap::new();
    for (a, doc) in docs.iter().enumerate() {
        for (m, mention) in doc.mentions.iter().enumerate() {
            if !is_name(mention.kind) {
                continue;
            }
            let Some(surface) = doc.body.get(mention.start..mention.end) else { continue };
            let ws = words(surface);
            if ws.is_empty() {
                continue;
            }
            let kind = names::kind_by_head(&ws).unwrap_or(mention.kind);
            let class = kind_class(kind);
            let core_words = core(&ws, kind);
            let key = (class, core_words.clone());
            let id = *by_key.entry(key).or_insert_with(|| {
                nodes.push(Node {
                    class,
                    words: ws.clone(),
                    core: core_words,
                    kinds: BTreeMap::new(),
                    surfaces: BTreeMap::new(),
                    mentions: Vec::new(),
                });
                nodes.len() - 1
            });
            let node = &mut nodes[id];
            *node.kinds.entry(kind).or_default() += 1;
            *node.surfaces.entry(surface.trim().to_string()).or_default() += 1;
            let at = MentionRef { article: a, mention: m };
            // Each mention is in exactly one node's list: that list is the
            // mention's node (no map from mention to node, which took a
            // hash entry of some 30 bytes per name mentioned).
            node.mentions.push(at);
        }
    }

    let mut sets = UnionFind::new(nodes.len());
    merge_variants(&nodes, &mut sets);
    let reassigned = surnames(docs, &nodes, &mut sets);
    build(docs, &mut sets, nodes, &reassigned)
}

/// Merge nodes that are spellings, acronyms or shortened forms of another.
/// A shorter form that fits several longer names is ambiguous and is left
/// alone, so "Army" never chains "U.S. Army" to "Israeli Army".
fn merge_variants(nodes: &[Node], sets: &mut UnionFind) {
    // Words that name a place or a group somewhere in the corpus: they may
    // qualify an organisation's name ("U.S. Central Command", "Lebanese Hezbollah").
    let modifiers: HashSet<&[String]> = nodes
        .iter()
        .filter(|n| n.class != 0 && matches!(n.kind(), Kind::Place | Kind::Group))
        .map(|n| n.words.as_slice())
        .collect();
    // Only names that share a key can be variants (blocking.rs), so each
    // name is compared with a few others, not with all of them.
    let blocks = blocking::Blocks::new(nodes);
    for (i, short) in nodes.iter().enumerate() {
        if short.class == 0 {
            continue;
        }
        let candidates: Vec<usize> = blocks
            .candidates(i, short)
            .into_iter()
            .filter(|&j| {
                let long = &nodes[j];
                long.class == short.class
                    && (variant_of(short, long)
                        || (long.core.len() > short.core.len()
                            && qualified(short, long, &modifiers)))
            })
            .collect();
        let roots: HashSet<usize> = candidates.iter().map(|&j| sets.find(j)).collect();
        if roots.len() == 1 {
            for j in candidates {
                sets.union(i, j);
            }
        }
    }
}

/// `short` names the same thing as `long` by spelling, acronym or an
/// article-and-tail form.
fn variant_of(short: &Node, long: &Node) -> bool {
    alike(&short.core, &long.core)
        || (short.acronym() && initials(&long.words).is_some_and(|i| i == short.words[0]))
        || article_tail(&short.core, &long.words)
        || translated(&short.core, &long.core)
}

/// `long` is `short` with qualifiers in front that each name a place or a
/// group: "U.S. Central Command" for "Central Command". "Kataib Hezbollah" is
/// not "Hezbollah": "Kataib" names no place or group.
fn qualified(short: &Node, long: &Node, modifiers: &HashSet<&[String]>) -> bool {
    let extra = long.core.len() - short.core.len();
    long.core[extra..] == short.core[..]
        && (0..extra).all(|i| {
            modifiers.contains(&long.core[i..=i])
                || (i == 0 && modifiers.contains(&long.core[..extra]))
        })
}

/// A lone surname ("Austin") names the person of that surname mentioned in
/// full ("Lloyd Austin") — in the same article when several people share it,
/// and even when the tagger took it for a place or an organisation, unless
/// it stands as a place in "Austin, Texas". Returns mentions moved from their
/// own node to a person's.
fn surnames(docs: &[Doc<'_>], nodes: &[Node], sets: &mut UnionFind) -> HashMap<MentionRef, usize> {
    let mut full_by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.class == 0 && n.words.len() >= 2 {
            full_by_surname.entry(n.words[n.words.len() - 1].as_str()).or_default().push(i);
        }
    }
    let mut moved = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.words.len() != 1 {
            continue;
        }
        let Some(people) = full_by_surname.get(n.words[0].as_str()) else { continue };
        let roots: HashSet<usize> = people.iter().map(|&p| sets.find(p)).collect();
        for &at in &n.mentions {
            let doc = &docs[at.article];
            let mention = &doc.mentions[at.mention];
            if mention.kind != Kind::Person && followed_by_place(doc, at.mention) {
                continue;
            }
            // The people of that surname named in full in this article.
            let here: HashSet<usize> = people
                .iter()
                .filter(|&&p| nodes[p].mentions.iter().any(|m| m.article == at.article))
                .map(|&p| sets.find(p))
                .collect();
            let target = match (here.len(), roots.len()) {
                (1, _) => here.into_iter().next(),
                (0, 1) if n.class == 0 => roots.iter().next().copied(),
                _ => None,
            };
            if let Some(t) = target {
                if n.class == 0 && roots.len() == 1 {
                    sets.union(i, t);
                } else {
                    moved.insert(at, t);
                }
            }
        }
    }
    moved
}

/// "Austin, Texas": the mention is followed by a comma and a place.
fn followed_by_place(doc: &Doc<'_>, m: usize) -> bool {
    let end = doc.mentions[m].end;
    doc.mentions.get(m + 1).is_some_and(|next| {
        next.kind == Kind::Place
            && doc.body.get(end..next.start).is_some_and(|gap| gap.trim() == ",")
    })
}

fn build(
    docs: &[Doc<'_>],
    sets: &mut UnionFind,
    nodes: Vec<Node>,
    moved: &HashMap<MentionRef, usize>,
) -> Index {
    // Group mentions by the root of their node (or the person they moved
    // to); each node is let go once its mentions are grouped.
    let mut groups: BTreeMap<usize, Vec<MentionRef>> = BTreeMap::new();
    for (node, n) in nodes.into_iter().enumerate() {
        for at in n.mentions {
            let root = sets.find(moved.get(&at).copied().unwrap_or(node));
            groups.entry(root).or_default().push(at);
        }
    }
    let mut entities: Vec<Entity> = groups
        .into_values()
        .map(|mut mentions| {
            mentions.sort();
            let mut kinds: BTreeMap<Kind, usize> = BTreeMap::new();
            let mut surfaces: HashMap<&str, usize> = HashMap::new();
            for at in &mentions {
                let m = &docs[at.article].mentions[at.mention];
                if let Some(s) = docs[at.article].body.get(m.start..m.end) {
                    let kind = names::kind_by_head(&words(s)).unwrap_or(m.kind);
                    *kinds.entry(kind).or_default() += 1;
                    *surfaces.entry(s.trim()).or_default() += 1;
                }
            }
            let kind =
                kinds.iter().max_by_key(|&(k, n)| (*n, std::cmp::Reverse(*k))).map(|(k, _)| *k);
            let name = canonical(&surfaces);
            let mut aliases: Vec<(&str, usize)> =
                surfaces.into_iter().filter(|(s, _)| *s != name).collect();
            aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut articles: Vec<usize> = mentions.iter().map(|m| m.article).collect();
            articles.dedup();
            Entity {
                id: String::new(),
                name,
                kind: kind.unwrap_or(Kind::Org),
                aliases: aliases.into_iter().map(|(s, _)| s.to_string()).collect(),
                mentions,
                articles,
            }
        })
        .collect();
    entities
        .sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name)));
    let mut entity_of: Vec<Vec<Option<usize>>> =
        docs.iter().map(|d| vec![None; d.mentions.len()]).collect();
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
        for m in &e.mentions {
            entity_of[m.article][m.mention] = Some(i);
        }
    }
    Index { entities, entity_of }
}

/// The name to show for an entity: a full form (most words) that is written
/// with capitals, then the most frequent.
fn canonical(surfaces: &HashMap<&str, usize>) -> String {
    surfaces
        .iter()
        .max_by_key(|&(s, n)| {
            let words = s.split_whitespace().count();
            let capitalised =
                s.split_whitespace().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
            (words.min(4), capitalised, *n, std::cmp::Reverse(*s))
        })
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// Disjoint sets over node indices.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root, so results do not depend on order of unions.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Resolve the entities of a whole analysed corpus (`analyses[i]` is the
/// analysis of `articles[i]`).
pub fn of_corpus(
    articles: &[crate::corpus::Article],
    analyses: &[crate::analysis::Analysis],
) -> Index {
    let docs: Vec<Doc<'_>> = articles
        .iter()
        .zip(analyses)
        .map(|(a, an)| Doc { body: &a.body, mentions: &an.mentions })
        .collect();
    resolve(&docs)
}
