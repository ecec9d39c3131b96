//! SARIF 2.1.0 (`--format sarif`, `--sarif FILE`), built from serde-sarif's
//! typed structures (generated from the OASIS schema): one rule per control
//! with its metadata and criteria as properties; one result per finding
//! with a physical location and a stable fingerprint in
//! `partialFingerprints`; waived and baselined findings carry suppressions
//! (GitHub code scanning hides suppressed results); inputs and evaluations
//! that failed become tool execution notifications.

use crate::results::{Finding, Level, Outcome, ScanResult};
use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Suppression, Tool, ToolComponent,
};
use std::collections::BTreeMap;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn text(s: impl Into<String>) -> Message {
    Message::builder().text(s.into()).build()
}

fn location(prefix: &str, path: &str, line: usize) -> Location {
    let path = crate::paths::to_uri(&format!("{prefix}{path}"));
    Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(ArtifactLocation::builder().uri(path).build())
                .region(Region::builder().start_line(line.max(1) as i64).build())
                .build(),
        )
        .build()
}

fn level_of(severity: crate::controls::Severity, level: Level) -> ResultLevel {
    match (level, severity) {
        (Level::Warn, _) => ResultLevel::Warning,
        (Level::Deny, crate::controls::Severity::Low) => ResultLevel::Note,
        (Level::Deny, _) => ResultLevel::Error,
    }
}

fn level_value(l: ResultLevel) -> Value {
    json!(match l {
        ResultLevel::None => "none",
        ResultLevel::Note => "note",
        ResultLevel::Warning => "warning",
        ResultLevel::Error => "error",
    })
}

pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    match write(result, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}

/// Where the results go in the pretty-printed document: the run's
/// `results` member, written empty first and then filled one result at a
/// time, each indented as it would be in place.
const RESULTS_SLOT: &str = "\n      \"results\": []";
const RESULT_INDENT: &str = "        ";

/// Write the SARIF report, each result made, written and dropped in turn
/// (the typed results of a large scan took several times the report's size
/// when built all at once). The bytes are those of the whole document
/// pretty-printed at once.
pub fn write(result: &ScanResult, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let controls = &result.controls;
    let rules: Vec<ReportingDescriptor> = controls
        .iter()
        .map(|c| {
            let ctl = &c.control;
            let mut props = BTreeMap::new();
            props.insert("severity".to_owned(), json!(ctl.severity.name()));
            props.insert("soc2".to_owned(), json!(ctl.soc2));
            props.insert("soc1".to_owned(), json!(ctl.soc1));
            props.insert(
                "inputs".to_owned(),
                json!(ctl.inputs.iter().map(|k| k.name()).collect::<Vec<_>>()),
            );
            // GitHub code scanning reads `security-severity` to rank alerts.
            let score = match ctl.severity {
                crate::controls::Severity::Low => "3.0",
                crate::controls::Severity::Medium => "5.5",
                crate::controls::Severity::High => "8.0",
                crate::controls::Severity::Critical => "9.5",
            };
            props.insert("security-severity".to_owned(), json!(score));
            let tags: Vec<String> = ctl.soc2.iter().chain(&ctl.soc1).cloned().collect();
            let mut rule = ReportingDescriptor::builder()
                .id(ctl.id.clone())
                .name(ctl.id.clone())
                .short_description(
                    MultiformatMessageString::builder()
                        .text(ctl.title.clone())
                        .build(),
                )
                .default_configuration(
                    ReportingConfiguration::builder()
                        .level(level_value(level_of(ctl.severity, Level::Deny)))
                        .build(),
                )
                .properties(
                    PropertyBag::builder()
                        .tags(tags)
                        .additional_properties(props)
                        .build(),
                )
                .build();
            if !ctl.description.is_empty() {
                rule.full_description = Some(
                    MultiformatMessageString::builder()
                        .text(ctl.description.clone())
                        .build(),
                );
            }
            if !ctl.remediation.is_empty() {
                rule.help = Some(
                    MultiformatMessageString::builder()
                        .text(ctl.remediation.clone())
                        .build(),
                );
            }
            rule
        })
        .collect();

    let mut notifications = Vec::new();
    for c in controls {
        for t in c.targets.iter() {
            if t.outcome == Outcome::Error {
                notifications.push(
                    Notification::builder()
                        .level(json!("error"))
                        .message(text(format!(
                            "{} could not evaluate {}: {}",
                            c.control.id,
                            t.name,
                            t.error.as_deref().unwrap_or("")
                        )))
                        .locations(vec![location(&result.root_prefix, &t.path, 1)])
                        .build(),
                );
            }
        }
    }
    for e in &result.input_errors {
        notifications.push(
            Notification::builder()
                .level(json!("error"))
                .message(text(format!("could not read or parse: {}", e.message)))
                .locations(vec![location(
                    &result.root_prefix,
                    &e.path,
                    e.line.unwrap_or(1),
                )])
                .build(),
        );
    }
    for (path, line, what) in result.not_examined.lines() {
        let mut n = Notification::builder()
            .level(json!("note"))
            .message(text(format!("not examined: {what}")))
            .build();
        if let Some(p) = path {
            n.locations = Some(vec![location(&result.root_prefix, p, line.unwrap_or(1))]);
        }
        notifications.push(n);
    }
    let invocation = Invocation::builder()
        .execution_successful(result.input_errors.is_empty() && result.summary.errors == 0)
        .tool_execution_notifications(notifications)
        .build();
    let run = Run::builder()
        .tool(
            Tool::builder()
                .driver(
                    ToolComponent::builder()
                        .name("assure")
                        .version(env!("CARGO_PKG_VERSION"))
                        .rules(rules)
                        .build(),
                )
                .build(),
        )
        .results(Vec::new())
        .invocations(vec![invocation])
        .column_kind(json!("unicodeCodePoints"))
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();
    let document = serde_json::to_string_pretty(&sarif).map_err(std::io::Error::other)?;
    let Some(slot) = document.find(RESULTS_SLOT) else {
        return Err(std::io::Error::other("SARIF: no results member in the run"));
    };
    let (head, tail) = document.split_at(slot + RESULTS_SLOT.len() - 1);
    // `head` ends with `"results": [`, `tail` starts with `]`.
    w.write_all(head.as_bytes())?;
    let mut first = true;
    for (index, c) in controls.iter().enumerate() {
        for t in c.targets.iter() {
            for f in &t.findings {
                let r =
                    finding_result(result, index, c.control.severity, &c.control.id, &t.path, f);
                let text = serde_json::to_string_pretty(&r).map_err(std::io::Error::other)?;
                w.write_all(if first { b"\n" } else { b",\n" })?;
                first = false;
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        w.write_all(b"\n")?;
                    }
                    w.write_all(RESULT_INDENT.as_bytes())?;
                    w.write_all(line.as_bytes())?;
                }
            }
        }
    }
    if !first {
        w.write_all(format!("\n{}", &RESULT_INDENT[2..]).as_bytes())?;
    }
    w.write_all(tail.as_bytes())?;
    w.write_all(b"\n")
}

