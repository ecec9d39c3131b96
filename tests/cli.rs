//! End-to-end tests of the `assure` binary: reports, exit codes, inputs.

mod common;

use common::*;
use quick_junit::{NonSuccessKind, TestCaseStatus};
use std::collections::BTreeSet;

fn suite<'a>(report: &'a quick_junit::Report, id: &str) -> &'a quick_junit::TestSuite {
    report
        .test_suites
        .iter()
        .find(|s| s.name.as_str().starts_with(&format!("{id}: ")))
        .unwrap_or_else(|| panic!("no testsuite for {id}"))
}

fn props(s: &quick_junit::TestSuite, name: &str) -> BTreeSet<String> {
    s.properties
        .iter()
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.value.to_string())
        .collect()
}

#[test]
fn junit_has_a_suite_per_control_with_criteria_and_located_failures() {
    let (out, report) = junit_run("fixtures.xml", &["policies"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));

    // One suite per control listed by `assure controls`, with its mapping.
    let controls: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    assert!(!controls.is_empty());
    // One suite per control, then what the scan did not examine (the
    // fixtures hold files of kinds no control reads).
    let control_suites = report
        .test_suites
        .iter()
        .filter(|s| !s.name.as_str().starts_with("not-examined"))
        .count();
    assert_eq!(control_suites, controls.len());
    for c in &controls {
        let s = suite(&report, c["id"].as_str().unwrap());
        let want = |k: &str| -> BTreeSet<String> {
            c[k].as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(props(s, "soc2"), want("soc2"));
        assert_eq!(props(s, "soc1"), want("soc1"));
        assert_eq!(
            props(s, "severity"),
            BTreeSet::from([c["severity"].as_str().unwrap().to_owned()])
        );
        assert!(s
            .test_cases
            .iter()
            .all(|t| t.classname.as_deref() == Some(c["id"].as_str().unwrap())));
    }

    let s3 = suite(&report, "aws-s3-encryption");
    let case = |name: &str| {
        s3.test_cases
            .iter()
            .find(|t| t.name.as_str() == name)
            .unwrap_or_else(|| panic!("no testcase {name}"))
    };
    // A passing target: a bucket encrypted by a sibling resource in another file.
    assert!(matches!(
        case("aws/s3/aws-s3-encryption/pass/bucket.tf#aws_s3_bucket.reports").status,
        TestCaseStatus::Success { .. }
    ));
    // A failing target, its message naming file and line.
    match &case("aws/s3/aws-s3-encryption/fail/main.tf#aws_s3_bucket.exports").status {
        TestCaseStatus::NonSuccess {
            kind: NonSuccessKind::Failure,
            message,
            description,
            ty,
            ..
        } => {
            let message = message.as_ref().unwrap().to_string();
            assert!(
                message.starts_with("aws/s3/aws-s3-encryption/fail/main.tf:6: "),
                "{message}"
            );
            assert!(description
                .as_ref()
                .unwrap()
                .as_str()
                .contains("Remediation: "));
            assert_eq!(ty.as_ref().unwrap().as_str(), "high");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn a_malformed_file_is_an_error_case_and_other_results_remain() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n  name: x\n",
    )
    .unwrap();
    let sarif = report_path("malformed.sarif");
    let (out, report) = junit_run(
        "malformed.xml",
        &[
            "--sarif",
            sarif.to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ],
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert!(
        invocation["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("invalid YAML")
    );
    assert_eq!(code(&out), 1);
    let inputs = report
        .test_suites
        .iter()
        .find(|s| s.name.as_str().starts_with("assure.inputs"))
        .expect("an inputs suite");
    assert_eq!(inputs.test_cases.len(), 1);
    let broken = &inputs.test_cases[0];
    assert_eq!(broken.name.as_str(), "broken.yaml");
    match &broken.status {
        TestCaseStatus::NonSuccess {
            kind: NonSuccessKind::Error,
            message,
            ..
        } => {
            let m = message.as_ref().unwrap().to_string();
            assert!(
                m.starts_with("broken.yaml:") && m.contains("invalid YAML"),
                "{m}"
            );
        }
        other => panic!("expected an error, got {other:?}"),
    }
    // The good file was still evaluated.
    let privileged = suite(&report, "k8s-privileged-container");
    assert!(privileged
        .test_cases
        .iter()
        .any(|t| t.name.as_str() == "good.yaml#Pod/web/container:app"
            && matches!(t.status, TestCaseStatus::NonSuccess { .. })));
    assert!(stdout(&out).contains("broken.yaml:"));
}

#[test]
fn exit_codes() {
    let ok = assure(&[
        "test",
        "--control",
        "k8s-privileged-container",
        &fixtures("k8s-privileged-container", "pass"),
    ]);
    assert_eq!(code(&ok), 0, "{}", stdout(&ok));
    let failed = assure(&[
        "test",
        "--control",
        "k8s-privileged-container",
        &fixtures("k8s-privileged-container", "fail"),
    ]);
    assert_eq!(code(&failed), 1);
    // Below the threshold the run passes; --no-fail always passes.
    let below = assure(&[
        "test",
        "--fail-on",
        "critical",
        "--control",
        "k8s-run-as-non-root",
        &fixtures("k8s-run-as-non-root", "fail"),
    ]);
    assert_eq!(code(&below), 0, "{}", stdout(&below));
    assert!(stdout(&below).contains("below the threshold"));
    let no_fail = assure(&[
        "test",
        "--no-fail",
        &fixtures("k8s-run-as-non-root", "fail"),
    ]);
    assert_eq!(code(&no_fail), 0);
    // assure cannot run: bad flag value, missing path, unknown control, broken policy.
    assert_eq!(code(&assure(&["test", "--fail-on", "extreme"])), 2);
    let missing = assure(&["test", "no/such/dir"]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("no/such/dir"));
    assert_eq!(
        code(&assure(&[
            "test",
            "--control",
            "no-such-control",
            "fixtures"
        ])),
        2
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.rego");
    std::fs::write(
        &bad,
        "package bad\n\ndeny contains msg if {\n  msg := \n}\n",
    )
    .unwrap();
    let broken = assure(&["test", "--policy", bad.to_str().unwrap(), "fixtures"]);
    assert_eq!(code(&broken), 2);
    let err = stderr(&broken);
    assert!(
        err.contains("bad.rego:4:") && err.contains("column"),
        "{err}"
    );
}

#[test]
fn conftest_policies_run_unchanged() {
    let (out, report) = junit_run(
        "conftest.xml",
        &[
            "--no-builtin",
            "--policy",
            "tests/conftest-policies",
            "demo/acme-billing/k8s",
        ],
    );
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(report.test_suites.len(), 1);
    let main = suite(&report, "main");
    let failing: Vec<&str> = main
        .test_cases
        .iter()
        .filter(|t| matches!(t.status, TestCaseStatus::NonSuccess { .. }))
        .map(|t| t.name.as_str())
        .collect();
    // invoice-worker has no pod-level runAsNonRoot and a latest image (the v0 rule).
    assert_eq!(failing, ["invoice-worker.yaml"]);
    assert!(main
        .test_cases
        .iter()
        .any(|t| t.name.as_str() == "billing-api.yaml[0]"
            && matches!(t.status, TestCaseStatus::Success { .. })));
    let text = stdout(&out);
    assert!(
        text.contains("latest image") && text.contains("must not run as root"),
        "{text}"
    );
}

#[test]
fn parse_prints_the_documents_policies_see() {
    let tf = assure(&["parse", "demo/acme-billing/infra/terraform"]);
    assert_eq!(code(&tf), 0, "{}", stderr(&tf));
    let docs: serde_json::Value = serde_json::from_str(&stdout(&tf)).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["kind"], "terraform");
    let res = &docs[0]["input"]["resource"];
    assert_eq!(
        res["aws_s3_bucket_server_side_encryption_configuration"]["invoices"][0]["bucket"],
        "${aws_s3_bucket.invoices.id}"
    );
    assert_eq!(
        res["aws_rds_cluster"]["ledger"][0]["storage_encrypted"],
        true
    );

    let cfn = assure(&[
        "parse",
        "demo/acme-billing/infra/cloudformation/reports-bucket.yaml",
    ]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&cfn)).unwrap();
    assert_eq!(docs[0]["kind"], "cloudformation");
    let props = &docs[0]["input"]["Resources"]["ReportsBucket"]["Properties"];
    assert_eq!(
        props["BucketName"],
        serde_json::json!({"Fn::Sub": "acme-revenue-reports-${Environment}"})
    );
    assert_eq!(
        props["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]
            ["ServerSideEncryptionByDefault"]["KMSMasterKeyID"],
        serde_json::json!({"Fn::GetAtt": ["ReportsKey", "Arn"]})
    );

    let k8s = assure(&["parse", "demo/acme-billing/k8s/billing-api.yaml"]);
    let docs: serde_json::Value = serde_json::from_str(&stdout(&k8s)).unwrap();
    let kinds: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["input"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["Deployment", "Service"]);
    assert!(docs
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["kind"] == "kubernetes"));
}

#[test]
fn machine_formats_keep_stdout_clean_and_order_is_stable() {
    let one = assure(&["test", "-j", "1", "--format", "json", "demo/acme-billing"]);
    let two = assure(&["test", "-j", "2", "--format", "json", "demo/acme-billing"]);
    let a: serde_json::Value = serde_json::from_str(&stdout(&one)).expect("stdout is JSON only");
    let b: serde_json::Value = serde_json::from_str(&stdout(&two)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a["schema_version"], 1);
    let junit = assure(&["test", "--format", "junit", "demo/acme-billing"]);
    assert!(stdout(&junit).starts_with("<?xml"));
    quick_junit::Report::deserialize_from_str(&stdout(&junit)).unwrap();
}

#[test]
fn committed_control_catalog_is_up_to_date() {
    let generated = stdout(&assure(&["controls", "--format", "markdown"]));
    let committed = std::fs::read_to_string(repo().join("docs/controls.md")).unwrap_or_default();
    assert!(
        generated == committed,
        "docs/controls.md is out of date: run `cargo run -- controls --format markdown > docs/controls.md`"
    );
}

#[test]
fn no_control_errors_on_the_example_fixtures_or_realistic_configs() {
    for dir in ["demo/acme-billing", "policies", "tests/corpus/realistic"] {
        let out = assure(&["test", "--format", "json", dir]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let errors: Vec<String> = v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["targets"].as_array().unwrap().iter().map(move |t| (c, t)))
            .filter(|(_, t)| t["outcome"] == "error")
            .map(|(c, t)| format!("{} on {}: {}", c["control"]["id"], t["name"], t["error"]))
            .collect();
        assert!(errors.is_empty(), "{dir}:\n{}", errors.join("\n"));
        assert_eq!(v["summary"]["input_errors"], 0, "{dir}");
    }
}

#[test]
fn skipping_controls_by_resource_type_changes_no_result() {
    for dir in ["demo/acme-billing", "policies", "tests/corpus/realistic"] {
        let strip = |out: std::process::Output| {
            let mut v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
            v.as_object_mut().unwrap().remove("elapsed");
            v
        };
        let pruned = strip(assure(&["test", "--format", "json", dir]));
        let all = strip(assure(&["test", "--format", "json", "--evaluate-all", dir]));
        assert_eq!(pruned["controls"], all["controls"], "{dir}");
        assert_eq!(pruned["summary"], all["summary"], "{dir}");
    }
}

#[test]
fn the_vm_engine_is_refused_since_it_loses_findings() {
    // regorus 0.14.1's VM drops findings of ordinary policies without an
    // error; asked for, assure exits 2 before scanning, whatever the format.
    for format in ["text", "json", "junit"] {
        let out = assure(&[
            "test",
            "--engine",
            "vm",
            "--format",
            format,
            "demo/acme-billing/k8s",
        ]);
        assert_eq!(code(&out), 2, "{}{}", stdout(&out), stderr(&out));
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
        assert!(
            stderr(&out).contains("--engine vm is refused") && stderr(&out).contains("interpreter"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn parse_summary_counts_what_parse_prints() {
    // The summary streams (each unit's documents dropped once counted): its
    // counts per kind must be those of the documents `parse` prints.
    let full: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["parse", "demo/acme-billing"]))).unwrap();
    let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
    for d in &full {
        *kinds
            .entry(d["kind"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let summary = stdout(&assure(&["parse", "--summary", "demo/acme-billing"]));
    for (k, n) in &kinds {
        assert!(
            summary
                .lines()
                .any(|l| l.split_whitespace().collect::<Vec<_>>() == [k.as_str(), &n.to_string()]),
            "{k} {n}: {summary}"
        );
    }
    assert!(
        summary.contains(&format!("{} documents, 0 input errors", full.len())),
        "{summary}"
    );
}

/// The scan gathers only the parts of the inventory loaded policies read
/// (the built-in library reads the namespace index): a user policy that
/// reads the list, beside the library, still gets every object in it, and
/// the library's NetworkPolicy control still sees the index.
#[test]
fn a_policy_reading_the_inventory_list_gets_it_beside_the_library() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("app.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: api, image: 'x@sha256:0000000000000000000000000000000000000000000000000000000000000000'}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}}\n",
    )
    .unwrap();
    let policies = tempfile::tempdir().unwrap();
    let policy = policies.path().join("count.rego");
    std::fs::write(
        &policy,
        "package count\n\ndeny contains msg if {\n  input.kind == \"Deployment\"\n  paths := {e.path | some e in data.inventory.kubernetes}\n  msg := sprintf(\"%d objects, in %v\", [count(data.inventory.kubernetes), paths])\n}\n",
    )
    .unwrap();
    let out = assure(&[
        "test",
        dir.path().to_str().unwrap(),
        "--policy",
        policy.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let controls = report["controls"].as_array().unwrap();
    let find = |id: &str| {
        controls
            .iter()
            .find(|c| c["control"]["id"] == id)
            .unwrap_or_else(|| panic!("no control {id}"))
    };
    let messages: Vec<&str> = find("count")["targets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["findings"].as_array().into_iter().flatten())
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(messages, ["2 objects, in {\"app.yaml\"}"], "{report}");
    let netpol = find("k8s-namespace-network-policy");
    let outcomes: Vec<&str> = netpol["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["outcome"].as_str())
        .collect();
    assert_eq!(outcomes, ["pass"], "{netpol}");
}
