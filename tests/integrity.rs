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

// --- Each input keeps its identity ---

/// Failing targets of a control, by name.
fn failing(v: &serde_json::Value, id: &str) -> Vec<String> {
    v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["control"]["id"] == id)
        .flat_map(|c| c["targets"].as_array().unwrap().iter())
        .filter(|t| t["outcome"] == "fail")
        .map(|t| t["name"].as_str().unwrap().to_owned())
        .collect()
}

fn scan_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["test", "--format", "json"];
    all.extend_from_slice(args);
    let out = assure(&all);
    (code(&out), json_of(&out))
}

#[cfg(unix)]
#[test]
fn names_that_differ_only_in_bytes_or_backslashes_stay_distinct() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in [&b"p\xff.yaml"[..], b"p\xfe.yaml", b"a\\b.yaml"] {
        std::fs::write(d.join(std::ffi::OsStr::from_bytes(name)), POD).unwrap();
    }
    write(d, "a/b.yaml", POD);
    let (c, v) = scan_json(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    let mut names = failing(&v, "k8s-privileged-container");
    names.sort();
    assert_eq!(
        names,
        [
            "a/b.yaml#Pod/web/container:app",
            "a\\\\b.yaml#Pod/web/container:app",
            "p\\xfe.yaml#Pod/web/container:app",
            "p\\xff.yaml#Pod/web/container:app",
        ]
    );
    // Four findings, four fingerprints.
    let prints: std::collections::BTreeSet<String> = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["control"]["id"] == "k8s-privileged-container")
        .flat_map(|c| c["targets"].as_array().unwrap().iter())
        .flat_map(|t| t["findings"].as_array().into_iter().flatten())
        .map(|f| f["fingerprint"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(prints.len(), 4);
}

#[cfg(unix)]
#[test]
fn a_backslash_in_a_name_does_not_move_a_file_into_a_module() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "m/main.tf",
        "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n",
    );
    write(
        d,
        "m\\enc.tf",
        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n",
    );
    let (_, v) = scan_json(&["--control", "aws-s3-encryption", d.to_str().unwrap()]);
    assert_eq!(
        failing(&v, "aws-s3-encryption"),
        ["m/main.tf#aws_s3_bucket.logs"]
    );
}

#[test]
fn only_the_config_in_use_and_the_baseline_are_not_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "deploy/assure.yaml", POD);
    write(d, "deploy/.assure.yaml", POD);
    write(d, "assure.yaml", "fail_on: low\n");
    let (c, v) = scan_json(&[
        "-c",
        d.join("assure.yaml").to_str().unwrap(),
        d.to_str().unwrap(),
    ]);
    assert_eq!(c, 1);
    let mut names = failing(&v, "k8s-privileged-container");
    names.sort();
    assert_eq!(
        names,
        [
            "deploy/.assure.yaml#Pod/web/container:app",
            "deploy/assure.yaml#Pod/web/container:app"
        ]
    );
    assert!(v["input_errors"].as_array().unwrap().is_empty(), "{v:#}");
}

