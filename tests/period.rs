//! The period report against a constructed truth: six months of daily runs
//! (with ASSURE_NOW) of a repository whose history is known: failures
//! fixed after known delays, a gap of five days, a waiver that expires
//! while its finding remains, an inline (unapproved) waiver, pull requests
//! merged and squashed, and a commit nobody ran assure on. Every figure of
//! the report is checked against that history, in both stores.

mod common;

use chrono::{Days, NaiveDate};
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CONFIG: &str = "waivers:\n  - control: local-bucket-versioning\n    path: \"infra/**\"\n    resource: aws_s3_bucket.legacy\n    reason: retired with the archive\n    owner: data@example.com\n    approved_by: ciso@example.com\n    ticket: SEC-7\n    expires: 2026-05-31\n";

const POLICY: &str = "# METADATA\n# title: Buckets keep versions\n# custom:\n#   id: local-bucket-versioning\n#   severity: medium\n#   soc2: [A1.2]\n#   inputs: [terraform]\n#   resource_types: [aws_s3_bucket]\n#   remediation: Enable versioning.\npackage local.versioning\n\nimport rego.v1\n\nresources contains sprintf(\"aws_s3_bucket.%s\", [name]) if some name, _ in input.resource.aws_s3_bucket\n\ndeny contains {\"msg\": sprintf(\"bucket %s keeps no versions\", [name]), \"resource\": sprintf(\"aws_s3_bucket.%s\", [name])} if {\n  some name, bodies in input.resource.aws_s3_bucket\n  some b in bodies\n  not b.versioning\n}\n";

/// The buckets of infra/main.tf: (name, versioned, waived inline).
fn terraform(buckets: &[(&str, bool, bool)]) -> String {
    buckets
        .iter()
        .map(|(name, versioned, inline)| {
            let waive = if *inline {
                " # assure:waive local-bucket-versioning until 2026-12-31 owner data@example.com scratch space, emptied weekly"
            } else {
                ""
            };
            let versioning = if *versioned { "  versioning {\n    enabled = true\n  }\n" } else { "" };
            format!("resource \"aws_s3_bucket\" \"{name}\" {{{waive}\n  bucket = \"{name}\"\n{versioning}}}\n\n")
        })
        .collect()
}

struct History {
    _dir: tempfile::TempDir,
    repo: PathBuf,
    public_key: String,
    store: String,
    /// Subjects of the commits, by name in the scenario.
    commits: Vec<(String, String)>,
}

impl History {
    fn sha(&self, name: &str) -> String {
        self.commits
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| panic!("no commit {name}"))
    }
}

fn git_at(repo: &Path, time: &str, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_AUTHOR_NAME", "dev")
        .env("GIT_AUTHOR_EMAIL", "dev@example.com")
        .env("GIT_COMMITTER_NAME", "dev")
        .env("GIT_COMMITTER_EMAIL", "dev@example.com")
        .env("GIT_AUTHOR_DATE", time)
        .env("GIT_COMMITTER_DATE", time)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out).trim().to_owned()
}

fn commit(repo: &Path, time: &str, message: &str, files: &[(&str, &str)]) -> String {
    for (rel, text) in files {
        let p = repo.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    git_at(repo, time, &["add", "-A"]);
    git_at(
        repo,
        time,
        &["commit", "-q", "--allow-empty", "-m", message],
    );
    git_at(repo, time, &["rev-parse", "HEAD"])
}

fn run_at(repo: &Path, store: &str, key: &Path, time: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    cmd.args([
        "test",
        ".",
        "-q",
        "-p",
        "policy",
        "--no-builtin",
        "--evidence",
        store,
    ])
    .current_dir(repo)
    .env("ASSURE_SIGNING_KEY", key)
    .env("ASSURE_NOW", time);
    for (k, _) in std::env::vars() {
        if k == "CI"
            || k.starts_with("GITHUB_")
            || k.starts_with("GITLAB")
            || k.starts_with("CI_")
            || (k.starts_with("ASSURE_") && k != "ASSURE_TEST_POSTGRES")
        {
            cmd.env_remove(k);
        }
    }
    cmd.env("ASSURE_SIGNING_KEY", key).env("ASSURE_NOW", time);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run assure");
    assert!(code(&out) < 2, "{time}: {}", stderr(&out));
    out
}

const FIRST: (i32, u32, u32) = (2026, 3, 1);
const DAYS: u64 = 184; // 2026-03-01 to 2026-08-31
const GAP: std::ops::RangeInclusive<u64> = 70..=74; // 2026-05-10 to 2026-05-14

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST.0, FIRST.1, FIRST.2).unwrap() + Days::new(n)
}

