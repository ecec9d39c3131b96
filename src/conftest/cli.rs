//! conftest's command line, as conftest spells it: `test`, `verify` and
//! `parse` with their flags and defaults (policy folder `policy`, namespace
//! `main`). Values a flag does not give come from `conftest.toml`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "conftest",
    about = "assure acting as conftest: conftest's command line, defaults, output and exit codes",
    version
)]
pub struct Conftest {
    /// The configuration file [default: conftest.toml in the current folder]
    #[arg(long = "config-file", short = 'c', value_name = "FILE", global = true)]
    pub config_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Test configuration files against the policies
    Test(TestArgs),
    /// Run the policies' own unit tests
    Verify(VerifyArgs),
    /// Print the documents the policies would see, as JSON
    Parse(ParseArgs),
}

/// Flags every command shares.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Policy files or folders (repeatable or comma-separated) [default: policy]
    #[arg(short, long, value_delimiter = ',')]
    pub policy: Vec<PathBuf>,
    /// Data files or folders, loaded recursively under `data`
    #[arg(short, long, value_delimiter = ',')]
    pub data: Vec<PathBuf>,
    /// Rego syntax of the policies: v1 (default) or v0
    #[arg(long, value_name = "VERSION")]
    pub rego_version: Option<String>,
    /// Disable colour
    #[arg(long)]
    pub no_color: bool,
    /// Output format: stdout, json, tap, table, junit, github, azuredevops, sarif
    #[arg(short, long)]
    pub output: Option<String>,
    /// Print the Rego trace (accepted; assure prints the results)
    #[arg(long)]
    pub trace: bool,
    /// Strict compilation (accepted: regorus is always strict about unsafe vars)
    #[arg(long)]
    pub strict: bool,
    /// A built-in error fails the query instead of making it undefined
    #[arg(long)]
    pub show_builtin_errors: bool,
    /// A capabilities file (accepted and read; builtins outside it are not refused)
    #[arg(long, value_name = "FILE")]
    pub capabilities: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct TestArgs {
    /// Files or folders to test; `-` reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub common: Common,
    /// Namespaces to test (globs: `*` spans dots) [default: main]
    #[arg(short, long, value_delimiter = ',')]
    pub namespace: Vec<String>,
    /// Test every namespace
    #[arg(long)]
    pub all_namespaces: bool,
    /// All inputs as one array of {path, contents}
    #[arg(long)]
    pub combine: bool,
    /// Warnings fail too: failures exit 2, warnings 1
    #[arg(long)]
    pub fail_on_warn: bool,
    /// Exit 0 even when a policy fails
    #[arg(long)]
    pub no_fail: bool,
    /// Leave exceptions out of the output
    #[arg(long)]
    pub suppress_exceptions: bool,
    /// Print nothing when everything passes
    #[arg(long)]
    pub quiet: bool,
    /// The parser for every input (yaml, json, toml, hcl2, dockerfile, ...)
    #[arg(long)]
    pub parser: Option<String>,
    /// Skip paths matching this regular expression
    #[arg(long)]
    pub ignore: Option<String>,
    /// The name standard input is reported under
    #[arg(long)]
    pub stdin_filename: Option<String>,
    /// Policy URLs to download first (not supported: refused)
    #[arg(short, long, value_delimiter = ',')]
    pub update: Vec<String>,
    /// JUnit: leave the message out of test names
    #[arg(long)]
    pub junit_hide_message: bool,
    /// GitHub: leave out files whose checks all passed
    #[arg(long)]
    pub github_hide_passed: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct VerifyArgs {
    /// Policy files or folders, added to --policy
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub common: Common,
    /// Print every test, not only failures
    #[arg(long)]
    pub show_passed: bool,
    /// Report coverage or notes (accepted)
    #[arg(long)]
    pub report: Option<String>,
    /// Print nothing when every test passes
    #[arg(long)]
    pub quiet: bool,
    /// Only tests of these namespaces (globs)
    #[arg(short, long, value_delimiter = ',')]
    pub namespace: Vec<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ParseArgs {
    /// Files to parse; `-` reads standard input
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// The parser for every input
    #[arg(long)]
    pub parser: Option<String>,
    /// All inputs as one array of {path, contents}
    #[arg(long)]
    pub combine: bool,
}
