//! Settings: the one step that decides, for every command, which value wins
//! (a flag, then `assure.yaml`, then the default), validates the result, and
//! hands the commands one ready value. Commands never read flags or the
//! config file themselves, so a precedence rule is written once.

use crate::cli::{BaselineArgs, ControlsArgs, CriteriaArgs, PolicyArgs, ScopeArgs, TestArgs};
use crate::cli::{ParseArgs, PeriodArgs, ScanArgs, VerifyArgs, WaiversArgs};
use crate::config::{self, Config};
use crate::controls::{
    builtin_sources, compile_within_limit, read_sources, CompileOptions, Control, ControlSet,
    PolicySource, Severity,
};
use crate::discover::DiscoverOptions;
use crate::evaluate::{EngineMode, EvalOptions};
use crate::fatal::{fatal, Fatal};
use crate::frameworks::{criterion, Framework};
use crate::inputs::load::{InputLimits, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES};
use crate::paths::slash_path;
use crate::results::Gate;
use crate::scope::Scope;
use std::path::PathBuf;
use std::time::Duration;

/// Seconds one control may take on one document, unless set.
pub const DEFAULT_TIMEOUT_SECS: f64 = 10.0;

/// The longest time limit accepted: a day. Anything longer is a typo, and
/// a duration beyond what the clock can hold would overflow.
const MAX_TIMEOUT_SECS: f64 = 86_400.0;

/// The memory limit when none is set: three quarters of what the process
/// can have: the machine's memory, its container's limit (cgroup v2
/// `memory.max`) and its address-space limit (`ulimit -v`), whichever is
/// least; 4 GiB when none can be read.
pub(crate) fn default_max_memory() -> u64 {
    const FALLBACK: u64 = 4 << 30;
    let total = std::fs::read_to_string("/proc/meminfo").ok().and_then(|m| {
        let line = m.lines().find(|l| l.starts_with("MemTotal:"))?;
        let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kib.saturating_mul(1024))
    });
    let cgroup = std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok());
    [total, cgroup, address_space_limit()]
        .into_iter()
        .flatten()
        .min()
        .map_or(FALLBACK, |bytes| bytes / 4 * 3)
}

#[cfg(unix)]
fn address_space_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn address_space_limit() -> Option<u64> {
    None
}

/// The smallest memory limit accepted: below it the built-in library and a
/// small repository do not fit.
const MIN_MEMORY_BYTES: u64 = 64 << 20;

/// Everything a command runs with, merged and validated.
pub struct Settings {
    pub config: Config,
    /// How messages name the config file (`assure.yaml` when none was read).
    pub config_label: String,
    pub scope: Scope,
    /// Policy texts to compile: the built-in library unless `--no-builtin`,
    /// `--policy` paths and the config's `policies`.
    pub sources: Vec<PolicySource>,
    /// `--data` documents, merged under `data`.
    pub data: Vec<serde_json::Value>,
    /// `--control` (empty: all) and `--skip-control`.
    pub only_controls: Vec<String>,
    pub skip_controls: Vec<String>,
    /// `--namespace` globs over the controls' packages (empty: all).
    pub namespaces: Vec<String>,
    /// Every input evaluated as one `Combined` document.
    pub combine: bool,
    /// What to scan (empty for commands that scan nothing).
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    pub limits: InputLimits,
    pub eval: EvalOptions,
    /// Bytes the process may hold while policies evaluate.
    pub max_memory: u64,
    /// Worker threads (`None`: one per core).
    pub jobs: Option<usize>,
    pub gate: Gate,
    pub baseline: Option<PathBuf>,
    /// `--var-file` files, for every Terraform root module scanned.
    pub var_files: Vec<PathBuf>,
    /// The evidence ledger to record the run in (`--evidence`, else
    /// `evidence` in assure.yaml, a folder there taken from the file's).
    pub evidence: Option<String>,
}

/// The controls a command runs, and those `--control`/`--skip-control`
/// left out (their criteria still read "not examined" in coverage).
pub struct Controls {
    pub set: ControlSet,
    pub unselected: Vec<Control>,
}

