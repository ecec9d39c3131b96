//! The command line, as clap definitions. What each flag means once merged
//! with `assure.yaml` and the defaults is decided by the settings step.

use crate::controls::Severity;
use crate::evaluate::EngineMode;
use crate::frameworks::Framework;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "assure",
    version,
    about = "Policy-as-code control tests: Rego controls mapped to SOC 2 criteria and SOC 1 objectives, run against infrastructure config, reported as JUnit.",
    long_about = None,
    propagate_version = true,
    after_help = "Exit codes: 0 nothing failed at or above the threshold; 1 a control failed, or an input or evaluation errored; 2 assure could not run (bad flags, a policy that does not compile)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluate controls against the config files under PATH (default: .)
    Test(TestArgs),
    /// Print, as JSON, the `input` documents that policies would see for PATH
    Parse(ParseArgs),
    /// List the controls that would run: id, title, severity, criteria, input kinds
    Controls(ControlsArgs),
    /// List the SOC 2 criteria and SOC 1 objectives in scope with their controls; with PATHs, scan them and show each one's status
    Criteria(CriteriaArgs),
    /// Run the policies' own unit tests (test_* rules in *_test.rego files)
    Verify(VerifyArgs),
    /// Write the current findings to a baseline file, so later runs fail only on new ones
    Baseline(BaselineArgs),
    /// Write a commented starter assure.yaml and an example policy with its test
    Init(InitArgs),
    /// The evidence ledger: check, list and show recorded runs; create a database store
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// The period report a Type 2 auditor samples from, built from the evidence ledger alone
    Period(PeriodArgs),
    /// The waivers of the current tree (assure.yaml and inline markers) with owner, approver and expiry
    Waivers(WaiversArgs),
    /// conftest's command line (test, verify, parse): a drop-in for conftest pipelines
    #[command(disable_help_flag = true)]
    Conftest(ConftestArgs),
}

