//! The Terraform of a scan as Terraform deploys it: which module
//! directories are roots, where each `module` call's source is, and every
//! root's instances.
//!
//! - A directory that another scanned directory calls (a local `source`) is
//!   judged through those calls, with the caller's arguments; one that no
//!   one calls is a root, judged with its tfvars and defaults.
//! - A local source may lead anywhere inside the repository (the folder
//!   holding `.git`, or the scan root when there is none), so a scan of
//!   `live/prod` follows `../../modules/x`; outside it, the call is an input
//!   error. So are cycles and calls nested deeper than
//!   [`MAX_MODULE_DEPTH`]: errors naming the file and line, never a hang.
//! - A registry or remote source is followed through
//!   `.terraform/modules/modules.json` when `terraform init` wrote one;
//!   otherwise the call is listed as not examined, with the reason.

use super::convert::EXPANSION_BUDGET_BYTES;
use super::instance::{self, MAX_INSTANCES_PER_CALL};
use super::source::{ModuleFile, ModuleSource};
use super::tfvars;
use crate::inputs::kinds::{format_of, FileFormat, InputKind};
use crate::inputs::locate::Locator;
use crate::inputs::read::{read_text, InputLimits};
use crate::inputs::unit::PreparedUnit;
use crate::inputs::{
    Document, FoundFile, InputError, Instance, Location, Origin, Parsed, Unexamined, Unit,
};
use crate::paths::slash_path;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

mod folders;
mod walk;

use folders::{git_root, local_sources, read_modules_json, relative};
use walk::Walk;

/// How deeply module calls may nest.
pub const MAX_MODULE_DEPTH: usize = 16;

/// Most module instances one root may make (all calls, all depths).
pub const MAX_INSTANCES_PER_ROOT: usize = 2_000;

/// What the workspace is built from.
pub struct Options {
    /// The scanned paths, as given.
    pub scan_roots: Vec<PathBuf>,
    /// `--var-file` files, applied to every root after its own tfvars.
    pub var_files: Vec<PathBuf>,
    pub limits: InputLimits,
}

/// Replace the Terraform directory units of a scan by one unit per root
/// module, which makes the root's documents and those of every module
/// instance it calls.
pub fn prepare(units: Vec<Unit>, opts: Options) -> Vec<Unit> {
    let (tf, mut out): (Vec<Unit>, Vec<Unit>) = units.into_iter().partition(|u| {
        // A module read from standard input or a pipe has no folder on disk
        // to call or be called from: it is judged on its own, as a root.
        matches!(u, Unit::TerraformModule { files, .. }
            if files.iter().any(|f| f.file_path().is_some()))
    });
    if tf.is_empty() {
        return out;
    }
    let scan_roots: Vec<ScanRoot> = opts
        .scan_roots
        .iter()
        .map(|r| {
            let canonical = r.canonicalize().unwrap_or_else(|_| r.clone());
            let dir = if canonical.is_file() {
                canonical
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
            } else {
                canonical
            };
            ScanRoot {
                repo: git_root(&dir).unwrap_or_else(|| dir.clone()),
                prefix: (opts.scan_roots.len() > 1).then(|| slash_path(r)),
                dir,
            }
        })
        .collect();
    let limits = opts.limits;
    // Each directory's local calls, from its text: only a directory whose
    // files mention `module` is parsed here, and what is parsed is dropped
    // at once: holding every directory until all are read made memory grow
    // with the repository. Jobs parse what they instantiate (see
    // [`Workspace::module`]).
    let scanned: Vec<Scanned> = tf
        .into_par_iter()
        .filter_map(|u| {
            let Unit::TerraformModule { dir, files } = u else {
                return None;
            };
            let abs = files
                .iter()
                .find_map(|f| f.file_path()?.parent().map(Path::to_path_buf))?;
            let canonical = abs.canonicalize().unwrap_or(abs);
            let texts: Vec<ModuleFile> = files
                .iter()
                .map(|f| ModuleFile {
                    path: f.rel.clone(),
                    text: read_text(f, limits),
                })
                .collect();
            let calls_any = texts
                .iter()
                .any(|f| f.text.as_ref().is_ok_and(|t| t.contains("module")));
            let sources = if calls_any {
                local_sources(&ModuleSource::parse(&dir, Some(canonical.clone()), texts))
            } else {
                vec![]
            };
            Some(Scanned {
                abs: canonical,
                shown: dir,
                files,
                sources,
            })
        })
        .collect();
    let scanned_dirs: HashSet<PathBuf> = scanned.iter().map(|s| s.abs.clone()).collect();
    // Which scanned directories a scanned directory calls.
    let mut calls: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for s in &scanned {
        let dir = &s.abs;
        let targets = s
            .sources
            .iter()
            .filter_map(|src| {
                crate::paths::lexically_normal(&dir.join(src))
                    .canonicalize()
                    .ok()
            })
            .filter(|t| scanned_dirs.contains(t) && t != dir)
            .collect();
        calls.insert(dir.clone(), targets);
    }
    let called: HashSet<&PathBuf> = calls.values().flatten().collect();
    let mut roots: Vec<PathBuf> = scanned
        .iter()
        .map(|s| s.abs.clone())
        .filter(|d| !called.contains(d))
        .collect();
    // A directory reached by no root (called only from within a cycle) is
    // judged as a root too: its cycle is then reported, never skipped.
    let mut reached: HashSet<PathBuf> = HashSet::new();
    let mut stack = roots.clone();
    while let Some(d) = stack.pop() {
        if reached.insert(d.clone()) {
            stack.extend(calls.get(&d).into_iter().flatten().cloned());
        }
    }
    let mut missed: Vec<PathBuf> = scanned
        .iter()
        .map(|s| s.abs.clone())
        .filter(|d| !reached.contains(d))
        .collect();
    missed.sort();
    while let Some(d) = missed.first().cloned() {
        roots.push(d.clone());
        let mut stack = vec![d];
        while let Some(x) = stack.pop() {
            if reached.insert(x.clone()) {
                stack.extend(calls.get(&x).into_iter().flatten().cloned());
            }
        }
        missed.retain(|m| !reached.contains(m));
    }
    let shared: HashSet<PathBuf> = called.into_iter().cloned().collect();
    let files: HashMap<Arc<Path>, (Arc<str>, Vec<FoundFile>)> = scanned
        .into_iter()
        .map(|s| (Arc::from(s.abs), (Arc::from(s.shown), s.files)))
        .collect();

    let ws = Arc::new(Workspace {
        modules: Mutex::new(HashMap::new()),
        files,
        shared,
        reported: Mutex::new(HashSet::new()),
        scan_roots,
        var_files: opts
            .var_files
            .iter()
            .map(|p| (p.clone(), tfvars::shown(p)))
            .collect(),
        limits,
    });
    // Each root's job shares its folder's path and name with the workspace:
    // a monorepo has tens of thousands of roots, held for the whole scan.
    for root in roots {
        let (dir, key) = match ws.files.get_key_value(root.as_path()) {
            Some((dir, (shown, _))) => (Arc::clone(dir), Arc::clone(shown)),
            None => (Arc::from(root.as_path()), Arc::from(ws.display(&root))),
        };
        out.push(Unit::Prepared(Arc::new(RootJob {
            ws: ws.clone(),
            dir,
            key,
        })));
    }
    out
}

