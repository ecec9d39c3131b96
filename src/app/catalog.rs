//! The commands that list or check without judging a repository's
//! configuration into a verdict of its own: `waivers`, `parse`, `controls`,
//! `criteria` (which can also scan), `verify` and `init`.

use super::output::{pretty_json, print_stdout};
use crate::cli::{
    ControlsArgs, CriteriaArgs, InitArgs, ListFormat, ParseArgs, VerifyArgs, VerifyFormat,
    WaiversArgs,
};
use crate::fatal::{fatal, Fatal};
use crate::report;
use crate::results::coverage::coverage;
use crate::results::{ControlResult, ScanResult};
use crate::settings::Settings;
use std::time::Instant;

/// `assure waivers`: every waiver of assure.yaml and of inline markers
/// under PATH, soonest expiry first. With `--expiring DAYS`, only those
/// expiring within DAYS or already expired, and exit 1 when there is any
/// (for a scheduled job that should tell someone).
pub fn run_waivers(args: &WaiversArgs) -> Result<i32, Fatal> {
    use crate::gate::waivers::{config_info, inline_info};
    let settings = Settings::for_waivers(args)?;
    let inputs = crate::scan::parse_only(&settings)?;
    let today = crate::dates::today();
    let mut waivers: Vec<(Option<i64>, crate::results::WaiverInfo)> = settings
        .config
        .waivers
        .iter()
        .map(|w| config_info(w, &settings.config_label))
        .chain(inputs.waivers.iter().map(inline_info))
        .map(|w| {
            let left = crate::dates::parse_date(&w.expires).map(|d| (d - today).num_days());
            (left, w)
        })
        .filter(|(left, _)| match args.expiring {
            Some(days) => left.is_none_or(|l| l <= i64::from(days)),
            None => true,
        })
        .collect();
    waivers.sort_by(|a, b| (a.0, &a.1.control, &a.1.source).cmp(&(b.0, &b.1.control, &b.1.source)));
    let out = match args.format {
        ListFormat::Json => pretty_json(
            &waivers
                .iter()
                .map(|(left, w)| serde_json::json!({"waiver": w, "days_left": left}))
                .collect::<Vec<_>>(),
        ),
        ListFormat::Markdown => report::catalog::waivers_markdown(&waivers),
        ListFormat::Text => report::catalog::waivers_text(&waivers),
    };
    print_stdout(&out)?;
    Ok(if args.expiring.is_some() && !waivers.is_empty() {
        1
    } else {
        0
    })
}

/// `assure parse`: the documents policies would see, as JSON, or with
/// `--summary` only their counts (the discover-and-parse floor of a scan).
pub fn run_parse(args: &ParseArgs) -> Result<i32, Fatal> {
    let started = Instant::now();
    let settings = Settings::for_parse(args)?;
    if args.summary {
        let (kinds, errors) = crate::scan::count_only(&settings)?;
        let mut by_name: std::collections::BTreeMap<&str, usize> = Default::default();
        for (k, n) in &kinds {
            *by_name.entry(k.name()).or_default() += n;
        }
        let mut text = String::new();
        for (k, n) in &by_name {
            text.push_str(&format!("{k:<16} {n}\n"));
        }
        text.push_str(&format!(
            "{} documents, {} input errors in {:.3}s\n",
            kinds.values().sum::<usize>(),
            errors.len(),
            started.elapsed().as_secs_f64()
        ));
        print_stdout(&text)?;
        return Ok(if errors.is_empty() { 0 } else { 1 });
    }
    let inputs = crate::scan::parse_only(&settings)?;
    let (documents, errors) = (inputs.documents, inputs.errors);
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
    print_stdout(&pretty_json(&out))?;
    for e in &errors {
        eprintln!("error: {}", e.display());
    }
    Ok(if errors.is_empty() { 0 } else { 1 })
}

/// `assure controls`: the controls that would run.
pub fn run_controls(args: &ControlsArgs) -> Result<i32, Fatal> {
    let set = Settings::for_controls(args)?.load_controls()?.set;
    let out = match args.format {
        ListFormat::Json => pretty_json(&set.controls),
        ListFormat::Markdown => report::catalog::markdown(&set.controls),
        ListFormat::Text if args.explain => report::catalog::explain(&set.controls),
        ListFormat::Text => report::catalog::text(&set.controls),
    };
    print_stdout(&out)?;
    Ok(0)
}

/// `assure criteria`: the criteria and objectives in scope with their
/// controls; with PATHs, after a scan of them, with each one's status, and
/// the scan's exit code (as `assure test` would give with the same config).
pub fn run_criteria(args: &CriteriaArgs) -> Result<i32, Fatal> {
    let settings = Settings::for_criteria(args)?;
    let scanned = !settings.paths.is_empty();
    let (coverage, exit_code) = if scanned {
        let ScanResult {
            coverage, verdict, ..
        } = crate::scan::run(&settings, false)?;
        (coverage, verdict.exit_code)
    } else {
        let loaded = settings.load_controls()?;
        let left_out = loaded.unselected;
        let controls: Vec<ControlResult> = loaded
            .set
            .controls
            .into_iter()
            .map(|control| ControlResult {
                control,
                targets: Vec::new().into(),
            })
            .collect();
        (coverage(&settings.scope, &controls, &left_out), 0)
    };
    let out = match args.format {
        ListFormat::Json => pretty_json(&coverage),
        ListFormat::Markdown => report::markdown::coverage_section(&coverage, scanned),
        ListFormat::Text => report::text::coverage(&coverage, scanned),
    };
    print_stdout(&out)?;
    Ok(exit_code)
}

/// `assure verify`: the policies' unit tests. Exit 1 when any fails or
/// errors, 2 when the policies do not compile.
pub fn run_verify(args: &VerifyArgs) -> Result<i32, Fatal> {
    let settings = Settings::for_verify(args)?;
    crate::evaluate::limit_memory(settings.max_memory);
    let report = crate::verify::run(
        &settings.sources,
        &crate::verify::VerifyOptions {
            objectives: &settings.scope.objectives,
            data: &settings.data,
            timeout: settings.timeout(),
            coverage: args.coverage,
        },
    )?;
    if report.tests.is_empty() {
        return Err(fatal("no test_ rules found in *_test.rego files"));
    }
    let out = match args.format {
        VerifyFormat::Text => report::verify::text(&report, args.verbose),
        VerifyFormat::Json => report::verify::json(&report),
        VerifyFormat::Junit => report::verify::junit(&report),
    };
    print_stdout(&out)?;
    Ok(if report.passed() { 0 } else { 1 })
}

/// `assure init`: never overwrites a file unless `--force`.
pub fn run_init(args: &InitArgs) -> Result<i32, Fatal> {
    for path in crate::init::write(&args.dir, args.force)? {
        eprintln!("wrote {path}");
    }
    Ok(0)
}
