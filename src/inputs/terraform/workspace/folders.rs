//! Where a module call's source is on disk: local sources as written, the
//! `modules.json` that `terraform init` leaves, the repository's top, and
//! paths compared without touching the disk.

use super::*;

pub(super) fn is_local(source: &str) -> bool {
    source.starts_with("./") || source.starts_with("../") || source == "." || source == ".."
}

/// The local sources of a module's calls, as written.
pub(super) fn local_sources(src: &ModuleSource) -> Vec<String> {
    let mut out = Vec::new();
    for f in &src.files {
        match &f.content {
            super::super::source::Content::Hcl(body) => {
                for s in body.iter() {
                    let hcl_edit::structure::Structure::Block(b) = s else {
                        continue;
                    };
                    if b.ident.value().as_str() != "module" {
                        continue;
                    }
                    for s in b.body.iter() {
                        if let hcl_edit::structure::Structure::Attribute(a) = s {
                            if a.key.value().as_str() == "source" {
                                if let hcl_edit::expr::Expression::String(v) = &a.value {
                                    if is_local(v.value()) {
                                        out.push(v.value().to_string());
                                    }
                                }
                            }
                        }
                    }
                }
            }
            super::super::source::Content::Json(top, _) => {
                for v in top
                    .get("module")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(_, v)| v)
                {
                    let body = match v {
                        Value::Array(a) => a.first(),
                        other => Some(other),
                    };
                    if let Some(s) = body.and_then(|b| b.get("source")).and_then(Value::as_str) {
                        if is_local(s) {
                            out.push(s.to_owned());
                        }
                    }
                }
            }
        }
    }
    out
}

/// `.terraform/modules/modules.json` of a root: module key -> folder.
pub(super) fn read_modules_json(root: &Path) -> Option<HashMap<String, String>> {
    let text = std::fs::read_to_string(root.join(".terraform/modules/modules.json")).ok()?;
    let v: Value = serde_json::from_str(&text).ok()?;
    Some(
        v.get("Modules")?
            .as_array()?
            .iter()
            .filter_map(|m| {
                Some((
                    m.get("Key")?.as_str()?.to_owned(),
                    m.get("Dir")?.as_str()?.to_owned(),
                ))
            })
            .collect(),
    )
}

/// The folder holding `.git` above `dir`, if any.
pub(super) fn git_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `to` relative to `from` (both absolute): `../../modules/x`.
pub(super) fn relative(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<Component> = from.components().collect();
    let to_c: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to_c).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..from.len() {
        out.push("..");
    }
    for c in &to_c[common..] {
        out.push(c);
    }
    out
}
