//! `assure conftest ...` and the binary run as `conftest`: conftest's
//! flags, defaults, counts, output formats and exit codes, each on a case
//! written here (conftest's own acceptance suite is run by
//! tests/conftest-acceptance.sh against a checkout of its repository).

mod common;

use common::{code, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A project with conftest's layout: `policy/` (package main, and a
/// second namespace), inputs, a data folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |path: &str, text: &str| {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "policy/main.rego",
        "package main\nimport rego.v1\n\ndeny contains msg if {\n  input.kind == \"Deployment\"\n  not input.spec.template.spec.securityContext.runAsNonRoot\n  msg := sprintf(\"%s runs as root\", [input.metadata.name])\n}\n\ndeny contains msg if {\n  input.kind == \"Deployment\"\n  input.spec.replicas > data.limits.max_replicas\n  msg := \"too many replicas\"\n}\n\nwarn_service contains msg if {\n  input.kind == \"Service\"\n  msg := \"services are discouraged\"\n}\n\nviolation_labels contains {\"msg\": \"no app label\", \"severity\": \"low\"} if {\n  not input.metadata.labels.app\n}\n\nexception contains rules if {\n  input.metadata.name == \"legacy\"\n  rules := [\"labels\"]\n}\n",
    );
    w(
        "policy/extra/k8s.rego",
        "package k8s.images\nimport rego.v1\n\ndeny contains \"images must be pinned\" if {\n  input.kind == \"Deployment\"\n}\n",
    );
    w(
        "policy/main_test.rego",
        "package main\nimport rego.v1\n\ntest_root_is_denied if {\n  count(deny) == 1 with input as {\"kind\": \"Deployment\", \"metadata\": {\"name\": \"x\", \"labels\": {\"app\": \"x\"}}, \"spec\": {\"replicas\": 1, \"template\": {\"spec\": {}}}} with data.limits.max_replicas as 3\n}\n\ntest_parsed_config if {\n  cfg := parse_config(\"yaml\", \"kind: Service\\nmetadata:\\n  name: s\\n\")\n  count(warn_service) == 1 with input as cfg\n}\n\ntest_parsed_file if {\n  cfg := parse_config_file(\"../inputs/service.yaml\")\n  cfg.kind == \"Service\"\n}\n\ntest_combined_files if {\n  all := parse_combined_config_files([\"../inputs/service.yaml\", \"../inputs/multi.yaml\"])\n  count(all) == 3\n}\n",
    );
    let deployment = |name: &str, nonroot: bool, replicas: u32| {
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  replicas: {replicas}\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: {nonroot}\n"
        )
    };
    w("inputs/root.yaml", &deployment("web", false, 1));
    w(
        "inputs/ok.yaml",
        &format!(
            "{}  \n",
            deployment("api", true, 1).replace("name: api", "name: api\n  labels:\n    app: api")
        ),
    );
    w("inputs/legacy.yaml", &deployment("legacy", true, 1));
    w(
        "inputs/service.yaml",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: front\n  labels:\n    app: front\n",
    );
    w(
        "inputs/multi.yaml",
        &format!(
            "{}---\n{}",
            deployment("one", false, 9),
            deployment("two", true, 1)
        ),
    );
    w("data/limits/limits.yaml", "max_replicas: 3\n");
    dir
}

fn conftest(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_assure"))
        .current_dir(dir)
        .arg("conftest")
        .args(args)
        .output()
        .unwrap()
}

fn last_line(o: &Output) -> String {
    stdout(o).trim_end().lines().last().unwrap_or("").to_owned()
}

