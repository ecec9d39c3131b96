//! What one ledger record says: an in-toto Statement (v1) whose subjects
//! are the files the run read, with their SHA-256 digests, and whose
//! predicate describes the run. The types both write and read records, so
//! `verify`, `list`, `show` and the period report read exactly what a run
//! wrote; unknown fields are refused, so a record cannot carry claims
//! nobody checks.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The in-toto Statement type.
pub const STATEMENT_TYPE: &str = "https://in-toto.io/Statement/v1";

/// This predicate's type; the version changes with any incompatible change
/// to the predicate, and readers refuse versions they do not know.
pub const PREDICATE_TYPE: &str = "https://assure.dev/evidence/run/v1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    #[serde(rename = "_type")]
    pub statement_type: String,
    pub subject: Vec<Subject>,
    #[serde(rename = "predicateType")]
    pub predicate_type: String,
    pub predicate: RunPredicate,
}

/// A file the run read, by its path relative to the scanned root.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: String,
    pub digest: BTreeMap<String, String>,
}

/// One run of `assure test`, as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RunPredicate {
    /// Where the record stands in its chain.
    pub chain: ChainLink,
    /// When the run ended (RFC 3339, UTC).
    pub time: String,
    /// `system`, or `override` when `ASSURE_NOW` set the clock: such a
    /// record is no evidence of when anything happened.
    pub clock: String,
    pub assure: ToolVersion,
    pub policies: Policies,
    /// The `assure.yaml` in use, if any.
    pub config: Option<FileRef>,
    pub source: Source,
    /// The CI run, when the environment says so.
    pub ci: Option<CiRun>,
    pub scope: ScopeRecord,
    pub gate: serde_json::Value,
    pub verdict: VerdictRecord,
    pub summary: serde_json::Value,
    /// Every control that ran, with every target it examined.
    pub controls: Vec<ControlRecord>,
    /// Inputs that could not be read or parsed.
    pub input_errors: Vec<InputErrorRecord>,
    /// What the run did not examine, one line each.
    pub not_examined: Vec<String>,
    /// Every waiver declared, with what it did in this run.
    pub waivers: Vec<WaiverRecord>,
    /// The baseline given with `--baseline`.
    pub baseline: Option<BaselineRecord>,
    /// What the configuration describes, for the system description.
    pub components: crate::inputs::components::Components,
}

/// The chain a record belongs to (one per repository and branch), its
/// place in it, and the digest of the record before it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ChainLink {
    pub repository: Option<String>,
    pub branch: Option<String>,
    /// 1 for the first record of the chain.
    pub sequence: u64,
    /// The SHA-256 of the previous record's payload; `None` for the first.
    pub previous: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ToolVersion {
    pub version: String,
}

/// The policies that ran: each file's digest, and one digest for the whole
/// set, so two runs with the same rules are seen to have had them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Policies {
    pub bundle: String,
    pub files: Vec<FileRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    pub name: String,
    pub sha256: String,
}

/// The repository the scan ran in.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The remote's URL, without any credentials it held.
    pub remote: Option<String>,
    pub commit: Option<String>,
    pub branch: Option<String>,
    /// Files differed from the commit (changed, or new and not ignored).
    pub dirty: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CiRun {
    /// `github-actions`, `gitlab-ci`, ... or what `ASSURE_CI_PROVIDER` says.
    pub provider: String,
    pub run_id: Option<String>,
    pub run_url: Option<String>,
    pub actor: Option<String>,
    /// The workflow or pipeline, and the event that started it.
    pub workflow: Option<String>,
    pub event: Option<String>,
    /// The pull (merge) request the run checked, if it ran for one.
    pub pull_request: Option<PullRequest>,
}

/// A pull or merge request: what a run on it checked, so the commit that
/// merges it can be matched to the run.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PullRequest {
    pub number: u64,
    /// The commit at the head of its branch when the run happened.
    pub head: Option<String>,
    pub head_branch: Option<String>,
    pub base_branch: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ScopeRecord {
    pub framework: Option<String>,
    /// SOC 2 categories in scope.
    pub categories: Vec<String>,
    /// SOC 1 objectives in scope, with titles (they are the organization's).
    pub objectives: Vec<ObjectiveRecord>,
    /// `--criteria`, when given.
    pub only: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveRecord {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct VerdictRecord {
    pub passed: bool,
    pub exit_code: i32,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ControlRecord {
    pub id: String,
    pub title: String,
    pub severity: String,
    pub soc2: Vec<String>,
    pub soc1: Vec<String>,
    pub targets: Vec<TargetRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TargetRecord {
    /// `path` or `path#resource`.
    pub name: String,
    /// pass, fail, warn, waived, known or error.
    pub outcome: String,
    /// Fingerprints of its findings (stable across line moves).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct InputErrorRecord {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WaiverRecord {
    pub id: String,
    pub control: String,
    pub path: String,
    pub resource: Option<String>,
    pub reason: String,
    pub owner: String,
    /// `None` for inline comments and policy exceptions: unapproved.
    pub approved_by: Option<String>,
    pub ticket: Option<String>,
    pub expires: String,
    /// Where it is declared: `assure.yaml:LINE`, `file:line`, the policy.
    pub declared: String,
    /// config, inline or policy.
    pub origin: String,
    /// applied, expired or unused in this run.
    pub status: String,
    /// Findings it matched.
    pub findings: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct BaselineRecord {
    pub file: String,
    pub sha256: String,
    pub known: usize,
    pub new: usize,
    pub fixed: usize,
}