#[derive(Debug, Args)]
pub struct PeriodArgs {
    /// First day of the period (YYYY-MM-DD, UTC)
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day of the period, included
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// The ledger: a folder, or a postgres:// URL [default: `evidence` in assure.yaml]
    #[arg(long, value_name = "STORE")]
    pub evidence: Option<String>,
    /// The repository, by its URL in any spelling [default: the current repository's remote]
    #[arg(long, value_name = "URL")]
    pub repo: Option<String>,
    /// The branch whose runs show operation, and whose commits are the population
    #[arg(long, value_name = "BRANCH", default_value = "main")]
    pub branch: String,
    /// How often a run is expected; periods without one are gaps
    #[arg(long, value_enum, default_value_t = Cadence::Daily)]
    pub cadence: Cadence,
    /// A clone of the repository: the branch's first-parent commits in the period are the population of changes
    #[arg(long, value_name = "PATH")]
    pub git: Option<PathBuf>,
    /// Draw a deterministic sample of N items (commits with --git, else runs)
    #[arg(long, value_name = "N", requires = "seed")]
    pub sample: Option<usize>,
    /// The sample's seed (same seed, same sample)
    #[arg(long, value_name = "S", requires = "sample")]
    pub seed: Option<u64>,
    /// Trusted OpenSSH public keys for the integrity check (repeatable)
    #[arg(long = "key", value_name = "PUB")]
    pub keys: Vec<PathBuf>,
    /// Trusted signers as an ssh-keygen allowed_signers file
    #[arg(long, value_name = "FILE", conflicts_with = "keys")]
    pub allowed_signers: Option<PathBuf>,
    /// What to print on stdout [default: a text summary]
    #[arg(long, value_enum, default_value_t = PeriodFormat::Text)]
    pub format: PeriodFormat,
    /// Also write the Markdown report to FILE
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Also write a self-contained HTML report with charts to FILE
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Also write the JSON report to FILE
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Cadence {
    Daily,
    Weekly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct WaiversArgs {
    /// Files or folders whose inline waivers to list
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Only waivers expiring within DAYS (or already expired); exit 1 when there is any
    #[arg(long, value_name = "DAYS")]
    pub expiring: Option<u32>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Check every record's signatures and digests and every chain's links; exit 1 on any problem
    Verify(EvidenceVerifyArgs),
    /// The recorded runs: time, chain, commit, verdict
    List(EvidenceListArgs),
    /// One recorded run, readable (or as JSON)
    Show(EvidenceShowArgs),
    /// Create the ledger's tables in a PostgreSQL database (postgres://...)
    Init(EvidenceInitArgs),
}

#[derive(Debug, Args)]
pub struct EvidenceVerifyArgs {
    /// The ledger: a folder, or a postgres:// URL
    #[arg(value_name = "STORE")]
    pub store: String,
    /// Trusted OpenSSH public keys (a file of `ssh-ed25519 AAAA... name` lines; repeatable)
    #[arg(long = "key", value_name = "PUB")]
    pub keys: Vec<PathBuf>,
    /// Trusted signers as an ssh-keygen allowed_signers file
    #[arg(long, value_name = "FILE", conflicts_with = "keys")]
    pub allowed_signers: Option<PathBuf>,
    /// Check records from this date or time (YYYY-MM-DD or RFC 3339)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Check records up to this date (its whole day) or time
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct EvidenceListArgs {
    /// The ledger: a folder, or a postgres:// URL
    #[arg(value_name = "STORE")]
    pub store: String,
    /// Only runs of this repository (its URL, in any spelling)
    #[arg(long, value_name = "URL")]
    pub repo: Option<String>,
    /// Only runs on this branch
    #[arg(long, value_name = "BRANCH")]
    pub branch: Option<String>,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct EvidenceShowArgs {
    /// The ledger: a folder, or a postgres:// URL
    #[arg(value_name = "STORE")]
    pub store: String,
    /// The run: the first digits of its digest (as `list` shows them)
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct EvidenceInitArgs {
    /// The database: postgres://user@host/db (a folder needs no init: the first run creates it)
    #[arg(value_name = "URL")]
    pub url: String,
}

/// Which policies to load, and the config that shapes them.
#[derive(Debug, Args, Clone, Default)]
pub struct PolicyArgs {
    /// Config file (default: assure.yaml or .assure.yaml in the current folder)
    #[arg(short = 'c', long = "config", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Extra .rego files or folders (repeatable); the built-in library runs too
    #[arg(short = 'p', long = "policy", value_name = "PATH")]
    pub policies: Vec<PathBuf>,
    /// Do not load the built-in control library
    #[arg(long)]
    pub no_builtin: bool,
    /// JSON or YAML documents merged under `data`, for policy parameters (repeatable)
    #[arg(short = 'd', long = "data", value_name = "PATH")]
    pub data: Vec<PathBuf>,
}

/// What a scan reads and runs: shared by `test` and `baseline`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or folders to scan
    #[arg(value_name = "PATH", default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
    /// Run only these controls (comma-separated ids)
    #[arg(long = "control", value_name = "ID,...", value_delimiter = ',')]
    pub controls: Vec<String>,
    /// Do not run these controls (comma-separated ids)
    #[arg(long = "skip-control", value_name = "ID,...", value_delimiter = ',')]
    pub skip_controls: Vec<String>,
    /// Run only the controls of these Rego packages (globs; `*` spans dots:
    /// `main`, `assure.k8s.*`) [default: every package, unlike conftest's `main`]
    #[arg(
        short = 'n',
        long = "namespace",
        value_name = "GLOB",
        value_delimiter = ','
    )]
    pub namespaces: Vec<String>,
    /// Every package runs (the default; accepted for conftest's flag)
    #[arg(long, conflicts_with = "namespaces")]
    pub all_namespaces: bool,
    /// All inputs as one document, a list of {path, contents} named
    /// `Combined`, for policies that compare files (built-in controls,
    /// written for one file, find nothing to examine in it)
    #[arg(long)]
    pub combine: bool,
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// Worker threads (default: one per core)
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Time limit for one control on one document, in seconds [default: `limits.timeout` in assure.yaml, else 10]
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Largest config file read, in bytes; larger files are errors [default: 10485760]
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Deepest nesting a document may have; deeper documents are errors [default: 100]
    #[arg(long, value_name = "LEVELS")]
    pub max_depth: Option<usize>,
    /// Memory the process may hold while policies evaluate, in bytes; an
    /// evaluation that needs more is an error [default: 3/4 of the machine's memory]
    #[arg(long, value_name = "BYTES")]
    pub max_memory: Option<u64>,
    /// Terraform variable file (repeatable), applied to every root module
    /// scanned after its own terraform.tfvars and *.auto.tfvars
    #[arg(long = "var-file", value_name = "FILE")]
    pub var_files: Vec<PathBuf>,
    /// Scan files that .gitignore and .ignore exclude
    #[arg(long)]
    pub no_ignore: bool,
    /// What `-` (standard input) is called in reports; its name also gives
    /// its format and kind (`deploy.yaml`, `main.tf`, `.github/workflows/ci.yml`)
    #[arg(long, value_name = "NAME", default_value = "stdin.yaml")]
    pub stdin_name: String,
    /// Which regorus engine runs the controls
    #[arg(long, value_enum, default_value_t = EngineMode::Interpreter)]
    pub engine: EngineMode,
    /// Evaluate every control on every document of its input kinds, even
    /// documents holding none of its resource types (slower, same results;
    /// for checking a policy's `resource_types`)
    #[arg(long)]
    pub evaluate_all: bool,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    /// What to print on stdout
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also write the JUnit report to FILE (atomically)
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Also write the JSON report to FILE (atomically)
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Also write the SARIF 2.1.0 report to FILE (atomically)
    #[arg(long, value_name = "FILE")]
    pub sarif: Option<PathBuf>,
    /// Also write a Markdown readiness report to FILE (atomically), for auditors and wikis
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Findings recorded in FILE (see `assure baseline`) are known: reported, not failing
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// The lowest severity of failure that fails the run [default: `fail_on` in assure.yaml, else low]
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<Severity>,
    /// Warnings fail the run too
    #[arg(long)]
    pub fail_on_warn: bool,
    /// Always exit 0 unless assure itself cannot run
    #[arg(long)]
    pub no_fail: bool,
    /// A scan that examines no target at all passes (by default it fails:
    /// "nothing examined" is not "nothing wrong")
    #[arg(long)]
    pub allow_empty: bool,
    /// Append a signed record of this run to the evidence ledger STORE (a
    /// folder, or a postgres:// URL) [default: `evidence` in assure.yaml]
    #[arg(long, value_name = "STORE")]
    pub evidence: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[command(flatten)]
    pub scan: ScanArgs,
    /// Where to write the baseline
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = ".assure/baseline.json"
    )]
    pub output: PathBuf,
}

