//! Discovery: walk the scanned paths, skip what users never mean to scan,
//! and classify each file by name into a unit to parse: a single file, or a
//! whole Terraform directory (one module).
//!
//! Decisions, recorded here and in the README:
//! - `.gitignore` (and `.ignore`) rules apply even outside a git checkout,
//!   as a user reading their `.gitignore` expects;
//! - hidden files are scanned (`.github/workflows` is the point), but `.git/`,
//!   `.terraform/`, `node_modules/` and assure's own `.assure/` never are,
//!   nor the config file in use or the baseline given; any other file named
//!   `assure.yaml` is an input like any file;
//! - only regular files are read: a FIFO, socket or device found while
//!   walking is an error naming it (reading one could block forever or
//!   never end); pipes and `-` given on the command line are read as
//!   streams, under the same size limit;
//! - symbolic links are never followed as directories (no loops); a link to a
//!   file inside the scanned root is read, a link (to a file or a folder)
//!   out of it is an error;
//! - a path's kind never depends on where the scan started: a workflow is
//!   recognised on its full path;
//! - what is not configuration as written is set aside and listed as not
//!   examined (JSON-with-comments tool configs; Helm templates with
//!   template markers, when read); a kustomize patch is judged merged into
//!   its base.

use crate::inputs::kinds::{format_of, yaml_kind_by_path, FileFormat};
use crate::inputs::{FoundFile, InputError, Origin, Unexamined, Unit, WalkRoot};
use crate::paths::slash_path;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Directories skipped wherever they appear.
const SKIPPED_DIRS: [&str; 4] = [".git", ".terraform", "node_modules", ".assure"];

/// What `-` is called when `--stdin-name` does not say.
pub const DEFAULT_STDIN_NAME: &str = "stdin.yaml";

#[derive(Debug, Default)]
pub struct Discovered {
    pub units: Vec<Unit>,
    /// Paths that could not be walked or read safely.
    pub errors: Vec<InputError>,
    /// Files found and set aside, with why (never silently skipped).
    pub not_examined: Vec<Unexamined>,
}

/// Options that change what is walked.
#[derive(Debug, Clone, Default)]
pub struct DiscoverOptions {
    /// Do not honour `.gitignore` and `.ignore` files.
    pub no_ignore: bool,
    /// `include` globs of assure.yaml: when set, a file must match one.
    pub include: Option<globset::GlobSet>,
    /// `exclude` globs of assure.yaml: a file matching one is not scanned.
    pub exclude: Option<globset::GlobSet>,
    /// Files never scanned (the config in use, the baseline), canonical.
    pub skip_files: Vec<PathBuf>,
    /// Folders never scanned (the evidence ledger), canonical.
    pub skip_trees: Vec<PathBuf>,
    /// The name `-` (standard input) has in reports; it also gives its format.
    pub stdin_name: Option<String>,
}

