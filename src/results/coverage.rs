//! Coverage: for each criterion and objective in scope, which controls
//! evidence it and what the scan's results say about it.
//!
//! Honest by construction: a criterion is `passing` only when at least one
//! of its controls examined something and none failed; controls that found
//! nothing to examine give `not-examined`, never a pass; a criterion with no
//! automated control at all is `manual` (manual evidence needed).

use super::{ControlResult, Outcome};
use crate::controls::Control;
use crate::frameworks::{Category, SOC2_CRITERIA};
use crate::scope::Scope;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Controls examined something and none failed.
    Passing,
    /// Some control failed.
    Failing,
    /// Some control errored and none failed: evidence is incomplete.
    Incomplete,
    /// Only waived findings and no pass.
    Waived,
    /// Some of its controls were left out of this run (`--control`,
    /// `--skip-control`) and none of those that ran failed or erred: the
    /// run cannot say it passes.
    Partial,
    /// It has controls, but they found nothing to examine in this scan.
    NotExamined,
    /// No automated control maps to it: manual evidence needed.
    Manual,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Passing => "passing",
            Status::Failing => "failing",
            Status::Incomplete => "incomplete",
            Status::Waived => "waived",
            Status::Partial => "partial",
            Status::NotExamined => "not examined",
            Status::Manual => "manual evidence needed",
        }
    }
}

/// One criterion or objective and its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// `security`, ... for SOC 2 criteria; absent for SOC 1 objectives.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    pub controls: Vec<String>,
    /// Its controls that did not run (left out with `--control` or
    /// `--skip-control`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_run: Vec<String>,
    pub targets: usize,
    pub passed: usize,
    pub failed: usize,
    pub warned: usize,
    pub waived: usize,
    pub errors: usize,
    pub status: Status,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub scope: Scope,
    pub soc2: Vec<Item>,
    pub soc1: Vec<Item>,
}

impl Coverage {
    /// Items with no automated control: manual evidence needed.
    pub fn manual(&self) -> impl Iterator<Item = &Item> {
        self.soc2
            .iter()
            .chain(&self.soc1)
            .filter(|i| i.status == Status::Manual)
    }
}

/// Coverage of the scope by the controls (with or without scan results:
/// controls with no results count as having examined nothing); `left_out`
/// are the controls the selection did not run, whose criteria are
/// `partial` at best.
pub fn coverage(scope: &Scope, controls: &[ControlResult], left_out: &[Control]) -> Coverage {
    let item = |id: &str,
                title: &str,
                category: Option<Category>,
                mapped: Vec<&ControlResult>,
                not_run: Vec<String>| {
        let mut it = Item {
            id: id.to_owned(),
            title: title.to_owned(),
            category,
            controls: mapped
                .iter()
                .map(|c| c.control.id.clone())
                .chain(not_run.iter().cloned())
                .collect(),
            not_run,
            targets: 0,
            passed: 0,
            failed: 0,
            warned: 0,
            waived: 0,
            errors: 0,
            status: Status::Manual,
        };
        for c in &mapped {
            let t = c.targets.tally();
            it.targets += t.total();
            it.passed += t.get(Outcome::Pass);
            // A baselined finding is still a deficiency: the baseline
            // gates CI, it does not make the criterion pass.
            it.failed += t.get(Outcome::Fail) + t.get(Outcome::Known);
            it.warned += t.get(Outcome::Warn);
            it.waived += t.get(Outcome::Waived);
            it.errors += t.get(Outcome::Error);
        }
        it.status = if mapped.is_empty() && it.not_run.is_empty() {
            Status::Manual
        } else if it.failed > 0 {
            Status::Failing
        } else if it.errors > 0 {
            Status::Incomplete
        } else if !it.not_run.is_empty() {
            Status::Partial
        } else if it.passed + it.warned == 0 && it.waived > 0 {
            Status::Waived
        } else if it.passed + it.warned == 0 {
            Status::NotExamined
        } else {
            Status::Passing
        };
        it
    };
    let soc2 = if scope.soc2_in_scope() {
        SOC2_CRITERIA
            .iter()
            .filter(|c| scope.categories.contains(&c.category) && scope.shows(c.id))
            .map(|c| {
                let mapped = controls
                    .iter()
                    .filter(|r| r.control.soc2.iter().any(|x| x == c.id))
                    .collect();
                let not_run = left_out
                    .iter()
                    .filter(|l| l.soc2.iter().any(|x| x == c.id))
                    .map(|l| l.id.clone())
                    .collect();
                item(c.id, c.title, Some(c.category), mapped, not_run)
            })
            .collect()
    } else {
        vec![]
    };
    let soc1 = if scope.soc1_in_scope() {
        scope
            .objectives
            .iter()
            .filter(|o| scope.shows(&o.id))
            .map(|o| {
                let mapped = controls
                    .iter()
                    .filter(|r| r.control.soc1.contains(&o.id))
                    .collect();
                let not_run = left_out
                    .iter()
                    .filter(|l| l.soc1.contains(&o.id))
                    .map(|l| l.id.clone())
                    .collect();
                item(&o.id, &o.title, None, mapped, not_run)
            })
            .collect()
    } else {
        vec![]
    };
    Coverage {
        scope: scope.clone(),
        soc2,
        soc1,
    }
}
