//! Controls: Rego packages with their METADATA, loaded from the built-in
//! library and from `--policy` paths, validated, and compiled once into one
//! regorus engine that every evaluation clones.

mod chains;
mod compile;
pub mod deps;
pub mod metadata;
mod nesting;
mod recursion;
pub mod seal;
mod sources;

pub use compile::{add_policy, compile, compile_within_limit, CompileOptions, LOAD_TIMEOUT};
pub use sources::{builtin_sources, is_test_file, read_sources};

/// The load-time checks for policies nobody here wrote, on every policy an
/// engine holds (conftest mode, where all of them are the user's): no
/// recursive function, no chain of rules too long to evaluate.
pub fn check_loaded_policies(engine: &regorus::Engine) -> Result<(), PolicyError> {
    match ast_modules(engine) {
        Some(modules) => check_modules(&modules),
        None => Ok(()),
    }
}

/// The same checks on the user's policies among a run's sources, parsed
/// once for both.
fn check_user_policies(sources: &[&PolicySource]) -> Result<(), PolicyError> {
    match parsed_modules(sources) {
        Some(modules) => check_modules(&modules),
        None => Ok(()),
    }
}

fn check_modules(modules: &[serde_json::Value]) -> Result<(), PolicyError> {
    recursion::check_modules(modules)?;
    chains::check_modules(modules)
}

/// regorus's parse tree of `sources`, as JSON modules; `None` when there
/// are none, or when one does not parse (it was reported when compiled).
fn parsed_modules(sources: &[&PolicySource]) -> Option<Vec<serde_json::Value>> {
    if sources.is_empty() {
        return None;
    }
    let mut engine = regorus::Engine::new();
    for src in sources {
        add_policy(&mut engine, src).ok()?;
    }
    ast_modules(&engine)
}

fn ast_modules(engine: &regorus::Engine) -> Option<Vec<serde_json::Value>> {
    let json = engine.get_ast_as_json().ok()?;
    match serde_json::from_str(&json).ok()? {
        serde_json::Value::Array(modules) => Some(modules),
        _ => None,
    }
}

use crate::inputs::InputKind;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The severity of a control whose METADATA gives none (plain conftest
/// policies): medium, so the default `--fail-on low` still fails on it.
pub const DEFAULT_SEVERITY: Severity = Severity::Medium;

/// A policy file's text and where it came from.
#[derive(Debug, Clone)]
pub struct PolicySource {
    /// For messages: the path given on the command line, or `builtin:policies/...`.
    pub label: String,
    pub text: String,
}

impl PolicySource {
    /// Part of the built-in library (trusted, and sealed against users).
    pub fn is_builtin(&self) -> bool {
        self.label.starts_with("builtin:")
    }
}

/// A policy that could not be loaded: exit 2, naming file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// One control: a Rego package with deny/warn rules and its mapping.
#[derive(Debug, Clone, Serialize)]
pub struct Control {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub severity: Severity,
    pub soc2: Vec<String>,
    pub soc1: Vec<String>,
    /// Input kinds it applies to; empty means every kind (plain conftest policies).
    pub inputs: Vec<InputKind>,
    /// Resource types it examines (see METADATA `resource_types`); empty
    /// means every document of its input kinds.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resource_types: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remediation: String,
    /// Why a failure is an exception under each criterion and objective it
    /// maps to (one sentence each).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub rationale: std::collections::BTreeMap<String, String>,
    /// What it cannot tell from configuration alone.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub limitations: String,
    /// The Rego package, e.g. `assure.aws.s3_encryption`.
    pub package: String,
    /// The file that declares its METADATA (or its first file).
    pub source: String,
    pub builtin: bool,
    #[serde(skip)]
    pub rules: Rules,
    /// The sources (indexes into [`ControlSet::sources`]) evaluating it
    /// needs: its own package's and those it refers to (see [`deps`]).
    #[serde(skip)]
    pub modules: Vec<usize>,
    /// Whether it reads the scan's inventory (`data.inventory`, or `data`
    /// dynamically): it can only run once every input has been parsed.
    #[serde(skip)]
    pub cross_input: bool,
    /// Which parts of the inventory it reads (none unless `cross_input`).
    #[serde(skip)]
    pub inventory: crate::inputs::inventory::Parts,
}

impl Control {
    pub fn applies_to(&self, kind: InputKind) -> bool {
        self.inputs.is_empty() || self.inputs.contains(&kind)
    }

    /// Whether a document holding these resource types (`None`: a kind
    /// without types) can hold anything this control examines.
    pub fn examines(&self, types: Option<&std::collections::HashSet<&str>>) -> bool {
        match types {
            Some(t) if !self.resource_types.is_empty() => {
                self.resource_types.iter().any(|r| t.contains(r.as_str()))
            }
            _ => true,
        }
    }
}

/// The rules assure evaluates in a control's package.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// `deny`, `violation` and their `_<suffix>` forms.
    pub deny: Vec<String>,
    /// `warn` and `warn_<suffix>`.
    pub warn: Vec<String>,
    pub resources: bool,
    pub exception: bool,
}