impl DiscoverOptions {
    /// Options with `include`/`exclude` globs, matched against paths relative
    /// to the scanned root (`infra/**`, `**/*.tf`).
    pub fn new(no_ignore: bool, include: &[String], exclude: &[String]) -> Result<Self, String> {
        let set = |globs: &[String]| -> Result<Option<globset::GlobSet>, String> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                b.add(globset::Glob::new(g).map_err(|e| format!("invalid glob `{g}`: {e}"))?);
            }
            b.build().map(Some).map_err(|e| e.to_string())
        };
        Ok(DiscoverOptions {
            no_ignore,
            include: set(include)?,
            exclude: set(exclude)?,
            ..DiscoverOptions::default()
        })
    }

    /// Never scan this file (when it exists).
    pub fn skip_file(&mut self, path: &Path) {
        if let Ok(p) = path.canonicalize() {
            self.skip_files.push(p);
        }
    }

    /// Never scan anything in this folder (when it exists): assure's own
    /// records are not configuration.
    pub fn skip_tree(&mut self, path: &Path) {
        if let Ok(p) = path.canonicalize() {
            self.skip_trees.push(p);
        }
    }

    fn wants(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// Walk each root. A root that does not exist is an error the caller reports
/// with exit 2: scanning nothing must never look like passing.
pub fn discover(roots: &[PathBuf], opts: &DiscoverOptions) -> Result<Discovered, String> {
    let mut out = Discovered::default();
    let mut files: Vec<(FoundFile, FileFormat)> = Vec::new();
    let multiple = roots.len() > 1;
    for root in roots {
        if root.as_os_str() == "-" {
            let rel = opts
                .stdin_name
                .clone()
                .unwrap_or_else(|| DEFAULT_STDIN_NAME.to_owned());
            let format = format_of(&rel).unwrap_or(FileFormat::Yaml);
            files.push((
                FoundFile {
                    kind_hint: yaml_kind_by_path(&rel),
                    helm_template: false,
                    rel,
                    origin: Origin::Stdin,
                },
                format,
            ));
            continue;
        }
        let meta = std::fs::metadata(root).map_err(|e| format!("{}: {e}", root.display()))?;
        let prefix = multiple.then(|| slash_path(root));
        if meta.is_dir() {
            walk_root(root, prefix.as_deref(), opts, &mut files, &mut out.errors);
            continue;
        }
        // A file named on the command line is scanned whatever its name
        // says (as YAML if unknown); a pipe or device is read as a stream.
        let name = root.file_name().map(|n| slash_path(Path::new(n)));
        let rel = prefix.or(name).unwrap_or_else(|| slash_path(root));
        let format = format_of(&rel).unwrap_or(FileFormat::Yaml);
        let full = root.canonicalize().unwrap_or_else(|_| root.clone());
        let origin = if meta.is_file() {
            Origin::File(root.clone())
        } else {
            Origin::Stream(root.clone())
        };
        files.push((
            FoundFile {
                kind_hint: yaml_kind_by_path(&slash_path(&full)),
                helm_template: false,
                rel,
                origin,
            },
            format,
        ));
    }
    // Unstable: no two entries are equal whole (a stable sort's buffer was
    // another copy of the list).
    files.sort_unstable();
    files.dedup_by(|a, b| a.0.rel == b.0.rel);
    set_aside(&mut files, &mut out.not_examined);
    // Kustomize patches: judged merged into their base (see kustomize).
    for patch in crate::inputs::kustomize::patches(&mut files) {
        out.units.push(Unit::Prepared(std::sync::Arc::new(patch)));
    }

    let mut modules: BTreeMap<String, Vec<FoundFile>> = BTreeMap::new();
    for (file, format) in files {
        match format {
            FileFormat::Terraform | FileFormat::TerraformJson => {
                let dir = match file.rel.rfind('/') {
                    Some(i) => file.rel[..i].to_owned(),
                    None => ".".to_owned(),
                };
                modules.entry(dir).or_default().push(file);
            }
            _ => out.units.push(Unit::File { file, format }),
        }
    }
    out.units.extend(
        modules
            .into_iter()
            .map(|(dir, files)| Unit::TerraformModule { dir, files }),
    );
    out.units.sort_by(|a, b| a.sort_key().cmp(b.sort_key()));
    // Held for the whole scan.
    out.units.shrink_to_fit();
    Ok(out)
}

fn walk_root(
    root: &Path,
    prefix: Option<&str>,
    opts: &DiscoverOptions,
    files: &mut Vec<(FoundFile, FileFormat)>,
    errors: &mut Vec<InputError>,
) {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let shown_root = Arc::new(WalkRoot {
        dir: root.to_path_buf(),
        shown_prefix: prefix.map_or(0, |p| p.trim_end_matches('/').len() + 1),
    });
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(false)
        .git_ignore(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .git_global(false)
        .ignore(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .require_git(false)
        .filter_entry(|e| {
            let dir_or_link = e.file_type().is_some_and(|t| t.is_dir() || t.is_symlink());
            !(dir_or_link && SKIPPED_DIRS.iter().any(|d| e.file_name() == *d))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err_path(&err, root);
                errors.push(InputError::new(
                    path,
                    format!("cannot read: {}", strip_path(&err.to_string())),
                ));
                continue;
            }
        };
        let Some(ft) = entry.file_type() else {
            continue;
        };
        if ft.is_dir() {
            continue;
        }
        let Ok(below_root) = entry.path().strip_prefix(root) else {
            continue;
        };
        let rel_to_root = slash_path(below_root);
        if !opts.wants(&rel_to_root) {
            continue;
        }
        // Where the file is, resolved from the root (whose own links are
        // followed once): what the skip list and the kind are judged on.
        let full = canonical_root.join(below_root);
        if opts.skip_files.contains(&full) || opts.skip_trees.iter().any(|t| full.starts_with(t)) {
            continue;
        }
        let rel = match prefix {
            Some(p) => format!("{}/{}", p.trim_end_matches('/'), rel_to_root),
            None => rel_to_root,
        };
        let format = format_of(&rel);
        let problem = if ft.is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if !target.starts_with(&canonical_root) => {
                    Some("symbolic link points outside the scanned root; not followed".to_owned())
                }
                Ok(target) if target.is_dir() => continue, // never followed
                Ok(target) if target.is_file() => None,
                Ok(_) if format.is_some() => Some(not_regular(entry.path())),
                Ok(_) => continue,
                Err(e) if format.is_some() => Some(format!("broken symbolic link: {e}")),
                Err(_) => continue,
            }
        } else if ft.is_file() {
            None
        } else if format.is_some() {
            Some(not_regular(entry.path()))
        } else {
            continue;
        };
        if let Some(message) = problem {
            errors.push(InputError::new(rel, message));
            continue;
        }
        let Some(format) = format else {
            continue;
        };
        // The shown path gives the name back (always on Unix): keep the
        // root once instead of a second copy of the path.
        let origin = if shown_root.join(&rel) == entry.path() {
            Origin::Walked(Arc::clone(&shown_root))
        } else {
            Origin::File(entry.path().to_path_buf())
        };
        files.push((
            FoundFile {
                kind_hint: yaml_kind_by_path(&slash_path(&full)),
                helm_template: false,
                rel,
                origin,
            },
            format,
        ));
    }
}