/// Instantiate a module parsed on its own (no folder to follow calls
/// from): a root with its defaults, its calls listed as not examined.
pub fn instantiate_alone(src: &ModuleSource) -> Parsed {
    let mut parsed = Parsed {
        errors: src.errors.clone(),
        waivers: src.waivers.clone(),
        bytes: src.bytes,
        ..Parsed::default()
    };
    if src.is_empty() {
        return parsed;
    }
    let mut walk = Walk {
        ws: None,
        root_dir: src.dir.clone(),
        root_abs: None,
        modules_json: None,
        parsed: &mut parsed,
        instances: 0,
        budget: EXPANSION_BUDGET_BYTES,
    };
    walk.instance(
        src,
        &Map::new(),
        &[],
        String::new(),
        vec![],
        None,
        &mut vec![],
        0,
    );
    parsed
}

struct ScanRoot {
    dir: PathBuf,
    /// How paths under it start in reports (with several scanned paths).
    prefix: Option<String>,
    /// The repository it belongs to: where local sources may lead.
    repo: PathBuf,
}

/// A scanned Terraform directory, as `prepare` first reads it.
struct Scanned {
    /// Canonical path.
    abs: PathBuf,
    /// As reports write it.
    shown: String,
    files: Vec<FoundFile>,
    /// The local sources of its module calls.
    sources: Vec<String>,
}

struct Workspace {
    /// Module directories parsed and kept, by canonical path: those another
    /// directory calls (a shared module serves every caller from one
    /// parse). A root is parsed when its job runs and dropped with its
    /// documents, so that memory does not grow with the number of roots.
    modules: Mutex<HashMap<PathBuf, Arc<ModuleSource>>>,
    /// The files discovery found in each scanned directory, with the
    /// directory as reports write it.
    files: HashMap<Arc<Path>, (Arc<str>, Vec<FoundFile>)>,
    /// Scanned directories some scanned directory calls.
    shared: HashSet<PathBuf>,
    /// Directories whose read errors and inline waivers are already in a
    /// root's results (each is reported once, whoever calls it).
    reported: Mutex<HashSet<PathBuf>>,
    scan_roots: Vec<ScanRoot>,
    var_files: Vec<(PathBuf, String)>,
    limits: InputLimits,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Workspace")
    }
}

#[derive(Debug)]
struct RootJob {
    ws: Arc<Workspace>,
    dir: Arc<Path>,
    key: Arc<str>,
}

impl PreparedUnit for RootJob {
    fn key(&self) -> &str {
        &self.key
    }

    fn parse(&self, _limits: InputLimits) -> Parsed {
        self.ws.instantiate_root(&self.dir)
    }
}

