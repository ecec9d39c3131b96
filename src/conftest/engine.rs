//! The policies as conftest loads them: every `.rego` file under the policy
//! paths (tests too for `verify`), data files merged under `data` (a file in
//! a sub-folder of a data folder under that folder's keys, as OPA's loader
//! does), conftest's builtins, and the rule list of each namespace.

use super::builtins;
use super::rego_text::{code_of, nesting};
use crate::controls::metadata::package_of;
use regorus::{Engine, Value as RegoValue};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One loaded policy file.
pub struct Policy {
    pub path: String,
    pub package: String,
    pub text: String,
}

pub struct Loaded {
    pub engine: Engine,
    pub policies: Vec<Policy>,
    /// The data documents, added again around each input's file facts.
    pub data: Vec<RegoValue>,
}

/// Options that shape loading.
pub struct LoadOptions<'a> {
    pub policy_paths: &'a [PathBuf],
    pub data_paths: &'a [PathBuf],
    pub with_tests: bool,
    pub rego_v0: bool,
    pub builtin_errors: bool,
}

fn rego_files(path: &Path, with_tests: bool) -> Result<Vec<PathBuf>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("load: {}: {e}", path.display()))?;
    let mut out = Vec::new();
    if meta.is_file() {
        out.push(path.to_path_buf());
    } else {
        for entry in ignore::WalkBuilder::new(path)
            .standard_filters(false)
            .hidden(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build()
        {
            let entry = entry.map_err(|e| format!("load: {e}"))?;
            let p = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file())
                && p.extension().is_some_and(|e| e == "rego")
            {
                out.push(p.to_path_buf());
            }
        }
    }
    Ok(out
        .into_iter()
        .filter(|p| {
            with_tests
                || !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with("_test.rego"))
        })
        .collect())
}

/// Data documents of a path: JSON and YAML files, each under the keys of
/// the folders between the data path and the file.
fn data_documents(root: &Path) -> Result<Vec<Value>, String> {
    let meta =
        std::fs::metadata(root).map_err(|e| format!("load data: {}: {e}", root.display()))?;
    let files: Vec<PathBuf> = if meta.is_file() {
        vec![root.to_path_buf()]
    } else {
        let mut v = Vec::new();
        for entry in ignore::WalkBuilder::new(root)
            .standard_filters(false)
            .hidden(false)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build()
        {
            let entry = entry.map_err(|e| format!("load data: {e}"))?;
            if entry.file_type().is_some_and(|t| t.is_file()) {
                v.push(entry.path().to_path_buf());
            }
        }
        v
    };
    let mut out = Vec::new();
    for f in files {
        let name = f.to_string_lossy().to_ascii_lowercase();
        let format = if name.ends_with(".json") {
            crate::inputs::kinds::FileFormat::Json
        } else if name.ends_with(".yaml") || name.ends_with(".yml") {
            crate::inputs::kinds::FileFormat::Yaml
        } else {
            continue;
        };
        let text =
            std::fs::read_to_string(&f).map_err(|e| format!("load data: {}: {e}", f.display()))?;
        let mut value = super::inputs::parse(&f.to_string_lossy(), format, &text)
            .map_err(|e| format!("load data: {e}"))?;
        if !value.is_object() {
            return Err(format!(
                "load data: {}: a data document must be an object",
                f.display()
            ));
        }
        // Folders below the data path become keys, as OPA's loader does.
        if meta.is_dir() {
            let rel = f.parent().and_then(|p| p.strip_prefix(root).ok());
            if let Some(rel) = rel {
                for part in rel.iter().rev() {
                    let mut m = serde_json::Map::new();
                    m.insert(part.to_string_lossy().into_owned(), value);
                    value = Value::Object(m);
                }
            }
        }
        out.push(value);
    }
    Ok(out)
}

