//! Hostile repositories: every kind of broken, huge, deep, binary, looping
//! or oddly named input, generated here (nothing large is committed). For
//! each: no panic, no hang, a clear error for that input, every other
//! file's results still reported, and JUnit, JSON and SARIF still valid.

mod common;

use common::*;
use std::fs;
use std::path::Path;

const PRIVILEGED_POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: NAME\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n";

fn pod(name: &str) -> String {
    PRIVILEGED_POD.replace("NAME", name)
}

fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// A repository with one of everything, and a good file next to each.
fn hostile_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "good.yaml", pod("good"));
    write(
        r,
        "broken.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: [\n",
    );
    write(r, "broken.json", "{\"apiVersion\": \"v1\", \"kind\": ");
    write(
        r,
        "tf/main.tf",
        "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n",
    );
    write(
        r,
        "tf/ok.tf",
        "resource \"aws_s3_bucket\" \"ok\" {\n  bucket = \"ok\"\n}\n",
    );
    write(
        r,
        "docker/Dockerfile",
        "FROM alpine:3.20\nRUN <<EOF\necho never closed\n",
    );
    write(
        r,
        "binary.yaml",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
    );
    write(
        r,
        "latin1.yaml",
        b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in pod("utf16").encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(r, "utf16.yaml", utf16);
    write(r, "bom.yaml", format!("\u{feff}{}", pod("bom")));
    write(r, "crlf.yaml", pod("crlf").replace('\n', "\r\n"));
    write(r, "empty.yaml", "");
    write(r, "empty.tf.json", "");
    let mut bomb = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        let refs: Vec<String> = (0..9).map(|_| format!("*a{}", i - 1)).collect();
        bomb.push_str(&format!("a{i}: &a{i} [{}]\n", refs.join(",")));
    }
    write(r, "bomb.yaml", bomb);
    write(
        r,
        "deep.json",
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        r,
        "deep.yaml",
        format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        r,
        "deep.tf",
        format!(
            "locals {{\n  x = {}{}\n}}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    // Deeper than --max-depth (100) but within the parsers' own limits.
    let mut nested = String::from("leaf: 1\n");
    for i in 0..110 {
        nested = format!(
            "k{i}:\n{}",
            nested
                .lines()
                .map(|l| format!("  {l}\n"))
                .collect::<String>()
        );
    }
    write(r, "nested.yaml", nested);
    // Over the default 10 MiB limit: refused without being read.
    let big = fs::File::create(r.join("big.yaml")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    // Odd names: spaces, unicode, a newline, XML-special characters.
    for name in [
        "my file.yaml",
        "ünïcødé.yaml",
        "new\nline.yaml",
        "a<b>&'\"c.yaml",
    ] {
        write(r, name, pod("odd"));
    }
    #[cfg(unix)]
    {
        let outside = r.join("../outside-of-root.yaml");
        fs::write(&outside, pod("outside")).unwrap();
        std::os::unix::fs::symlink(&outside, r.join("escape.yaml")).unwrap();
        std::os::unix::fs::symlink(r, r.join("loop")).unwrap();
        std::os::unix::fs::symlink(r.join("missing.yaml"), r.join("dangling.yaml")).unwrap();
    }
    dir
}

#[test]
fn hostile_inputs_become_errors_and_the_rest_is_reported() {
    let dir = hostile_repo();
    let root = dir.path().to_str().unwrap();
    let junit = report_path("hostile.xml");
    let sarif = report_path("hostile.sarif");
    let json_path = dir.path().join("../hostile-report.json");
    let started = std::time::Instant::now();
    let out = assure(&[
        "test",
        "--control",
        "k8s-privileged-container,aws-s3-encryption",
        "--junit",
        junit.to_str().unwrap(),
        "--sarif",
        sarif.to_str().unwrap(),
        "--json",
        json_path.to_str().unwrap(),
        root,
    ]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));

    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_path).unwrap()).expect("valid JSON report");
    let errors: Vec<(String, String)> = v["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let error_for = |path: &str| -> String {
        errors
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, m)| m.clone())
            .unwrap_or_else(|| panic!("no error for {path}: {errors:#?}"))
    };
    assert!(error_for("broken.yaml").contains("invalid YAML"));
    assert!(error_for("broken.json").contains("invalid JSON"));
    assert!(error_for("tf/main.tf").contains("invalid HCL"));
    assert!(error_for("docker/Dockerfile").contains("never closed"));
    assert!(error_for("binary.yaml").contains("binary"));
    assert!(error_for("latin1.yaml").contains("UTF-8"));
    assert!(error_for("bomb.yaml").contains("repetition limit"));
    assert!(error_for("deep.json").contains("recursion limit"));
    assert!(error_for("deep.yaml").contains("nested more than"));
    assert!(error_for("deep.tf").contains("nesting depth"));
    assert!(error_for("nested.yaml").contains("--max-depth"));
    assert!(error_for("big.yaml").contains("--max-file-size"));
    #[cfg(unix)]
    {
        assert!(error_for("escape.yaml").contains("outside the scanned root"));
        assert!(error_for("dangling.yaml").contains("broken symbolic link"));
    }
    // Empty files are not errors: they hold no document.
    assert!(
        !errors.iter().any(|(p, _)| p.starts_with("empty.")),
        "{errors:?}"
    );

    // Every good and oddly named file was still evaluated.
    let privileged = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"]["id"] == "k8s-privileged-container")
        .unwrap();
    let names: Vec<&str> = privileged["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["path"].as_str().unwrap())
        .collect();
    for p in [
        "good.yaml",
        "utf16.yaml",
        "bom.yaml",
        "crlf.yaml",
        "my file.yaml",
        "ünïcødé.yaml",
        "new\nline.yaml",
        "a<b>&'\"c.yaml",
    ] {
        assert!(names.contains(&p), "{p} missing from {names:?}");
    }
    // CRLF and a byte-order mark do not shift lines.
    let crlf = privileged["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["path"] == "crlf.yaml")
        .unwrap();
    assert_eq!(crlf["findings"][0]["location"]["line"], 10);
    let bom = privileged["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["path"] == "bom.yaml")
        .unwrap();
    assert_eq!(bom["findings"][0]["location"]["line"], 10);
    // The good Terraform file next to the broken one was evaluated too.
    let s3 = v["controls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["control"]["id"] == "aws-s3-encryption")
        .unwrap();
    assert_eq!(s3["targets"][0]["name"], "tf/ok.tf#aws_s3_bucket.ok");

    // The reports stay valid (xmllint for JUnit in junit_run's helper; here
    // quick-junit and serde-sarif read them back).
    validate_junit(&junit);
    let report =
        quick_junit::Report::deserialize_from_str(&fs::read_to_string(&junit).unwrap()).unwrap();
    assert!(report
        .test_suites
        .iter()
        .any(|s| s.name.as_str().starts_with("assure.inputs")));
    let _: serde_sarif::sarif::Sarif =
        serde_json::from_str(&fs::read_to_string(&sarif).unwrap()).unwrap();
}

#[test]
fn messages_with_control_characters_and_cdata_ends_stay_valid_xml() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "cfg.yaml", "a: 1\n");
    let policy = dir.path().join("nasty.rego");
    fs::write(
        &policy,
        "package nasty\n\nimport rego.v1\n\ndeny contains msg if {\n  msg := sprintf(\"bell %s and ]]> and <tag> & \\u0000 nul\", [\"\\u0007\"])\n}\n",
    )
    .unwrap();
    let (out, report) = junit_run(
        "nasty.xml",
        &[
            "--no-builtin",
            "--policy",
            policy.to_str().unwrap(),
            dir.path().join("cfg.yaml").to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 1);
    let case = &report.test_suites[0].test_cases[0];
    match &case.status {
        quick_junit::TestCaseStatus::NonSuccess { message, .. } => {
            let m = message.as_ref().unwrap().to_string();
            assert!(m.contains("]]>") && m.contains("<tag> &"), "{m}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_runaway_policy_hits_the_time_limit_and_the_rest_completes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "a: 1\n");
    let policy = dir.path().join("runaway.rego");
    fs::write(
        &policy,
        "package runaway\n\nimport rego.v1\n\ndeny contains x if {\n  some i in numbers.range(1, 30000)\n  some j in numbers.range(1, 30000)\n  x := i * j\n  x < 0\n}\n",
    )
    .unwrap();
    let fine = dir.path().join("fine.rego");
    fs::write(
        &fine,
        "package fine\n\nimport rego.v1\n\ndeny contains \"found\" if input.a == 1\n",
    )
    .unwrap();
    let started = std::time::Instant::now();
    let out = assure(&[
        "test",
        "--no-builtin",
        "--policy",
        policy.to_str().unwrap(),
        "--policy",
        fine.to_str().unwrap(),
        "--timeout",
        "0.5",
        "--format",
        "json",
        dir.path().to_str().unwrap(),
    ]);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(code(&out), 1);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let outcome = |id: &str| {
        v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["control"]["id"] == id)
            .unwrap()["targets"][0]
            .clone()
    };
    assert_eq!(outcome("runaway")["outcome"], "error");
    assert!(outcome("runaway")["error"]
        .as_str()
        .unwrap()
        .to_lowercase()
        .contains("time"));
    assert_eq!(outcome("fine")["outcome"], "fail");
}

#[cfg(unix)]
#[test]
fn ctrl_c_and_sigterm_exit_130_and_leave_no_partial_report() {
    for signal in ["-INT", "-TERM"] {
        interrupted_run_leaves_no_report(signal);
    }
}

#[cfg(unix)]
fn interrupted_run_leaves_no_report(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "a: 1\n");
    let policy = dir.path().join("slow.rego");
    fs::write(
        &policy,
        "package slow\n\nimport rego.v1\n\ndeny contains x if {\n  some i in numbers.range(1, 100000)\n  some j in numbers.range(1, 100000)\n  x := i * j\n  x < 0\n}\n",
    )
    .unwrap();
    let report = dir.path().join("out/report.xml");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_assure"))
        .args([
            "test",
            "--no-builtin",
            "--policy",
            policy.to_str().unwrap(),
            "--timeout",
            "60",
            "--junit",
            report.to_str().unwrap(),
            dir.path().join("a.yaml").to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(130), "{signal}");
    assert!(!report.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".assure-report-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn network_and_environment_builtins_are_refused_at_load() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "a: 1\n");
    for (name, call) in [
        (
            "net",
            "http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9\"})",
        ),
        ("env", "opa.runtime().env"),
    ] {
        let policy = dir.path().join(format!("{name}.rego"));
        fs::write(
            &policy,
            format!(
                "package {name}\n\nimport rego.v1\n\ndeny contains x if {{\n  x := {call}\n}}\n"
            ),
        )
        .unwrap();
        let out = assure(&[
            "test",
            "--no-builtin",
            "--policy",
            policy.to_str().unwrap(),
            dir.path().to_str().unwrap(),
        ]);
        assert_eq!(code(&out), 2, "{name}: {}", stdout(&out));
        assert!(
            stderr(&out).contains(&format!("{name}.rego")),
            "{}",
            stderr(&out)
        );
    }
}
