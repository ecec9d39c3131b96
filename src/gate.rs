//! The gate: waivers from `assure.yaml` applied to the findings, before the
//! verdict. A waived finding is skipped, not passed; an expired waiver no
//! longer applies and is reported as expired; a waiver that matches nothing
//! is reported as unused.

use crate::config::WaiverConfig;
use crate::results::{ControlResult, Outcome, Waiver};
use chrono::NaiveDate;
use serde::Serialize;

/// An ISO date (`2027-03-31`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

/// Today, in UTC: expiry is a calendar date, the same on every CI runner.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// What happened to each waiver in a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WaiverReport {
    /// Waivers that matched findings and are in force, with how many.
    pub applied: Vec<(WaiverConfig, usize)>,
    /// Waivers past their expiry that matched findings, which fail again.
    pub expired: Vec<(WaiverConfig, usize)>,
    /// Waivers that matched no finding.
    pub unused: Vec<WaiverConfig>,
}

impl Serialize for WaiverConfig {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Waiver", 6)?;
        st.serialize_field("control", &self.control)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("resource", &self.resource)?;
        st.serialize_field("reason", &self.reason)?;
        st.serialize_field("owner", &self.owner)?;
        st.serialize_field("expires", &self.expires)?;
        st.end()
    }
}

struct Compiled<'a> {
    waiver: &'a WaiverConfig,
    glob: Option<globset::GlobMatcher>,
    expired: bool,
    matched: usize,
}

/// Apply waivers to every finding and recompute the targets' outcomes.
pub fn apply_waivers(
    controls: &mut [ControlResult],
    waivers: &[WaiverConfig],
    today: NaiveDate,
) -> WaiverReport {
    let mut compiled: Vec<Compiled<'_>> = waivers
        .iter()
        .map(|w| Compiled {
            waiver: w,
            glob: globset::Glob::new(&w.path)
                .ok()
                .map(|g| g.compile_matcher()),
            expired: parse_date(&w.expires).is_none_or(|d| d < today),
            matched: 0,
        })
        .collect();
    for c in controls.iter_mut() {
        for t in &mut c.targets {
            let mut changed = false;
            for f in t.findings.iter_mut().filter(|f| f.waiver.is_none()) {
                let path = f
                    .location
                    .as_ref()
                    .map_or(t.path.as_str(), |l| l.path.as_str());
                let hit = compiled.iter_mut().find(|w| {
                    w.waiver.control == c.control.id
                        && w.glob
                            .as_ref()
                            .is_some_and(|g| g.is_match(path) || g.is_match(&t.path))
                        && w.waiver
                            .resource
                            .as_ref()
                            .is_none_or(|r| f.resource.as_ref() == Some(r))
                });
                let Some(w) = hit else { continue };
                w.matched += 1;
                if w.expired {
                    f.expired_waiver = Some(to_waiver(w.waiver));
                } else {
                    f.waiver = Some(to_waiver(w.waiver));
                    changed = true;
                }
            }
            if changed {
                t.outcome = crate::results::target_outcome(&t.findings);
            }
        }
    }
    let mut report = WaiverReport::default();
    for w in compiled {
        match (w.matched, w.expired) {
            (0, _) => report.unused.push(w.waiver.clone()),
            (n, true) => report.expired.push((w.waiver.clone(), n)),
            (n, false) => report.applied.push((w.waiver.clone(), n)),
        }
    }
    report
}

fn to_waiver(w: &WaiverConfig) -> Waiver {
    Waiver {
        reason: w.reason.clone(),
        owner: Some(w.owner.clone()),
        expires: Some(w.expires.clone()),
    }
}

/// Whether a control result has failing targets whose waiver expired.
pub fn expired_failures(c: &ControlResult) -> usize {
    c.targets
        .iter()
        .filter(|t| {
            t.outcome == Outcome::Fail && t.findings.iter().any(|f| f.expired_waiver.is_some())
        })
        .count()
}