pub fn load(opts: &LoadOptions<'_>) -> Result<Loaded, String> {
    // Policies are untrusted as in assure's own mode: each query has the
    // same time limit, the process the same memory limit, and the builtins
    // that could allocate without end are guarded.
    crate::evaluate::limit_memory(crate::settings::default_max_memory());
    let mut engine = Engine::new();
    engine.set_rego_v0(opts.rego_v0);
    engine.set_strict_builtin_errors(opts.builtin_errors);
    crate::evaluate::guards::install(&mut engine)
        .map_err(|e| format!("cannot guard builtins: {e}"))?;
    engine.set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
        limit: std::time::Duration::from_secs_f64(crate::settings::DEFAULT_TIMEOUT_SECS),
        check_interval: std::num::NonZeroU32::MIN.saturating_add(63),
    });
    let mut policies = Vec::new();
    for p in opts.policy_paths {
        for f in rego_files(p, opts.with_tests)? {
            let path = crate::paths::slash_path(&f);
            let text = std::fs::read_to_string(&f).map_err(|e| format!("load: {path}: {e}"))?;
            engine
                .add_policy(path.clone(), text.clone())
                .map_err(|e| format!("load: {e}"))?;
            let package = package_of(&text).map(|(p, _)| p).unwrap_or_default();
            policies.push(Policy {
                path,
                package,
                text,
            });
        }
    }
    crate::controls::check_loaded_policies(&engine).map_err(|e| format!("load: {e}"))?;
    if policies.is_empty() {
        return Err(format!(
            "no policies found in [{}]",
            opts.policy_paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    // The builtins resolve relative paths from the policies' folders (conftest
    // resolves them from the calling file's).
    let mut dirs: Vec<PathBuf> = policies
        .iter()
        .filter_map(|p| Path::new(&p.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.dedup();
    builtins::install(&mut engine, dirs).map_err(|e| format!("builtins: {e}"))?;
    let mut data = Vec::new();
    for d in opts.data_paths {
        for doc in data_documents(d)? {
            let value = RegoValue::from_json_str(&doc.to_string()).map_err(|e| e.to_string())?;
            engine
                .add_data(value.clone())
                .map_err(|e| format!("load data: {e}"))?;
            data.push(value);
        }
    }
    engine.set_gather_prints(true);
    Ok(Loaded {
        engine,
        policies,
        data,
    })
}

/// Whether a rule name is a failure rule (`deny`, `violation`, with
/// `_suffix` parts) or a warning rule (`warn`, with suffixes).
pub fn is_failure(rule: &str) -> bool {
    suffixed(rule, "deny") || suffixed(rule, "violation")
}

pub fn is_warning(rule: &str) -> bool {
    suffixed(rule, "warn")
}

fn suffixed(rule: &str, base: &str) -> bool {
    let Some(rest) = rule.strip_prefix(base) else {
        return false;
    };
    rest.is_empty()
        || (rest.starts_with('_')
            && rest[1..]
                .split('_')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric())))
}

/// The rule name an exception names: without its `deny_`, `violation_` or
/// `warn_` prefix, and empty for the bare rules.
pub fn exception_name(rule: &str) -> &str {
    if matches!(rule, "deny" | "violation" | "warn") {
        return "";
    }
    for p in ["violation_", "deny_", "warn_"] {
        if let Some(r) = rule.strip_prefix(p) {
            return r;
        }
    }
    rule
}

/// The failure and warning rules of a namespace in first-seen order, and
/// how many definitions they have in all (each body counts, as conftest
/// counts tests).
pub fn rules_of(policies: &[Policy], namespace: &str) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut count = 0;
    for p in policies.iter().filter(|p| p.package == namespace) {
        for name in rule_definitions(&p.text) {
            if is_failure(&name) || is_warning(&name) {
                count += 1;
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
    }
    (names, count)
}

/// The name of each top-level rule definition, in order (one per head at
/// the start of a line; `else` and `default` lines are not new bodies).
fn rule_definitions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth: i64 = 0;
    for line in text.lines() {
        let starts_top = depth == 0;
        let code = code_of(line);
        let code = code.as_str();
        if starts_top {
            let name: String = code
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let rest = &code[name.len()..];
            let head = rest.starts_with([' ', '[', '{', ':', '=', '\t', '.']) || rest.is_empty();
            if !name.is_empty()
                && head
                && !matches!(name.as_str(), "package" | "import" | "default" | "else")
                && code
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            {
                out.push(name);
            }
        }
        depth = (depth + nesting(code)).max(0);
    }
    out
}

/// The `test_` rules of a module, once each, in order.
pub fn test_rules(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in rule_definitions(text) {
        if name.starts_with("test_") && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Every package loaded, sorted.
pub fn namespaces(policies: &[Policy]) -> Vec<String> {
    let mut v: Vec<String> = policies
        .iter()
        .filter(|p| !p.package.is_empty())
        .map(|p| p.package.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Namespaces matching conftest globs: `*` spans dots, `?` one character,
/// `[...]` a class.
pub fn matching(all: &[String], patterns: &[String]) -> Result<Vec<String>, String> {
    let mut set = globset::GlobSetBuilder::new();
    for p in patterns {
        set.add(
            globset::GlobBuilder::new(p)
                .literal_separator(false)
                .build()
                .map_err(|e| format!("filter namespaces: {e}"))?,
        );
    }
    let set = set.build().map_err(|e| format!("filter namespaces: {e}"))?;
    let mut seen = BTreeMap::new();
    for n in all {
        if set.is_match(n) {
            seen.insert(n.clone(), ());
        }
    }
    Ok(seen.into_keys().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_and_definitions_count_like_conftest() {
        assert!(is_failure("deny") && is_failure("deny_foo_bar") && is_failure("violation_x"));
        assert!(!is_failure("denyx") && !is_failure("deny_") && !is_failure("deny__x"));
        assert!(is_warning("warn_a1") && !is_warning("warning"));
        assert_eq!(exception_name("deny_foo"), "foo");
        assert_eq!(exception_name("warn"), "");
        let text = "package main\n\ndeny contains msg if {\n  x := {\"a\": 1}\n  msg := \"a\"\n}\n\ndeny contains msg if {\n  msg := \"b\"\n}\n\nwarn[msg] {\n  msg := \"c\"\n} else = \"d\"\n\ndefault allow := false\n";
        assert_eq!(rule_definitions(text), ["deny", "deny", "warn"]);
    }

    #[test]
    fn namespace_globs_span_dots() {
        let all: Vec<String> = ["k8s.simple", "k8s.simple.deployment", "main"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            matching(&all, &["k8s.*".into()]).unwrap(),
            ["k8s.simple", "k8s.simple.deployment"]
        );
    }
}
