//! Recognition on sentences written for these tests (not from any data set).
use dateline::analysis::Kind;
use dateline::analysis::ner::Recognizer;
use dateline::analysis::segment::segment;

fn mentions(text: &str) -> Vec<(String, Kind)> {
    let seg = segment(text);
    let out = Recognizer::shared().recognize(text, &seg);
    for m in &out {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start < m.end);
    }
    out.iter().map(|m| (text[m.start..m.end].to_string(), m.kind)).collect()
}

fn has(ms: &[(String, Kind)], text: &str, kind: Kind) -> bool {
    ms.iter().any(|(t, k)| t == text && *k == kind)
}

#[test]
fn finds_people_places_orgs_groups() {
    let t = "Defense Secretary Maria Lindqvist flew to Nairobi on Tuesday to meet officials \
             from the United Nations and the World Bank.";
    let ms = mentions(t);
    assert!(has(&ms, "Maria Lindqvist", Kind::Person), "{ms:?}");
    assert!(has(&ms, "Nairobi", Kind::Place), "{ms:?}");
    assert!(has(&ms, "United Nations", Kind::Org), "{ms:?}");
    assert!(has(&ms, "World Bank", Kind::Org), "{ms:?}");
    // Titles and weekdays are never part of a name.
    assert!(!ms.iter().any(|(t, _)| t.contains("Secretary") || t.contains("Tuesday")), "{ms:?}");
}

#[test]
fn titles_are_cut_from_people() {
    let t =
        "President Tomas Ferreira said Mr. Ferreira would visit Germany. Gen. Ana Okafor agreed.";
    let ms = mentions(t);
    assert!(has(&ms, "Tomas Ferreira", Kind::Person), "{ms:?}");
    assert!(has(&ms, "Ferreira", Kind::Person), "{ms:?}");
    assert!(has(&ms, "Ana Okafor", Kind::Person), "{ms:?}");
    assert!(has(&ms, "Germany", Kind::Place), "{ms:?}");
    assert!(!ms.iter().any(|(t, _)| t.starts_with("Mr") || t.starts_with("Gen")), "{ms:?}");
}

#[test]
fn groups_are_nationalities_and_religions() {
    let t = "Iranian and Kurdish leaders met Shiite clerics in Baghdad.";
    let ms = mentions(t);
    assert!(has(&ms, "Iranian", Kind::Group), "{ms:?}");
    assert!(has(&ms, "Shiite", Kind::Group), "{ms:?}");
    assert!(has(&ms, "Baghdad", Kind::Place), "{ms:?}");
}

#[test]
fn weekdays_months_and_function_words_are_not_names() {
    let t =
        "On Monday the council met again. In March, They said nothing. However, Friday was calm.";
    let ms = mentions(t);
    for (text, _) in &ms {
        for bad in ["Monday", "March", "They", "However", "Friday", "On", "In"] {
            assert_ne!(text, bad, "{ms:?}");
        }
    }
}

#[test]
fn multibyte_names_and_empty_input() {
    let t = "Søren Ødegård met José Núñez in Zürich.";
    let ms = mentions(t);
    assert!(ms.iter().any(|(t, k)| t.contains("Núñez") && *k == Kind::Person), "{ms:?}");
    assert!(mentions("").is_empty());
    assert!(mentions("   \n\n ").is_empty());
}

#[test]
fn events_and_awards_are_not_orgs_or_places() {
    let t = "Brazil won the Coastal Cup after the Battle of Redmarsh was over.";
    let ms = mentions(t);
    assert!(!ms.iter().any(|(t, _)| t.contains("Cup") || t.contains("Battle")), "{ms:?}");
}

#[test]
fn a_name_keeps_its_kind_where_the_tagger_missed_it() {
    let t = "Officials at Veltrana Holdings said profits rose. Analysts said Veltrana Holdings \
             would grow. Veltrana Holdings declined to comment.";
    let ms = mentions(t);
    let n = ms.iter().filter(|(t, k)| t == "Veltrana Holdings" && *k == Kind::Org).count();
    assert_eq!(n, 3, "{ms:?}");
}

#[test]
fn title_case_common_words_are_not_names() {
    let t = "Film\nActor, Model\nThe band signed with Tower Records in Chicago.";
    let ms = mentions(t);
    for bad in ["Film", "Actor", "Model"] {
        assert!(!ms.iter().any(|(t, _)| t == bad), "{ms:?}");
    }
}

#[test]
fn names_in_one_list_share_a_kind() {
    let t = "The tour visited Chile, Peru, Ireland, Syria and Norway last year.";
    let ms = mentions(t);
    for name in ["Chile", "Peru", "Ireland", "Syria", "Norway"] {
        assert!(has(&ms, name, Kind::Place), "{ms:?}");
    }
}

#[test]
fn two_listed_places_joined_by_and_are_two_mentions() {
    let t = "Talks between India and Pakistan resumed on Monday.";
    let ms = mentions(t);
    assert!(has(&ms, "India", Kind::Place) && has(&ms, "Pakistan", Kind::Place), "{ms:?}");
}

#[test]
fn given_name_plus_surname_is_a_person_even_after_of() {
    let t = "The victory of Helen Lindqvist surprised many.";
    let ms = mentions(t);
    assert!(has(&ms, "Helen Lindqvist", Kind::Person), "{ms:?}");
}

#[test]
fn listed_countries_stay_places_when_they_act() {
    let t = "Turkey rejected the plan, and Norway said it would wait.";
    let ms = mentions(t);
    assert!(has(&ms, "Turkey", Kind::Place) && has(&ms, "Norway", Kind::Place), "{ms:?}");
}

#[test]
fn a_nationality_before_a_descriptive_org_name_belongs_to_it() {
    let t = "Jets of the German Air Force landed in Oslo.";
    let ms = mentions(t);
    assert!(has(&ms, "German Air Force", Kind::Org), "{ms:?}");
}

#[test]
fn a_conjunct_named_alone_elsewhere_is_its_own_name() {
    let t = "Hamas won the vote. Talks between Hamas and Fatah failed.";
    let ms = mentions(t);
    assert!(!ms.iter().any(|(t, _)| t.contains(" and ")), "{ms:?}");
}

#[test]
fn a_lone_initial_at_the_end_of_a_sentence_is_no_name() {
    let t = "The ministry said it tweeted on X. The strikes were precise, said J. Smith.";
    let ms = mentions(t);
    assert!(!ms.iter().any(|(m, _)| m == "X." || m == "J."), "{ms:?}");
}

#[test]
fn teams_bands_and_hospitals_are_organisations() {
    let t = "The Kestrels beat the Harriers on Sunday. Fans of the Harriers left early, and \
             Kestrels coach Dana Whitfield praised her players.\n\nThe indie band Marrowtide \
             played in Leeds. Officials from the Iranians and the Democrats met the staff of \
             Westbrook City Hospital.";
    let ms = mentions(t);
    for name in ["Kestrels", "Harriers", "Marrowtide", "Westbrook City Hospital"] {
        assert!(has(&ms, name, Kind::Org), "{name}: {ms:?}");
        assert!(!ms.iter().any(|(t, k)| t == name && *k != Kind::Org), "{name}: {ms:?}");
    }
    assert!(has(&ms, "Dana Whitfield", Kind::Person), "{ms:?}");
    // Plurals of peoples and parties stay groups.
    assert!(!has(&ms, "Iranians", Kind::Org) && !has(&ms, "Democrats", Kind::Org), "{ms:?}");
}
