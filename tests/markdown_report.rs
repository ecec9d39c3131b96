//! The Markdown readiness report (`assure test --markdown FILE`): its layout
//! pinned by a snapshot of a small scan, and what must hold at any size:
//! each finding once however many criteria its control maps to, links that
//! resolve, a length that grows with the findings and not with findings
//! times criteria, the run's identity (commit, dirty tree, repository
//! without credentials, branch), and text from a hostile repository that
//! neither adds table columns nor puts HTML in the page.

mod common;

use common::{code, stderr};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2027-01-15T09:30:00Z";

/// Six controls of the snapshot scan, independent of the built-in library
/// (whose growth would otherwise change the snapshot): one mapped to three
/// criteria and objectives, one critical with a waived finding, one with
/// two findings per resource, one whose finding is in the baseline, one
/// that passes, one that examines nothing.
const POLICIES: [(&str, &str); 6] = [
    (
        "bucket.rego",
        r#"# METADATA
# title: Buckets are encrypted at rest
# custom:
#   id: demo-bucket-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   remediation: Add an aws_s3_bucket_server_side_encryption_configuration for the bucket.
#   rationale:
#     CC6.1: Objects stored in the clear are protected by nothing but the bucket policy.
#     C1.1: Confidential exports kept unencrypted are not protected at rest.
#     ITGC-LA-3: Financial data in the bucket can be read and changed outside the application.
package demo.bucket

import rego.v1

resources contains sprintf("aws_s3_bucket.%s", [name]) if some name, _ in input.resource.aws_s3_bucket

deny contains {"msg": sprintf("S3 bucket %s has no default encryption", [name]), "resource": sprintf("aws_s3_bucket.%s", [name])} if {
	some name, _ in input.resource.aws_s3_bucket
	not input.resource.aws_s3_bucket_server_side_encryption_configuration[name]
}
"#,
    ),
    (
        "privileged.rego",
        r#"# METADATA
# title: Containers do not run privileged
# custom:
#   id: demo-privileged
#   severity: critical
#   soc2: [CC6.8]
#   soc1: [ITGC-LA-2]
#   inputs: [kubernetes]
#   remediation: Remove securityContext.privileged.
#   rationale:
#     CC6.8: A privileged container controls the node it runs on.
#     ITGC-LA-2: Privilege on the node is administrative access no application needs.
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
        "probes.rego",
        r#"# METADATA
# title: Containers have liveness and readiness probes
# custom:
#   id: demo-probes
#   severity: low
#   soc2: [CC7.2, A1.1]
#   soc1: [ITGC-OP-2]
#   inputs: [kubernetes]
#   remediation: Add a livenessProbe and a readinessProbe.
#   rationale:
#     CC7.2: A hung container is not detected.
#     A1.1: Traffic reaches pods that cannot serve it.
#     ITGC-OP-2: Processing failures of the container are not acted on.
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
#   rationale:
#     CC6.8: Code in a container running as root is one runtime bug away from root on the node.
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
        "pinned.rego",
        r#"# METADATA
# title: Images are pinned to a version
# custom:
#   id: demo-image-pinned
#   severity: medium
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-3]
#   inputs: [kubernetes]
#   remediation: Use a version tag or a digest.
#   rationale:
#     CC8.1: An unpinned image changes without review.
#     ITGC-CM-3: What runs cannot be reproduced from the repository.
package demo.pinned

import rego.v1

resources contains sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name]) if some c in input.spec.template.spec.containers

deny contains {"msg": sprintf("container %s uses an unpinned image", [c.name]), "resource": sprintf("%s/%s/container:%s", [input.kind, input.metadata.name, c.name])} if {
	some c in input.spec.template.spec.containers
	endswith(c.image, ":latest")
}
"#,
    ),
    (
        "database.rego",
        r#"# METADATA
# title: Databases are encrypted at rest
# custom:
#   id: demo-database-encryption
#   severity: high
#   soc2: [CC6.1]
#   inputs: [terraform]
#   resource_types: [aws_db_instance]
#   remediation: Set storage_encrypted.
#   rationale:
#     CC6.1: Data at rest in the clear is not protected.
package demo.database

import rego.v1

deny contains sprintf("database %s is not encrypted", [name]) if {
	some name, db in input.resource.aws_db_instance
	not db[0].storage_encrypted
}
"#,
    ),
];

const CONFIG: &str = "soc2:
  categories: [security, availability, confidentiality]
