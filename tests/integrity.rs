//! A gate nothing can quietly open: each way a review found to make a
//! failing configuration pass (or crash, or hang) assure, as a test that
//! fails if it works again. POD is a privileged Pod: it must fail.

mod common;

use common::*;
use std::path::Path;

const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    securityContext:\n      privileged: true\n";

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn json_of(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(out)))
}

/// The outcome of one control on a scan, as `(failed, passed)` targets.
fn control_counts(v: &serde_json::Value, id: &str) -> (usize, usize) {
    let c = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"]["id"] == id)
        .unwrap_or_else(|| panic!("{id} did not run"));
    let count = |o: &str| {
        c["targets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["outcome"] == o)
            .count()
    };
    (count("fail"), count("pass"))
}

// --- The built-in library and the inventory are sealed ---

#[test]
fn data_cannot_shadow_library_rules_or_the_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pod.yaml", POD);
    write(
        d,
        "lib.yaml",
        "assure:\n  lib:\n    kubernetes:\n      containers: []\n",
    );
    write(
        d,
        "inv.json",
        r#"{"inventory": {"kubernetes_by_namespace": {"default": {"NetworkPolicy": ["x"]}}}}"#,
    );
    write(d, "entry.yaml", "__assure_entry:\n  result: []\n");
    write(d, "params.yaml", "params:\n  assure: {lib: {}}\n");
    let pod = d.join("pod.yaml");
    for (file, key) in [
        ("lib.yaml", "assure"),
        ("inv.json", "inventory"),
        ("entry.yaml", "__assure_entry"),
    ] {
        let out = assure(&[
            "test",
            "--data",
            d.join(file).to_str().unwrap(),
            pod.to_str().unwrap(),
        ]);
        assert_eq!(code(&out), 2, "{file}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(file) && err.contains(&format!("`{key}`")),
            "{err}"
        );
    }
    // Parameters under another key are fine, and the Pod still fails.
    let out = assure(&[
        "test",
        "--format",
        "json",
        "--data",
        d.join("params.yaml").to_str().unwrap(),
        pod.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        control_counts(&json_of(&out), "k8s-privileged-container").0,
        1
    );
}

#[test]
fn user_policies_cannot_enter_built_in_packages_or_the_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pod.yaml", POD);
    for (name, text) in [
        (
            "dotted.rego",
            "package assure.kubernetes.privileged\n\nexception contains [\"\"]\n",
        ),
        (
            "brackets.rego",
            "package assure[\"kubernetes\"][\"privileged\"]\n\nexception contains [\"\"]\n",
        ),
        ("root.rego", "package assure\n\nlib := {}\n"),
        (
            "inventory.rego",
            "package inventory\n\nkubernetes_by_namespace := {}\n",
        ),
        (
            "nested.rego",
            "package inventory.kubernetes_by_namespace\n\nprod := {\"NetworkPolicy\": [\"x\"]}\n",
        ),
    ] {
        write(d, name, text);
        let out = assure(&[
            "test",
            "--policy",
            d.join(name).to_str().unwrap(),
            d.join("pod.yaml").to_str().unwrap(),
        ]);
        assert_eq!(code(&out), 2, "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("namespace belongs to"),
            "{name}: {}",
            stderr(&out)
        );
    }
    // Without the built-in library its namespace is free; the inventory's never is.
    let out = assure(&[
        "test",
        "--no-builtin",
        "--policy",
        d.join("root.rego").to_str().unwrap(),
        d.join("pod.yaml").to_str().unwrap(),
    ]);
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    let out = assure(&[
        "test",
        "--no-builtin",
        "--policy",
        d.join("inventory.rego").to_str().unwrap(),
        d.join("pod.yaml").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2);
}

#[test]
fn policy_exceptions_are_listed_in_the_waivers_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pod.yaml", POD);
    write(
        d,
        "policy/p.rego",
        "package main\n\ndeny_privileged contains msg if {\n  some c in input.spec.containers\n  c.securityContext.privileged\n  msg := sprintf(\"%s is privileged\", [c.name])\n}\n\nexception contains [\"privileged\"]\n",
    );
    let out = assure(&[
        "test",
        "--no-builtin",
        "--format",
        "json",
        "--policy",
        d.join("policy/p.rego").to_str().unwrap(),
        d.join("pod.yaml").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json_of(&out);
    let applied = v["waivers"]["applied"].as_array().unwrap();
    assert_eq!(applied.len(), 1, "{v:#}");
    let (info, n) = (&applied[0][0], &applied[0][1]);
    assert_eq!(
        (info["control"].as_str(), n.as_u64()),
        (Some("main"), Some(1))
    );
    assert!(info["reason"].as_str().unwrap().contains("deny_privileged"));
    assert!(info["source"].as_str().unwrap().ends_with("policy/p.rego"));
    assert_eq!(info["expires"], "never");
}
