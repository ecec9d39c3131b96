//! CI gating end to end: baselines that fail only on regressions, inline
//! waivers, SARIF and GitHub annotations.

mod common;

use common::*;

const BUCKETS: &str = "resource \"aws_s3_bucket\" \"reports\" {\n  bucket = \"acme-reports\"\n}\n\nresource \"aws_s3_bucket\" \"exports\" {\n  bucket = \"acme-exports\"\n}\n\nresource \"aws_s3_bucket\" \"ledger_archive\" {\n  bucket = \"acme-ledger-archive\"\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = \"aws:kms\"\n      }\n    }\n  }\n}\n";

fn repo_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn run_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["test", "--format", "json"];
    all.extend_from_slice(args);
    let out = assure(&all);
    let v = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (code(&out), v)
}

#[test]
fn baselines_fail_on_regressions_only() {
    let repo = repo_with(&[("infra/s3.tf", BUCKETS)]);
    let root = repo.path().to_str().unwrap();
    let base = repo.path().join(".assure/baseline.json");
    let base_s = base.to_str().unwrap();
    let only = ["--control", "aws-s3-encryption"];

    let out = assure(&[&["baseline", root, "--output", base_s][..], &only[..]].concat());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(b["schema_version"], 1);
    let entries = b["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    // Exactly what survives an edit that moves lines: no line, no column.
    for e in entries {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["control", "path", "resource", "message", "fingerprint"],
            "{e}"
        );
    }
    assert!(
        entries[0]["resource"].as_str() < entries[1]["resource"].as_str(),
        "sorted"
    );

    // An edit that moves every line and reformats: nothing new.
    let moved = format!(
        "# storage for finance\n\n\n{}",
        BUCKETS.replace("  bucket = ", "  bucket    =   ")
    );
    std::fs::write(repo.path().join("infra/s3.tf"), &moved).unwrap();
    let args = [&["--baseline", base_s][..], &only[..], &[root][..]].concat();
    let (c, v) = run_json(&args);
    assert_eq!(c, 0, "{v:#}");
    assert_eq!(
        (
            v["baseline"]["known"].as_u64(),
            v["baseline"]["new"].as_u64()
        ),
        (Some(2), Some(0))
    );
    assert_eq!(v["summary"]["known"], 2);
    // The JUnit keeps every target: known findings are skipped, not dropped.
    let (_, report) = junit_run("baseline.xml", &args);
    let cases = &report.test_suites[0].test_cases;
    assert_eq!(cases.len(), 3);
    let known = cases
        .iter()
        .filter(|t| match &t.status {
            quick_junit::TestCaseStatus::Skipped { message, .. } => {
                message.as_ref().unwrap().as_str().contains("baseline")
            }
            _ => false,
        })
        .count();
    assert_eq!(known, 2);
    assert!(cases.iter().any(
        |t| t.name.as_str() == "infra/s3.tf#aws_s3_bucket.ledger_archive"
            && matches!(t.status, quick_junit::TestCaseStatus::Success { .. })
    ));

    // A new violation: exactly one new finding, and the gate closes.
    let regressed = format!(
        "{moved}\nresource \"aws_s3_bucket\" \"ledger\" {{\n  bucket = \"acme-ledger\"\n}}\n"
    );
    std::fs::write(repo.path().join("infra/s3.tf"), &regressed).unwrap();
    let (c, v) = run_json(&args);
    assert_eq!(c, 1);
    assert_eq!(
        (
            v["baseline"]["known"].as_u64(),
            v["baseline"]["new"].as_u64()
        ),
        (Some(2), Some(1))
    );
    let text = stdout(&assure(&[&["test"][..], &args[..]].concat()));
    assert!(
        text.contains("aws_s3_bucket.ledger") && text.contains("1 new"),
        "{text}"
    );
    // A passing target is still reported alongside the known ones.
    let sarif = report_path("baseline.sarif");
    let with_sarif = [&args[..], &["--sarif", sarif.to_str().unwrap()][..]].concat();
    let (_, report) = junit_run("baseline-regressed.xml", &with_sarif);
    assert_eq!(report.test_suites[0].test_cases.len(), 4);
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let states: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert_eq!(states.iter().filter(|s| **s == "new").count(), 1);
    assert_eq!(states.iter().filter(|s| **s == "unchanged").count(), 2);

    // Fixing an old finding lists it as fixed, and passes.
    let fixed = moved.replace(
        "resource \"aws_s3_bucket\" \"exports\" {",
        "resource \"aws_s3_bucket\" \"exports\" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = \"AES256\"\n      }\n    }\n  }",
    );
    std::fs::write(repo.path().join("infra/s3.tf"), &fixed).unwrap();
    let (c, v) = run_json(&args);
    assert_eq!(c, 0);
    let gone = v["baseline"]["fixed"].as_array().unwrap();
    assert_eq!(gone.len(), 1);
    assert_eq!(gone[0]["resource"], "aws_s3_bucket.exports");

    // A baseline that does not parse is an error, never an empty baseline.
    std::fs::write(&base, "{\"schema_version\": 1, \"findings\": [").unwrap();
    let out = assure(&[&["test"][..], &args[..]].concat());
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("baseline.json"));
}

