//! The text and GitHub outputs at scale: their layouts pinned by snapshots
//! of a small scan (own policies, so the built-in library's growth does not
//! move them), and what must hold at any size: counts first, each file and
//! resource named once, short lines, "N more" past `--max-findings`, the
//! annotation levels by severity, at most 50 annotations (the most severe),
//! and a job summary worst first with its totals.

mod common;

use common::{code, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

/// Three controls of three severities; the low one finds two things on
/// each container, so a resource carries findings of several controls.
const POLICIES: [(&str, &str); 3] = [
    (
        "privileged.rego",
        r#"# METADATA
# title: Containers do not run privileged
# custom:
#   id: demo-privileged
#   severity: critical
#   soc2: [CC6.8]
#   inputs: [kubernetes]
#   remediation: Remove securityContext.privileged.
package demo.privileged

import rego.v1

resources contains sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name]) if some c in input.spec.template.spec.containers

deny contains {"msg": sprintf("container %s of %s/%s runs privileged", [c.name, input.kind, input.metadata.name]), "resource": sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name])} if {
	some c in input.spec.template.spec.containers
	c.securityContext.privileged == true
}
"#,
    ),
    (
        "nonroot.rego",
        r#"# METADATA
# title: Containers run as a non-root user
# custom:
#   id: demo-run-as-non-root
#   severity: medium
#   soc2: [CC6.8]
#   inputs: [kubernetes]
#   remediation: Set securityContext.runAsNonRoot to true.
package demo.nonroot

import rego.v1

resources contains sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name]) if some c in input.spec.template.spec.containers

deny contains {"msg": sprintf("container %s of %s/%s may run as root", [c.name, input.kind, input.metadata.name]), "resource": sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name])} if {
	some c in input.spec.template.spec.containers
	not c.securityContext.runAsNonRoot
}
"#,
    ),
    (
        "probes.rego",
        r#"# METADATA
# title: Containers have liveness and readiness probes
# custom:
#   id: demo-probes
#   severity: low
#   soc2: [CC7.2]
#   inputs: [kubernetes]
#   remediation: Add a livenessProbe and a readinessProbe.
package demo.probes

import rego.v1

resources contains sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name]) if some c in input.spec.template.spec.containers

deny contains {"msg": sprintf("container %s of %s/%s has no %s", [c.name, input.kind, input.metadata.name, p]), "resource": sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name])} if {
	some c in input.spec.template.spec.containers
	some p in ["livenessProbe", "readinessProbe"]
	not c[p]
}
"#,
    ),
];

/// A Deployment; `privileged` adds the critical finding, `safe` a
/// non-root security context.
fn deployment(name: &str, privileged: bool, safe: bool) -> String {
    let mut ctx = String::new();
    if privileged {
        ctx.push_str("\n          privileged: true");
    }
    if safe {
        ctx.push_str("\n          runAsNonRoot: true");
    }
    let ctx = if ctx.is_empty() {
        String::new()
    } else {
        format!("\n        securityContext:{ctx}")
    };
    format!(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1.0{ctx}\n"
    )
}

