//! How each control operated over the period, from the runs of one
//! branch in order: its status day by day, the share of the period's time
//! in each state (each run's result holds until the next run), and the
//! failing windows of each finding by fingerprint (first failing run to
//! the first later run of the control it no longer appears in). Fed one
//! run at a time, so a year of large records is never held at once.

use super::model::{DayStatus, Operation, Window};
use crate::evidence::statement::{RunPredicate, WaiverRecord};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// The period in time: its first instant, its end (the last day's end, or
/// now when that is later than now), and its days.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub from: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub days: usize,
}

impl Span {
    /// The day of the period an instant falls on.
    pub fn day(&self, t: DateTime<Utc>) -> Option<usize> {
        if t < self.from || t > self.end {
            return None;
        }
        let d = (t - self.from).num_days();
        usize::try_from(d).ok().filter(|d| *d < self.days)
    }
}

#[derive(Default)]
struct ControlState {
    id: String,
    title: String,
    severity: String,
    soc2: Vec<String>,
    soc1: Vec<String>,
    runs: usize,
    days: Vec<DayStatus>,
    waived_days: BTreeSet<usize>,
    /// The status from each run, where it changed: a step function.
    changes: Vec<(DateTime<Utc>, DayStatus)>,
    open: BTreeMap<String, (String, DateTime<Utc>, DateTime<Utc>)>,
    windows: Vec<Window>,
}

#[derive(Default)]
struct WaiverState {
    record: Option<WaiverRecord>,
    first_seen: Option<DateTime<Utc>>,
    last_seen: Option<DateTime<Utc>>,
    days: BTreeSet<usize>,
    expired_with_findings: bool,
}

/// The runs of the branch, folded into what the report needs.
pub struct Tracker {
    span: Span,
    controls: BTreeMap<String, ControlState>,
    waivers: BTreeMap<(String, String), WaiverState>,
}

impl Tracker {
    pub fn new(span: Span) -> Tracker {
        Tracker {
            span,
            controls: BTreeMap::new(),
            waivers: BTreeMap::new(),
        }
    }

    /// Fold in one run of the branch (runs come in order; those after the
    /// period are ignored, those before it set the state it starts in).
    pub fn run(&mut self, t: DateTime<Utc>, p: &RunPredicate) {
        if t > self.span.end {
            return;
        }
        let day = self.span.day(t);
        let days = self.span.days;
        let mut seen = BTreeSet::new();
        for c in &p.controls {
            seen.insert(c.id.as_str());
            let state = self
                .controls
                .entry(c.id.clone())
                .or_insert_with(|| ControlState {
                    id: c.id.clone(),
                    days: vec![DayStatus::NoRun; days],
                    ..ControlState::default()
                });
            state.title.clone_from(&c.title);
            state.severity.clone_from(&c.severity);
            state.soc2.clone_from(&c.soc2);
            state.soc1.clone_from(&c.soc1);
            let status = c
                .targets
                .iter()
                .map(|t| DayStatus::of_outcome(&t.outcome))
                .max()
                .unwrap_or(DayStatus::NotExamined);
            let failing: BTreeMap<&str, &str> = c
                .targets
                .iter()
                .filter(|t| t.outcome == "fail")
                .flat_map(|t| {
                    t.findings
                        .iter()
                        .map(move |f| (f.as_str(), t.name.as_str()))
                })
                .collect();
            if let Some(d) = day {
                state.days[d] = state.days[d].max(status);
                if status != DayStatus::NotExamined {
                    state.runs += 1;
                }
                if c.targets.iter().any(|t| t.outcome == "waived") {
                    state.waived_days.insert(d);
                }
            }
            set_status(state, t, status);
            // Failing windows, by fingerprint.
            if status != DayStatus::NotExamined {
                let fixed: Vec<String> = state
                    .open
                    .keys()
                    .filter(|f| !failing.contains_key(f.as_str()))
                    .cloned()
                    .collect();
                for f in fixed {
                    if let Some((target, first, last)) = state.open.remove(&f) {
                        if t >= self.span.from {
                            state
                                .windows
                                .push(window(&c.id, f, target, first, last, Some(t)));
                        }
                    }
                }
            }
            for (f, target) in failing {
                state
                    .open
                    .entry(f.to_owned())
                    .and_modify(|w| w.2 = t)
                    .or_insert((target.to_owned(), t, t));
            }
        }
        // A control of earlier runs that this run did not run is unknown.
        for (id, state) in self.controls.iter_mut() {
            if !seen.contains(id.as_str()) {
                if let Some(d) = day {
                    state.days[d] = state.days[d].max(DayStatus::NotExamined);
                }
                set_status(state, t, DayStatus::NotExamined);
            }
        }
        if let Some(d) = day {
            for w in &p.waivers {
                // Not by where it is declared: lines move.
                let key = (w.id.clone(), w.control.clone());
                let state = self.waivers.entry(key).or_default();
                state.first_seen.get_or_insert(t);
                state.last_seen = Some(t);
                if w.status == "applied" && w.findings > 0 {
                    state.days.insert(d);
                }
                if w.status == "expired" && w.findings > 0 {
                    state.expired_with_findings = true;
                }
                state.record = Some(w.clone());
            }
        }
    }

