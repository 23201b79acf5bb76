//! The embedded model loads and is well-formed.
use dateline::analysis::ner::{MODEL_BYTES, Recognizer, model::Model};

#[test]
fn embedded_model_loads() {
    let m = Model::from_bytes(MODEL_BYTES).expect("model parses");
    assert!(m.len() > 1000, "model has {} features", m.len());
    let _ = Recognizer::shared();
}

#[test]
fn corrupt_models_are_errors_not_panics() {
    assert!(Model::from_bytes(b"").is_err());
    assert!(Model::from_bytes(b"DLNER1\0\0").is_err());
    assert!(Model::from_bytes(&MODEL_BYTES[..MODEL_BYTES.len() / 2]).is_err());
    let mut extra = MODEL_BYTES.to_vec();
    extra.push(0);
    assert!(Model::from_bytes(&extra).is_err());
}

/// The model build is reproducible: the same teacher-labelled slice and
/// options give the same bytes, and the model learns the slice.
#[test]
fn model_build_on_a_small_slice_is_reproducible() {
    use dateline::analysis::ner::train::{Options, examples_from_spans, train};
    use dateline::analysis::ner::{Lexicon, Recognizer, model::Model, tags};
    let texts = [
        (
            "Kataib Hezbollah fired rockets at Baghdad, Ana Silva said.",
            &["Kataib Hezbollah", "Baghdad", "Ana Silva"],
        ),
        ("Ana Silva met the Red Sox in Boston on Monday.", &["Ana Silva", "Red Sox", "Boston"]),
    ];
    let label = |w: &str| match w {
        "Ana Silva" => 0,
        "Baghdad" | "Boston" => 2,
        _ => 1,
    };
    let mut slice = Vec::new();
    for (d, (text, names)) in texts.iter().enumerate() {
        let spans: Vec<(usize, usize, usize)> = names
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap();
                (s, s + n.len(), label(n))
            })
            .collect();
        slice.extend(examples_from_spans(text, &spans, d));
    }
    assert_eq!(slice[0].tags[0], tags::begin(1), "first token opens the org span");
    assert_eq!(slice[0].tags[1], tags::inside(1));
    let opt = Options { epochs: 4, min_count: 1, ..Options::default() };
    let a = train(&Lexicon::build().unwrap(), &slice, &opt, &mut |_| {});
    let b = train(&Lexicon::build().unwrap(), &slice, &opt, &mut |_| {});
    assert_eq!(a, b, "same slice, same options, same bytes");
    let rec = Recognizer::from_model(Model::from_bytes(&a).unwrap(), Lexicon::build().unwrap());
    let mut scratch = dateline::analysis::ner::Scratch::default();
    let words: Vec<&str> = slice[0].words.iter().map(String::as_str).collect();
    let doc = dateline::analysis::ner::doc_context::DocContext::build(std::slice::from_ref(&words));
    assert_eq!(rec.tag_words_in(&words, Some((&doc, 0)), &mut scratch), slice[0].tags.as_slice());
}
