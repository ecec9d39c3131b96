//! The PostgreSQL store, for organizations that keep the ledger in a
//! database. `assure evidence init URL` creates a versioned schema,
//! `assure_ledger`: a run table whose rows a trigger refuses to change or
//! delete (and that cannot be truncated), the targets of each run in rows
//! of their own for period queries, and a role, `assure_ledger_writer`,
//! that may only insert and read. An append holds a transaction-scoped
//! advisory lock on its chain while it reads the chain's head and inserts,
//! and the chain and sequence are unique, so concurrent CI jobs extend a
//! chain one after the other and never fork it.

use super::{ChainKey, Head, MakeRecord, StoredRecord};
use crate::evidence::envelope::Envelope;
use crate::evidence::statement::Statement;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::Type;
use postgres::Client;

/// The schema's version; `init` refuses a database holding another.
const SCHEMA_VERSION: i32 = 1;

const SCHEMA: &str = r#"
CREATE SCHEMA IF NOT EXISTS assure_ledger;
CREATE TABLE assure_ledger.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE assure_ledger.runs (
    digest text PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
    chain text NOT NULL,
    repository text,
    branch text,
    sequence bigint NOT NULL CHECK (sequence >= 1),
    previous text,
    recorded_at timestamptz NOT NULL,
    commit_sha text,
    passed boolean NOT NULL,
    signed boolean NOT NULL,
    envelope bytea NOT NULL,
    inserted_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (chain, sequence)
);
CREATE INDEX runs_recorded_at ON assure_ledger.runs (recorded_at);
CREATE TABLE assure_ledger.targets (
    run text NOT NULL REFERENCES assure_ledger.runs (digest),
    control text NOT NULL,
    target text NOT NULL,
    outcome text NOT NULL,
    findings text[] NOT NULL
);
CREATE INDEX targets_run ON assure_ledger.targets (run);
CREATE INDEX targets_control ON assure_ledger.targets (control, outcome);
CREATE FUNCTION assure_ledger.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the assure ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER runs_append_only BEFORE UPDATE OR DELETE ON assure_ledger.runs
    FOR EACH ROW EXECUTE FUNCTION assure_ledger.refuse_change();
CREATE TRIGGER runs_no_truncate BEFORE TRUNCATE ON assure_ledger.runs
    FOR EACH STATEMENT EXECUTE FUNCTION assure_ledger.refuse_change();
CREATE TRIGGER targets_append_only BEFORE UPDATE OR DELETE ON assure_ledger.targets
    FOR EACH ROW EXECUTE FUNCTION assure_ledger.refuse_change();
CREATE TRIGGER targets_no_truncate BEFORE TRUNCATE ON assure_ledger.targets
    FOR EACH STATEMENT EXECUTE FUNCTION assure_ledger.refuse_change();
-- Roles belong to the whole cluster: two ledgers initialised at once in two
-- databases both find the role missing, and the second CREATE ROLE waits for
-- the first and then fails on the unique name; that one is taken as done.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'assure_ledger_writer') THEN
        BEGIN
            CREATE ROLE assure_ledger_writer NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA assure_ledger TO assure_ledger_writer;
GRANT SELECT ON assure_ledger.schema_version TO assure_ledger_writer;
GRANT SELECT, INSERT ON assure_ledger.runs, assure_ledger.targets TO assure_ledger_writer;
"#;

pub struct PgStore {
    client: Client,
    label: String,
}

impl PgStore {
    pub fn connect(url: &str) -> Result<PgStore, String> {
        let label = without_password(url);
        let config: postgres::Config = url
            .parse()
            .map_err(|e| format!("{label}: not a PostgreSQL URL: {e}"))?;
        let client = config
            .connect(tls())
            .map_err(|e| format!("{label}: cannot connect: {}", pg_error(&e)))?;
        Ok(PgStore { client, label })
    }

    pub fn describe(&self) -> String {
        self.label.clone()
    }

