//! Flags, `assure.yaml` and defaults merged into one validated
//! [`Settings`]: which value wins, and what is refused before anything runs.

use super::limits::{default_max_memory, DEFAULT_TIMEOUT_SECS, MAX_TIMEOUT_SECS, MIN_MEMORY_BYTES};
use super::{Flags, Settings};
use crate::config::{self, Config};
use crate::controls::{builtin_sources, read_sources, PolicySource, Severity};
use crate::discover::DiscoverOptions;
use crate::evaluate::{EngineMode, EvalOptions};
use crate::fatal::{fatal, Fatal};
use crate::frameworks::criterion;
use crate::inputs::load::{InputLimits, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES};
use crate::paths::slash_path;
use crate::results::Gate;
use crate::scope::Scope;
use std::path::PathBuf;
use std::time::Duration;

/// Two reports written to one file would leave only the last: refused.
pub(super) fn distinct_report_paths(
    reports: &[(&str, Option<&std::path::Path>)],
) -> Result<(), Fatal> {
    let cwd = std::env::current_dir().unwrap_or_default();
    // The same file however it is written: `r.xml`, `./r.xml`, `out/../r.xml`.
    let key = |p: &std::path::Path| {
        let abs = cwd.join(p);
        // Folders that do not exist yet are compared lexically.
        let dir = abs.parent().map(|d| {
            d.canonicalize()
                .unwrap_or_else(|_| crate::paths::lexically_normal(d))
        });
        (dir, abs.file_name().map(|n| n.to_owned()))
    };
    let given: Vec<(&str, &std::path::Path)> = reports
        .iter()
        .filter_map(|(flag, p)| p.map(|p| (*flag, p)))
        .collect();
    for (i, (a, pa)) in given.iter().enumerate() {
        for (b, pb) in &given[i + 1..] {
            if key(pa) == key(pb) {
                return Err(fatal(format!(
                    "{a} and {b} name the same file ({}): each report needs its own",
                    slash_path(pa)
                )));
            }
        }
    }
    Ok(())
}

/// The most worker threads `--jobs` may ask for.
const MAX_JOBS: usize = 1_024;

pub(super) fn resolve(f: Flags) -> Result<Settings, Fatal> {
    crate::dates::check_clock().map_err(fatal)?;
    // A dropped finding is a false pass, and regorus 0.14.1's VM drops them
    // on ordinary policies with no error to show for it: refused, not run
    // with a warning, until the engine is correct.
    if f.engine == EngineMode::Vm {
        return Err(fatal(
            "--engine vm is refused: regorus 0.14.1's VM loses findings on ordinary policies \
             (a function whose first body iterates and fails returns undefined instead of its \
             `else` value; conflicting complete rules give undefined instead of an error), so \
             its PASSED could be false. The interpreter (the default) runs every control",
        ));
    }
    let cwd = std::env::current_dir()
        .map_err(|e| fatal(format!("cannot read the current folder: {e}")))?;
    // The scanned folder's own config is used when the current folder has
    // none (not for `verify`, whose paths are policies).
    let root = match f.paths.as_slice() {
        [one] if !f.verify => Some(one.as_path()),
        _ => None,
    };
    let config = match config::find(f.config.as_deref(), &cwd, root) {
        Some(path) => {
            // A config taken from the folder scanned changes what runs
            // (waivers, include/exclude, fail_on): never silently.
            if f.config.is_none() && path.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
                eprintln!(
                    "note: using {}, the config of the folder scanned (-c FILE to choose another)",
                    slash_path(&path)
                );
            }
            config::load(&path)?
        }
        None => Config::default(),
    };
    let config_label = config
        .source
        .as_deref()
        .map(slash_path)
        .unwrap_or_else(|| "assure.yaml".to_owned());

    let timeout = f
        .timeout
        .or(config.limits.timeout)
        .unwrap_or(DEFAULT_TIMEOUT_SECS);
    if !(timeout.is_finite() && timeout > 0.0 && timeout <= MAX_TIMEOUT_SECS) {
        return Err(fatal(format!(
            "the timeout must be a positive number of seconds, at most {MAX_TIMEOUT_SECS} (got {timeout})"
        )));
    }
    let limits = InputLimits {
        max_file_bytes: f
            .max_file_size
            .or(config.limits.max_file_size)
            .unwrap_or(DEFAULT_MAX_FILE_BYTES),
        max_depth: f
            .max_depth
            .or(config.limits.max_depth)
            .unwrap_or(DEFAULT_MAX_DEPTH),
    };
    if limits.max_depth == 0 || limits.max_file_bytes == 0 {
        return Err(fatal("--max-depth and --max-file-size must be at least 1"));
    }
    let max_memory = f
        .max_memory
        .or(config.limits.max_memory)
        .unwrap_or_else(default_max_memory);
    if max_memory < MIN_MEMORY_BYTES {
        return Err(fatal(format!(
            "--max-memory must be at least {MIN_MEMORY_BYTES} bytes (got {max_memory})"
        )));
    }
    if f.jobs == Some(0) {
        return Err(fatal("--jobs must be at least 1"));
    }
    // Each worker reserves a large stack; 100,000 of them took minutes to
    // start before anything was scanned.
    if let Some(n) = f.jobs.filter(|&n| n > MAX_JOBS) {
        return Err(fatal(format!(
            "--jobs {n}: at most {MAX_JOBS} worker threads"
        )));
    }

    let scope = scope(&config, &f)?;
    let sources = sources(&config, &f)?;
    let data = f
        .data
        .iter()
        .map(|p| load_data(p, !f.no_builtin))
        .collect::<Result<_, _>>()?;
    let mut discover = DiscoverOptions::new(f.no_ignore, &config.include, &config.exclude)
        .map_err(|e| fatal(format!("{config_label}: {e}")))?;
    discover.stdin_name = f.stdin_name.clone();
    // The config in use and the baseline are assure's own files, never
    // inputs; any other file, whatever its name, is.
    if let Some(path) = &config.source {
        discover.skip_file(path);
    }
    if let Some(path) = &f.baseline {
        discover.skip_file(path);
    }
    let gate = Gate {
        fail_on: f.fail_on.or(config.fail_on).unwrap_or(Severity::Low),
        fail_on_warn: f.fail_on_warn,
        no_fail: f.no_fail,
        allow_empty: f.allow_empty,
        fail_on_unexamined: config.fail_on_unexamined.unwrap_or(false),
    };
    // Only `test` records runs (`baseline` and `criteria` scan too, but
    // neither is a run of the gate), and `period` reads them.
    let evidence = if f.wants_evidence {
        f.evidence.clone().or_else(|| {
            config.evidence.as_ref().map(|e| {
                if config::is_database_url(e) {
                    e.clone()
                } else {
                    config.base_dir().join(e).to_string_lossy().into_owned()
                }
            })
        })
    } else {
        None
    };
    Ok(Settings {
        evidence,
        config,
        config_label,
        scope,
        sources,
        data,
        only_controls: f.controls,
        skip_controls: f.skip_controls,
        namespaces: f.namespaces,
        combine: f.combine,
        paths: if f.verify { vec![] } else { f.paths },
        discover,
        limits,
        eval: EvalOptions {
            timeout: Duration::from_secs_f64(timeout),
            mode: f.engine,
            evaluate_all: f.evaluate_all,
        },
        max_memory,
        jobs: f.jobs,
        gate,
        baseline: f.baseline,
        var_files: f.var_files,
    })
}

