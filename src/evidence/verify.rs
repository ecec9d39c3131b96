//! Checking a ledger: every record is read in the one form assure writes,
//! its digest and place are compared with what the store claims, its
//! signatures are checked (against trusted keys when given), and each
//! chain is checked link by link: a missing record, a record whose
//! predecessor is not the record before it, two records in one place (a
//! fork), an unsigned record or one made with an overridden clock is a
//! problem, named by the record where it shows. A chain cannot show that
//! its newest records were removed: the period report's completeness check
//! (runs expected against runs recorded) is what sees that.

use super::envelope::Envelope;
use super::signing::{check, SignatureCheck, TrustedKey};
use super::statement::{Statement, PREDICATE_TYPE, STATEMENT_TYPE};
use super::store::{ChainKey, Store, StoredRecord};
use crate::digest::sha256_hex;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Which records to check, and against which keys.
pub struct VerifyOptions<'a> {
    /// `None`: signatures are checked against the key each carries only.
    pub trusted: Option<&'a [TrustedKey]>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LedgerCheck {
    pub store: String,
    /// Records read, and those in the period checked.
    pub records: usize,
    pub checked: usize,
    pub chains: Vec<ChainSummary>,
    /// Who signed the records checked, with how many each.
    pub signers: Vec<SignerCount>,
    /// Whether signatures were checked against trusted keys.
    pub keys_checked: bool,
    pub problems: Vec<Problem>,
    /// Worth knowing, not a failure (a clock that went backwards).
    pub notes: Vec<String>,
}

