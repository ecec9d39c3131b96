//! A run's record, from its result and the settings it ran with: what the
//! run read, with which rules and config, in which repository and CI run,
//! and every outcome, waiver and error. Everything is sorted, so two runs
//! that saw the same things write the same predicate apart from the time.

use super::statement::{
    BaselineRecord, ChainLink, CiRun, ControlRecord, FileRef, InputErrorRecord, ObjectiveRecord,
    Policies, RunPredicate, ScopeRecord, Source, Statement, Subject, TargetRecord, ToolVersion,
    VerdictRecord, WaiverRecord, PREDICATE_TYPE, STATEMENT_TYPE,
};
use crate::digest::sha256_hex;
use crate::inputs::read::FileDigest;
use crate::results::{ScanResult, WaiverInfo};
use crate::settings::Settings;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// What a record needs besides the scan's result.
pub struct RunContext {
    pub reads: Vec<FileDigest>,
    pub source: Source,
    pub ci: Option<CiRun>,
    pub time: DateTime<Utc>,
    pub clock: crate::dates::ClockSource,
}

/// The statement of a run; its chain link is filled in when appended.
pub fn statement(result: &ScanResult, settings: &Settings, ctx: RunContext) -> Statement {
    let subject = ctx
        .reads
        .into_iter()
        .map(|r| Subject {
            name: r.path,
            digest: BTreeMap::from([("sha256".to_owned(), r.sha256)]),
        })
        .collect();
    let predicate = RunPredicate {
        chain: ChainLink {
            repository: ctx
                .source
                .remote
                .as_deref()
                .map(super::context::repository_id),
            branch: ctx.source.branch.clone(),
            sequence: 0,
            previous: None,
        },
        time: crate::dates::timestamp(ctx.time),
        clock: ctx.clock.name().to_owned(),
        assure: ToolVersion {
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        policies: policies(settings),
        config: settings.config.source.as_ref().map(|p| FileRef {
            name: super::context::record_path(&crate::paths::slash_path(p)),
            sha256: file_digest(p),
        }),
        source: ctx.source,
        ci: ctx.ci,
        scope: ScopeRecord {
            framework: settings.scope.framework.map(|f| json_name(&f)),
            categories: settings.scope.categories.iter().map(json_name).collect(),
            objectives: settings
                .scope
                .objectives
                .iter()
                .map(|o| ObjectiveRecord {
                    id: o.id.clone(),
                    title: o.title.clone(),
                })
                .collect(),
            only: settings.scope.only.clone(),
        },
        gate: serde_json::to_value(result.gate).unwrap_or_default(),
        verdict: VerdictRecord {
            passed: result.verdict.passed,
            exit_code: result.verdict.exit_code,
            reasons: result.verdict.reasons.clone(),
        },
        summary: serde_json::to_value(&result.summary).unwrap_or_default(),
        controls: result
            .controls
            .iter()
            .map(|c| ControlRecord {
                id: c.control.id.clone(),
                title: c.control.title.clone(),
                severity: c.control.severity.name().to_owned(),
                soc2: c.control.soc2.clone(),
                soc1: c.control.soc1.clone(),
                targets: c
                    .targets
                    .iter()
                    .map(|t| TargetRecord {
                        name: t.name.clone(),
                        outcome: json_name(&t.outcome),
                        findings: t.findings.iter().map(|f| f.fingerprint.clone()).collect(),
                    })
                    .collect(),
            })
            .collect(),
        input_errors: result
            .input_errors
            .iter()
            .map(|e| InputErrorRecord {
                path: e.path.clone(),
                line: e.line,
                message: e.message.clone(),
            })
            .collect(),
        not_examined: result
            .not_examined
            .lines()
            .into_iter()
            .map(|(path, line, text)| match (path, line) {
                (Some(p), Some(l)) => format!("{p}:{l}: {text}"),
                (Some(p), None) => format!("{p}: {text}"),
                _ => text,
            })
            .collect(),
        waivers: waivers(result),
        baseline: result.baseline.as_ref().map(|b| BaselineRecord {
            file: super::context::record_path(&b.file),
            sha256: settings
                .baseline
                .as_deref()
                .map(file_digest)
                .unwrap_or_default(),
            known: b.known,
            new: b.new,
            fixed: b.fixed.len(),
        }),
        components: result.components.clone(),
    };
    Statement {
        statement_type: STATEMENT_TYPE.to_owned(),
        subject,
        predicate_type: PREDICATE_TYPE.to_owned(),
        predicate,
    }
}

/// Each policy file's digest, `--data` documents too (they parameterise
/// policies), and one digest over all of them.
pub(crate) fn policies(settings: &Settings) -> Policies {
    let mut files: Vec<FileRef> = settings
        .sources
        .iter()
        .map(|s| FileRef {
            name: s.label.clone(),
            sha256: sha256_hex(s.text.as_bytes()),
        })
        .chain(settings.data.iter().enumerate().map(|(i, d)| FileRef {
            name: format!("data #{}", i + 1),
            sha256: sha256_hex(&serde_json::to_vec(d).unwrap_or_default()),
        }))
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let listing: String = files
        .iter()
        .map(|f| format!("{}  {}\n", f.sha256, f.name))
        .collect();
    Policies {
        // The digest of a `sha256sum` listing of the files: anyone can
        // recompute it from the list.
        bundle: sha256_hex(listing.as_bytes()),
        files,
    }
}

/// Every waiver with what it did: applied, expired or unused.
fn waivers(result: &ScanResult) -> Vec<WaiverRecord> {
    let record = |w: &WaiverInfo, status: &str, findings: usize| WaiverRecord {
        id: w.id.clone(),
        control: w.control.clone(),
        path: w.path.clone(),
        resource: w.resource.clone(),
        reason: w.reason.clone(),
        owner: w.owner.clone(),
        approved_by: w.approved_by.clone(),
        ticket: w.ticket.clone(),
        expires: w.expires.clone(),
        // `path:line`, the path named as the record names paths.
        declared: match w.source.rsplit_once(':') {
            Some((path, line)) if line.parse::<usize>().is_ok() => {
                format!("{}:{line}", super::context::record_path(path))
            }
            _ => super::context::record_path(&w.source),
        },
        origin: json_name(&w.origin),
        status: status.to_owned(),
        findings,
    };
    let report = &result.waivers;
    let mut out: Vec<WaiverRecord> = report
        .applied
        .iter()
        .map(|(w, n)| record(w, "applied", *n))
        .chain(report.expired.iter().map(|(w, n)| record(w, "expired", *n)))
        .chain(report.unused.iter().map(|w| record(w, "unused", 0)))
        .collect();
    out.sort_by(|a, b| (&a.control, &a.id, &a.declared).cmp(&(&b.control, &b.id, &b.declared)));
    out
}

/// A value's name as the JSON report spells it (`pass`, `security`).
fn json_name(value: &impl serde::Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The digest of a file assure read for itself (config, baseline); empty
/// when it can no longer be read.
fn file_digest(path: &std::path::Path) -> String {
    std::fs::read(path)
        .map(|b| sha256_hex(&b))
        .unwrap_or_default()
}
