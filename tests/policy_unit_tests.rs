//! The policies' own Rego unit tests, through the same runner as
//! `assure verify`: every `test_*` rule must pass, and every control must
//! have a test file beside it.

mod common;

use assure::controls::{builtin_sources, PolicySource};
use assure::frameworks::default_objectives;
use assure::verify::{run, TestOutcome, VerifyOptions};
use common::*;
use std::time::Duration;

fn verify(sources: &[PolicySource]) -> assure::verify::VerifyReport {
    let objectives = default_objectives();
    run(
        sources,
        &VerifyOptions {
            objectives: &objectives,
            data: &[],
            timeout: Duration::from_secs(10),
            coverage: false,
        },
    )
    .unwrap_or_else(|e| panic!("policies do not compile: {e:?}"))
}

fn failures(r: &assure::verify::VerifyReport) -> Vec<String> {
    r.tests
        .iter()
        .filter(|t| t.outcome != TestOutcome::Pass)
        .map(|t| format!("{} {}: {:?}", t.file, t.name, t.message))
        .collect()
}

#[test]
fn every_builtin_policy_unit_test_passes() {
    let sources = builtin_sources(true);
    let report = verify(&sources);
    assert!(report.tests.len() >= 50, "{} tests", report.tests.len());
    assert!(report.passed(), "{}", failures(&report).join("\n"));
    // Every control has a test file beside it, with at least two tests.
    let controls: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    for c in &controls {
        let source = c["source"].as_str().unwrap();
        let test = source.trim_end_matches(".rego").to_owned() + "_test.rego";
        let n = report.tests.iter().filter(|t| t.file == test).count();
        assert!(n >= 2, "control {} has {n} tests in {test}", c["id"]);
    }
}

#[test]
fn the_init_example_policy_passes_its_own_tests() {
    let sources = [
        PolicySource {
            label: "policy/example.rego".into(),
            text: include_str!("../src/init/example.rego").into(),
        },
        PolicySource {
            label: "policy/example_test.rego".into(),
            text: include_str!("../src/init/example_test.rego").into(),
        },
    ];
    let report = verify(&sources);
    assert_eq!(report.tests.len(), 3);
    assert!(report.passed(), "{:?}", failures(&report));
}

#[test]
fn verify_command_reports_and_fails_on_a_broken_test() {
    let ok = assure(&["verify"]);
    assert_eq!(code(&ok), 0, "{}", stdout(&ok));
    assert!(stdout(&ok).contains("PASS: "));

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.rego"),
        "package p\n\nimport rego.v1\n\ndeny contains \"x\" if input.bad\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("p_test.rego"),
        "package p_test\n\nimport data.p\nimport rego.v1\n\ntest_bad_is_denied if {\n  count(p.deny) == 1 with input as {\"bad\": true}\n}\n\ntest_wrong_expectation if {\n  count(p.deny) == 1 with input as {}\n}\n\nconflict = 1\n\nconflict = 2\n\ntest_errors if {\n  conflict == 1\n}\n",
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let out = assure(&["verify", "--no-builtin", d]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("data.p_test.test_wrong_expectation: FAIL"),
        "{text}"
    );
    assert!(
        text.contains("PASS: 1/3") && text.contains("FAIL: 1/3") && text.contains("ERROR: 1/3"),
        "{text}"
    );
    assert!(text.contains("1 passed, 2 failed"), "{text}");

    let json: serde_json::Value = serde_json::from_str(&stdout(&assure(&[
        "verify",
        "--no-builtin",
        "--format",
        "json",
        d,
    ])))
    .unwrap();
    let outcomes: Vec<&str> = json["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes.len(), 3);
    assert!(
        outcomes.contains(&"pass") && outcomes.contains(&"fail") && outcomes.contains(&"error")
    );

    let path = report_path("verify.xml");
    std::fs::write(
        &path,
        stdout(&assure(&["verify", "--no-builtin", "--format", "junit", d])),
    )
    .unwrap();
    validate_junit(&path);
    let report =
        quick_junit::Report::deserialize_from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap();
    assert_eq!(report.test_suites[0].test_cases.len(), 3);

    let cov = stdout(&assure(&["verify", "--no-builtin", "--coverage", d]));
    assert!(cov.contains("Coverage") && cov.contains("p.rego"), "{cov}");

    std::fs::write(
        dir.path().join("p.rego"),
        "package p\n\ndeny contains \"x\" if {\n",
    )
    .unwrap();
    assert_eq!(code(&assure(&["verify", "--no-builtin", d])), 2);
}