waivers:
  - control: demo-privileged
    path: \"k8s/agent.yaml\"
    reason: the node agent needs the host's devices
    owner: platform@example.com
    approved_by: security@example.com
    ticket: OPS-7
    expires: 2027-03-31
";

const BUCKET_TF: &str = "resource \"aws_s3_bucket\" \"reports\" {
  bucket = \"acme-reports\"
}
";

const API_YAML: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.2
          securityContext:
            privileged: true
";

const AGENT_YAML: &str = "apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:2.0.0
          securityContext:
            privileged: true
            runAsNonRoot: true
";

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("create folder");
    std::fs::write(p, text).expect("write file");
}

/// `assure ARGS` in `dir` with the clock at [`NOW`], none of the CI, git or
/// assure variables of the environment the tests run in (CI's would name a
/// repository and branch), and git kept from looking above `dir`'s parent.
fn assure_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (k, _) in std::env::vars() {
        let outside = k == "CI"
            || k.starts_with("GITHUB_")
            || k.starts_with("GITLAB")
            || k.starts_with("CI_")
            || k.starts_with("GIT_")
            || k.starts_with("ASSURE_");
        if outside {
            cmd.env_remove(k);
        }
    }
    cmd.env("ASSURE_NOW", NOW);
    if let Some(parent) = dir.parent() {
        cmd.env("GIT_CEILING_DIRECTORIES", parent);
    }
    cmd.output().expect("run assure")
}

/// `assure test ARGS --markdown FILE` in `dir`, the report written beside
/// `dir` (not in the scanned tree), and the report read back.
fn markdown(dir: &Path, args: &[&str]) -> String {
    let file = dir.with_file_name(format!(
        "{}-report.md",
        dir.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let file_arg = file.to_string_lossy().into_owned();
    let mut all = vec!["test", "--markdown", file_arg.as_str()];
    all.extend_from_slice(args);
    let out = assure_in(dir, &all);
    assert!(
        matches!(code(&out), 0 | 1),
        "assure test failed to run: {}",
        stderr(&out)
    );
    std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("no Markdown report ({e}): {}", stderr(&out)))
}

/// The small tree of the snapshot: `root/repo` (config, one Terraform file,
/// two manifests) and `root/policies`.
fn small_tree(root: &Path) -> PathBuf {
    for (name, text) in POLICIES {
        write(root, &format!("policies/{name}"), text);
    }
    let repo = root.join("repo");
    write(&repo, "assure.yaml", CONFIG);
    write(&repo, "infra/main.tf", BUCKET_TF);
    write(&repo, "k8s/api.yaml", API_YAML);
    write(&repo, "k8s/agent.yaml", AGENT_YAML);
    repo
}

/// The report of the small tree, with `demo-run-as-non-root`'s finding in a
/// baseline.
fn small_report(root: &Path) -> String {
    let repo = small_tree(root);
    let out = assure_in(
        &repo,
        &[
            "baseline",
            "--no-builtin",
            "-p",
            "../policies",
            "--control",
            "demo-run-as-non-root",
            "--output",
            "../baseline.json",
            ".",
        ],
    );
    assert_eq!(code(&out), 0, "assure baseline: {}", stderr(&out));
    markdown(
        &repo,
        &[
            "--no-builtin",
            "-p",
            "../policies",
            "--baseline",
            "../baseline.json",
            ".",
        ],
    )
}

/// The policy bundle's digest as the ledger computes it: sha256 of a
/// `sha256sum` listing of the policy files.
fn bundle_digest(files: &[(String, &str)]) -> String {
    use sha2::{Digest, Sha256};
    let hex = |b: &[u8]| {
        Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
    };
    let mut rows: Vec<(String, String)> = files
        .iter()
        .map(|(name, text)| (name.clone(), hex(text.as_bytes())))
        .collect();
    rows.sort();
    let listing: String = rows.iter().map(|(n, h)| format!("{h}  {n}\n")).collect();
    hex(listing.as_bytes())
}

#[test]
fn layout_of_a_small_scan() {
    let t = tempfile::tempdir().expect("temp dir");
    let md = small_report(t.path());
    let files: Vec<(String, &str)> = POLICIES
        .iter()
        .map(|(n, text)| (format!("../policies/{n}"), *text))
        .collect();
    let digest = bundle_digest(&files);
    assert!(
        md.contains(&format!("| Policy bundle | sha256 `{digest}`")),
        "the bundle digest is the ledger's:\n{md}"
    );
    // The version changes with every release; nothing else is volatile here
    // (clock pinned, no git checkout, paths relative).
    let md = md.replace(
        &format!("assure {}", env!("CARGO_PKG_VERSION")),
        "assure [version]",
    );
    insta::assert_snapshot!("small_scan", md);
}

/// Every `](#x)` link of a report and every `<a id="x">` anchor.
fn links_and_anchors(md: &str) -> (Vec<String>, Vec<String>) {
    let mut links = Vec::new();
    let mut rest = md;
    while let Some(i) = rest.find("](#") {
        rest = &rest[i + 3..];
        let end = rest.find(')').unwrap_or(rest.len());
        links.push(rest[..end].to_owned());
    }
    let mut anchors = Vec::new();
    let mut rest = md;
    while let Some(i) = rest.find("<a id=\"") {
        rest = &rest[i + 7..];
        let end = rest.find('"').unwrap_or(rest.len());
        anchors.push(rest[..end].to_owned());
    }
    (links, anchors)
}

fn assert_links_resolve(md: &str) {
    let (links, anchors) = links_and_anchors(md);
    assert!(!links.is_empty(), "no cross-reference at all:\n{md}");
    let unique: BTreeSet<&String> = anchors.iter().collect();
    assert_eq!(unique.len(), anchors.len(), "an anchor is repeated");
    for l in &links {
        assert!(unique.contains(l), "link #{l} has no anchor");
    }
}

/// The `|` that separate cells: those not escaped by a backslash (GitHub's
/// rule, inside code spans too).
fn cells(row: &str) -> usize {
    let mut n = 0;
    let mut prev = ' ';
    for c in row.chars() {
        if c == '|' && prev != '\\' {
            n += 1;
        }
        prev = c;
    }
    n
}

/// Each table's rows have as many cells as its header.
fn assert_tables_whole(md: &str) {
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = cells(line);
            match header {
                None => header = Some(n),
                Some(h) => assert_eq!(n, h, "a row with other columns than its header: {line}"),
            }
        } else {
            header = None;
        }
    }
}

