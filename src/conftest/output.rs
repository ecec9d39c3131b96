//! conftest's output formats, line for line where scripts read them: the
//! standard `FAIL - file - namespace - msg` lines with the summary
//! `N tests, N passed, N warnings, N failures, N exceptions`, JSON (tab
//! indented), TAP, a table, JUnit and GitHub workflow commands.

use super::check::CheckResult;
use std::fmt::Write;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

struct Totals {
    tests: usize,
    successes: usize,
    warnings: usize,
    failures: usize,
    exceptions: usize,
}

fn totals(results: &[CheckResult]) -> Totals {
    let mut t = Totals {
        tests: 0,
        successes: 0,
        warnings: 0,
        failures: 0,
        exceptions: 0,
    };
    for r in results {
        t.successes += r.successes;
        t.warnings += r.warnings.len();
        t.failures += r.failures.len();
        t.exceptions += r.exceptions.len();
    }
    t.tests = t.successes + t.warnings + t.failures + t.exceptions;
    t
}

fn summary_line(t: &Totals) -> String {
    format!(
        "{}, {} passed, {}, {}, {}",
        plural(t.tests, "test"),
        t.successes,
        plural(t.warnings, "warning"),
        plural(t.failures, "failure"),
        plural(t.exceptions, "exception")
    )
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn indicator(r: &CheckResult) -> (String, String) {
    let file = if r.filename == "-" {
        "-".to_owned()
    } else {
        format!("- {}", r.filename)
    };
    let ns = if r.namespace == "-" {
        "-".to_owned()
    } else {
        format!("- {} -", r.namespace)
    };
    (file, ns)
}

pub struct Options {
    pub color: bool,
    pub suppress_exceptions: bool,
    pub junit_hide_message: bool,
    pub github_hide_passed: bool,
    /// The standard output prints the trace of each query instead.
    pub trace: bool,
}

pub fn render(format: &str, results: &[CheckResult], opts: &Options) -> Result<String, String> {
    Ok(match format {
        "stdout" | "" => standard(results, opts),
        "json" => json(results)?,
        "tap" => tap(results),
        "table" => table(results),
        "junit" => junit(results, opts)?,
        "github" => github(results, opts),
        "azuredevops" => azure(results),
        "sarif" => sarif(results)?,
        other => {
            return Err(format!(
                "unknown output {other:?}: valid options are stdout, json, tap, table, junit, github, azuredevops, sarif"
            ))
        }
    })
}

fn standard(results: &[CheckResult], opts: &Options) -> String {
    let mut out = String::new();
    if opts.trace {
        for r in results {
            for (query, lines) in &r.traces {
                let _ = writeln!(out, "file: {} | query: {query}", r.filename);
                for l in lines {
                    let _ = writeln!(out, "{}  {l}", paint(opts.color, "34", "TRAC "));
                }
            }
        }
        return out;
    }
    for r in results {
        for p in &r.prints {
            let _ = writeln!(out, "{}  {p}", paint(opts.color, "34", "PRNT "));
        }
    }
    for r in results {
        let (file, ns) = indicator(r);
        for w in &r.warnings {
            let _ = writeln!(
                out,
                "{} {file} {ns} {}",
                paint(opts.color, "33", "WARN"),
                w.msg
            );
        }
        for f in &r.failures {
            let _ = writeln!(
                out,
                "{} {file} {ns} {}",
                paint(opts.color, "31", "FAIL"),
                f.msg
            );
        }
        if !opts.suppress_exceptions {
            for e in &r.exceptions {
                let _ = writeln!(
                    out,
                    "{} {file} {ns} {}",
                    paint(opts.color, "36", "EXCP"),
                    e.msg
                );
            }
        }
    }
    let t = totals(results);
    let color = if t.failures > 0 {
        "31"
    } else if t.warnings > 0 {
        "33"
    } else if t.exceptions > 0 {
        "36"
    } else {
        "32"
    };
    let _ = writeln!(out, "\n{}", paint(opts.color, color, &summary_line(&t)));
    out
}

fn json(results: &[CheckResult]) -> Result<String, String> {
    let cleaned: Vec<CheckResult> = results
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if r.filename == "-" {
                r.filename.clear();
            }
            r
        })
        .collect();
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(&cleaned, &mut ser).map_err(|e| format!("marshal json: {e}"))?;
    let mut s = String::from_utf8(buf).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

fn tap(results: &[CheckResult]) -> String {
    let mut out = String::new();
    for r in results {
        let (file, ns) = indicator(r);
        let total = r.successes + r.failures.len() + r.warnings.len() + r.exceptions.len();
        if total == 0 {
            // conftest stops at the first file with nothing to report.
            return out;
        }
        let _ = writeln!(out, "1..{total}");
        let mut n = 1;
        for f in &r.failures {
            let _ = writeln!(out, "not ok {n} {file} {ns} {}", f.msg);
            n += 1;
        }
        if !r.warnings.is_empty() {
            out.push_str("# warnings\n");
            for w in &r.warnings {
                let _ = writeln!(out, "not ok {n} {file} {ns} {}", w.msg);
                n += 1;
            }
        }
        if !r.exceptions.is_empty() {
            out.push_str("# exceptions\n");
            for e in &r.exceptions {
                let _ = writeln!(out, "ok {n} {file} {ns} {}", e.msg);
                n += 1;
            }
        }
        if r.successes > 0 {
            out.push_str("# successes\n");
            for _ in 0..r.successes {
                let _ = writeln!(out, "ok {n} {file} {ns} SUCCESS");
                n += 1;
            }
        }
    }
    out
}

