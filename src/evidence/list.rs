//! Reading recorded runs back: one line per run for `list`, one run whole
//! for `show`. Records that cannot be read are skipped here; `verify` is
//! what reports them.

use super::context::repository_id;
use super::envelope::Envelope;
use super::statement::Statement;
use super::store::Store;
use crate::digest::sha256_hex;
use serde::Serialize;

/// One run, as `assure evidence list` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    /// The record's digest (`list` shows its first 12 digits).
    pub id: String,
    pub location: String,
    pub time: String,
    pub repository: Option<String>,
    pub branch: Option<String>,
    pub sequence: u64,
    pub commit: Option<String>,
    pub dirty: Option<bool>,
    pub passed: bool,
    pub targets: usize,
    pub failed: usize,
    /// Fingerprints of the keys that signed it (empty: unsigned).
    pub signed_by: Vec<String>,
    pub clock: String,
}

/// A run read whole.
pub struct Run {
    pub location: String,
    pub digest: String,
    pub envelope: Envelope,
    pub statement: Statement,
}

/// Every readable run, oldest first, optionally of one repository (in
/// any spelling of its URL) and branch.
pub fn list(
    store: &mut Store,
    repo: Option<&str>,
    branch: Option<&str>,
) -> Result<Vec<RunSummary>, String> {
    let repo = repo.map(repository_id);
    let mut out = Vec::new();
    each_run(store, &mut |run| {
        let p = &run.statement.predicate;
        if repo.is_some() && p.chain.repository != repo {
            return;
        }
        if branch.is_some() && p.chain.branch.as_deref() != branch {
            return;
        }
        let targets = p.controls.iter().map(|c| c.targets.len()).sum();
        let failed = p
            .controls
            .iter()
            .flat_map(|c| &c.targets)
            .filter(|t| t.outcome == "fail")
            .count();
        out.push(RunSummary {
            id: run.digest.clone(),
            location: run.location.clone(),
            time: p.time.clone(),
            repository: p.chain.repository.clone(),
            branch: p.chain.branch.clone(),
            sequence: p.chain.sequence,
            commit: p.source.commit.clone(),
            dirty: p.source.dirty,
            passed: p.verdict.passed,
            targets,
            failed,
            signed_by: run
                .envelope
                .signatures
                .iter()
                .map(|s| s.keyid.clone())
                .collect(),
            clock: p.clock.clone(),
        });
    })?;
    out.sort_by(|a, b| {
        (&a.time, &a.repository, &a.branch, a.sequence).cmp(&(
            &b.time,
            &b.repository,
            &b.branch,
            b.sequence,
        ))
    });
    Ok(out)
}

/// The run whose digest starts with `id` (at least 6 hex digits).
pub fn find(store: &mut Store, id: &str) -> Result<Run, String> {
    let id = id.trim().to_ascii_lowercase();
    if id.len() < 6 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`{id}` is not a run id: give at least 6 hex digits of its digest (see `assure evidence list`)"
        ));
    }
    let mut found: Vec<Run> = Vec::new();
    each_run(store, &mut |run| {
        if run.digest.starts_with(&id) {
            found.push(run);
        }
    })?;
    match found.len() {
        0 => Err(format!("no recorded run has an id starting with {id}")),
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "{n} runs have an id starting with {id}: {}; give more digits",
            found
                .iter()
                .map(|r| &r.digest[..16])
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

fn each_run(store: &mut Store, f: &mut dyn FnMut(Run)) -> Result<(), String> {
    store.for_each(&mut |record| {
        let Ok(envelope) = Envelope::from_canonical(&record.bytes) else {
            return Ok(());
        };
        let Ok(payload) = envelope.payload_bytes() else {
            return Ok(());
        };
        let Ok(statement) = serde_json::from_slice::<Statement>(&payload) else {
            return Ok(());
        };
        f(Run {
            location: record.location,
            digest: sha256_hex(&payload),
            envelope,
            statement,
        });
        Ok(())
    })
}
