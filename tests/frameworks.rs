//! Frameworks and scope end to end: assure.yaml categories and objectives,
//! coverage in every report, filters, waivers, `criteria` and `init`.

mod common;

use common::*;
use std::collections::BTreeSet;

fn write_config(dir: &tempfile::TempDir, text: &str) -> String {
    let p = dir.path().join("assure.yaml");
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["test", "--format", "json"];
    all.extend_from_slice(args);
    let out = assure(&all);
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)))
}

/// Ids of the built-in controls mapped to a criterion or objective.
fn controls_mapped_to(id: &str) -> Vec<String> {
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    let mut out: Vec<String> = all
        .iter()
        .filter(|c| {
            c["soc2"]
                .as_array()
                .unwrap()
                .iter()
                .chain(c["soc1"].as_array().unwrap())
                .any(|x| x == id)
        })
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

fn ids(items: &serde_json::Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn junit_props(report: &quick_junit::Report, name: &str) -> BTreeSet<String> {
    report
        .test_suites
        .iter()
        .flat_map(|s| s.properties.iter())
        .filter(|p| p.name.as_str() == name)
        .map(|p| p.value.to_string())
        .collect()
}

#[test]
fn categories_out_of_scope_disappear_and_security_stays() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(&dir, "soc2:\n  categories: [availability]\n");
    let v = json(&["-c", &cfg, "demo/acme-billing"]);
    let soc2 = ids(&v["coverage"]["soc2"]);
    assert!(
        soc2.contains(&"CC6.1".to_owned()),
        "Security is always in scope"
    );
    assert!(soc2.contains(&"A1.2".to_owned()));
    assert!(
        !soc2
            .iter()
            .any(|id| id.starts_with("C1") || id.starts_with('P')),
        "{soc2:?}"
    );
    assert_eq!(soc2.len(), 33 + 3);
    // aws-s3-encryption maps to CC6.1 and C1.1: only CC6.1 is left anywhere.
    let s3 = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"]["id"] == "aws-s3-encryption")
        .unwrap();
    assert_eq!(s3["control"]["soc2"], serde_json::json!(["CC6.1"]));
    let (_, report) = junit_run("scope.xml", &["-c", &cfg, "demo/acme-billing"]);
    let props = junit_props(&report, "soc2");
    assert!(
        props.contains("CC6.1") && !props.contains("C1.1"),
        "{props:?}"
    );
    let text = stdout(&assure(&["test", "-c", &cfg, "demo/acme-billing"]));
    let words: BTreeSet<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .collect();
    assert!(!words.contains("C1.1") && words.contains("A1.2"), "{text}");
}

#[test]
fn custom_objectives_replace_the_defaults_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("retention.rego");
    std::fs::write(
        &policy,
        "# METADATA\n# title: Buckets keep their versions\n# custom:\n#   id: org-s3-versioning\n#   soc2: [C1.2]\n#   soc1: [FIN-2]\n#   inputs: [terraform]\npackage org.s3_versioning\n\nimport rego.v1\n\nresources contains sprintf(\"aws_s3_bucket.%s\", [name]) if some name, _ in input.resource.aws_s3_bucket\n\ndeny contains {\"msg\": \"no versioning\", \"resource\": sprintf(\"aws_s3_bucket.%s\", [name])} if {\n  some name, blocks in input.resource.aws_s3_bucket\n  some b in blocks\n  not b.versioning\n}\n",
    )
    .unwrap();
    let cfg = write_config(
        &dir,
        &format!(
            "soc1:\n  objectives:\n    - id: FIN-1\n      title: Billing changes are approved by someone other than the author\n      controls: [github-branch-protection-reviews]\n    - id: FIN-2\n      title: Financial records are retained\n    - id: FIN-3\n      title: Month-end close is reviewed\npolicies: [{}]\n",
            policy.display()
        ),
    );
    let v = json(&["-c", &cfg, "demo/acme-billing"]);
    assert_eq!(ids(&v["coverage"]["soc1"]), ["FIN-1", "FIN-2", "FIN-3"]);
    let status: Vec<&str> = v["coverage"]["soc1"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["passing", "failing", "manual"]);
    let (_, report) = junit_run("objectives.xml", &["-c", &cfg, "demo/acme-billing"]);
    assert_eq!(
        junit_props(&report, "soc1"),
        BTreeSet::from(["FIN-1".to_owned(), "FIN-2".to_owned()])
    );
    let text = stdout(&assure(&["test", "-c", &cfg, "demo/acme-billing"]));
    assert!(
        text.contains("FIN-1") && text.contains("FIN-3") && !text.contains("ITGC-"),
        "{text}"
    );
    let md = dir.path().join("ready.md");
    assure(&[
        "test",
        "-c",
        &cfg,
        "--markdown",
        md.to_str().unwrap(),
        "demo/acme-billing",
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    assert!(
        md.contains("| FIN-1 |")
            && md.contains("declared by the organization")
            && !md.contains("ITGC-"),
        "{md}"
    );
    assert!(md.contains("- **FIN-3** Month-end close is reviewed"));
}

#[test]
fn mapping_and_config_errors_exit_2_and_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("bad_mapping.rego");
    std::fs::write(&policy, "# METADATA\n# title: t\n# custom:\n#   id: bad-mapping\n#   soc2: [CC6.9]\n#   inputs: [kubernetes]\npackage bad\n\nimport rego.v1\n\ndeny contains \"x\" if false\n").unwrap();
    let out = assure(&[
        "test",
        "--policy",
        policy.to_str().unwrap(),
        "demo/acme-billing",
    ]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("bad_mapping.rego:1:") && stderr(&out).contains("CC6.9"),
        "{}",
        stderr(&out)
    );

    let cfg = write_config(&dir, "soc2:\n  categories: [security]\nfail-on: high\n");
    let out = assure(&["test", "-c", &cfg, "demo/acme-billing"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("assure.yaml:3:") && stderr(&out).contains("fail-on"),
        "{}",
        stderr(&out)
    );

    let missing = assure(&["test", "-c", "no/such/assure.yaml", "demo/acme-billing"]);
    assert_eq!(code(&missing), 2);
}

#[test]
fn framework_and_criteria_filters_choose_what_runs() {
    // An empty config: the default objective set (the example's own
    // assure.yaml, found in the folder scanned, declares three).
    let dir = tempfile::tempdir().unwrap();
    let empty = write_config(&dir, "");
    let v = json(&["-c", &empty, "--framework", "soc1", "demo/acme-billing"]);
    assert!(v["coverage"]["soc2"].as_array().unwrap().is_empty());
    assert_eq!(ids(&v["coverage"]["soc1"]).len(), 10);
    let v = json(&["--framework", "soc1", "demo/acme-billing"]);
    assert_eq!(ids(&v["coverage"]["soc1"]), ["BILL-1", "BILL-2", "BILL-3"]);
    let v = json(&["--criteria", "CC7.2", "demo/acme-billing"]);
    let run: Vec<&str> = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["control"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(run, controls_mapped_to("CC7.2"));
    assert!(run.contains(&"aws-cloudtrail-multi-region"));
    assert_eq!(ids(&v["coverage"]["soc2"]), ["CC7.2"]);
    assert_eq!(
        code(&assure(&[
            "test",
            "--criteria",
            "CC99.1",
            "demo/acme-billing"
        ])),
        2
    );
}

#[test]
fn fail_on_comes_from_config_unless_the_flag_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(&dir, "fail_on: critical\n");
    // aws-s3-versioning is a medium control, failing in its fail fixtures.
    let args = [
        "test",
        "-c",
        cfg.as_str(),
        "--control",
        "aws-s3-versioning",
        &fixtures("aws-s3-versioning", "fail"),
    ];
    let out = assure(&args);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).contains("below the threshold (critical)"));
    let out = assure(&[&args[..], &["--fail-on", "medium"][..]].concat());
    assert_eq!(code(&out), 1);
}

