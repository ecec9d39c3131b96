//! The commands: each turns parsed flags into work through the library's
//! stages and returns the exit code. Errors that stop assure from running
//! (exit 2) are [`Fatal`].

use crate::cli::{
    BaselineArgs, ColorChoice, ControlsArgs, CriteriaArgs, Format, ListFormat, ParseArgs,
    PolicyArgs, ScanArgs, ScopeArgs, TestArgs,
};
use crate::config::{self, Config, ConfigError};
use crate::controls::{self, compile, CompileOptions, Control, ControlSet, PolicyError, Severity};
use crate::discover::{discover, DiscoverOptions};
use crate::evaluate::{EngineMode, EvalOptions, Evaluator};
use crate::frameworks::coverage::{Framework, Scope};
use crate::frameworks::criterion;
use crate::gate::{apply_baseline, apply_waivers, today, Baseline};
use crate::inputs::load::{parse_units, InputLimits, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES};
use crate::inputs::waivers::InlineWaiver;
use crate::inputs::{Document, InputError};
use crate::pipeline::Streamed;
use crate::report::{self, text::TextOptions};
use crate::results::{ControlResult, Gate, Parts, ScanResult};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Why assure could not run: exit 2, each message naming file and line where known.
#[derive(Debug)]
pub struct Fatal(pub Vec<String>);

impl From<Vec<PolicyError>> for Fatal {
    fn from(errors: Vec<PolicyError>) -> Self {
        Fatal(errors.iter().map(ToString::to_string).collect())
    }
}

impl From<ConfigError> for Fatal {
    fn from(e: ConfigError) -> Self {
        Fatal(vec![e.to_string()])
    }
}

impl From<PolicyError> for Fatal {
    fn from(e: PolicyError) -> Self {
        Fatal(vec![e.to_string()])
    }
}

fn fatal(msg: impl Into<String>) -> Fatal {
    Fatal(vec![msg.into()])
}

pub fn set_color(choice: ColorChoice) {
    let c = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    c.write_global();
}

/// Workers get a large stack: deeply nested documents and policies recurse.
pub fn init_threads(jobs: Option<usize>) -> Result<(), Fatal> {
    let mut b = rayon::ThreadPoolBuilder::new().stack_size(32 * 1024 * 1024);
    if let Some(n) = jobs {
        if n == 0 {
            return Err(fatal("--jobs must be at least 1"));
        }
        b = b.num_threads(n);
    }
    b.build_global()
        .map_err(|e| fatal(format!("cannot start worker threads: {e}")))
}

/// The config, scope and compiled controls a command runs with.
pub struct Setup {
    pub config: Config,
    pub scope: Scope,
    pub set: ControlSet,
}

