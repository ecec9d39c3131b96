//! The scan's inventory, for controls that look across inputs.
//!
//! A policy sees one document as `input`. Some controls need the others
//! (is there a NetworkPolicy anywhere for this namespace?), so every scan
//! puts a small summary of all its documents under `data.inventory` (a path
//! no policy package uses, so reading it evaluates nothing else):
//! for Kubernetes, each document's `apiVersion`, `kind`, `name`,
//! `namespace` and `path`. It is built once, before evaluation, and shared
//! by every evaluation; it is empty when assure runs no scan (`verify`).
//!
//! The same documents are also indexed by namespace and kind
//! (`kubernetes_by_namespace`), because a control that searches the list
//! for every document it evaluates costs the square of the repository's
//! size: on 10,000 files the NetworkPolicy control alone took 1.2 s that
//! way. A lookup in the index costs the same at any size.

use super::{Document, InputKind};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The inventory of a whole set of documents.
pub fn inventory(documents: &[Document]) -> Value {
    from_entries(documents.iter().filter_map(entry).collect())
}

/// A document's inventory entry, if its kind is inventoried. Taken while
/// the document is at hand, so that the scan need not keep documents until
/// every input is parsed.
pub fn entry(d: &Document) -> Option<Value> {
    if d.kind != InputKind::Kubernetes {
        return None;
    }
    let meta = d.value.get("metadata");
    Some(json!({
        "apiVersion": d.value.get("apiVersion"),
        "kind": d.value.get("kind"),
        "name": meta.and_then(|m| m.get("name")),
        "namespace": meta.and_then(|m| m.get("namespace")).and_then(Value::as_str).unwrap_or("default"),
        "path": d.path,
    }))
}

/// The `data` document for the entries of the scan, in the scan's order.
pub fn from_entries(kubernetes: Vec<Value>) -> Value {
    let index = by_namespace(&kubernetes);
    json!({"inventory": {
        "kubernetes": kubernetes,
        "kubernetes_by_namespace": index,
    }})
}

/// `{namespace: {kind: [name, ...]}}`, names sorted and without repeats.
fn by_namespace(entries: &[Value]) -> Value {
    let mut index: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for e in entries {
        let (Some(ns), Some(kind)) = (
            e.get("namespace").and_then(Value::as_str),
            e.get("kind").and_then(Value::as_str),
        ) else {
            continue;
        };
        let names = index.entry(ns).or_default().entry(kind).or_default();
        names.extend(e.get("name").and_then(Value::as_str));
    }
    let mut out = Map::new();
    for (ns, kinds) in index {
        let mut by_kind = Map::new();
        for (kind, mut names) in kinds {
            names.sort_unstable();
            names.dedup();
            by_kind.insert(kind.to_owned(), json!(names));
        }
        out.insert(ns.to_owned(), Value::Object(by_kind));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::structured::parse_yaml;

    #[test]
    fn documents_are_listed_and_indexed_by_namespace_and_kind() {
        let text = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: billing}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: billing}\n";
        let docs = parse_yaml("k.yaml", text).documents;
        let inv = inventory(&docs);
        assert_eq!(
            inv["inventory"]["kubernetes"].as_array().map(Vec::len),
            Some(4)
        );
        assert_eq!(
            inv["inventory"]["kubernetes_by_namespace"],
            json!({
                "billing": {"Deployment": ["api"], "NetworkPolicy": ["deny"]},
                "default": {"Deployment": ["api", "web"]},
            })
        );
    }
}
