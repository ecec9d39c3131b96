//! Evaluation through the path a scan takes: a worker's batch of documents.

use super::*;
use crate::controls::{compile, CompileOptions, PolicySource};
use crate::frameworks::default_objectives;
use crate::inputs::structured::parse_yaml;
use std::collections::HashMap;

fn evaluator(
    policies: &[(&str, &str)],
    mode: EngineMode,
    timeout: Duration,
) -> Result<Evaluator, Vec<crate::controls::PolicyError>> {
    let objectives = default_objectives();
    let sources: Vec<PolicySource> = policies
        .iter()
        .map(|(l, t)| PolicySource {
            label: (*l).into(),
            text: (*t).into(),
        })
        .collect();
    let set = compile(
        &sources,
        &CompileOptions {
            objectives: &objectives,
            data: vec![],
            whole_engine: true,
        },
    )?;
    Evaluator::new(
        set,
        EvalOptions {
            timeout,
            mode,
            evaluate_all: false,
        },
    )
}

/// Every control of the stage that judges a document alone, on each
/// document: `(control index, document index, result)`.
fn evaluate(ev: &Evaluator, docs: &[Document]) -> Vec<(usize, usize, RawEval)> {
    let refs: Vec<&Document> = docs.iter().collect();
    ev.worker()
        .evaluate_batch(&refs, Stage::Alone)
        .into_iter()
        .map(|(di, ci, raw)| (ci, di, raw))
        .collect()
}

const PRIVILEGED: &str = "# METADATA\n# title: No privileged containers\n# custom:\n#   id: k8s-privileged\n#   severity: high\n#   soc2: [CC6.1]\n#   inputs: [kubernetes]\npackage assure.k8s.privileged\n\nresources contains r if {\n  some c in input.spec.containers\n  r := sprintf(\"%s/%s/container:%s\", [input.kind, input.metadata.name, c.name])\n}\n\ndeny contains {\"msg\": msg, \"resource\": r, \"attribute\": \"securityContext.privileged\"} if {\n  some c in input.spec.containers\n  c.securityContext.privileged == true\n  r := sprintf(\"%s/%s/container:%s\", [input.kind, input.metadata.name, c.name])\n  msg := sprintf(\"container %s runs privileged\", [c.name])\n}\n";

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: ok\n    image: a\n  - name: bad\n    image: b\n    securityContext:\n      privileged: true\n";