/// Read the config, load and compile the policies the flags and config ask
/// for, fit their mappings to the scope and keep the controls selected.
pub fn setup(args: &PolicyArgs, scope_args: &ScopeArgs) -> Result<Setup, Fatal> {
    let cwd = std::env::current_dir()
        .map_err(|e| fatal(format!("cannot read the current folder: {e}")))?;
    let config = match config::find(args.config.as_deref(), &cwd) {
        Some(path) => config::load(&path)?,
        None => Config::default(),
    };
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
        framework: scope_args.framework,
        only: vec![],
    };
    let mut sources = if args.no_builtin {
        vec![]
    } else {
        controls::builtin_sources(false)
    };
    let mut policy_paths = args.policies.clone();
    policy_paths.extend(config.policies.iter().map(|p| config.base_dir().join(p)));
    sources.extend(controls::read_sources(&policy_paths, false)?);
    if sources.is_empty() {
        return Err(fatal(
            "no policies to run: --no-builtin was given without --policy",
        ));
    }
    let data = args
        .data
        .iter()
        .map(load_data)
        .collect::<Result<Vec<_>, _>>()?;
    let mut set = compile(
        &sources,
        &CompileOptions {
            objectives: &scope.objectives,
            data,
        },
    )?;
    let known: Vec<&str> = set.controls.iter().map(|c| c.id.as_str()).collect();
    let unknown: Vec<String> = scope
        .objective_controls
        .iter()
        .flat_map(|(o, ids)| ids.iter().map(move |id| (o, id)))
        .filter(|(_, id)| !known.contains(&id.as_str()))
        .map(|(o, id)| {
            format!(
                "{}: SOC 1 objective {o} names unknown control `{id}`",
                config_label(&config)
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(Fatal(unknown));
    }
    scope.apply_to(&mut set.controls);
    match scope.framework {
        Some(Framework::Soc2) => set.controls.retain(|c| !c.soc2.is_empty()),
        Some(Framework::Soc1) => set.controls.retain(|c| !c.soc1.is_empty()),
        None => {}
    }
    if !scope_args.criteria.is_empty() {
        let bad: Vec<String> = scope_args
            .criteria
            .iter()
            .filter(|id| !scope.has_criterion(id) && !scope.has_objective(id))
            .map(|id| {
                if criterion(id).is_some() {
                    format!(
                        "--criteria: {id} is out of scope (see soc2.categories and --framework)"
                    )
                } else {
                    format!("--criteria: unknown criterion or objective `{id}`")
                }
            })
            .collect();
        if !bad.is_empty() {
            return Err(Fatal(bad));
        }
        scope.only = scope_args.criteria.clone();
        set.controls.retain(|c| {
            c.soc2
                .iter()
                .chain(&c.soc1)
                .any(|id| scope.only.contains(id))
        });
    }
    Ok(Setup { config, scope, set })
}

fn config_label(config: &Config) -> String {
    config
        .source
        .as_deref()
        .map(crate::discover::slash_path)
        .unwrap_or_else(|| "assure.yaml".to_owned())
}

fn load_data(path: &PathBuf) -> Result<serde_json::Value, Fatal> {
    let label = crate::discover::slash_path(path);
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
        (Some(v), None) if v.is_object() => Ok(v),
        _ => Err(fatal(format!("{label}: a data file must hold one object"))),
    }
}

/// Keep the controls `--control` names (all when empty), drop `--skip-control`;
/// returns the ones left out.
fn select_controls(
    set: &mut ControlSet,
    only: &[String],
    skip: &[String],
) -> Result<Vec<Control>, Fatal> {
    let known: Vec<&str> = set.controls.iter().map(|c| c.id.as_str()).collect();
    let unknown: Vec<String> = only
        .iter()
        .chain(skip)
        .filter(|id| !known.contains(&id.as_str()))
        .map(|id| format!("unknown control id `{id}` (see `assure controls`)"))
        .collect();
    if !unknown.is_empty() {
        return Err(Fatal(unknown));
    }
    let (kept, left): (Vec<Control>, Vec<Control>) = std::mem::take(&mut set.controls)
        .into_iter()
        .partition(|c| (only.is_empty() || only.contains(&c.id)) && !skip.contains(&c.id));
    set.controls = kept;
    Ok(left)
}

/// What discovery and parsing give the scan.
#[derive(Debug, Default)]
pub struct Inputs {
    pub documents: Vec<Document>,
    /// Inputs that could not be read or parsed.
    pub errors: Vec<InputError>,
    /// `assure:waive` comments found in the files.
    pub waivers: Vec<InlineWaiver>,
}

/// Discover and parse: the documents, the inputs that failed, the inline waivers.
pub fn load_inputs(
    paths: &[PathBuf],
    opts: &DiscoverOptions,
    limits: InputLimits,
) -> Result<Inputs, Fatal> {
    let found = discover(paths, opts).map_err(|e| fatal(format!("cannot scan {e}")))?;
    let mut inputs = Inputs {
        errors: found.errors,
        ..Inputs::default()
    };
    for parsed in parse_units(&found.units, limits) {
        inputs.documents.extend(parsed.documents);
        inputs.errors.extend(parsed.errors);
        inputs.waivers.extend(parsed.waivers);
    }
    Ok(inputs)
}

