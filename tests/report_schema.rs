//! The scan report's published JSON Schema (docs/report.schema.json)
//! against real output: the example with its config (waivers applied,
//! expired and unused, custom objectives), a baseline, input errors and
//! module calls not examined.

mod common;

use common::*;
use std::process::Command;

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("docs/report.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(v: &serde_json::Value, what: &str) {
    let errors: Vec<String> = validator()
        .iter_errors(v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

fn json_of(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(code(&out) < 2, "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn scan_reports_follow_the_published_schema() {
    let demo = repo().join("demo/acme-billing");
    let v = json_of(&demo, &["test", ".", "--format", "json"]);
    assert!(!v["waivers"]["applied"].as_array().unwrap().is_empty());
    assert!(!v["components"]["resources"].as_object().unwrap().is_empty());
    assert_valid(&v, "the example's report");

    // A baseline, a file that does not parse, a module call not followed.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\n").unwrap();
    std::fs::write(d.join("broken.yaml"), "a: [unclosed\n").unwrap();
    std::fs::write(
        d.join("main.tf"),
        "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n",
    )
    .unwrap();
    let base = d.join("baseline.json").to_string_lossy().into_owned();
    let out = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(["baseline", ".", "--output", &base])
        .current_dir(d)
        .output()
        .unwrap();
    assert!(code(&out) < 2, "{}", stderr(&out));
    std::fs::write(d.join("pod2.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx\n").unwrap();
    let v = json_of(d, &["test", ".", "--format", "json", "--baseline", &base]);
    assert!(v["baseline"].is_object());
    assert!(!v["input_errors"].as_array().unwrap().is_empty());
    assert!(!v["not_examined"]["module_calls"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_valid(&v, "a report with a baseline and errors");
}
