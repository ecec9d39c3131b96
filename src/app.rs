//! The commands: each takes its settings (flags merged with `assure.yaml`
//! and defaults, see [`Settings`]), runs the library's stages and renders
//! what they give. Errors that stop assure from running (exit 2) are
//! [`Fatal`].

use crate::cli::{
    BaselineArgs, Cadence, ColorChoice, ControlsArgs, CriteriaArgs, EvidenceCommand, Format,
    InitArgs, ListFormat, ParseArgs, PeriodArgs, PeriodFormat, TestArgs, VerifyArgs, VerifyFormat,
    WaiversArgs,
};
use crate::fatal::{fatal, Fatal};
use crate::gate::baseline::Baseline;
use crate::paths::slash_path;
use crate::report::{self, text::TextOptions};
use crate::results::coverage::coverage;
use crate::results::{ControlResult, ScanResult};
use crate::settings::Settings;
use crate::words::plural;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

pub fn set_color(choice: ColorChoice) {
    let c = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    c.write_global();
}

/// `assure test`: scan, write the report files asked for, print the format
/// asked for on stdout; the exit code is the verdict's.
pub fn run_test(args: &TestArgs) -> Result<i32, Fatal> {
    let mut settings = Settings::for_test(args)?;
    // The ledger is opened and the key read before the scan: a run asked
    // to be recorded never finds out afterwards that it cannot be.
    let recorder = match &settings.evidence {
        Some(store) => {
            let r = crate::evidence::Recorder::open(store).map_err(fatal)?;
            if !crate::config::is_database_url(store) {
                settings.discover.skip_tree(Path::new(store));
            }
            Some(r)
        }
        None => None,
    };
    let progress = args.format == Format::Text && !args.output.quiet;
    let result = crate::scan::run(&settings, progress)?;
    // JUnit, JSON and SARIF are written as they are made, never held whole
    // (a format asked for on stdout and as a file is made twice).
    if let Some(path) = &args.junit {
        write_report_with(path, "JUnit", |w| report::junit::write(&result, w))?;
    }
    if let Some(path) = &args.json {
        write_report_with(path, "JSON", |w| report::json::write(&result, w))?;
    }
    if let Some(path) = &args.sarif {
        write_report_with(path, "SARIF", |w| report::sarif::write(&result, w))?;
    }
    if let Some(path) = &args.markdown {
        // Where and with what the scan ran, read here so that the report
        // stays a pure function of the result and this.
        let root = settings
            .paths
            .iter()
            .find(|p| p.as_os_str() != "-")
            .map(|p| {
                if p.is_dir() {
                    p.clone()
                } else {
                    p.parent().map(Path::to_path_buf).unwrap_or_default()
                }
            })
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| std::path::PathBuf::from("."));
        let (time, clock) = crate::dates::now();
        let meta = report::markdown::Meta {
            time,
            clock_overridden: clock == crate::dates::ClockSource::Override,
            source: crate::evidence::context::source(&root, &crate::evidence::context::process_env),
            policy_bundle: crate::evidence::build::policies(&settings).bundle,
            paths: settings.paths.iter().map(|p| slash_path(p)).collect(),
        };
        write_report_with(path, "Markdown", |w| {
            report::markdown::write_to(&result, &meta, w)
        })?;
    }
    // Every format goes out as it is made, like the report files.
    match args.format {
        Format::Text => {
            let opts = TextOptions {
                quiet: args.output.quiet,
                group_by: match args.output.group_by {
                    crate::cli::GroupBy::File => report::text::GroupBy::File,
                    crate::cli::GroupBy::Control => report::text::GroupBy::Control,
                    crate::cli::GroupBy::Severity => report::text::GroupBy::Severity,
                },
                max_findings: args.output.max_findings,
            };
            stream_stdout(|w| report::text::write(&result, &opts, w))?
        }
        Format::Json => stream_stdout(|w| report::json::write(&result, w))?,
        Format::Junit => stream_stdout(|w| report::junit::write(&result, w))?,
        Format::Sarif => stream_stdout(|w| report::sarif::write(&result, w))?,
        Format::Github => {
            report::github::write_step_summary(&result)
                .map_err(|e| fatal(format!("cannot write GITHUB_STEP_SUMMARY: {e}")))?;
            print_stdout(&report::github::render(&result, args.output.max_findings))?
        }
    }
    if let Some(recorder) = recorder {
        let recorded = recorder
            .record(&result, &settings)
            .map_err(|e| fatal(format!("the run was not recorded: {e}")))?;
        if !args.output.quiet || args.format != Format::Text {
            eprintln!(
                "recorded run {} as #{} of {} in {}{}",
                &recorded.digest[..12],
                recorded.sequence,
                recorded.chain.label(),
                recorded.location,
                match &recorded.keyid {
                    Some(k) => format!(", signed by {k}"),
                    None => ", unsigned (ASSURE_SIGNING_KEY is not set)".to_owned(),
                }
            );
        }
    }
    // A spilled result that could not be read back left a report short
    // (stderr named why): the run cannot pass on it.
    if crate::results::targets::spill_failed() {
        return Err(fatal(
            "the scan's results could not be read back from the temporary folder",
        ));
    }
    Ok(result.verdict.exit_code)
}

