//! `assure conftest ...` (or the binary run under the name `conftest`):
//! conftest's command line, defaults, output and exit codes, so a pipeline
//! that gates on conftest switches by changing the binary's name. Policies
//! are the team's own, evaluated the way conftest evaluates them (namespace
//! `main` by default, one verdict per file and namespace); assure's own
//! rules that would change what such a script reads (nothing examined fails,
//! passes listed, exit 2 for tool errors) do not apply in this mode.

pub mod builtins;
mod capabilities;
pub mod check;
pub mod cli;
pub mod engine;
pub mod inputs;
pub mod output;
mod rego_text;
mod settings;
mod strict;
mod trace;

use clap::Parser;
use cli::{Command, Conftest};
use std::ffi::OsString;

/// Run conftest's command line (`args` without the program name); the exit
/// code conftest would give.
pub fn run(args: Vec<OsString>) -> i32 {
    let mut argv = vec![OsString::from("conftest")];
    argv.extend(args);
    let parsed = match Conftest::try_parse_from(argv) {
        Ok(p) => p,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let config = parsed.config_file.as_deref();
    let result = match parsed.command {
        Command::Test(a) => settings::test(a, config).and_then(|s| test(&s)),
        Command::Verify(a) => settings::verify(a, config).and_then(|s| verify(&s)),
        Command::Parse(a) => parse(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("Error: {e}");
            1
        }
    }
}

fn print(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| format!("write output: {e}"))
}

fn test(s: &settings::Test) -> Result<i32, String> {
    let files = inputs::files(&s.paths, s.ignore.as_ref())?;
    let mut configs = inputs::load(&files, s.parser.as_deref())
        .map_err(|e| format!("running test: parse configurations: {e}"))?;
    if let Some(name) = &s.stdin_filename {
        for (n, _) in configs.iter_mut() {
            if n == "-" {
                n.clone_from(name);
            }
        }
    }
    let mut loaded = engine::load(&engine::LoadOptions {
        policy_paths: &s.common.policy,
        data_paths: &s.common.data,
        with_tests: false,
        rego_v0: s.common.rego_v0,
        builtin_errors: s.common.show_builtin_errors,
    })
    .map_err(|e| format!("running test: {e}"))?;
    if s.common.strict {
        let errors = strict::check(&loaded.policies);
        if !errors.is_empty() {
            return Err(format!("running test: load: {}", errors.join("\n")));
        }
    }
    if s.common.trace {
        loaded.engine.set_enable_coverage(true);
    }
    if let Some(file) = &s.common.capabilities {
        capabilities::check(file, &loaded.policies)
            .map_err(|e| format!("running test: load: {e}"))?;
    }
    let namespaces = if s.all_namespaces {
        engine::namespaces(&loaded.policies)
    } else if s.namespace.iter().any(|n| n.contains(['*', '?', '['])) {
        engine::matching(&engine::namespaces(&loaded.policies), &s.namespace)?
    } else {
        s.namespace.clone()
    };
    let mut results = Vec::new();
    for ns in &namespaces {
        if s.combine {
            let combined = inputs::combined(&configs);
            let r = check::check(
                s.common.trace,
                &mut loaded.engine,
                &loaded.policies,
                &loaded.data,
                "Combined",
                &serde_json::Value::Array(vec![combined]),
                ns,
            )
            .map_err(|e| format!("running test: check combined: {e}"))?;
            results.push(r);
        } else {
            for (name, value) in &configs {
                let r = check::check(
                    s.common.trace,
                    &mut loaded.engine,
                    &loaded.policies,
                    &loaded.data,
                    name,
                    value,
                    ns,
                )
                .map_err(|e| {
                    if s.common.show_builtin_errors {
                        format!("running test: query rule: built-in error: {e}")
                    } else {
                        format!("running test: query rule: {e}")
                    }
                })?;
                results.push(r);
            }
        }
    }
    let failures = results.iter().any(|r| !r.failures.is_empty());
    let warnings = results.iter().any(|r| !r.warnings.is_empty());
    let code = match (s.fail_on_warn, failures, warnings) {
        (_, true, _) if s.fail_on_warn => 2,
        (_, true, _) => 1,
        (true, false, true) => 1,
        _ => 0,
    };
    if !s.quiet || code != 0 {
        let text = output::render(
            &s.common.output,
            &results,
            &output::Options {
                color: !s.common.no_color,
                suppress_exceptions: s.suppress_exceptions,
                junit_hide_message: s.junit_hide_message,
                github_hide_passed: s.github_hide_passed,
                trace: s.common.trace,
            },
        )?;
        print(&text)?;
        if s.no_fail {
            return Ok(0);
        }
    }
    Ok(code)
}

