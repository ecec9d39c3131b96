//! Evidence records checked against the published JSON Schemas
//! (`docs/evidence/`): every test that writes records checks every one,
//! whichever store holds them.

use super::repo;

pub fn schema(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/evidence").join(name)).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

pub fn assert_valid(validator: &jsonschema::Validator, value: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{}: {}", e.instance_path(), e))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not follow the schema:\n{}",
        errors.join("\n")
    );
}

/// The statement inside a DSSE envelope.
pub fn payload_of(envelope: &serde_json::Value) -> serde_json::Value {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(envelope["payload"].as_str().unwrap())
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// An envelope's bytes, as a store keeps them, follow the envelope schema
/// and its statement the statement schema.
pub fn assert_record_follows_the_schemas(envelope: &[u8], what: &str) {
    let env: serde_json::Value = serde_json::from_slice(envelope).unwrap();
    assert_valid(&schema("envelope.schema.json"), &env, what);
    assert_valid(&schema("statement.schema.json"), &payload_of(&env), what);
}
