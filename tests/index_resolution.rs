//! Resolution across articles: each alias pattern becomes one entity, and
//! things that only look alike stay apart. Sentences written for the tests;
//! mentions placed by hand, as a recogniser would give them.

use dateline::analysis::{Kind, Mention};
use dateline::index::{Doc, Index, resolve};

/// An article body and mentions given as (surface, kind), found in order.
struct Article {
    body: String,
    mentions: Vec<Mention>,
}

fn article(body: &str, marks: &[(&str, Kind)]) -> Article {
    let mut from = 0;
    let mentions = marks
        .iter()
        .map(|(surface, kind)| {
            let start = from + body[from..].find(surface).expect("surface in body");
            from = start + surface.len();
            Mention { start, end: from, kind: *kind }
        })
        .collect();
    Article { body: body.to_string(), mentions }
}

fn index(articles: &[Article]) -> Index {
    let docs: Vec<Doc> =
        articles.iter().map(|a| Doc { body: &a.body, mentions: &a.mentions }).collect();
    resolve(&docs)
}

/// The entity named by the mention `surface` in article `a`.
fn entity_of(ix: &Index, arts: &[Article], a: usize, surface: &str) -> usize {
    let m = arts[a]
        .mentions
        .iter()
        .position(|m| &arts[a].body[m.start..m.end] == surface)
        .expect("mention");
    ix.entity_of[a][m].expect("resolved")
}

use Kind::*;

#[test]
fn person_full_name_surname_and_title() {
    let arts = [
        article(
            "Defence chief Lloyd Austin flew to Oslo.",
            &[("Lloyd Austin", Person), ("Oslo", Place)],
        ),
        article("Austin said the talks went well.", &[("Austin", Person)]),
        article(
            "Secretary Lloyd Austin met envoys. Austin left.",
            &[("Lloyd Austin", Person), ("Austin", Place)],
        ),
    ];
    let ix = index(&arts);
    let e = entity_of(&ix, &arts, 0, "Lloyd Austin");
    assert_eq!(entity_of(&ix, &arts, 1, "Austin"), e);
    assert_eq!(entity_of(&ix, &arts, 2, "Austin"), e, "a surname mistaken for a place");
    assert_eq!(ix.entities[e].name, "Lloyd Austin");
    assert_eq!(ix.entities[e].kind, Person);
    assert_eq!(ix.entities[e].mentions.len(), 4);
    assert_eq!(ix.entities[e].articles, [0, 1, 2]);
}

#[test]
fn austin_texas_is_not_lloyd_austin() {
    let arts = [
        article("Lloyd Austin spoke.", &[("Lloyd Austin", Person)]),
        article("Flooding hit Austin, Texas, on Friday.", &[("Austin", Place), ("Texas", Place)]),
    ];
    let ix = index(&arts);
    assert_ne!(entity_of(&ix, &arts, 0, "Lloyd Austin"), entity_of(&ix, &arts, 1, "Austin"));
    assert_eq!(ix.entities[entity_of(&ix, &arts, 1, "Austin")].kind, Place);
}

#[test]
fn base_named_four_ways_is_one_place() {
    let arts = [
        article("Rockets struck Al-Asad air base overnight.", &[("Al-Asad air base", Place)]),
        article("Crews at Al Asad Airbase checked runways.", &[("Al Asad Airbase", Place)]),
        article(
            "Troops at Ain al-Asad base sheltered. Later al-Asad was calm.",
            &[("Ain al-Asad base", Place), ("al-Asad", Place)],
        ),
    ];
    let ix = index(&arts);
    let e = entity_of(&ix, &arts, 0, "Al-Asad air base");
    for (a, s) in [(1, "Al Asad Airbase"), (2, "Ain al-Asad base"), (2, "al-Asad")] {
        assert_eq!(entity_of(&ix, &arts, a, s), e, "{s}");
    }
    let mut names: Vec<&str> = ix.entities[e].aliases.iter().map(String::as_str).collect();
    names.push(&ix.entities[e].name);
    names.sort();
    assert_eq!(names, ["Ain al-Asad base", "Al Asad Airbase", "Al-Asad air base", "al-Asad"]);
}

