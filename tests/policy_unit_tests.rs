//! Runs the policies' own Rego unit tests (`test_*` rules in `*_test.rego`
//! beside each control) until `assure verify` exists to do it from the
//! command line: every test rule must evaluate to true.

use assure::controls::metadata::{package_of, rule_heads};
use assure::controls::{
    builtin_sources, compile, is_test_file, CompileOptions, ControlSet, PolicySource,
};
use assure::frameworks::default_objectives;

/// Run every `test_*` rule of the test files among `sources`: the compiled
/// set, how many ran, and the failures.
fn run_rego_tests(sources: &[PolicySource]) -> (ControlSet, usize, Vec<String>) {
    let objectives = default_objectives();
    let set = compile(
        sources,
        &CompileOptions {
            objectives: &objectives,
            data: vec![],
        },
    )
    .unwrap_or_else(|e| panic!("policies do not compile: {e:?}"));
    let mut engine = set.engine.clone();
    engine.set_strict_builtin_errors(false);
    let mut ran = 0;
    let mut failures = Vec::new();
    for src in sources.iter().filter(|s| is_test_file(&s.label)) {
        let (pkg, _) = package_of(&src.text).expect("test file has a package");
        let tests: Vec<String> = rule_heads(&src.text)
            .into_iter()
            .filter(|r| r.starts_with("test_"))
            .collect();
        assert!(!tests.is_empty(), "{} has no test_ rules", src.label);
        for t in tests {
            engine.set_input(regorus::Value::new_object());
            ran += 1;
            match engine.eval_rule(format!("data.{pkg}.{t}")) {
                Ok(v) if v == regorus::Value::from(true) => {}
                Ok(v) => failures.push(format!("{}: {t} gave {v:?}", src.label)),
                Err(e) => failures.push(format!("{}: {t} errored: {e}", src.label)),
            }
        }
    }
    (set, ran, failures)
}

#[test]
fn every_builtin_policy_unit_test_passes() {
    let sources = builtin_sources(true);
    let (set, ran, failures) = run_rego_tests(&sources);
    assert!(
        failures.is_empty(),
        "{} of {ran} policy tests failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every control has a test file beside it.
    for c in &set.controls {
        let test = c.source.trim_end_matches(".rego").to_owned() + "_test.rego";
        assert!(
            sources.iter().any(|s| s.label == test),
            "control {} has no {test}",
            c.id
        );
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
    let (set, ran, failures) = run_rego_tests(&sources);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(ran, 3);
    assert_eq!(set.controls.len(), 1);
}
