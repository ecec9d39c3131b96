//! A scan from settings to result: load the controls, discover the inputs,
//! stream them through parsing and evaluation, then let the gate apply
//! waivers and the baseline and give the verdict, and compute coverage.
//! What `test`, `baseline` and `criteria PATH` share.

use crate::controls::regorus_parts;
use crate::discover::discover;
use crate::evaluate::{EngineMode, Evaluator};
use crate::fatal::{fatal, Fatal};
use crate::gate::baseline::{Baseline, BaselineMatch};
use crate::gate::waivers::{WaiverInputs, Waivers};
use crate::inputs::load::parse_units;
use crate::inputs::waivers::InlineWaiver;
use crate::inputs::{Document, InputError};
use crate::paths::slash_path;
use crate::pipeline::Streamed;
use crate::results::coverage::coverage;
use crate::results::{ScanResult, Summary, Tool, SCHEMA_VERSION};
use crate::settings::Settings;
use crate::words::plural;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Workers get a large stack: deeply nested documents and policies recurse.
const WORKER_STACK_BYTES: usize = 32 * 1024 * 1024;

/// Inputs (files, Terraform modules) above which a scan shows progress.
const PROGRESS_THRESHOLD: usize = 200;

/// Run a scan. `progress`: show a progress bar on stderr for long scans
/// (only ever on a terminal).
pub fn run(settings: &Settings, progress: bool) -> Result<ScanResult, Fatal> {
    let started = Instant::now();
    init_threads(settings.jobs)?;
    crate::evaluate::limit_memory(settings.max_memory);
    let controls = settings.load_controls()?;
    let baseline = settings
        .baseline
        .as_deref()
        .map(|p| Baseline::load(p).map(|b| (b, slash_path(p))))
        .transpose()
        .map_err(fatal)?;
    let mut found = discover(&settings.paths, &settings.discover)
        .map_err(|e| fatal(format!("cannot scan {e}")))?;
    found.units = prepare_terraform(std::mem::take(&mut found.units), settings);
    let mut evaluator = Evaluator::new(controls.set, settings.eval)?;
    let bar = progress_bar(progress, found.units.len());
    let mut streamed = if settings.combine {
        combined(&mut evaluator, &found.units, settings)?
    } else {
        crate::pipeline::run(&mut evaluator, &found.units, settings.limits, &|| {
            bar.inc(1)
        })?
    };
    // Discovery's errors (unreadable folders, links out of the root) first.
    streamed.errors.splice(0..0, found.errors);
    streamed.not_examined.files.extend(found.not_examined);
    // Whoever asks for the experimental VM should know where it was not used
    // (on stderr: stdout may be a machine format).
    if settings.eval.mode == EngineMode::Vm {
        vm_fallback_notes(&evaluator.fallbacks());
    }
    // Nothing evaluates from here: the controls' engines and the list of
    // inputs (tens of megabytes in a monorepo) go before the results are
    // merged and gated, when a large scan's memory peaked (100,001 files:
    // 86 -> 81 MB).
    drop(evaluator);
    drop(found.units);
    let mut result = assemble(
        streamed,
        settings,
        baseline.as_ref().map(|(b, f)| (b, f.as_str())),
        &controls.unselected,
    )?;
    bar.finish_and_clear();
    result.elapsed = started.elapsed();
    result.root_prefix = root_prefix(&settings.paths);
    Ok(result)
}

/// `--combine`: every document of the scan as one input, a list of
/// `{path, contents}` named `Combined` (conftest's shape), so one policy can
/// compare files; controls written for one kind of file (every built-in
/// one) find nothing to examine in it, and the report says so.
fn combined(
    evaluator: &mut Evaluator,
    units: &[crate::inputs::Unit],
    settings: &Settings,
) -> Result<crate::pipeline::Streamed, Fatal> {
    let mut errors = Vec::new();
    let mut waivers = Vec::new();
    let mut entries = Vec::new();
    let mut count = 0;
    for parsed in crate::inputs::load::parse_units(units, settings.limits) {
        errors.extend(parsed.errors);
        waivers.extend(parsed.waivers);
        for d in parsed.documents {
            count += 1;
            entries.push(serde_json::json!({"path": d.path, "contents": d.value}));
        }
    }
    let document = crate::inputs::Document {
        kind: crate::inputs::kinds::InputKind::Json,
        path: "Combined".into(),
        index: 0,
        value: serde_json::Value::Array(entries),
        locator: crate::inputs::Locator::File {
            path: "Combined".into(),
        },
        instance: None,
    };
    let mut streamed = crate::pipeline::run_documents(evaluator, vec![document])?;
    streamed.documents = count;
    streamed.errors.extend(errors);
    streamed.waivers.extend(waivers);
    Ok(streamed)
}

