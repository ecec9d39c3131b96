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
    from_entries(
        documents
            .iter()
            .filter_map(|d| entry(d, Parts::ALL))
            .collect(),
        Parts::ALL,
    )
}

/// Which parts of the inventory the loaded policies read: only those are
/// gathered and built (each grows with the repository; no one sees a part
/// no policy reads).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Parts {
    /// `data.inventory.kubernetes`, the list.
    pub list: bool,
    /// `data.inventory.kubernetes_by_namespace`, the index.
    pub index: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        list: true,
        index: true,
    };

    /// The parts a reference (path components after `data`) may read:
    /// `data.inventory` whole, or anything not naming a part, reads both.
    pub fn read_by(path: &[String]) -> Parts {
        match path {
            [first, ..] if first != "inventory" => Parts::default(),
            [_, part, ..] if part == "kubernetes" => Parts {
                list: true,
                index: false,
            },
            [_, part, ..] if part == "kubernetes_by_namespace" => Parts {
                list: false,
                index: true,
            },
            [_, _, ..] => Parts::default(),
            _ => Parts::ALL,
        }
    }

    pub fn union(self, other: Parts) -> Parts {
        Parts {
            list: self.list || other.list,
            index: self.index || other.index,
        }
    }

    pub fn any(self) -> bool {
        self.list || self.index
    }
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
/// What only the list shows (API version, path) is left out when only the
/// index is read.
pub fn entry(d: &Document, parts: Parts) -> Option<Entry> {
    if d.kind != InputKind::Kubernetes || !parts.any() {
        return None;
    }
    let meta = d.value.get("metadata");
    let field = |v: Option<&Value>| v.cloned().unwrap_or(Value::Null);
    Some(Entry {
        api_version: if parts.list {
            field(d.value.get("apiVersion"))
        } else {
            Value::Null
        },
        kind: field(d.value.get("kind")),
        name: field(meta.and_then(|m| m.get("name"))),
        namespace: meta
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
            .unwrap_or("default")
            .to_owned(),
        path: if parts.list {
            d.path.clone()
        } else {
            String::new()
        },
    })
}

/// The `data` document for the entries of the scan, in the scan's order,
/// built straight into the evaluator's values. Strings that repeat (keys,
/// kinds, API versions, namespaces, a file's path for each of its
/// documents) are shared, not copied per entry.
pub fn from_entries(entries: Vec<Entry>, parts: Parts) -> Rego {
    let mut strings = Interner::default();
    let mut inventory: BTreeMap<Rego, Rego> = BTreeMap::new();
    if parts.index {
        inventory.insert(
            strings.get("kubernetes_by_namespace"),
            by_namespace(&entries, &mut strings),
        );
    }
    if !parts.list {
        return wrap(inventory, &mut strings);
    }
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
    inventory.insert(strings.get("kubernetes"), Rego::from(list));
    wrap(inventory, &mut strings)
}

/// `{"inventory": parts}`.
fn wrap(inventory: BTreeMap<Rego, Rego>, strings: &mut Interner) -> Rego {
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
    fn a_reference_reads_the_part_it_names() {
        let path = |p: &str| p.split('.').map(str::to_owned).collect::<Vec<_>>();
        let list = Parts {
            list: true,
            index: false,
        };
        let index = Parts {
            list: false,
            index: true,
        };
        assert_eq!(Parts::read_by(&path("inventory.kubernetes")), list);
        assert_eq!(Parts::read_by(&path("inventory.kubernetes.x")), list);
        assert_eq!(
            Parts::read_by(&path("inventory.kubernetes_by_namespace.prod")),
            index
        );
        assert_eq!(Parts::read_by(&path("inventory")), Parts::ALL);
        assert_eq!(Parts::read_by(&[]), Parts::ALL);
        assert_eq!(Parts::read_by(&path("assure.lib")), Parts::default());
        assert_eq!(Parts::read_by(&path("inventory.other")), Parts::default());
    }

    #[test]
    fn only_the_parts_read_are_built() {
        let text = "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n";
        let docs = parse_yaml("s.yaml", text).documents;
        let parts = Parts {
            list: false,
            index: true,
        };
        let entries = docs.iter().filter_map(|d| entry(d, parts)).collect();
        let inv = serde_json::to_value(from_entries(entries, parts)).expect("plain JSON");
        assert_eq!(
            inv,
            json!({"inventory": {"kubernetes_by_namespace": {"default": {"Service": ["web"]}}}})
        );
        assert!(entry(&docs[0], Parts::default()).is_none());
    }

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
