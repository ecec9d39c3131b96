//! Waivers from `assure.yaml` and from inline comments, applied to the
//! findings. A waived finding is skipped, not passed. An expired waiver no
//! longer applies and is reported as expired; a waiver that matches nothing
//! is reported as unused.

use crate::config::WaiverConfig;
use crate::dates::parse_date;
use crate::inputs::waivers::InlineWaiver;
use crate::results::{
    ControlResult, Finding, Outcome, Waiver, WaiverInfo, WaiverOrigin, WaiverReport,
};
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
                    origin: match rule.matcher {
                        Matcher::Inline { .. } => WaiverOrigin::Inline,
                        Matcher::Glob(_) => WaiverOrigin::Config,
                    },
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
    }
    let mut report = WaiverReport::default();
    report.applied.extend(policy_exceptions(controls));
    for r in rules {
        match (r.matched, r.expired) {
            (0, _) => report.unused.push(r.info),
            (n, true) => report.expired.push((r.info, n)),
            (n, false) => report.applied.push((r.info, n)),
        }
    }
    report
}

/// The conftest `exception` rules that waived findings, one entry per
/// control and reason with how many: listed like any other waiver, so that
/// no finding leaves the gate without a line in the waivers report. They
/// have no owner and no expiry; the report says so.
fn policy_exceptions(controls: &[ControlResult]) -> Vec<(WaiverInfo, usize)> {
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for c in controls {
        for f in c.targets.iter().flat_map(|t| &t.findings) {
            if let Some(w) = f
                .waiver
                .as_ref()
                .filter(|w| w.origin == WaiverOrigin::Policy)
            {
                *counts
                    .entry((c.control.id.clone(), w.reason.clone(), w.source.clone()))
                    .or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|((control, reason, source), n)| {
            let info = WaiverInfo {
                control,
                path: "**".to_owned(),
                resource: None,
                reason,
                owner: "none (an exception rule in the policy)".to_owned(),
                expires: "never".to_owned(),
                source,
            };
            (info, n)
        })
        .collect()
}