#[test]
fn inline_waivers_in_hcl_yaml_and_dockerfiles() {
    let repo = repo_with(&[
        (
            "infra/s3.tf",
            &format!("# assure:waive aws-s3-encryption until {} owner data@example.com public dataset, no secrets\nresource \"aws_s3_bucket\" \"open_data\" {{\n  bucket = \"acme-open-data\"\n}}\n\nresource \"aws_s3_bucket\" \"private\" {{\n  bucket = \"acme-private\"\n}}\n", in_days(100)),
        ),
        (
            "k8s/pod.yaml",
            &format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n  - name: shell # assure:waive k8s-image-pinned until {} owner sre@example.com debug pod, pulled by hand\n    image: busybox\n    securityContext:\n      runAsNonRoot: true\n", in_days(100)),
        ),
        (
            "Dockerfile",
            "# assure:waive dockerfile-base-image-pinned until 2020-01-01 owner web@example.com tracking upstream\nFROM nginx\nUSER nginx\n",
        ),
    ]);
    let root = repo.path().to_str().unwrap();
    let (c, v) = run_json(&[
        "--control",
        "aws-s3-encryption,k8s-image-pinned,dockerfile-base-image-pinned",
        root,
    ]);
    assert_eq!(
        c, 1,
        "the expired Dockerfile waiver and the private bucket fail"
    );
    let outcome = |id: &str, name: &str| -> String {
        let c = v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["control"]["id"] == id)
            .unwrap();
        let t = c["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {c:#}"));
        t["outcome"].as_str().unwrap().to_owned()
    };
    assert_eq!(
        outcome("aws-s3-encryption", "infra/s3.tf#aws_s3_bucket.open_data"),
        "waived"
    );
    assert_eq!(
        outcome("aws-s3-encryption", "infra/s3.tf#aws_s3_bucket.private"),
        "fail"
    );
    assert_eq!(
        outcome("k8s-image-pinned", "k8s/pod.yaml#Pod/debug/container:shell"),
        "waived"
    );
    assert_eq!(
        outcome("dockerfile-base-image-pinned", "Dockerfile#stage:0"),
        "fail"
    );
    assert_eq!(v["waivers"]["expired"][0][0]["source"], "Dockerfile:1");

    // A comment missing a field is an input error, not a silent skip.
    let bad = repo_with(&[("k8s/pod.yaml", "# assure:waive k8s-image-pinned until 2099-01-01 debug pod pulled by hand\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n")]);
    let (c, v) = run_json(&[
        "--control",
        "k8s-image-pinned",
        bad.path().to_str().unwrap(),
    ]);
    assert_eq!(c, 1);
    let e = &v["input_errors"][0];
    assert_eq!(
        (e["path"].as_str(), e["line"].as_u64()),
        (Some("k8s/pod.yaml"), Some(1))
    );
    assert!(e["message"].as_str().unwrap().contains("owner"));
}

