//! Results spilled to a temporary file make the same reports as results
//! held in memory: every format, with waivers and a baseline applied, in
//! the same order. `ASSURE_SPILL_AFTER=1` spills after every target, so
//! each control's targets come back from many runs merged.

mod common;

use common::repo;
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// `assure test . <args>` on the example with the given spill threshold
/// (`None`: the default), colourless and at a fixed clock; it must exit 1
/// (the example fails controls on purpose).
fn run_on_example(args: &[&OsStr], spill_after: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    cmd.current_dir(repo().join("demo/acme-billing"))
        .args(["test", "."])
        .args(args)
        .env("NO_COLOR", "1")
        .env("ASSURE_NOW", "2026-11-30T00:00:00Z")
        .env_remove("ASSURE_SPILL_AFTER")
        .env_remove("GITHUB_STEP_SUMMARY");
    if let Some(n) = spill_after {
        cmd.env("ASSURE_SPILL_AFTER", n);
    }
    let run = cmd.output().unwrap();
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

/// Every report of a scan of the example, as text (timings removed), with
/// the given spill threshold (`None`: the default, which this small tree
/// never reaches).
fn reports(
    spill_after: Option<&str>,
    out: &Path,
    baseline: Option<&Path>,
) -> Vec<(String, String)> {
    let (xml, json, sarif, md) = (
        out.join("r.xml"),
        out.join("r.json"),
        out.join("r.sarif"),
        out.join("r.md"),
    );
    let mut args: Vec<&OsStr> = [
        "--group-by".as_ref(),
        "file".as_ref(),
        "--junit".as_ref(),
        xml.as_os_str(),
        "--json".as_ref(),
        json.as_os_str(),
        "--sarif".as_ref(),
        sarif.as_os_str(),
        "--markdown".as_ref(),
        md.as_os_str(),
    ]
    .to_vec();
    if let Some(b) = baseline {
        args.extend(["--baseline".as_ref(), b.as_os_str()]);
    }
    let run = run_on_example(&args, spill_after);
    let mut all = vec![(
        "stdout".to_owned(),
        without_timings(&String::from_utf8_lossy(&run.stdout)),
    )];
    for name in ["r.xml", "r.json", "r.sarif", "r.md"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        all.push((name.to_owned(), without_timings(&text)));
    }
    all
}

/// What changes between two identical runs removed: JUnit `time="..."`,
/// the JSON `elapsed`, and the text summary's "in 0.31s".
fn without_timings(text: &str) -> String {
    text.lines()
        .map(|l| {
            let mut l = l.to_owned();
            let mut from = 0;
            while let Some(i) = l[from..].find("time=\"").map(|i| i + from) {
                let Some(j) = l[i + 6..].find('"') else { break };
                l.replace_range(i..i + 6 + j + 1, "TIME");
                from = i + 4;
            }
            if l.contains("\"elapsed") {
                return "ELAPSED".to_owned();
            }
            if l.starts_with("Summary:") {
                if let Some(i) = l.rfind(" in ") {
                    l.truncate(i);
                }
            }
            l
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn spilled_results_make_the_same_reports_as_held_ones() {
    let held_dir = tempfile::tempdir().unwrap();
    let spilled_dir = tempfile::tempdir().unwrap();
    let held = reports(None, held_dir.path(), None);
    let spilled = reports(Some("1"), spilled_dir.path(), None);
    // The example has failures, passes and a waiver: something to order.
    assert!(held[2].1.contains("\"waived\""), "the example has a waiver");
    assert!(held[2].1.contains("\"fail\""), "the example has failures");
    for ((name, a), (_, b)) in held.iter().zip(&spilled) {
        assert_eq!(a, b, "{name} differs when results are spilled");
    }
}

#[test]
fn a_baseline_applies_the_same_to_spilled_results() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("baseline.json");
    let demo = repo().join("demo/acme-billing");
    let made = Command::new(env!("CARGO_BIN_EXE_assure"))
        .current_dir(&demo)
        .args(["baseline", ".", "--output"])
        .arg(&baseline)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    // Keep half the entries, so that some findings are known and some new.
    let mut b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    let findings = b["findings"].as_array_mut().unwrap();
    assert!(findings.len() > 2);
    let keep = findings.len() / 2;
    findings.truncate(keep);
    std::fs::write(&baseline, serde_json::to_string(&b).unwrap()).unwrap();
    let held_dir = tempfile::tempdir().unwrap();
    let spilled_dir = tempfile::tempdir().unwrap();
    let held = reports(None, held_dir.path(), Some(&baseline));
    let spilled = reports(Some("3"), spilled_dir.path(), Some(&baseline));
    assert!(
        held[2].1.contains("\"known\": true"),
        "some findings are known"
    );
    for ((name, a), (_, b)) in held.iter().zip(&spilled) {
        assert_eq!(a, b, "{name} differs when results are spilled");
    }
}

/// stdout of `assure test` on the example with these arguments.
fn stdout_of(args: &[&str], spill_after: Option<&str>) -> String {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let run = run_on_example(&args, spill_after);
    without_timings(&String::from_utf8_lossy(&run.stdout))
}

/// The human reports sort findings across controls through a bounded
/// sorter (spilled past the same threshold): every grouping, with a
/// finding budget that must pick the same findings, and the GitHub
/// annotations, come out the same whether rows were held or spilled.
#[test]
fn human_reports_are_the_same_when_their_rows_are_spilled() {
    for args in [
        &["--group-by", "control"][..],
        &["--group-by", "severity", "--max-findings", "4"],
        &["--group-by", "file", "--max-findings", "4"],
        &["-q", "--group-by", "control", "--max-findings", "2"],
        &["--format", "github", "--max-findings", "3"],
    ] {
        let held = stdout_of(args, None);
        assert!(held.lines().count() > 5, "{args:?} wrote little: {held}");
        for spill in ["1", "2"] {
            assert_eq!(
                held,
                stdout_of(args, Some(spill)),
                "{args:?} differs with rows spilled after {spill}"
            );
        }
    }
}
