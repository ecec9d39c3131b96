//! What the parse stage takes: the files discovery found, grouped into the
//! units a parser reads at once.

use super::kinds::{FileFormat, InputKind};
use super::load::InputLimits;
use super::Parsed;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A regular file found by walking (or named): opened without blocking,
    /// and refused unless it is still a regular file when opened.
    File(PathBuf),
    /// A pipe or device named on the command line (`<(cmd)`, `/dev/stdin`):
    /// read as a stream, under the same size limit.
    Stream(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// A file found by discovery: its path for reports, where to read it, and
/// the kind its location gives it whatever its content (a workflow under
/// `.github/workflows`, judged on its full path, so the same file is a
/// workflow however the scan was started).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    pub rel: String,
    pub origin: Origin,
    pub kind_hint: Option<InputKind>,
    /// Inside the `templates/` folder of a Helm chart: set aside when read
    /// if it holds template markers (plain YAML there is judged).
    pub helm_template: bool,
}

/// One per file, one per Terraform directory (all its files are one module),
/// or work a stage before parsing prepared (a Terraform root module with
/// the modules it calls).
#[derive(Debug)]
pub enum Unit {
    File { file: FoundFile, format: FileFormat },
    TerraformModule { dir: String, files: Vec<FoundFile> },
    Prepared(Arc<dyn PreparedUnit>),
}

/// A unit whose parsing was prepared across the scan: it knows its key and
/// makes its documents itself.
pub trait PreparedUnit: Send + Sync + std::fmt::Debug {
    fn key(&self) -> &str;
    fn parse(&self, limits: InputLimits) -> Parsed;
}

impl Unit {
    /// A stable key to sort units by.
    pub fn sort_key(&self) -> &str {
        match self {
            Unit::File { file, .. } => &file.rel,
            Unit::TerraformModule { dir, .. } => dir,
            Unit::Prepared(p) => p.key(),
        }
    }
}
