//! Kustomize strategic-merge patches, judged as what `kustomize build`
//! makes of them: the base resource with the patch merged in.
//!
//! A patch listed in a `kustomization.yaml` (`patchesStrategicMerge`, or
//! `patches` with a `path`) is a fragment (a Deployment patch that only
//! sets memory limits has no replicas, no probes); judged alone it would
//! fail controls it does not touch. When the resource it patches (same
//! kind and name) is in a base the kustomization lists under `resources`
//! (files, or folders with their own kustomization) and that base is in the
//! scan, the merged resource is judged, named after the patch file. When it
//! is not, the patch is listed as not examined. JSON 6902 patches are
//! always listed as not examined.
//!
//! Merging follows strategic merge for what workloads hold: maps merge key
//! by key, lists of objects that all have a `name` merge by name
//! (containers, env, volumes), other lists are replaced.

use super::kinds::FileFormat;
use super::load::InputLimits;
use super::read::read_text;
use super::structured::parse_yaml;
use super::unit::PreparedUnit;
use super::{Document, FoundFile, Parsed, Unexamined};
use serde_json::Value;
use std::collections::BTreeMap;

/// A patch and the base files its kustomization lists (as found in the scan).
#[derive(Debug)]
pub struct Patch {
    pub file: FoundFile,
    pub kustomization: String,
    pub bases: Vec<FoundFile>,
    /// A JSON 6902 patch: never merged here.
    pub json6902: bool,
}

/// The patches the scan's kustomizations list, with their bases. Files a
/// kustomization lists as patches are taken out of `files`.
pub fn patches(files: &mut Vec<(FoundFile, FileFormat)>) -> Vec<Patch> {
    let by_rel: BTreeMap<String, FoundFile> = files
        .iter()
        .map(|(f, _)| (f.rel.clone(), f.clone()))
        .collect();
    let kustomizations: BTreeMap<String, Value> = files
        .iter()
        .filter(|(f, _)| is_kustomization(&f.rel))
        .filter_map(|(f, _)| Some((dir_of(&f.rel), read_small_yaml(f)?)))
        .collect();
    let mut out = Vec::new();
    for (dir, k) in &kustomizations {
        let listed = listed_patches(k);
        if listed.is_empty() {
            continue;
        }
        let mut bases = Vec::new();
        collect_bases(dir, k, &kustomizations, &by_rel, &mut bases, 0);
        for (rel, json6902) in listed {
            let rel = normalize(&join(dir, &rel));
            if let Some(file) = by_rel.get(&rel) {
                out.push(Patch {
                    file: file.clone(),
                    kustomization: join(dir, "kustomization.yaml"),
                    bases: bases.clone(),
                    json6902,
                });
            }
        }
    }
    files.retain(|(f, _)| !out.iter().any(|p| p.file.rel == f.rel));
    out
}

fn is_kustomization(rel: &str) -> bool {
    matches!(
        rel.rsplit('/').next(),
        Some("kustomization.yaml" | "kustomization.yml" | "Kustomization")
    )
}

fn dir_of(rel: &str) -> String {
    rel.rsplit_once('/')
        .map_or(String::new(), |(d, _)| d.to_owned())
}

fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_owned()
    } else {
        format!("{dir}/{rel}")
    }
}

/// `a/b/../c` -> `a/c` in a slash path.
fn normalize(rel: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// A kustomization, read here only for its lists: a large or deeply nested
/// one is left to the parse stage, which reports it with its limits.
fn read_small_yaml(f: &FoundFile) -> Option<Value> {
    let abs = f.file_path()?;
    let meta = std::fs::metadata(&abs).ok()?;
    if !meta.is_file() || meta.len() > 1 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(&abs).ok()?;
    super::structured::check_flow_depth(&f.rel, &text, 32).ok()?;
    yaml_serde::from_str(&text).ok()
}

/// (patch path, whether a JSON 6902 patch) as the kustomization lists them.
fn listed_patches(k: &Value) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for entry in k
        .get("patchesStrategicMerge")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(p) = entry.as_str().filter(|p| !p.contains('\n')) {
            out.push((p.to_owned(), false));
        }
    }
    for entry in k
        .get("patchesJson6902")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(p) = entry.get("path").and_then(Value::as_str) {
            out.push((p.to_owned(), true));
        }
    }
    for entry in k
        .get("patches")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(p) = entry.get("path").and_then(Value::as_str) {
            // A patch with a target is a JSON 6902 patch unless it is YAML
            // holding a whole object; kustomize decides by content. Both
            // are tried as strategic merges, and fall back to not examined.
            out.push((p.to_owned(), false));
        }
    }
    out
}

