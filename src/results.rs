//! The one result model every report renders from.
//!
//! A control's results are *targets*: the input document, or each resource
//! the control says it examined (`resources` rule). A target passes, fails,
//! warns, is waived, or errors; failing and warning targets carry findings
//! with file, line and a fingerprint that survives edits which move lines.

use crate::controls::{Control, Severity};
use crate::frameworks::coverage::{coverage, Coverage, Scope};
use crate::gate::{BaselineReport, WaiverReport};
use crate::inputs::{Document, InputError, Location, Locator};
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Version of the JSON report's schema; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Waived,
    /// Failing, but every failing finding is recorded in the baseline: it
    /// does not fail the run (and still counts as failing in coverage).
    Known,
    Warn,
    Fail,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Deny,
    Warn,
}

/// Why a finding does not count against the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waiver {
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Where it is declared: `assure.yaml`, `file:line` of an inline
    /// comment, or `policy` for a conftest `exception`.
    pub source: String,
    /// Declared in the scanned file itself (an inline comment, or the policy).
    #[serde(skip)]
    pub in_source: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub level: Level,
    /// The Rego rule that produced it (`deny`, `warn_tls`...).
    pub rule: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
    /// A waiver that matched but has expired: the finding counts again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired_waiver: Option<Waiver>,
    /// Recorded in the baseline (`--baseline`): known, not failing the run.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub known: bool,
    /// The line of the resource the finding names (or of the finding), where
    /// an inline waiver comment must stand.
    #[serde(skip)]
    pub anchor_line: Option<usize>,
    /// Other keys of the policy's message object, kept as they are.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
}