fn at(n: u64, hm: &str) -> String {
    format!("{}T{hm}:00Z", day(n))
}

/// Build the six months, recording into `store` (a folder or a URL).
fn history(store: Option<String>) -> History {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("app");
    std::fs::create_dir_all(&repo).unwrap();
    let key = ed25519_key(dir.path(), "ci");
    let public_key = dir.path().join("ci.pub").to_string_lossy().into_owned();
    let store = store.unwrap_or_else(|| dir.path().join("ledger").to_string_lossy().into_owned());
    git_at(&repo, &at(0, "08:00"), &["init", "-q", "-b", "main"]);
    git_at(
        &repo,
        &at(0, "08:00"),
        &["remote", "add", "origin", "https://github.com/acme/app.git"],
    );
    let mut commits = Vec::new();
    let mut buckets: Vec<(&str, bool, bool)> = vec![
        ("logs", true, false),
        ("legacy", false, false),
        ("reports", false, false),
    ];
    let tf = |b: &[(&str, bool, bool)]| terraform(b);
    let name_of = |d: &str| d.to_owned();
    for n in 0..DAYS {
        let d = day(n).to_string();
        let c = |repo: &Path,
                 time: String,
                 message: &str,
                 files: &[(&str, &str)],
                 commits: &mut Vec<(String, String)>| {
            let sha = commit(repo, &time, message, files);
            commits.push((name_of(message), sha.clone()));
            sha
        };
        match d.as_str() {
            "2026-03-01" => {
                c(
                    &repo,
                    at(n, "09:00"),
                    "Initial infrastructure",
                    &[
                        ("assure.yaml", CONFIG),
                        ("policy/versioning.rego", POLICY),
                        ("infra/main.tf", &tf(&buckets)),
                        ("README.md", "app\n"),
                    ],
                    &mut commits,
                );
            }
            "2026-03-11" => {
                buckets[2].1 = true;
                c(
                    &repo,
                    at(n, "09:00"),
                    "Version the reports bucket",
                    &[("infra/main.tf", &tf(&buckets))],
                    &mut commits,
                );
            }
            "2026-04-10" => {
                buckets.push(("exports", false, false));
                c(
                    &repo,
                    at(n, "09:00"),
                    "Add the exports bucket",
                    &[("infra/main.tf", &tf(&buckets))],
                    &mut commits,
                );
            }
            "2026-04-13" => {
                buckets[3].1 = true;
                c(
                    &repo,
                    at(n, "09:00"),
                    "Version the exports bucket",
                    &[("infra/main.tf", &tf(&buckets))],
                    &mut commits,
                );
            }
            "2026-04-20" => {
                git_at(&repo, &at(n, "09:00"), &["checkout", "-q", "-b", "feature"]);
                let head = commit(
                    &repo,
                    &at(n, "09:00"),
                    "Document the buckets",
                    &[("README.md", "app: buckets\n")],
                );
                git_at(&repo, &at(n, "09:00"), &["checkout", "-q", "main"]);
                commits.push(("feature head".into(), head));
            }
            "2026-04-30" => {
                buckets.push(("scratch", false, true));
                c(
                    &repo,
                    at(n, "09:00"),
                    "Add a scratch bucket",
                    &[("infra/main.tf", &tf(&buckets))],
                    &mut commits,
                );
            }
            "2026-05-12" => {
                c(
                    &repo,
                    at(n, "09:00"),
                    "Hotfix A",
                    &[("README.md", "app: hotfix a\n")],
                    &mut commits,
                );
            }
            "2026-05-13" => {
                c(
                    &repo,
                    at(n, "09:00"),
                    "Hotfix B",
                    &[("README.md", "app: hotfix b\n")],
                    &mut commits,
                );
            }
            "2026-06-04" => {
                git_at(
                    &repo,
                    &at(n, "09:00"),
                    &["checkout", "-q", "-b", "feature9"],
                );
                let without: Vec<(&str, bool, bool)> = buckets
                    .iter()
                    .copied()
                    .filter(|b| b.0 != "legacy")
                    .collect();
                let head = commit(
                    &repo,
                    &at(n, "09:00"),
                    "Remove the legacy bucket",
                    &[("infra/main.tf", &tf(&without))],
                );
                git_at(&repo, &at(n, "09:00"), &["checkout", "-q", "main"]);
                commits.push(("feature9 head".into(), head));
            }
            "2026-07-01" => {
                buckets.retain(|b| b.0 != "scratch" && b.0 != "legacy");
                c(
                    &repo,
                    at(n, "09:00"),
                    "Remove the scratch bucket",
                    &[("infra/main.tf", &tf(&buckets))],
                    &mut commits,
                );
            }
            _ => {}
        }
        if !GAP.contains(&n) {
            run_at(&repo, &store, &key, &at(n, "10:00"), &[]);
        }
        match d.as_str() {
            "2026-04-20" => {
                let head = commits
                    .iter()
                    .find(|(n, _)| n == "feature head")
                    .unwrap()
                    .1
                    .clone();
                git_at(&repo, &at(n, "12:00"), &["checkout", "-q", "feature"]);
                run_at(
                    &repo,
                    &store,
                    &key,
                    &at(n, "12:00"),
                    &[
                        ("ASSURE_CI_PROVIDER", "test"),
                        ("ASSURE_CI_BRANCH", "feature"),
                        ("ASSURE_CI_PR_NUMBER", "7"),
                        ("ASSURE_CI_PR_HEAD", &head),
                    ],
                );
                git_at(&repo, &at(n, "13:00"), &["checkout", "-q", "main"]);
                git_at(
                    &repo,
                    &at(n, "13:00"),
                    &[
                        "merge",
                        "-q",
                        "--no-ff",
                        "feature",
                        "-m",
                        "Merge pull request #7 from acme/feature",
                    ],
                );
                commits.push((
                    "Merge #7".into(),
                    git_at(&repo, &at(n, "13:00"), &["rev-parse", "HEAD"]),
                ));
                c(
                    &repo,
                    at(n, "14:00"),
                    "Tidy the README",
                    &[("README.md", "app: buckets, tidied\n")],
                    &mut commits,
                );
            }
            "2026-06-04" => {
                let head = commits
                    .iter()
                    .find(|(n, _)| n == "feature9 head")
                    .unwrap()
                    .1
                    .clone();
                git_at(&repo, &at(n, "12:00"), &["checkout", "-q", "feature9"]);
                run_at(
                    &repo,
                    &store,
                    &key,
                    &at(n, "12:00"),
                    &[
                        ("ASSURE_CI_PROVIDER", "test"),
                        ("ASSURE_CI_BRANCH", "feature9"),
                        ("ASSURE_CI_PR_NUMBER", "9"),
                        ("ASSURE_CI_PR_HEAD", &head),
                    ],
                );
                git_at(&repo, &at(n, "12:30"), &["checkout", "-q", "main"]);
            }
            "2026-06-05" => {
                git_at(
                    &repo,
                    &at(n, "10:30"),
                    &["merge", "-q", "--squash", "feature9"],
                );
                buckets.retain(|b| b.0 != "legacy");
                git_at(
                    &repo,
                    &at(n, "10:30"),
                    &["commit", "-q", "-m", "Remove the legacy bucket (#9)"],
                );
                commits.push((
                    "Squash #9".into(),
                    git_at(&repo, &at(n, "10:30"), &["rev-parse", "HEAD"]),
                ));
                c(
                    &repo,
                    at(n, "11:00"),
                    "Changelog",
                    &[("README.md", "app: changelog\n")],
                    &mut commits,
                );
            }
            _ => {}
        }
    }
    History {
        _dir: dir,
        repo,
        public_key,
        store,
        commits,
    }
}