    /// Create the schema; a database already at this version is left as
    /// it is, one at another version is an error.
    pub fn init(&mut self) -> Result<String, String> {
        let label = self.label.clone();
        let fail = |e: postgres::Error| format!("{label}: {}", pg_error(&e));
        let mut tx = self.client.transaction().map_err(fail)?;
        let exists: bool = tx
            .query_one(
                "SELECT to_regclass('assure_ledger.schema_version') IS NOT NULL",
                &[],
            )
            .map_err(fail)?
            .get(0);
        if exists {
            let version: Option<i32> = tx
                .query_one("SELECT max(version) FROM assure_ledger.schema_version", &[])
                .map_err(fail)?
                .get(0);
            return match version {
                Some(SCHEMA_VERSION) => Ok(format!(
                    "{label}: the ledger schema is already at version {SCHEMA_VERSION}"
                )),
                other => Err(format!(
                    "{label}: the ledger schema is at version {other:?}, this assure writes version {SCHEMA_VERSION}"
                )),
            };
        }
        tx.batch_execute(SCHEMA).map_err(fail)?;
        tx.execute(
            "INSERT INTO assure_ledger.schema_version (version) VALUES ($1)",
            &[&SCHEMA_VERSION],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(format!(
            "{label}: created the ledger schema assure_ledger (version {SCHEMA_VERSION}); grant assure_ledger_writer to the role CI connects as"
        ))
    }

    pub fn append(&mut self, chain: &ChainKey, make: &mut MakeRecord) -> Result<String, String> {
        let label = self.label.clone();
        let fail = |e: postgres::Error| format!("{label}: {}", pg_error(&e));
        let chain_text = chain.text();
        let mut tx = self.client.transaction().map_err(fail)?;
        // One appender per chain at a time, until this transaction ends.
        tx.execute(
            "SELECT pg_advisory_xact_lock($1)",
            &[&lock_key(&chain_text)],
        )
        .map_err(fail)?;
        let head = tx
            .query_opt(
                "SELECT sequence, digest FROM assure_ledger.runs WHERE chain = $1 ORDER BY sequence DESC LIMIT 1",
                &[&chain_text],
            )
            .map_err(fail)?
            .map(|row| Head {
                sequence: row.get::<_, i64>(0).max(0) as u64,
                digest: row.get(1),
            });
        let record = make(head)?;
        let p = &record.statement.predicate;
        let sequence = i64::try_from(p.chain.sequence).map_err(|e| e.to_string())?;
        let signed = Envelope::from_canonical(&record.bytes)
            .map(|e| !e.signatures.is_empty())
            .unwrap_or(false);
        tx.execute(
            "INSERT INTO assure_ledger.runs (digest, chain, repository, branch, sequence, previous, recorded_at, commit_sha, passed, signed, envelope) \
             VALUES ($1, $2, $3, $4, $5, $6, CAST($7::text AS timestamptz), $8, $9, $10, $11)",
            &[
                &record.digest,
                &chain_text,
                &chain.repository,
                &chain.branch,
                &sequence,
                &p.chain.previous,
                &p.time,
                &p.source.commit,
                &p.verdict.passed,
                &signed,
                &record.bytes,
            ],
        )
        .map_err(fail)?;
        copy_targets(&mut tx, &record.digest, &record.statement).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(format!("{label} run {}", &record.digest[..16]))
    }

    pub fn for_each(
        &mut self,
        f: &mut dyn FnMut(StoredRecord) -> Result<(), String>,
    ) -> Result<(), String> {
        let label = self.label.clone();
        let fail = |e: postgres::Error| format!("{label}: {}", pg_error(&e));
        let mut rows = self
            .client
            .query_raw(
                "SELECT chain, sequence, digest, envelope FROM assure_ledger.runs ORDER BY chain, sequence, digest",
                std::iter::empty::<&str>(),
            )
            .map_err(fail)?;
        while let Some(row) = rows.next().map_err(fail)? {
            let chain: String = row.get(0);
            let sequence: i64 = row.get(1);
            let digest: String = row.get(2);
            f(StoredRecord {
                location: format!("run {}", &digest[..16.min(digest.len())]),
                bytes: row.get(3),
                claimed_chain: chain,
                claimed_sequence: u64::try_from(sequence).ok(),
                claimed_digest: Some(digest),
            })?;
        }
        Ok(())
    }

    /// The target rows of each run against the targets its record lists:
    /// rows can be added by anyone who may insert, so they are trusted
    /// only when they match the signed record.
    pub fn consistency(&mut self) -> Result<Vec<(String, String)>, String> {
        let label = self.label.clone();
        let fail = |e: postgres::Error| format!("{label}: {}", pg_error(&e));
        let runs = self
            .client
            .query(
                "SELECT digest, envelope FROM assure_ledger.runs ORDER BY digest",
                &[],
            )
            .map_err(fail)?;
        let mut problems = Vec::new();
        for run in runs {
            let digest: String = run.get(0);
            let bytes: Vec<u8> = run.get(1);
            let Some(statement) = Envelope::from_canonical(&bytes)
                .ok()
                .and_then(|e| e.payload_bytes().ok())
                .and_then(|p| serde_json::from_slice::<Statement>(&p).ok())
            else {
                continue; // verify reports the record itself
            };
            let mut expected = target_rows(&statement);
            expected.sort();
            let mut stored: Vec<(String, String, String, Vec<String>)> = self
                .client
                .query(
                    "SELECT control, target, outcome, findings FROM assure_ledger.targets WHERE run = $1",
                    &[&digest],
                )
                .map_err(fail)?
                .into_iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                .collect();
            stored.sort();
            if stored != expected {
                problems.push((
                    format!("run {}", &digest[..16.min(digest.len())]),
                    format!(
                        "its target rows ({}) differ from the targets its record lists ({})",
                        stored.len(),
                        expected.len()
                    ),
                ));
            }
        }
        Ok(problems)
    }
}

/// Each target of a record as a row: control, target, outcome, findings.
fn target_rows(statement: &Statement) -> Vec<(String, String, String, Vec<String>)> {
    statement
        .predicate
        .controls
        .iter()
        .flat_map(|c| {
            c.targets.iter().map(move |t| {
                (
                    c.id.clone(),
                    t.name.clone(),
                    t.outcome.clone(),
                    t.findings.clone(),
                )
            })
        })
        .collect()
}

/// The targets of a run, by COPY: a run of a large repository has tens of
/// thousands.
fn copy_targets(
    tx: &mut postgres::Transaction<'_>,
    run: &str,
    statement: &Statement,
) -> Result<(), postgres::Error> {
    let sink = tx.copy_in(
        "COPY assure_ledger.targets (run, control, target, outcome, findings) FROM STDIN BINARY",
    )?;
    let mut writer = BinaryCopyInWriter::new(
        sink,
        &[
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT,
            Type::TEXT_ARRAY,
        ],
    );
    for (control, target, outcome, findings) in target_rows(statement) {
        writer.write(&[&run, &control, &target, &outcome, &findings])?;
    }
    writer.finish()?;
    Ok(())
}

/// The advisory lock of a chain: the first 8 bytes of its digest.
fn lock_key(chain: &str) -> i64 {
    let digest = crate::digest::sha256_hex(chain.as_bytes());
    i64::from_str_radix(&digest[..15], 16).unwrap_or(0)
}

/// TLS with the system's trusted roots (`SSL_CERT_FILE` and
/// `SSL_CERT_DIR` add others), for `sslmode=require` and servers that
/// offer it; local sockets do not use it.
fn tls() -> tokio_postgres_rustls::MakeRustlsConnect {
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map(|b| b.with_root_certificates(roots).with_no_client_auth());
    match config {
        Ok(c) => tokio_postgres_rustls::MakeRustlsConnect::new(c),
        // ring supports the default versions; this cannot happen, and a
        // connector without roots still refuses every certificate.
        Err(_) => tokio_postgres_rustls::MakeRustlsConnect::new(
            rustls::ClientConfig::builder()
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth(),
        ),
    }
}

/// A database error with the server's message and detail.
fn pg_error(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_owned(),
        },
        None => e.to_string(),
    }
}

/// A URL as messages show it: the password replaced by `***`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            let masked = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_owned()
            };
            format!("{scheme}://{masked}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            super::without_password("postgres://ci:s3cret@db.example:5432/ledger?sslmode=require"),
            "postgres://ci:***@db.example:5432/ledger?sslmode=require"
        );
        assert_eq!(
            super::without_password("postgresql://ci@/ledger?host=/run/pg"),
            "postgresql://ci@/ledger?host=/run/pg"
        );
    }
}
