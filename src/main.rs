//! Flags in, exit code out; nothing else.

use assure::app;
use assure::cli::{Cli, Command};
use assure::fatal::Fatal;
use clap::Parser;
use std::process::ExitCode;

/// Exit code after Ctrl-C, as shells report a SIGINT death (128 + 2).
const INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    // Freed memory back to the system promptly (see the module's figures).
    assure::allocator::return_freed_memory();
    // regorus makes and discards errors while it evaluates (a builtin given
    // the wrong type is undefined, not an error); with RUST_BACKTRACE=1 in
    // the environment each one captured a backtrace, which took a tenth of a
    // scan. Panics still print theirs: they read RUST_BACKTRACE, not this.
    // Set before any thread starts, as `set_var` requires.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    // Ctrl-C: no partial report file stays behind, and the exit code says so.
    let _ = ctrlc::set_handler(|| {
        assure::report::remove_partial_reports();
        eprintln!("interrupted");
        std::process::exit(INTERRUPTED);
    });
    // The command runs on a thread with a large stack, like the scan's
    // workers: regorus evaluates nested rules and documents by recursion,
    // and this thread takes part in the parallel work too. An overflow
    // would abort the process with no report.
    let command = std::thread::Builder::new()
        .name("main".to_owned())
        .stack_size(COMMAND_STACK_BYTES)
        .spawn(run);
    match command.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // A panic was printed by the hook; exit as a panicking main would.
        Ok(Err(_)) => ExitCode::from(101),
        Err(e) => {
            eprintln!("error: cannot start the command's thread: {e}");
            ExitCode::from(2)
        }
    }
}

/// Stack of the thread commands run on (reserved, used as needed).
const COMMAND_STACK_BYTES: usize = 64 << 20;

fn run() -> ExitCode {
    // conftest's command line: `assure conftest ...`, or this binary run
    // under the name `conftest` (a symlink or a copy).
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let invoked_as = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_stem().map(|s| s.to_owned()));
    if invoked_as.is_some_and(|n| n == "conftest") {
        args.remove(0);
        return ExitCode::from(u8::try_from(assure::conftest::run(args)).unwrap_or(1));
    }
    if args.get(1).is_some_and(|a| a == "conftest") {
        args.drain(..2);
        return ExitCode::from(u8::try_from(assure::conftest::run(args)).unwrap_or(1));
    }
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
        Command::Evidence(command) => app::run_evidence(command),
        Command::Period(args) => app::run_period(args),
        Command::Waivers(args) => app::run_waivers(args),
        // Handled above, before assure's own flags are parsed.
        Command::Conftest(_) => Ok(0),
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
