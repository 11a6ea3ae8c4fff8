//! The committed JSON Schema of connect.yaml (`pkg-template/connect.schema.json`, shipped as
//! `connect-preflight/connect.schema.json` and by `connectYamlSchema()`) is what
//! `connect_yaml_schema()` makes from the rule tables today. `make schema` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

const COMMITTED: &str = "pkg-template/connect.schema.json";

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&connect_preflight::connect_yaml_schema()).expect("serializes") + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(COMMITTED);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("writes the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{COMMITTED} is stale: the rule tables changed. Run `make schema` and commit the file."
    );
}
