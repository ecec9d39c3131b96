//! `assure test` and `assure baseline`: a scan, its reports and its record.

use super::output::{print_stdout, stream_stdout, write_report_with};
use crate::cli::{BaselineArgs, Format, TestArgs};
use crate::fatal::{fatal, Fatal};
use crate::gate::baseline::Baseline;
use crate::paths::slash_path;
use crate::report::{self, text::TextOptions};
use crate::settings::Settings;
use crate::words::plural;
use std::path::Path;

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
        // Said even with --quiet: it is what an auditor compares the
        // ledger's newest record with (on stderr, never in a report).
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
    // A spilled result that could not be read back left a report short
    // (stderr named why): the run cannot pass on it.
    if crate::results::targets::spill_failed() {
        return Err(fatal(
            "the scan's results could not be read back from the temporary folder",
        ));
    }
    Ok(result.verdict.exit_code)
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