fn table(results: &[CheckResult]) -> String {
    let mut rows: Vec<[String; 4]> = Vec::new();
    for r in results {
        for _ in 0..r.successes {
            rows.push([
                "success".into(),
                r.filename.clone(),
                r.namespace.clone(),
                "SUCCESS".into(),
            ]);
        }
        for (kind, list) in [
            ("exception", &r.exceptions),
            ("warning", &r.warnings),
            ("failure", &r.failures),
        ] {
            for o in list {
                rows.push([
                    kind.into(),
                    r.filename.clone(),
                    r.namespace.clone(),
                    o.msg.clone(),
                ]);
            }
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let header = ["RESULT", "FILE", "NAMESPACE", "MESSAGE"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::from("│");
        for (c, w) in cells.iter().zip(widths) {
            let _ = write!(s, " {c:<w$} │");
        }
        s
    };
    let rule = |l: &str, m: &str, r: &str| -> String {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        format!("{l}{}{r}", parts.join(m))
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", rule("┌", "┬", "┐"));
    let _ = writeln!(out, "{}", line(&header.map(String::from)));
    let _ = writeln!(out, "{}", rule("├", "┼", "┤"));
    for row in &rows {
        let _ = writeln!(out, "{}", line(row));
    }
    let _ = writeln!(out, "{}", rule("└", "┴", "┘"));
    out
}

fn junit(results: &[CheckResult], opts: &Options) -> Result<String, String> {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let mut report = Report::new("conftest");
    let mut suite = TestSuite::new("conftest");
    for r in results {
        let base = format!("{} - {}", r.filename, r.namespace);
        let name = |msg: &str| {
            if opts.junit_hide_message || msg.is_empty() {
                base.clone()
            } else {
                format!("{base} - {msg}")
            }
        };
        for f in r.failures.iter().chain(&r.warnings) {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(f.msg.clone());
            suite.add_test_case(TestCase::new(name(&f.msg), status));
        }
        for e in &r.exceptions {
            let mut status = TestCaseStatus::skipped();
            status.set_message(e.msg.clone());
            suite.add_test_case(TestCase::new(name(&e.msg), status));
        }
        for _ in 0..r.successes {
            suite.add_test_case(TestCase::new(name(""), TestCaseStatus::success()));
        }
    }
    report.add_test_suite(suite);
    report.to_string().map_err(|e| e.to_string())
}

fn github(results: &[CheckResult], opts: &Options) -> String {
    let mut out = String::new();
    for r in results {
        let nothing = r.failures.is_empty() && r.warnings.is_empty() && r.exceptions.is_empty();
        if opts.github_hide_passed && nothing {
            continue;
        }
        let n = r.successes + r.failures.len() + r.warnings.len() + r.exceptions.len();
        let _ = writeln!(
            out,
            "::group::Testing {:?} against {n} policies in namespace {:?}",
            r.filename, r.namespace
        );
        for (kind, list) in [
            ("error", &r.failures),
            ("warning", &r.warnings),
            ("notice", &r.exceptions),
        ] {
            for o in list {
                let _ = writeln!(out, "::{kind} file={},line=1::{}", r.filename, o.msg);
            }
        }
        let _ = writeln!(
            out,
            "::notice file={},line=1::Number of successful checks: {}",
            r.filename, r.successes
        );
        out.push_str("::endgroup::\n");
    }
    let _ = writeln!(out, "{}", summary_line(&totals(results)));
    out
}

fn azure(results: &[CheckResult]) -> String {
    let mut out = String::new();
    for r in results {
        let _ = writeln!(
            out,
            "##[group]Testing '{}' against policies in namespace '{}'",
            r.filename, r.namespace
        );
        for f in &r.failures {
            let _ = writeln!(
                out,
                "##vso[task.logissue type=error;sourcepath={}]{}",
                r.filename, f.msg
            );
        }
        for w in &r.warnings {
            let _ = writeln!(
                out,
                "##vso[task.logissue type=warning;sourcepath={}]{}",
                r.filename, w.msg
            );
        }
        out.push_str("##[endgroup]\n");
    }
    let _ = writeln!(out, "{}", summary_line(&totals(results)));
    out
}

fn sarif(results: &[CheckResult]) -> Result<String, String> {
    let mut items = Vec::new();
    for r in results {
        for (level, list) in [
            ("error", &r.failures),
            ("warning", &r.warnings),
            ("note", &r.exceptions),
        ] {
            for o in list {
                items.push(serde_json::json!({
                    "ruleId": o.metadata.get("query").and_then(|q| q.as_str()).unwrap_or(&r.namespace),
                    "level": level,
                    "message": {"text": o.msg},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": r.filename}}}],
                }));
            }
        }
    }
    let doc = serde_json::json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "conftest", "informationUri": "https://www.conftest.dev"}}, "results": items}],
    });
    serde_json::to_string_pretty(&doc)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}
