//! Waivers from `assure.yaml` and from inline comments, applied to the
//! findings. A waived finding is skipped, not passed. An expired waiver no
//! longer applies and is reported as expired; a waiver that matches nothing
//! is reported as unused.
//!
//! Inline comments are the light way, for what a reviewer of the file can
//! judge: they cannot waive a critical control (that takes `assure.yaml`
//! and a named approver), nor expire further ahead than `max_waiver_days`.
//! Such a comment is an input error naming its line, and waives nothing.

use crate::config::WaiverConfig;
use crate::controls::{Control, Severity};
use crate::dates::parse_date;
use crate::inputs::waivers::InlineWaiver;
use crate::inputs::InputError;
use crate::results::{
    Finding, Outcome, TargetResult, Waiver, WaiverInfo, WaiverOrigin, WaiverReport,
};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// What waivers apply with.
pub struct WaiverInputs<'a> {
    pub config: &'a [WaiverConfig],
    /// How the config file is named in reports.
    pub config_label: &'a str,
    pub inline: &'a [InlineWaiver],
    pub today: NaiveDate,
    /// The latest expiry an inline comment may give.
    pub latest_expiry: NaiveDate,
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

/// A waiver of assure.yaml as reports show it.
pub fn config_info(c: &crate::config::WaiverConfig, config_label: &str) -> WaiverInfo {
    WaiverInfo {
        id: c.id(),
        control: c.control.clone(),
        path: c.path.clone(),
        resource: c.resource.clone(),
        reason: c.reason.clone(),
        owner: c.owner.clone(),
        approved_by: c.approved_by.clone(),
        ticket: c.ticket.clone(),
        expires: c.expires.clone(),
        source: format!("{config_label}:{}", c.line),
        origin: WaiverOrigin::Config,
    }
}

/// An `assure:waive` comment as reports show it: nobody approved it.
pub fn inline_info(i: &InlineWaiver) -> WaiverInfo {
    WaiverInfo {
        // From what the comment says, not where it stands: the same
        // waiver keeps its id when lines above it change.
        id: crate::fingerprint::of(
            &i.control,
            &i.path,
            None,
            &format!("{}\u{0}{}\u{0}{}", i.owner, i.expires, i.reason),
        )[..12]
            .to_owned(),
        control: i.control.clone(),
        path: i.path.clone(),
        resource: None,
        reason: i.reason.clone(),
        owner: i.owner.clone(),
        approved_by: None,
        ticket: None,
        expires: i.expires.clone(),
        source: format!("{}:{}", i.path, i.line),
        origin: WaiverOrigin::Inline,
    }
}

/// Waivers ready to apply, one target at a time (see [`Waivers::apply`]),
/// counting what each one matched for the waivers report.
pub struct Waivers {
    rules: Vec<Rule>,
    /// conftest `exception` waivers seen: (control, reason, source) -> count.
    exceptions: BTreeMap<(String, String, String), usize>,
}

impl Waivers {
    /// The waivers of the config and of inline comments, for controls of
    /// these severities; also the inline comments refused.
    pub fn new(controls: &[Control], w: &WaiverInputs<'_>) -> (Waivers, Vec<InputError>) {
        let expired = |d: &str| parse_date(d).is_none_or(|d| d < w.today);
        let severity: HashMap<&str, Severity> = controls
            .iter()
            .map(|c| (c.id.as_str(), c.severity))
            .collect();
        let mut refused = Vec::new();
        let config_rules = w.config.iter().map(|c| Rule {
            info: config_info(c, w.config_label),
            matcher: Matcher::Glob(
                globset::Glob::new(&c.path)
                    .ok()
                    .map(|g| g.compile_matcher()),
            ),
            expired: expired(&c.expires),
            matched: 0,
        });
        let mut inline_rules = Vec::new();
        for i in w.inline {
            let refuse = |why: String| InputError::new(&i.path, why).at(Some(i.line), None);
            if severity.get(i.control.as_str()) == Some(&Severity::Critical) {
                refused.push(refuse(format!(
                    "an inline comment cannot waive critical control `{}`: declare the waiver in assure.yaml with approved_by",
                    i.control
                )));
                continue;
            }
            if let Some(d) = parse_date(&i.expires).filter(|d| *d > w.latest_expiry) {
                refused.push(refuse(format!(
                    "inline waiver expires {d}, later than max_waiver_days allows ({})",
                    w.latest_expiry
                )));
                continue;
            }
            inline_rules.push(Rule {
                info: inline_info(i),
                matcher: Matcher::Inline {
                    path: i.path.clone(),
                    line: i.applies_to,
                },
                expired: expired(&i.expires),
                matched: 0,
            });
        }
        let waivers = Waivers {
            rules: config_rules.chain(inline_rules).collect(),
            exceptions: BTreeMap::new(),
        };
        (waivers, refused)
    }