/// Set up, discover, parse, evaluate and apply waivers and the baseline:
/// what `test`, `baseline` and `criteria` share.
fn execute(
    args: &ScanArgs,
    gate: impl FnOnce(&Config) -> Gate,
    baseline: Option<&Path>,
    progress_wanted: bool,
) -> Result<ScanResult, Fatal> {
    let started = Instant::now();
    init_threads(args.jobs)?;
    let Setup {
        config,
        scope,
        mut set,
    } = setup(&args.policy, &args.scope)?;
    let unselected = select_controls(&mut set, &args.controls, &args.skip_controls)?;
    let baseline = baseline
        .map(|p| Baseline::load(p).map(|b| (b, crate::discover::slash_path(p))))
        .transpose()
        .map_err(fatal)?;
    let limits = InputLimits {
        max_file_bytes: args
            .max_file_size
            .or(config.limits.max_file_size)
            .unwrap_or(DEFAULT_MAX_FILE_BYTES),
        max_depth: args
            .max_depth
            .or(config.limits.max_depth)
            .unwrap_or(DEFAULT_MAX_DEPTH),
    };
    let timeout = args.timeout.or(config.limits.timeout).unwrap_or(10.0);
    if !(timeout.is_finite() && timeout > 0.0) {
        return Err(fatal("the timeout must be a positive number of seconds"));
    }
    if limits.max_depth == 0 || limits.max_file_bytes == 0 {
        return Err(fatal("--max-depth and --max-file-size must be at least 1"));
    }
    let discover_opts = DiscoverOptions::new(args.no_ignore, &config.include, &config.exclude)
        .map_err(|e| fatal(format!("{}: {e}", config_label(&config))))?;
    let found =
        discover(&args.paths, &discover_opts).map_err(|e| fatal(format!("cannot scan {e}")))?;
    let mut evaluator = Evaluator::new(
        set,
        EvalOptions {
            timeout: Duration::from_secs_f64(timeout),
            mode: args.engine,
            evaluate_all: args.evaluate_all,
        },
    )?;
    let progress = progress_bar(progress_wanted, found.units.len());
    let mut streamed =
        crate::pipeline::run(&mut evaluator, &found.units, limits, &|| progress.inc(1))?;
    // Discovery's errors (unreadable folders, links out of the root) first.
    streamed.errors.splice(0..0, found.errors);
    // Whoever asks for the experimental VM should know where it was not used
    // (on stderr: stdout may be a machine format).
    if args.engine == EngineMode::Vm {
        vm_fallback_notes(&evaluator.fallbacks());
    }
    let ctx = Context {
        gate: gate(&config),
        scope: &scope,
        config: &config,
        baseline: baseline.as_ref().map(|(b, f)| (b, f.as_str())),
        unselected: &unselected,
    };
    let mut result = scan(&evaluator, streamed, &ctx, started);
    progress.finish_and_clear();
    result.root_prefix = root_prefix(&args.paths);
    Ok(result)
}

/// One line per reason the VM gave, with the controls it gave it for.
fn vm_fallback_notes(fallbacks: &[(String, String)]) {
    let mut by_reason: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for (id, why) in fallbacks {
        let reason = match controls::regorus_parts(why) {
            (Some(at), msg) => format!("{msg} ({at})"),
            (None, msg) => msg.to_owned(),
        };
        by_reason.entry(reason).or_default().push(id);
    }
    for (reason, ids) in by_reason {
        eprintln!(
            "note: {} control{} ran on the interpreter, the VM could not compile {}: {reason}: {}",
            ids.len(),
            crate::results::plural(ids.len()),
            if ids.len() == 1 { "it" } else { "them" },
            ids.join(", ")
        );
    }
}

