//! The PostgreSQL ledger against a real server: `.ci/run` starts a
//! throwaway cluster and gives its URL in ASSURE_TEST_POSTGRES; without it
//! each test starts its own with tests/pg-cluster.sh. The tests are
//! skipped only when no PostgreSQL server binary exists (and fail then if
//! ASSURE_REQUIRE_POSTGRES is set, as CI sets it).

mod common;

use common::records::assert_record_follows_the_schemas;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A database of its own for one test, on the shared cluster or on one
/// started for the test (stopped when this is dropped).
struct Database {
    url: String,
    cluster: Option<(tempfile::TempDir, PathBuf)>,
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Some((dir, script)) = &self.cluster {
            let _ = Command::new("bash")
                .arg(script)
                .arg("stop")
                .arg(dir.path())
                .output();
        }
    }
}

fn database(name: &str) -> Option<Database> {
    let script = repo().join("tests/pg-cluster.sh");
    let (base, cluster) = match std::env::var("ASSURE_TEST_POSTGRES") {
        Ok(url) => (url, None),
        Err(_) => {
            let dir = tempfile::tempdir().unwrap();
            let out = Command::new("bash")
                .arg(&script)
                .arg("start")
                .arg(dir.path())
                .output()
                .unwrap();
            if out.status.code() == Some(3) {
                assert!(
                    std::env::var_os("ASSURE_REQUIRE_POSTGRES").is_none(),
                    "no PostgreSQL server binary, and ASSURE_REQUIRE_POSTGRES is set"
                );
                eprintln!(
                    "note: no PostgreSQL server binary: the PostgreSQL ledger tests are skipped"
                );
                return None;
            }
            assert!(
                out.status.success(),
                "cannot start PostgreSQL: {}",
                stderr(&out)
            );
            (stdout(&out).trim().to_owned(), Some((dir, script)))
        }
    };
    let mut admin =
        postgres::Client::connect(&base, postgres::NoTls).expect("connect to the test server");
    let db = format!("ledger_{name}_{}", std::process::id());
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {db}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    // The same URL with the test's database.
    let (head, query) = base
        .split_once('?')
        .map_or((base.as_str(), ""), |(h, q)| (h, q));
    let stem = head.rsplit_once('/').map_or(head, |(s, _)| s);
    let url = if query.is_empty() {
        format!("{stem}/{db}")
    } else {
        format!("{stem}/{db}?{query}")
    };
    Some(Database { url, cluster })
}

/// A folder to scan: one Kubernetes Pod, privileged.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    securityContext:\n      privileged: true\n",
    )
    .unwrap();
    dir
}

fn scan(dir: &Path, url: &str, key: &Path) -> Output {
    assure_clean(
        dir,
        &[
            "test",
            ".",
            "-q",
            "--control",
            "k8s-privileged-container",
            "--evidence",
            url,
        ],
        Some(key),
    )
}

/// Every record in the database follows the published schemas.
fn records_follow_the_schemas(client: &mut postgres::Client) -> usize {
    let rows = client
        .query(
            "SELECT digest, envelope FROM assure_ledger.runs ORDER BY chain, sequence",
            &[],
        )
        .unwrap();
    for r in &rows {
        let digest: String = r.get(0);
        let envelope: Vec<u8> = r.get(1);
        assert_record_follows_the_schemas(&envelope, &format!("record {digest}"));
    }
    rows.len()
}