#[test]
fn the_default_namespace_is_main_and_counts_follow_conftest() {
    let p = project();
    // Two deny bodies, one warn, one violation: four tests per document.
    let out = conftest(
        p.path(),
        &["test", "--no-color", "-d", "data", "inputs/root.yaml"],
    );
    assert_eq!(code(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("FAIL - inputs/root.yaml - main - web runs as root"));
    assert!(stdout(&out).contains("FAIL - inputs/root.yaml - main - no app label"));
    assert!(
        !stdout(&out).contains("images must be pinned"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        last_line(&out),
        "4 tests, 2 passed, 0 warnings, 2 failures, 0 exceptions"
    );
    // A passing file exits 0; the warning alone does not fail...
    let out = conftest(
        p.path(),
        &["test", "--no-color", "-d", "data", "inputs/service.yaml"],
    );
    assert_eq!(code(&out), 0);
    assert_eq!(
        last_line(&out),
        "4 tests, 3 passed, 1 warning, 0 failures, 0 exceptions"
    );
    // ...unless --fail-on-warn: warnings exit 1, failures 2.
    let out = conftest(
        p.path(),
        &[
            "test",
            "--fail-on-warn",
            "-d",
            "data",
            "inputs/service.yaml",
        ],
    );
    assert_eq!(code(&out), 1);
    let out = conftest(
        p.path(),
        &["test", "--fail-on-warn", "-d", "data", "inputs/root.yaml"],
    );
    assert_eq!(code(&out), 2);
    let out = conftest(
        p.path(),
        &["test", "--no-fail", "-d", "data", "inputs/root.yaml"],
    );
    assert_eq!(code(&out), 0);
}

#[test]
fn exceptions_documents_and_data_folders() {
    let p = project();
    // The exception names the violation rule: one exception instead of it.
    let out = conftest(
        p.path(),
        &["test", "--no-color", "-d", "data", "inputs/legacy.yaml"],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out)
        .contains("EXCP - inputs/legacy.yaml - main - data.main.exception[_][_] == \"labels\""));
    assert_eq!(
        last_line(&out),
        "4 tests, 3 passed, 0 warnings, 0 failures, 1 exception"
    );
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "--suppress-exceptions",
            "-d",
            "data",
            "inputs/legacy.yaml",
        ],
    );
    assert!(!stdout(&out).contains("EXCP"));
    // A multi-document file is checked document by document; the data
    // folder's limits/ sub-folder gives data.limits.
    let out = conftest(
        p.path(),
        &["test", "--no-color", "-d", "data", "inputs/multi.yaml"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("too many replicas"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        last_line(&out),
        "8 tests, 4 passed, 0 warnings, 4 failures, 0 exceptions"
    );
}

#[test]
fn namespaces_globs_and_all() {
    let p = project();
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "--all-namespaces",
            "-d",
            "data",
            "inputs/ok.yaml",
        ],
    );
    assert!(stdout(&out).contains("FAIL - inputs/ok.yaml - k8s.images - images must be pinned"));
    assert_eq!(code(&out), 1);
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "--namespace",
            "k8s.*",
            "inputs/ok.yaml",
        ],
    );
    assert!(stdout(&out).contains("k8s.images"));
    assert!(!stdout(&out).contains("- main -"));
    let out = conftest(
        p.path(),
        &["test", "--no-color", "-d", "data", "inputs/ok.yaml"],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn combine_stdin_parser_and_config_file() {
    let p = project();
    std::fs::write(
        p.path().join("policy/combined.rego"),
        "package combined\nimport rego.v1\n\ndeny contains msg if {\n  count(input) > 2\n  msg := sprintf(\"%d documents\", [count(input)])\n}\n",
    )
    .unwrap();
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "--combine",
            "--namespace",
            "combined",
            "inputs/service.yaml",
            "inputs/multi.yaml",
        ],
    );
    assert!(
        stdout(&out).contains("FAIL - Combined - combined - 3 documents"),
        "{}",
        stdout(&out)
    );
    // Standard input with a parser, under a name.
    let mut child = Command::new(env!("CARGO_BIN_EXE_assure"))
        .current_dir(p.path())
        .args([
            "conftest",
            "test",
            "--no-color",
            "--parser",
            "json",
            "--stdin-filename",
            "piped.json",
            "-d",
            "data",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"kind": "Deployment", "metadata": {"name": "p"}, "spec": {"replicas": 1, "template": {"spec": {}}}}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        stdout(&out).contains("FAIL - piped.json - main - p runs as root"),
        "{}",
        stdout(&out)
    );
    // conftest.toml sets the namespace; a flag still wins.
    std::fs::write(
        p.path().join("conftest.toml"),
        "namespace = \"k8s.images\"\n",
    )
    .unwrap();
    let out = conftest(p.path(), &["test", "--no-color", "inputs/ok.yaml"]);
    assert!(
        stdout(&out).contains("k8s.images - images must be pinned"),
        "{}",
        stdout(&out)
    );
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "-n",
            "main",
            "-d",
            "data",
            "inputs/ok.yaml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    std::fs::rename(p.path().join("conftest.toml"), p.path().join("other.toml")).unwrap();
    let out = conftest(
        p.path(),
        &["-c", "other.toml", "test", "--no-color", "inputs/ok.yaml"],
    );
    assert!(stdout(&out).contains("k8s.images"), "{}", stdout(&out));
}

