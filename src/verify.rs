//! `assure verify`: the policies' own unit tests, as `opa test` runs them.
//!
//! Test rules are the `test_*` rules of `*_test.rego` files, discovered
//! through regorus's compiled policy (its rule table), each evaluated with
//! an empty input under the evaluation time limit. A test passes when it
//! evaluates to `true`; `false` or undefined fails; an evaluation error is
//! an error. `--coverage` reports, per policy file, the lines the tests ran.

use crate::controls::{
    compile_within_limit, is_test_file, CompileOptions, PolicyError, PolicySource,
};
use crate::frameworks::Objective;
use regorus::utils::limits::ExecutionTimerConfig;
use serde::Serialize;
use std::num::NonZeroU32;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TestOutcome {
    Pass,
    Fail,
    Error,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestResult {
    /// The test file.
    pub file: String,
    pub package: String,
    pub name: String,
    pub outcome: TestOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(serialize_with = "millis")]
    pub duration: Duration,
}

fn millis<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((d.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0)
}

#[derive(Debug, Clone, Serialize)]
pub struct FileCoverage {
    pub file: String,
    pub covered: usize,
    pub not_covered: Vec<u32>,
    pub percent: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub tests: Vec<TestResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Vec<FileCoverage>>,
}

impl VerifyReport {
    pub fn count(&self, o: TestOutcome) -> usize {
        self.tests.iter().filter(|t| t.outcome == o).count()
    }

    pub fn passed(&self) -> bool {
        self.count(TestOutcome::Pass) == self.tests.len()
    }
}

pub struct VerifyOptions<'a> {
    pub objectives: &'a [Objective],
    /// `--data` documents, under `data` as in a scan: tests of policies
    /// that read parameters see the same values.
    pub data: &'a [serde_json::Value],
    pub timeout: Duration,
    pub coverage: bool,
}

/// Compile the sources and run every test rule of their test files.
pub fn run(
    sources: &[PolicySource],
    opts: &VerifyOptions<'_>,
) -> Result<VerifyReport, Vec<PolicyError>> {
    let set = compile_within_limit(
        sources,
        &CompileOptions {
            objectives: opts.objectives,
            data: opts.data.to_vec(),
            // The tests run in it.
            whole_engine: true,
        },
    )?;
    let mut engine = set.engine.clone();
    engine.set_strict_builtin_errors(false);
    if sources.iter().any(|s| !s.is_builtin()) {
        crate::evaluate::guards::install(&mut engine).map_err(|e| {
            vec![PolicyError {
                file: "policies".into(),
                line: None,
                message: format!("cannot guard builtins: {e}"),
            }]
        })?;
    }
    engine.set_execution_timer_config(ExecutionTimerConfig {
        limit: opts.timeout,
        check_interval: NonZeroU32::MIN.saturating_add(63),
    });
    if opts.coverage {
        engine.set_enable_coverage(true);
    }
    // package path -> test file, for the test files among the sources
    let test_files: Vec<(String, &PolicySource)> = sources
        .iter()
        .filter(|s| is_test_file(&s.label))
        .filter_map(|s| crate::controls::metadata::package_of(&s.text).map(|(p, _)| (p, s)))
        .collect();
    let rule_paths = discover_tests(&mut engine, &test_files)?;
    let mut tests = Vec::new();
    for path in rule_paths {
        let Some((package, name)) = path.strip_prefix("data.").and_then(|p| p.rsplit_once('.'))
        else {
            continue;
        };
        let Some((_, src)) = test_files.iter().find(|(p, _)| p == package) else {
            continue; // a test_ rule outside a *_test.rego file
        };
        engine.set_input(regorus::Value::new_object());
        let started = Instant::now();
        let (outcome, message) = match engine.eval_rule(path.clone()) {
            Ok(v) if v == regorus::Value::from(true) => (TestOutcome::Pass, None),
            Ok(regorus::Value::Undefined) => (TestOutcome::Fail, Some("undefined".to_owned())),
            Ok(v) => (
                TestOutcome::Fail,
                Some(format!(
                    "evaluated to {}",
                    v.to_json_str().unwrap_or_default()
                )),
            ),
            Err(e) => {
                let raw = e.to_string();
                let (loc, msg) = crate::controls::regorus_parts(&raw);
                let text = match loc {
                    Some(l) => format!("{l}: {msg}"),
                    None => msg.to_owned(),
                };
                (TestOutcome::Error, Some(text))
            }
        };
        tests.push(TestResult {
            file: src.label.clone(),
            package: package.to_owned(),
            name: name.to_owned(),
            outcome,
            message,
            duration: started.elapsed(),
        });
    }
    tests.sort_by(|a, b| (&a.file, &a.name).cmp(&(&b.file, &b.name)));
    let coverage = if opts.coverage {
        Some(coverage(&engine, sources))
    } else {
        None
    };
    Ok(VerifyReport { tests, coverage })
}

/// The `test_*` rules, from the compiled policy's rule table. Compiling
/// needs an entrypoint; any test rule declared in a test file serves, since
/// compilation covers every module.
fn discover_tests(
    engine: &mut regorus::Engine,
    test_files: &[(String, &PolicySource)],
) -> Result<Vec<String>, Vec<PolicyError>> {
    let entry = test_files.iter().find_map(|(pkg, src)| {
        crate::controls::metadata::rule_heads(&src.text)
            .into_iter()
            .find(|r| r.starts_with("test_"))
            .map(|r| format!("data.{pkg}.{r}"))
    });
    let Some(entry) = entry else {
        return Ok(vec![]);
    };
    let entry: regorus::Rc<str> = entry.as_str().into();
    let compiled = engine
        .compile_with_entrypoint(&entry)
        .map_err(|e| vec![crate::controls::regorus_error("policies", &e)])?;
    let mut paths: Vec<String> = compiled
        .get_rules()
        .keys()
        .filter(|k| k.rsplit('.').next().is_some_and(|n| n.starts_with("test_")))
        .cloned()
        .collect();
    paths.sort();
    paths.dedup();
    Ok(paths)
}

fn coverage(engine: &regorus::Engine, sources: &[PolicySource]) -> Vec<FileCoverage> {
    let Ok(report) = engine.get_coverage_report() else {
        return vec![];
    };
    let mut out: Vec<FileCoverage> = report
        .files
        .iter()
        .filter(|f| !is_test_file(&f.path) && sources.iter().any(|s| s.label == f.path))
        .map(|f| {
            let total = f.covered.len() + f.not_covered.len();
            FileCoverage {
                file: f.path.clone(),
                covered: f.covered.len(),
                not_covered: f.not_covered.iter().copied().collect(),
                percent: if total == 0 {
                    100.0
                } else {
                    (f.covered.len() as f64 * 1000.0 / total as f64).round() / 10.0
                },
            }
        })
        .collect();
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out
}