#[test]
fn sarif_has_rules_locations_fingerprints_and_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("assure.yaml");
    std::fs::write(&cfg, format!("waivers:\n  - control: aws-sg-open-admin-ports\n    path: \"**\"\n    reason: migration window\n    owner: platform@example.com\n    approved_by: ciso@example.com\n    expires: {}\n", in_days(100))).unwrap();
    let path = report_path("demo.sarif");
    let out = assure(&[
        "test",
        "-c",
        cfg.to_str().unwrap(),
        "--sarif",
        path.to_str().unwrap(),
        "demo/acme-billing",
    ]);
    assert_eq!(code(&out), 1);
    let text = std::fs::read_to_string(&path).unwrap();
    let sarif: serde_sarif::sarif::Sarif =
        serde_json::from_str(&text).expect("typed SARIF reads it back");
    let run = &sarif.runs[0];
    let rules = run.tool.driver.rules.as_ref().unwrap();
    let controls: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    assert_eq!(rules.len(), controls.len());
    let props = &rules[0].properties.as_ref().unwrap().additional_properties;
    assert!(props.contains_key("soc2") && props.contains_key("severity"));
    let results = run.results.as_ref().unwrap();
    // One result per finding, waived ones included (suppressed).
    let (_, v) = run_json(&["-c", cfg.to_str().unwrap(), "demo/acme-billing"]);
    let findings: usize = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["targets"].as_array().unwrap())
        .map(|t| t["findings"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(findings > 5);
    assert_eq!(results.len(), findings);
    for r in results {
        let loc = r.locations.as_ref().unwrap()[0]
            .physical_location
            .as_ref()
            .unwrap();
        let uri = loc
            .artifact_location
            .as_ref()
            .unwrap()
            .uri
            .as_ref()
            .unwrap();
        assert!(
            uri.starts_with("demo/acme-billing/"),
            "repository-relative: {uri}"
        );
        assert!(loc.region.as_ref().unwrap().start_line.unwrap() >= 1);
        assert_eq!(
            r.partial_fingerprints.as_ref().unwrap()["assure/v1"].len(),
            16
        );
    }
    let suppressed: Vec<_> = results
        .iter()
        .filter(|r| r.suppressions.is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(
        suppressed[0].rule_id.as_deref(),
        Some("aws-sg-open-admin-ports")
    );
}

#[test]
fn github_annotations_and_job_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(["test", "--format", "github", "demo/acme-billing"])
        .current_dir(repo())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let annotations: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("::") && l.contains(",title=["))
        .collect();
    // One annotation per live finding (fewer than the 50 shown at most), its
    // level by the control's severity: critical and high are errors, medium
    // warnings, low notices.
    let (_, v) = run_json(&["demo/acme-billing"]);
    let live: usize = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["targets"].as_array().unwrap())
        .flat_map(|t| t["findings"].as_array().into_iter().flatten())
        .filter(|f| f.get("waiver").is_none() && f.get("known").is_none())
        .count();
    assert!(live > 0 && live < 50, "{live}");
    assert_eq!(annotations.len(), live, "{text}");
    for a in &annotations {
        let level = a.split(' ').next().unwrap();
        let expected = if a.contains("title=[critical]") || a.contains("title=[high]") {
            "::error"
        } else if a.contains("title=[medium]") {
            "::warning"
        } else {
            "::notice"
        };
        assert_eq!(level, expected, "{a}");
    }
    // The most severe first.
    let rank = |a: &str| {
        ["[critical]", "[high]", "[medium]", "[low]"]
            .iter()
            .position(|s| a.contains(s))
            .unwrap()
    };
    assert!(
        annotations.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{text}"
    );
    assert!(annotations.iter().any(|l| l.starts_with("::error file=demo/acme-billing/infra/terraform/storage.tf,line=32,title=[high] aws-s3-encryption%3A ")));
    assert!(
        text.lines()
            .all(|l| l.starts_with("::") || l.starts_with("assure: ")),
        "only workflow commands and the verdict"
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("## assure: failed")
            && md.contains("| **total** |")
            && md.contains("`infra/terraform/storage.tf:32`"),
        "{md}"
    );
}
