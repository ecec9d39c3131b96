//! Settings: the one step that decides, for every command, which value wins
//! (a flag, then `assure.yaml`, then the default), validates the result, and
//! hands the commands one ready value. Commands never read flags or the
//! config file themselves, so a precedence rule is written once.

use crate::cli::{BaselineArgs, ControlsArgs, CriteriaArgs, PolicyArgs, ScopeArgs, TestArgs};
use crate::cli::{ParseArgs, PeriodArgs, ScanArgs, VerifyArgs, WaiversArgs};
use crate::config::Config;
use crate::controls::{
    compile_within_limit, CompileOptions, Control, ControlSet, PolicySource, Severity,
};
use crate::discover::DiscoverOptions;
use crate::evaluate::{EngineMode, EvalOptions};
use crate::fatal::{fatal, Fatal};
use crate::frameworks::Framework;
use crate::inputs::load::InputLimits;
use crate::results::Gate;
use crate::scope::Scope;
use std::path::PathBuf;
use std::time::Duration;

mod limits;
mod resolve;

pub use limits::{default_max_memory, DEFAULT_TIMEOUT_SECS};
use resolve::{distinct_report_paths, resolve};

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
