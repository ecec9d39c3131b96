//! `assure.yaml`: load, validate, defaults.
//!
//! Found as `-c FILE`, else `assure.yaml` or `.assure.yaml` in the current
//! folder, else in the folder scanned when one folder is scanned. Every key is optional; an unknown key is an error naming the file
//! and line, so a typo never silently drops a setting. Paths in the file
//! (`policies`) are relative to the file's folder.

use crate::controls::Severity;
use crate::frameworks::{Category, Objective};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Deepest flow nesting (`[`, `{`) accepted in a config file.
pub const MAX_CONFIG_DEPTH: usize = 32;

/// The names a config file may have in the current folder, in order.
pub const DEFAULT_NAMES: [&str; 2] = ["assure.yaml", ".assure.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub soc2: Soc2Config,
    #[serde(default)]
    pub soc1: Soc1Config,
    /// Extra policy paths, relative to the config file.
    #[serde(default)]
    pub policies: Vec<PathBuf>,
    /// Globs (relative to the scanned root) a file must match to be scanned.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files not to scan.
    #[serde(default)]
    pub exclude: Vec<String>,
    pub fail_on: Option<Severity>,
    #[serde(default)]
    pub waivers: Vec<WaiverConfig>,
    #[serde(default)]
    pub limits: LimitsConfig,
    /// How many days ahead a waiver may expire (default 365).
    pub max_waiver_days: Option<u32>,
    /// A Terraform module call that could not be examined fails the run.
    pub fail_on_unexamined: Option<bool>,
    /// The evidence ledger every `assure test` run is recorded in: a folder
    /// (relative to this file) or a postgres:// URL.
    pub evidence: Option<String>,
    /// Where the file was read from (set by [`load`]).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// Limits on what one input or evaluation may cost (flags override them).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsConfig {
    pub max_file_size: Option<u64>,
    pub max_depth: Option<usize>,
    /// Seconds for one control on one document.
    pub timeout: Option<f64>,
    /// Bytes the process may hold while policies evaluate.
    pub max_memory: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soc2Config {
    /// Categories in scope; Security is always added.
    pub categories: Option<Vec<Category>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soc1Config {
    /// The organization's own objectives; when present they replace the default set.
    pub objectives: Option<Vec<ObjectiveConfig>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveConfig {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Controls that evidence this objective, in addition to the controls
    /// whose METADATA names it.
    #[serde(default)]
    pub controls: Vec<String>,
}

/// A waiver: `control`, `path`, `reason`, `owner` and `expires` are
/// required; `approved_by` too when the control is critical.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaiverConfig {
    /// Stable reference for reviews and the evidence ledger; by default a
    /// short digest of control, path and resource.
    pub id: Option<String>,
    pub control: String,
    pub path: String,
    pub resource: Option<String>,
    pub reason: String,
    pub owner: String,
    /// Who approved the exception (required for critical controls).
    pub approved_by: Option<String>,
    /// The ticket that tracks it.
    pub ticket: Option<String>,
    pub expires: String,
    /// The line of the waiver in the file (set by [`parse`]).
    #[serde(skip)]
    pub line: usize,
}

impl WaiverConfig {
    /// `id`, or a short digest of control, path and resource: the same
    /// waiver keeps the same id however the file around it changes.
    pub fn id(&self) -> String {
        self.id.clone().unwrap_or_else(|| {
            crate::fingerprint::of(
                &self.control,
                &self.path,
                self.resource.as_deref(),
                "waiver",
            )[..12]
                .to_owned()
        })
    }
}

/// Whether an evidence store is a database (`postgres://`,
/// `postgresql://`) rather than a folder.
pub fn is_database_url(store: &str) -> bool {
    store.starts_with("postgres://") || store.starts_with("postgresql://")
}

/// How far ahead a waiver may expire when `max_waiver_days` is not set: a
/// year, so every exception is looked at again at least once a year.
pub const DEFAULT_MAX_WAIVER_DAYS: u32 = 365;

/// The largest `max_waiver_days` accepted. Beyond it a date would soon
/// leave the calendar the dates library can hold.
pub const MAX_WAIVER_DAYS: u32 = 3_650;

/// A config problem: exit 2, naming the file and line.
#[derive(Debug)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The config file to use: the one given, else a default name in `cwd`,
/// else a default name in the one folder scanned (`assure test
/// ../billing` reads `../billing/assure.yaml`, as linters find their
/// config beside the code: a repository's waivers and objectives are not
/// lost because the scan started elsewhere).
pub fn find(explicit: Option<&Path>, cwd: &Path, root: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    // Found in the current folder: named as such (`assure.yaml`), so
    // messages and records say where it is relative to the repository,
    // not on one machine.
    DEFAULT_NAMES
        .iter()
        .find(|n| cwd.join(n).is_file())
        .map(PathBuf::from)
        .or_else(|| {
            let root = root.filter(|r| r.is_dir())?;
            DEFAULT_NAMES
                .iter()
                .map(|n| root.join(n))
                .find(|p| p.is_file())
        })
}

/// Read and validate a config file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let label = crate::paths::slash_path(path);
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: label.clone(),
        line: None,
        message: format!("cannot read config: {e}"),
    })?;
    let mut config = parse(&label, &text)?;
    config.source = Some(path.to_path_buf());
    Ok(config)
}

