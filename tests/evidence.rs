//! The evidence ledger end to end: records written by `assure test
//! --evidence` follow the published schema and verify (with assure and with
//! ssh-keygen); every way of tampering with a ledger of 100 runs is caught
//! and names the record; concurrent runs and a branch whose push is
//! rejected still leave one chain.

mod common;

use assure::evidence::signing::Signer;
use assure::evidence::statement::Statement;
use assure::evidence::store::{ChainKey, Store};
use common::records::{assert_record_follows_the_schemas, assert_valid, payload_of, schema};
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CONFIG: &str = "waivers:\n  - control: local-bucket-versioning\n    path: \"infra/**\"\n    resource: aws_s3_bucket.legacy\n    reason: retired with the 2027 archive\n    owner: data@example.com\n    approved_by: ciso@example.com\n    ticket: SEC-7\n    expires: 2027-01-31\n";

const POLICY: &str = "# METADATA\n# title: Buckets keep versions\n# custom:\n#   id: local-bucket-versioning\n#   severity: medium\n#   soc2: [A1.2]\n#   inputs: [terraform]\n#   resource_types: [aws_s3_bucket]\n#   remediation: Enable versioning.\npackage local.versioning\n\nimport rego.v1\n\nresources contains sprintf(\"aws_s3_bucket.%s\", [name]) if some name, _ in input.resource.aws_s3_bucket\n\ndeny contains {\"msg\": sprintf(\"bucket %s keeps no versions\", [name]), \"resource\": sprintf(\"aws_s3_bucket.%s\", [name])} if {\n  some name, bodies in input.resource.aws_s3_bucket\n  some b in bodies\n  not b.versioning\n}\n";

const TF: &str = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n  versioning {\n    enabled = true\n  }\n}\n\nresource \"aws_s3_bucket\" \"legacy\" {\n  bucket = \"legacy\"\n}\n\nresource \"aws_s3_bucket\" \"reports\" { # assure:waive local-bucket-versioning until 2027-01-01 owner data@example.com rebuilt next quarter\n  bucket = \"reports\"\n}\n";

/// A git repository with a config, one policy and one Terraform file.
struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    out
}

fn new_repo() -> Repo {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("app");
    write(&root, "assure.yaml", CONFIG);
    write(&root, "policy/versioning.rego", POLICY);
    write(&root, "infra/main.tf", TF);
    git(&root, &["init", "-q", "-b", "main"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "init"]);
    git(
        &root,
        &[
            "remote",
            "add",
            "origin",
            "https://x-access-token:ghs_tok@github.com/Acme/App.git",
        ],
    );
    Repo { _dir: dir, root }
}

/// `assure test` on the repository with its policy, recorded in `store`.
fn record(repo: &Repo, store: &str, key: Option<&Path>) -> Output {
    assure_clean(
        &repo.root,
        &[
            "test",
            ".",
            "-p",
            "policy",
            "--no-builtin",
            "--evidence",
            store,
        ],
        key,
    )
}