/// Trusted keys from `--key` files or an `--allowed-signers` file; `None`
/// when neither is given.
fn trusted_keys(
    keys: &[std::path::PathBuf],
    allowed_signers: Option<&Path>,
) -> Result<Option<Vec<crate::evidence::signing::TrustedKey>>, Fatal> {
    use crate::evidence::signing;
    if let Some(f) = allowed_signers {
        return Ok(Some(signing::read_allowed_signers(f).map_err(fatal)?));
    }
    if keys.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for k in keys {
        out.extend(signing::read_public_keys(k).map_err(fatal)?);
    }
    Ok(Some(out))
}

/// `assure period`: the period report. Exit 0 when the ledger verifies and
/// the population (if any) is complete, 1 otherwise (the report is written
/// either way), 2 when it cannot be made.
pub fn run_period(args: &PeriodArgs) -> Result<i32, Fatal> {
    let settings = Settings::for_period(args)?;
    let day = |flag: &str, v: &str| {
        crate::dates::parse_date(v)
            .ok_or_else(|| fatal(format!("{flag} {v}: not a date (YYYY-MM-DD)")))
    };
    let (from, to) = (day("--from", &args.from)?, day("--to", &args.to)?);
    let store_spec = settings
        .evidence
        .clone()
        .ok_or_else(|| fatal("no ledger: give --evidence STORE (or evidence: in assure.yaml)"))?;
    let repository = match &args.repo {
        Some(r) => Some(crate::evidence::context::repository_id(r)),
        None => crate::evidence::context::source(Path::new("."), &|_| None)
            .remote
            .map(|r| crate::evidence::context::repository_id(&r)),
    };
    let distinct_reports = [
        ("--markdown", args.markdown.as_deref()),
        ("--html", args.html.as_deref()),
        ("--json", args.json.as_deref()),
    ];
    let mut store = crate::evidence::store::Store::open(&store_spec, false).map_err(fatal)?;
    let objectives = settings.scope.objectives.clone();
    let report = crate::period::build(
        &mut store,
        &crate::period::PeriodOptions {
            from,
            to,
            repository,
            branch: args.branch.clone(),
            cadence_days: match args.cadence {
                Cadence::Daily => 1,
                Cadence::Weekly => 7,
            },
            git: args.git.clone(),
            sample: args.sample.zip(args.seed),
            trusted: trusted_keys(&args.keys, args.allowed_signers.as_deref())?,
            titles: Box::new(move |id| {
                crate::frameworks::criterion(id)
                    .map(|c| c.title.to_owned())
                    .or_else(|| {
                        objectives
                            .iter()
                            .find(|o| o.id == id)
                            .map(|o| o.title.clone())
                    })
            }),
        },
    )
    .map_err(fatal)?;
    let json = || {
        let mut j = serde_json::to_string_pretty(&report).unwrap_or_default();
        j.push('\n');
        j
    };
    for (flag, path) in distinct_reports {
        let Some(path) = path else { continue };
        let text = match flag {
            "--markdown" => report::period::markdown(&report),
            "--html" => report::period_html::render(&report),
            _ => json(),
        };
        write_report(path, flag.trim_start_matches('-'), &text)?;
    }
    let out = match args.format {
        PeriodFormat::Text => report::period::text(&report),
        PeriodFormat::Json => json(),
        PeriodFormat::Markdown => report::period::markdown(&report),
        PeriodFormat::Html => report::period_html::render(&report),
    };
    print_stdout(&out)?;
    Ok(if report.findings.is_empty() { 0 } else { 1 })
}

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