    /// Apply the waivers to a target of `control` and recompute its outcome
    /// if one now applies.
    pub fn apply(&mut self, control: &str, t: &mut TargetResult) {
        let mut changed = false;
        for f in t.findings.iter_mut() {
            if let Some(w) = f.waiver.as_ref() {
                if w.origin == WaiverOrigin::Policy {
                    *self
                        .exceptions
                        .entry((control.to_owned(), w.reason.clone(), w.source.clone()))
                        .or_default() += 1;
                }
                continue;
            }
            let Some(rule) = self
                .rules
                .iter_mut()
                .find(|r| r.matches(control, &t.path, f))
            else {
                continue;
            };
            rule.matched += 1;
            let waiver = Waiver {
                reason: rule.info.reason.clone(),
                owner: Some(rule.info.owner.clone()),
                expires: Some(rule.info.expires.clone()),
                source: rule.info.source.clone(),
                origin: rule.info.origin,
            };
            if rule.expired {
                f.expired_waiver = Some(waiver);
            } else {
                f.waiver = Some(waiver);
                changed = true;
            }
        }
        if changed {
            t.outcome = Outcome::of(&t.findings);
        }
    }

    /// What each waiver did, once every target of `ran` (the controls that
    /// ran) went through [`Waivers::apply`].
    pub fn report(self, ran: &[Control]) -> WaiverReport {
        let mut report = WaiverReport::default();
        report.applied.extend(policy_exceptions(self.exceptions));
        // A waiver of a control that did not run (`--control`, `--criteria`,
        // `--framework`) could not match anything: not evaluated, not unused.
        let ran: std::collections::BTreeSet<&str> = ran.iter().map(|c| c.id.as_str()).collect();
        for r in self.rules {
            match (r.matched, r.expired) {
                (0, _) if !ran.contains(r.info.control.as_str()) => {
                    report.not_evaluated.push(r.info)
                }
                (0, _) => report.unused.push(r.info),
                (n, true) => report.expired.push((r.info, n)),
                (n, false) => report.applied.push((r.info, n)),
            }
        }
        report
    }
}

/// The conftest `exception` rules that waived findings, one entry per
/// control and reason with how many: listed like any other waiver, so that
/// no finding leaves the gate without a line in the waivers report. They
/// have no owner and no expiry; the report says so.
fn policy_exceptions(
    counts: BTreeMap<(String, String, String), usize>,
) -> Vec<(WaiverInfo, usize)> {
    counts
        .into_iter()
        .map(|((control, reason, source), n)| {
            let info = WaiverInfo {
                id: crate::fingerprint::of(&control, "**", None, &reason)[..12].to_owned(),
                control,
                path: "**".to_owned(),
                resource: None,
                reason,
                owner: "none (an exception rule in the policy)".to_owned(),
                approved_by: None,
                ticket: None,
                expires: "never".to_owned(),
                source,
                origin: WaiverOrigin::Policy,
            };
            (info, n)
        })
        .collect()
}