/// A line without its code spans and backslash-escaped characters (literal
/// text, which renderers escape): what is left is what Markdown interprets.
fn outside_code(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            // An escaped character is literal too.
            '\\' => {
                out.push('.');
                i += 2;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                // The closing run has exactly the same length.
                let mut j = i + run;
                let mut closed = None;
                while j < chars.len() {
                    if chars[j] == '`' {
                        let r = chars[j..].iter().take_while(|&&c| c == '`').count();
                        if r == run {
                            closed = Some(j + r);
                            break;
                        }
                        j += r;
                    } else {
                        j += 1;
                    }
                }
                match closed {
                    Some(end) => {
                        out.push_str("(code)");
                        i = end;
                    }
                    None => {
                        out.extend(std::iter::repeat_n('`', run));
                        i += run;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

#[test]
fn cross_references_resolve_and_the_counts_table_covers_every_control() {
    let t = tempfile::tempdir().expect("temp dir");
    let md = small_report(t.path());
    assert_links_resolve(&md);
    // Each control with findings links from every criterion it maps to.
    let bucket_links = md
        .lines()
        .filter(|l| l.starts_with("- [`demo-bucket-encryption`](#control-demo-bucket-encryption)"))
        .count();
    assert_eq!(
        bucket_links, 3,
        "CC6.1, C1.1 and ITGC-LA-3 link to it:\n{md}"
    );
    // Failing controls first, critical first; the passing one after.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| control | severity |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    let order: Vec<&str> = table.iter().filter_map(|r| r.split('`').nth(1)).collect();
    assert_eq!(
        order,
        [
            "demo-privileged",
            "demo-bucket-encryption",
            "demo-probes",
            "demo-run-as-non-root",
            "demo-image-pinned"
        ]
    );
    assert!(md.contains("Examined nothing in this scan (1 control, no evidence either way): `demo-database-encryption`."));
    // Waived with reason, owner and expiry; known marked.
    let waived = md
        .lines()
        .find(|l| l.starts_with("| waived |"))
        .expect("a waived row");
    for part in [
        "the node agent needs the host's devices",
        "owner platform@example.com",
        "expires 2027-03-31",
    ] {
        assert!(waived.contains(part), "{part} missing from {waived}");
    }
    assert!(md
        .lines()
        .any(|l| l.starts_with("| known |") && l.contains("in the baseline")));
}

#[test]
fn a_finding_mapped_to_three_criteria_is_listed_once() {
    let t = tempfile::tempdir().expect("temp dir");
    let repo = t.path().join("repo");
    write(
        &repo,
        "main.tf",
        "resource \"aws_s3_bucket\" \"once_only_7f3a\" {\n  bucket = \"once-only-7f3a\"\n}\n",
    );
    // The built-in aws-s3-encryption maps to CC6.1, C1.1 and ITGC-LA-3.
    let md = markdown(&repo, &["--control", "aws-s3-encryption", "."]);
    let links = md
        .lines()
        .filter(|l| l.starts_with("- [`aws-s3-encryption`](#control-aws-s3-encryption)"))
        .count();
    assert!(links >= 3, "linked from each criterion it fails:\n{md}");
    let rows = md
        .lines()
        .filter(|l| l.contains("once-only-7f3a") || l.contains("once_only_7f3a"))
        .count();
    assert_eq!(rows, 1, "the finding appears once:\n{md}");
    assert_links_resolve(&md);
}

#[test]
fn hostile_messages_and_paths_keep_tables_whole_and_carry_no_html() {
    let t = tempfile::tempdir().expect("temp dir");
    let repo = t.path().join("repo");
    write(
        t.path(),
        "policies/echo.rego",
        r#"# METADATA
# title: Config maps hold nothing odd
# custom:
#   id: demo-echo
#   severity: high
#   soc2: [CC6.1]
#   inputs: [kubernetes]
#   remediation: Remove it.
#   rationale:
#     CC6.1: It says what the repository says.
package demo.echo

import rego.v1

deny contains {"msg": input.data.evil, "resource": input.metadata.name} if input.data.evil
"#,
    );
    let evil = "pipe | here\nnew line <script>alert(1)</script> <img src=x onerror=alert(2)> `tick` ``two`` [click](javascript:alert(3)) ![i](x) *star* _under_ &amp; ~~strike~~ \\| backslash-pipe";
    let manifest = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"cm|<b>bold</b>`x`\"\ndata:\n  evil: {}\n",
        serde_json::to_string(evil).expect("a JSON string")
    );
    // A file name with a pipe, angle brackets and a backtick (which Windows
    // does not allow).
    let name = if cfg!(windows) {
        "k8s/evil.yaml"
    } else {
        "k8s/evil|<script>x</script>`.yaml"
    };
    write(&repo, name, &manifest);
    let md = markdown(&repo, &["--no-builtin", "-p", "../policies", "."]);
    assert_tables_whole(&md);
    assert_links_resolve(&md);
    let row = md
        .lines()
        .find(|l| l.contains("pipe") && l.starts_with("| **fail** |"))
        .unwrap_or_else(|| panic!("no finding row:\n{md}"));
    assert!(row.contains("new line"), "the newline split the row: {row}");
    assert_eq!(cells(row), 6, "{row}");
    for line in md.lines() {
        let text = outside_code(line);
        // Our own anchors are the only HTML.
        let text = text.replacen("<a id=\"", "", 1).replacen("\"></a>", "", 1);
        assert!(!text.contains('<'), "raw HTML: {line}");
        assert!(
            text.replace("](#control-", "").find("](").is_none(),
            "a link: {line}"
        );
    }
    // The message is still all there, escaped.
    assert!(
        row.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{row}"
    );
    assert!(row.contains("\\[click\\](javascript:alert(3))"), "{row}");
    assert!(row.contains("\\*star\\*"), "{row}");
    assert!(row.contains("&amp;amp;"), "{row}");
}

#[test]
fn says_which_commit_branch_and_repository_and_whether_the_tree_was_dirty() {
    let t = tempfile::tempdir().expect("temp dir");
    let repo = t.path().join("repo");
    write(&repo, "k8s/api.yaml", API_YAML);
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(args)
            .current_dir(&repo)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env("GIT_CEILING_DIRECTORIES", t.path())
            .output()
            .expect("run git");
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    git(&["init", "-q", "-b", "release/2027"]);
    git(&[
        "remote",
        "add",
        "origin",
        "https://ci-bot:s3cr3t-token@git.example.com/acme/app.git",
    ]);
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "init"]);
    let head = git(&["rev-parse", "HEAD"]);
    let args = ["--control", "k8s-probes", "."];

    let clean = markdown(&repo, &args);
    assert!(
        clean.contains(&format!("| Commit | `{head}`, work tree clean |")),
        "{clean}"
    );
    assert!(clean.contains("| Branch | `release/2027` |"), "{clean}");
    assert!(
        clean.contains("| Repository | `https://git.example.com/acme/app.git` |"),
        "{clean}"
    );
    assert!(!clean.contains("s3cr3t"), "credentials leaked:\n{clean}");
    assert!(
        clean.contains("| Date | 2027-01-15 09:30:00 UTC (clock set by ASSURE_NOW"),
        "{clean}"
    );

    write(&repo, "k8s/new.yaml", API_YAML);
    let dirty = markdown(&repo, &args);
    assert!(
        dirty.contains(&format!(
            "| Commit | `{head}`, **with uncommitted changes**"
        )),
        "{dirty}"
    );
}

/// `n` S3 buckets that set nothing: four findings each from the built-in
/// library (encryption, versioning, access logging, public access block),
/// each control mapped to two to four criteria and objectives.
fn many_findings(root: &Path, n: usize) {
    for i in 0..n {
        write(
            root,
            &format!("infra/bucket_{i:03}.tf"),
            &format!(
                "resource \"aws_s3_bucket\" \"b{i:03}\" {{\n  bucket = \"acme-b{i:03}\"\n}}\n"
            ),
        );
    }
}

/// Findings of the JSON report (each non-passing target's findings, and an
/// error counts as one), and how many lines the old layout gave them: one
/// per criterion or objective its control maps to.
fn count_findings(json: &serde_json::Value) -> (usize, usize, BTreeMap<String, usize>) {
    let mut mapped: BTreeMap<&str, usize> = BTreeMap::new();
    for side in ["soc2", "soc1"] {
        for item in json["coverage"][side].as_array().into_iter().flatten() {
            for c in item["controls"].as_array().into_iter().flatten() {
                *mapped.entry(c.as_str().unwrap_or_default()).or_default() += 1;
            }
        }
    }
    let (mut findings, mut old) = (0, 0);
    let mut messages: BTreeMap<String, usize> = BTreeMap::new();
    for c in json["controls"].as_array().into_iter().flatten() {
        let id = c["control"]["id"].as_str().unwrap_or_default();
        for t in c["targets"].as_array().into_iter().flatten() {
            if t["outcome"] == "error" {
                findings += 1;
            }
            for f in t["findings"].as_array().into_iter().flatten() {
                findings += 1;
                old += mapped.get(id).copied().unwrap_or(0);
                let m = f["message"].as_str().unwrap_or_default().to_owned();
                *messages.entry(m).or_default() += 1;
            }
        }
    }
    (findings, old, messages)
}

fn scan_many(root: &Path, n: usize) -> (usize, String, usize, BTreeMap<String, usize>) {
    let repo = root.join(format!("repo-{n}"));
    many_findings(&repo, n);
    let json_file = root.join(format!("report-{n}.json"));
    let json_arg = json_file.to_string_lossy().into_owned();
    let md = markdown(&repo, &["--json", &json_arg, "."]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).expect("a JSON report"))
            .expect("JSON");
    let (findings, old, messages) = count_findings(&json);
    (findings, md, old, messages)
}

