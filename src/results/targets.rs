//! A control's targets as reports read them: held in memory, or in a
//! temporary file the scan spilled them to (see [`super::spill`]), with
//! their counts by outcome always at hand.
//!
//! Why a file: a monorepo scan has millions of targets; holding them until
//! the reports are written made memory follow the number of results. A
//! report reads each control's targets in order, one at a time, and drops
//! them; the counts that the summary, the coverage and the verdict need are
//! kept beside them.

use super::{Level, Outcome, TargetResult};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Set when a spilled target could not be read back: the report that read
/// it is incomplete, and the run must not pass (see [`spill_failed`]).
static SPILL_FAILED: AtomicBool = AtomicBool::new(false);

/// Whether reading spilled results failed during this run.
pub fn spill_failed() -> bool {
    SPILL_FAILED.load(Ordering::Relaxed)
}

/// How many targets had each outcome, and how many findings of each kind
/// they hold: what the human reports' summaries and finding budgets need
/// before (or instead of) reading the targets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    counts: [usize; 6],
    /// Live (neither waived nor known) denials, live warnings, and findings
    /// that are waived or known.
    findings: [usize; 3],
}

impl Tally {
    pub fn add(&mut self, target: &TargetResult) {
        self.counts[target.outcome as usize] += 1;
        for f in &target.findings {
            let kind = match (f.is_live(), f.level) {
                (true, Level::Deny) => 0,
                (true, Level::Warn) => 1,
                (false, _) => 2,
            };
            self.findings[kind] += 1;
        }
    }

    /// Findings neither waived nor known, at `level`.
    pub fn live(&self, level: Level) -> usize {
        match level {
            Level::Deny => self.findings[0],
            Level::Warn => self.findings[1],
        }
    }

    /// Findings waived or known.
    pub fn not_live(&self) -> usize {
        self.findings[2]
    }

    pub fn get(&self, outcome: Outcome) -> usize {
        self.counts[outcome as usize]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The worst outcome counted; `None` when nothing was.
    pub fn worst(&self) -> Option<Outcome> {
        ALL.iter().rev().copied().find(|o| self.get(*o) > 0)
    }
}

/// Every outcome, from best to worst (the order of [`Outcome`]).
const ALL: [Outcome; 6] = [
    Outcome::Pass,
    Outcome::Waived,
    Outcome::Known,
    Outcome::Warn,
    Outcome::Fail,
    Outcome::Error,
];

/// A control's targets, sorted by name.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    store: Store,
    tally: Tally,
}

#[derive(Debug, Clone)]
enum Store {
    Held(Vec<TargetResult>),
    /// `len` bytes of the file from `offset`: one spilled target per line.
    Spilled {
        file: Arc<File>,
        offset: u64,
        len: u64,
    },
}

impl Default for Store {
    fn default() -> Self {
        Store::Held(Vec::new())
    }
}

impl From<Vec<TargetResult>> for Targets {
    fn from(targets: Vec<TargetResult>) -> Self {
        let mut tally = Tally::default();
        for t in &targets {
            tally.add(t);
        }
        Targets {
            store: Store::Held(targets),
            tally,
        }
    }
}

impl Targets {
    /// Targets written to `file` (by [`super::spill`]), with their counts.
    pub(super) fn spilled(file: Arc<File>, offset: u64, len: u64, tally: Tally) -> Targets {
        Targets {
            store: Store::Spilled { file, offset, len },
            tally,
        }
    }

    pub fn len(&self) -> usize {
        self.tally.total()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// The targets in order, each read when it is reached.
    pub fn iter(&self) -> TargetIter<'_> {
        match &self.store {
            Store::Held(v) => TargetIter::Held(v.iter()),
            Store::Spilled { file, offset, len } => TargetIter::Spilled {
                lines: BufReader::with_capacity(
                    1 << 16,
                    super::spill::Section::new(file.clone(), *offset, *len),
                ),
                buf: String::new(),
            },
        }
    }
}

pub enum TargetIter<'a> {
    Held(std::slice::Iter<'a, TargetResult>),
    Spilled {
        lines: BufReader<super::spill::Section>,
        buf: String,
    },
}

impl<'a> Iterator for TargetIter<'a> {
    type Item = Cow<'a, TargetResult>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            TargetIter::Held(it) => it.next().map(Cow::Borrowed),
            TargetIter::Spilled { lines, buf } => {
                buf.clear();
                match lines.read_line(buf) {
                    Ok(0) => None,
                    Ok(_) => match super::spill::decode(buf) {
                        Ok(t) => Some(Cow::Owned(t)),
                        Err(e) => lost(e.to_string()),
                    },
                    Err(e) => lost(e.to_string()),
                }
            }
        }
    }
}

/// A spilled target that cannot be read back: the report ends there, stderr
/// says so, and the run fails (see [`spill_failed`]).
fn lost<'a>(why: String) -> Option<Cow<'a, TargetResult>> {
    SPILL_FAILED.store(true, Ordering::Relaxed);
    eprintln!("error: cannot read back spilled results, this report is incomplete: {why}");
    None
}

impl Serialize for Targets {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
