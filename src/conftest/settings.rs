//! Flags merged with `conftest.toml` (or `-c FILE`) once, as conftest's
//! viper does: a flag given wins, then the file's key of the same name,
//! then conftest's default.

use super::cli::{Common, TestArgs, VerifyArgs};
use std::path::{Path, PathBuf};

/// What every command uses, resolved.
pub struct CommonSettings {
    pub policy: Vec<PathBuf>,
    pub data: Vec<PathBuf>,
    pub output: String,
    pub no_color: bool,
    pub rego_v0: bool,
    pub show_builtin_errors: bool,
    pub capabilities: Option<PathBuf>,
    pub trace: bool,
    pub strict: bool,
}

pub struct Test {
    pub common: CommonSettings,
    pub paths: Vec<String>,
    pub namespace: Vec<String>,
    pub all_namespaces: bool,
    pub combine: bool,
    pub fail_on_warn: bool,
    pub no_fail: bool,
    pub suppress_exceptions: bool,
    pub quiet: bool,
    pub parser: Option<String>,
    pub ignore: Option<regex::Regex>,
    pub stdin_filename: Option<String>,
    pub junit_hide_message: bool,
    pub github_hide_passed: bool,
}

pub struct Verify {
    pub common: CommonSettings,
    pub namespace: Vec<String>,
    pub quiet: bool,
    /// `--report full|notes|fails`: OPA's test report instead of results.
    pub report: Option<String>,
}

/// The configuration file's table, empty when there is none.
fn config(explicit: Option<&Path>) -> Result<toml::Table, String> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let p = PathBuf::from("conftest.toml");
            if !p.is_file() {
                return Ok(toml::Table::new());
            }
            p
        }
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("read in config: error reading config: {e}"))?;
    text.parse::<toml::Table>()
        .map_err(|e| format!("read in config: {}: {e}", path.display()))
}

fn strings(t: &toml::Table, key: &str) -> Option<Vec<String>> {
    match t.get(key)? {
        toml::Value::String(s) => Some(s.split(',').map(str::to_owned).collect()),
        toml::Value::Array(a) => Some(
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        ),
        _ => None,
    }
}

fn flag(t: &toml::Table, key: &str) -> bool {
    t.get(key).and_then(toml::Value::as_bool).unwrap_or(false)
}

fn text(t: &toml::Table, key: &str) -> Option<String> {
    t.get(key).and_then(toml::Value::as_str).map(str::to_owned)
}

fn common(c: Common, t: &toml::Table) -> Result<CommonSettings, String> {
    let policy = if c.policy.is_empty() {
        strings(t, "policy")
            .map(|v| v.into_iter().map(PathBuf::from).collect())
            .unwrap_or_else(|| vec![PathBuf::from("policy")])
    } else {
        c.policy
    };
    let data = if c.data.is_empty() {
        strings(t, "data")
            .map(|v| v.into_iter().map(PathBuf::from).collect())
            .unwrap_or_default()
    } else {
        c.data
    };
    let rego = c
        .rego_version
        .or_else(|| text(t, "rego-version"))
        .unwrap_or_else(|| "v1".into());
    let rego_v0 = match rego.as_str() {
        "v0" | "0" => true,
        "v1" | "1" => false,
        other => return Err(format!("invalid rego-version {other:?}: v0 or v1")),
    };
    Ok(CommonSettings {
        policy,
        data,
        output: c
            .output
            .or_else(|| text(t, "output"))
            .unwrap_or_else(|| "stdout".into()),
        no_color: c.no_color || flag(t, "no-color"),
        rego_v0,
        show_builtin_errors: c.show_builtin_errors || flag(t, "show-builtin-errors"),
        trace: c.trace || flag(t, "trace"),
        strict: c.strict || flag(t, "strict"),
        capabilities: c
            .capabilities
            .or_else(|| text(t, "capabilities").map(PathBuf::from)),
    })
}

pub fn test(a: TestArgs, config_file: Option<&Path>) -> Result<Test, String> {
    let t = config(config_file)?;
    if !a.update.is_empty() || t.contains_key("update") {
        return Err(
            "--update (downloading policies) is not supported by assure: fetch them first".into(),
        );
    }
    if a.paths.is_empty() {
        return Err("missing required arguments".into());
    }
    let ignore = match a.ignore.or_else(|| text(&t, "ignore")) {
        Some(r) if !r.is_empty() => {
            Some(regex::Regex::new(&r).map_err(|e| format!("invalid --ignore: {e}"))?)
        }
        _ => None,
    };
    Ok(Test {
        namespace: if a.namespace.is_empty() {
            strings(&t, "namespace").unwrap_or_else(|| vec!["main".into()])
        } else {
            a.namespace
        },
        all_namespaces: a.all_namespaces || flag(&t, "all-namespaces"),
        combine: a.combine || flag(&t, "combine"),
        fail_on_warn: a.fail_on_warn || flag(&t, "fail-on-warn"),
        no_fail: a.no_fail || flag(&t, "no-fail"),
        suppress_exceptions: a.suppress_exceptions || flag(&t, "suppress-exceptions"),
        quiet: a.quiet || flag(&t, "quiet"),
        parser: a.parser.or_else(|| text(&t, "parser")),
        ignore,
        stdin_filename: a.stdin_filename.or_else(|| text(&t, "stdin-filename")),
        junit_hide_message: a.junit_hide_message || flag(&t, "junit-hide-message"),
        github_hide_passed: a.github_hide_passed || flag(&t, "github-hide-passed"),
        paths: a.paths,
        common: common(a.common, &t)?,
    })
}

pub fn verify(a: VerifyArgs, config_file: Option<&Path>) -> Result<Verify, String> {
    let t = config(config_file)?;
    Ok(Verify {
        namespace: if a.namespace.is_empty() {
            strings(&t, "namespace").unwrap_or_default()
        } else {
            a.namespace
        },
        quiet: a.quiet || flag(&t, "quiet"),
        report: a.report.or_else(|| text(&t, "report")),
        common: common(a.common, &t)?,
    })
}