    /// Each control's operation, and each criterion's and objective's
    /// (titles from `titles`), sorted by id.
    pub fn finish(
        self,
        titles: &dyn Fn(&str) -> Option<String>,
    ) -> (Vec<Operation>, Vec<Operation>, super::model::Exceptions) {
        let span = self.span;
        let mut controls = Vec::new();
        let mut by_criterion: BTreeMap<(String, String), Vec<&ControlState>> = BTreeMap::new();
        for state in self.controls.values() {
            for c in &state.soc2 {
                by_criterion
                    .entry(("soc2".into(), c.clone()))
                    .or_default()
                    .push(state);
            }
            for o in &state.soc1 {
                by_criterion
                    .entry(("soc1".into(), o.clone()))
                    .or_default()
                    .push(state);
            }
        }
        let mut days_waived: BTreeMap<String, usize> = BTreeMap::new();
        for ((_, id), states) in &by_criterion {
            let days: BTreeSet<usize> = states
                .iter()
                .flat_map(|s| s.waived_days.iter().copied())
                .collect();
            if !days.is_empty() {
                days_waived.insert(id.clone(), days.len());
            }
        }
        let mut criteria = Vec::new();
        for ((kind, id), states) in &by_criterion {
            let ids: Vec<String> = states.iter().map(|s| s.id.clone()).collect();
            let days: Vec<DayStatus> = (0..span.days)
                .map(|d| {
                    states
                        .iter()
                        .map(|s| s.days[d])
                        .max()
                        .unwrap_or(DayStatus::NoRun)
                })
                .collect();
            let changes = merge_changes(states);
            let windows: Vec<Window> = states
                .iter()
                .flat_map(|s| s.windows.iter().cloned().chain(open_windows(s)))
                .collect();
            criteria.push(operation(
                id.clone(),
                titles(id).unwrap_or_default(),
                kind.clone(),
                None,
                ids,
                states.iter().map(|s| s.runs).max().unwrap_or(0),
                days,
                &changes,
                windows,
                span,
            ));
        }
        for (id, state) in &self.controls {
            let mut related = state.soc2.clone();
            related.extend(state.soc1.iter().cloned());
            let windows: Vec<Window> = state
                .windows
                .iter()
                .cloned()
                .chain(open_windows(state))
                .collect();
            controls.push(operation(
                id.clone(),
                state.title.clone(),
                "control".into(),
                Some(state.severity.clone()),
                related,
                state.runs,
                state.days.clone(),
                &state.changes,
                windows,
                span,
            ));
        }
        // SOC 2 criteria in the order of the criteria, then objectives.
        criteria.sort_by_key(|c| {
            let place = crate::frameworks::SOC2_CRITERIA
                .iter()
                .position(|k| k.id == c.id)
                .unwrap_or(usize::MAX);
            (c.kind != "soc2", place, c.id.clone())
        });
        let waivers = self
            .waivers
            .into_values()
            .filter_map(|w| {
                let r = w.record?;
                Some(super::model::WaiverInPeriod {
                    unapproved: r.approved_by.is_none(),
                    id: r.id,
                    control: r.control,
                    path: r.path,
                    resource: r.resource,
                    reason: r.reason,
                    owner: r.owner,
                    approved_by: r.approved_by,
                    ticket: r.ticket,
                    expires: r.expires,
                    declared: r.declared,
                    origin: r.origin,
                    first_seen: w
                        .first_seen
                        .map(crate::dates::timestamp)
                        .unwrap_or_default(),
                    last_seen: w.last_seen.map(crate::dates::timestamp).unwrap_or_default(),
                    days_applied: w.days.len(),
                    expired_with_findings: w.expired_with_findings,
                })
            })
            .collect();
        (
            criteria,
            controls,
            super::model::Exceptions {
                waivers,
                days_waived,
            },
        )
    }
}