/// Parse and validate config text.
pub fn parse(label: &str, text: &str) -> Result<Config, ConfigError> {
    let err = |line: Option<usize>, message: String| ConfigError {
        file: label.to_owned(),
        line,
        message,
    };
    // yaml_serde takes time quadratic in flow nesting (`[[[[...`) before it
    // fails its own limit: 100 KB of brackets took seconds. A config never
    // nests deeply, so deep nesting is refused in one linear pass first.
    if let Err(e) = crate::inputs::structured::check_flow_depth(label, text, MAX_CONFIG_DEPTH) {
        return Err(err(e.line, e.message));
    }
    let mut config: Config = if text.trim().is_empty() {
        Config::default()
    } else {
        yaml_serde::from_str(text).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .rfind(" at line ")
                .map_or(msg.clone(), |i| msg[..i].to_owned());
            err(e.location().map(|l| l.line()), msg)
        })?
    };
    // Field-level checks, each pointing at the line that holds the value.
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
    let mut seen = std::collections::HashSet::new();
    for o in config.soc1.objectives.iter().flatten() {
        if o.id.trim().is_empty() || o.title.trim().is_empty() {
            return Err(err(
                line_of("objectives"),
                "a SOC 1 objective needs an id and a title".into(),
            ));
        }
        if !seen.insert(o.id.as_str()) {
            return Err(err(
                line_of(&o.id),
                format!("SOC 1 objective `{}` is declared twice", o.id),
            ));
        }
    }
    for glob in config.include.iter().chain(&config.exclude) {
        if let Err(e) = globset::Glob::new(glob) {
            return Err(err(line_of(glob), format!("invalid glob `{glob}`: {e}")));
        }
    }
    // Each waiver's line: the `control:` lines below `waivers:`, in order.
    let after = text
        .lines()
        .position(|l| l.trim_start().starts_with("waivers:"))
        .unwrap_or(0);
    let mut control_lines = text
        .lines()
        .enumerate()
        .skip(after)
        .filter(|(_, l)| {
            l.trim_start()
                .trim_start_matches("- ")
                .starts_with("control:")
        })
        .map(|(i, _)| i + 1);
    for w in &mut config.waivers {
        w.line = control_lines.next().unwrap_or(0);
    }
    let max_days = config.max_waiver_days.unwrap_or(DEFAULT_MAX_WAIVER_DAYS);
    if max_days > MAX_WAIVER_DAYS {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("max_waiver_days:"))
            .map(|i| i + 1);
        return Err(err(
            line,
            format!("max_waiver_days is {max_days}: at most {MAX_WAIVER_DAYS} (ten years); an exception nobody looks at for longer is not reviewed"),
        ));
    }
    let latest = crate::dates::today() + chrono::Days::new(u64::from(max_days));
    for w in &config.waivers {
        let at = |needle: &str| {
            text.lines()
                .enumerate()
                .skip(w.line.saturating_sub(1))
                .find(|(_, l)| l.contains(needle))
                .map(|(i, _)| i + 1)
                .or(Some(w.line))
        };
        if let Some(d) = crate::dates::parse_date(&w.expires).filter(|d| *d > latest) {
            return Err(err(
                at("expires"),
                format!(
                    "waiver for `{}` expires {d}, more than max_waiver_days ({max_days}) ahead (latest {latest}): exceptions are reviewed at least that often",
                    w.control
                ),
            ));
        }
        if let Err(e) = globset::Glob::new(&w.path) {
            return Err(err(
                line_of(&w.path),
                format!("invalid waiver path glob `{}`: {e}", w.path),
            ));
        }
        if crate::dates::parse_date(&w.expires).is_none() {
            return Err(err(
                line_of(&w.expires),
                format!(
                    "waiver expiry `{}` is not an ISO date (YYYY-MM-DD)",
                    w.expires
                ),
            ));
        }
        for (name, value) in [("reason", &w.reason), ("owner", &w.owner)] {
            if value.trim().is_empty() {
                return Err(err(
                    line_of(&w.control),
                    format!("waiver for `{}` needs a {name}", w.control),
                ));
            }
        }
    }
    Ok(config)
}