/// With one scanned PATH inside the current folder, that PATH as a prefix
/// (`demo/app/`) for repository-relative reports; otherwise empty.
fn root_prefix(paths: &[PathBuf]) -> String {
    let [root] = paths else { return String::new() };
    let dir = if root.is_file() {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    } else {
        root.clone()
    };
    let rel = crate::discover::slash_path(&dir);
    let rel = rel.trim_end_matches('/');
    if rel.is_empty() || rel == "." || rel.starts_with("..") || dir.is_absolute() {
        // An absolute path inside the current folder is made relative.
        let cwd = std::env::current_dir().ok();
        let inside = cwd.as_deref().and_then(|c| {
            dir.canonicalize()
                .ok()?
                .strip_prefix(c.canonicalize().ok()?)
                .ok()
                .map(Path::to_path_buf)
        });
        return match inside {
            Some(p) if !p.as_os_str().is_empty() => format!("{}/", crate::discover::slash_path(&p)),
            _ => String::new(),
        };
    }
    format!("{rel}/")
}

pub fn run_test(args: &TestArgs) -> Result<i32, Fatal> {
    let progress = args.format == Format::Text && !args.output.quiet;
    let result = execute(
        &args.scan,
        |config| Gate {
            fail_on: args.fail_on.or(config.fail_on).unwrap_or(Severity::Low),
            fail_on_warn: args.fail_on_warn,
            no_fail: args.no_fail,
        },
        args.baseline.as_deref(),
        progress,
    )?;
    let write = |path: &Path, what: &str, text: &str| {
        report::write_atomically(path, text.as_bytes()).map_err(|e| {
            fatal(format!(
                "{}: cannot write {what} report: {e}",
                path.display()
            ))
        })
    };
    // A format asked for on stdout and as a file is rendered once.
    let junit = std::cell::OnceCell::new();
    let json = std::cell::OnceCell::new();
    let sarif = std::cell::OnceCell::new();
    let junit = || junit.get_or_init(|| report::junit::render(&result));
    let json = || json.get_or_init(|| report::json::render(&result));
    let sarif = || sarif.get_or_init(|| report::sarif::render(&result));
    if let Some(path) = &args.junit {
        write(path, "JUnit", junit())?;
    }
    if let Some(path) = &args.json {
        write(path, "JSON", json())?;
    }
    if let Some(path) = &args.sarif {
        write(path, "SARIF", sarif())?;
    }
    if let Some(path) = &args.markdown {
        let meta = report::markdown::Meta::now(&args.scan.paths);
        write(path, "Markdown", &report::markdown::render(&result, &meta))?;
    }
    let out = match args.format {
        Format::Text => report::text::render(
            &result,
            &TextOptions {
                quiet: args.output.quiet,
            },
        ),
        Format::Json => json().clone(),
        Format::Junit => junit().clone(),
        Format::Sarif => sarif().clone(),
        Format::Github => {
            report::github::write_step_summary(&result)
                .map_err(|e| fatal(format!("cannot write GITHUB_STEP_SUMMARY: {e}")))?;
            report::github::render(&result)
        }
    };
    print_stdout(&out);
    Ok(result.verdict.exit_code)
}

/// `assure baseline`: write the current findings, so later runs with
/// `--baseline` fail only on new ones. Exit 0 when written, even with
/// findings: recording them is the point; inputs that could not be parsed
/// still exit 1, since their findings could not be recorded.
pub fn run_baseline(args: &BaselineArgs) -> Result<i32, Fatal> {
    let result = execute(&args.scan, |_| Gate::default(), None, false)?;
    let baseline = Baseline::from_results(&result.controls);
    report::write_atomically(&args.output, baseline.to_json().as_bytes()).map_err(|e| {
        fatal(format!(
            "{}: cannot write baseline: {e}",
            args.output.display()
        ))
    })?;
    eprintln!(
        "wrote {} finding{} to {}",
        baseline.findings.len(),
        crate::results::plural(baseline.findings.len()),
        crate::discover::slash_path(&args.output)
    );
    for e in &result.input_errors {
        eprintln!("error: {}", e.display());
    }
    Ok(if result.input_errors.is_empty() { 0 } else { 1 })
}

/// Inputs (files, Terraform modules) above which a scan shows progress.
const PROGRESS_THRESHOLD: usize = 200;