#[test]
fn the_baseline_is_never_scanned_however_large() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "k8s/pod.yaml", POD);
    let root = d.to_str().unwrap();
    let base = d.join(".assure/baseline.json");
    let out = assure(&["baseline", root, "--output", base.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Pad the baseline past the size limit: it is read as a baseline, not
    // scanned as an input, so the limit does not apply to it.
    let mut b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    b["generated_by"] = serde_json::json!("x".repeat(4096));
    std::fs::write(&base, serde_json::to_string(&b).unwrap()).unwrap();
    let (c, v) = scan_json(&[
        "--max-file-size",
        "2048",
        "--baseline",
        base.to_str().unwrap(),
        root,
    ]);
    assert_eq!(c, 0, "{v:#}");
    assert!(v["input_errors"].as_array().unwrap().is_empty());
    // Elsewhere than .assure/, given with --baseline, it is not scanned either.
    let other = d.join("known.json");
    std::fs::copy(&base, &other).unwrap();
    let (c, v) = scan_json(&[
        "--max-file-size",
        "2048",
        "--baseline",
        other.to_str().unwrap(),
        root,
    ]);
    assert_eq!(c, 0, "{v:#}");
    assert_eq!(v["summary"]["documents"], 1);
}

#[test]
fn a_workflow_is_a_workflow_whichever_folder_the_scan_starts_from() {
    let src = fixtures("gha-pull-request-target-checkout", "fail");
    let full = repo().join(&src);
    for root in [
        full.clone(),
        full.join(".github"),
        full.join(".github/workflows"),
        full.join(".github/workflows/preview.yml"),
    ] {
        let (c, v) = scan_json(&[
            "--control",
            "gha-pull-request-target-checkout",
            root.to_str().unwrap(),
        ]);
        assert_eq!(c, 1, "{}", root.display());
        assert_eq!(
            failing(&v, "gha-pull-request-target-checkout").len(),
            1,
            "{}",
            root.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "k8s/pod.yaml", POD);
    let fifo = d.join("main.tf");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    let out = within(
        std::time::Duration::from_secs(30),
        &["test", "--format", "json", d.to_str().unwrap()],
    )
    .expect("assure hung on a FIFO");
    assert_eq!(code(&out), 1);
    let v = json_of(&out);
    let errors = v["input_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v:#}");
    assert_eq!(errors[0]["path"], "main.tf");
    assert!(errors[0]["message"].as_str().unwrap().contains("FIFO"));
    // The Pod beside it was still judged.
    assert_eq!(failing(&v, "k8s-privileged-container").len(), 1);
}

/// Run assure, giving up (and killing it) after `limit`: `None` if it hung.
fn within(limit: std::time::Duration, args: &[&str]) -> Option<std::process::Output> {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    // Read its output while it runs: a full pipe must not look like a hang.
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(out) => Some(out.unwrap()),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            None
        }
    }
}

