//! The GitHub Action's install step (`scripts/install-assure.sh`) against a
//! fake release served over HTTP on 127.0.0.1: a verified archive is
//! installed and then reused from the cache without a download; a tampered
//! archive, or one without exactly one SHA256SUMS line, is refused and never
//! replaced by a build from source; a release without the runner's archive
//! is built from source (a fake `cargo` first on the PATH records the call).
//! Also: the workflows and action.yml have what GitHub requires and pin
//! actions by commit SHA, release.yml builds exactly the targets the script
//! downloads, and the shell scripts (the workflows' `run` steps too) pass
//! shellcheck.

#![cfg(unix)]

mod common;

use common::{code, repo, stderr, stdout};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The target of RUNNER_OS=Linux RUNNER_ARCH=X64, the fixture's default.
const TARGET: &str = "x86_64-unknown-linux-musl";

/// Stands in for cargo: records its arguments, and "builds" an assure under
/// `--root` so the install can finish.
const FAKE_CARGO: &str = r#"#!/bin/sh
printf '%s\n' "$*" >>"$FAKE_CARGO_LOG"
root=""
while [ $# -gt 0 ]; do
  if [ "$1" = --root ]; then root=$2; fi
  shift
done
mkdir -p "$root/bin"
printf '#!/bin/sh\necho "assure 0.1.0 (built from source)"\n' >"$root/bin/assure"
chmod +x "$root/bin/assure"
"#;

fn archive_name(target: &str) -> String {
    if target.contains("windows") {
        format!("assure-{target}.zip")
    } else {
        format!("assure-{target}.tar.gz")
    }
}

fn write_exe(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

fn version_of(exe: &Path) -> String {
    let out = Command::new(exe)
        .arg("--version")
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", exe.display()));
    stdout(&out).trim().to_owned()
}

/// `python3 -m http.server` on a free port of 127.0.0.1, killed on drop.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Server {
    fn start(root: &Path, log: PathBuf) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("python3")
            .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
            .arg(root)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(fs::File::create(&log).unwrap())
            .spawn()
            .expect("python3, the tests' HTTP server");
        let mut server = Server { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let exited = server.child.try_wait().unwrap();
            assert!(
                exited.is_none() && Instant::now() < deadline,
                "the HTTP server did not start on port {port}: {}",
                fs::read_to_string(&server.log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The paths requested so far, from the server's log.
    fn requests(&self) -> Vec<String> {
        fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter_map(|line| line.split('"').nth(1)?.strip_prefix("GET "))
            .map(|request| request.split(' ').next().unwrap_or("").to_owned())
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A temporary folder with the releases to serve, the action's source (its
/// Cargo.toml says 0.1.0), the fake cargo, and where the script installs.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        for d in ["releases", "source", "bin", "home", "cache"] {
            fs::create_dir_all(fixture.path(d)).unwrap();
        }
        fs::write(
            fixture.path("source/Cargo.toml"),
            "[package]\nname = \"assure\"\nversion = \"0.1.0\"\n",
        )
        .unwrap();
        write_exe(&fixture.path("bin/cargo"), FAKE_CARGO);
        fixture
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn install_dir(&self) -> PathBuf {
        self.path("cache/assure")
    }

    fn server(&self) -> Server {
        Server::start(&self.path("releases"), self.path("server.log"))
    }

    /// An archive holding an `assure` (`assure.exe` in a zip) that prints
    /// `says` for --version, and a README.
    fn archive(&self, path: &Path, says: &str) {
        let stage = tempfile::tempdir().unwrap();
        let zip = path.extension().is_some_and(|e| e == "zip");
        let exe = if zip { "assure.exe" } else { "assure" };
        write_exe(
            &stage.path().join(exe),
            &format!("#!/bin/sh\necho \"{says}\"\n"),
        );
        fs::write(stage.path().join("README.md"), "# assure\n").unwrap();
        let status = if zip {
            Command::new("python3")
                .args(["-m", "zipfile", "-c"])
                .arg(path)
                .args([exe, "README.md"])
                .current_dir(stage.path())
                .status()
        } else {
            Command::new("tar")
                .arg("-czf")
                .arg(path)
                .arg("-C")
                .arg(stage.path())
                .args([exe, "README.md"])
                .status()
        };
        assert!(status.unwrap().success(), "making {}", path.display());
    }

    /// Release `tag` with these archives (file name, what its assure says)
    /// and a SHA256SUMS of them, written by sha256sum as the release
    /// workflow does.
    fn release(&self, tag: &str, archives: &[(&str, &str)]) {
        let dir = self.path(&format!("releases/{tag}"));
        fs::create_dir_all(&dir).unwrap();
        for (name, says) in archives {
            self.archive(&dir.join(name), says);
        }
        let out = Command::new("sha256sum")
            .args(archives.iter().map(|(name, _)| *name))
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        fs::write(dir.join("SHA256SUMS"), out.stdout).unwrap();
    }

    /// Runs the install script as the action does on a Linux X64 runner,
    /// with `vars` on top (an empty value unsets the variable).
    fn run(&self, base_url: &str, vars: &[(&str, &str)], args: &[&str]) -> Output {
        let path = format!(
            "{}:{}",
            self.path("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = Command::new("bash");
        cmd.arg(repo().join("scripts/install-assure.sh"))
            .args(args)
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.path("home"))
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_ARCH", "X64")
            .env("ASSURE_VERSION", "v0.1.0")
            .env("ASSURE_REPOSITORY", "example/assure")
            .env("ASSURE_RELEASE_BASE_URL", base_url)
            .env("ASSURE_SOURCE", self.path("source"))
            .env("ASSURE_INSTALL_DIR", self.install_dir())
            .env("GITHUB_PATH", self.path("github_path"))
            .env("FAKE_CARGO_LOG", self.path("cargo.log"));
        for (name, value) in vars {
            if value.is_empty() {
                cmd.env_remove(name);
            } else {
                cmd.env(name, value);
            }
        }
        cmd.output().expect("run bash")
    }

    fn cargo_calls(&self) -> String {
        fs::read_to_string(self.path("cargo.log")).unwrap_or_default()
    }

    fn github_path(&self) -> String {
        fs::read_to_string(self.path("github_path")).unwrap_or_default()
    }

    /// Nothing at all under the install folder's parent (no staged copy
    /// left either), nothing added to the PATH, no build.
    fn assert_nothing_installed(&self, why: &str) {
        let left: Vec<_> = fs::read_dir(self.path("cache"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(left.is_empty(), "{why}: left {left:?}");
        assert_eq!(self.github_path(), "", "{why}: GITHUB_PATH written");
        assert_eq!(
            self.cargo_calls(),
            "",
            "{why}: fell back to a build from source"
        );
    }
}

#[test]
fn a_verified_release_is_installed_then_reused_without_a_download() {
    let f = Fixture::new();
    let name = archive_name(TARGET);
    f.release("v0.1.0", &[(name.as_str(), "assure 0.1.0")]);
    let server = f.server();
    let url = server.url();

    let out = f.run(&url, &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bin = f.install_dir().join("bin");
    assert_eq!(stdout(&out).trim(), bin.to_str().unwrap());
    assert_eq!(f.github_path(), format!("{}\n", bin.display()));
    assert_eq!(version_of(&bin.join("assure")), "assure 0.1.0");
    assert_eq!(f.cargo_calls(), "");
    assert_eq!(
        server.requests(),
        ["/v0.1.0/SHA256SUMS".to_owned(), format!("/v0.1.0/{name}")]
    );

    // The job after, with the install restored from actions/cache: with the
    // server gone, any download would fail the run.
    drop(server);
    let cached = f.run(&url, &[], &[]);
    assert!(cached.status.success(), "{}", stderr(&cached));
    assert!(
        stderr(&cached).contains("using the cached install"),
        "{}",
        stderr(&cached)
    );
    assert_eq!(stdout(&cached).trim(), bin.to_str().unwrap());
    assert_eq!(f.github_path(), format!("{0}\n{0}\n", bin.display()));
    assert_eq!(f.cargo_calls(), "");

    // A branch moves: what was installed for a tag is not reused for it,
    // and no release is looked for.
    let branch = f.run(&url, &[("ASSURE_VERSION", "main")], &[]);
    assert!(branch.status.success(), "{}", stderr(&branch));
    assert!(
        f.cargo_calls().starts_with("install --locked "),
        "{}",
        f.cargo_calls()
    );
    assert_eq!(
        version_of(&bin.join("assure")),
        "assure 0.1.0 (built from source)"
    );
}

#[test]
fn a_tampered_archive_is_refused_and_not_built_from_source_instead() {
    let f = Fixture::new();
    let name = archive_name(TARGET);
    f.release("v0.1.0", &[(name.as_str(), "assure 0.1.0")]);
    // The archive changes after its checksum was published.
    f.archive(
        &f.path(&format!("releases/v0.1.0/{name}")),
        "assure 0.1.0 with a backdoor",
    );
    let server = f.server();
    let out = f.run(&server.url(), &[], &[]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("checksum mismatch") && stderr(&out).contains(&name),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
    f.assert_nothing_installed("a tampered archive");
}

#[test]
fn an_archive_without_exactly_one_checksum_line_is_refused() {
    let f = Fixture::new();
    let name = archive_name(TARGET);
    f.release(
        "v0.1.0",
        &[
            (name.as_str(), "assure 0.1.0"),
            ("assure-aarch64-apple-darwin.tar.gz", "assure 0.1.0"),
        ],
    );
    let sums_path = f.path("releases/v0.1.0/SHA256SUMS");
    let sums = fs::read_to_string(&sums_path).unwrap();
    let ours = sums
        .lines()
        .find(|l| l.ends_with(&name))
        .unwrap()
        .to_owned();
    let server = f.server();
    for (case, text) in [
        ("no line", sums.replace(&format!("{ours}\n"), "")),
        ("two lines", format!("{sums}{ours}\n")),
        (
            "only a longer name",
            sums.replace(&ours, &format!("{ours}.old")),
        ),
        ("empty", String::new()),
    ] {
        fs::write(&sums_path, text).unwrap();
        let out = f.run(&server.url(), &[], &[]);
        assert_eq!(code(&out), 1, "{case}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("refusing to install an unverified binary"),
            "{case}: {}",
            stderr(&out)
        );
        f.assert_nothing_installed(case);
    }
}

#[test]
fn a_release_without_this_platform_is_built_from_source() {
    let f = Fixture::new();
    f.release(
        "v0.1.0",
        &[("assure-aarch64-apple-darwin.tar.gz", "assure 0.1.0")],
    );
    let server = f.server();
    let out = f.run(&server.url(), &[], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let calls = f.cargo_calls();
    let source = f.path("source");
    assert!(
        calls.starts_with("install --locked ")
            && calls.contains(&format!(" --path {} ", source.display())),
        "{calls}"
    );
    let bin = f.install_dir().join("bin");
    assert_eq!(stdout(&out).trim(), bin.to_str().unwrap());
    assert_eq!(
        version_of(&bin.join("assure")),
        "assure 0.1.0 (built from source)"
    );
    assert_eq!(
        server.requests(),
        [
            "/v0.1.0/SHA256SUMS".to_owned(),
            format!("/v0.1.0/{}", archive_name(TARGET))
        ]
    );

    // No release at all for the version (not published yet).
    fs::remove_dir_all(f.path("releases/v0.1.0")).unwrap();
    let elsewhere = f.path("cache/elsewhere");
    let out = f.run(
        &server.url(),
        &[("ASSURE_INSTALL_DIR", elsewhere.to_str().unwrap())],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(f.cargo_calls().lines().count(), 2, "{}", f.cargo_calls());
    assert_eq!(
        version_of(&elsewhere.join("bin/assure")),
        "assure 0.1.0 (built from source)"
    );
}

#[test]
fn a_commit_pin_installs_the_release_whose_tag_names_that_commit() {
    let f = Fixture::new();
    f.release("v0.1.0", &[(archive_name(TARGET).as_str(), "assure 0.1.0")]);
    let source = f.path("source");
    let git = |args: &[&str]| -> String {
        let out = Command::new("git")
            .args(["-c", "user.name=test", "-c", "user.email=test@example.com"])
            .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
            .args(["-c", "init.defaultBranch=main"])
            .args(args)
            .current_dir(&source)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", f.path("home"))
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        stdout(&out).trim().to_owned()
    };
    git(&["init", "-q"]);
    git(&["add", "Cargo.toml"]);
    git(&["commit", "-q", "-m", "0.1.0"]);
    git(&["tag", "-a", "v0.1.0", "-m", "0.1.0"]);
    let tagged = git(&["rev-parse", "HEAD"]);
    git(&["commit", "-q", "--allow-empty", "-m", "after 0.1.0"]);
    let later = git(&["rev-parse", "HEAD"]);
    let server = f.server();
    let remote = source.to_str().unwrap();

    let run = |commit: &str, dir: &str| {
        let dir = f.path(dir);
        let out = f.run(
            &server.url(),
            &[
                ("ASSURE_VERSION", commit),
                ("ASSURE_GIT_URL", remote),
                ("ASSURE_INSTALL_DIR", dir.to_str().unwrap()),
            ],
            &[],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        (stderr(&out), version_of(&dir.join("bin/assure")))
    };
    let (log, version) = run(tagged.as_str(), "cache/annotated");
    assert!(log.contains("is release v0.1.0"), "{log}");
    assert_eq!(version, "assure 0.1.0");
    assert_eq!(f.cargo_calls(), "");

    // A lightweight tag (as a release made in GitHub's web page has).
    git(&["tag", "-d", "v0.1.0"]);
    git(&["tag", "v0.1.0", tagged.as_str()]);
    let (log, version) = run(tagged.as_str(), "cache/lightweight");
    assert!(log.contains("is release v0.1.0"), "{log}");
    assert_eq!(version, "assure 0.1.0");
    assert_eq!(f.cargo_calls(), "");

    // A commit no release tag names is other code than any release.
    let (log, version) = run(later.as_str(), "cache/later");
    assert!(log.contains("is not the tagged commit"), "{log}");
    assert_eq!(version, "assure 0.1.0 (built from source)");
    assert_eq!(f.cargo_calls().lines().count(), 1);
}

#[test]
fn each_runner_downloads_its_own_archive() {
    let f = Fixture::new();
    let mac = archive_name("aarch64-apple-darwin");
    let windows = archive_name("x86_64-pc-windows-msvc");
    f.release(
        "v0.1.0",
        &[
            (mac.as_str(), "assure 0.1.0"),
            (windows.as_str(), "assure 0.1.0"),
        ],
    );
    let server = f.server();

    let dir = f.path("cache/mac");
    let out = f.run(
        &server.url(),
        &[
            ("RUNNER_OS", "macOS"),
            ("RUNNER_ARCH", "ARM64"),
            ("ASSURE_INSTALL_DIR", dir.to_str().unwrap()),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(version_of(&dir.join("bin/assure")), "assure 0.1.0");
    assert!(server.requests().contains(&format!("/v0.1.0/{mac}")));

    // Windows runners have unzip in Git Bash; a machine without it skips.
    if Command::new("unzip").arg("-v").output().is_err() {
        eprintln!("note: no unzip here, the Windows archive is not tried");
        return;
    }
    let dir = f.path("cache/windows");
    let out = f.run(
        &server.url(),
        &[
            ("RUNNER_OS", "Windows"),
            ("RUNNER_ARCH", "X64"),
            ("ASSURE_INSTALL_DIR", dir.to_str().unwrap()),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(version_of(&dir.join("bin/assure.exe")), "assure 0.1.0");
    assert!(server.requests().contains(&format!("/v0.1.0/{windows}")));
    assert_eq!(f.cargo_calls(), "");
}

#[test]
fn a_ref_that_is_not_a_plain_name_is_never_downloaded() {
    let f = Fixture::new();
    f.release("v0.1.0", &[(archive_name(TARGET).as_str(), "assure 0.1.0")]);
    let server = f.server();
    // ("" unsets it: a local action, `uses: ./`, has no ref.)
    for version in ["../v0.1.0", "v0.1.0/../v0.1.0", "feature/x", "v0.1.0 ", ""] {
        let out = f.run(&server.url(), &[("ASSURE_VERSION", version)], &[]);
        assert!(out.status.success(), "{version:?}: {}", stderr(&out));
    }
    assert_eq!(f.cargo_calls().lines().count(), 5, "{}", f.cargo_calls());
    assert_eq!(server.requests(), Vec::<String>::new());
}

fn yaml(rel: &str) -> yaml_serde::Value {
    let text = fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_release_builds_every_target_the_install_script_downloads() {
    let f = Fixture::new();
    let plan = |vars: &[(&str, &str)]| -> BTreeMap<String, String> {
        let out = f.run("http://127.0.0.1:9", vars, &["--plan"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    let runners = [
        ("Linux", "X64"),
        ("Linux", "ARM64"),
        ("macOS", "X64"),
        ("macOS", "ARM64"),
        ("Windows", "X64"),
    ];
    let wanted: BTreeSet<String> = runners
        .into_iter()
        .map(|(os, arch)| plan(&[("RUNNER_OS", os), ("RUNNER_ARCH", arch)])["target"].clone())
        .collect();
    let release = yaml(".github/workflows/release.yml");
    let built: BTreeSet<String> = release["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("a build matrix")
        .iter()
        .map(|entry| entry["target"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(built, wanted);
    assert_eq!(built.len(), 5);

    // Other platforms have no archive: built from source, never a guess.
    let windows_arm = plan(&[("RUNNER_OS", "Windows"), ("RUNNER_ARCH", "ARM64")]);
    assert_eq!(windows_arm["target"], "source-Windows-aarch64");

    // Without GitHub's names, uname's.
    let host = match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", arch @ ("x86_64" | "aarch64")) => Some(format!("{arch}-unknown-linux-musl")),
        ("macos", arch @ ("x86_64" | "aarch64")) => Some(format!("{arch}-apple-darwin")),
        _ => None,
    };
    if let Some(host) = host {
        assert_eq!(
            plan(&[("RUNNER_OS", ""), ("RUNNER_ARCH", "")])["target"],
            host
        );
    }

    // What actions/cache is given: a tag or a commit is cached, a branch
    // (which moves) is not.
    let tagged = plan(&[
        ("ASSURE_INSTALL_DIR", ""),
        ("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache"),
    ]);
    assert_eq!(
        tagged["dir"],
        format!("/opt/hostedtoolcache/assure/v0.1.0/{TARGET}")
    );
    assert_eq!(tagged["key"], format!("assure-{TARGET}-v0.1.0"));
    assert_eq!(tagged["cache"], "true");
    let sha = "0123456789abcdef0123456789abcdef01234567";
    assert_eq!(plan(&[("ASSURE_VERSION", sha)])["cache"], "true");
    assert_eq!(plan(&[("ASSURE_VERSION", "main")])["cache"], "false");
    assert_eq!(plan(&[("ASSURE_VERSION", "v1")])["cache"], "false");
}

/// `owner/repo[/path]@<40 hex>`, or a local action.
fn pinned(uses: &str) -> bool {
    if uses.starts_with("./") {
        return true;
    }
    uses.split_once('@').is_some_and(|(name, sha)| {
        name.split('/').count() >= 2
            && sha.len() == 40
            && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// The `${{ ... }}` expressions of a file.
fn expressions(text: &str) -> Vec<&str> {
    text.split("${{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}").map(|(e, _)| e))
        .collect()
}

/// The names after `prefix` (`inputs.`, `steps.`) in the expressions.
fn referenced(text: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in expressions(text) {
        for (i, _) in e.match_indices(prefix) {
            let before = e[..i].chars().next_back();
            if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_') {
                continue;
            }
            let name: String = e[i + prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn keys(v: &yaml_serde::Value) -> BTreeSet<String> {
    v.as_mapping()
        .map(|m| {
            m.keys()
                .filter_map(|k| k.as_str())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Each step has exactly one of `run` and `uses`; a composite action's run
/// step has a shell; `uses` is pinned to a commit; and no expression is
/// pasted into a script (values reach scripts as environment variables).
fn check_steps(at: &str, steps: &yaml_serde::Value, composite: bool, problems: &mut Vec<String>) {
    let Some(steps) = steps.as_sequence().filter(|s| !s.is_empty()) else {
        problems.push(format!("{at}: no steps"));
        return;
    };
    for (i, step) in steps.iter().enumerate() {
        let run = step.get("run").and_then(|v| v.as_str());
        let uses = step.get("uses").and_then(|v| v.as_str());
        match (run, uses) {
            (Some(run), None) => {
                if composite && step.get("shell").is_none() {
                    problems.push(format!("{at} step {i}: a composite run step needs a shell"));
                }
                if run.contains("${{") {
                    problems.push(format!("{at} step {i}: an expression inside run"));
                }
            }
            (None, Some(uses)) => {
                if !pinned(uses) {
                    problems.push(format!(
                        "{at} step {i}: {uses} is not pinned to a commit SHA"
                    ));
                }
            }
            _ => problems.push(format!("{at} step {i}: needs exactly one of run and uses")),
        }
    }
}

#[test]
fn workflows_and_the_action_have_what_github_requires() {
    let mut problems = Vec::new();
    for file in [".github/workflows/ci.yml", ".github/workflows/release.yml"] {
        let w = yaml(file);
        // (`on` would be a boolean to a YAML 1.1 reader.)
        let on = w.get("on").or_else(|| w.get(yaml_serde::Value::Bool(true)));
        let Some(on) = on else {
            problems.push(format!("{file}: no `on`"));
            continue;
        };
        let mut declared = keys(&on["workflow_dispatch"]["inputs"]);
        declared.extend(keys(&on["workflow_call"]["inputs"]));
        let text = fs::read_to_string(repo().join(file)).unwrap();
        for input in referenced(&text, "inputs.") {
            if !declared.contains(&input) {
                problems.push(format!("{file}: inputs.{input} is not declared"));
            }
        }
        let Some(jobs) = w
            .get("jobs")
            .and_then(|j| j.as_mapping())
            .filter(|j| !j.is_empty())
        else {
            problems.push(format!("{file}: no jobs"));
            continue;
        };
        for (id, job) in jobs {
            let at = format!("{file} job {}", id.as_str().unwrap_or("?"));
            if job.get("permissions").and_then(|p| p.as_str()) == Some("write-all") {
                problems.push(format!("{at}: write-all permissions"));
            }
            if let Some(uses) = job.get("uses").and_then(|u| u.as_str()) {
                if !pinned(uses) {
                    problems.push(format!("{at}: {uses} is not pinned to a commit SHA"));
                }
                continue;
            }
            if job.get("runs-on").is_none() {
                problems.push(format!("{at}: no runs-on"));
            }
            check_steps(&at, &job["steps"], false, &mut problems);
        }
    }

    // The release workflow reads by default; only the publishing job writes,
    // and only contents.
    let release = yaml(".github/workflows/release.yml");
    assert_eq!(release["permissions"]["contents"].as_str(), Some("read"));
    let writers: Vec<(String, BTreeSet<String>)> = release["jobs"]
        .as_mapping()
        .unwrap()
        .iter()
        .filter_map(|(id, job)| {
            let writes: BTreeSet<String> = job["permissions"]
                .as_mapping()?
                .iter()
                .filter(|(_, level)| level.as_str() == Some("write"))
                .filter_map(|(scope, _)| scope.as_str().map(str::to_owned))
                .collect();
            let id = id.as_str()?.to_owned();
            if writes.is_empty() {
                None
            } else {
                Some((id, writes))
            }
        })
        .collect();
    assert_eq!(
        writers,
        [(
            "publish".to_owned(),
            BTreeSet::from(["contents".to_owned()])
        )]
    );
    let release_text = fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    assert!(release_text.contains("--locked"));

    let action = yaml("action.yml");
    for key in ["name", "description"] {
        if action[key].as_str().is_none_or(str::is_empty) {
            problems.push(format!("action.yml: no {key}"));
        }
    }
    if action["runs"]["using"].as_str() != Some("composite") {
        problems.push("action.yml: runs.using is not composite".to_owned());
    }
    check_steps("action.yml", &action["runs"]["steps"], true, &mut problems);
    let text = fs::read_to_string(repo().join("action.yml")).unwrap();
    let inputs = keys(&action["inputs"]);
    for input in referenced(&text, "inputs.") {
        if !inputs.contains(&input) {
            problems.push(format!("action.yml: inputs.{input} is not an input"));
        }
    }
    let ids: BTreeSet<String> = action["runs"]["steps"]
        .as_sequence()
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("id").and_then(|i| i.as_str()).map(str::to_owned))
        .collect();
    for id in referenced(&text, "steps.") {
        if !ids.contains(&id) {
            problems.push(format!("action.yml: steps.{id} is no step's id"));
        }
    }

    // The pre-commit hook users name by its id.
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = hooks
        .as_sequence()
        .into_iter()
        .flatten()
        .find(|h| h["id"].as_str() == Some("assure"));
    match hook {
        Some(h)
            if h["entry"]
                .as_str()
                .is_some_and(|e| e.starts_with("assure test")) => {}
        _ => {
            problems.push(".pre-commit-hooks.yaml: no hook `assure` running assure test".to_owned())
        }
    }

    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_see_what_they_look_for() {
    assert!(pinned(
        "actions/cache/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae"
    ));
    assert!(pinned("./local"));
    assert!(!pinned("actions/checkout@v4"));
    assert!(!pinned(
        "someone/action@27D5CE7F107FE9357F9DF03EFB73AB90386FCCAE"
    ));
    assert!(!pinned("someone/action"));
    let text = "a: ${{ inputs.paths }} ${{ inputs.fail-on || steps.plan.outputs.dir }} github.event.inputs.x";
    assert_eq!(
        referenced(text, "inputs."),
        BTreeSet::from(["paths".to_owned(), "fail-on".to_owned()])
    );
    assert_eq!(
        referenced(text, "steps."),
        BTreeSet::from(["plan".to_owned()])
    );
    let steps: yaml_serde::Value =
        yaml_serde::from_str("- run: echo ${{ inputs.x }}\n- uses: a/b@v1\n- name: nothing\n")
            .unwrap();
    let mut problems = Vec::new();
    check_steps("t", &steps, true, &mut problems);
    assert_eq!(problems.len(), 4, "{problems:?}");
}

/// shellcheck findings in scripts that were there before this check: each
/// is for its script's owner to fix, then to drop from here. A finding not
/// listed fails; a listed one that is gone is only noted.
const KNOWN_SHELLCHECK: &[(&str, &str)] = &[
    ("scripts/demo-period.sh", "SC2155"),
    ("scripts/evidence-to-branch.sh", "SC2317"),
    ("tests/pg-cluster.sh", "SC2012"),
];

#[test]
fn shell_scripts_pass_shellcheck() {
    if Command::new("shellcheck")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have shellcheck (.ci/run installs it)"
        );
        eprintln!("note: shellcheck is not installed, the scripts are not checked");
        return;
    }
    let mut files: Vec<String> = vec![".ci/run".to_owned()];
    for dir in ["scripts", "tests"] {
        let mut found: Vec<String> = fs::read_dir(repo().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sh"))
            .map(|name| format!("{dir}/{name}"))
            .collect();
        found.sort();
        files.extend(found);
    }
    assert!(files.contains(&"scripts/install-assure.sh".to_owned()));

    // The run steps of the workflows and the action, which GitHub runs with
    // bash, each written to a file named after where it is.
    let steps_dir = tempfile::tempdir().unwrap();
    let mut labels = BTreeMap::new();
    for file in [
        ".github/workflows/ci.yml",
        ".github/workflows/release.yml",
        "action.yml",
    ] {
        let doc = yaml(file);
        let mut all: Vec<&yaml_serde::Value> = Vec::new();
        if let Some(jobs) = doc["jobs"].as_mapping() {
            all.extend(
                jobs.values()
                    .flat_map(|j| j["steps"].as_sequence().into_iter().flatten()),
            );
        }
        all.extend(doc["runs"]["steps"].as_sequence().into_iter().flatten());
        for (i, step) in all.into_iter().enumerate() {
            if let Some(run) = step["run"].as_str() {
                let path = steps_dir.path().join(format!("{}-{i}.sh", labels.len()));
                fs::write(&path, format!("#!/usr/bin/env bash\n{run}")).unwrap();
                let path = path.to_string_lossy().into_owned();
                labels.insert(path.clone(), format!("{file} run step {i}"));
                files.push(path);
            }
        }
    }

    let out = Command::new("shellcheck")
        .args(["--format", "gcc"])
        .args(files)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "shellcheck failed: {}",
        stderr(&out)
    );
    let mut unexpected = Vec::new();
    let mut seen = BTreeSet::new();
    for line in stdout(&out).lines() {
        let file = line.split(':').next().unwrap_or("");
        let code = line
            .rsplit_once("[SC")
            .map(|(_, c)| format!("SC{}", c.trim_end_matches(']')))
            .unwrap_or_default();
        if KNOWN_SHELLCHECK.contains(&(file, code.as_str())) {
            seen.insert((file.to_owned(), code));
        } else {
            let at = labels.get(file).map_or(file, String::as_str);
            unexpected.push(format!("{at}: {line}"));
        }
    }
    for (file, code) in KNOWN_SHELLCHECK {
        if !seen.contains(&((*file).to_owned(), (*code).to_owned())) {
            eprintln!("note: {file} no longer has {code}: drop it from KNOWN_SHELLCHECK");
        }
    }
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}