/// A progress bar on stderr, for long scans in a terminal only: hidden when
/// stderr is not a terminal, for machine formats and with `--quiet`.
fn progress_bar(wanted: bool, inputs: usize) -> indicatif::ProgressBar {
    let show = wanted && inputs > PROGRESS_THRESHOLD;
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(inputs as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} scanning {pos}/{len} inputs {wide_bar} {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar
}

/// What shapes a scan's result beyond the controls and documents.
pub struct Context<'a> {
    pub gate: Gate,
    pub scope: &'a Scope,
    pub config: &'a Config,
    /// The baseline and the path it was read from.
    pub baseline: Option<(&'a Baseline, &'a str)>,
    /// Controls left out by --control/--skip-control (for coverage).
    pub unselected: &'a [Control],
}

/// Assemble the result model from what the pipeline gave.
pub fn scan(
    evaluator: &Evaluator,
    streamed: Streamed,
    ctx: &Context<'_>,
    started: Instant,
) -> ScanResult {
    let mut results: Vec<ControlResult> = evaluator
        .controls()
        .iter()
        .zip(streamed.targets)
        .map(|(c, targets)| ControlResult {
            control: c.clone(),
            targets,
        })
        .collect();
    results
        .par_iter_mut()
        .for_each(|r| r.targets.sort_by(|a, b| a.name.cmp(&b.name)));
    let waivers = apply_waivers(
        &mut results,
        &ctx.config.waivers,
        &config_label(ctx.config),
        &streamed.waivers,
        today(),
    );
    let baseline = ctx
        .baseline
        .map(|(b, file)| apply_baseline(&mut results, b, file));
    ScanResult::new(Parts {
        controls: results,
        input_errors: streamed.errors,
        documents: streamed.documents,
        gate: ctx.gate,
        scope: ctx.scope,
        waivers,
        baseline,
        unselected: ctx.unselected,
        elapsed: started.elapsed(),
    })
}

