//! What the parse stage takes: the files discovery found, grouped into the
//! units a parser reads at once.

use super::kinds::FileFormat;
use std::path::PathBuf;

/// A file found by discovery: its path for reports and its path on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FoundFile {
    pub rel: String,
    pub abs: PathBuf,
}

/// One per file, one per Terraform directory (all its files are one module).
#[derive(Debug)]
pub enum Unit {
    File { file: FoundFile, format: FileFormat },
    TerraformModule { dir: String, files: Vec<FoundFile> },
}

impl Unit {
    /// A stable key to sort units by.
    pub fn sort_key(&self) -> &str {
        match self {
            Unit::File { file, .. } => &file.rel,
            Unit::TerraformModule { dir, .. } => dir,
        }
    }
}