/// JSON files that tools read with comments (JSONC): their syntax is not
/// JSON, and they configure editors and compilers, not infrastructure.
fn json_with_comments(rel: &str) -> bool {
    let mut parts = rel.rsplit('/');
    let name = parts.next().unwrap_or(rel).to_ascii_lowercase();
    let parent = parts.next().unwrap_or("");
    let tool_config =
        (name.starts_with("tsconfig") || name.starts_with("jsconfig")) && name.ends_with(".json");
    tool_config
        || name == "devcontainer.json"
        || name == ".devcontainer.json"
        || name == ".eslintrc.json"
        || name.ends_with(".jsonc")
        || ((parent == ".vscode" || parent == ".devcontainer") && name.ends_with(".json"))
}

/// Set aside what is not configuration as written, each with its reason:
/// JSON-with-comments tool configs (never parsed). Mark Helm chart
/// templates, which are set aside when read if they hold template markers.
fn set_aside(files: &mut Vec<(FoundFile, FileFormat)>, out: &mut Vec<Unexamined>) {
    let dir_of = |rel: &str| {
        rel.rsplit_once('/')
            .map_or(String::new(), |(d, _)| d.to_owned())
    };
    let charts: Vec<String> = files
        .iter()
        .filter(|(f, _)| {
            let name = f.rel.rsplit('/').next().unwrap_or(&f.rel);
            name == "Chart.yaml" || name == "Chart.yml"
        })
        .map(|(f, _)| dir_of(&f.rel))
        .collect();
    files.retain_mut(|(f, _)| {
        if json_with_comments(&f.rel) {
            out.push(Unexamined {
                path: f.rel.clone(),
                line: None,
                kind: "json with comments".into(),
                what: f.rel.clone(),
                reason: "a tool's JSON-with-comments config, not infrastructure".into(),
            });
            return false;
        }
        f.helm_template = charts.iter().any(|c| {
            let prefix = if c.is_empty() {
                "templates/".to_owned()
            } else {
                format!("{c}/templates/")
            };
            f.rel.starts_with(&prefix)
        });
        true
    });
}

/// Why a FIFO, socket or device with a config file's name is not read.
fn not_regular(path: &Path) -> String {
    format!(
        "{}: not read (reading it could block or never end)",
        special_kind(path)
    )
}