impl Rules {
    fn from_names(names: &[String]) -> Rules {
        let mut rules = Rules::default();
        let is = |n: &str, base: &str| {
            n == base || n.strip_prefix(base).is_some_and(|r| r.starts_with('_'))
        };
        for n in names {
            if is(n, "deny") || is(n, "violation") {
                rules.deny.push(n.clone());
            } else if is(n, "warn") {
                rules.warn.push(n.clone());
            } else if n == "resources" {
                rules.resources = true;
            } else if n == "exception" {
                rules.exception = true;
            }
        }
        rules.deny.sort();
        rules.warn.sort();
        rules
    }

    pub fn is_control(&self) -> bool {
        !self.deny.is_empty() || !self.warn.is_empty()
    }
}

/// The compiled policies and the controls found in them.
#[derive(Debug, Clone)]
pub struct ControlSet {
    /// Every policy in one engine (when `whole`; otherwise the data alone):
    /// validated at load, used by `verify` and the VM; evaluation builds
    /// smaller engines from `sources`.
    pub engine: regorus::Engine,
    /// Whether `engine` holds every policy (see
    /// [`compile::CompileOptions::whole_engine`]).
    pub whole: bool,
    pub controls: Vec<Control>,
    /// The policy sources, in load order.
    pub sources: Vec<PolicySource>,
    /// The data documents merged under `data` (`--data`, the inventory).
    pub data: Vec<regorus::Value>,
}

impl ControlSet {
    /// Merge a data document (the scan's inventory).
    pub fn add_data(&mut self, value: regorus::Value) -> Result<(), PolicyError> {
        self.engine
            .add_data(value.clone())
            .map_err(|e| PolicyError {
                file: "data".into(),
                line: None,
                message: format!("cannot merge data: {e}"),
            })?;
        self.data.push(value);
        Ok(())
    }
}

/// regorus errors read `--> file:line:col`, the source line with a caret,
/// then `error: message`: the location (if any) and the message.
pub fn regorus_parts(text: &str) -> (Option<&str>, &str) {
    let message = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error:"))
        .map(str::trim)
        .unwrap_or_else(|| text.trim());
    let location = text.lines().find_map(|l| l.trim().strip_prefix("--> "));
    (location, message)
}

/// A regorus load error as file, line and message (with the column).
pub fn regorus_error(fallback_file: &str, e: &anyhow::Error) -> PolicyError {
    let text = e.to_string();
    let (location, message) = regorus_parts(&text);
    if let Some(loc) = location {
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.trim().parse::<usize>().ok());
        let line = parts.next().and_then(|l| l.trim().parse::<usize>().ok());
        if let (Some(col), Some(line), Some(file)) = (col, line, parts.next()) {
            return PolicyError {
                file: file.to_owned(),
                line: Some(line),
                message: format!("column {col}: {message}"),
            };
        }
    }
    PolicyError {
        file: fallback_file.to_owned(),
        line: None,
        message: message.to_owned(),
    }
}
