//! The commands: each turns parsed flags into work through the library's
//! stages and returns the exit code. Errors that stop assure from running
//! (exit 2) are [`Fatal`].

use crate::cli::{ColorChoice, ControlsArgs, Format, ListFormat, ParseArgs, PolicyArgs, TestArgs};
use crate::controls::{self, compile, CompileOptions, ControlSet, PolicyError};
use crate::discover::{discover, DiscoverOptions};
use crate::evaluate::{EvalOptions, Evaluator};
use crate::frameworks::default_objectives;
use crate::inputs::load::{parse_units, InputLimits};
use crate::inputs::{Document, InputError};
use crate::report::{self, text::TextOptions};
use crate::results::{build_targets, ControlResult, Gate, ScanResult};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Why assure could not run: exit 2, each message naming file and line where known.
#[derive(Debug)]
pub struct Fatal(pub Vec<String>);

impl From<Vec<PolicyError>> for Fatal {
    fn from(errors: Vec<PolicyError>) -> Self {
        Fatal(errors.iter().map(ToString::to_string).collect())
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

/// Load and compile the policies the flags ask for.
pub fn load_controls(args: &PolicyArgs) -> Result<ControlSet, Fatal> {
    let mut sources = if args.no_builtin {
        vec![]
    } else {
        controls::builtin_sources(false)
    };
    sources.extend(controls::read_sources(&args.policies, false)?);
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
    let objectives = default_objectives();
    Ok(compile(
        &sources,
        &CompileOptions {
            objectives: &objectives,
            data,
        },
    )?)
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

/// Keep the controls `--control` names (all when empty), drop `--skip-control`.
fn select_controls(set: &mut ControlSet, only: &[String], skip: &[String]) -> Result<(), Fatal> {
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
    set.controls
        .retain(|c| (only.is_empty() || only.contains(&c.id)) && !skip.contains(&c.id));
    Ok(())
}

/// Discover and parse: the documents, and the inputs that failed.
pub fn load_inputs(
    paths: &[PathBuf],
    no_ignore: bool,
    limits: InputLimits,
) -> Result<(Vec<Document>, Vec<InputError>), Fatal> {
    let found = discover(paths, &DiscoverOptions { no_ignore })
        .map_err(|e| fatal(format!("cannot scan {e}")))?;
    let mut errors = found.errors;
    let mut documents = Vec::new();
    for parsed in parse_units(&found.units, limits) {
        documents.extend(parsed.documents);
        errors.extend(parsed.errors);
    }
    Ok((documents, errors))
}

pub fn run_test(args: &TestArgs) -> Result<i32, Fatal> {
    let started = Instant::now();
    init_threads(args.jobs)?;
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err(fatal("--timeout must be a positive number of seconds"));
    }
    let mut set = load_controls(&args.policy)?;
    select_controls(&mut set, &args.controls, &args.skip_controls)?;
    let evaluator = Evaluator::new(
        set,
        EvalOptions {
            timeout: Duration::from_secs_f64(args.timeout),
            mode: args.engine,
        },
    )?;
    let limits = InputLimits {
        max_file_bytes: args.max_file_size,
    };
    let (documents, input_errors) = load_inputs(&args.paths, args.no_ignore, limits)?;
    let progress = progress_bar(args, documents.len());
    let result = scan(
        &evaluator,
        &documents,
        input_errors,
        gate(args),
        started,
        &|| progress.inc(1),
    );
    progress.finish_and_clear();

    if let Some(path) = &args.junit {
        report::write_atomically(path, report::junit::render(&result).as_bytes()).map_err(|e| {
            fatal(format!(
                "{}: cannot write JUnit report: {e}",
                path.display()
            ))
        })?;
    }
    if let Some(path) = &args.json {
        report::write_atomically(path, report::json::render(&result).as_bytes())
            .map_err(|e| fatal(format!("{}: cannot write JSON report: {e}", path.display())))?;
    }
    let out = match args.format {
        Format::Text => report::text::render(
            &result,
            &TextOptions {
                quiet: args.output.quiet,
            },
        ),
        Format::Json => report::json::render(&result),
        Format::Junit => report::junit::render(&result),
    };
    print_stdout(&out);
    Ok(result.verdict.exit_code)
}

/// Documents above which a scan shows progress.
const PROGRESS_THRESHOLD: usize = 200;

/// A progress bar on stderr, for long scans in a terminal only: hidden when
/// stderr is not a terminal, for machine formats and with `--quiet`.
fn progress_bar(args: &TestArgs, documents: usize) -> indicatif::ProgressBar {
    let show = args.format == Format::Text && !args.output.quiet && documents > PROGRESS_THRESHOLD;
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(documents as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} evaluating {pos}/{len} documents {wide_bar} {elapsed}",
    ) {
        bar.set_style(style);
    }
    bar
}

fn gate(args: &TestArgs) -> Gate {
    Gate {
        fail_on: args.fail_on,
        fail_on_warn: args.fail_on_warn,
        no_fail: args.no_fail,
    }
}

/// Evaluate and assemble the result model.
pub fn scan(
    evaluator: &Evaluator,
    documents: &[Document],
    input_errors: Vec<InputError>,
    gate: Gate,
    started: Instant,
    progress: &(dyn Fn() + Sync),
) -> ScanResult {
    let mut per_file: HashMap<&str, usize> = HashMap::new();
    for d in documents {
        *per_file.entry(d.path.as_str()).or_default() += 1;
    }
    let controls = evaluator.controls();
    let mut results: Vec<ControlResult> = controls
        .iter()
        .map(|c| ControlResult {
            control: c.clone(),
            targets: vec![],
        })
        .collect();
    for (ci, di, raw) in evaluator.evaluate_with_progress(documents, progress) {
        let doc = &documents[di];
        let n = per_file.get(doc.path.as_str()).copied().unwrap_or(1);
        results[ci]
            .targets
            .extend(build_targets(&controls[ci], doc, n, raw));
    }
    for r in &mut results {
        r.targets.sort_by(|a, b| a.name.cmp(&b.name));
    }
    ScanResult::new(
        results,
        input_errors,
        documents.len(),
        gate,
        started.elapsed(),
    )
}

pub fn run_parse(args: &ParseArgs) -> Result<i32, Fatal> {
    let (documents, errors) = load_inputs(
        std::slice::from_ref(&args.path),
        false,
        InputLimits::default(),
    )?;
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
    let set = load_controls(&args.policy)?;
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

/// Write to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_stdout(s: &str) {
    let mut out = anstream::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}
