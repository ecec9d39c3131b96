//! Flags in, exit code out; nothing else.

use assure::app::{self, Fatal};
use assure::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit code after Ctrl-C, as shells report a SIGINT death (128 + 2).
const INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    // Ctrl-C: no partial report file stays behind, and the exit code says so.
    let _ = ctrlc::set_handler(|| {
        assure::report::remove_partial_reports();
        eprintln!("interrupted");
        std::process::exit(INTERRUPTED);
    });
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Test(args) => {
            app::set_color(args.output.color);
            app::run_test(args)
        }
        Command::Baseline(args) => app::run_baseline(args),
        Command::Verify(args) => app::run_verify(args),
        Command::Parse(args) => app::run_parse(args),
        Command::Controls(args) => app::run_controls(args),
        Command::Criteria(args) => app::run_criteria(args),
        Command::Init(args) => app::run_init(args),
    };
    match result {
        Ok(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        Err(Fatal(messages)) => {
            for m in messages {
                eprintln!("error: {m}");
            }
            ExitCode::from(2)
        }
    }
}