/// Every flag any command takes that a setting can come from, in one shape
/// (`None` or empty: not given). Each command's arguments convert into it.
#[derive(Default)]
struct Flags {
    config: Option<PathBuf>,
    policies: Vec<PathBuf>,
    no_builtin: bool,
    data: Vec<PathBuf>,
    framework: Option<Framework>,
    criteria: Vec<String>,
    paths: Vec<PathBuf>,
    /// `verify`: policy tests are loaded, and PATHs are policy paths.
    verify: bool,
    controls: Vec<String>,
    skip_controls: Vec<String>,
    /// `--namespace`: package globs a control must match to run.
    namespaces: Vec<String>,
    /// `--combine`: every input as one document.
    combine: bool,
    jobs: Option<usize>,
    timeout: Option<f64>,
    max_file_size: Option<u64>,
    max_depth: Option<usize>,
    max_memory: Option<u64>,
    no_ignore: bool,
    stdin_name: Option<String>,
    engine: EngineMode,
    evaluate_all: bool,
    fail_on: Option<Severity>,
    fail_on_warn: bool,
    no_fail: bool,
    baseline: Option<PathBuf>,
    var_files: Vec<PathBuf>,
    allow_empty: bool,
    evidence: Option<String>,
    /// `test` and `period`: the commands the evidence ledger is for.
    wants_evidence: bool,
}

impl Flags {
    fn policy(mut self, p: &PolicyArgs) -> Flags {
        self.config = p.config.clone();
        self.policies = p.policies.clone();
        self.no_builtin = p.no_builtin;
        self.data = p.data.clone();
        self
    }

    fn scope(mut self, s: &ScopeArgs) -> Flags {
        self.framework = s.framework;
        self.criteria = s.criteria.clone();
        self
    }

    fn scan(self, a: &ScanArgs) -> Flags {
        let mut f = self.policy(&a.policy).scope(&a.scope);
        f.paths = a.paths.clone();
        f.controls = a.controls.clone();
        f.skip_controls = a.skip_controls.clone();
        f.namespaces = a.namespaces.clone();
        f.combine = a.combine;
        f.jobs = a.jobs;
        f.timeout = a.timeout;
        f.max_file_size = a.max_file_size;
        f.max_depth = a.max_depth;
        f.max_memory = a.max_memory;
        f.no_ignore = a.no_ignore;
        f.stdin_name = Some(a.stdin_name.clone());
        f.engine = a.engine;
        f.evaluate_all = a.evaluate_all;
        f.var_files = a.var_files.clone();
        f
    }
}

impl Settings {
    pub fn for_test(args: &TestArgs) -> Result<Settings, Fatal> {
        distinct_report_paths(&[
            ("--junit", args.junit.as_deref()),
            ("--json", args.json.as_deref()),
            ("--sarif", args.sarif.as_deref()),
            ("--markdown", args.markdown.as_deref()),
        ])?;
        let mut f = Flags::default().scan(&args.scan);
        f.fail_on = args.fail_on;
        f.fail_on_warn = args.fail_on_warn;
        f.no_fail = args.no_fail;
        f.baseline = args.baseline.clone();
        f.allow_empty = args.allow_empty;
        f.evidence = args.evidence.clone();
        f.wants_evidence = true;
        resolve(f)
    }

    pub fn for_baseline(args: &BaselineArgs) -> Result<Settings, Fatal> {
        resolve(Flags::default().scan(&args.scan))
    }

    pub fn for_criteria(args: &CriteriaArgs) -> Result<Settings, Fatal> {
        let mut f = Flags::default().policy(&args.policy).scope(&args.scope);
        f.paths = args.paths.clone();
        resolve(f)
    }

    pub fn for_controls(args: &ControlsArgs) -> Result<Settings, Fatal> {
        resolve(Flags::default().policy(&args.policy).scope(&args.scope))
    }

    pub fn for_parse(args: &ParseArgs) -> Result<Settings, Fatal> {
        resolve(Flags {
            paths: vec![args.path.clone()],
            ..Flags::default()
        })
    }

    pub fn for_period(args: &PeriodArgs) -> Result<Settings, Fatal> {
        let mut f = Flags::default().policy(&args.policy);
        f.evidence = args.evidence.clone();
        f.wants_evidence = true;
        resolve(f)
    }

    pub fn for_waivers(args: &WaiversArgs) -> Result<Settings, Fatal> {
        let mut f = Flags::default().policy(&args.policy);
        f.paths = args.paths.clone();
        resolve(f)
    }

    pub fn for_verify(args: &VerifyArgs) -> Result<Settings, Fatal> {
        let mut f = Flags::default().policy(&args.policy);
        f.paths = args.paths.clone();
        f.verify = true;
        f.timeout = args.timeout;
        resolve(f)
    }

