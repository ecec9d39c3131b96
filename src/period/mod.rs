//! The period report a Type 2 auditor samples from, built from the ledger
//! alone: the ledger's integrity over the period first, then how each
//! criterion, objective and control operated day by day, the exceptions in
//! force, the population of changes and its completeness, a deterministic
//! sample, and the system's components. The ledger is read once: each
//! record is checked and folded in as it is read.

pub mod model;
pub mod operation;
pub mod population;
pub mod sample;

use crate::evidence::signing::TrustedKey;
use crate::evidence::store::Store;
use crate::evidence::verify::{verify_visiting, VerifyOptions, Visited};
use chrono::{DateTime, NaiveDate, Utc};
use model::*;
use operation::{Span, Tracker};
use population::RunInfo;
use std::path::PathBuf;

/// A criterion's or objective's title, by id.
pub type Titles = Box<dyn Fn(&str) -> Option<String>>;

/// What to report on.
pub struct PeriodOptions {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The repository's id (see `repository_id`); `None`: the only
    /// repository the ledger holds.
    pub repository: Option<String>,
    pub branch: String,
    /// Days between expected runs: 1 daily, 7 weekly.
    pub cadence_days: usize,
    /// A clone whose first-parent commits of the branch are the
    /// population of changes.
    pub git: Option<PathBuf>,
    /// `--sample N --seed S`.
    pub sample: Option<(usize, u64)>,
    pub trusted: Option<Vec<TrustedKey>>,
    /// SOC 2 criterion and SOC 1 objective titles, for the report.
    pub titles: Titles,
}

/// Build the report. An error is a ledger that cannot be read at all or a
/// git clone that cannot be read; problems of the ledger are in the report.
pub fn build(store: &mut Store, opts: &PeriodOptions) -> Result<PeriodReport, String> {
    let (now, clock) = crate::dates::now();
    let from = opts
        .from
        .and_hms_opt(0, 0, 0)
        .ok_or("bad --from date")?
        .and_utc();
    let last_instant = opts
        .to
        .and_hms_milli_opt(23, 59, 59, 999)
        .ok_or("bad --to date")?
        .and_utc();
    if last_instant < from {
        return Err("--to is before --from".into());
    }
    let days = usize::try_from((opts.to - opts.from).num_days() + 1).unwrap_or(0);
    let span = Span {
        from,
        end: last_instant.min(now).max(from),
        days,
    };
    let mut tracker = Tracker::new(span);
    let mut repo_runs: Vec<RunInfo> = Vec::new();
    let mut branch_runs: Vec<(RunInfo, bool, String)> = Vec::new();
    let mut repositories = std::collections::BTreeSet::new();
    let mut latest: Option<ComponentsAt> = None;
    let mut per_day = vec![0usize; days];
    let (mut unsigned, mut overridden, mut failed) = (0, 0, 0);
    let integrity = verify_visiting(
        store,
        &VerifyOptions {
            trusted: opts.trusted.as_deref(),
            from: Some(from),
            to: Some(last_instant),
        },
        &mut |v: Visited<'_>| {
            let p = &v.statement.predicate;
            repositories.insert(p.chain.repository.clone());
            if opts.repository.is_some() && p.chain.repository != opts.repository {
                return;
            }
            let Ok(time) = DateTime::parse_from_rfc3339(&p.time).map(|t| t.with_timezone(&Utc))
            else {
                return;
            };
            let info = RunInfo {
                record: v.digest.to_owned(),
                location: v.location.to_owned(),
                time,
                commit: p.source.commit.clone(),
                dirty: p.source.dirty,
                passed: p.verdict.passed,
                pull_request: p
                    .ci
                    .as_ref()
                    .and_then(|c| c.pull_request.as_ref())
                    .map(|pr| (pr.number, pr.head.clone())),
            };
            if p.chain.branch.as_deref() == Some(opts.branch.as_str()) {
                tracker.run(time, p);
                if let Some(d) = span.day(time) {
                    per_day[d] += 1;
                    overridden += usize::from(p.clock != "system");
                    failed += usize::from(!p.verdict.passed);
                    if latest
                        .as_ref()
                        .is_none_or(|l| l.time <= crate::dates::timestamp(time))
                    {
                        latest = Some(ComponentsAt {
                            record: v.digest.to_owned(),
                            time: crate::dates::timestamp(time),
                            commit: p.source.commit.clone(),
                            components: p.components.clone(),
                        });
                    }
                    branch_runs.push((info.clone(), v.intact, p.time.clone()));
                }
            }
            repo_runs.push(info);
        },
    )?;
    if opts.repository.is_none() && repositories.len() > 1 {
        return Err(format!(
            "the ledger holds runs of {} repositories: give --repo",
            repositories.len()
        ));
    }
    let repository = opts
        .repository
        .clone()
        .or_else(|| repositories.into_iter().next().flatten());
    // Unsigned records, as verify counted them for the period.
    unsigned += integrity
        .problems
        .iter()
        .filter(|p| p.kind == crate::evidence::verify::ProblemKind::Unsigned)
        .count();
    let (criteria, controls, exceptions) = tracker.finish(&*opts.titles);
    let times: Vec<&String> = branch_runs.iter().map(|(_, _, t)| t).collect();
    let runs = Runs {
        total: branch_runs.len(),
        first: times.iter().min().map(|t| (*t).clone()),
        last: times.iter().max().map(|t| (*t).clone()),
        days_with_runs: per_day.iter().filter(|n| **n > 0).count(),
        gaps: gaps(&per_day, opts.from, opts.cadence_days),
        unsigned,
        clock_overridden: overridden,
        failed,
        per_day,
    };
    let population = match &opts.git {
        Some(dir) => {
            let commits = population::commits(dir, &opts.branch, from, span.end)?;
            let items = population::cover(&commits, &repo_runs);
            let covered = items.iter().filter(|i| i.covered_by.is_some()).count();
            Some(Population {
                source: format!("git first-parent commits of {}", opts.branch),
                rule: population::RULE.to_owned(),
                complete: covered == items.len(),
                covered,
                items,
            })
        }
        None => None,
    };
    let sample = opts
        .sample
        .map(|(n, seed)| draw_sample(n, seed, &population, &branch_runs));
    let mut findings = Vec::new();
    if !integrity.passed() {
        findings.push(format!(
            "the ledger has {} integrity problem{} in the period",
            integrity.problems.len(),
            crate::words::plural(integrity.problems.len())
        ));
    }
    if let Some(p) = &population {
        if !p.complete {
            let missing = p.items.len() - p.covered;
            findings.push(format!(
                "{missing} of {} commit{} of the population ha{} no run",
                p.items.len(),
                crate::words::plural(p.items.len()),
                if missing == 1 { "s" } else { "ve" }
            ));
        }
    }
    Ok(PeriodReport {
        schema_version: PERIOD_SCHEMA_VERSION,
        generated: Generated {
            time: crate::dates::timestamp(now),
            clock: clock.name().to_owned(),
            assure_version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        period: Period {
            from: opts.from.to_string(),
            to: opts.to.to_string(),
            days,
            cadence: match opts.cadence_days {
                1 => "daily".into(),
                7 => "weekly".into(),
                n => format!("every {n} days"),
            },
        },
        repository,
        branch: opts.branch.clone(),
        integrity,
        runs,
        criteria,
        controls,
        exceptions,
        population,
        sample,
        components: latest,
        findings,
    })
}