/// Run assure with `input` on its standard input.
fn with_stdin(args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(repo())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn terraform_on_standard_input_is_judged_beside_other_paths() {
    // It was dropped without a word when scanned with a folder: 0
    // documents from stdin, the folder passing, exit 0.
    let fail = std::fs::read_to_string(fixtures("aws-s3-versioning", "fail") + "/main.tf").unwrap();
    let pass = fixtures("aws-s3-versioning", "pass");
    for name in ["main.tf", "infra/main.tf"] {
        let out = with_stdin(
            &[
                "test",
                "--control",
                "aws-s3-versioning",
                "--format",
                "json",
                "--stdin-name",
                name,
                "-",
                &pass,
            ],
            &fail,
        );
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let failing: Vec<&str> = v["controls"][0]["targets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["outcome"] == "fail")
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            failing,
            [
                format!("{name}#aws_s3_bucket.documents"),
                format!("{name}#aws_s3_bucket.exports")
            ]
        );
    }
}

#[test]
fn standard_input_and_pipes_are_read_under_the_size_limit() {
    let out = with_stdin(&["test", "--format", "json", "-"], POD);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(
        failing(&json_of(&out), "k8s-privileged-container"),
        ["stdin.yaml#Pod/web/container:app"]
    );
    let out = with_stdin(
        &[
            "test",
            "--format",
            "json",
            "--stdin-name",
            "k8s/web.yaml",
            "-",
        ],
        POD,
    );
    assert_eq!(
        failing(&json_of(&out), "k8s-privileged-container"),
        ["k8s/web.yaml#Pod/web/container:app"]
    );
    let out = with_stdin(&["test", "--format", "json", "/dev/stdin"], POD);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(failing(&json_of(&out), "k8s-privileged-container").len(), 1);
    // The limit holds while reading, whatever the source.
    let big = format!("{POD}{}", "# padding\n".repeat(1000));
    let out = with_stdin(
        &["test", "--format", "json", "--max-file-size", "1000", "-"],
        &big,
    );
    assert_eq!(code(&out), 1);
    let v = json_of(&out);
    assert!(
        v["input_errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("over the limit"),
        "{v:#}"
    );
    // A device that never ends is read only up to the limit.
    let out = within(
        std::time::Duration::from_secs(30),
        &[
            "test",
            "--format",
            "json",
            "--max-file-size",
            "100000",
            "/dev/zero",
        ],
    )
    .expect("assure read /dev/zero without end");
    assert_eq!(code(&out), 1);
    assert!(json_of(&out)["input_errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("over the limit"));
}

#[cfg(unix)]
#[test]
fn a_folder_link_out_of_the_root_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "k8s/pod.yaml", POD);
    write(dir.path(), "ok.yaml", "a: 1\n");
    std::os::unix::fs::symlink(outside.path().join("k8s"), dir.path().join("k8s")).unwrap();
    let (c, v) = scan_json(&[dir.path().to_str().unwrap()]);
    assert_eq!(c, 1);
    let errors = v["input_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v:#}");
    assert_eq!(errors[0]["path"], "k8s");
    assert!(errors[0]["message"]
        .as_str()
        .unwrap()
        .contains("outside the scanned root"));
}

// --- YAML is read as the tools that consume it read it ---

#[test]
fn merge_keys_are_applied_as_compose_kubectl_and_actions_apply_them() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "docker-compose.yml",
        "x-base: &base\n  image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n  privileged: true\nservices:\n  web:\n    <<: *base\n    ports: [\"80:80\"]\n",
    );
    write(
        d,
        "k8s/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - &app\n    name: app\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    securityContext: &priv\n      privileged: true\n  - <<: *app\n    name: sidecar\n",
    );
    write(
        d,
        ".github/workflows/preview.yml",
        "on:\n  pull_request_target: {}\npermissions:\n  contents: read\nx-checkout: &checkout\n  uses: actions/checkout@v4\n  with:\n    ref: ${{ github.event.pull_request.head.sha }}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - <<: *checkout\n        name: checkout\n",
    );
    let (c, v) = scan_json(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    assert_eq!(
        failing(&v, "compose-privileged"),
        ["docker-compose.yml#services.web"]
    );
    let mut k8s = failing(&v, "k8s-privileged-container");
    k8s.sort();
    assert_eq!(
        k8s,
        [
            "k8s/pod.yaml#Pod/web/container:app",
            "k8s/pod.yaml#Pod/web/container:sidecar"
        ]
    );
    assert_eq!(
        failing(&v, "gha-pull-request-target-checkout").len(),
        1,
        "{v:#}"
    );
    // A merge key that is not a mapping is an error, not a silent pass.
    write(d, "bad.yaml", "a:\n  <<: 3\n");
    let (c, v) = scan_json(&[d.join("bad.yaml").to_str().unwrap()]);
    assert_eq!(c, 1);
    assert!(
        v["input_errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("merge"),
        "{v:#}"
    );
}

// --- Bounded work: no crash, no hang, every other result kept ---

fn policy_dir(policies: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "k8s/pod.yaml", POD);
    for (name, text) in policies {
        write(dir.path(), &format!("policy/{name}"), text);
    }
    dir
}

#[test]
fn a_recursive_function_is_refused_before_it_can_overflow_the_stack() {
    let dir = policy_dir(&[
        ("rec.rego", "package main\n\nf(x) := y if {\n  y := f(x + 1)\n}\n\ndeny contains msg if {\n  msg := sprintf(\"%v\", [f(1)])\n}\n"),
        ("rec_test.rego", "package main\n\ntest_f if { f(1) }\n"),
    ]);
    let d = dir.path();
    let policy = d.join("policy").to_string_lossy().into_owned();
    let pod = d.join("k8s").to_string_lossy().into_owned();
    for args in [
        vec!["test", "--policy", &policy, &pod],
        vec!["verify", "--no-builtin", &policy],
    ] {
        let out = within(std::time::Duration::from_secs(60), &args).expect("hung");
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("recursive"), "{}", stderr(&out));
        assert!(stderr(&out).contains("rec.rego:3"), "{}", stderr(&out));
    }
}