#[test]
fn waivers_apply_expire_and_report_unused() {
    let dir = tempfile::tempdir().unwrap();
    let waiver = |expires: &str| {
        format!("waivers:\n  - control: aws-sg-open-admin-ports\n    path: \"infra/**\"\n    resource: aws_security_group.bastion\n    reason: migration window, OPS-112\n    owner: platform@example.com\n    approved_by: ciso@example.com\n    expires: {expires}\n  - control: k8s-image-pinned\n    path: \"nowhere/**\"\n    reason: r\n    owner: o\n    expires: {}\n", in_days(30))
    };
    let until = in_days(200);
    let cfg = write_config(&dir, &waiver(&until));
    let args = [
        "-c",
        cfg.as_str(),
        "--control",
        "aws-sg-open-admin-ports,k8s-image-pinned",
        "--skip-control",
        "k8s-image-pinned",
        "demo/acme-billing",
    ];
    let (out, report) = junit_run("waived.xml", &args);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let case = report.test_suites[0]
        .test_cases
        .iter()
        .find(|t| t.name.as_str().ends_with("#aws_security_group.bastion"))
        .unwrap();
    match &case.status {
        quick_junit::TestCaseStatus::Skipped { message, .. } => {
            let m = message.as_ref().unwrap().to_string();
            assert!(
                m.contains("migration window")
                    && m.contains("platform@example.com")
                    && m.contains(&until),
                "{m}"
            );
        }
        other => panic!("expected skipped, got {other:?}"),
    }
    // The skipped control's waiver could match nothing: not evaluated.
    let v = json(&args);
    assert_eq!(v["waivers"]["unused"].as_array().unwrap().len(), 0);
    assert_eq!(
        v["waivers"]["not_evaluated"][0]["control"],
        "k8s-image-pinned"
    );
    // Run, the same waiver matches no finding: unused.
    let ran = [
        "-c",
        cfg.as_str(),
        "--no-fail",
        "--control",
        "aws-sg-open-admin-ports,k8s-image-pinned",
        "demo/acme-billing",
    ];
    let v = json(&ran);
    assert_eq!(v["waivers"]["unused"].as_array().unwrap().len(), 1);
    assert!(stdout(&assure(&[&["test"][..], &ran[..]].concat()))
        .contains("unused waiver for k8s-image-pinned"));

    let cfg = write_config(&dir, &waiver("2020-01-31"));
    let args = [
        "-c",
        cfg.as_str(),
        "--control",
        "aws-sg-open-admin-ports",
        "demo/acme-billing",
    ];
    let out = assure(&[&["test"][..], &args[..]].concat());
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(
        text.contains("expired on 2020-01-31") && text.contains("waiver expired"),
        "{text}"
    );
    let v = json(&args);
    assert_eq!(v["waivers"]["expired"].as_array().unwrap().len(), 1);
    let (_, report) = junit_run("expired.xml", &args);
    let case = report.test_suites[0]
        .test_cases
        .iter()
        .find(|t| t.name.as_str().ends_with("#aws_security_group.bastion"))
        .unwrap();
    match &case.status {
        quick_junit::TestCaseStatus::NonSuccess { message, .. } => {
            assert!(message
                .as_ref()
                .unwrap()
                .as_str()
                .contains("waiver expired on 2020-01-31"));
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn criteria_lists_scope_and_after_a_scan_statuses() {
    let list = stdout(&assure(&["criteria", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(ids(&v["soc2"]).len(), 61);
    let cc72 = v["soc2"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "CC7.2")
        .unwrap();
    assert_eq!(
        cc72["controls"],
        serde_json::json!(controls_mapped_to("CC7.2"))
    );
    assert_eq!(cc72["status"], "not-examined");
    let status = |dir: &str, id: &str| -> String {
        let v: serde_json::Value =
            serde_json::from_str(&stdout(&assure(&["criteria", dir, "--format", "json"]))).unwrap();
        v["soc2"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // Every control mapped to CC7.2 that examines a trail passes on a
    // complete, logging one.
    assert_eq!(
        status(&fixtures("aws-cloudtrail-multi-region", "pass"), "CC7.2"),
        "passing"
    );
    assert_eq!(
        status(&fixtures("aws-sg-open-admin-ports", "fail"), "CC6.6"),
        "failing"
    );
    assert_eq!(
        status(&fixtures("aws-sg-open-admin-ports", "fail"), "CC1.1"),
        "manual"
    );
    assert_eq!(
        status(&fixtures("aws-sg-open-admin-ports", "fail"), "CC8.1"),
        "not-examined"
    );
    let md = stdout(&assure(&["criteria", "--format", "markdown"]));
    assert!(md.contains("| CC1.1 |") && md.contains("manual evidence needed"));
}

#[test]
fn criteria_with_paths_exits_like_test() {
    let passing = fixtures("aws-cloudtrail-multi-region", "pass");
    let failing = fixtures("aws-sg-open-admin-ports", "fail");
    let broken = tempfile::tempdir().unwrap();
    std::fs::write(
        broken.path().join("pod.yaml"),
        "kind: Pod\nspec: [unclosed\n",
    )
    .unwrap();
    let broken = broken.path().to_str().unwrap();
    for dir in [passing.as_str(), failing.as_str(), broken] {
        let test = code(&assure(&["test", dir]));
        let criteria = code(&assure(&["criteria", dir]));
        assert_eq!(criteria, test, "{dir}");
    }
    assert_eq!(code(&assure(&["criteria", broken])), 1);
    assert_eq!(code(&assure(&["criteria"])), 0);
}

#[test]
fn init_writes_a_working_starter() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_eq!(code(&assure(&["init", d])), 0);
    assert_eq!(
        code(&assure(&["init", d])),
        2,
        "never overwrites without --force"
    );
    let cfg = dir.path().join("assure.yaml");
    let out = assure(&[
        "test",
        "-c",
        cfg.to_str().unwrap(),
        "--control",
        "example-k8s-owner-label",
        "demo/acme-billing/k8s",
    ]);
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("Deployment/billing-api has no owner label"));
}

#[test]
fn deselected_controls_leave_their_criteria_partial_never_manual() {
    let v = json(&["--control", "k8s-privileged-container", "demo/acme-billing"]);
    let status = |id: &str| {
        v["coverage"]["soc2"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // CC7.2's controls did not run: partial, never "manual" or a pass; CC6.8
    // passed where its one selected control looked, and the rest did not
    // run, so it is partial too.
    assert_eq!(status("CC7.2"), "partial");
    assert_eq!(status("CC1.1"), "manual");
    assert_eq!(status("CC6.8"), "partial");
    let v = json(&[
        "--control",
        "k8s-privileged-container",
        "--criteria",
        "CC6.8",
        "demo/acme-billing",
    ]);
    let cc68 = &v["coverage"]["soc2"][0];
    assert!(cc68["not_run"]
        .as_array()
        .is_some_and(|n| !n.is_empty() && !n.iter().any(|c| c == "k8s-privileged-container")));
}
