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