fn set_status(state: &mut ControlState, t: DateTime<Utc>, status: DayStatus) {
    if state.changes.last().map(|(_, s)| *s) != Some(status) {
        state.changes.push((t, status));
    }
}

fn window(
    control: &str,
    fingerprint: String,
    target: String,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    fixed: Option<DateTime<Utc>>,
) -> Window {
    Window {
        control: control.to_owned(),
        fingerprint,
        target,
        first_seen: crate::dates::timestamp(first),
        last_seen: crate::dates::timestamp(last),
        fixed: fixed.map(crate::dates::timestamp),
        hours_to_remediate: fixed.map(|f| round2((f - first).num_seconds() as f64 / 3600.0)),
    }
}

/// Findings still failing at the end of the period.
fn open_windows(state: &ControlState) -> impl Iterator<Item = Window> + '_ {
    state.open.iter().map(|(f, (target, first, last))| {
        window(&state.id, f.clone(), target.clone(), *first, *last, None)
    })
}

/// The step function of several controls: at each change, the worst of
/// their statuses then.
fn merge_changes(states: &[&ControlState]) -> Vec<(DateTime<Utc>, DayStatus)> {
    let mut times: Vec<DateTime<Utc>> = states
        .iter()
        .flat_map(|s| s.changes.iter().map(|(t, _)| *t))
        .collect();
    times.sort();
    times.dedup();
    let mut out: Vec<(DateTime<Utc>, DayStatus)> = Vec::new();
    for t in times {
        let status = states
            .iter()
            .filter_map(|s| {
                s.changes
                    .iter()
                    .rev()
                    .find(|(ct, _)| *ct <= t)
                    .map(|(_, st)| *st)
            })
            .max()
            .unwrap_or(DayStatus::NotExamined);
        if out.last().map(|(_, s)| *s) != Some(status) {
            out.push((t, status));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn operation(
    id: String,
    title: String,
    kind: String,
    severity: Option<String>,
    related: Vec<String>,
    runs: usize,
    days: Vec<DayStatus>,
    changes: &[(DateTime<Utc>, DayStatus)],
    mut windows: Vec<Window>,
    span: Span,
) -> Operation {
    let count = |f: &dyn Fn(DayStatus) -> bool| days.iter().filter(|d| f(**d)).count();
    let shares = shares(changes, span);
    windows.sort_by(|a, b| {
        (&a.first_seen, &a.control, &a.target, &a.fingerprint).cmp(&(
            &b.first_seen,
            &b.control,
            &b.target,
            &b.fingerprint,
        ))
    });
    windows.dedup();
    let fixed: Vec<f64> = windows
        .iter()
        .filter_map(|w| w.hours_to_remediate)
        .collect();
    Operation {
        id,
        title,
        kind,
        severity,
        related,
        runs,
        days: days.iter().map(|d| d.letter()).collect(),
        days_passing: count(&|d| matches!(d, DayStatus::Pass | DayStatus::Warn)),
        days_failing: count(&|d| matches!(d, DayStatus::Fail | DayStatus::Error)),
        days_waived: count(&|d| d == DayStatus::Waived),
        days_not_run: count(&|d| matches!(d, DayStatus::NoRun | DayStatus::NotExamined)),
        share_passing: shares[0],
        share_failing: shares[1],
        share_waived: shares[2],
        share_unknown: shares[3],
        mean_hours_to_remediate: (!fixed.is_empty())
            .then(|| round2(fixed.iter().sum::<f64>() / fixed.len() as f64)),
        failing_windows: windows,
    }
}

/// Shares of the period's time passing, failing, waived and unknown.
fn shares(changes: &[(DateTime<Utc>, DayStatus)], span: Span) -> [f64; 4] {
    let total = (span.end - span.from).num_milliseconds().max(1) as f64;
    let mut acc = [0f64; 4];
    for (i, (t, status)) in changes.iter().enumerate() {
        let start = (*t).max(span.from);
        let stop = changes
            .get(i + 1)
            .map_or(span.end, |(n, _)| (*n).min(span.end));
        if stop <= start {
            continue;
        }
        let ms = (stop - start).num_milliseconds() as f64;
        let slot = match status {
            DayStatus::Pass | DayStatus::Warn => 0,
            DayStatus::Fail | DayStatus::Error => 1,
            DayStatus::Waived => 2,
            DayStatus::NoRun | DayStatus::NotExamined => 3,
        };
        acc[slot] += ms;
    }
    // Before the first known state: unknown.
    let known: f64 = acc.iter().sum();
    acc[3] += (total - known).max(0.0);
    acc.map(|ms| round4(ms / total))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10000.0).round() / 10000.0
}