#[test]
fn interpreter_and_vm_agree() {
    let docs = parse_yaml("pod.yaml", POD).documents;
    let mut outputs = Vec::new();
    for mode in [EngineMode::Interpreter, EngineMode::Vm] {
        let ev = evaluator(&[("p.rego", PRIVILEGED)], mode, Duration::from_secs(5)).unwrap();
        let out = evaluate(&ev, &docs);
        assert_eq!(out.len(), 1);
        let raw = &out[0].2;
        assert!(raw.error.is_none(), "{:?}", raw.error);
        assert_eq!(raw.resources.as_ref().map(Vec::len), Some(2));
        assert_eq!(raw.deny.len(), 1);
        outputs.push(format!("{:?}", (&raw.deny, &raw.resources)));
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn cross_input_controls_wait_for_the_inventory() {
    let across = "package across\n\ndeny contains input.metadata.name if {\n  not data.inventory.kubernetes_by_namespace.default.NetworkPolicy\n}\n";
    let alone = "package alone\n\ndeny contains \"seen\" if input.kind\n";
    let mut ev = evaluator(
        &[("across.rego", across), ("alone.rego", alone)],
        EngineMode::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    let ids: Vec<(&str, bool)> = ev
        .controls()
        .iter()
        .map(|c| (c.id.as_str(), c.cross_input))
        .collect();
    assert_eq!(ids, [("across", true), ("alone", false)]);
    let docs = parse_yaml("pod.yaml", POD).documents;
    assert!(ev.defers(&docs[0]));
    let mut worker = ev.worker();
    let now: Vec<usize> = worker
        .evaluate(&docs[0], Stage::Alone)
        .into_iter()
        .map(|(ci, _)| ci)
        .collect();
    assert_eq!(now, [1]);
    // Before the inventory arrives the namespace has no policy.
    let early = worker.evaluate(&docs[0], Stage::Across);
    assert_eq!(early[0].1.deny.len(), 1);
    drop(worker);
    let policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n";
    let all = [docs, parse_yaml("np.yaml", policy).documents].concat();
    ev.add_data(crate::inputs::inventory::inventory(&all))
        .unwrap();
    let later = ev.worker().evaluate(&all[0], Stage::Across);
    assert_eq!(later.len(), 1);
    assert!(later[0].1.deny.is_empty(), "{:?}", later[0].1);
}

#[test]
fn controls_only_run_on_their_input_kinds() {
    let docs = parse_yaml("x.yaml", "a: 1\n").documents;
    let ev = evaluator(
        &[("p.rego", PRIVILEGED)],
        EngineMode::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(evaluate(&ev, &docs).is_empty());
}

#[test]
fn a_runaway_policy_times_out_and_others_complete() {
    let runaway = "package runaway\n\ndeny contains x if {\n  some i in numbers.range(1, 20000)\n  some j in numbers.range(1, 20000)\n  x := i * j\n  x < 0\n}\n";
    let fine = "package fine\n\ndeny contains \"always\" if true\n";
    for mode in [EngineMode::Interpreter, EngineMode::Vm] {
        let ev = evaluator(
            &[("r.rego", runaway), ("f.rego", fine)],
            mode,
            Duration::from_millis(300),
        )
        .unwrap();
        let docs = parse_yaml("x.yaml", "a: 1\n").documents;
        let start = std::time::Instant::now();
        let out = evaluate(&ev, &docs);
        assert!(start.elapsed() < Duration::from_secs(10));
        let by_id: HashMap<&str, &RawEval> = out
            .iter()
            .map(|(ci, _, r)| (ev.controls()[*ci].id.as_str(), r))
            .collect();
        assert!(
            by_id["runaway"]
                .error
                .as_deref()
                .unwrap_or("")
                .to_lowercase()
                .contains("time"),
            "{:?}",
            by_id["runaway"].error
        );
        assert_eq!(by_id["fine"].deny.len(), 1);
    }
}

#[test]
fn default_engine_takes_else_branches_of_functions_that_iterate() {
    // The case regorus 0.14.1's VM gets wrong (see EngineMode).
    let p = "package e\n\nid(stage) := name if {\n  some f in input.items\n  f.s == stage\n  name := f.name\n} else := \"fallback\"\n\ndeny contains msg if {\n  some f in input.items\n  msg := id(f.s)\n}\n";
    let ev = evaluator(
        &[("e.rego", p)],
        EngineMode::default(),
        Duration::from_secs(5),
    )
    .unwrap();
    let docs = crate::inputs::structured::parse_json(
        "x.json",
        r#"{"items": [{"s": 0, "name": "one"}, {"s": 1}]}"#,
    )
    .documents;
    let out = evaluate(&ev, &docs);
    let mut msgs: Vec<String> = out[0]
        .2
        .deny
        .iter()
        .map(|(_, v)| v.as_str().unwrap_or("").to_owned())
        .collect();
    msgs.sort();
    assert_eq!(msgs, ["fallback", "one"]);
}

#[test]
fn runtime_errors_are_errors_for_that_pair() {
    // Two definitions of a complete rule that disagree: an error in OPA too.
    let p = "package strict\n\nv = input.a\nv = input.b\n\ndeny contains x if {\n  x := v\n}\n";
    let ev = evaluator(
        &[("s.rego", p)],
        EngineMode::Interpreter,
        Duration::from_secs(5),
    )
    .unwrap();
    let docs = parse_yaml("x.yaml", "a: 1\nb: 2\n").documents;
    let out = evaluate(&ev, &docs);
    assert!(out[0].2.error.is_some(), "{:?}", out[0].2);
}

#[test]
fn unknown_builtins_fail_at_load() {
    let p = "package n\ndeny contains x if {\n  x := http.send({\"url\": \"http://x\"})\n}\n";
    assert!(evaluator(
        &[("n.rego", p)],
        EngineMode::default(),
        Duration::from_secs(5)
    )
    .is_err());
}

/// A control whose own engine cannot be built runs rule by rule in an
/// engine holding every policy, built from the sources (the one the
/// controls were compiled in is not kept): same findings, and the reason is
/// listed among the fallbacks.
#[test]
fn a_control_whose_engine_cannot_be_built_runs_in_the_engine_of_every_policy() {
    let docs = parse_yaml("pod.yaml", POD).documents;
    let timeout = Duration::from_secs(5);
    let normal = evaluator(&[("p.rego", PRIVILEGED)], EngineMode::Interpreter, timeout).unwrap();
    let expected = evaluate(&normal, &docs);
    let mut broken =
        evaluator(&[("p.rego", PRIVILEGED)], EngineMode::Interpreter, timeout).unwrap();
    // A module index no source has: building its own engine fails.
    broken.set.controls[0].modules = vec![usize::MAX];
    let got = evaluate(&broken, &docs);
    assert_eq!(got.len(), 1);
    assert!(got[0].2.error.is_none(), "{:?}", got[0].2.error);
    assert_eq!(got[0].2.deny.len(), 1);
    assert_eq!(
        format!("{:?}", (&got[0].2.deny, &got[0].2.resources)),
        format!("{:?}", (&expected[0].2.deny, &expected[0].2.resources))
    );
    let fallbacks = broken.fallbacks();
    assert_eq!(fallbacks.len(), 1);
    assert!(fallbacks[0].1.contains("no policy source"), "{fallbacks:?}");
}

/// A scan of the built-in library alone on the interpreter does not compile
/// it into one engine, so the checks made there (the policies compile
/// together; no call to an unknown builtin, which the interpreter would
/// only meet mid-scan) are made here, on the same sources.
#[test]
fn the_builtin_library_passes_the_load_checks_a_scan_of_it_skips() {
    let objectives = default_objectives();
    let sources = crate::controls::builtin_sources(false);
    for whole_engine in [true, false] {
        let set = compile(
            &sources,
            &CompileOptions {
                objectives: &objectives,
                data: vec![],
                whole_engine,
            },
        )
        .unwrap();
        assert_eq!(set.whole, whole_engine);
        let controls = set.controls.len();
        let ev = Evaluator::new(set, EvalOptions::default()).unwrap();
        assert_eq!(ev.controls().len(), controls);
        assert!(ev.fallbacks().is_empty(), "{:?}", ev.fallbacks());
    }
}

/// With a user policy loaded the whole set is compiled in one engine
/// whatever the scan asks, so its mistakes stop the run at load.
#[test]
fn a_user_policy_is_checked_with_every_policy_at_load() {
    let objectives = default_objectives();
    let mut sources = crate::controls::builtin_sources(false);
    sources.push(PolicySource {
        label: "mine.rego".into(),
        text: "package main\n\ndeny contains msg if {\n  msg := no_such.builtin(input.x)\n}\n"
            .into(),
    });
    let set = compile(
        &sources,
        &CompileOptions {
            objectives: &objectives,
            data: vec![],
            whole_engine: false,
        },
    )
    .unwrap();
    assert!(set.whole);
    let errors = Evaluator::new(set, EvalOptions::default())
        .err()
        .expect("an unknown builtin is a load error");
    assert!(errors.iter().any(|e| e.file == "mine.rego"), "{errors:?}");
}