/// The base files a kustomization's `resources` reach: files directly,
/// folders through their own kustomization.
fn collect_bases(
    dir: &str,
    k: &Value,
    all: &BTreeMap<String, Value>,
    files: &BTreeMap<String, FoundFile>,
    out: &mut Vec<FoundFile>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    for r in k
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(r) = r.as_str() else { continue };
        if r.contains("://") {
            continue;
        }
        let rel = normalize(&join(dir, r));
        if let Some(f) = files.get(&rel) {
            if !out.iter().any(|o| o.rel == f.rel) {
                out.push(f.clone());
            }
        } else if let Some(sub) = all.get(&rel) {
            collect_bases(&rel, sub, all, files, out, depth + 1);
        }
    }
}

impl PreparedUnit for Patch {
    fn key(&self) -> &str {
        &self.file.rel
    }

    fn parse(&self, limits: InputLimits) -> Parsed {
        let not_examined = |why: &str| Parsed {
            not_examined: vec![Unexamined {
                path: self.file.rel.clone(),
                line: None,
                kind: "kustomize patch".into(),
                what: self.file.rel.clone(),
                reason: format!(
                    "a patch listed in {}: {why}; judge the output of `kustomize build` instead",
                    self.kustomization
                ),
            }],
            ..Parsed::default()
        };
        if self.json6902 {
            return not_examined("a JSON 6902 patch, not merged by assure");
        }
        let text = match read_text(&self.file, limits) {
            Ok(t) => t,
            Err(e) => {
                return Parsed {
                    errors: vec![e],
                    ..Parsed::default()
                }
            }
        };
        let mut patch = parse_yaml(&self.file.rel, &text);
        if !patch.errors.is_empty() {
            return patch;
        }
        let bases: Vec<Document> = self
            .bases
            .iter()
            .filter_map(|b| {
                read_text(b, limits)
                    .ok()
                    .map(|t| parse_yaml(&b.rel, &t).documents)
            })
            .flatten()
            .collect();
        let mut merged = Vec::new();
        for doc in std::mem::take(&mut patch.documents) {
            let key = identity(&doc.value);
            match bases
                .iter()
                .find(|b| key.is_some() && identity(&b.value) == key)
            {
                Some(base) => {
                    let mut value = base.value.clone();
                    merge(&mut value, &doc.value);
                    merged.push(Document { value, ..doc });
                }
                None => {
                    return not_examined("the resource it patches is not in the scanned bases");
                }
            }
        }
        patch.documents = merged;
        patch.bytes = text.len();
        patch
    }
}

/// `(kind, name)` of a Kubernetes object.
fn identity(v: &Value) -> Option<(String, String)> {
    Some((
        v.get("kind")?.as_str()?.to_owned(),
        v.pointer("/metadata/name")?.as_str()?.to_owned(),
    ))
}

/// Strategic merge of `patch` into `base`.
fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, pv) in p {
                match b.get_mut(k) {
                    Some(bv) if !pv.is_null() => merge(bv, pv),
                    Some(_) => {
                        b.remove(k);
                    }
                    None => {
                        b.insert(k.clone(), pv.clone());
                    }
                }
            }
        }
        (Value::Array(b), Value::Array(p)) if by_name(b) && by_name(p) => {
            for item in p {
                let name = item.get("name");
                match b.iter_mut().find(|x| x.get("name") == name) {
                    Some(existing) => merge(existing, item),
                    None => b.push(item.clone()),
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

fn by_name(items: &[Value]) -> bool {
    !items.is_empty()
        && items
            .iter()
            .all(|i| i.get("name").is_some_and(Value::is_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strategic_merge_merges_maps_and_named_lists() {
        let mut base = json!({"spec": {"replicas": 3, "template": {"spec": {"containers": [
            {"name": "api", "image": "a", "resources": {"requests": {"cpu": "1"}}},
            {"name": "sidecar", "image": "s"}
        ]}}}});
        let patch = json!({"spec": {"template": {"spec": {"containers": [
            {"name": "api", "resources": {"limits": {"memory": "1Gi"}}},
            {"name": "new", "image": "n"}
        ]}}}});
        merge(&mut base, &patch);
        assert_eq!(base["spec"]["replicas"], 3);
        let c = &base["spec"]["template"]["spec"]["containers"];
        assert_eq!(c[0]["image"], "a");
        assert_eq!(
            c[0]["resources"],
            json!({"requests": {"cpu": "1"}, "limits": {"memory": "1Gi"}})
        );
        assert_eq!(c[1]["name"], "sidecar");
        assert_eq!(c[2]["name"], "new");
        let mut args = json!({"args": ["a", "b"]});
        merge(&mut args, &json!({"args": ["c"]}));
        assert_eq!(args, json!({"args": ["c"]}));
    }
}