#[test]
fn a_chain_of_rules_too_long_to_evaluate_is_refused_and_a_long_one_runs() {
    // 3,000 rules each defined by the previous one overflowed the stack
    // (exit 134, no report) in test, verify and conftest.
    let mut rules = String::from("package main\n\nimport rego.v1\n\nr0 := 1\n");
    for i in 1..3_000 {
        rules.push_str(&format!("r{i} := r{} + 1\n", i - 1));
    }
    rules.push_str("deny contains msg if {\n  r2999 > 0\n  msg := \"long\"\n}\n");
    let dir = policy_dir(&[("chain.rego", rules.as_str())]);
    let d = dir.path();
    let policy = d.join("policy").to_string_lossy().into_owned();
    let pod = d.join("k8s").to_string_lossy().into_owned();
    for (args, exit) in [
        (vec!["test", "--policy", &policy, &pod], 2),
        (vec!["verify", "--no-builtin", &policy], 2),
        (vec!["conftest", "test", "-p", &policy, &pod], 1),
    ] {
        let out = within(std::time::Duration::from_secs(60), &args).expect("hung");
        assert_eq!(code(&out), exit, "{args:?}: {}", stderr(&out));
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert!(said.contains("chain of 3001 rules"), "{args:?}: {said}");
        assert!(said.contains("chain.rego:3005"), "{args:?}: {said}");
    }
    // A chain of 999 function calls is evaluated, and its finding reported.
    let mut calls = String::from("package main\n\nimport rego.v1\n\nf0(x) := x\n");
    for i in 1..999 {
        calls.push_str(&format!("f{i}(x) := f{}(x)\n", i - 1));
    }
    calls.push_str("deny contains msg if {\n  f998(1) > 0\n  msg := \"deep\"\n}\n");
    let dir = policy_dir(&[("calls.rego", calls.as_str())]);
    let d = dir.path();
    let policy = d.join("policy").to_string_lossy().into_owned();
    let pod = d.join("k8s").to_string_lossy().into_owned();
    let out = within(
        std::time::Duration::from_secs(120),
        &[
            "test",
            "--no-builtin",
            "--policy",
            &policy,
            "--format",
            "json",
            &pod,
        ],
    )
    .expect("hung");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stdout(&out).contains("deep"), "{}", stdout(&out));
}