/// Which framework and criteria to report on.
#[derive(Debug, Args, Clone, Default)]
pub struct ScopeArgs {
    /// Only controls mapped to this framework, and only its coverage
    #[arg(long, value_enum)]
    pub framework: Option<Framework>,
    /// Only controls mapped to these SOC 2 criteria or SOC 1 objectives (comma-separated ids)
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub criteria: Vec<String>,
}

#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// When to colour the text output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print only failures, errors and the summary
    #[arg(short, long)]
    pub quiet: bool,
    /// How the text report groups findings
    #[arg(long, value_enum, default_value_t = GroupBy::File)]
    pub group_by: GroupBy,
    /// Print at most N findings (text) or annotations (github), the most
    /// severe first for github, and count the rest [default: all in text,
    /// 50 annotations in github]
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CriteriaArgs {
    /// Scan these files or folders and show each criterion's status
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Policy files or folders with *_test.rego files (added to --policy)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[arg(long, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// Print line coverage per policy file
    #[arg(long)]
    pub coverage: bool,
    /// Print passing tests too
    #[arg(short, long)]
    pub verbose: bool,
    /// Time limit for one test, in seconds [default: `limits.timeout` in assure.yaml, else 10]
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    Text,
    Json,
    Junit,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write assure.yaml and policy/ into
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// A config file or folder
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Print only how many documents of each kind were found, the errors and
    /// the time taken: discovery and parsing alone, the floor of a scan
    #[arg(long)]
    pub summary: bool,
}

#[derive(Debug, Args)]
pub struct ControlsArgs {
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// With each control, why each of its mappings holds and what it cannot tell (text format)
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Junit,
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request diff
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ValueEnum for Severity {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Severity::Low,
            Severity::Medium,
            Severity::High,
            Severity::Critical,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

/// Everything after `assure conftest`, read by conftest's own command line.
#[derive(Debug, Args)]
pub struct ConftestArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<std::ffi::OsString>,
}

/// How the text report groups findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    /// Each file with its resources and their findings
    File,
    /// Each control with its findings (controls in id order)
    Control,
    /// Controls from critical to low, each with its findings
    Severity,
}