/// A tree with its policies under `policy/` (outside the scanned `k8s/`).
fn tree(files: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("policy")).unwrap();
    for (name, text) in POLICIES {
        std::fs::write(dir.path().join("policy").join(name), text).unwrap();
    }
    for (path, text) in files {
        let p = dir.path().join("k8s").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn small_tree() -> tempfile::TempDir {
    tree(&[
        ("web/api.yaml".into(), deployment("api", true, false)),
        ("web/front.yaml".into(), deployment("front", false, true)),
        ("jobs/batch.yaml".into(), deployment("batch", false, false)),
    ])
}

/// 250 Deployments: 1,000 findings (every fifth privileged).
fn large_tree() -> tempfile::TempDir {
    let files: Vec<(String, String)> = (0..250)
        .map(|i| {
            (
                format!("team-{}/svc-{i:03}.yaml", i % 10),
                deployment(&format!("svc-{i:03}"), i % 5 == 0, false),
            )
        })
        .collect();
    tree(&files)
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    cmd.current_dir(dir)
        .args([
            "test",
            "--no-builtin",
            "--policy",
            "policy",
            "--color",
            "never",
        ])
        .args(args)
        .arg("k8s")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// The output with its one volatile part, the time taken, fixed.
fn stable(text: &str) -> String {
    text.lines()
        .map(|l| match l.rfind(" in ") {
            Some(i) if l.starts_with("Summary:") && l.ends_with('s') => {
                format!("{} in <time>", &l[..i])
            }
            _ => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn text_layouts_are_stable() {
    let dir = small_tree();
    for (name, args) in [
        ("text_by_file", vec![]),
        ("text_by_control", vec!["--group-by", "control"]),
        ("text_by_severity", vec!["--group-by", "severity"]),
        ("text_max_findings", vec!["--max-findings", "3"]),
        ("text_quiet", vec!["-q"]),
    ] {
        let out = run(dir.path(), &args, &[]);
        assert_eq!(code(&out), 1, "{name}: {}", stderr(&out));
        insta::assert_snapshot!(name, stable(&stdout(&out)));
    }
}

#[test]
fn github_layout_and_summary_are_stable() {
    let dir = small_tree();
    let summary = dir.path().join("summary.md");
    let out = run(
        dir.path(),
        &["--format", "github"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    insta::assert_snapshot!("github_commands", stdout(&out));
    insta::assert_snapshot!("github_summary", std::fs::read_to_string(&summary).unwrap());
}

#[test]
fn text_at_a_thousand_findings_counts_first_and_names_each_resource_once() {
    let dir = large_tree();
    let out = run(dir.path(), &[], &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    // Counts first: 50 critical, 250 medium, 500 low.
    assert_eq!(
        lines[0], "Failing: 800 findings in 3 controls: 50 critical, 250 medium, 500 low",
        "{text}"
    );
    assert!(lines[1].contains("critical") && lines[1].contains("demo-privileged"));
    // Each file once, each resource once under it.
    for i in [0, 7, 249] {
        let file = format!("team-{}/svc-{i:03}.yaml", i % 10);
        assert_eq!(lines.iter().filter(|l| **l == file).count(), 1, "{file}");
        let resource = format!("  Deployment/svc-{i:03}/container:app");
        assert_eq!(
            lines.iter().filter(|l| **l == resource).count(),
            1,
            "{resource}"
        );
    }
    // Short lines, and about one per finding.
    let long = lines.iter().filter(|l| l.chars().count() > 120).count();
    assert_eq!(long, 0, "{:?}", lines.iter().find(|l| l.len() > 120));
    assert!(lines.len() < 800 + 2 * 250 + 60, "{} lines", lines.len());
    // The verdict is the last line.
    assert!(lines.last().unwrap().starts_with("FAILED"), "{text}");

    let capped = stdout(&run(dir.path(), &["--max-findings", "10"], &[]));
    let shown = capped.lines().filter(|l| l.contains(" ✗ ")).count();
    assert_eq!(shown, 10, "{capped}");
    assert!(
        capped.contains("790 more findings not shown (--max-findings 10)"),
        "{capped}"
    );
    // Grouped by control: one line per finding, no file or resource headers.
    let by_control = stdout(&run(dir.path(), &["--group-by", "control"], &[]));
    assert_eq!(
        by_control.lines().filter(|l| l.contains(" ✗ ")).count(),
        800
    );
    assert!(by_control
        .lines()
        .any(|l| l.starts_with("    ✗ team-0/svc-000.yaml:")));
}

#[test]
fn github_annotates_the_most_severe_fifty_by_level_and_counts_the_rest() {
    let dir = large_tree();
    let summary = dir.path().join("summary.md");
    let out = run(
        dir.path(),
        &["--format", "github"],
        &[("GITHUB_STEP_SUMMARY", &summary)],
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    let annotations: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("::") && l.contains("file="))
        .collect();
    assert_eq!(annotations.len(), 50, "{text}");
    // 50 critical findings exist: the 50 shown are exactly those, as errors.
    assert!(annotations
        .iter()
        .all(|l| l.starts_with("::error ") && l.contains("demo-privileged")));
    assert!(
        text.contains("750 more findings not annotated (250 medium, 500 low)"),
        "{text}"
    );
    assert!(text.lines().last().unwrap().starts_with("assure: FAILED"));
    // Levels by severity: medium is a warning, low a notice.
    let all = stdout(&run(
        dir.path(),
        &["--format", "github", "--max-findings", "1000"],
        &[],
    ));
    let level = |id: &str| -> Vec<&str> {
        let mut v: Vec<&str> = all
            .lines()
            .filter(|l| l.contains(id))
            .filter_map(|l| l.split(' ').next())
            .collect();
        v.dedup();
        v
    };
    assert_eq!(level("demo-privileged"), ["::error"]);
    assert_eq!(level("demo-run-as-non-root"), ["::warning"]);
    assert_eq!(level("demo-probes"), ["::notice"]);
    // The job summary: totals per severity, rows worst first.
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.contains("| critical | 50 |") && md.contains("| **total** | **800** |"),
        "{md}"
    );
    let rows: Vec<&str> = md
        .lines()
        .filter(|l| {
            l.starts_with("| critical | `")
                || l.starts_with("| medium | `")
                || l.starts_with("| low | `")
        })
        .collect();
    assert_eq!(rows.len(), 100);
    assert!(rows[..50].iter().all(|r| r.starts_with("| critical")));
    assert!(rows[50..].iter().all(|r| r.starts_with("| medium")));
}