#[test]
fn builtins_that_would_allocate_gigabytes_are_errors_and_the_rest_completes() {
    let calls = [
        ("range", "count(numbers.range(1, 1000000000))"),
        ("cidr", "count(net.cidr_expand(\"0.0.0.0/0\"))"),
        ("width", "count(sprintf(\"%2000000000d\", [1]))"),
    ];
    let policies: Vec<(String, String)> = calls
        .iter()
        .map(|(name, call)| {
            (
                format!("{name}.rego"),
                format!("# METADATA\n# title: {name}\n# custom:\n#   id: bomb-{name}\n#   inputs: [kubernetes]\npackage bomb.{name}\n\ndeny contains msg if {{\n  n := {call}\n  msg := sprintf(\"%d\", [n])\n}}\n"),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = policies
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = policy_dir(&refs);
    let d = dir.path();
    let report = d.join("report.json");
    let started = std::time::Instant::now();
    let out = within(
        std::time::Duration::from_secs(60),
        &[
            "test",
            "--format",
            "json",
            "--json",
            report.to_str().unwrap(),
            "--policy",
            d.join("policy").to_str().unwrap(),
            d.join("k8s").to_str().unwrap(),
        ],
    )
    .expect("hung");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json_of(&out);
    for (name, _) in calls {
        let c = v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["control"]["id"] == format!("bomb-{name}"))
            .unwrap();
        let t = &c["targets"][0];
        assert_eq!(t["outcome"], "error", "{name}: {t}");
        assert!(
            t["error"].as_str().unwrap().contains("limit"),
            "{name}: {t}"
        );
    }
    // The built-in controls still judged the Pod, and the report file is whole.
    assert_eq!(control_counts(&v, "k8s-privileged-container").0, 1);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    assert_eq!(file["summary"], v["summary"]);
}

#[test]
fn a_variable_default_used_thousands_of_times_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let mut tf = format!(
        "variable \"big\" {{\n  default = \"{}\"\n}}\n",
        "x".repeat(1_000_000)
    );
    for i in 0..3000 {
        tf.push_str(&format!(
            "resource \"aws_s3_bucket\" \"b{i}\" {{\n  bucket = var.big\n}}\n"
        ));
    }
    write(dir.path(), "infra/main.tf", &tf);
    let out = within(
        std::time::Duration::from_secs(60),
        &[
            "test",
            "--format",
            "json",
            "--control",
            "aws-s3-versioning",
            dir.path().to_str().unwrap(),
        ],
    )
    .expect("hung");
    assert_eq!(code(&out), 1);
    let v = json_of(&out);
    let errors = v["input_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{:#}", v["input_errors"]);
    assert!(errors[0]["message"].as_str().unwrap().contains("var.big"));
    // The module is still judged, its remaining uses unresolved.
    assert_eq!(control_counts(&v, "aws-s3-versioning").0, 3000);
}

#[test]
fn a_default_copied_into_many_module_instances_shares_one_budget() {
    // 40 instances each using a 1 MB value 50 times: each stayed under a
    // budget of its own and together they held 4 GB.
    let dir = tempfile::tempdir().unwrap();
    let mut module = String::from("variable \"v\" {}\n");
    for i in 0..50 {
        module.push_str(&format!(
            "resource \"aws_s3_bucket\" \"b{i}\" {{\n  bucket = var.v\n}}\n"
        ));
    }
    write(dir.path(), "modules/m/main.tf", &module);
    let root = format!(
        "variable \"big\" {{\n  default = \"{}\"\n}}\n\nmodule \"m\" {{\n  source   = \"../modules/m\"\n  for_each = toset([{}])\n  v        = var.big\n}}\n",
        "x".repeat(1_000_000),
        (0..40).map(|i| format!("\"k{i}\"")).collect::<Vec<_>>().join(", ")
    );
    write(dir.path(), "live/main.tf", &root);
    let out = within(
        std::time::Duration::from_secs(120),
        &[
            "test",
            "--format",
            "json",
            "--control",
            "aws-s3-versioning",
            dir.path().to_str().unwrap(),
        ],
    )
    .expect("hung");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json_of(&out);
    let errors = v["input_errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["message"]
            .as_str()
            .unwrap()
            .contains("into this root module and its instances")),
        "{:#}",
        v["input_errors"]
    );
    // Every instance is still judged.
    assert_eq!(control_counts(&v, "aws-s3-versioning").0, 40 * 50);
}

