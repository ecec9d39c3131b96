//! The gate: waivers (from `assure.yaml` and inline comments) and the
//! baseline applied to the findings, before the verdict.
//!
//! - A waived finding is skipped, not passed. An expired waiver no longer
//!   applies and is reported as expired; a waiver that matches nothing is
//!   reported as unused.
//! - A finding recorded in the baseline is *known*: reported, not failing the
//!   run. Findings not in it are new; baseline entries no longer found are
//!   listed as fixed. Failing the build on regressions only is the point.

use crate::config::WaiverConfig;
use crate::inputs::waivers::InlineWaiver;
use crate::results::{target_outcome, ControlResult, Finding, Level, Waiver};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// An ISO date (`2027-03-31`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Today, in UTC: expiry is a calendar date, the same on every CI runner.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// One waiver, from either source, as reports show it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WaiverInfo {
    pub control: String,
    /// The path glob (assure.yaml) or the file of the comment (inline).
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub reason: String,
    pub owner: String,
    pub expires: String,
    /// `assure.yaml`, or `file:line` of an inline comment.
    pub source: String,
}

enum Matcher {
    Glob(Option<globset::GlobMatcher>),
    /// An inline comment: the file and the line it stands next to.
    Inline {
        path: String,
        line: usize,
    },
}

struct Rule {
    info: WaiverInfo,
    matcher: Matcher,
    expired: bool,
    matched: usize,
}

impl Rule {
    fn matches(&self, control: &str, target_path: &str, f: &Finding) -> bool {
        if self.info.control != control {
            return false;
        }
        let path = f.location.as_ref().map_or(target_path, |l| l.path.as_str());
        match &self.matcher {
            Matcher::Glob(glob) => {
                glob.as_ref()
                    .is_some_and(|g| g.is_match(path) || g.is_match(target_path))
                    && self
                        .info
                        .resource
                        .as_ref()
                        .is_none_or(|r| f.resource.as_ref() == Some(r))
            }
            Matcher::Inline { path: p, line } => p == path && f.anchor_line == Some(*line),
        }
    }
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
}

/// Apply waivers to every finding and recompute the targets' outcomes.
pub fn apply_waivers(
    controls: &mut [ControlResult],
    config: &[WaiverConfig],
    config_label: &str,
    inline: &[InlineWaiver],
    today: NaiveDate,
) -> WaiverReport {
    let expired = |d: &str| parse_date(d).is_none_or(|d| d < today);
    let mut rules: Vec<Rule> = config
        .iter()
        .map(|w| Rule {
            info: WaiverInfo {
                control: w.control.clone(),
                path: w.path.clone(),
                resource: w.resource.clone(),
                reason: w.reason.clone(),
                owner: w.owner.clone(),
                expires: w.expires.clone(),
                source: config_label.to_owned(),
            },
            matcher: Matcher::Glob(
                globset::Glob::new(&w.path)
                    .ok()
                    .map(|g| g.compile_matcher()),
            ),
            expired: expired(&w.expires),
            matched: 0,
        })
        .chain(inline.iter().map(|w| Rule {
            info: WaiverInfo {
                control: w.control.clone(),
                path: w.path.clone(),
                resource: None,
                reason: w.reason.clone(),
                owner: w.owner.clone(),
                expires: w.expires.clone(),
                source: format!("{}:{}", w.path, w.line),
            },
            matcher: Matcher::Inline {
                path: w.path.clone(),
                line: w.applies_to,
            },
            expired: expired(&w.expires),
            matched: 0,
        }))
        .collect();
    for c in controls.iter_mut() {
        for t in &mut c.targets {
            let mut changed = false;
            for f in t.findings.iter_mut().filter(|f| f.waiver.is_none()) {
                let Some(rule) = rules
                    .iter_mut()
                    .find(|r| r.matches(&c.control.id, &t.path, f))
                else {
                    continue;
                };
                rule.matched += 1;
                let waiver = Waiver {
                    reason: rule.info.reason.clone(),
                    owner: Some(rule.info.owner.clone()),
                    expires: Some(rule.info.expires.clone()),
                    source: rule.info.source.clone(),
                    in_source: matches!(rule.matcher, Matcher::Inline { .. }),
                };
                if rule.expired {
                    f.expired_waiver = Some(waiver);
                } else {
                    f.waiver = Some(waiver);
                    changed = true;
                }
            }
            if changed {
                t.outcome = target_outcome(&t.findings);
            }
        }
    }
    let mut report = WaiverReport::default();
    for r in rules {
        match (r.matched, r.expired) {
            (0, _) => report.unused.push(r.info),
            (n, true) => report.expired.push((r.info, n)),
            (n, false) => report.applied.push((r.info, n)),
        }
    }
    report
}

/// Version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// The baseline file: the findings accepted as known, sorted so that a
/// change to it reads well in a git diff. No line numbers: they move.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub schema_version: u32,
    pub generated_by: String,
    pub findings: Vec<BaselineEntry>,
}

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

impl Baseline {
    /// The live (not waived) deny and warn findings of a scan.
    pub fn from_results(controls: &[ControlResult]) -> Baseline {
        let mut findings: Vec<BaselineEntry> = controls
            .iter()
            .flat_map(|c| {
                c.targets.iter().flat_map(move |t| {
                    t.findings
                        .iter()
                        .filter(|f| f.waiver.is_none())
                        .map(move |f| BaselineEntry {
                            control: c.control.id.clone(),
                            path: f
                                .location
                                .as_ref()
                                .map_or_else(|| t.path.clone(), |l| l.path.clone()),
                            resource: f.resource.clone(),
                            message: f.message.clone(),
                            fingerprint: f.fingerprint.clone(),
                        })
                })
            })
            .collect();
        findings.sort();
        findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.control == b.control);
        Baseline {
            schema_version: BASELINE_VERSION,
            generated_by: format!("assure {}", env!("CARGO_PKG_VERSION")),
            findings,
        }
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Read a baseline; a file that does not parse is an error, never an
    /// empty baseline.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let label = crate::discover::slash_path(path);
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{label}: cannot read baseline: {e}"))?;
        let b: Baseline = serde_json::from_str(&text)
            .map_err(|e| format!("{label}:{}: not a baseline file: {e}", e.line()))?;
        if b.schema_version != BASELINE_VERSION {
            return Err(format!(
                "{label}: baseline schema_version {} is not supported (expected {BASELINE_VERSION})",
                b.schema_version
            ));
        }
        Ok(b)
    }
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

/// Mark findings recorded in the baseline as known.
pub fn apply_baseline(
    controls: &mut [ControlResult],
    baseline: &Baseline,
    file: &str,
) -> BaselineReport {
    let recorded: BTreeSet<&str> = baseline
        .findings
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut report = BaselineReport {
        file: file.to_owned(),
        ..BaselineReport::default()
    };
    for c in controls.iter_mut() {
        for t in &mut c.targets {
            for f in t.findings.iter_mut().filter(|f| f.waiver.is_none()) {
                if recorded.contains(f.fingerprint.as_str()) {
                    f.known = true;
                    report.known += 1;
                    seen.insert(f.fingerprint.clone());
                } else if f.level == Level::Deny {
                    report.new += 1;
                }
            }
            t.outcome = target_outcome(&t.findings);
        }
    }
    let ran: BTreeSet<&str> = controls.iter().map(|c| c.control.id.as_str()).collect();
    report.fixed = baseline
        .findings
        .iter()
        .filter(|e| ran.contains(e.control.as_str()) && !seen.contains(&e.fingerprint))
        .cloned()
        .collect();
    report
}