#[test]
fn output_formats_read_like_conftests() {
    let p = project();
    fn args(o: &str) -> Vec<&str> {
        vec!["test", "-o", o, "-d", "data", "inputs/root.yaml"]
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&conftest(p.path(), &args("json")))).unwrap();
    assert_eq!(json[0]["filename"], "inputs/root.yaml");
    assert_eq!(json[0]["namespace"], "main");
    assert_eq!(json[0]["successes"], 2);
    assert_eq!(json[0]["failures"].as_array().unwrap().len(), 2);
    assert_eq!(
        json[0]["failures"][0]["metadata"]["query"],
        "data.main.deny"
    );
    let tap = stdout(&conftest(p.path(), &args("tap")));
    assert!(
        tap.starts_with("1..4\nnot ok 1 - inputs/root.yaml - main - "),
        "{tap}"
    );
    assert!(
        tap.contains("# successes\nok 3 - inputs/root.yaml - main - SUCCESS"),
        "{tap}"
    );
    let table = stdout(&conftest(p.path(), &args("table")));
    assert!(
        table.contains("RESULT") && table.contains("│ failure │"),
        "{table}"
    );
    let junit = stdout(&conftest(p.path(), &args("junit")));
    assert!(
        junit.contains("<testsuites") && junit.contains("failures=\"2\""),
        "{junit}"
    );
    let github = stdout(&conftest(p.path(), &args("github")));
    assert!(
        github.contains("::error file=inputs/root.yaml,line=1::web runs as root"),
        "{github}"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&stdout(&conftest(p.path(), &args("sarif")))).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let bad = conftest(p.path(), &args("yaml"));
    assert_eq!(code(&bad), 1);
}

#[test]
fn verify_runs_the_tests_with_the_builtins_and_ignores_extra_arguments() {
    let p = project();
    let out = conftest(
        p.path(),
        &["verify", "--no-color", "-d", "data", "inputs/ignored.yaml"],
    );
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        last_line(&out),
        "4 tests, 4 passed, 0 warnings, 0 failures, 0 exceptions, 0 skipped"
    );
    let report = conftest(p.path(), &["verify", "--report", "fails"]);
    assert!(stdout(&report).contains("PASS: 4/4"), "{}", stdout(&report));
    let wrong = conftest(p.path(), &["verify", "--report", "fails", "-o", "json"]);
    assert_eq!(code(&wrong), 1);
    assert!(stderr(&wrong).contains("report flag is supported with stdout only"));
}