fn period(h: &History, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec![
        "period",
        "--from",
        "2026-03-01",
        "--to",
        "2026-08-31",
        "--evidence",
        &h.store,
        "--branch",
        "main",
        "--key",
        &h.public_key,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(&args)
        .current_dir(&h.repo)
        .env("ASSURE_NOW", "2026-09-15T00:00:00Z")
        .env_remove("CI")
        .output()
        .unwrap();
    let v = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (code(&out), v)
}

/// Every figure against the history above.
fn check(h: &History) {
    let repo = h.repo.to_string_lossy().into_owned();
    let (code, v) = period(h, &["--git", &repo, "--sample", "4", "--seed", "42"]);
    // Exit 1: the clock was overridden (as in any simulation) and one
    // commit has no run.
    assert_eq!(code, 1);
    let schema_text =
        std::fs::read_to_string(common::repo().join("docs/period.schema.json")).unwrap();
    let schema = jsonschema::validator_for(&serde_json::from_str(&schema_text).unwrap()).unwrap();
    let errors: Vec<String> = schema
        .iter_errors(&v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // Integrity: every record of the period checked against the key; the
    // only problem is the clock, on every record (179 on main, 2 PR runs).
    let integrity = &v["integrity"];
    assert_eq!(integrity["keys_checked"], true);
    assert_eq!(integrity["checked"], 181);
    let kinds: std::collections::BTreeSet<&str> = integrity["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["clock-override"]);
    assert_eq!(integrity["problems"].as_array().unwrap().len(), 181);
    assert_eq!(v["generated"]["clock"], "override");

    // Runs and the gap.
    let runs = &v["runs"];
    assert_eq!(runs["total"], 179);
    assert_eq!(runs["days_with_runs"], 179);
    assert_eq!(
        runs["gaps"],
        serde_json::json!([{"from": "2026-05-10", "to": "2026-05-14", "days": 5}])
    );
    let failing_days: Vec<u64> = (0..10).chain(40..43).chain(92..97).collect();
    assert_eq!(runs["failed"], failing_days.len());

    // Day by day: failing until each fix, waived while a waiver applied,
    // passing once the last waived bucket went, no run in the gap.
    let expected: String = (0..DAYS)
        .map(|n| {
            if GAP.contains(&n) {
                '-'
            } else if failing_days.contains(&n) {
                'F'
            } else if day(n) < NaiveDate::from_ymd_opt(2026, 7, 1).unwrap() {
                'W'
            } else {
                'P'
            }
        })
        .collect();
    let control = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "local-bucket-versioning")
        .unwrap();
    assert_eq!(control["days"], expected);
    assert_eq!(
        (
            control["days_failing"].as_u64(),
            control["days_waived"].as_u64(),
            control["days_passing"].as_u64(),
            control["days_not_run"].as_u64()
        ),
        (Some(18), Some(99), Some(62), Some(5))
    );
    assert_eq!(control["runs"], 179);
    // Shares of the period's time: failing 240 + 72 + 120 hours, waived
    // from each fix to the next failure and until the scratch bucket went,
    // unknown before the first run (10 hours), passing after.
    let total_ms = (DAYS * 24 * 3600 * 1000 - 1) as f64;
    let hours = |h: f64| ((h * 3600.0 * 1000.0 / total_ms) * 10000.0).round() / 10000.0;
    assert_eq!(control["share_failing"].as_f64(), Some(hours(432.0)));
    assert_eq!(
        control["share_waived"].as_f64(),
        Some(hours(720.0 + 1176.0 + 600.0))
    );
    assert_eq!(control["share_unknown"].as_f64(), Some(hours(10.0)));
    let passing = (((DAYS as f64 * 24.0 - 10.0 - 432.0 - 2496.0) * 3_600_000.0 - 1.0) / total_ms
        * 10000.0)
        .round()
        / 10000.0;
    assert_eq!(control["share_passing"].as_f64(), Some(passing));
    // Failing windows by fingerprint, with their time to remediate.
    let windows: Vec<(String, String, Option<String>, Option<f64>)> = control["failing_windows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["target"].as_str().unwrap().to_owned(),
                w["first_seen"].as_str().unwrap().to_owned(),
                w["fixed"].as_str().map(str::to_owned),
                w["hours_to_remediate"].as_f64(),
            )
        })
        .collect();
    assert_eq!(
        windows,
        [
            (
                "infra/main.tf#aws_s3_bucket.reports".to_owned(),
                "2026-03-01T10:00:00.000Z".to_owned(),
                Some("2026-03-11T10:00:00.000Z".to_owned()),
                Some(240.0)
            ),
            (
                "infra/main.tf#aws_s3_bucket.exports".to_owned(),
                "2026-04-10T10:00:00.000Z".to_owned(),
                Some("2026-04-13T10:00:00.000Z".to_owned()),
                Some(72.0)
            ),
            (
                "infra/main.tf#aws_s3_bucket.legacy".to_owned(),
                "2026-06-01T10:00:00.000Z".to_owned(),
                Some("2026-06-06T10:00:00.000Z".to_owned()),
                Some(120.0)
            ),
        ]
    );
    assert_eq!(control["mean_hours_to_remediate"].as_f64(), Some(144.0));
    // The criterion it maps operated exactly as it did.
    let a12 = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "A1.2")
        .unwrap();
    for k in [
        "days",
        "share_passing",
        "share_failing",
        "share_waived",
        "share_unknown",
        "mean_hours_to_remediate",
    ] {
        assert_eq!(a12[k], control[k], "{k}");
    }
    assert_eq!(a12["kind"], "soc2");

    // Exceptions.
    let waivers = v["exceptions"]["waivers"].as_array().unwrap();
    assert_eq!(waivers.len(), 2, "{waivers:?}");
    let config = waivers.iter().find(|w| w["origin"] == "config").unwrap();
    assert_eq!(
        (
            config["approved_by"].as_str(),
            config["ticket"].as_str(),
            config["unapproved"].as_bool()
        ),
        (Some("ciso@example.com"), Some("SEC-7"), Some(false))
    );
    assert_eq!(config["days_applied"], 87, "March to May, less the gap");
    assert_eq!(config["expired_with_findings"], true);
    let inline = waivers.iter().find(|w| w["origin"] == "inline").unwrap();
    assert_eq!(
        (
            inline["unapproved"].as_bool(),
            inline["days_applied"].as_u64()
        ),
        (Some(true), Some(57))
    );
    assert_eq!(inline["expired_with_findings"], false);
    assert_eq!(v["exceptions"]["days_waived"]["A1.2"], 117);

    // The population: every first-parent commit of main but Hotfix A is
    // covered, the merge by its pull request's run at the merged head, the
    // squash by its request's newest run.
    let population = &v["population"];
    let items = population["items"].as_array().unwrap();
    let main_commits = [
        "Initial infrastructure",
        "Version the reports bucket",
        "Add the exports bucket",
        "Version the exports bucket",
        "Merge #7",
        "Tidy the README",
        "Add a scratch bucket",
        "Hotfix A",
        "Hotfix B",
        "Squash #9",
        "Changelog",
        "Remove the scratch bucket",
    ];
    let shas: Vec<String> = main_commits.iter().map(|c| h.sha(c)).collect();
    assert_eq!(
        items
            .iter()
            .map(|i| i["commit"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>(),
        shas
    );
    let uncovered: Vec<&str> = items
        .iter()
        .filter(|i| i["covered_by"].is_null())
        .map(|i| i["subject"].as_str().unwrap())
        .collect();
    assert_eq!(uncovered, ["Hotfix A"]);
    assert_eq!(
        (
            population["covered"].as_u64(),
            population["complete"].as_bool()
        ),
        (Some(11), Some(false))
    );
    let how = |sha: &str| {
        items.iter().find(|i| i["commit"] == sha).unwrap()["covered_by"]["how"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        how(&h.sha("Merge #7")),
        "pull request #7 at the merged head"
    );
    assert!(
        how(&h.sha("Squash #9")).starts_with("pull request #9, squashed"),
        "{}",
        how(&h.sha("Squash #9"))
    );
    assert_eq!(how(&h.sha("Hotfix B")), "run on the commit");
    assert!(
        v["findings"].as_array().unwrap().iter().any(|f| f
            .as_str()
            .unwrap()
            .contains("1 of 12 commits of the population has no run")),
        "{}",
        v["findings"]
    );

    // The sample: the documented algorithm, drawn again here.
    let sample: Vec<String> = v["sample"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item"].as_str().unwrap().to_owned())
        .collect();
    let mut ranked: Vec<(String, &String)> = shas
        .iter()
        .map(|s| (assure::digest::sha256_hex(format!("42:{s}").as_bytes()), s))
        .collect();
    ranked.sort();
    assert_eq!(
        sample,
        ranked
            .iter()
            .take(4)
            .map(|(_, s)| (*s).clone())
            .collect::<Vec<_>>()
    );
    let (_, again) = period(h, &["--git", &repo, "--sample", "4", "--seed", "42"]);
    assert_eq!(again["sample"], v["sample"]);
    assert!(v["sample"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["run"].is_null())
        .all(|i| i["run"]["record"].as_str().unwrap().len() == 64));

    // Components from the newest run: the three buckets left.
    assert_eq!(
        v["components"]["components"]["resources"],
        serde_json::json!({"aws": {"aws_s3_bucket": 3}})
    );
    assert_eq!(v["components"]["time"], "2026-08-31T10:00:00.000Z");
}

#[test]
fn a_six_month_period_in_a_directory_ledger_matches_its_history() {
    let h = history(None);
    check(&h);
    // Without --git there is no population, and without integrity problems
    // (none here but the clock) the exit code would follow the ledger.
    let (_, v) = period(&h, &[]);
    assert!(v["population"].is_null());
    // The Markdown and HTML forms are written whole, the HTML fetching
    // nothing.
    let dir = h.repo.join("..");
    let (md, html) = (dir.join("period.md"), dir.join("period.html"));
    let (md_s, html_s) = (
        md.to_string_lossy().into_owned(),
        html.to_string_lossy().into_owned(),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args([
            "period",
            "--from",
            "2026-03-01",
            "--to",
            "2026-08-31",
            "--evidence",
            &h.store,
            "--markdown",
            &md_s,
            "--html",
            &html_s,
        ])
        .current_dir(&h.repo)
        .env("ASSURE_NOW", "2026-09-15T00:00:00Z")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("gap: 2026-05-10 to 2026-05-14 (5 days without a run)"),
        "{text}"
    );
    let markdown = std::fs::read_to_string(&md).unwrap();
    assert!(
        markdown.contains("| `local-bucket-versioning` |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("not evidence of when"),
        "the overridden clock must show"
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg"));
    assert!(page.contains("default-src 'none'"));
    for fetch in [
        "src=\"http",
        "href=\"http",
        "url(",
        "@import",
        "<script",
        "<link",
    ] {
        assert!(
            !page.contains(fetch),
            "the HTML report fetches something: {fetch}"
        );
    }
    render_in_chromium(&html);
}

#[test]
fn a_six_month_period_in_postgres_matches_its_history() {
    let Some(url) = postgres_url() else { return };
    let out = assure_clean(Path::new("."), &["evidence", "init", &url], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    check(&history(Some(url)));
}

/// A database of its own on the test server (ASSURE_TEST_POSTGRES), or
/// `None` (with a note) when there is no server to use.
fn postgres_url() -> Option<String> {
    let Ok(base) = std::env::var("ASSURE_TEST_POSTGRES") else {
        assert!(
            std::env::var_os("ASSURE_REQUIRE_POSTGRES").is_none(),
            "ASSURE_REQUIRE_POSTGRES is set but ASSURE_TEST_POSTGRES is not"
        );
        eprintln!("note: ASSURE_TEST_POSTGRES is not set: the PostgreSQL period test is skipped (.ci/run sets it)");
        return None;
    };
    let mut admin =
        postgres::Client::connect(&base, postgres::NoTls).expect("connect to the test server");
    let db = format!("period_{}", std::process::id());
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let (head, query) = base
        .split_once('?')
        .map_or((base.as_str(), ""), |(h, q)| (h, q));
    let stem = head.rsplit_once('/').map_or(head, |(s, _)| s);
    Some(if query.is_empty() {
        format!("{stem}/{db}")
    } else {
        format!("{stem}/{db}?{query}")
    })
}

/// Hosts Chromium itself calls (clock, component updates, accounts),
/// whatever page it shows.
fn browser_own(host: &str) -> bool {
    [
        "google.com",
        "googleapis.com",
        "gstatic.com",
        "gvt1.com",
        "googleusercontent.com",
    ]
    .iter()
    .any(|d| host == *d || host.ends_with(&format!(".{d}")))
}

/// Run headless Chromium on a page behind a proxy that records the host of
/// every request (and serves none): the hosts the page asked for, and
/// whether a screenshot was written to `shot`.
fn chromium_requests(chromium: &str, page: &Path, shot: &Path) -> Vec<String> {
    use std::io::{BufRead, BufReader};
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let proxy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    proxy.set_nonblocking(true).unwrap();
    let port = proxy.local_addr().unwrap().port();
    let hosts = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let (seen, done) = (hosts.clone(), stop.clone());
    let listener = std::thread::spawn(move || {
        while !done.load(Ordering::Relaxed) {
            match proxy.accept() {
                Ok((conn, _)) => {
                    let _ = conn.set_nonblocking(false);
                    let _ = conn.set_read_timeout(Some(std::time::Duration::from_secs(2)));
                    let mut line = String::new();
                    let _ = BufReader::new(&conn).read_line(&mut line);
                    // `GET http://host/path HTTP/1.1` or `CONNECT host:443 HTTP/1.1`.
                    let target = line.split_whitespace().nth(1).unwrap_or("").to_owned();
                    let host = target
                        .trim_start_matches("http://")
                        .split(['/', ':'])
                        .next()
                        .unwrap_or("")
                        .to_owned();
                    seen.lock().unwrap().push(host);
                }
                Err(_) => std::thread::sleep(std::time::Duration::from_millis(20)),
            }
        }
    });
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
        .arg("--proxy-bypass-list=<-loopback>")
        .arg("--window-size=1200,4000")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    // Requests sent just before the browser quit have arrived by now.
    std::thread::sleep(std::time::Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    listener.join().unwrap();
    assert!(shot.exists(), "no screenshot: {}", stderr(&out));
    let hosts = hosts.lock().unwrap().clone();
    hosts.into_iter().filter(|h| !browser_own(h)).collect()
}

/// Chromium renders the page to a screenshot that is not blank, and the
/// page asks the network for nothing. The check is shown to work on a page
/// that does fetch an image.
fn render_in_chromium(html: &Path) {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium");
        eprintln!("note: no chromium: the HTML rendering check is skipped");
        return;
    };
    let fetching = html.with_file_name("fetching.html");
    std::fs::write(
        &fetching,
        "<html><body><img src=\"http://assure-test.invalid/pixel.png\"></body></html>",
    )
    .unwrap();
    let asked = chromium_requests(chromium, &fetching, &html.with_file_name("fetching.png"));
    assert!(
        asked.iter().any(|h| h == "assure-test.invalid"),
        "the proxy did not see a page's request: {asked:?}"
    );

    let shot = html.with_extension("png");
    let asked = chromium_requests(chromium, html, &shot);
    assert!(
        asked.is_empty(),
        "the report asked the network for {asked:?}"
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let pixels = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let first = &pixels[..channels];
    let different = pixels.chunks(channels).filter(|p| *p != first).count();
    assert!(
        different > pixels.len() / channels / 100,
        "the screenshot is blank"
    );
    // The status strips are drawn: failing red and passing green.
    let has = |rgb: [u8; 3]| pixels.chunks(channels).any(|p| p[..3] == rgb);
    assert!(
        has([0xc6, 0x28, 0x28]) && has([0x2e, 0x7d, 0x32]),
        "no status colours in the screenshot"
    );
}
