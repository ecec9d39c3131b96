//! Reports of `assure verify`: text like `opa test` (failures, then
//! `PASS: n/m`), JSON, and JUnit (one suite per test file).

use crate::verify::{TestOutcome, VerifyReport};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn text(r: &VerifyReport, verbose: bool) -> String {
    let mut out = String::new();
    let mut by_file: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for t in &r.tests {
        by_file.entry(&t.file).or_default().push(t);
    }
    for (file, tests) in by_file {
        let shown: Vec<_> = tests
            .iter()
            .filter(|t| verbose || t.outcome != TestOutcome::Pass)
            .collect();
        if shown.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{file}:");
        for t in shown {
            let label = match t.outcome {
                TestOutcome::Pass => "PASS",
                TestOutcome::Fail => "FAIL",
                TestOutcome::Error => "ERROR",
            };
            let _ = writeln!(
                out,
                "data.{}.{}: {label} ({:.1}ms){}",
                t.package,
                t.name,
                t.duration.as_secs_f64() * 1000.0,
                t.message
                    .as_deref()
                    .map(|m| format!("\n  {m}"))
                    .unwrap_or_default()
            );
        }
    }
    if let Some(cov) = &r.coverage {
        let _ = writeln!(out, "\nCoverage (lines evaluated by the tests):");
        for f in cov {
            let missing = if f.not_covered.is_empty() {
                String::new()
            } else {
                format!(
                    "  not covered: {}",
                    f.not_covered
                        .iter()
                        .map(|l| l.to_string())
                        .collect::<Vec<_>>()
                        .join(",")
                )
            };
            let _ = writeln!(out, "  {:>5.1}%  {}{missing}", f.percent, f.file);
        }
    }
    let total = r.tests.len();
    let _ = writeln!(out, "{}", "-".repeat(80));
    let (pass, fail, error) = (
        r.count(TestOutcome::Pass),
        r.count(TestOutcome::Fail),
        r.count(TestOutcome::Error),
    );
    if pass > 0 {
        let _ = writeln!(out, "PASS: {pass}/{total}");
    }
    if fail > 0 {
        let _ = writeln!(out, "FAIL: {fail}/{total}");
    }
    if error > 0 {
        let _ = writeln!(out, "ERROR: {error}/{total}");
    }
    let _ = writeln!(out, "{pass} passed, {} failed", fail + error);
    out
}

pub fn json(r: &VerifyReport) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}

pub fn junit(r: &VerifyReport) -> String {
    let mut report = Report::new("assure verify");
    let mut by_file: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for t in &r.tests {
        by_file.entry(&t.file).or_default().push(t);
    }
    for (file, tests) in by_file {
        let mut suite = TestSuite::new(file);
        for t in tests {
            let status = match t.outcome {
                TestOutcome::Pass => TestCaseStatus::success(),
                TestOutcome::Fail | TestOutcome::Error => {
                    let kind = if t.outcome == TestOutcome::Fail {
                        NonSuccessKind::Failure
                    } else {
                        NonSuccessKind::Error
                    };
                    let mut s = TestCaseStatus::non_success(kind);
                    s.set_message(t.message.clone().unwrap_or_default());
                    s
                }
            };
            let mut case = TestCase::new(t.name.clone(), status);
            case.set_classname(format!("data.{}", t.package));
            case.set_time(t.duration);
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    match report.to_string() {
        Ok(xml) => super::junit::without_root_skipped(xml),
        Err(e) => format!("<!-- cannot serialize the JUnit report: {e} -->\n"),
    }
}