impl Finding {
    /// `file:line: message`, or the message alone when nothing locates it.
    pub fn located_message(&self) -> String {
        match &self.location {
            Some(l) => format!("{}:{}: {}", l.path, l.line, self.message),
            None => self.message.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetResult {
    /// `path` or `path#resource`: the test case name in JUnit.
    pub name: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ControlResult {
    pub control: Control,
    pub targets: Vec<TargetResult>,
}

impl ControlResult {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.targets.iter().filter(|t| t.outcome == outcome).count()
    }

    /// The worst outcome of its targets; `None` when it examined nothing.
    pub fn outcome(&self) -> Option<Outcome> {
        self.targets.iter().map(|t| t.outcome).max()
    }
}

/// What one control's rules gave on one document, before it becomes targets.
#[derive(Debug, Default)]
pub struct RawEval {
    /// (rule name, item) for every element of every deny/violation rule.
    pub deny: Vec<(String, Value)>,
    pub warn: Vec<(String, Value)>,
    /// The `resources` rule, when the package defines one.
    pub resources: Option<Vec<String>>,
    /// conftest `exception` rule suffixes.
    pub exceptions: BTreeSet<String>,
    pub error: Option<String>,
}

/// A stable fingerprint: control id, path, resource and message, never the
/// line, so moving a resource does not make its finding new.
pub fn fingerprint(control: &str, path: &str, resource: Option<&str>, message: &str) -> String {
    let mut h = Sha256::new();
    for part in [control, path, resource.unwrap_or(""), message] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// Turn one control's raw evaluation of one document into targets.
pub fn build_targets(
    control: &Control,
    doc: &Document,
    docs_in_file: usize,
    raw: RawEval,
) -> Vec<TargetResult> {
    let doc_name = doc.display_path(docs_in_file);
    if let Some(error) = raw.error {
        return vec![TargetResult {
            name: doc_name.clone(),
            path: doc_name,
            resource: None,
            outcome: Outcome::Error,
            findings: vec![],
            error: Some(error),
        }];
    }
    let mut findings: Vec<Finding> = Vec::new();
    for (level, items) in [(Level::Deny, raw.deny), (Level::Warn, raw.warn)] {
        for (rule, item) in items {
            findings.push(finding(control, doc, level, rule, item, &raw.exceptions));
        }
    }
    let by_resource = raw.resources.is_some();
    // target name -> (path, resource, findings)
    let mut targets: BTreeMap<String, (String, Option<String>, Vec<Finding>)> = BTreeMap::new();
    let target_of = |resource: Option<&str>| -> (String, String, Option<String>) {
        match resource {
            Some(r) if by_resource => {
                // The resource names the document, so its file is enough (no
                // `[n]`: inserting a document above must not rename it). A
                // Terraform module spans files: name the resource's own file.
                let path = match &doc.locator {
                    Locator::Terraform { .. } => {
                        doc.locator.file_of(r).unwrap_or(&doc.path).to_owned()
                    }
                    _ => doc.path.clone(),
                };
                (format!("{path}#{r}"), path, Some(r.to_owned()))
            }
            _ => (doc_name.clone(), doc_name.clone(), None),
        }
    };
    for r in raw.resources.iter().flatten() {
        let (name, path, resource) = target_of(Some(r));
        targets.entry(name).or_insert((path, resource, vec![]));
    }
    for f in findings {
        let (name, path, resource) = target_of(f.resource.as_deref());
        targets
            .entry(name)
            .or_insert((path, resource, vec![]))
            .2
            .push(f);
    }
    if !by_resource && targets.is_empty() {
        targets.insert(doc_name.clone(), (doc_name, None, vec![]));
    }
    targets
        .into_iter()
        .map(|(name, (path, resource, mut findings))| {
            findings.sort_by(|a, b| {
                (a.level, &a.location, &a.message).cmp(&(b.level, &b.location, &b.message))
            });
            findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.level == b.level);
            let outcome = target_outcome(&findings);
            TargetResult {
                name,
                path,
                resource,
                outcome,
                findings,
                error: None,
            }
        })
        .collect()
}

/// A target's outcome from its findings.
pub fn target_outcome(findings: &[Finding]) -> Outcome {
    let live = |l: Level| {
        findings
            .iter()
            .any(|f| f.level == l && f.waiver.is_none() && !f.known)
    };
    if live(Level::Deny) {
        Outcome::Fail
    } else if live(Level::Warn) {
        Outcome::Warn
    } else if findings.iter().any(|f| f.known && f.waiver.is_none()) {
        Outcome::Known
    } else if !findings.is_empty() {
        Outcome::Waived
    } else {
        Outcome::Pass
    }
}

fn finding(
    control: &Control,
    doc: &Document,
    level: Level,
    rule: String,
    item: Value,
    exceptions: &BTreeSet<String>,
) -> Finding {
    let (message, resource, attribute, loc, metadata) = match item {
        Value::String(s) => (s, None, None, None, Map::new()),
        Value::Object(mut m) => {
            let message = match m.remove("msg") {
                Some(Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => Value::Object(m.clone()).to_string(),
            };
            let take_str = |m: &mut Map<String, Value>, k: &str| match m.remove(k) {
                Some(Value::String(s)) => Some(s),
                Some(Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            };
            let resource = take_str(&mut m, "resource");
            let attribute = take_str(&mut m, "attribute");
            let loc = m.remove("_loc");
            (message, resource, attribute, loc, m)
        }
        other => (other.to_string(), None, None, None, Map::new()),
    };
    // An explicit `_loc: {file, line}` wins over what the locator finds.
    let location = loc
        .and_then(|l| {
            let line = l.get("line").and_then(Value::as_u64)? as usize;
            let path = l
                .get("file")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| doc.path.clone());
            Some(Location { path, line })
        })
        .or_else(|| {
            doc.locator
                .locate(&doc.value, resource.as_deref(), attribute.as_deref())
        });
    // Where an inline waiver must stand: the resource's own line when the
    // finding names one, else the finding's line.
    let anchor_line = match resource.as_deref() {
        Some(r) => doc
            .locator
            .locate(&doc.value, Some(r), None)
            .map(|l| l.line),
        None => location.as_ref().map(|l| l.line),
    };
    let suffix = rule.split_once('_').map_or("", |(_, s)| s);
    let waiver = exceptions.contains(suffix).then(|| Waiver {
        reason: format!("exception for rule `{rule}` in the policy"),
        owner: None,
        expires: None,
        source: "policy".to_owned(),
        in_source: true,
    });
    Finding {
        // The file path, not the `[n]` display name: stable when documents move.
        fingerprint: fingerprint(&control.id, &doc.path, resource.as_deref(), &message),
        level,
        rule,
        message,
        resource,
        attribute,
        location,
        waiver,
        expired_waiver: None,
        known: false,
        anchor_line,
        metadata,
    }
}

/// Totals over a scan.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub controls: usize,
    pub documents: usize,
    pub targets: usize,
    pub passed: usize,
    pub failed: usize,
    pub warned: usize,
    pub waived: usize,
    pub known: usize,
    pub errors: usize,
    pub input_errors: usize,
}

/// Why the run passes or fails, and with which exit code.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Verdict {
    pub exit_code: i32,
    pub passed: bool,
    pub reasons: Vec<String>,
}

/// Everything a scan found; reports are pure functions of this.
#[derive(Debug, Clone, Serialize)]
pub struct ScanResult {
    pub schema_version: u32,
    pub tool: Tool,
    pub gate: Gate,
    pub controls: Vec<ControlResult>,
    pub input_errors: Vec<InputError>,
    pub coverage: Coverage,
    pub waivers: WaiverReport,
    /// What `--baseline` did, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineReport>,
    pub summary: Summary,
    pub verdict: Verdict,
    #[serde(skip)]
    pub elapsed: std::time::Duration,
    /// The scanned folder relative to the current one (`demo/app/`), for
    /// reports read by tools that place files from the repository root
    /// (SARIF, GitHub annotations). Empty when they are the same.
    #[serde(skip)]
    pub root_prefix: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

/// What a [`ScanResult`] is assembled from.
pub struct Parts<'a> {
    pub controls: Vec<ControlResult>,
    pub input_errors: Vec<InputError>,
    pub documents: usize,
    pub gate: Gate,
    pub scope: &'a Scope,
    pub waivers: WaiverReport,
    pub baseline: Option<BaselineReport>,
    /// Controls left out with --control/--skip-control.
    pub unselected: &'a [Control],
    pub elapsed: std::time::Duration,
}

impl ScanResult {
    pub fn new(parts: Parts<'_>) -> ScanResult {
        let Parts {
            mut controls,
            mut input_errors,
            documents,
            gate,
            scope,
            waivers,
            baseline,
            unselected,
            elapsed,
        } = parts;
        controls.sort_by(|a, b| a.control.id.cmp(&b.control.id));
        input_errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        input_errors.dedup();
        let mut summary = Summary {
            controls: controls.len(),
            documents,
            input_errors: input_errors.len(),
            ..Summary::default()
        };
        for t in controls.iter().flat_map(|c| &c.targets) {
            summary.targets += 1;
            match t.outcome {
                Outcome::Pass => summary.passed += 1,
                Outcome::Fail => summary.failed += 1,
                Outcome::Warn => summary.warned += 1,
                Outcome::Waived => summary.waived += 1,
                Outcome::Known => summary.known += 1,
                Outcome::Error => summary.errors += 1,
            }
        }
        let mut verdict = verdict(&controls, &summary, gate);
        let expired: usize = waivers.expired.iter().map(|(_, n)| n).sum();
        if expired > 0 {
            verdict.reasons.push(format!(
                "{expired} finding{} failing again because {} waiver{} expired",
                plural(expired),
                waivers.expired.len(),
                plural(waivers.expired.len())
            ));
        }
        if let Some(b) = &baseline {
            let note = format!(
                "baseline {}: {} known, {} new, {} fixed",
                b.file,
                b.known,
                b.new,
                b.fixed.len()
            );
            verdict.reasons.push(note);
        }
        // Controls left out with --control/--skip-control still map their
        // criteria: those are "not examined", never "no automated control".
        let coverage = if unselected.is_empty() {
            coverage(scope, &controls)
        } else {
            let mut all = controls.clone();
            all.extend(unselected.iter().map(|c| ControlResult {
                control: c.clone(),
                targets: vec![],
            }));
            coverage(scope, &all)
        };
        ScanResult {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "assure",
                version: env!("CARGO_PKG_VERSION"),
            },
            gate,
            controls,
            input_errors,
            coverage,
            waivers,
            baseline,
            summary,
            verdict,
            elapsed,
            root_prefix: String::new(),
        }
    }
}

/// What closes the gate.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Gate {
    /// The lowest severity of failure that fails the run.
    pub fail_on: Severity,
    /// Warnings (at or above `fail_on`) fail the run too.
    pub fail_on_warn: bool,
    /// Exit 0 whatever was found (the verdict still says what would fail).
    pub no_fail: bool,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            fail_on: Severity::Low,
            fail_on_warn: false,
            no_fail: false,
        }
    }
}

