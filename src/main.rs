//! Flags in, exit code out; nothing else.

use assure::app::{self, Fatal};
use assure::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
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