fn record_files(ledger: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(ledger)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .flat_map(|d| {
            std::fs::read_dir(d.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

fn payload(file: &Path) -> serde_json::Value {
    payload_of(&serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap())
}

/// Every record of a ledger folder follows both schemas: its envelope and
/// the statement inside.
fn records_follow_the_schema(files: &[PathBuf]) {
    assert!(!files.is_empty());
    for f in files {
        assert_record_follows_the_schemas(&std::fs::read(f).unwrap(), &f.display().to_string());
    }
}

fn sha256(bytes: &[u8]) -> String {
    assure::digest::sha256_hex(bytes)
}

#[test]
fn recorded_runs_follow_the_schema_and_verify_with_assure_and_ssh_keygen() {
    let repo = new_repo();
    let private = ed25519_key(&repo.root.join(".."), "ci");
    let public = std::fs::read_to_string(repo.root.join("../ci.pub")).unwrap();
    let ledger = repo.root.join("../ledger");
    let ledger_s = ledger.to_string_lossy().into_owned();
    for _ in 0..3 {
        let out = record(&repo, &ledger_s, Some(&private));
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stderr(&out).contains("recorded run"), "{}", stderr(&out));
    }
    let files = record_files(&ledger);
    assert_eq!(files.len(), 3);
    let (envelope_schema, statement_schema) = (
        schema("envelope.schema.json"),
        schema("statement.schema.json"),
    );
    let mut previous: Option<String> = None;
    for (i, f) in files.iter().enumerate() {
        let env: serde_json::Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
        assert_valid(&envelope_schema, &env, &f.display().to_string());
        let p = payload(f);
        assert_valid(&statement_schema, &p, &f.display().to_string());
        let pred = &p["predicate"];
        assert_eq!(pred["chain"]["sequence"], i as u64 + 1);
        assert_eq!(
            pred["chain"]["previous"].as_str().map(str::to_owned),
            previous
        );
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(env["payload"].as_str().unwrap())
            .unwrap();
        previous = Some(sha256(&bytes));
    }
    // What the first record says of the run.
    let p = payload(&files[0]);
    let pred = &p["predicate"];
    assert_eq!(pred["chain"]["repository"], "github.com/acme/app");
    assert_eq!(pred["chain"]["branch"], "main");
    let head = stdout(&git(&repo.root, &["rev-parse", "HEAD"]));
    assert_eq!(pred["source"]["commit"], head.trim());
    assert_eq!(pred["source"]["dirty"], false);
    assert!(
        !pred.to_string().contains("ghs_tok"),
        "a credential reached the record"
    );
    assert_eq!(pred["clock"], "system");
    assert_eq!(pred["ci"], serde_json::Value::Null);
    let tf = std::fs::read(repo.root.join("infra/main.tf")).unwrap();
    let subjects: Vec<(String, String)> = p["subject"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["digest"]["sha256"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        subjects.contains(&("infra/main.tf".to_owned(), sha256(&tf))),
        "{subjects:?}"
    );
    let config = std::fs::read(repo.root.join("assure.yaml")).unwrap();
    assert_eq!(pred["config"]["sha256"], sha256(&config));
    assert_eq!(pred["config"]["name"], "assure.yaml");
    let policy = std::fs::read(repo.root.join("policy/versioning.rego")).unwrap();
    assert_eq!(pred["policies"]["files"][0]["sha256"], sha256(&policy));
    let waivers = pred["waivers"].as_array().unwrap();
    let by_origin = |o: &str| {
        waivers
            .iter()
            .find(|w| w["origin"] == o)
            .unwrap_or_else(|| panic!("no {o} waiver: {waivers:?}"))
    };
    assert_eq!(by_origin("config")["approved_by"], "ciso@example.com");
    assert_eq!(by_origin("config")["ticket"], "SEC-7");
    assert_eq!(by_origin("config")["status"], "applied");
    assert_eq!(by_origin("config")["declared"], "assure.yaml:2");
    assert_eq!(by_origin("inline")["approved_by"], serde_json::Value::Null);
    let targets: Vec<(String, String)> = pred["controls"][0]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap().to_owned(),
                t["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            (
                "infra/main.tf#aws_s3_bucket.legacy".to_owned(),
                "waived".to_owned()
            ),
            (
                "infra/main.tf#aws_s3_bucket.logs".to_owned(),
                "pass".to_owned()
            ),
            (
                "infra/main.tf#aws_s3_bucket.reports".to_owned(),
                "waived".to_owned()
            ),
        ]
    );

    // assure verifies them against the public key and an allowed_signers file.
    let pub_file = repo.root.join("../ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        &repo.root,
        &["evidence", "verify", &ledger_s, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("VERIFIED: 3 of 3 records"),
        "{}",
        stdout(&out)
    );
    let signers = repo.root.join("../allowed_signers");
    std::fs::write(
        &signers,
        format!("ci@example.com namespaces=\"assure-evidence\" {public}"),
    )
    .unwrap();
    let signers_s = signers.to_string_lossy().into_owned();
    let out = assure_clean(
        &repo.root,
        &[
            "evidence",
            "verify",
            &ledger_s,
            "--allowed-signers",
            &signers_s,
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("ci@example.com (SHA256:"),
        "{}",
        stdout(&out)
    );
    let out = assure_clean(&repo.root, &["evidence", "list", &ledger_s], None);
    assert_eq!(stdout(&out).lines().count(), 4, "{}", stdout(&out));
    let id = &stdout(&out)[..12];
    let out = assure_clean(&repo.root, &["evidence", "show", &ledger_s, id], None);
    assert!(
        stdout(&out).contains("approved by ciso@example.com, ticket SEC-7"),
        "{}",
        stdout(&out)
    );

    // ssh-keygen checks a record without assure, as the README shows.
    if Command::new("ssh-keygen").arg("-?").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must have ssh-keygen");
        eprintln!("note: no ssh-keygen, the OpenSSH check is skipped");
        return;
    }
    let script = format!(
        "set -e\nrec={rec}\ntype=$(jq -r .payloadType \"$rec\")\njq -r .payload \"$rec\" | base64 -d > payload.json\nprintf 'DSSEv1 %d %s %d ' ${{#type}} \"$type\" $(wc -c < payload.json) > signed.bin\ncat payload.json >> signed.bin\njq -r '.signatures[0].sig' \"$rec\" | base64 -d > record.sig\nssh-keygen -Y verify -f {signers} -I ci@example.com -n assure-evidence -s record.sig < signed.bin\n",
        rec = files[1].display(),
        signers = signers.display()
    );
    let has_jq = Command::new("jq").arg("--version").output().is_ok();
    if !has_jq {
        assert!(std::env::var_os("CI").is_none(), "CI must have jq");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("Good \"assure-evidence\" signature for ci@example.com"),
        "{}",
        stdout(&out)
    );
    // And refuses it once a byte of the payload changed.
    let tampered = script.replace(
        "cat payload.json >> signed.bin",
        "sed 's/\"sequence\":2/\"sequence\":9/' payload.json >> signed.bin",
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&tampered)
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "ssh-keygen accepted a changed record"
    );
}

/// A ledger of `n` runs signed by `signer`, written through the store as a
/// run would write them, from the statement of one real run.
fn ledger_of(n: usize, signer: &Signer, template: &Statement, dir: &Path) {
    let mut store = Store::open(&dir.to_string_lossy(), true).unwrap();
    let chain = ChainKey::of(template);
    let mut statement = template.clone();
    for i in 0..n {
        store
            .append(&chain, &mut |head| {
                statement.predicate.chain.sequence = head.as_ref().map_or(1, |h| h.sequence + 1);
                statement.predicate.chain.previous = head.map(|h| h.digest);
                statement.predicate.time =
                    format!("2026-{:02}-{:02}T10:00:00.000Z", 1 + i / 28, 1 + i % 28);
                assure::evidence::seal(&statement, Some(signer))
            })
            .unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn a_ledger_of_100_runs_verifies_and_every_tampering_names_its_record() {
    let repo = new_repo();
    let base = repo.root.join("..");
    let private_a = ed25519_key(&base, "a");
    let private_b = ed25519_key(&base, "b");
    let one = base.join("one");
    let out = record(&repo, &one.to_string_lossy(), Some(&private_a));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let template: Statement = serde_json::from_value(payload(&record_files(&one)[0])).unwrap();
    let signer_a =
        Signer::from_openssh(&std::fs::read_to_string(&private_a).unwrap(), None).unwrap();
    let signer_b =
        Signer::from_openssh(&std::fs::read_to_string(&private_b).unwrap(), None).unwrap();
    let good = base.join("good");
    ledger_of(100, &signer_a, &template, &good);
    let key_a = base.join("a.pub").to_string_lossy().into_owned();
    let verify = |dir: &Path| -> Output {
        assure_clean(
            &base,
            &[
                "evidence",
                "verify",
                &dir.to_string_lossy(),
                "--key",
                &key_a,
            ],
            None,
        )
    };
    let out = verify(&good);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(
        stdout(&out).starts_with("VERIFIED: 100 of 100 records"),
        "{}",
        stdout(&out)
    );
    let files = record_files(&good);
    assert_eq!(files.len(), 100);
    let name = |p: &Path| {
        let rel = p.strip_prefix(&good).unwrap();
        rel.to_string_lossy().into_owned()
    };
    let mut case = 0;
    let mut tampered = |change: &dyn Fn(&Path, &[PathBuf]), named: &[&Path], kind: &str| {
        case += 1;
        let dir = base.join(format!("case-{case}"));
        copy_dir(&good, &dir);
        let copies: Vec<PathBuf> = files
            .iter()
            .map(|f| dir.join(f.strip_prefix(&good).unwrap()))
            .collect();
        change(&dir, &copies);
        let out = verify(&dir);
        let text = stdout(&out);
        assert_eq!(code(&out), 1, "case {case} ({kind}) passed:\n{text}");
        assert!(text.contains(kind), "case {case}: no `{kind}`:\n{text}");
        for n in named {
            assert!(
                text.contains(&name(n)),
                "case {case} ({kind}) does not name {}:\n{text}",
                name(n)
            );
        }
    };
    // One byte changed anywhere: the payload, the signature, the key id, the
    // JSON around them.
    for (record, at) in [
        (0usize, 40usize),
        (17, 2000),
        (50, 30),
        (99, 5),
        (63, usize::MAX),
    ] {
        let f = files[record].clone();
        let kind = if at == 5 { "unreadable" } else { "" };
        tampered(
            &|_, copies| {
                let mut bytes = std::fs::read(&copies[record]).unwrap();
                let i = if at == usize::MAX {
                    bytes.len() - 30
                } else {
                    at.min(bytes.len() - 2)
                };
                bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
                std::fs::write(&copies[record], bytes).unwrap();
            },
            &[&f],
            kind,
        );
    }
    // Any record but the newest deleted: the next one names the gap.
    for gone in [0usize, 36, 98] {
        tampered(
            &|_, copies| std::fs::remove_file(&copies[gone]).unwrap(),
            &[&files[gone + 1]],
            "missing link",
        );
    }
    // Two records swapped.
    tampered(
        &|_, copies| {
            let (a, b) = (
                std::fs::read(&copies[10]).unwrap(),
                std::fs::read(&copies[11]).unwrap(),
            );
            std::fs::write(&copies[10], b).unwrap();
            std::fs::write(&copies[11], a).unwrap();
        },
        &[&files[10], &files[11]],
        "misfiled",
    );
    // A record signed again with another key.
    tampered(
        &|_, copies| {
            let bytes = std::fs::read(&copies[42]).unwrap();
            let mut env = assure::evidence::envelope::Envelope::from_canonical(&bytes).unwrap();
            env.signatures.clear();
            signer_b.sign(&mut env).unwrap();
            std::fs::write(&copies[42], env.to_canonical()).unwrap();
        },
        &[&files[42]],
        "unknown key",
    );
    // A record whose signature was removed.
    tampered(
        &|_, copies| {
            let bytes = std::fs::read(&copies[7]).unwrap();
            let mut env = assure::evidence::envelope::Envelope::from_canonical(&bytes).unwrap();
            env.signatures.clear();
            std::fs::write(&copies[7], env.to_canonical()).unwrap();
        },
        &[&files[7]],
        "unsigned",
    );
    // A second record 60 (a fork).
    tampered(
        &|_, copies| {
            let bytes = std::fs::read(&copies[59]).unwrap();
            let dir = copies[59].parent().unwrap();
            let mut other = template.clone();
            other.predicate.chain.sequence = 60;
            other.predicate.chain.previous = Some(payload_digest(&copies[58]));
            other.predicate.time = "2026-03-04T11:00:00.000Z".into();
            let record = assure::evidence::seal(&other, Some(&signer_a)).unwrap();
            assert_ne!(record.bytes, bytes);
            std::fs::write(
                dir.join(assure::evidence::store::dir::record_name(
                    60,
                    &record.digest,
                )),
                record.bytes,
            )
            .unwrap();
        },
        &[&files[59]],
        "fork",
    );
    // The newest record removed: a chain cannot see its own end (the README
    // says so, and the period report's completeness check covers it).
    let dir = base.join("no-tail");
    copy_dir(&good, &dir);
    std::fs::remove_file(dir.join(files[99].strip_prefix(&good).unwrap())).unwrap();
    assert_eq!(code(&verify(&dir)), 0);
    // Without trusted keys, signatures are checked against their own key,
    // and the output says who signed is not known.
    let out = assure_clean(
        &base,
        &["evidence", "verify", &good.to_string_lossy()],
        None,
    );
    assert_eq!(code(&out), 0);
    assert!(
        stdout(&out).contains("give --key or --allowed-signers"),
        "{}",
        stdout(&out)
    );
}

fn payload_digest(file: &Path) -> String {
    let env = assure::evidence::envelope::Envelope::from_canonical(&std::fs::read(file).unwrap())
        .unwrap();
    sha256(&env.payload_bytes().unwrap())
}

#[test]
fn an_overridden_clock_is_recorded_and_reported() {
    let repo = new_repo();
    let private = ed25519_key(&repo.root.join(".."), "ci");
    let ledger = repo.root.join("../ledger").to_string_lossy().into_owned();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    let out = cmd
        .args([
            "test",
            ".",
            "-p",
            "policy",
            "--no-builtin",
            "--evidence",
            &ledger,
        ])
        .current_dir(&repo.root)
        .env("ASSURE_SIGNING_KEY", &private)
        .env("ASSURE_NOW", "2027-02-01T09:00:00Z")
        .output()
        .unwrap();
    // The config's waiver expired on 2027-01-31 by that clock.
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let files = record_files(Path::new(&ledger));
    records_follow_the_schema(&files);
    let p = payload(&files[0]);
    assert_eq!(p["predicate"]["clock"], "override");
    assert_eq!(p["predicate"]["time"], "2027-02-01T09:00:00.000Z");
    let pub_file = repo.root.join("../ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        &repo.root,
        &["evidence", "verify", &ledger, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("clock overridden"),
        "{}",
        stdout(&out)
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(["test", ".", "-p", "policy", "--no-builtin"])
        .current_dir(&repo.root)
        .env("ASSURE_NOW", "yesterday")
        .output()
        .unwrap();
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("ASSURE_NOW"), "{}", stderr(&bad));
}

#[test]
fn a_run_that_cannot_be_recorded_stops_before_it_scans() {
    let repo = new_repo();
    let base = repo.root.join("..");
    write(&base, "not-a-key", "hello");
    write(&base, "busy/notes.txt", "not a ledger");
    let ledger = base.join("ledger").to_string_lossy().into_owned();
    let bad_key = base.join("not-a-key");
    let out = record(&repo, &ledger, Some(&bad_key));
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not an OpenSSH private key"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty(), "scanned anyway: {}", stdout(&out));
    let busy = base.join("busy").to_string_lossy().into_owned();
    let out = record(&repo, &busy, None);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("holds other files"),
        "{}",
        stderr(&out)
    );
    // Unsigned runs are recorded, and verify reports them.
    let out = record(&repo, &ledger, None);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unsigned (ASSURE_SIGNING_KEY is not set)"),
        "{}",
        stderr(&out)
    );
    let out = assure_clean(&repo.root, &["evidence", "verify", &ledger], None);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("unsigned"), "{}", stdout(&out));
}

#[test]
fn a_ledger_inside_the_repository_is_not_scanned() {
    let repo = new_repo();
    write(
        &repo.root,
        "assure.yaml",
        &format!("{CONFIG}evidence: .assure/evidence\n"),
    );
    for _ in 0..2 {
        let out = assure_clean(
            &repo.root,
            &[
                "test",
                ".",
                "-p",
                "policy",
                "--no-builtin",
                "--format",
                "json",
            ],
            None,
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(v["summary"]["input_errors"], 0);
        assert!(
            !stdout(&out).contains(".assure/evidence"),
            "the ledger was scanned"
        );
    }
    let files = record_files(&repo.root.join(".assure/evidence"));
    assert_eq!(files.len(), 2);
    records_follow_the_schema(&files);
    let names: Vec<String> = payload(&files[1])["subject"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".assure")), "{names:?}");
    // The repository now has uncommitted files: the ledger and the config.
    assert_eq!(payload(&files[1])["predicate"]["source"]["dirty"], true);
}

#[test]
fn concurrent_runs_extend_one_chain() {
    let repo = new_repo();
    let private = ed25519_key(&repo.root.join(".."), "ci");
    let ledger = repo.root.join("../ledger").to_string_lossy().into_owned();
    let args = [
        "test",
        ".",
        "-p",
        "policy",
        "--no-builtin",
        "-q",
        "--evidence",
        &ledger,
    ];
    for out in assure_concurrently(4, &repo.root, &args, Some(&private)) {
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let files = record_files(Path::new(&ledger));
    records_follow_the_schema(&files);
    let sequences: Vec<u64> = files
        .iter()
        .map(|f| {
            payload(f)["predicate"]["chain"]["sequence"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(sequences, [1, 2, 3, 4]);
    let pub_file = repo.root.join("../ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        &repo.root,
        &["evidence", "verify", &ledger, "--key", &pub_file],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn a_ledger_kept_on_a_branch_survives_a_rejected_push() {
    let repo = new_repo();
    let base = repo.root.join("..");
    let private = ed25519_key(&base, "ci");
    let remote = base.join("remote.git");
    git(
        &base,
        &[
            "init",
            "-q",
            "--bare",
            "-b",
            "main",
            &remote.to_string_lossy(),
        ],
    );
    git(
        &repo.root,
        &["remote", "set-url", "origin", &remote.to_string_lossy()],
    );
    git(&repo.root, &["push", "-q", "origin", "main"]);
    let other = base.join("other");
    git(
        &base,
        &[
            "clone",
            "-q",
            &remote.to_string_lossy(),
            &other.to_string_lossy(),
        ],
    );
    let script = common::repo().join("scripts/evidence-to-branch.sh");
    let bin = env!("CARGO_BIN_EXE_assure");
    // The command run by the first job records, then (once) lets the second
    // job push its record first, as a job that finished earlier would.
    let racer = base.join("racer.sh");
    std::fs::write(
        &racer,
        format!(
            "#!/usr/bin/env bash\n{bin} \"$@\"\nstatus=$?\nif [ ! -e {flag} ]; then\n  touch {flag}\n  (cd {other} && bash {script} assure-evidence -- {bin} test . -p policy --no-builtin -q >/dev/null) || exit 9\nfi\nexit $status\n",
            flag = base.join("raced").display(),
            other = other.display(),
            script = script.display(),
        ),
    )
    .unwrap();
    let out = Command::new("bash")
        .arg(&script)
        .args(["assure-evidence", "--", "bash"])
        .arg(&racer)
        .args(["test", ".", "-p", "policy", "--no-builtin", "-q"])
        .current_dir(&repo.root)
        .env("ASSURE_SIGNING_KEY", &private)
        .env_remove("CI")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stderr(&out).contains("was rejected"),
        "the push was not rejected: {}",
        stderr(&out)
    );
    // The branch holds one chain of two records, the first job's after the
    // second's.
    let check = base.join("check");
    git(
        &base,
        &[
            "clone",
            "-q",
            "-b",
            "assure-evidence",
            &remote.to_string_lossy(),
            &check.to_string_lossy(),
        ],
    );
    let ledger = check.join("ledger");
    let files = record_files(&ledger);
    assert_eq!(files.len(), 2, "{files:?}");
    records_follow_the_schema(&files);
    let pub_file = base.join("ci.pub").to_string_lossy().into_owned();
    let out = assure_clean(
        &base,
        &[
            "evidence",
            "verify",
            &ledger.to_string_lossy(),
            "--key",
            &pub_file,
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let branch_files = stdout(&git(&check, &["ls-files"]));
    assert!(
        branch_files.lines().all(|l| l.starts_with("ledger/")),
        "{branch_files}"
    );
}

#[test]
fn a_record_names_files_within_the_repository_and_digests_its_baseline() {
    // Scanned by absolute path from outside the repository: the record
    // names the config, waivers and baseline as the repository does, not
    // as this machine's folders.
    let repo = new_repo();
    let base = repo.root.join("..");
    let root = repo.root.to_string_lossy().into_owned();
    let policy = repo.root.join("policy").to_string_lossy().into_owned();
    let baseline = repo.root.join(".assure/baseline.json");
    let baseline_s = baseline.to_string_lossy().into_owned();
    let out = assure_clean(
        &base,
        &[
            "baseline",
            &root,
            "-p",
            &policy,
            "--no-builtin",
            "-o",
            &baseline_s,
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ledger = base.join("ledger").to_string_lossy().into_owned();
    let out = assure_clean(
        &base,
        &[
            "test",
            &root,
            "-p",
            &policy,
            "--no-builtin",
            "--baseline",
            &baseline_s,
            "--evidence",
            &ledger,
            "-q",
        ],
        None,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // Said even with --quiet: the line an auditor compares the ledger with.
    assert!(stderr(&out).contains("recorded run"), "{}", stderr(&out));
    let files = record_files(Path::new(&ledger));
    records_follow_the_schema(&files);
    let p = payload(&files[0])["predicate"].clone();
    assert_eq!(p["config"]["name"], "assure.yaml");
    let declared: Vec<&str> = p["waivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["declared"].as_str().unwrap())
        .collect();
    assert!(
        declared.iter().any(|d| d.starts_with("assure.yaml:")),
        "{declared:?}"
    );
    assert!(declared.iter().all(|d| !d.starts_with('/')), "{declared:?}");
    assert_eq!(p["baseline"]["file"], ".assure/baseline.json");
    assert_eq!(
        p["baseline"]["sha256"],
        sha256(&std::fs::read(&baseline).unwrap())
    );
}
