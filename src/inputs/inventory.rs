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
use regorus::Value as Rego;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// The inventory of a whole set of documents.
pub fn inventory(documents: &[Document]) -> Rego {
    from_entries(documents.iter().filter_map(entry).collect())
}

/// One document's inventory entry, kept compact while the scan runs: one
/// per Kubernetes document, so a JSON object each (about 900 bytes)
/// made the inventory the largest thing a large scan held.
#[derive(Debug, Clone)]
pub struct Entry {
    api_version: Value,
    kind: Value,
    name: Value,
    namespace: String,
    path: String,
}

/// A document's inventory entry, if its kind is inventoried. Taken while
/// the document is at hand, so that the scan need not keep documents until
/// every input is parsed.
pub fn entry(d: &Document) -> Option<Entry> {
    if d.kind != InputKind::Kubernetes {
        return None;
    }
    let meta = d.value.get("metadata");
    let field = |v: Option<&Value>| v.cloned().unwrap_or(Value::Null);
    Some(Entry {
        api_version: field(d.value.get("apiVersion")),
        kind: field(d.value.get("kind")),
        name: field(meta.and_then(|m| m.get("name"))),
        namespace: meta
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
            .unwrap_or("default")
            .to_owned(),
        path: d.path.clone(),
    })
}

/// The `data` document for the entries of the scan, in the scan's order,
/// built straight into the evaluator's values. Strings that repeat (keys,
/// kinds, API versions, namespaces, a file's path for each of its
/// documents) are shared, not copied per entry.
pub fn from_entries(entries: Vec<Entry>) -> Rego {
    let mut strings = Interner::default();
    let index = by_namespace(&entries, &mut strings);
    let keys = ["apiVersion", "kind", "name", "namespace", "path"].map(|k| strings.get(k));
    let list: Vec<Rego> = entries
        .into_iter()
        .map(|e| {
            let values = [
                strings.value(e.api_version),
                strings.value(e.kind),
                strings.value(e.name),
                strings.get(&e.namespace),
                strings.get(&e.path),
            ];
            Rego::from(
                keys.iter()
                    .cloned()
                    .zip(values)
                    .collect::<BTreeMap<Rego, Rego>>(),
            )
        })
        .collect();
    let inventory: BTreeMap<Rego, Rego> = [
        (strings.get("kubernetes"), Rego::from(list)),
        (strings.get("kubernetes_by_namespace"), index),
    ]
    .into_iter()
    .collect();
    Rego::from(
        [(strings.get("inventory"), Rego::from(inventory))]
            .into_iter()
            .collect::<BTreeMap<Rego, Rego>>(),
    )
}

/// Shared string values while the inventory is built.
#[derive(Default)]
struct Interner(HashMap<String, Rego>);

impl Interner {
    fn get(&mut self, s: &str) -> Rego {
        if let Some(v) = self.0.get(s) {
            return v.clone();
        }
        let v = Rego::from(s);
        self.0.insert(s.to_owned(), v.clone());
        v
    }

    /// A JSON value as the evaluator's, its string shared.
    fn value(&mut self, v: Value) -> Rego {
        match v {
            Value::String(s) => self.get(&s),
            other => Rego::from(other),
        }
    }
}

/// `{namespace: {kind: [name, ...]}}`, names sorted and without repeats.
fn by_namespace(entries: &[Entry], strings: &mut Interner) -> Rego {
    let mut index: BTreeMap<&str, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
    for e in entries {
        let Some(kind) = e.kind.as_str() else {
            continue;
        };
        let names = index
            .entry(&e.namespace)
            .or_default()
            .entry(kind)
            .or_default();
        names.extend(e.name.as_str());
    }
    let mut out = BTreeMap::new();
    for (ns, kinds) in index {
        let mut by_kind = BTreeMap::new();
        for (kind, mut names) in kinds {
            names.sort_unstable();
            names.dedup();
            let names: Vec<Rego> = names.into_iter().map(|n| strings.get(n)).collect();
            by_kind.insert(strings.get(kind), Rego::from(names));
        }
        out.insert(strings.get(ns), Rego::from(by_kind));
    }
    Rego::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::structured::parse_yaml;
    use serde_json::json;

    #[test]
    fn documents_are_listed_and_indexed_by_namespace_and_kind() {
        let text = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: billing}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n---\n\
                    apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: billing}\n";
        let docs = parse_yaml("k.yaml", text).documents;
        let inv = serde_json::to_value(inventory(&docs)).expect("plain JSON");
        assert_eq!(
            inv["inventory"]["kubernetes"].as_array().map(Vec::len),
            Some(4)
        );
        assert_eq!(
            inv["inventory"]["kubernetes"][1],
            json!({"apiVersion": "apps/v1", "kind": "Deployment", "name": "api", "namespace": "default", "path": "k.yaml"})
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