#[cfg(unix)]
fn special_kind(path: &Path) -> &'static str {
    std::fs::metadata(path).map_or("not a regular file", |m| {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            "a FIFO (named pipe), not a regular file"
        } else if t.is_socket() {
            "a socket, not a regular file"
        } else if t.is_block_device() || t.is_char_device() {
            "a device, not a regular file"
        } else {
            "not a regular file"
        }
    })
}

#[cfg(not(unix))]
fn special_kind(_: &Path) -> &'static str {
    "not a regular file"
}

fn err_path(err: &ignore::Error, root: &Path) -> String {
    fn find(err: &ignore::Error) -> Option<&Path> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                find(err)
            }
            ignore::Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    find(err)
        .map(|p| slash_path(p.strip_prefix(root).unwrap_or(p)))
        .unwrap_or_else(|| slash_path(root))
}

fn strip_path(msg: &str) -> String {
    // ignore's messages start with the path; we report it in its own field.
    match msg.split_once(": ") {
        Some((head, tail)) if head.contains('/') || head.contains('.') => tail.to_owned(),
        _ => msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    fn names(d: &Discovered) -> Vec<String> {
        d.units
            .iter()
            .map(|u| match u {
                Unit::File { file, .. } => file.rel.clone(),
                Unit::TerraformModule { dir, files } => format!(
                    "{dir}/ [{}]",
                    files
                        .iter()
                        .map(|f| f.rel.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                ),
                Unit::Prepared(p) => p.key().to_owned(),
            })
            .collect()
    }

    #[test]
    fn skips_ignored_and_vendored_and_groups_terraform() {
        let tmp = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(r, ".gitignore", "secret/\n");
        write(r, "secret/a.yaml", "a: 1");
        write(r, "node_modules/x/b.yaml", "a: 1");
        write(r, ".terraform/modules/m/main.tf", "");
        write(r, ".git/config.yaml", "");
        write(r, ".github/workflows/ci.yml", "on: push");
        write(r, "infra/main.tf", "");
        write(r, "infra/s3.tf", "");
        write(r, "k8s/app.yaml", "a: 1");
        write(r, "README.md", "# hi");
        write(r, "assure.yaml", "fail_on: high");
        write(r, ".assure/baseline.json", "{}");
        write(r, "deploy/assure.yaml", "a: 1");
        let mut opts = DiscoverOptions::new(false, &[], &[]).unwrap();
        opts.skip_file(&r.join("assure.yaml"));
        let d = discover(&[r.to_path_buf()], &opts).unwrap();
        assert_eq!(
            names(&d),
            [
                ".github/workflows/ci.yml",
                "deploy/assure.yaml",
                "infra/ [infra/main.tf,infra/s3.tf]",
                "k8s/app.yaml"
            ]
        );
        let all = discover(
            &[r.to_path_buf()],
            &DiscoverOptions::new(true, &[], &[]).unwrap(),
        )
        .unwrap();
        assert!(names(&all).contains(&"secret/a.yaml".to_owned()));
        let some = DiscoverOptions::new(
            false,
            &["infra/**".into(), "k8s/**".into()],
            &["k8s/app.yaml".into()],
        )
        .unwrap();
        let d = discover(&[r.to_path_buf()], &some).unwrap();
        assert_eq!(names(&d), ["infra/ [infra/main.tf,infra/s3.tf]"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_do_not_escape_or_loop() {
        let tmp = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let r = tmp.path();
        write(outside.path(), "x.yaml", "a: 1");
        write(r, "in.yaml", "a: 1");
        std::os::unix::fs::symlink(outside.path().join("x.yaml"), r.join("out.yaml")).unwrap();
        std::os::unix::fs::symlink(r.join("in.yaml"), r.join("alias.yaml")).unwrap();
        std::os::unix::fs::symlink(r, r.join("loop")).unwrap();
        let d = discover(&[r.to_path_buf()], &DiscoverOptions::default()).unwrap();
        assert_eq!(names(&d), ["alias.yaml", "in.yaml"]);
        assert_eq!(d.errors.len(), 1);
        assert_eq!(d.errors[0].path, "out.yaml");
    }

    #[test]
    fn missing_root_is_an_error() {
        assert!(discover(
            &[PathBuf::from("/definitely/not/here")],
            &DiscoverOptions::default()
        )
        .is_err());
    }
}
