//! The period report: what an auditor of a Type 2 period reads, built from
//! the ledger alone. Every report format renders this one model.

use crate::evidence::verify::LedgerCheck;
use crate::inputs::components::Components;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the period report's JSON schema (docs/period.schema.json).
pub const PERIOD_SCHEMA_VERSION: u32 = 1;

/// A day's status, one character each in `days` strings, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayStatus {
    /// No run that day.
    NoRun,
    /// Runs that day, none of which examined anything for it.
    NotExamined,
    Pass,
    /// Only waived or baselined failures.
    Waived,
    Warn,
    Fail,
    Error,
}

impl DayStatus {
    /// The letter used in `days` strings: `-` no run, `n` not examined,
    /// `P` pass, `W` waived, `w` warn, `F` fail, `E` error.
    pub fn letter(self) -> char {
        match self {
            DayStatus::NoRun => '-',
            DayStatus::NotExamined => 'n',
            DayStatus::Pass => 'P',
            DayStatus::Waived => 'W',
            DayStatus::Warn => 'w',
            DayStatus::Fail => 'F',
            DayStatus::Error => 'E',
        }
    }

    /// A run's status of a control from its targets' outcomes.
    pub fn of_outcome(outcome: &str) -> DayStatus {
        match outcome {
            "pass" => DayStatus::Pass,
            "waived" | "known" => DayStatus::Waived,
            "warn" => DayStatus::Warn,
            "fail" => DayStatus::Fail,
            _ => DayStatus::Error,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    pub schema_version: u32,
    pub generated: Generated,
    pub period: Period,
    pub repository: Option<String>,
    pub branch: String,
    /// The ledger checked over the period, first: a broken ledger is said.
    pub integrity: LedgerCheck,
    pub runs: Runs,
    /// Each criterion and objective the period's controls map, then each
    /// control.
    pub criteria: Vec<Operation>,
    pub controls: Vec<Operation>,
    pub exceptions: Exceptions,
    pub population: Option<Population>,
    pub sample: Option<Sample>,
    /// From the newest run of the period.
    pub components: Option<ComponentsAt>,
    /// Why the report exits 1 (empty: 0).
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Generated {
    pub time: String,
    /// `override` when ASSURE_NOW set the clock.
    pub clock: String,
    pub assure_version: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    /// First and last day, inclusive (UTC).
    pub from: String,
    pub to: String,
    pub days: usize,
    /// `daily` or `weekly`: how often a run is expected.
    pub cadence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Runs {
    /// Runs of the branch in the period.
    pub total: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Days (of the period) with at least one run.
    pub days_with_runs: usize,
    /// Stretches of the cadence with no run.
    pub gaps: Vec<Gap>,
    pub unsigned: usize,
    pub clock_overridden: usize,
    pub failed: usize,
    /// Runs per day, one number per day of the period.
    pub per_day: Vec<usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Gap {
    pub from: String,
    pub to: String,
    pub days: usize,
}

/// How a control, criterion or objective operated over the period.
#[derive(Debug, Clone, Serialize)]
pub struct Operation {
    pub id: String,
    pub title: String,
    /// `soc2`, `soc1` or `control`.
    pub kind: String,
    /// For a control: its severity and mappings; for a criterion: its
    /// controls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
    pub related: Vec<String>,
    /// Runs of the period that examined something for it.
    pub runs: usize,
    /// One letter per day (see DayStatus::letter).
    pub days: String,
    pub days_passing: usize,
    pub days_failing: usize,
    pub days_waived: usize,
    pub days_not_run: usize,
    /// Shares of the period's time in each state, as each run's result
    /// held until the next run (the state before the first run of the
    /// period is the last run's before it, else unknown).
    pub share_passing: f64,
    pub share_failing: f64,
    pub share_waived: f64,
    pub share_unknown: f64,
    /// Findings that failed during the period, by fingerprint.
    pub failing_windows: Vec<Window>,
    /// Mean hours from first failing to fixed, over the windows fixed in
    /// the period.
    pub mean_hours_to_remediate: Option<f64>,
}

/// One finding's failing stretch: from the first run it failed in to the
/// first later run of its control it no longer appeared in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Window {
    pub control: String,
    pub fingerprint: String,
    pub target: String,
    pub first_seen: String,
    pub last_seen: String,
    pub fixed: Option<String>,
    pub hours_to_remediate: Option<f64>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Exceptions {
    pub waivers: Vec<WaiverInPeriod>,
    /// Days of the period with a waived finding, per criterion/objective.
    pub days_waived: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WaiverInPeriod {
    pub id: String,
    pub control: String,
    pub path: String,
    pub resource: Option<String>,
    pub reason: String,
    pub owner: String,
    pub approved_by: Option<String>,
    pub ticket: Option<String>,
    pub expires: String,
    pub declared: String,
    pub origin: String,
    /// No approver (inline comments, policy exceptions, or none given).
    pub unapproved: bool,
    pub first_seen: String,
    pub last_seen: String,
    /// Days it waived at least one finding.
    pub days_applied: usize,
    /// It expired while findings it matched remained (they failed again).
    pub expired_with_findings: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Population {
    /// `git first-parent commits of BRANCH`.
    pub source: String,
    pub rule: String,
    pub items: Vec<PopulationItem>,
    pub covered: usize,
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PopulationItem {
    pub commit: String,
    pub time: String,
    pub subject: String,
    pub covered_by: Option<RunRef>,
}

/// A run, as the auditor finds it again: its record's id (digest) and
/// where the store keeps it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RunRef {
    pub record: String,
    pub location: String,
    pub time: String,
    pub passed: bool,
    /// How it covers the item: `run on the commit`, `pull request #12 at
    /// the merged head`, `pull request #12, squashed`.
    pub how: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sample {
    pub seed: u64,
    pub requested: usize,
    /// How the sample is drawn, so anyone can draw it again.
    pub algorithm: String,
    /// What was sampled: `commits` or `runs`.
    pub from: String,
    pub items: Vec<SampleItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SampleItem {
    /// The commit or the run's id.
    pub item: String,
    /// The rank that placed it in the sample (hex).
    pub rank: String,
    pub time: String,
    pub run: Option<RunRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ComponentsAt {
    pub record: String,
    pub time: String,
    pub commit: Option<String>,
    pub components: Components,
}