#[test]
fn length_grows_with_the_findings_not_with_findings_times_criteria() {
    let t = tempfile::tempdir().expect("temp dir");
    let (small, small_md, _, _) = scan_many(t.path(), 50);
    let (big, md, old, messages) = scan_many(t.path(), 250);
    let lines = md.lines().count();
    let small_lines = small_md.lines().count();
    assert!(
        big >= 1000,
        "{big} findings: the tree should give about 1,000"
    );
    // The overhead (about this run, criteria tables, the counts table, the
    // manual list, one heading per control) does not depend on the findings.
    const OVERHEAD: usize = 400;
    assert!(lines <= big + OVERHEAD, "{lines} lines for {big} findings");
    assert!(
        big + OVERHEAD < old,
        "the bound ({}) must be well below the old layout's {old} lines",
        big + OVERHEAD
    );
    // One line per finding more, nothing else.
    assert!(
        lines - small_lines <= big - small,
        "{small} findings: {small_lines} lines; {big} findings: {lines} lines"
    );
    // Each finding once: every message on as many lines as it has findings.
    for (m, n) in &messages {
        let found = md.lines().filter(|l| l.contains(m.as_str())).count();
        assert_eq!(found, *n, "{m:?}");
    }
    assert_links_resolve(&md);
    assert_tables_whole(&md);
}
