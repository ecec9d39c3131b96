//! Where a plan's resources are written: a plan from `terraform show -json`
//! names resources by address only, so a finding on one points into the
//! plan file. When the HCL the plan was made from is beside it (the root
//! module is the plan file's folder, as `terraform plan` is run there) and
//! in the local modules it calls (`configuration.module_calls.*.source`),
//! each resource is also given its block's file and line there, which a
//! reader can open and fix.
//!
//! Only folders inside the scan root are read, only regular `.tf` files
//! under the size limit, and module calls no deeper than Terraform
//! modules are followed; anything else simply leaves the plan location
//! alone (the finding is still reported, in the plan).

use super::convert::resource_id;
use super::workspace::MAX_MODULE_DEPTH;
use crate::inputs::locate::{Location, Locator};
use crate::inputs::{Document, InputKind, LineStarts};
use crate::paths::lexically_normal;
use hcl_edit::Span;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Files of one folder read at most: a plan beside a folder of thousands
/// of files is not what this is for.
const MAX_FILES_PER_FOLDER: usize = 256;

/// Give the module documents of a plan (`docs`, as the plan parser made
/// them) the HCL location of each resource found in the plan's folder and
/// the local modules it calls. `plan_abs` is the plan file on disk,
/// `plan_rel` as reports name it, `root` the scan root when the file was
/// found by walking one.
pub fn attach(
    docs: &mut [Document],
    plan_abs: &Path,
    plan_rel: &str,
    root: Option<&Path>,
    max_file_bytes: u64,
) {
    let Some(plan) = docs.iter().find(|d| d.kind == InputKind::TerraformPlan) else {
        return;
    };
    let (Some(dir_abs), dir_rel) = (plan_abs.parent(), parent_rel(plan_rel)) else {
        return;
    };
    // Each module document's folder, read off the plan before the documents
    // are changed.
    let folders_of: Vec<(usize, PathBuf, String)> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == InputKind::Terraform)
        .filter_map(|(i, d)| {
            let address = d.instance.as_ref().map_or("", |i| i.address.as_str());
            let (abs, rel) = module_folder(&plan.value, address, dir_abs, &dir_rel)?;
            Some((i, abs, rel))
        })
        .collect();
    let root = root
        .map(lexically_normal)
        .unwrap_or_else(|| lexically_normal(dir_abs));
    let mut folders = Folders {
        root,
        max_file_bytes,
        blocks: HashMap::new(),
    };
    for (i, abs, rel) in folders_of {
        let blocks = folders.blocks_of(&abs, &rel);
        if let Some(Locator::Terraform { resources }) = docs.get_mut(i).map(|d| &mut d.locator) {
            for (id, block) in resources.iter_mut() {
                if let Some(at) = blocks.get(without_index(id)) {
                    block.planned_from = Some(at.clone());
                }
            }
        }
    }
}

/// The folder of a module of the plan (`""` for the root, else
/// `module.a.module.b` with or without instance keys): the plan's own
/// folder, then each call's local `source` in turn.
fn module_folder(
    plan: &Value,
    address: &str,
    dir_abs: &Path,
    dir_rel: &str,
) -> Option<(PathBuf, String)> {
    let mut abs = dir_abs.to_path_buf();
    let mut rel = dir_rel.to_owned();
    let mut config = plan.pointer("/configuration/root_module")?;
    let calls: Vec<&str> = address
        .split("module.")
        .map(|s| s.trim_end_matches('.'))
        .filter(|s| !s.is_empty())
        .map(|s| s.split('[').next().unwrap_or(s))
        .collect();
    if calls.len() > MAX_MODULE_DEPTH {
        return None;
    }
    for call in calls {
        let c = config.get("module_calls")?.get(call)?;
        let source = c.get("source")?.as_str()?;
        if !(source.starts_with("./") || source.starts_with("../")) {
            return None;
        }
        abs = abs.join(source);
        rel = join_rel(&rel, source)?;
        config = c.get("module")?;
    }
    Some((abs, rel))
}

/// The resource and data blocks of folders, read once each.
struct Folders {
    root: PathBuf,
    max_file_bytes: u64,
    blocks: HashMap<PathBuf, HashMap<String, Location>>,
}

impl Folders {
    fn blocks_of(&mut self, abs: &Path, rel: &str) -> &HashMap<String, Location> {
        let key = lexically_normal(abs);
        let inside = key.starts_with(&self.root);
        let limit = self.max_file_bytes;
        self.blocks.entry(key.clone()).or_insert_with(|| {
            if inside {
                read_blocks(&key, rel, limit)
            } else {
                HashMap::new()
            }
        })
    }
}

/// `aws_s3_bucket.logs` -> its file and line, for every resource and data
/// block in the `.tf` files of a folder. Files that cannot be read or
/// parsed add nothing: the HCL scan reports them itself.
fn read_blocks(dir: &Path, rel: &str, max_file_bytes: u64) -> HashMap<String, Location> {
    let mut out = HashMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_owned();
            name.ends_with(".tf").then(|| (name, e.path()))
        })
        .take(MAX_FILES_PER_FOLDER)
        .collect();
    files.sort();
    for (name, path) in files {
        if std::fs::metadata(&path).map_or(true, |m| m.len() > max_file_bytes) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(body) = hcl_edit::parser::parse_body(&text) else {
            continue;
        };
        let lines = LineStarts::new(&text);
        let file = if rel.is_empty() || rel == "." {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        for block in body.blocks() {
            let ident = block.ident.value().to_string();
            if !matches!(ident.as_str(), "resource" | "data") {
                continue;
            }
            let labels: Vec<String> = block.labels.iter().map(|l| l.as_str().to_owned()).collect();
            let (Some(id), Some(span)) = (resource_id(&ident, &labels), block.span()) else {
                continue;
            };
            out.entry(id).or_insert_with(|| Location {
                path: file.clone(),
                line: lines.line_of(span.start),
            });
        }
    }
    out
}

/// `aws_instance.web[0]`, `aws_s3_bucket.b["x"]` -> the block's address.
fn without_index(id: &str) -> &str {
    id.split_once('[').map_or(id, |(a, _)| a)
}

/// The folder part of a report path (`""` for a file at the root).
fn parent_rel(rel: &str) -> String {
    rel.rsplit_once('/')
        .map_or(String::new(), |(d, _)| d.to_owned())
}

/// A report path joined with a relative source, `..` resolved; `None`
/// when it would leave the scan root.
fn join_rel(base: &str, source: &str) -> Option<String> {
    let mut parts: Vec<&str> = base
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    for p in source.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_join_sources_inside_the_root_only() {
        assert_eq!(join_rel("", "./modules/x").as_deref(), Some("modules/x"));
        assert_eq!(
            join_rel("live/prod", "../../modules/x").as_deref(),
            Some("modules/x")
        );
        assert_eq!(join_rel("live", "../../x"), None);
        assert_eq!(without_index("aws_instance.web[0]"), "aws_instance.web");
        assert_eq!(without_index("aws_s3_bucket.b[\"x.y\"]"), "aws_s3_bucket.b");
        assert_eq!(parent_rel("envs/prod/plan.json"), "envs/prod");
        assert_eq!(parent_rel("plan.json"), "");
    }
}
