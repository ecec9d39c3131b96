//! Every control fails exactly where its fail fixtures say, and nowhere in
//! its pass fixtures. A fail fixture marks each expected finding with a
//! comment `expect-fail: <control-id>`: on the line of the finding, or, as a
//! line of its own, just above it.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// (path relative to `root`, line) of every marker for `id` under `root`.
fn expected(root: &Path, id: &str) -> BTreeSet<(String, usize)> {
    let mut files = Vec::new();
    walk(root, &mut files);
    let marker = format!("expect-fail: {id}");
    let mut out = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        for (i, l) in lines.iter().enumerate() {
            if !l.contains(&marker) {
                continue;
            }
            let own_line = l.trim_start().starts_with('#');
            let line = if own_line {
                i + 1
                    + lines[i + 1..]
                        .iter()
                        .position(|n| !n.trim().is_empty() && !n.trim_start().starts_with('#'))
                        .unwrap()
                    + 1
            } else {
                i + 1
            };
            out.insert((rel.clone(), line));
        }
    }
    out
}

fn findings(dir: &str, id: &str) -> (serde_json::Value, BTreeSet<(String, usize)>) {
    let out = assure(&["test", "--control", id, "--format", "json", dir]);
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let mut got = BTreeSet::new();
    for c in v["controls"].as_array().unwrap() {
        for t in c["targets"].as_array().unwrap() {
            for f in t["findings"].as_array().into_iter().flatten() {
                if f["level"] == "deny" {
                    let loc = &f["location"];
                    got.insert((
                        loc["path"].as_str().unwrap().to_owned(),
                        loc["line"].as_u64().unwrap() as usize,
                    ));
                }
            }
        }
    }
    (v, got)
}

/// The folder of a built-in control: where its policy file is.
fn folder_of(control: &serde_json::Value) -> Option<std::path::PathBuf> {
    let source = control["source"].as_str()?.strip_prefix("builtin:")?;
    Some(repo().join(Path::new(source).parent()?))
}

/// What is wrong with one control's folder and fixtures (empty: nothing).
fn problems_of(c: &serde_json::Value) -> Vec<String> {
    let id = c["id"].as_str().unwrap_or("?");
    let Some(base) = folder_of(c) else {
        return vec![format!(
            "{id}: not a built-in policy file ({})",
            c["source"]
        )];
    };
    let rel = base
        .strip_prefix(repo())
        .unwrap_or(&base)
        .to_string_lossy()
        .replace('\\', "/");
    // One key for the policy and its fixtures: the folder is the id.
    if base.file_name().and_then(|n| n.to_str()) != Some(id) {
        return vec![format!(
            "{id}: its policy is in {rel}, not in a folder named {id}"
        )];
    }
    let mut problems = Vec::new();
    for file in ["policy.rego", "policy_test.rego"] {
        if !base.join(file).is_file() {
            problems.push(format!("{id}: no {rel}/{file}"));
        }
    }
    for kind in ["pass", "fail"] {
        if !base.join(kind).is_dir() {
            problems.push(format!("{id}: no {rel}/{kind}/"));
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    let want = expected(&base.join("fail"), id);
    let (_, got) = findings(&format!("{rel}/fail"), id);
    if want.is_empty() {
        problems.push(format!("{id}: fail fixtures mark no expected finding"));
    }
    if got != want {
        problems.push(format!("{id}: findings {got:?}, markers {want:?}"));
    }
    let (v, got) = findings(&format!("{rel}/pass"), id);
    if !got.is_empty() {
        problems.push(format!("{id}: findings in pass fixtures: {got:?}"));
    }
    if v["summary"]["passed"].as_u64().unwrap_or(0) == 0 {
        problems.push(format!("{id}: pass fixtures give no passing target"));
    }
    if v["summary"]["errors"].as_u64() != Some(0)
        || v["summary"]["input_errors"].as_u64() != Some(0)
    {
        problems.push(format!("{id}: errors in pass fixtures"));
    }
    let reads_terraform = c["inputs"]
        .as_array()
        .is_some_and(|k| k.iter().any(|k| k == "terraform"));
    if reads_terraform {
        problems.extend(plan_problems(id, &rel));
    }
    problems
}

/// The resources of a report's targets with an outcome, from the files
/// `from` accepts (a fixture folder may also hold other kinds of input).
fn resources(
    v: &serde_json::Value,
    outcome: &str,
    from: impl Fn(&str) -> bool,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in v["controls"].as_array().into_iter().flatten() {
        for t in c["targets"].as_array().into_iter().flatten() {
            let file = t["name"]
                .as_str()
                .unwrap_or("")
                .split('#')
                .next()
                .unwrap_or("");
            if t["outcome"] == outcome && from(file) {
                out.insert(t["resource"].as_str().unwrap_or("?").to_owned());
            }
        }
    }
    out
}

/// A Terraform control judges `terraform show -json` output as it judges
/// the HCL that produced it: `plan-fail/plan.json` (planned from `fail/`)
/// fails on the same resources as `fail/`, and `plan-pass/plan.json`
/// passes on the same resources as `pass/` and fails on none.
fn plan_problems(id: &str, rel: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let base = repo().join(rel);
    for kind in ["plan-pass", "plan-fail"] {
        if !base.join(kind).join("plan.json").is_file() {
            problems.push(format!("{id}: no {rel}/{kind}/plan.json"));
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    let is_hcl = |f: &str| f.ends_with(".tf");
    let is_plan = |f: &str| f == "plan.json";
    for (hcl, plan) in [("fail", "plan-fail"), ("pass", "plan-pass")] {
        let (h, _) = findings(&format!("{rel}/{hcl}"), id);
        let (p, _) = findings(&format!("{rel}/{plan}"), id);
        if p["summary"]["errors"].as_u64() != Some(0)
            || p["summary"]["input_errors"].as_u64() != Some(0)
        {
            problems.push(format!("{id}: errors in {plan}"));
        }
        for outcome in ["fail", "pass"] {
            let (mut want, got) = (
                resources(&h, outcome, is_hcl),
                resources(&p, outcome, is_plan),
            );
            // A plan holds no `terraform` block (its backend settings).
            want.remove("terraform");
            if want != got {
                problems.push(format!(
                    "{id}: {outcome} on {got:?} in {plan}, on {want:?} in the HCL of {hcl}"
                ));
            }
        }
    }
    let (p, _) = findings(&format!("{rel}/plan-fail"), id);
    if resources(&p, "fail", is_plan).is_empty() {
        problems.push(format!("{id}: plan-fail gives no failing target"));
    }
    problems
}

#[test]
fn every_control_fails_exactly_where_its_fixtures_say() {
    let controls: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    assert!(!controls.is_empty());
    let problems: Vec<String> = controls.iter().flat_map(problems_of).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_control_missing_its_fixtures_is_reported_and_the_others_still_checked() {
    let controls: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&assure(&["controls", "--format", "json"]))).unwrap();
    let mut moved = controls[0].clone();
    moved["source"] = serde_json::json!("builtin:policies/nowhere/policy.rego");
    let problems = problems_of(&moved);
    assert!(
        problems.iter().any(|p| p.contains("not in a folder named")),
        "{problems:?}"
    );
    // The next control is judged on its own fixtures, whatever came before.
    assert!(problems_of(&controls[1]).is_empty());
}