impl LedgerCheck {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ChainSummary {
    pub repository: Option<String>,
    pub branch: Option<String>,
    pub records: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    /// The digest of its newest record: compare it with the one CI
    /// printed to see that nothing after it is missing.
    pub head: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignerCount {
    /// The trusted principal, or the key's fingerprint when keys were not
    /// checked.
    pub signer: String,
    pub keyid: String,
    pub records: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Problem {
    /// Where the record is (a file of the store, a database row).
    pub record: String,
    pub kind: ProblemKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    Unreadable,
    Misfiled,
    Unsigned,
    BadSignature,
    UnknownKey,
    ClockOverride,
    MissingLink,
    BrokenLink,
    Fork,
    Consistency,
}

impl ProblemKind {
    pub fn name(self) -> &'static str {
        match self {
            ProblemKind::Unreadable => "unreadable",
            ProblemKind::Misfiled => "misfiled",
            ProblemKind::Unsigned => "unsigned",
            ProblemKind::BadSignature => "bad signature",
            ProblemKind::UnknownKey => "unknown key",
            ProblemKind::ClockOverride => "clock overridden",
            ProblemKind::MissingLink => "missing link",
            ProblemKind::BrokenLink => "broken link",
            ProblemKind::Fork => "fork",
            ProblemKind::Consistency => "inconsistent",
        }
    }
}

/// What a chain check needs of each record.
struct Entry {
    location: String,
    digest: String,
    sequence: u64,
    previous: Option<String>,
    time: Option<DateTime<Utc>>,
    in_range: bool,
}

/// Check every record of a store.
pub fn verify(store: &mut Store, opts: &VerifyOptions) -> Result<LedgerCheck, String> {
    verify_visiting(store, opts, &mut |_| {})
}

/// A record that could be read, as `verify_visiting` hands it on.
pub struct Visited<'a> {
    pub statement: &'a Statement,
    /// The SHA-256 of its payload: its id.
    pub digest: &'a str,
    pub location: &'a str,
    /// Whether this record showed a problem of its own (its chain's links
    /// are checked once every record is read).
    pub intact: bool,
}

/// Check every record of a store, handing each readable one to `visit`
/// in the store's order (chain by chain, each in sequence order), so a
/// report built from the ledger reads it once.
pub fn verify_visiting(
    store: &mut Store,
    opts: &VerifyOptions,
    visit: &mut dyn FnMut(Visited<'_>),
) -> Result<LedgerCheck, String> {
    let chain_name = store.chain_namer();
    let mut check_result = LedgerCheck {
        store: store.describe(),
        records: 0,
        checked: 0,
        chains: vec![],
        signers: vec![],
        keys_checked: opts.trusted.is_some(),
        problems: vec![],
        notes: vec![],
    };
    let mut chains: BTreeMap<ChainKey, Vec<Entry>> = BTreeMap::new();
    let mut signers: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut records, mut checked) = (0, 0);
    let mut problems: Vec<Problem> = Vec::new();
    store.for_each(&mut |record| {
        records += 1;
        let mut problem = |kind, message: String| {
            problems.push(Problem {
                record: record.location.clone(),
                kind,
                message,
            })
        };
        let Some((envelope, payload, statement)) = read(&record, &mut problem) else {
            return Ok(());
        };
        let digest = sha256_hex(&payload);
        let p = &statement.predicate;
        let key = ChainKey::of(&statement);
        if let Some(claimed) = &record.claimed_digest {
            if !digest.starts_with(claimed.as_str()) || claimed.is_empty() {
                problem(
                    ProblemKind::Misfiled,
                    format!("filed as record {claimed}, but its content's digest is {digest}"),
                );
            }
        }
        if record.claimed_sequence != Some(p.chain.sequence) {
            problem(
                ProblemKind::Misfiled,
                format!(
                    "filed as number {} of its chain, but it says it is number {}",
                    record
                        .claimed_sequence
                        .map_or("?".to_owned(), |s| s.to_string()),
                    p.chain.sequence
                ),
            );
        }
        if chain_name(&key) != record.claimed_chain {
            problem(
                ProblemKind::Misfiled,
                format!("filed under another chain than its own ({})", key.label()),
            );
        }
        let time = DateTime::parse_from_rfc3339(&p.time)
            .ok()
            .map(|t| t.with_timezone(&Utc));
        if time.is_none() {
            problem(
                ProblemKind::Unreadable,
                format!("its time `{}` is not an RFC 3339 time", p.time),
            );
        }
        let in_range = time
            .is_none_or(|t| opts.from.is_none_or(|f| t >= f) && opts.to.is_none_or(|to| t <= to));
        if in_range {
            checked += 1;
            if p.clock != "system" {
                problem(
                    ProblemKind::ClockOverride,
                    format!(
                        "made with the clock set by ASSURE_NOW ({}): its time is no evidence",
                        p.time
                    ),
                );
            }
            if envelope.signatures.is_empty() {
                problem(ProblemKind::Unsigned, "the record is not signed".into());
            }
            for sig in &envelope.signatures {
                match check(&envelope, &payload, sig, opts.trusted, time) {
                    SignatureCheck::Trusted { principal, keyid } => {
                        *signers.entry((principal, keyid)).or_default() += 1
                    }
                    SignatureCheck::Unchecked { keyid } => {
                        *signers.entry((keyid.clone(), keyid)).or_default() += 1
                    }
                    SignatureCheck::Untrusted { keyid, why } => {
                        problem(ProblemKind::UnknownKey, format!("signed by {keyid}: {why}"))
                    }
                    SignatureCheck::Invalid { why } => problem(ProblemKind::BadSignature, why),
                }
            }
        }
        let intact = !problems.iter().any(|p| p.record == record.location);
        visit(Visited {
            statement: &statement,
            digest: &digest,
            location: &record.location,
            intact,
        });
        chains.entry(key).or_default().push(Entry {
            location: record.location.clone(),
            digest,
            sequence: p.chain.sequence,
            previous: p.chain.previous.clone(),
            time,
            in_range,
        });
        Ok(())
    })?;
    check_result.records = records;
    check_result.checked = checked;
    check_result.problems = problems;
    for (key, entries) in &chains {
        check_chain(entries, &mut check_result);
        let newest = entries.iter().max_by_key(|e| e.sequence);
        let times: Vec<DateTime<Utc>> = entries.iter().filter_map(|e| e.time).collect();
        check_result.chains.push(ChainSummary {
            repository: key.repository.clone(),
            branch: key.branch.clone(),
            records: entries.len(),
            first: times.iter().min().map(|t| crate::dates::timestamp(*t)),
            last: times.iter().max().map(|t| crate::dates::timestamp(*t)),
            head: newest.map(|e| e.digest.clone()),
        });
    }
    for (location, message) in store.consistency()? {
        check_result.problems.push(Problem {
            record: location,
            kind: ProblemKind::Consistency,
            message,
        });
    }
    check_result.signers = signers
        .into_iter()
        .map(|((signer, keyid), records)| SignerCount {
            signer,
            keyid,
            records,
        })
        .collect();
    check_result
        .problems
        .sort_by(|a, b| (&a.record, a.kind, &a.message).cmp(&(&b.record, b.kind, &b.message)));
    check_result.problems.dedup();
    Ok(check_result)
}

/// The envelope, payload and statement of a record, or the problem that
/// stops it being read.
fn read(
    record: &StoredRecord,
    problem: &mut dyn FnMut(ProblemKind, String),
) -> Option<(Envelope, Vec<u8>, Statement)> {
    let envelope = match Envelope::from_canonical(&record.bytes) {
        Ok(e) => e,
        Err(e) => {
            problem(ProblemKind::Unreadable, e);
            return None;
        }
    };
    if envelope.payload_type != super::envelope::PAYLOAD_TYPE {
        problem(
            ProblemKind::Unreadable,
            format!(
                "payload type `{}` is not an in-toto statement",
                envelope.payload_type
            ),
        );
        return None;
    }
    let payload = match envelope.payload_bytes() {
        Ok(p) => p,
        Err(e) => {
            problem(ProblemKind::Unreadable, e);
            return None;
        }
    };
    let statement: Statement = match serde_json::from_slice(&payload) {
        Ok(s) => s,
        Err(e) => {
            problem(
                ProblemKind::Unreadable,
                format!("the payload is not a run statement this assure reads: {e}"),
            );
            return None;
        }
    };
    if statement.statement_type != STATEMENT_TYPE || statement.predicate_type != PREDICATE_TYPE {
        problem(
            ProblemKind::Unreadable,
            format!(
                "statement type {} with predicate {} is not a run record this assure reads",
                statement.statement_type, statement.predicate_type
            ),
        );
        return None;
    }
    Some((envelope, payload, statement))
}

/// The links of one chain: each record in the period names the record
/// before it, which must be there, and no place holds two records.
fn check_chain(entries: &[Entry], out: &mut LedgerCheck) {
    let mut by_sequence: BTreeMap<u64, Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        by_sequence.entry(e.sequence).or_default().push(e);
    }
    let present: BTreeSet<u64> = by_sequence.keys().copied().collect();
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    let mut problem = |e: &Entry, kind, message: String| {
        problems.push(Problem {
            record: e.location.clone(),
            kind,
            message,
        })
    };
    for (sequence, here) in &by_sequence {
        let distinct: BTreeSet<&str> = here.iter().map(|e| e.digest.as_str()).collect();
        if distinct.len() > 1 {
            let places: Vec<&str> = here.iter().map(|e| e.location.as_str()).collect();
            for e in here {
                problem(
                    e,
                    ProblemKind::Fork,
                    format!(
                        "{} records are number {sequence} of this chain: {}",
                        here.len(),
                        places.join(", ")
                    ),
                );
            }
        }
        for e in here.iter().filter(|e| e.in_range) {
            match (e.sequence, &e.previous) {
                (0, _) => problem(
                    e,
                    ProblemKind::BrokenLink,
                    "its number in the chain is 0".into(),
                ),
                (1, None) => {}
                (1, Some(_)) => problem(
                    e,
                    ProblemKind::BrokenLink,
                    "the first record of its chain names a record before it".into(),
                ),
                (_, None) => problem(
                    e,
                    ProblemKind::BrokenLink,
                    "it names no record before it, but is not the first of its chain".into(),
                ),
                (n, Some(previous)) => {
                    let before = by_sequence.get(&(n - 1));
                    match before {
                        None => {
                            let last = present.range(..n).next_back().copied().unwrap_or(0);
                            let missing = if last + 1 == n - 1 {
                                format!("record {} of this chain is missing", n - 1)
                            } else {
                                format!(
                                    "records {} to {} of this chain are missing",
                                    last + 1,
                                    n - 1
                                )
                            };
                            problem(e, ProblemKind::MissingLink, missing);
                        }
                        Some(candidates) if !candidates.iter().any(|c| &c.digest == previous) => {
                            problem(
                                e,
                                ProblemKind::BrokenLink,
                                format!(
                                    "it follows record {previous}, but record {} of this chain is {}",
                                    n - 1,
                                    candidates[0].digest
                                ),
                            );
                        }
                        Some(candidates) => {
                            let prior = candidates.iter().find(|c| &c.digest == previous);
                            if let (Some(p), Some(t), Some(pt)) =
                                (prior, e.time, prior.and_then(|p| p.time))
                            {
                                if t < pt {
                                    notes.push(format!(
                                        "{}: its time {} is before that of the record before it ({}, {})",
                                        e.location,
                                        crate::dates::timestamp(t),
                                        p.location,
                                        crate::dates::timestamp(pt)
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out.problems.extend(problems);
    out.notes.extend(notes);
}