pub fn run_parse(args: &ParseArgs) -> Result<i32, Fatal> {
    let started = Instant::now();
    let Inputs {
        documents, errors, ..
    } = load_inputs(
        std::slice::from_ref(&args.path),
        &DiscoverOptions::default(),
        InputLimits::default(),
    )?;
    if args.summary {
        let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for d in &documents {
            *kinds.entry(d.kind.name()).or_default() += 1;
        }
        let mut text = String::new();
        for (k, n) in kinds {
            text.push_str(&format!("{k:<16} {n}\n"));
        }
        text.push_str(&format!(
            "{} documents, {} input errors in {:.3}s\n",
            documents.len(),
            errors.len(),
            started.elapsed().as_secs_f64()
        ));
        print_stdout(&text);
        return Ok(if errors.is_empty() { 0 } else { 1 });
    }
    let out: Vec<serde_json::Value> = documents
        .iter()
        .map(|d| {
            serde_json::json!({
                "path": d.path,
                "kind": d.kind,
                "index": d.index,
                "input": d.value,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    print_stdout(&text);
    for e in &errors {
        eprintln!("error: {}", e.display());
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}

pub fn run_controls(args: &ControlsArgs) -> Result<i32, Fatal> {
    let set = setup(&args.policy, &args.scope)?.set;
    let out = match args.format {
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&set.controls).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Markdown => report::catalog::markdown(&set.controls),
        ListFormat::Text => report::catalog::text(&set.controls),
    };
    print_stdout(&out);
    Ok(0)
}

/// `assure criteria`: the criteria and objectives in scope with their
/// controls; with PATHs, after a scan of them, with each one's status.
pub fn run_criteria(args: &CriteriaArgs) -> Result<i32, Fatal> {
    let scanned = !args.paths.is_empty();
    let result = if scanned {
        let scan = ScanArgs {
            paths: args.paths.clone(),
            policy: args.policy.clone(),
            controls: vec![],
            skip_controls: vec![],
            scope: args.scope.clone(),
            jobs: None,
            timeout: None,
            max_file_size: None,
            max_depth: None,
            no_ignore: false,
            engine: Default::default(),
            evaluate_all: false,
        };
        execute(&scan, |_| Gate::default(), None, false)?
    } else {
        let Setup { scope, set, .. } = setup(&args.policy, &args.scope)?;
        let controls = set
            .controls
            .iter()
            .map(|c| ControlResult {
                control: c.clone(),
                targets: vec![],
            })
            .collect();
        ScanResult::new(Parts {
            controls,
            input_errors: vec![],
            documents: 0,
            gate: Gate::default(),
            scope: &scope,
            waivers: Default::default(),
            baseline: None,
            unselected: &[],
            elapsed: Duration::ZERO,
        })
    };
    let out = match args.format {
        ListFormat::Json => {
            let mut s = serde_json::to_string_pretty(&result.coverage).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Markdown => report::markdown::coverage_section(&result.coverage, scanned),
        ListFormat::Text => report::text::coverage(&result.coverage, scanned),
    };
    print_stdout(&out);
    Ok(0)
}

/// Write to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_stdout(s: &str) {
    let mut out = anstream::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

/// `assure verify`: the policies' unit tests. Exit 1 when any fails or
/// errors, 2 when the policies do not compile.
pub fn run_verify(args: &crate::cli::VerifyArgs) -> Result<i32, Fatal> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(fatal("--timeout must be a positive number of seconds"));
    }
    let cwd = std::env::current_dir()
        .map_err(|e| fatal(format!("cannot read the current folder: {e}")))?;
    let config = match config::find(args.policy.config.as_deref(), &cwd) {
        Some(path) => config::load(&path)?,
        None => Config::default(),
    };
    let mut sources = if args.policy.no_builtin {
        vec![]
    } else {
        controls::builtin_sources(true)
    };
    let mut paths = args.policy.policies.clone();
    paths.extend(args.paths.iter().cloned());
    paths.extend(config.policies.iter().map(|p| config.base_dir().join(p)));
    sources.extend(controls::read_sources(&paths, true)?);
    if sources.is_empty() {
        return Err(fatal(
            "no policies to verify: --no-builtin was given without a PATH or --policy",
        ));
    }
    let objectives = config.objectives();
    let report = crate::verify::run(
        &sources,
        &crate::verify::VerifyOptions {
            objectives: &objectives,
            timeout: Duration::from_secs_f64(args.timeout),
            coverage: args.coverage,
        },
    )?;
    if report.tests.is_empty() {
        return Err(fatal("no test_ rules found in *_test.rego files"));
    }
    let out = match args.format {
        crate::cli::VerifyFormat::Text => report::verify::text(&report, args.verbose),
        crate::cli::VerifyFormat::Json => report::verify::json(&report),
        crate::cli::VerifyFormat::Junit => report::verify::junit(&report),
    };
    print_stdout(&out);
    Ok(if report.passed() { 0 } else { 1 })
}

/// Files `assure init` writes, relative to its folder.
const INIT_FILES: [(&str, &str); 3] = [
    ("assure.yaml", include_str!("init/assure.yaml")),
    ("policy/example.rego", include_str!("init/example.rego")),
    (
        "policy/example_test.rego",
        include_str!("init/example_test.rego"),
    ),
];

/// `assure init`: a commented starter config and an example policy with
/// its test. Never overwrites a file unless `--force`.
pub fn run_init(args: &crate::cli::InitArgs) -> Result<i32, Fatal> {
    let existing: Vec<String> = INIT_FILES
        .iter()
        .map(|(rel, _)| args.dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| crate::discover::slash_path(&p))
        .collect();
    if !existing.is_empty() && !args.force {
        return Err(Fatal(
            existing
                .into_iter()
                .map(|p| format!("{p} already exists (use --force to overwrite)"))
                .collect(),
        ));
    }
    for (rel, text) in INIT_FILES {
        let path = args.dir.join(rel);
        report::write_atomically(&path, text.as_bytes())
            .map_err(|e| fatal(format!("{}: cannot write: {e}", path.display())))?;
        eprintln!("wrote {}", crate::discover::slash_path(&path));
    }
    Ok(0)
}