/// `conftest verify`: every `test_` rule of the loaded test files, one
/// result per test under its file, with conftest's summary (and skipped).
fn verify(s: &settings::Verify) -> Result<i32, String> {
    let mut loaded = engine::load(&engine::LoadOptions {
        policy_paths: &s.common.policy,
        data_paths: &s.common.data,
        with_tests: true,
        rego_v0: s.common.rego_v0,
        builtin_errors: s.common.show_builtin_errors,
    })
    .map_err(|e| format!("running verification: {e}"))?;
    if s.common.strict {
        let errors = strict::check(&loaded.policies);
        if !errors.is_empty() {
            return Err(format!("running verification: load: {}", errors.join("\n")));
        }
    }
    if s.common.trace {
        loaded.engine.set_enable_coverage(true);
    }
    let mut results = Vec::new();
    let tests: Vec<(String, String, String)> = loaded
        .policies
        .iter()
        .flat_map(|p| {
            engine::test_rules(&p.text)
                .into_iter()
                .map(|t| (p.path.clone(), p.package.clone(), t))
                .collect::<Vec<_>>()
        })
        .collect();
    let wanted = if s.namespace.is_empty() {
        None
    } else {
        Some(engine::matching(
            &engine::namespaces(&loaded.policies),
            &s.namespace,
        )?)
    };
    for (file, package, name) in tests {
        if wanted.as_ref().is_some_and(|w| !w.contains(&package)) {
            continue;
        }
        loaded.engine.set_input(regorus::Value::Undefined);
        builtins::take_notes();
        let query = format!("data.{package}.{name}");
        let passed = match loaded.engine.eval_query(query.clone(), false) {
            Ok(r) => r.result.iter().any(|x| {
                x.expressions
                    .iter()
                    .all(|e| e.value != regorus::Value::Bool(false))
            }),
            Err(e) => return Err(format!("running verification: run test: {e}")),
        };
        let mut r = check::CheckResult {
            filename: file,
            namespace: String::new(),
            test: query.clone(),
            ..check::CheckResult::default()
        };
        if passed {
            r.successes = 1;
        } else {
            r.failures.push(check::Outcome {
                msg: query,
                ..check::Outcome::default()
            });
        }
        r.prints = loaded.engine.take_prints().unwrap_or_default();
        r.notes = builtins::take_notes();
        if s.common.trace {
            let t = trace::take(&mut loaded.engine, &loaded.policies);
            r.traces.push((r.test.clone(), t));
        }
        results.push(r);
    }
    let failed = results.iter().any(|r| !r.failures.is_empty());
    if let Some(report) = &s.report {
        if s.common.output != "stdout" {
            return Err("report flag is supported with stdout only".into());
        }
        if !matches!(report.as_str(), "full" | "notes" | "fails") {
            return Err(format!("invalid report {report:?}: full, notes or fails"));
        }
        print(&test_report(&results, report != "fails"))?;
        return Ok(if failed { 1 } else { 0 });
    }
    if !s.quiet || failed {
        let mut text = output::render(
            &s.common.output,
            &results,
            &output::Options {
                color: !s.common.no_color,
                suppress_exceptions: false,
                junit_hide_message: false,
                github_hide_passed: false,
                trace: s.common.trace,
            },
        )?;
        if s.common.output == "stdout" {
            // verify's summary counts skipped tests too.
            if let Some(pos) = text.trim_end().rfind('\n') {
                let (head, last) = text.split_at(pos + 1);
                let last = last.trim_end();
                let (body, reset) = match last.strip_suffix("\x1b[0m") {
                    Some(b) => (b, "\x1b[0m"),
                    None => (last, ""),
                };
                text = format!("{head}{body}, 0 skipped{reset}\n");
            }
        }
        print(&text)?;
    }
    Ok(if failed { 1 } else { 0 })
}

/// OPA's test report: failures first, then every test by file, then the
/// count (`PASS: n/n` or `FAIL: f/n`), with what the tests printed.
fn test_report(results: &[check::CheckResult], notes: bool) -> String {
    let line = "-".repeat(80);
    let mut out = String::new();
    let failed: Vec<&check::CheckResult> =
        results.iter().filter(|r| !r.failures.is_empty()).collect();
    if !failed.is_empty() {
        out.push_str(&format!("FAILURES\n{line}\n"));
        for r in &failed {
            out.push_str(&format!("{}: FAIL\n", r.test));
            if notes {
                for n in &r.notes {
                    out.push_str(&format!("  Note {n:?}\n"));
                }
            }
            for p in &r.prints {
                out.push_str(&format!("  {p}\n"));
            }
            out.push('\n');
        }
        out.push_str(&format!("SUMMARY\n{line}\n"));
    }
    let mut file = "";
    for r in results {
        if r.filename != file {
            file = &r.filename;
            out.push_str(&format!("{file}:\n"));
        }
        let label = if r.failures.is_empty() {
            "PASS"
        } else {
            "FAIL"
        };
        out.push_str(&format!("{}: {label}\n", r.test));
        if r.failures.is_empty() {
            for p in &r.prints {
                out.push_str(&format!("  {p}\n"));
            }
        }
    }
    out.push_str(&format!("{line}\n"));
    if failed.is_empty() {
        out.push_str(&format!("PASS: {}/{}\n", results.len(), results.len()));
    } else {
        if failed.len() < results.len() {
            out.push_str(&format!(
                "PASS: {}/{}\n",
                results.len() - failed.len(),
                results.len()
            ));
        }
        out.push_str(&format!("FAIL: {}/{}\n", failed.len(), results.len()));
    }
    out
}

fn parse(a: &cli::ParseArgs) -> Result<i32, String> {
    let files = inputs::files(&a.paths, None)?;
    let configs = inputs::load(&files, a.parser.as_deref())?;
    let mut out = String::new();
    let pretty = |v: &serde_json::Value| -> Result<String, String> {
        let mut buf = Vec::new();
        let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
        serde::Serialize::serialize(v, &mut ser).map_err(|e| e.to_string())?;
        String::from_utf8(buf).map_err(|e| e.to_string())
    };
    if a.combine {
        out.push_str(&pretty(&inputs::combined(&configs))?);
        out.push('\n');
    } else if configs.len() == 1 {
        out.push_str(&pretty(&configs[0].1)?);
        out.push('\n');
    } else {
        // Several files: one object keyed by file name.
        let map: serde_json::Map<String, serde_json::Value> = configs.into_iter().collect();
        out.push_str(&pretty(&serde_json::Value::Object(map))?);
        out.push('\n');
    }
    print(&out)?;
    Ok(0)
}