/// The result model from what the pipeline gave: targets settled with
/// waivers and the baseline applied, totals, the verdict, coverage.
fn assemble(
    streamed: Streamed,
    settings: &Settings,
    baseline: Option<(&Baseline, &str)>,
    unselected: &[crate::controls::Control],
) -> Result<ScanResult, Fatal> {
    let Streamed {
        documents,
        mut errors,
        waivers: inline,
        controls: ran,
        targets,
        mut not_examined,
        components,
    } = streamed;
    not_examined.settle();
    let (mut waivers, refused) = Waivers::new(
        &ran,
        &WaiverInputs {
            config: &settings.config.waivers,
            config_label: &settings.config_label,
            inline: &inline,
            today: crate::dates::today(),
            latest_expiry: settings.latest_expiry(),
        },
    );
    errors.extend(refused);
    let mut known = baseline.map(|(b, file)| BaselineMatch::new(b, file));
    let mut results = targets
        .settle(&ran, |c, t| {
            waivers.apply(&c.id, t);
            if let Some(k) = known.as_mut() {
                k.apply(t);
            }
        })
        .map_err(|e| {
            fatal(format!(
                "cannot keep the scan's results in a temporary file: {e}"
            ))
        })?;
    let waivers = waivers.report(&ran);
    let baseline = known.map(|k| k.report(&ran));
    results.sort_by(|a, b| a.control.id.cmp(&b.control.id));
    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    errors.dedup();
    let summary = Summary::of(&results, documents, errors.len());
    let verdict = crate::gate::verdict(
        &results,
        &summary,
        settings.gate,
        &waivers,
        baseline.as_ref(),
        &not_examined,
    );
    // Controls left out with --control/--skip-control still map their
    // criteria: those are "partial", never "no automated control".
    let coverage = coverage(&settings.scope, &results, unselected);
    Ok(ScanResult {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "assure",
            version: env!("CARGO_PKG_VERSION"),
        },
        gate: settings.gate,
        controls: results,
        input_errors: errors,
        coverage,
        not_examined,
        components,
        waivers,
        baseline,
        summary,
        verdict,
        elapsed: Default::default(),
        root_prefix: String::new(),
    })
}

/// What discovery and parsing alone give (`assure parse`).
#[derive(Debug, Default)]
pub struct Inputs {
    pub documents: Vec<Document>,
    /// Inputs that could not be read or parsed.
    pub errors: Vec<InputError>,
    /// `assure:waive` comments found in the files.
    pub waivers: Vec<InlineWaiver>,
}

/// Discover and parse, evaluating nothing.
pub fn parse_only(settings: &Settings) -> Result<Inputs, Fatal> {
    let mut found = discover(&settings.paths, &settings.discover)
        .map_err(|e| fatal(format!("cannot scan {e}")))?;
    found.units = prepare_terraform(std::mem::take(&mut found.units), settings);
    let mut inputs = Inputs {
        errors: found.errors,
        ..Inputs::default()
    };
    for parsed in parse_units(&found.units, settings.limits) {
        inputs.documents.extend(parsed.documents);
        inputs.errors.extend(parsed.errors);
        inputs.waivers.extend(parsed.waivers);
    }
    Ok(inputs)
}

/// Documents per kind and the input errors of a scan's files, each unit's
/// documents dropped as soon as they are counted: `parse --summary` is the
/// discover-and-parse floor, and holds no more than one unit per thread.
pub fn count_only(
    settings: &Settings,
) -> Result<
    (
        std::collections::BTreeMap<crate::inputs::kinds::InputKind, usize>,
        Vec<crate::inputs::InputError>,
    ),
    Fatal,
> {
    use rayon::prelude::*;
    let mut found = discover(&settings.paths, &settings.discover)
        .map_err(|e| fatal(format!("cannot scan {e}")))?;
    found.units = prepare_terraform(std::mem::take(&mut found.units), settings);
    let per_unit: Vec<(
        Vec<crate::inputs::kinds::InputKind>,
        Vec<crate::inputs::InputError>,
    )> = found
        .units
        .par_iter()
        .map(|u| {
            let parsed = crate::inputs::load::parse_guarded(u, settings.limits);
            (
                parsed.documents.iter().map(|d| d.kind).collect(),
                parsed.errors,
            )
        })
        .collect();
    let mut kinds = std::collections::BTreeMap::new();
    let mut errors = found.errors;
    for (k, e) in per_unit {
        for kind in k {
            *kinds.entry(kind).or_default() += 1;
        }
        errors.extend(e);
    }
    Ok((kinds, errors))
}

/// Terraform directories into root modules with the instances they call.
fn prepare_terraform(
    units: Vec<crate::inputs::Unit>,
    settings: &Settings,
) -> Vec<crate::inputs::Unit> {
    crate::inputs::terraform::workspace::prepare(
        units,
        crate::inputs::terraform::workspace::Options {
            scan_roots: settings.paths.clone(),
            var_files: settings.var_files.clone(),
            limits: settings.limits,
        },
    )
}

fn init_threads(jobs: Option<usize>) -> Result<(), Fatal> {
    let mut b = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES);
    if let Some(n) = jobs {
        b = b.num_threads(n);
    }
    b.build_global()
        .map_err(|e| fatal(format!("cannot start worker threads: {e}")))
}

/// One line per reason the VM gave, with the controls it gave it for.
fn vm_fallback_notes(fallbacks: &[(String, String)]) {
    let mut by_reason: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for (id, why) in fallbacks {
        let reason = match regorus_parts(why) {
            (Some(at), msg) => format!("{msg} ({at})"),
            (None, msg) => msg.to_owned(),
        };
        by_reason.entry(reason).or_default().push(id);
    }
    for (reason, ids) in by_reason {
        eprintln!(
            "note: {} control{} ran on the interpreter, the VM could not compile {}: {reason}: {}",
            ids.len(),
            plural(ids.len()),
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
    let rel = slash_path(&dir);
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
            Some(p) if !p.as_os_str().is_empty() => format!("{}/", slash_path(&p)),
            _ => String::new(),
        };
    }
    format!("{rel}/")
}

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