/// The config's categories and objectives, `--framework`, and `--criteria`
/// checked against them.
fn scope(config: &Config, f: &Flags) -> Result<Scope, Fatal> {
    let mut scope = Scope {
        categories: config.categories(),
        objectives: config.objectives(),
        custom_objectives: config.custom_objectives(),
        objective_controls: config
            .soc1
            .objectives
            .iter()
            .flatten()
            .filter(|o| !o.controls.is_empty())
            .map(|o| (o.id.clone(), o.controls.clone()))
            .collect(),
        framework: f.framework,
        only: vec![],
    };
    let bad: Vec<String> = f
        .criteria
        .iter()
        .filter(|id| !scope.has_criterion(id) && !scope.has_objective(id))
        .map(|id| {
            if criterion(id).is_some() {
                format!("--criteria: {id} is out of scope (see soc2.categories and --framework)")
            } else {
                format!("--criteria: unknown criterion or objective `{id}`")
            }
        })
        .collect();
    if !bad.is_empty() {
        return Err(Fatal(bad));
    }
    scope.only = f.criteria.clone();
    Ok(scope)
}

/// The policy texts: built-in, then `--policy` (and `verify`'s PATHs), then
/// the config's `policies`, each file once.
fn sources(config: &Config, f: &Flags) -> Result<Vec<PolicySource>, Fatal> {
    let mut sources = if f.no_builtin {
        vec![]
    } else {
        builtin_sources(f.verify)
    };
    let mut paths = f.policies.clone();
    if f.verify {
        paths.extend(f.paths.iter().cloned());
    }
    paths.extend(config.policies.iter().map(|p| config.base_dir().join(p)));
    sources.extend(read_sources(&paths, f.verify)?);
    if sources.is_empty() {
        return Err(fatal(if f.verify {
            "no policies to verify: --no-builtin was given without a PATH or --policy"
        } else {
            "no policies to run: --no-builtin was given without --policy"
        }));
    }
    Ok(sources)
}

/// A `--data` file: one JSON or YAML object, outside the namespaces that
/// belong to the built-in library and the scan inventory.
fn load_data(path: &PathBuf, builtins: bool) -> Result<serde_json::Value, Fatal> {
    let label = slash_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| fatal(format!("{label}: cannot read data file: {e}")))?;
    let parsed = if label.ends_with(".json") {
        crate::inputs::structured::parse_json(&label, &text)
    } else {
        crate::inputs::structured::parse_yaml(&label, &text)
    };
    if let Some(e) = parsed.errors.first() {
        return Err(fatal(e.display()));
    }
    let mut docs = parsed.documents.into_iter().map(|d| d.value);
    match (docs.next(), docs.next()) {
        (Some(v), None) if v.is_object() => {
            crate::controls::seal::check_data(&label, &v, builtins)?;
            Ok(v)
        }
        _ => Err(fatal(format!("{label}: a data file must hold one object"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn report_paths_are_compared_as_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("out/report");
        let b = dir.path().join("out/../out/report");
        let r = distinct_report_paths(&[
            ("--junit", Some(a.as_path())),
            ("--json", Some(b.as_path())),
        ]);
        assert!(r.is_err());
        let c = dir.path().join("out/other");
        assert!(distinct_report_paths(&[
            ("--junit", Some(a.as_path())),
            ("--json", Some(Path::new(&c)))
        ])
        .is_ok());
    }
}