#[test]
fn runs_recorded_in_postgres_verify_and_rows_cannot_be_changed() {
    let Some(db) = database("basic") else { return };
    let p = project();
    let key = ed25519_key(p.path(), "ci");
    let out = assure_clean(p.path(), &["evidence", "init", &db.url], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("created the ledger schema"),
        "{}",
        stderr(&out)
    );
    let out = assure_clean(p.path(), &["evidence", "init", &db.url], None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("already at version 1"),
        "{}",
        stderr(&out)
    );
    for _ in 0..3 {
        let out = scan(p.path(), &db.url, &key);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
    }
    let pub_file = p.path().join("ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        p.path(),
        &["evidence", "verify", &db.url, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("VERIFIED: 3 of 3 records"),
        "{}",
        stdout(&out)
    );
    let out = assure_clean(p.path(), &["evidence", "list", &db.url], None);
    assert_eq!(stdout(&out).lines().count(), 4, "{}", stdout(&out));

    let mut client = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    assert_eq!(records_follow_the_schemas(&mut client), 3);
    let targets: i64 = client
        .query_one("SELECT count(*) FROM assure_ledger.targets", &[])
        .unwrap()
        .get(0);
    assert_eq!(targets, 3, "one target per run");
    for sql in [
        "UPDATE assure_ledger.runs SET passed = true",
        "DELETE FROM assure_ledger.runs",
        "TRUNCATE assure_ledger.runs CASCADE",
        "UPDATE assure_ledger.targets SET outcome = 'pass'",
        "DELETE FROM assure_ledger.targets",
    ] {
        let err = client.batch_execute(sql).expect_err(sql);
        assert!(
            err.to_string().contains("append-only") || format!("{err:?}").contains("append-only"),
            "{sql}: {err:?}"
        );
    }
    // The writer role may insert and read, nothing else.
    let grants: Vec<String> = client
        .query(
            "SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'assure_ledger_writer' AND table_name = 'runs' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(grants, ["INSERT", "SELECT"]);

    // Whoever can insert could add target rows: verify compares them with
    // the signed records.
    client
        .batch_execute("INSERT INTO assure_ledger.targets SELECT run, control, target, 'pass', findings FROM assure_ledger.targets LIMIT 1")
        .unwrap();
    let out = assure_clean(
        p.path(),
        &["evidence", "verify", &db.url, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stdout(&out).contains("inconsistent"), "{}", stdout(&out));
}

#[test]
fn a_record_changed_by_the_database_owner_is_named() {
    let Some(db) = database("owner") else { return };
    let p = project();
    let key = ed25519_key(p.path(), "ci");
    assert_eq!(
        code(&assure_clean(
            p.path(),
            &["evidence", "init", &db.url],
            None
        )),
        0
    );
    for _ in 0..3 {
        assert_eq!(code(&scan(p.path(), &db.url, &key)), 1);
    }
    let mut client = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    let digest: String = client
        .query_one(
            "SELECT digest FROM assure_ledger.runs WHERE sequence = 2",
            &[],
        )
        .unwrap()
        .get(0);
    // The owner can switch the trigger off; the record still betrays it.
    client
        .batch_execute(
            "ALTER TABLE assure_ledger.runs DISABLE TRIGGER runs_append_only; \
             UPDATE assure_ledger.runs SET envelope = overlay(envelope placing '\\x41'::bytea from 60 for 1) WHERE sequence = 2; \
             ALTER TABLE assure_ledger.runs ENABLE TRIGGER runs_append_only;",
        )
        .unwrap();
    let pub_file = p.path().join("ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        p.path(),
        &["evidence", "verify", &db.url, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("run {}", &digest[..16])),
        "{}",
        stdout(&out)
    );
}

#[test]
fn concurrent_runs_extend_one_chain_in_postgres() {
    let Some(db) = database("concurrent") else {
        return;
    };
    let p = project();
    let key = ed25519_key(p.path(), "ci");
    assert_eq!(
        code(&assure_clean(
            p.path(),
            &["evidence", "init", &db.url],
            None
        )),
        0
    );
    let args = [
        "test",
        ".",
        "-q",
        "--control",
        "k8s-privileged-container",
        "--evidence",
        &db.url,
    ];
    for out in assure_concurrently(6, p.path(), &args, Some(&key)) {
        assert_eq!(code(&out), 1, "{}", stderr(&out));
    }
    let mut client = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    let sequences: Vec<i64> = client
        .query(
            "SELECT sequence FROM assure_ledger.runs ORDER BY sequence",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(sequences, [1, 2, 3, 4, 5, 6]);
    assert_eq!(records_follow_the_schemas(&mut client), 6);
    let pub_file = p.path().join("ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        p.path(),
        &["evidence", "verify", &db.url, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}
