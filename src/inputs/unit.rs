//! What the parse stage takes: the files discovery found, grouped into the
//! units a parser reads at once.

use super::kinds::{FileFormat, InputKind};
use super::load::InputLimits;
use super::Parsed;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A regular file named, or found by walking where its shown path does
    /// not give its name back: opened without blocking, and refused unless
    /// it is still a regular file when opened.
    File(PathBuf),
    /// A regular file found by walking this root, read as [`Origin::File`]:
    /// its path is the root's folder joined with its shown path (see
    /// [`FoundFile::path`]). One shared root instead of a second copy of
    /// each path: a monorepo's file list is held for the whole scan.
    Walked(Arc<WalkRoot>),
    /// A pipe or device named on the command line (`<(cmd)`, `/dev/stdin`):
    /// read as a stream, under the same size limit.
    Stream(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

/// A folder discovery walked, and how much of each shown path names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkRoot {
    pub dir: PathBuf,
    /// Bytes of a shown path before the part below `dir` (the root's own
    /// name and a `/` when several roots are scanned).
    pub shown_prefix: usize,
}

impl WalkRoot {
    /// The path of the file shown as `rel` below this root: the shown text
    /// with its escapes undone (see [`crate::paths::unescape`]).
    pub fn join(&self, rel: &str) -> PathBuf {
        let below = rel.get(self.shown_prefix..).unwrap_or(rel);
        self.dir.join(crate::paths::path_of(below))
    }
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

impl FoundFile {
    /// Where to open the file, for a file (named or walked) or a stream;
    /// `None` for standard input.
    pub fn path(&self) -> Option<Cow<'_, Path>> {
        match &self.origin {
            Origin::File(p) | Origin::Stream(p) => Some(Cow::Borrowed(p)),
            Origin::Walked(root) => Some(Cow::Owned(root.join(&self.rel))),
            Origin::Stdin => None,
        }
    }

    /// Where a regular file is: named or walked, not a stream or stdin.
    pub fn file_path(&self) -> Option<Cow<'_, Path>> {
        match &self.origin {
            Origin::File(_) | Origin::Walked(_) => self.path(),
            Origin::Stream(_) | Origin::Stdin => None,
        }
    }
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
