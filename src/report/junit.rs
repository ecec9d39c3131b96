//! The JUnit report, the contract with CI systems:
//! one `<testsuite>` per control, named by id and title, with properties for
//! severity and each SOC 2 criterion and SOC 1 objective; one `<testcase>`
//! per examined target (classname = control id, name = `path` or
//! `path#resource`); failures carry file:line and the remediation; waived
//! findings are `<skipped>`; evaluation errors are `<error>` test cases, and
//! inputs that could not be read or parsed are `<error>` test cases of a
//! last suite, `assure.inputs`. Order is that of the result: deterministic.

use crate::results::{ControlResult, Finding, Level, Outcome, ScanResult, TargetResult};
use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};
use rayon::prelude::*;

/// Classname and suite name of the test cases for unreadable inputs.
pub const INPUTS_SUITE: &str = "assure.inputs";

/// The suite listing what the scan did not examine, as skipped cases.
pub const NOT_EXAMINED_SUITE: &str = "not-examined";

pub fn render(result: &ScanResult) -> String {
    let mut report = Report::new("assure");
    report.set_time(result.elapsed);
    // In parallel: quick-junit scans every string it is given for ANSI
    // escapes, and a large scan has tens of thousands of test cases.
    let suites: Vec<TestSuite> = result.controls.par_iter().map(control_suite).collect();
    report.add_test_suites(suites);
    if !result.input_errors.is_empty() {
        let mut suite = TestSuite::new(format!(
            "{INPUTS_SUITE}: inputs that could not be read or parsed"
        ));
        for e in &result.input_errors {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(e.display());
            status.set_type("input-error");
            let mut case = TestCase::new(e.path.clone(), status);
            case.set_classname(INPUTS_SUITE);
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    let lines = result.not_examined.lines();
    if !lines.is_empty() {
        let mut suite = TestSuite::new(format!(
            "{NOT_EXAMINED_SUITE}: what this scan did not examine"
        ));
        for (path, line, text) in lines {
            let mut status = TestCaseStatus::skipped();
            status.set_message(text.clone());
            status.set_type("not-examined");
            let name = match (path, line) {
                (Some(p), Some(l)) => format!("{p}:{l}"),
                (Some(p), None) => p.to_owned(),
                (None, _) => text,
            };
            let mut case = TestCase::new(name, status);
            case.set_classname(NOT_EXAMINED_SUITE);
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    match report.to_string() {
        Ok(xml) => without_root_skipped(xml),
        Err(e) => format!("<!-- cannot serialize the JUnit report: {e} -->\n"),
    }
}

/// quick-junit writes a `skipped` count on `<testsuites>`, which the common
/// (Jenkins) JUnit schema does not allow there; the per-suite counts stay.
/// Only the root element's attribute is removed.
pub(crate) fn without_root_skipped(xml: String) -> String {
    let Some(start) = xml.find("<testsuites ") else {
        return xml;
    };
    let Some(len) = xml[start..].find('>') else {
        return xml;
    };
    let head = &xml[start..start + len];
    let Some(attr) = head.find(" skipped=\"") else {
        return xml;
    };
    let Some(close) = head[attr + 10..].find('"') else {
        return xml;
    };
    let (a, b) = (start + attr, start + attr + 10 + close + 1);
    format!("{}{}", &xml[..a], &xml[b..])
}

fn control_suite(c: &ControlResult) -> TestSuite {
    let control = &c.control;
    let mut suite = TestSuite::new(format!("{}: {}", control.id, control.title));
    suite.add_property(Property::new("control", control.id.clone()));
    suite.add_property(Property::new("severity", control.severity.name()));
    for id in &control.soc2 {
        suite.add_property(Property::new("soc2", id.clone()));
    }
    for id in &control.soc1 {
        suite.add_property(Property::new("soc1", id.clone()));
    }
    for t in c.targets.iter() {
        suite.add_test_case(test_case(c, &t));
    }
    suite
}

fn test_case(c: &ControlResult, t: &TargetResult) -> TestCase {
    let control = &c.control;
    let live = |level: Level| -> Vec<&Finding> {
        t.findings
            .iter()
            .filter(|f| f.level == level && f.waiver.is_none() && !f.known)
            .collect()
    };
    let status = match t.outcome {
        Outcome::Pass | Outcome::Warn => TestCaseStatus::success(),
        Outcome::Fail => {
            let failing = live(Level::Deny);
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_type(control.severity.name());
            let mut body: Vec<String> = failing
                .iter()
                .map(|f| match &f.expired_waiver {
                    Some(w) => format!(
                        "{} (waiver expired on {}: {})",
                        f.located_message(),
                        w.expires.as_deref().unwrap_or("?"),
                        w.reason
                    ),
                    None => f.located_message(),
                })
                .collect();
            status.set_message(body.first().cloned().unwrap_or_default());
            if !control.remediation.is_empty() {
                body.push(format!("Remediation: {}", control.remediation));
            }
            status.set_description(body.join("\n"));
            status
        }
        Outcome::Waived => {
            let mut status = TestCaseStatus::skipped();
            let reasons: Vec<String> = t
                .findings
                .iter()
                .filter_map(|f| f.waiver.as_ref().map(|w| (f, w)))
                .map(|(f, w)| {
                    let mut s = format!("waived: {} ({})", w.reason, f.located_message());
                    if let Some(o) = &w.owner {
                        s.push_str(&format!(", owner {o}"));
                    }
                    if let Some(e) = &w.expires {
                        s.push_str(&format!(", expires {e}"));
                    }
                    s
                })
                .collect();
            status.set_message(reasons.first().cloned().unwrap_or_else(|| "waived".into()));
            status.set_description(reasons.join("\n"));
            status
        }
        Outcome::Known => {
            let mut status = TestCaseStatus::skipped();
            let known: Vec<String> = t
                .findings
                .iter()
                .filter(|f| f.known && f.waiver.is_none())
                .map(|f| {
                    format!(
                        "known finding, recorded in the baseline: {}",
                        f.located_message()
                    )
                })
                .collect();
            status.set_message(
                known
                    .first()
                    .cloned()
                    .unwrap_or_else(|| "known finding".into()),
            );
            status.set_type("baseline");
            status.set_description(known.join("\n"));
            status
        }
        Outcome::Error => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_type("evaluation-error");
            status.set_message(t.error.clone().unwrap_or_default());
            status
        }
    };
    let mut case = TestCase::new(t.name.clone(), status);
    case.set_classname(control.id.clone());
    let warnings = live(Level::Warn);
    if !warnings.is_empty() {
        let text: Vec<String> = warnings
            .iter()
            .map(|f| format!("warning: {}", f.located_message()))
            .collect();
        case.set_system_out(text.join("\n"));
    }
    case
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_the_root_skipped_count() {
        let xml = "<?xml version=\"1.0\"?>\n<testsuites name=\"assure\" tests=\"3\" skipped=\"1\" failures=\"0\">\n<testsuite name=\"a\" skipped=\"1\">".to_owned();
        assert_eq!(
            without_root_skipped(xml),
            "<?xml version=\"1.0\"?>\n<testsuites name=\"assure\" tests=\"3\" failures=\"0\">\n<testsuite name=\"a\" skipped=\"1\">"
        );
    }
}