#[test]
fn numeric_flags_out_of_range_are_refused() {
    for args in [
        vec!["test", "--timeout", "1e300", "."],
        vec!["test", "--timeout", "0", "."],
        vec!["test", "--timeout", "NaN", "."],
        vec!["test", "--jobs", "0", "."],
        vec!["test", "--jobs", "100000", "."],
        vec!["test", "--max-depth", "0", "."],
        vec!["test", "--max-file-size", "0", "."],
        vec!["test", "--max-memory", "1000", "."],
        vec!["verify", "--timeout", "-1"],
    ] {
        let out = assure(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_waiver_window_past_the_calendar_is_a_config_error_not_a_crash() {
    // max_waiver_days: 99999999 panicked (exit 101) in test and waivers.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "k8s/pod.yaml", POD);
    write(
        dir.path(),
        "assure.yaml",
        "fail_on: high\nmax_waiver_days: 99999999\n",
    );
    let config = dir
        .path()
        .join("assure.yaml")
        .to_string_lossy()
        .into_owned();
    let pod = dir.path().join("k8s").to_string_lossy().into_owned();
    for args in [
        vec!["test", "-c", &config, &pod],
        vec!["waivers", "-c", &config, &pod],
    ] {
        let out = assure(&args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("assure.yaml:2") && stderr(&out).contains("at most 3650"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn policies_and_configs_built_to_stall_the_parser_are_refused_at_once() {
    let deep = format!(
        "package main\n\nx := {}1{}\n\ndeny contains \"a\" if {{ x }}\n",
        "[".repeat(24),
        "]".repeat(24)
    );
    let dir = policy_dir(&[("deep.rego", &deep)]);
    let d = dir.path();
    let started = std::time::Instant::now();
    let out = assure(&[
        "test",
        "--policy",
        d.join("policy").to_str().unwrap(),
        d.join("k8s").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("deep.rego:3"), "{}", stderr(&out));
    write(
        d,
        "assure.yaml",
        &format!(
            "soc2:\n  categories: {}{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    let out = assure(&[
        "test",
        "-c",
        d.join("assure.yaml").to_str().unwrap(),
        d.join("k8s").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("assure.yaml:2"), "{}", stderr(&out));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

// --- Waiver hygiene ---

#[test]
fn waivers_cannot_last_forever_nor_waive_critical_controls_unapproved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "k8s/pod.yaml", POD);
    let cfg = d.join("assure.yaml");
    let scan = |config: &str| {
        std::fs::write(&cfg, config).unwrap();
        assure(&[
            "test",
            "--format",
            "json",
            "-c",
            cfg.to_str().unwrap(),
            d.join("k8s").to_str().unwrap(),
        ])
    };
    // Too far ahead: a configuration error naming the expires line.
    let out = scan("waivers:\n  - control: k8s-image-pinned\n    path: \"**\"\n    reason: r\n    owner: o\n    expires: 9999-12-31\n");
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("assure.yaml:6") && stderr(&out).contains("max_waiver_days"),
        "{}",
        stderr(&out)
    );
    // Allowed when the team sets a longer review cycle.
    let out = scan(&format!("max_waiver_days: 800\nwaivers:\n  - control: k8s-image-pinned\n    path: \"**\"\n    reason: r\n    owner: o\n    expires: {}\n", in_days(700)));
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    // A critical control waived with `**` and no approver: refused.
    let out = scan(&format!("waivers:\n  - control: aws-s3-public-acl\n    path: \"**\"\n    reason: r\n    owner: o\n    expires: {}\n", in_days(30)));
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("assure.yaml:2") && stderr(&out).contains("approved_by"),
        "{}",
        stderr(&out)
    );
    let out = scan(&format!("waivers:\n  - control: aws-s3-public-acl\n    path: \"**\"\n    reason: r\n    owner: o\n    approved_by: ciso@example.com\n    ticket: SEC-9\n    expires: {}\n", in_days(30)));
    assert_ne!(code(&out), 2, "{}", stderr(&out));
    let v = json_of(&out);
    let unused = &v["waivers"]["unused"][0];
    assert_eq!(
        (unused["approved_by"].as_str(), unused["ticket"].as_str()),
        (Some("ciso@example.com"), Some("SEC-9"))
    );
    assert_eq!(unused["id"].as_str().map(str::len), Some(12));
}

#[test]
fn inline_comments_cannot_waive_critical_controls_or_hide_in_strings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let until = in_days(30);
    write(
        d,
        "k8s/pod.yaml",
        &format!(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: \"see # assure:waive k8s-privileged-container until {until} owner o quoted\"\nspec:\n  containers:\n  - name: app\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    securityContext:\n      privileged: true\n"
        ),
    );
    write(
        d,
        ".github/workflows/preview.yml",
        &format!(
            "on:\n  pull_request_target: {{}}\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4 # assure:waive gha-pull-request-target-checkout until {until} owner o trusted\n        with:\n          ref: ${{{{ github.event.pull_request.head.sha }}}}\n"
        ),
    );
    let (c, v) = scan_json(&[d.to_str().unwrap()]);
    assert_eq!(c, 1);
    // The quoted marker waived nothing.
    assert_eq!(control_counts(&v, "k8s-privileged-container").0, 1);
    // The critical control still fails, and the comment is an input error.
    assert_eq!(
        failing(&v, "gha-pull-request-target-checkout").len(),
        1,
        "{v:#}"
    );
    let e = &v["input_errors"][0];
    assert_eq!(
        (e["path"].as_str(), e["line"].as_u64()),
        (Some(".github/workflows/preview.yml"), Some(9))
    );
    assert!(
        e["message"].as_str().unwrap().contains("assure.yaml"),
        "{e}"
    );
}

// --- Output promises ---

#[test]
fn one_file_for_two_reports_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "k8s/pod.yaml", POD);
    let a = d.join("out/report");
    let b = d.join("out/../out/report");
    let out = assure(&[
        "test",
        "--junit",
        a.to_str().unwrap(),
        "--json",
        b.to_str().unwrap(),
        d.join("k8s").to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("--junit and --json"),
        "{}",
        stderr(&out)
    );
    assert!(!a.exists());
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_exit_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(["test", "--format", "json", "demo/acme-billing/k8s"])
        .current_dir(repo())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("standard output"), "{}", stderr(&out));
}

#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "k8s/a pod#1%.yaml", POD);
    let out = assure(&["test", "--format", "sarif", d.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let uris: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(!uris.is_empty());
    assert!(
        uris.iter().all(|u| *u == "k8s/a%20pod%231%25.yaml"),
        "{uris:?}"
    );
}

#[test]
fn a_policy_that_grows_without_end_hits_the_memory_limit() {
    let dir = policy_dir(&[(
        "grow.rego",
        "package main\n\ndeny contains msg if {\n  xs := [x | some i in numbers.range(1, 100000); x := sprintf(\"%099999d\", [i])]\n  msg := sprintf(\"%d\", [count(xs)])\n}\n",
    )]);
    let d = dir.path();
    let started = std::time::Instant::now();
    let out = within(
        std::time::Duration::from_secs(60),
        &[
            "test",
            "--format",
            "json",
            "--no-builtin",
            "--timeout",
            "60",
            "--max-memory",
            "300000000",
            "--policy",
            d.join("policy").to_str().unwrap(),
            d.join("k8s").to_str().unwrap(),
        ],
    )
    .expect("hung");
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v = json_of(&out);
    let t = &v["controls"][0]["targets"][0];
    assert_eq!(t["outcome"], "error");
    assert!(t["error"].as_str().unwrap().contains("memory limit"), "{t}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
}

// --- Rego behaves as OPA's does ---

#[test]
fn regular_expressions_with_perl_classes_match_as_in_opa() {
    // regorus's regex came without the tables behind \d, \s, \w and \b: each
    // pattern failed to compile, the builtin was undefined, and a deny rule
    // written for OPA never fired.
    let patterns = [
        ("digit", r"nginx@sha256:\\d+", "c.image"),
        ("space", r"^\\S+$", "c.image"),
        ("word", r"^\\w+$", "c.name"),
        ("boundary", r"\\bapp\\b", "concat(\" \", [\"the\", c.name])"),
    ];
    let rules: String = patterns
        .iter()
        .map(|(name, p, subject)| {
            format!(
                "deny contains \"{name}\" if {{\n  some c in input.spec.containers\n  regex.match(\"{p}\", {subject})\n}}\n\n"
            )
        })
        .collect();
    let dir = policy_dir(&[(
        "classes.rego",
        &format!("package main\n\nimport rego.v1\n\n{rules}"),
    )]);
    let d = dir.path();
    let policy = d.join("policy").to_string_lossy().into_owned();
    let pod = d.join("k8s").to_string_lossy().into_owned();
    let (code, v) = scan_json(&["--no-builtin", "--policy", &policy, &pod]);
    assert_eq!(code, 1);
    let mut messages: Vec<String> = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["targets"].as_array().unwrap())
        .flat_map(|t| t["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| f["message"].as_str().unwrap().to_owned())
        .collect();
    messages.sort();
    assert_eq!(messages, ["boundary", "digit", "space", "word"]);
}
