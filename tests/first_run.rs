//! What a new user meets in the first hour: the scanned folder's own
//! assure.yaml is used, `init` then `verify` works, the baseline folder is
//! never an input, a narrowed run says its coverage is partial and does not
//! call other controls' waivers unused, fixed findings are named, and
//! `verify --data` gives the tests the data.

mod common;

use common::{code, repo, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

fn assure_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assure"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A copy of the example repository.
fn demo_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("cp")
        .arg("-r")
        .arg(repo().join("demo/acme-billing/."))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

#[test]
fn the_scanned_folders_config_is_used_unless_the_current_folder_has_one() {
    let demo = demo_copy();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = demo.path().to_string_lossy().into_owned();
    // From another folder: the example's objectives and waiver apply.
    let out = assure_in(elsewhere.path(), &["test", &target, "--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    // Said, on stderr (stdout stays the machine format).
    assert!(
        stderr(&out).contains("note: using ")
            && stderr(&out).contains("the config of the folder scanned"),
        "{}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let objectives: Vec<&str> = json["coverage"]["soc1"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["id"].as_str())
        .collect();
    assert_eq!(objectives, ["BILL-1", "BILL-2", "BILL-3"], "{objectives:?}");
    assert!(json["summary"]["waived"].as_u64().unwrap() >= 1);
    // A config in the current folder wins over the scanned folder's.
    std::fs::write(elsewhere.path().join("assure.yaml"), "fail_on: critical\n").unwrap();
    let out = assure_in(elsewhere.path(), &["test", &target, "--format", "json"]);
    assert!(!stderr(&out).contains("note: using "), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["gate"]["fail_on"], "critical");
    assert!(json["coverage"]["soc1"]
        .as_array()
        .unwrap()
        .iter()
        .all(|o| !o["id"].as_str().unwrap_or("").starts_with("BILL")));
}

#[test]
fn init_then_verify_loads_each_policy_once_and_names_real_commands() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(code(&assure_in(dir.path(), &["init"])), 0);
    let count = |out: &Output| -> String {
        stdout(out)
            .lines()
            .find(|l| l.ends_with("failed"))
            .unwrap_or("")
            .to_owned()
    };
    let plain = assure_in(dir.path(), &["verify"]);
    assert_eq!(code(&plain), 0, "{}{}", stdout(&plain), stderr(&plain));
    for args in [
        vec!["verify", "policy/"],
        vec!["verify", "./policy"],
        vec!["verify", "policy", "--policy", "policy/example.rego"],
    ] {
        let out = assure_in(dir.path(), &args);
        assert_eq!(code(&out), 0, "{args:?}: {}{}", stdout(&out), stderr(&out));
        assert_eq!(count(&out), count(&plain), "{args:?}");
    }
    // The starter config points at commands, not at a placeholder page.
    let config = std::fs::read_to_string(dir.path().join("assure.yaml")).unwrap();
    assert!(!config.contains("https://github.com/ "), "{config}");
    let mut named = 0;
    for part in config.split("`assure ").skip(1) {
        let command: Vec<&str> = part
            .split('`')
            .next()
            .unwrap()
            .split_whitespace()
            .filter(|w| !w.starts_with('-'))
            .collect();
        let mut args = command.clone();
        args.push("--help");
        let out = assure_in(dir.path(), &args);
        assert_eq!(code(&out), 0, "assure {command:?} --help: {}", stderr(&out));
        named += 1;
    }
    assert!(named >= 2, "{config}");
}

#[test]
fn a_baseline_is_not_scanned_and_fixed_findings_are_named() {
    let demo = demo_copy();
    let d = demo.path();
    let before = assure_in(d, &["test", ".", "--format", "json"]);
    let documents = |o: &Output| {
        serde_json::from_str::<serde_json::Value>(&stdout(o)).unwrap()["summary"]["documents"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(code(&assure_in(d, &["baseline", "."])), 0);
    assert!(d.join(".assure/baseline.json").is_file());
    let after = assure_in(
        d,
        &[
            "test",
            ".",
            "--format",
            "json",
            "--baseline",
            ".assure/baseline.json",
        ],
    );
    assert_eq!(code(&after), 0, "{}", stderr(&after));
    assert_eq!(documents(&after), documents(&before));
    // Renaming a bucket fixes the old address's findings: each is named.
    let storage = d.join("infra/terraform/storage.tf");
    let text = std::fs::read_to_string(&storage).unwrap();
    std::fs::write(
        &storage,
        text.replace(
            "resource \"aws_s3_bucket\" \"exports\"",
            "resource \"aws_s3_bucket\" \"exports_v2\"",
        ),
    )
    .unwrap();
    let out = assure_in(d, &["test", ".", "--baseline", ".assure/baseline.json"]);
    let text = stdout(&out);
    let fixed: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Fixed since the baseline"))
        .skip(1)
        .take_while(|l| l.starts_with("  ✓ "))
        .collect();
    assert!(!fixed.is_empty(), "{text}");
    assert!(
        fixed
            .iter()
            .all(|l| l.contains("infra/terraform/storage.tf aws_s3_bucket.exports:")),
        "{fixed:?}"
    );
    assert!(text.contains(&format!("{} fixed", fixed.len())), "{text}");
}

#[test]
fn a_narrowed_run_reports_partial_coverage_and_leaves_other_waivers_unjudged() {
    let demo = demo_copy();
    let out = assure_in(
        demo.path(),
        &[
            "test",
            ".",
            "--control",
            "aws-s3-encryption",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let waivers = &json["waivers"];
    assert_eq!(
        waivers["unused"].as_array().map_or(0, Vec::len),
        0,
        "{waivers}"
    );
    assert!(
        waivers["not_evaluated"]
            .as_array()
            .is_some_and(|w| w.iter().any(|x| x["control"] == "aws-sg-open-admin-ports")),
        "{waivers}"
    );
    // CC6.6 has controls, none of which ran: partial, naming them.
    let cc66 = json["coverage"]["soc2"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "CC6.6")
        .unwrap();
    assert_eq!(cc66["status"], "partial", "{cc66}");
    assert!(cc66["not_run"].as_array().is_some_and(|n| !n.is_empty()));
    let text = stdout(&assure_in(
        demo.path(),
        &["test", ".", "--control", "aws-s3-encryption"],
    ));
    assert!(text.contains("Coverage is partial:"), "{text}");
    assert!(!text.contains("unused waiver"), "{text}");
    // The full run judges the same waiver as applied.
    let full = assure_in(demo.path(), &["test", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&full)).unwrap();
    assert!(json["waivers"].get("not_evaluated").is_none());
}

#[test]
fn verify_passes_data_to_the_policy_tests() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("policy")).unwrap();
    std::fs::write(
        p.join("policy/limit.rego"),
        "package main\n\nimport rego.v1\n\ndeny contains msg if {\n  input.replicas > data.limits.max_replicas\n  msg := \"too many replicas\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        p.join("policy/limit_test.rego"),
        "package main\n\nimport rego.v1\n\ntest_over_the_limit if {\n  count(deny) == 1 with input as {\"replicas\": 6}\n}\n\ntest_limit_is_read if {\n  data.limits.max_replicas == 5\n}\n",
    )
    .unwrap();
    std::fs::write(p.join("limits.yaml"), "limits:\n  max_replicas: 5\n").unwrap();
    let with = assure_in(
        p,
        &["verify", "--no-builtin", "policy", "--data", "limits.yaml"],
    );
    assert_eq!(code(&with), 0, "{}{}", stdout(&with), stderr(&with));
    assert!(
        stdout(&with).contains("2 passed, 0 failed"),
        "{}",
        stdout(&with)
    );
    let without = assure_in(p, &["verify", "--no-builtin", "policy"]);
    assert_eq!(code(&without), 1, "{}", stdout(&without));
}
