//! The one result model every report renders from: types and their small
//! methods, nothing that computes a scan.
//!
//! A control's results are *targets*: the input document, or each resource
//! the control says it examined (`resources` rule). A target passes, fails,
//! warns, is waived, or errors; failing and warning targets carry findings
//! with file, line and a fingerprint that survives edits which move lines.
//! Evaluation builds them, the gate applies waivers and the baseline and
//! gives the verdict, and coverage (beside this file) reads them per
//! criterion.

pub mod coverage;
pub mod spill;
pub mod targets;

use crate::controls::{Control, Severity};
use crate::inputs::components::Components;
use crate::inputs::{InputError, Location, Unexamined};
use coverage::Coverage;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
pub use targets::Targets;

/// Version of the JSON report's schema; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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

impl Outcome {
    /// A target's outcome from its findings: the live ones decide, then
    /// known ones, then waived ones; none is a pass.
    pub fn of(findings: &[Finding]) -> Outcome {
        let live = |l: Level| findings.iter().any(|f| f.level == l && f.is_live());
        if live(Level::Deny) {
            Outcome::Fail
        } else if live(Level::Warn) {
            Outcome::Warn
        } else if findings.iter().any(Finding::is_known) {
            Outcome::Known
        } else if !findings.is_empty() {
            Outcome::Waived
        } else {
            Outcome::Pass
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Deny,
    Warn,
}

/// Why a finding does not count against the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    pub reason: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
    /// Where it is declared: `assure.yaml`, `file:line` of an inline
    /// comment, or the policy file of a conftest `exception`.
    pub source: String,
    pub origin: WaiverOrigin,
}

/// Which of the three ways of waiving a finding declared a waiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WaiverOrigin {
    /// `waivers:` in assure.yaml: reviewed with the config.
    Config,
    /// An `assure:waive` comment in a scanned file.
    Inline,
    /// A conftest `exception` rule in the control's own policy.
    Policy,
}

impl WaiverOrigin {
    /// Declared in the scanned files or the policy rather than the config.
    pub fn in_source(self) -> bool {
        self != WaiverOrigin::Config
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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
    /// For a finding inside a Terraform module instance: the `module`
    /// blocks that made the instance, outermost first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub call_sites: Vec<Location>,
    /// For a finding in a plan: the resource's block in the HCL the plan was
    /// made from, when that HCL is beside the plan file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_from: Option<Location>,
    pub fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
    /// A waiver that matched but has expired: the finding counts again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expired_waiver: Option<Waiver>,
    /// Recorded in the baseline (`--baseline`): known, not failing the run.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub known: bool,
    /// The line of the resource the finding names (or of the finding), where
    /// an inline waiver comment must stand.
    #[serde(skip)]
    pub anchor_line: Option<usize>,
    /// Other keys of the policy's message object, kept as they are.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
}

impl Finding {
    /// Whether it counts against the run: neither waived nor known from the
    /// baseline.
    pub fn is_live(&self) -> bool {
        self.waiver.is_none() && !self.known
    }

    /// Recorded in the baseline and not waived.
    pub fn is_known(&self) -> bool {
        self.known && self.waiver.is_none()
    }

    /// `file:line: message`, or the message alone when nothing locates it.
    pub fn located_message(&self) -> String {
        let base = match &self.location {
            Some(l) => format!("{}:{}: {}", l.path, l.line, self.message),
            None => self.message.clone(),
        };
        match self.called_from() {
            Some(c) => format!("{base} ({c})"),
            None => base,
        }
    }

