//! `assure evidence ...` and `assure period`: the ledger of runs and the
//! period report an auditor samples from.

use super::output::{pretty_json, print_stdout, write_report};
use crate::cli::{Cadence, EvidenceCommand, ListFormat, PeriodArgs, PeriodFormat};
use crate::fatal::{fatal, Fatal};
use crate::report;
use crate::settings::Settings;
use std::path::Path;

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
