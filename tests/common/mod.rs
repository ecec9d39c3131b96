//! Helpers shared by the integration tests: run the built binary, read its
//! JUnit back with quick-junit, and validate it with xmllint against the
//! Jenkins JUnit schema in ../shared/reference.

#![allow(dead_code)]

pub mod records;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn assure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assure"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("run assure")
}

pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Where every JUnit report the tests write is kept, so `.ci/run` can
/// validate them all again after the run.
pub fn report_path(name: &str) -> PathBuf {
    let dir = repo().join("target/test-reports");
    std::fs::create_dir_all(&dir).expect("create report dir");
    dir.join(name)
}

/// Validate with xmllint against the JUnit XSD. In CI both must exist; on a
/// laptop without them the check is skipped with a note.
pub fn validate_junit(path: &Path) {
    let xsd = repo().join("../shared/reference/junit-10.xsd");
    let have_xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    if !xsd.exists() || !have_xmllint {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have xmllint and {}",
            xsd.display()
        );
        eprintln!(
            "note: skipping XSD validation (no xmllint or no {})",
            xsd.display()
        );
        return;
    }
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .arg(path)
        .output()
        .expect("run xmllint");
    assert!(
        out.status.success(),
        "{} does not validate:\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Run `assure test` with `--junit`, validate and parse the report.
pub fn junit_run(name: &str, args: &[&str]) -> (Output, quick_junit::Report) {
    let path = report_path(name);
    let _ = std::fs::remove_file(&path);
    let path_str = path.to_string_lossy().into_owned();
    let mut all = vec!["test", "--junit", &path_str];
    all.extend_from_slice(args);
    let out = assure(&all);
    let xml = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("no JUnit report ({e}); stderr: {}", stderr(&out)));
    validate_junit(&path);
    let report =
        quick_junit::Report::deserialize_from_str(&xml).expect("quick-junit reads the report back");
    (out, report)
}

/// A built-in control's `pass` or `fail` fixtures, relative to the
/// repository (`policies/<area>/<id>/<kind>`), found by the control id.
pub fn fixtures(id: &str, kind: &str) -> String {
    fn find(dir: &Path, id: &str) -> Option<PathBuf> {
        for e in std::fs::read_dir(dir).ok()?.flatten() {
            let p = e.path();
            if !p.is_dir() {
                continue;
            }
            if p.file_name().is_some_and(|n| n == id) {
                return Some(p);
            }
            if let Some(found) = find(&p, id) {
                return Some(found);
            }
        }
        None
    }
    let dir = find(&repo().join("policies"), id).unwrap_or_else(|| panic!("no folder for {id}"));
    let rel = dir.strip_prefix(repo()).expect("under the repository");
    format!("{}/{kind}", rel.to_string_lossy().replace('\\', "/"))
}

/// The ISO date `days` from today (UTC), for waivers that must not expire
/// during the test nor lie beyond `max_waiver_days`.
pub fn in_days(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days)).to_string()
}

/// A fresh OpenSSH Ed25519 key in `dir`: `NAME` (private) and `NAME.pub`
/// (public, comment ci@example.com). Returns the private key's path.
pub fn ed25519_key(dir: &Path, name: &str) -> PathBuf {
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("generate a key");
    let path = dir.join(name);
    let private = key.to_openssh(ssh_key::LineEnding::LF).expect("encode key");
    std::fs::write(&path, private.as_bytes()).expect("write key");
    let public = key.public_key().to_openssh().expect("encode public key");
    std::fs::write(
        dir.join(format!("{name}.pub")),
        format!("{public} ci@example.com\n"),
    )
    .expect("write public key");
    path
}

/// `assure` in `dir` with none of the CI or assure variables of the
/// environment the tests run in, and `key` as ASSURE_SIGNING_KEY.
pub fn assure_clean(dir: &Path, args: &[&str], key: Option<&Path>) -> Output {
    clean_command(dir, args, key).output().expect("run assure")
}

/// `n` runs of `assure ARGS` started at once, each run's output.
pub fn assure_concurrently(n: usize, dir: &Path, args: &[&str], key: Option<&Path>) -> Vec<Output> {
    let children: Vec<std::process::Child> = (0..n)
        .map(|_| {
            clean_command(dir, args, key)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("start assure")
        })
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait for assure"))
        .collect()
}

fn clean_command(dir: &Path, args: &[&str], key: Option<&Path>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assure"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (k, _) in std::env::vars() {
        let ci = k == "CI"
            || k.starts_with("GITHUB_")
            || k.starts_with("GITLAB")
            || k.starts_with("CI_")
            || k.starts_with("ASSURE_");
        if ci {
            cmd.env_remove(k);
        }
    }
    if let Some(k) = key {
        cmd.env("ASSURE_SIGNING_KEY", k);
    }
    cmd
}