/// Exit 1 when a failure at or above the threshold exists, or when an input
/// or an evaluation errored: the gate is closed whenever something was not
/// checked. Otherwise 0. `--no-fail` keeps the reasons and exits 0.
fn verdict(controls: &[ControlResult], summary: &Summary, gate: Gate) -> Verdict {
    let fail_on = gate.fail_on;
    let mut reasons = Vec::new();
    let gating: Vec<&ControlResult> = controls
        .iter()
        .filter(|c| c.control.severity >= fail_on && c.count(Outcome::Fail) > 0)
        .collect();
    if !gating.is_empty() {
        let n: usize = gating.iter().map(|c| c.count(Outcome::Fail)).sum();
        reasons.push(format!(
            "{n} failing target{} in {} control{} at or above severity {fail_on}",
            plural(n),
            gating.len(),
            plural(gating.len())
        ));
    }
    if gate.fail_on_warn {
        let warned: usize = controls
            .iter()
            .filter(|c| c.control.severity >= fail_on)
            .map(|c| c.count(Outcome::Warn))
            .sum();
        if warned > 0 {
            reasons.push(format!(
                "{warned} warning target{} (--fail-on-warn)",
                plural(warned)
            ));
        }
    }
    if summary.input_errors > 0 {
        reasons.push(format!(
            "{} input{} could not be read or parsed",
            summary.input_errors,
            plural(summary.input_errors)
        ));
    }
    if summary.errors > 0 {
        reasons.push(format!(
            "{} evaluation error{}",
            summary.errors,
            plural(summary.errors)
        ));
    }
    let passed = reasons.is_empty();
    if passed {
        let below = summary.failed;
        reasons.push(if below > 0 {
            format!(
                "{below} failing target{} below the threshold ({fail_on})",
                plural(below)
            )
        } else {
            "no failing target".to_owned()
        });
    }
    if !passed && gate.no_fail {
        reasons.push("exit 0 because of --no-fail".to_owned());
    }
    Verdict {
        exit_code: if passed || gate.no_fail { 0 } else { 1 },
        passed,
        reasons,
    }
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::structured::parse_yaml;

    fn control() -> Control {
        Control {
            id: "k8s-x".into(),
            title: "t".into(),
            description: String::new(),
            severity: Severity::High,
            soc2: vec![],
            soc1: vec![],
            inputs: vec![],
            resource_types: vec![],
            remediation: String::new(),
            package: "p".into(),
            source: "p.rego".into(),
            builtin: false,
            rules: Default::default(),
            modules: vec![],
            cross_input: false,
        }
    }

    fn targets(yaml: &str, doc: usize, resources: bool) -> Vec<TargetResult> {
        let docs = parse_yaml("k8s/app.yaml", yaml).documents;
        let raw = RawEval {
            deny: vec![(
                "deny".into(),
                serde_json::json!({"msg": "bad", "resource": "Pod/web/container:app", "attribute": "image"}),
            )],
            resources: resources.then(|| vec!["Pod/web/container:app".to_owned()]),
            ..RawEval::default()
        };
        build_targets(&control(), &docs[doc], docs.len(), raw)
    }

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n";

    #[test]
    fn fingerprints_and_names_survive_moves_and_inserted_documents() {
        let alone = targets(POD, 0, true);
        let moved = targets(
            &format!(
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n# comment\n\n{POD}"
            ),
            1,
            true,
        );
        assert_eq!(alone[0].name, "k8s/app.yaml#Pod/web/container:app");
        assert_eq!(moved[0].name, alone[0].name);
        let (a, b) = (&alone[0].findings[0], &moved[0].findings[0]);
        assert_eq!(a.fingerprint, b.fingerprint);
        assert_ne!(a.location, b.location);
        assert_eq!(b.location.as_ref().map(|l| l.line), Some(15));
        assert_eq!(alone[0].outcome, Outcome::Fail);
    }

    #[test]
    fn without_resources_the_document_is_the_unit() {
        let t = targets(&format!("a: 1\n---\n{POD}"), 1, false);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].name, "k8s/app.yaml[1]");
        assert_eq!(t[0].resource, None);
    }

    #[test]
    fn fingerprint_depends_on_control_path_resource_and_message() {
        let base = fingerprint("c", "p", Some("r"), "m");
        assert_eq!(base, fingerprint("c", "p", Some("r"), "m"));
        for other in [
            fingerprint("c2", "p", Some("r"), "m"),
            fingerprint("c", "p2", Some("r"), "m"),
            fingerprint("c", "p", None, "m"),
            fingerprint("c", "p", Some("r"), "m2"),
        ] {
            assert_ne!(base, other);
        }
    }
}