impl Workspace {
    /// A directory as reports write it: under the scan root it belongs to,
    /// else relative to the first scan root (`../../modules/x`).
    fn display(&self, abs: &Path) -> String {
        let best = self
            .scan_roots
            .iter()
            .filter(|r| abs.starts_with(&r.dir))
            .max_by_key(|r| r.dir.as_os_str().len());
        let (base, prefix) = match best {
            Some(r) => (&r.dir, r.prefix.as_deref()),
            None => match self.scan_roots.first() {
                Some(r) => (&r.dir, r.prefix.as_deref()),
                None => return slash_path(abs),
            },
        };
        let rel = relative(base, abs);
        let rel = if rel.as_os_str().is_empty() {
            ".".to_owned()
        } else {
            slash_path(&rel)
        };
        match prefix {
            Some(p) if rel == "." => p.trim_end_matches('/').to_owned(),
            Some(p) => format!("{}/{rel}", p.trim_end_matches('/')),
            None => rel,
        }
    }

    fn repo_of(&self, abs: &Path) -> Option<&Path> {
        self.scan_roots
            .iter()
            .filter(|r| abs.starts_with(&r.dir))
            .max_by_key(|r| r.dir.as_os_str().len())
            .or_else(|| self.scan_roots.first())
            .map(|r| r.repo.as_path())
    }

    /// A module directory's parsed files: a scanned directory from the
    /// files discovery found in it, another from its folder. Kept for
    /// later calls unless it is a scanned directory nobody calls (a root,
    /// parsed once, by its own job).
    fn module(&self, dir: &Path) -> Arc<ModuleSource> {
        if let Some(m) = self
            .modules
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(dir)
        {
            return m.clone();
        }
        if let Some((shown, found)) = self.files.get(dir) {
            let files = found
                .iter()
                .map(|f| ModuleFile {
                    path: f.rel.clone(),
                    text: read_text(f, self.limits),
                })
                .collect();
            let src = Arc::new(ModuleSource::parse(shown, Some(dir.to_path_buf()), files));
            if !self.shared.contains(dir) {
                return src;
            }
            return self.keep(dir, src);
        }
        let shown = self.display(dir);
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.file_name()
                        .and_then(|n| n.to_str())
                        .and_then(format_of)
                        .is_some_and(|f| {
                            matches!(f, FileFormat::Terraform | FileFormat::TerraformJson)
                        })
            })
            .collect();
        names.sort();
        let files = names
            .iter()
            .map(|p| {
                let name = p
                    .file_name()
                    .map(|n| slash_path(Path::new(n)))
                    .unwrap_or_default();
                let rel = if shown == "." {
                    name
                } else {
                    format!("{shown}/{name}")
                };
                let found = FoundFile {
                    rel: rel.clone(),
                    origin: Origin::File(p.clone()),
                    kind_hint: None,
                    helm_template: false,
                };
                ModuleFile {
                    path: rel,
                    text: read_text(&found, self.limits),
                }
            })
            .collect();
        let src = Arc::new(ModuleSource::parse(&shown, Some(dir.to_path_buf()), files));
        self.keep(dir, src)
    }

    /// Keep a parsed module for later calls (the first parse wins).
    fn keep(&self, dir: &Path, src: Arc<ModuleSource>) -> Arc<ModuleSource> {
        self.modules
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(dir.to_path_buf())
            .or_insert(src)
            .clone()
    }

    /// Whether this root is the first to report a directory's read errors
    /// and inline waivers. A scanned directory no scanned directory calls
    /// is only ever reported by its own job: it is not remembered, so that
    /// the set does not grow with the number of roots.
    fn first_report(&self, dir: &Path) -> bool {
        if self.files.contains_key(dir) && !self.shared.contains(dir) {
            return true;
        }
        self.reported
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(dir.to_path_buf())
    }

    fn instantiate_root(&self, dir: &Path) -> Parsed {
        let src = self.module(dir);
        let mut parsed = Parsed {
            bytes: src.bytes,
            ..Parsed::default()
        };
        if self.first_report(dir) {
            parsed.errors.extend(src.errors.iter().cloned());
            parsed.waivers.extend(src.waivers.iter().cloned());
        }
        if src.is_empty() {
            return parsed;
        }
        let mut files: Vec<(PathBuf, String)> = tfvars::in_dir(dir)
            .into_iter()
            .map(|p| {
                let name = p
                    .file_name()
                    .map(|n| slash_path(Path::new(n)))
                    .unwrap_or_default();
                let shown = if src.dir == "." {
                    name
                } else {
                    format!("{}/{name}", src.dir)
                };
                (p, shown)
            })
            .collect();
        files.extend(self.var_files.iter().cloned());
        let (vars, errors) = tfvars::read(&files, self.limits);
        parsed.errors.extend(errors);
        let modules_json = read_modules_json(dir);
        let mut walk = Walk {
            ws: Some(self),
            root_dir: src.dir.clone(),
            root_abs: Some(dir.to_path_buf()),
            modules_json,
            parsed: &mut parsed,
            instances: 0,
            budget: EXPANSION_BUDGET_BYTES,
        };
        walk.instance(
            &src,
            &vars,
            &[],
            String::new(),
            vec![],
            None,
            &mut vec![dir.to_path_buf()],
            0,
        );
        parsed
    }
}