    /// Where the finding comes from besides its own location: `called from
    /// main.tf:4 via modules/app/main.tf:9` for a finding in a module
    /// instance (the `module` blocks that made it), `planned from
    /// main.tf:12` for one in a plan whose HCL is beside it.
    pub fn called_from(&self) -> Option<String> {
        if let Some(at) = &self.planned_from {
            return Some(format!("planned from {}:{}", at.path, at.line));
        }
        (!self.call_sites.is_empty()).then(|| {
            let sites: Vec<String> = self
                .call_sites
                .iter()
                .map(|l| format!("{}:{}", l.path, l.line))
                .collect();
            format!("called from {}", sites.join(" via "))
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TargetResult {
    /// `path` or `path#resource`: the test case name in JUnit.
    pub name: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ControlResult {
    pub control: Control,
    pub targets: Targets,
}

impl ControlResult {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.targets.tally().get(outcome)
    }

    /// The worst outcome of its targets; `None` when it examined nothing.
    pub fn outcome(&self) -> Option<Outcome> {
        self.targets.tally().worst()
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

impl Summary {
    /// The totals of a scan's targets.
    pub fn of(controls: &[ControlResult], documents: usize, input_errors: usize) -> Summary {
        let mut summary = Summary {
            controls: controls.len(),
            documents,
            input_errors,
            ..Summary::default()
        };
        for c in controls {
            let t = c.targets.tally();
            summary.targets += t.total();
            summary.passed += t.get(Outcome::Pass);
            summary.failed += t.get(Outcome::Fail);
            summary.warned += t.get(Outcome::Warn);
            summary.waived += t.get(Outcome::Waived);
            summary.known += t.get(Outcome::Known);
            summary.errors += t.get(Outcome::Error);
        }
        summary
    }
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
    /// What the scan found and did not examine: module calls it could not
    /// follow, resource types no loaded control reads, files of a kind no
    /// control reads or that are not configuration as written.
    pub not_examined: NotExamined,
    /// What the configuration describes (resources by provider and type,
    /// workloads, pipelines, images), for a system description.
    pub components: Components,
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

/// What closes the gate.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Gate {
    /// The lowest severity of failure that fails the run.
    pub fail_on: Severity,
    /// Warnings (at or above `fail_on`) fail the run too.
    pub fail_on_warn: bool,
    /// Exit 0 whatever was found (the verdict still says what would fail).
    pub no_fail: bool,
    /// A scan that examined no target at all may pass (`--allow-empty`).
    pub allow_empty: bool,
    /// A module call not examined fails the run (`fail_on_unexamined`).
    pub fail_on_unexamined: bool,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            fail_on: Severity::Low,
            fail_on_warn: false,
            no_fail: false,
            allow_empty: false,
            fail_on_unexamined: false,
        }
    }
}

/// One waiver, from any source, as reports show it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WaiverInfo {
    /// The waiver's id (given in assure.yaml, or a short digest).
    pub id: String,
    pub control: String,
    /// The path glob (assure.yaml) or the file of the comment (inline).
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub reason: String,
    pub owner: String,
    /// Who approved it; inline comments and policy exceptions have nobody.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticket: Option<String>,
    pub expires: String,
    /// `assure.yaml:LINE`, `file:line` of an inline comment, or the policy.
    pub source: String,
    pub origin: WaiverOrigin,
}

/// What happened to each waiver in a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WaiverReport {
    /// In force and matching findings, with how many.
    pub applied: Vec<(WaiverInfo, usize)>,
    /// Past their expiry and matching findings, which fail again.
    pub expired: Vec<(WaiverInfo, usize)>,
    /// Matching no finding.
    pub unused: Vec<WaiverInfo>,
    /// Waivers of controls that did not run in this scan (not selected):
    /// they could match nothing, so they are neither unused nor applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_evaluated: Vec<WaiverInfo>,
}

/// One accepted finding, as the baseline file records it: no line number,
/// since lines move.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub control: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub message: String,
    pub fingerprint: String,
}

/// What the baseline did in a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BaselineReport {
    pub file: String,
    /// Findings recorded in the baseline: reported, not failing.
    pub known: usize,
    /// Failing (deny) findings not in the baseline.
    pub new: usize,
    /// Baseline entries of controls that ran which were not found again.
    pub fixed: Vec<BaselineEntry>,
}

/// What a scan did not examine, in every report: a PASSED must say where
/// it did not look.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NotExamined {
    /// Terraform module calls not evaluated, with why.
    pub module_calls: Vec<Unexamined>,
    /// Resource types present that no loaded control reads, by provider
    /// (`azurerm`, `google`, `AWS::EC2`, `kubernetes`).
    pub resource_types: BTreeMap<String, UnreadTypes>,
    /// Files not examined: of a kind no loaded control reads, Helm
    /// templates, JSON with comments, kustomize patches without their base.
    pub files: Vec<Unexamined>,
}

/// Resources of one provider whose types no loaded control reads.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct UnreadTypes {
    pub resources: usize,
    pub types: BTreeSet<String>,
}

impl NotExamined {
    pub fn is_empty(&self) -> bool {
        self.module_calls.is_empty() && self.resource_types.is_empty() && self.files.is_empty()
    }

    /// Merge another part's findings into this one.
    pub fn absorb(&mut self, other: NotExamined) {
        self.module_calls.extend(other.module_calls);
        self.files.extend(other.files);
        for (provider, u) in other.resource_types {
            let mine = self.resource_types.entry(provider).or_default();
            mine.resources += u.resources;
            mine.types.extend(u.types);
        }
    }

    /// One line per item, for reports that list them: each module call,
    /// each provider's unread types, each file. `(path, line, text)`.
    pub fn lines(&self) -> Vec<(Option<&str>, Option<usize>, String)> {
        let mut out: Vec<(Option<&str>, Option<usize>, String)> = self
            .module_calls
            .iter()
            .map(|u| {
                (
                    Some(u.path.as_str()),
                    u.line,
                    format!("module call {}: {}", u.what, u.reason),
                )
            })
            .collect();
        for (provider, u) in &self.resource_types {
            out.push((
                None,
                None,
                format!(
                    "{provider}: {} resource{} of {} type{} no loaded control reads ({})",
                    u.resources,
                    if u.resources == 1 { "" } else { "s" },
                    u.types.len(),
                    if u.types.len() == 1 { "" } else { "s" },
                    u.types.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        out.extend(self.files.iter().map(|u| {
            (
                Some(u.path.as_str()),
                u.line,
                format!("{} ({}): {}", u.what, u.kind, u.reason),
            )
        }));
        out
    }

    /// Sorted, each entry once: the same order in every run.
    pub fn settle(&mut self) {
        self.module_calls.sort();
        self.module_calls.dedup();
        self.files.sort();
        self.files.dedup();
    }
}
