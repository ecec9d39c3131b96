//! The evidence ledger: every `assure test --evidence STORE` run appends a
//! record that a Type 2 auditor can check offline with a public key and
//! nothing else. A record is a DSSE envelope around an in-toto Statement:
//! its subjects are the files the run read (SHA-256 of the bytes judged),
//! its predicate says when and where the run happened, with which policies
//! and config, what every control found, which waivers were in force, and
//! the digest of the previous record of the same repository and branch, so
//! the records of a chain cannot be changed, removed or reordered unseen.
//! Records are signed with an OpenSSH Ed25519 key as SSHSIG blobs that
//! `ssh-keygen -Y verify` checks.

pub mod build;
pub mod context;
pub mod envelope;
pub mod list;
pub mod signing;
pub mod statement;
pub mod store;
pub mod verify;

use crate::digest::sha256_hex;
use crate::results::ScanResult;
use crate::settings::Settings;
use envelope::Envelope;
use signing::Signer;
use statement::Statement;
use store::{ChainKey, NewRecord, Store};

/// A ledger a run will be recorded in: the store opened and the signing
/// key read before the scan, so neither can fail after it.
pub struct Recorder {
    store: Store,
    signer: Option<Signer>,
}

/// What an append did.
pub struct Recorded {
    /// Where the record went (a file, a database row).
    pub location: String,
    pub digest: String,
    pub sequence: u64,
    pub chain: ChainKey,
    /// The signing key's fingerprint; `None`: unsigned.
    pub keyid: Option<String>,
}

impl Recorder {
    /// Open (or create) the store and read `ASSURE_SIGNING_KEY`; from now
    /// on every file the scan reads has its digest kept.
    pub fn open(spec: &str) -> Result<Recorder, String> {
        let signer = Signer::from_env()?;
        let store = Store::open(spec, true)?;
        crate::inputs::read::record_reads();
        Ok(Recorder { store, signer })
    }

    /// Append the record of a finished run.
    pub fn record(mut self, result: &ScanResult, settings: &Settings) -> Result<Recorded, String> {
        let root = settings
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let (time, clock) = crate::dates::now();
        let ctx = build::RunContext {
            reads: crate::inputs::read::take_reads(),
            source: context::source(&root, &context::process_env),
            ci: context::ci_run(&context::process_env),
            time,
            clock,
        };
        let mut statement = build::statement(result, settings, ctx);
        let chain = ChainKey::of(&statement);
        let signer = self.signer.as_ref();
        let mut made: Option<(String, u64)> = None;
        let location = self.store.append(&chain, &mut |head| {
            // The time is taken under the chain's lock, so a chain's times
            // follow its order on any one clock.
            let (time, clock) = crate::dates::now();
            statement.predicate.time = crate::dates::timestamp(time);
            statement.predicate.clock = clock.name().to_owned();
            statement.predicate.chain.sequence = head.as_ref().map_or(1, |h| h.sequence + 1);
            statement.predicate.chain.previous = head.map(|h| h.digest);
            let record = seal(&statement, signer)?;
            made = Some((record.digest.clone(), statement.predicate.chain.sequence));
            Ok(record)
        })?;
        let (digest, sequence) = made.unwrap_or_default();
        Ok(Recorded {
            location,
            digest,
            sequence,
            chain,
            keyid: self.signer.as_ref().map(|s| s.keyid().to_owned()),
        })
    }
}

/// A statement as a record: serialized, wrapped, signed.
pub fn seal(statement: &Statement, signer: Option<&Signer>) -> Result<NewRecord, String> {
    let payload =
        serde_json::to_vec(statement).map_err(|e| format!("cannot write the record: {e}"))?;
    let digest = sha256_hex(&payload);
    let mut envelope = Envelope::new(&payload);
    if let Some(s) = signer {
        s.sign(&mut envelope)?;
    }
    Ok(NewRecord {
        bytes: envelope.to_canonical(),
        digest,
        statement: statement.clone(),
    })
}