#[test]
fn acronym_and_full_name() {
    let arts = [
        article(
            "Officials told the Daily Caller News Foundation on Monday.",
            &[("Daily Caller News Foundation", Org)],
        ),
        article("A spokesman told the DCNF later.", &[("DCNF", Org)]),
    ];
    let ix = index(&arts);
    assert_eq!(
        entity_of(&ix, &arts, 0, "Daily Caller News Foundation"),
        entity_of(&ix, &arts, 1, "DCNF")
    );
    assert_eq!(ix.entities.len(), 1);
    assert_eq!(ix.entities[0].name, "Daily Caller News Foundation");
}

#[test]
fn qualified_command_and_short_form() {
    let arts = [
        article(
            "U.S. Central Command said U.S. jets flew.",
            &[("U.S. Central Command", Org), ("U.S.", Place)],
        ),
        article("Central Command confirmed the raid.", &[("Central Command", Org)]),
    ];
    let ix = index(&arts);
    assert_eq!(
        entity_of(&ix, &arts, 0, "U.S. Central Command"),
        entity_of(&ix, &arts, 1, "Central Command")
    );
    assert_ne!(entity_of(&ix, &arts, 0, "U.S."), entity_of(&ix, &arts, 1, "Central Command"));
}

#[test]
fn kataib_hezbollah_is_not_hezbollah() {
    let arts = [
        article("Kataib Hezbollah fired drones.", &[("Kataib Hezbollah", Org)]),
        article(
            "Hezbollah vowed to respond, and Lebanese officials agreed with Lebanese Hezbollah.",
            &[("Hezbollah", Org), ("Lebanese", Group), ("Lebanese Hezbollah", Org)],
        ),
    ];
    let ix = index(&arts);
    let kh = entity_of(&ix, &arts, 0, "Kataib Hezbollah");
    let h = entity_of(&ix, &arts, 1, "Hezbollah");
    assert_ne!(kh, h);
    assert_eq!(entity_of(&ix, &arts, 1, "Lebanese Hezbollah"), h, "a nationality qualifies a name");
}

#[test]
fn a_short_form_fitting_two_names_stays_alone() {
    let arts = [article(
        "U.S. officials said the U.S. Army and the Israeli Army trained; the Army said. Israeli leaders agreed.",
        &[
            ("U.S.", Place),
            ("U.S. Army", Org),
            ("Israeli Army", Org),
            ("Army", Org),
            ("Israeli", Group),
        ],
    )];
    let ix = index(&arts);
    let us = entity_of(&ix, &arts, 0, "U.S. Army");
    assert_ne!(us, entity_of(&ix, &arts, 0, "Israeli Army"));
    assert_ne!(us, entity_of(&ix, &arts, 0, "Army"));
}

#[test]
fn transliterations_and_kinds() {
    let arts = [
        article("Hezbollah and al-Qaeda were named.", &[("Hezbollah", Org), ("al-Qaeda", Org)]),
        article(
            "Hizballah and al-Qaida denied it. Iraq and Iran too.",
            &[("Hizballah", Org), ("al-Qaida", Org), ("Iraq", Place), ("Iran", Place)],
        ),
    ];
    let ix = index(&arts);
    let names: Vec<(&str, &Vec<String>)> =
        ix.entities.iter().map(|e| (e.name.as_str(), &e.aliases)).collect();
    assert_eq!(ix.entities.len(), 4, "{names:?}");
    assert_eq!(entity_of(&ix, &arts, 0, "Hezbollah"), entity_of(&ix, &arts, 1, "Hizballah"));
    assert_eq!(entity_of(&ix, &arts, 0, "al-Qaeda"), entity_of(&ix, &arts, 1, "al-Qaida"));
    assert_ne!(entity_of(&ix, &arts, 1, "Iraq"), entity_of(&ix, &arts, 1, "Iran"));
}

#[test]
fn ids_are_stable_and_values_are_not_entities() {
    let arts = [article(
        "On Monday seven people left Oslo.",
        &[("Monday", Date), ("seven", Number), ("Oslo", Place)],
    )];
    let a = index(&arts);
    let b = index(&arts);
    assert_eq!(a.entities, b.entities);
    assert_eq!(a.entities.len(), 1);
    assert_eq!(a.entity_of[0], [None, None, Some(0)]);
    assert_eq!(a.entities[0].id, "e1");
}
