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
use std::io::Write;

/// Classname and suite name of the test cases for unreadable inputs.
pub const INPUTS_SUITE: &str = "assure.inputs";

/// The suite listing what the scan did not examine, as skipped cases.
pub const NOT_EXAMINED_SUITE: &str = "not-examined";

/// The report as a string (stdout), made as [`write`] makes it.
pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    match write(result, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("<!-- cannot serialize the JUnit report: {e} -->\n"),
    }
}

/// Write the report one suite at a time: each control's suite is made,
/// serialized and dropped before the next, so memory holds one control's
/// test cases, not the scan's. The root element's totals are known only
/// once every suite is made, so the suites go to a temporary file first.
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut body = std::io::BufWriter::new(tempfile::tempfile()?);
    let mut totals = Report::new("assure");
    // A few controls at a time in parallel: quick-junit scans every string
    // it is given for ANSI escapes, and a large scan has tens of thousands
    // of test cases.
    let chunk = rayon::current_num_threads().max(1) * 2;
    for controls in result.controls.chunks(chunk) {
        let suites: Vec<([usize; 3], String)> = controls
            .par_iter()
            .map(|c| suite_xml(control_suite(c)))
            .collect();
        for (counts, xml) in suites {
            add(&mut totals, counts);
            body.write_all(xml.as_bytes())?;
        }
    }
    for suite in closing_suites(result) {
        let (counts, xml) = suite_xml(suite);
        add(&mut totals, counts);
        body.write_all(xml.as_bytes())?;
    }
    totals.set_time(result.elapsed);
    let head = totals
        .to_string()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let head = without_root_skipped(head);
    let Some(open) = head
        .find("<testsuites")
        .and_then(|i| head[i..].find('>').map(|j| i + j + 1))
    else {
        return Err(std::io::Error::other(
            "quick-junit wrote no <testsuites> element",
        ));
    };
    out.write_all(&head.as_bytes()[..open])?;
    out.write_all(b"\n")?;
    let mut body = body.into_inner().map_err(|e| e.into_error())?;
    use std::io::Seek;
    body.seek(std::io::SeekFrom::Start(0))?;
    std::io::copy(&mut body, out)?;
    out.write_all(b"</testsuites>\n")
}

/// Add a suite's (tests, failures, errors) to the root element's totals
/// (its `skipped` total is not written, see [`without_root_skipped`]).
fn add(totals: &mut Report, [tests, failures, errors]: [usize; 3]) {
    totals.tests += tests;
    totals.failures += failures;
    totals.errors += errors;
}

/// One suite's counts, and the suite as quick-junit writes it inside
/// `<testsuites>` (indented, each line ending in a newline).
fn suite_xml(suite: TestSuite) -> ([usize; 3], String) {
    let counts = [suite.tests, suite.failures, suite.errors];
    let mut one = Report::new("assure");
    one.add_test_suite(suite);
    let xml = one.to_string().unwrap_or_default();
    let start = xml.find("\n    <testsuite").map_or(0, |i| i + 1);
    let end = xml.rfind("</testsuites>").unwrap_or(xml.len());
    (counts, xml[start..end.max(start)].to_owned())
}

/// The suites after the controls': inputs that could not be read, and
/// what the scan did not examine.
fn closing_suites(result: &ScanResult) -> Vec<TestSuite> {
    let mut out = Vec::new();
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
        out.push(suite);
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
        out.push(suite);
    }
    out
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