#[test]
fn strict_capabilities_builtin_errors_and_trace() {
    let p = project();
    std::fs::create_dir_all(p.path().join("loose")).unwrap();
    std::fs::write(
        p.path().join("loose/p.rego"),
        "package main\nimport rego.v1\n\ndeny contains \"x\" if {\n  unused := 1\n  input.kind == \"Nope\"\n}\n\nf(a, b) if {\n  a == 1\n}\n",
    )
    .unwrap();
    let out = conftest(
        p.path(),
        &["test", "-p", "loose", "--strict", "inputs/ok.yaml"],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("loose/p.rego:5: rego_compile_error: assigned var unused unused"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("rego_compile_error: unused argument b"));
    // Without --strict the same policy runs.
    assert_eq!(
        code(&conftest(
            p.path(),
            &["test", "-p", "loose", "inputs/ok.yaml"]
        )),
        0
    );
    // Capabilities: a builtin the file does not list is refused.
    std::fs::write(
        p.path().join("caps.json"),
        r#"{"builtins": [{"name": "sprintf"}, {"name": "count"}, {"name": "eq"}, {"name": "gt"}]}"#,
    )
    .unwrap();
    std::fs::write(
        p.path().join("loose/p.rego"),
        "package main\nimport rego.v1\n\ndeny contains msg if {\n  msg := http.send({\"url\": \"https://example.com\", \"method\": \"GET\"}).body\n}\n",
    )
    .unwrap();
    let out = conftest(
        p.path(),
        &[
            "test",
            "-p",
            "loose",
            "--capabilities",
            "caps.json",
            "inputs/ok.yaml",
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("undefined function http.send"),
        "{}",
        stderr(&out)
    );
    // --show-builtin-errors: an error in a builtin call is an error.
    std::fs::write(
        p.path().join("loose/p.rego"),
        "package main\nimport rego.v1\n\ndeny contains \"bad\" if {\n  to_number(\"not a number\") > 1\n}\n",
    )
    .unwrap();
    assert_eq!(
        code(&conftest(
            p.path(),
            &["test", "-p", "loose", "inputs/ok.yaml"]
        )),
        0
    );
    let out = conftest(
        p.path(),
        &[
            "test",
            "-p",
            "loose",
            "--show-builtin-errors",
            "inputs/ok.yaml",
        ],
    );
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    assert!(stderr(&out).contains("built-in error"), "{}", stderr(&out));
    // --trace names the rules a query entered.
    let out = conftest(
        p.path(),
        &[
            "test",
            "--no-color",
            "--trace",
            "-d",
            "data",
            "inputs/root.yaml",
        ],
    );
    assert!(
        stdout(&out).contains("file: inputs/root.yaml | query: data.main.deny"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("TRAC   Enter data.main.deny"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn parse_prints_the_documents_and_the_binary_acts_as_conftest_by_name() {
    let p = project();
    let out = conftest(p.path(), &["parse", "inputs/service.yaml"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["kind"], "Service");
    let out = conftest(
        p.path(),
        &["parse", "inputs/service.yaml", "inputs/multi.yaml"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["inputs/multi.yaml"].as_array().map(Vec::len), Some(2));
    // A symlink named conftest.
    let link = p.path().join("conftest");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_assure"), &link).unwrap();
    let out = Command::new(&link)
        .current_dir(p.path())
        .args(["test", "--no-color", "-d", "data", "inputs/root.yaml"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    assert_eq!(
        last_line(&out),
        "4 tests, 2 passed, 0 warnings, 2 failures, 0 exceptions"
    );
    // Errors exit 1, as conftest's do: no policies, no files.
    let out = conftest(p.path(), &["test", "-p", "inputs", "inputs/root.yaml"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no policies found"));
    std::fs::create_dir_all(p.path().join("empty")).unwrap();
    let out = conftest(p.path(), &["test", "empty"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("no files found"));
}

#[test]
fn assure_test_runs_every_package_unless_a_namespace_is_given() {
    let p = project();
    let run = |args: &[&str]| {
        let mut all = vec![
            "test",
            "--format",
            "json",
            "--no-builtin",
            "-p",
            "policy",
            "-d",
            "data/limits/limits.yaml",
        ];
        all.extend_from_slice(args);
        all.push("inputs/ok.yaml");
        Command::new(env!("CARGO_BIN_EXE_assure"))
            .current_dir(p.path())
            .args(&all)
            .output()
            .unwrap()
    };
    let ids = |o: &Output| -> Vec<String> {
        let v: serde_json::Value =
            serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)));
        v["controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["control"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    // assure's default: every package (main and k8s.images).
    assert_eq!(ids(&run(&[])), ["k8s.images", "main"]);
    assert_eq!(ids(&run(&["--all-namespaces"])), ["k8s.images", "main"]);
    assert_eq!(ids(&run(&["--namespace", "main"])), ["main"]);
    assert_eq!(ids(&run(&["-n", "k8s.*"])), ["k8s.images"]);
    let none = run(&["--namespace", "nothing.*"]);
    assert_eq!(code(&none), 2);
    assert!(stderr(&none).contains("no loaded policy has a matching package"));
}

#[test]
fn assure_test_combine_gives_one_document_of_every_input() {
    let p = project();
    std::fs::write(
        p.path().join("dupes.rego"),
        "package dupes\nimport rego.v1\n\ndeny contains msg if {\n  some a in input\n  some b in input\n  a.path < b.path\n  a.contents.metadata.name == b.contents.metadata.name\n  msg := sprintf(\"%s is named in %s and %s\", [a.contents.metadata.name, a.path, b.path])\n}\n",
    )
    .unwrap();
    std::fs::write(
        p.path().join("inputs/web2.yaml"),
        "kind: Service\nmetadata:\n  name: web\n",
    )
    .unwrap();
    let run = |combine: bool| {
        let mut args = vec![
            "test",
            "--format",
            "json",
            "--no-builtin",
            "-p",
            "dupes.rego",
        ];
        if combine {
            args.push("--combine");
        }
        args.push("inputs");
        Command::new(env!("CARGO_BIN_EXE_assure"))
            .current_dir(p.path())
            .args(&args)
            .output()
            .unwrap()
    };
    let out = run(true);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let targets = v["controls"][0]["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0]["name"], "Combined");
    assert_eq!(
        targets[0]["findings"][0]["message"],
        "web is named in root.yaml and web2.yaml"
    );
    // Six files, seven documents (multi.yaml holds two), all in the one input.
    assert_eq!(v["summary"]["documents"], 7);
    // Without --combine each file is alone: nothing to compare.
    assert_eq!(code(&run(false)), 0);
}

#[test]
fn a_fifo_named_as_an_input_is_an_error_not_a_hang() {
    let p = project();
    let fifo = p.path().join("inputs/pipe.yaml");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_assure"))
        .current_dir(p.path())
        .args(["conftest", "test", "inputs/pipe.yaml"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("assure conftest hung on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    // Found in a folder, it is an error too: skipping it left a scan of
    // that folder passing without a word about the file it did not read.
    let out = conftest(p.path(), &["test", "--no-color", "-d", "data", "inputs"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("inputs/pipe.yaml: not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_runaway_policy_is_an_error_in_conftest_mode_too() {
    let p = project();
    std::fs::create_dir_all(p.path().join("runaway")).unwrap();
    std::fs::write(
        p.path().join("runaway/p.rego"),
        "package main\nimport rego.v1\n\ndeny contains msg if {\n  msg := sprintf(\"%d\", [count(numbers.range(1, 1000000000))])\n}\n",
    )
    .unwrap();
    let out = conftest(p.path(), &["test", "-p", "runaway", "inputs/ok.yaml"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("numbers.range would make 1000000000 elements"),
        "{}",
        stderr(&out)
    );
}