    /// Compile the policies, fit their mappings to the scope and keep the
    /// controls the flags select.
    pub fn load_controls(&self) -> Result<Controls, Fatal> {
        let mut set = compile_within_limit(
            &self.sources,
            &CompileOptions {
                objectives: &self.scope.objectives,
                data: self.data.clone(),
                // The VM runs programs compiled from it.
                whole_engine: self.eval.mode == EngineMode::Vm,
            },
        )?;
        let known: Vec<&str> = set.controls.iter().map(|c| c.id.as_str()).collect();
        let unknown: Vec<String> = self
            .scope
            .objective_controls
            .iter()
            .flat_map(|(o, ids)| ids.iter().map(move |id| (o, id)))
            .filter(|(_, id)| !known.contains(&id.as_str()))
            .map(|(o, id)| {
                format!(
                    "{}: SOC 1 objective {o} names unknown control `{id}`",
                    self.config_label
                )
            })
            .collect();
        if !unknown.is_empty() {
            return Err(Fatal(unknown));
        }
        // A critical control is waived only with a named approver.
        let unapproved: Vec<String> = self
            .config
            .waivers
            .iter()
            .filter(|w| w.approved_by.as_deref().is_none_or(|a| a.trim().is_empty()))
            .filter(|w| {
                set.controls
                    .iter()
                    .any(|c| c.id == w.control && c.severity == Severity::Critical)
            })
            .map(|w| {
                format!(
                    "{}:{}: waiver for `{}` needs approved_by: the control is critical, and a critical finding is waived only with a named approver",
                    self.config_label, w.line, w.control
                )
            })
            .collect();
        if !unapproved.is_empty() {
            return Err(Fatal(unapproved));
        }
        self.scope.apply_to(&mut set.controls);
        let in_scope = |c: &Control| {
            let framework = match self.scope.framework {
                Some(Framework::Soc2) => !c.soc2.is_empty(),
                Some(Framework::Soc1) => !c.soc1.is_empty(),
                None => true,
            };
            let criteria = self.scope.only.is_empty()
                || c.soc2
                    .iter()
                    .chain(&c.soc1)
                    .any(|id| self.scope.only.contains(id));
            framework && criteria
        };
        set.controls.retain(in_scope);
        // `--control` names controls in scope: one outside it is as unknown
        // as a typo, and saying so beats running nothing.
        let known: Vec<&str> = set.controls.iter().map(|c| c.id.as_str()).collect();
        let unknown: Vec<String> = self
            .only_controls
            .iter()
            .chain(&self.skip_controls)
            .filter(|id| !known.contains(&id.as_str()))
            .map(|id| format!("unknown control id `{id}` (see `assure controls`)"))
            .collect();
        if !unknown.is_empty() {
            return Err(Fatal(unknown));
        }
        let mut globs = globset::GlobSetBuilder::new();
        for n in &self.namespaces {
            globs.add(
                globset::GlobBuilder::new(n)
                    .literal_separator(false)
                    .build()
                    .map_err(|e| fatal(format!("--namespace {n}: {e}")))?,
            );
        }
        let globs = globs
            .build()
            .map_err(|e| fatal(format!("--namespace: {e}")))?;
        if !self.namespaces.is_empty() && !set.controls.iter().any(|c| globs.is_match(&c.package)) {
            return Err(fatal(format!(
                "--namespace {}: no loaded policy has a matching package",
                self.namespaces.join(",")
            )));
        }
        let selected = |c: &Control| {
            (self.only_controls.is_empty() || self.only_controls.contains(&c.id))
                && !self.skip_controls.contains(&c.id)
                && (self.namespaces.is_empty() || globs.is_match(&c.package))
        };
        let (kept, unselected) = std::mem::take(&mut set.controls)
            .into_iter()
            .partition(selected);
        set.controls = kept;
        Ok(Controls { set, unselected })
    }

    /// The latest expiry a waiver may have today (`max_waiver_days`).
    pub fn latest_expiry(&self) -> chrono::NaiveDate {
        let days = self
            .config
            .max_waiver_days
            .unwrap_or(crate::config::DEFAULT_MAX_WAIVER_DAYS);
        crate::dates::today() + chrono::Days::new(u64::from(days))
    }

    /// The per-evaluation time limit (also what `verify` gives each test).
    pub fn timeout(&self) -> Duration {
        self.eval.timeout
    }
}

/// Two reports written to one file would leave only the last: refused.
fn distinct_report_paths(reports: &[(&str, Option<&std::path::Path>)]) -> Result<(), Fatal> {
    let cwd = std::env::current_dir().unwrap_or_default();
    // The same file however it is written: `r.xml`, `./r.xml`, `out/../r.xml`.
    let key = |p: &std::path::Path| {
        let abs = cwd.join(p);
        // Folders that do not exist yet are compared lexically.
        let lexical = |d: &std::path::Path| {
            let mut out = PathBuf::new();
            for c in d.components() {
                match c {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other),
                }
            }
            out
        };
        let dir = abs
            .parent()
            .map(|d| d.canonicalize().unwrap_or_else(|_| lexical(d)));
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

fn resolve(f: Flags) -> Result<Settings, Fatal> {
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