/// Stretches of the cadence without a run: with a daily cadence each run
/// of empty days, with a weekly one each run of empty weeks (counted from
/// the first day).
fn gaps(per_day: &[usize], first: NaiveDate, cadence: usize) -> Vec<Gap> {
    let cadence = cadence.max(1);
    let buckets: Vec<(usize, usize, bool)> = (0..per_day.len())
        .step_by(cadence)
        .map(|start| {
            let end = (start + cadence).min(per_day.len());
            (start, end - 1, per_day[start..end].iter().all(|n| *n == 0))
        })
        .collect();
    let mut out: Vec<Gap> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (start, end, empty) in buckets {
        match (empty, open) {
            (true, None) => open = Some((start, end)),
            (true, Some((s, _))) => open = Some((s, end)),
            (false, Some((s, e))) => {
                out.push(gap(first, s, e));
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some((s, e)) = open {
        out.push(gap(first, s, e));
    }
    out
}

fn gap(first: NaiveDate, start: usize, end: usize) -> Gap {
    let day = |d: usize| (first + chrono::Days::new(d as u64)).to_string();
    Gap {
        from: day(start),
        to: day(end),
        days: end - start + 1,
    }
}

/// The sample: of the population's commits when there is one, else of the
/// branch's runs in the period.
fn draw_sample(
    n: usize,
    seed: u64,
    population: &Option<Population>,
    runs: &[(RunInfo, bool, String)],
) -> Sample {
    let as_ref = |r: &RunInfo, how: &str| RunRef {
        record: r.record.clone(),
        location: r.location.clone(),
        time: crate::dates::timestamp(r.time),
        passed: r.passed,
        how: how.to_owned(),
    };
    match population {
        Some(p) => {
            let ids: Vec<&str> = p.items.iter().map(|i| i.commit.as_str()).collect();
            let items = sample::draw(&ids, n, seed)
                .into_iter()
                .filter_map(|(id, rank)| {
                    let item = p.items.iter().find(|i| i.commit == id)?;
                    Some(SampleItem {
                        item: id.to_owned(),
                        rank,
                        time: item.time.clone(),
                        run: item.covered_by.clone(),
                    })
                })
                .collect();
            Sample {
                seed,
                requested: n,
                algorithm: sample::ALGORITHM.into(),
                from: "commits".into(),
                items,
            }
        }
        None => {
            let ids: Vec<&str> = runs.iter().map(|(r, _, _)| r.record.as_str()).collect();
            let items = sample::draw(&ids, n, seed)
                .into_iter()
                .filter_map(|(id, rank)| {
                    let (r, _, _) = runs.iter().find(|(r, _, _)| r.record == id)?;
                    Some(SampleItem {
                        item: id.to_owned(),
                        rank,
                        time: crate::dates::timestamp(r.time),
                        run: Some(as_ref(r, "the run")),
                    })
                })
                .collect();
            Sample {
                seed,
                requested: n,
                algorithm: sample::ALGORITHM.into(),
                from: "runs".into(),
                items,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_follow_the_cadence() {
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let per_day = [1, 0, 0, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        let daily = gaps(&per_day, first, 1);
        assert_eq!(
            daily
                .iter()
                .map(|g| (g.from.as_str(), g.days))
                .collect::<Vec<_>>(),
            [("2026-01-02", 2), ("2026-01-06", 1), ("2026-01-08", 8)]
        );
        let weekly = gaps(&per_day, first, 7);
        assert_eq!(weekly.len(), 1);
        assert_eq!(
            (weekly[0].from.as_str(), weekly[0].to.as_str()),
            ("2026-01-08", "2026-01-14")
        );
    }
}