impl Config {
    /// The folder relative paths in the file are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        self.source
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// The SOC 1 objectives in force: the declared ones, else the default set.
    pub fn objectives(&self) -> Vec<Objective> {
        match &self.soc1.objectives {
            Some(list) => list
                .iter()
                .map(|o| Objective {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    description: o.description.clone(),
                })
                .collect(),
            None => crate::frameworks::default_objectives(),
        }
    }

    /// Whether the SOC 1 objectives are the organization's own.
    pub fn custom_objectives(&self) -> bool {
        self.soc1.objectives.is_some()
    }

    /// SOC 2 categories in scope: the declared ones plus Security, or all.
    pub fn categories(&self) -> Vec<Category> {
        let mut cats = match &self.soc2.categories {
            Some(list) => list.clone(),
            None => Category::ALL.to_vec(),
        };
        cats.push(Category::Security);
        cats.sort();
        cats.dedup();
        cats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_example_parses() {
        let text = "soc2:\n  categories: [availability, confidentiality]\nsoc1:\n  objectives:\n    - id: FIN-1\n      title: Billing changes are approved by someone other than the author\n      controls: [github-branch-protection-reviews]\npolicies: [policies/]\ninclude: [\"infra/**\"]\nexclude: [\"infra/sandbox/**\"]\nfail_on: high\nwaivers:\n  - control: aws-s3-versioning\n    path: \"legacy/**\"\n    resource: aws_s3_bucket.old\n    reason: replaced by the 2027 archive, ticket OPS-41\n    owner: platform@example.com\n    expires: 2027-03-31\n";
        let c = parse("assure.yaml", text).unwrap();
        assert_eq!(
            c.categories(),
            [
                Category::Security,
                Category::Availability,
                Category::Confidentiality
            ]
        );
        assert_eq!(c.objectives()[0].id, "FIN-1");
        assert!(c.custom_objectives());
        assert_eq!(c.fail_on, Some(Severity::High));
        assert_eq!(c.waivers[0].expires, "2027-03-31");
    }

    #[test]
    fn security_cannot_be_removed_and_defaults_apply() {
        let c = parse("a", "soc2:\n  categories: [privacy]\n").unwrap();
        assert_eq!(c.categories(), [Category::Security, Category::Privacy]);
        let empty = parse("a", "").unwrap();
        assert_eq!(empty.categories(), Category::ALL.to_vec());
        assert_eq!(empty.objectives().len(), 10);
        assert!(!empty.custom_objectives());
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_line() {
        let e = parse(
            "assure.yaml",
            "soc2:\n  categories: [security]\nfail_on: high\npolicy: [x]\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(
            e.message.contains("unknown field `policy`"),
            "{}",
            e.message
        );
        let e = parse("assure.yaml", "soc2:\n  categories: [securty]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse("assure.yaml", "waivers:\n  - control: x\n    path: a\n    reason: r\n    owner: o\n    expires: next year\n").unwrap_err();
        assert_eq!(e.line, Some(6));
        let e = parse(
            "assure.yaml",
            "waivers:\n  - control: x\n    path: a\n    reason: r\n    expires: 2027-01-01\n",
        )
        .unwrap_err();
        assert!(e.message.contains("owner"), "{}", e.message);
    }
}