fn finding_result(
    scan: &ScanResult,
    rule_index: usize,
    severity: crate::controls::Severity,
    control: &str,
    target_path: &str,
    f: &Finding,
) -> SarifResult {
    let (path, line) = match &f.location {
        Some(l) => (l.path.as_str(), l.line),
        None => (target_path, 1),
    };
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert("assure/v1".to_owned(), f.fingerprint.clone());
    let message = match &f.resource {
        Some(r) => format!("{r}: {}", f.message),
        None => f.message.clone(),
    };
    let mut r = SarifResult::builder()
        .rule_id(control.to_owned())
        .rule_index(rule_index as i64)
        .level(level_of(severity, f.level))
        .message(text(message))
        .locations(vec![location(&scan.root_prefix, path, line)])
        .partial_fingerprints(fingerprints)
        .build();
    let mut suppressions = Vec::new();
    if let Some(w) = &f.waiver {
        let mut justification = w.reason.clone();
        if let Some(o) = &w.owner {
            justification.push_str(&format!(" (owner {o}"));
            if let Some(e) = &w.expires {
                justification.push_str(&format!(", expires {e}"));
            }
            justification.push(')');
        }
        suppressions.push(
            Suppression::builder()
                .kind(json!(if w.origin.in_source() {
                    "inSource"
                } else {
                    "external"
                }))
                .status(json!("accepted"))
                .justification(justification)
                .build(),
        );
    } else if f.known {
        let file = scan
            .baseline
            .as_ref()
            .map_or("the baseline", |b| b.file.as_str());
        suppressions.push(
            Suppression::builder()
                .kind(json!("external"))
                .status(json!("accepted"))
                .justification(format!("known finding, recorded in {file}"))
                .build(),
        );
    }
    if !suppressions.is_empty() {
        r.suppressions = Some(suppressions);
    }
    if scan.baseline.is_some() {
        r.baseline_state = Some(json!(if f.known { "unchanged" } else { "new" }));
    }
    r
}