/// `assure evidence ...`: the ledger's commands. `verify` exits 1 on any
/// problem; a store that cannot be opened is exit 2.
pub fn run_evidence(command: &EvidenceCommand) -> Result<i32, Fatal> {
    use crate::evidence::{list, store::Store, verify};
    crate::dates::check_clock().map_err(fatal)?;
    match command {
        EvidenceCommand::Verify(a) => {
            let trusted = trusted_keys(&a.keys, a.allowed_signers.as_deref())?;
            let time = |flag: &str, v: &Option<String>, end: bool| {
                v.as_deref()
                    .map(|t| {
                        crate::dates::parse_time(t, end).ok_or_else(|| {
                            fatal(format!(
                                "{flag} {t}: not a date (YYYY-MM-DD) or RFC 3339 time"
                            ))
                        })
                    })
                    .transpose()
            };
            let from = time("--from", &a.from, false)?;
            let to = time("--to", &a.to, true)?;
            let mut store = Store::open(&a.store, false).map_err(fatal)?;
            let check = verify::verify(
                &mut store,
                &verify::VerifyOptions {
                    trusted: trusted.as_deref(),
                    from,
                    to,
                },
            )
            .map_err(fatal)?;
            let out = match a.format {
                ListFormat::Json => pretty_json(&check),
                _ => report::ledger::verify_text(&check),
            };
            print_stdout(&out)?;
            Ok(if check.passed() { 0 } else { 1 })
        }
        EvidenceCommand::List(a) => {
            let mut store = Store::open(&a.store, false).map_err(fatal)?;
            let runs =
                list::list(&mut store, a.repo.as_deref(), a.branch.as_deref()).map_err(fatal)?;
            let out = match a.format {
                ListFormat::Json => pretty_json(&runs),
                _ => report::ledger::list_text(&runs),
            };
            print_stdout(&out)?;
            Ok(0)
        }
        EvidenceCommand::Show(a) => {
            let mut store = Store::open(&a.store, false).map_err(fatal)?;
            let run = list::find(&mut store, &a.id).map_err(fatal)?;
            let out = match a.format {
                ListFormat::Json => pretty_json(&serde_json::json!({
                    "id": run.digest,
                    "location": run.location,
                    "payloadType": run.envelope.payload_type,
                    "signatures": run.envelope.signatures,
                    "statement": run.statement,
                })),
                _ => report::ledger::show_text(&run),
            };
            print_stdout(&out)?;
            Ok(0)
        }
        EvidenceCommand::Init(a) => {
            if !crate::config::is_database_url(&a.url) {
                return Err(fatal(format!(
                    "{}: not a postgres:// URL (a folder needs no init: the first run with --evidence creates it)",
                    a.url
                )));
            }
            let mut store =
                crate::evidence::store::postgres::PgStore::connect(&a.url).map_err(fatal)?;
            eprintln!("{}", store.init().map_err(fatal)?);
            Ok(0)
        }
    }
}

fn write_report(path: &Path, what: &str, text: &str) -> Result<(), Fatal> {
    write_report_with(path, what, |w| w.write_all(text.as_bytes()))
}

fn write_report_with(
    path: &Path,
    what: &str,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    report::write_atomically_with(path, write).map_err(|e| {
        fatal(format!(
            "{}: cannot write {what} report: {e}",
            path.display()
        ))
    })
}

/// `assure baseline`: write the current findings, so later runs with
/// `--baseline` fail only on new ones. Exit 0 when written, even with
/// findings: recording them is the point; inputs that could not be parsed
/// still exit 1, since their findings could not be recorded.
pub fn run_baseline(args: &BaselineArgs) -> Result<i32, Fatal> {
    let settings = Settings::for_baseline(args)?;
    let result = crate::scan::run(&settings, false)?;
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
        plural(baseline.findings.len()),
        slash_path(&args.output)
    );
    for e in &result.input_errors {
        eprintln!("error: {}", e.display());
    }
    Ok(if result.input_errors.is_empty() { 0 } else { 1 })
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

fn pretty_json(value: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Write to stdout. Output that could not be delivered (a full disk, a
/// closed pipe) is exit 2: a CI step reading a cut report must not take it
/// for a whole one.
fn print_stdout(s: &str) -> Result<(), Fatal> {
    stream_stdout(|out| out.write_all(s.as_bytes()))
}

/// Write to stdout through a buffer, as `write` produces it.
fn stream_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    let stdout = anstream::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // The reader went away (`| head`): exit 2, without a message the
        // reader would not see anyway.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Fatal(vec![])),
        Err(e) => Err(fatal(format!("cannot write to standard output: {e}"))),
    }
}
