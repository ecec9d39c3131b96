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
    let mut gathered = Gathered::default();
    for d in documents {
        gathered.add(d, Parts::ALL);
    }
    gathered.build(Parts::ALL)
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

/// What a scan gathers for the inventory while each document is at hand
/// (so that documents need not be kept until every input is parsed), in
/// the smallest form each part needs. The list keeps an entry per document,
/// in the scan's order. The index keeps only names, under their namespace
/// and kind (each of those once): it is all the built-in library reads,
/// and entries for it were the largest thing a 100,001-file scan
/// accumulated (about 200 bytes per Kubernetes document).
#[derive(Debug, Default)]
pub struct Gathered {
    list: Vec<Entry>,
    /// namespace -> kind -> names, unsorted until built.
    index: BTreeMap<String, BTreeMap<String, Vec<Box<str>>>>,
}

/// A document's entry in the list.
#[derive(Debug, Clone)]
struct Entry {
    api_version: Value,
    kind: Value,
    name: Value,
    namespace: String,
    path: String,
}

impl Gathered {
    /// Gather what `parts` need of a document, if its kind is inventoried.
    pub fn add(&mut self, d: &Document, parts: Parts) {
        if d.kind != InputKind::Kubernetes || !parts.any() {
            return;
        }
        let meta = d.value.get("metadata");
        let field = |v: Option<&Value>| v.cloned().unwrap_or(Value::Null);
        let kind = d.value.get("kind");
        let name = meta.and_then(|m| m.get("name"));
        let namespace = meta
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
            .unwrap_or("default");
        if parts.index {
            // A kind with no name that is text is still listed, empty.
            if let Some(kind) = kind.and_then(Value::as_str) {
                let names = self.names(namespace, kind);
                names.extend(name.and_then(Value::as_str).map(Box::from));
            }
        }
        if parts.list {
            self.list.push(Entry {
                api_version: field(d.value.get("apiVersion")),
                kind: field(kind),
                name: field(name),
                namespace: namespace.to_owned(),
                path: d.path.clone(),
            });
        }
    }

    /// The names gathered for a namespace and kind, made on first use.
    fn names(&mut self, namespace: &str, kind: &str) -> &mut Vec<Box<str>> {
        self.index
            .entry(namespace.to_owned())
            .or_default()
            .entry(kind.to_owned())
            .or_default()
    }

    /// This gathering followed by `next` (its list entries after these).
    pub fn then(&mut self, next: Gathered) {
        self.list.extend(next.list);
        for (namespace, kinds) in next.index {
            for (kind, names) in kinds {
                self.names(&namespace, &kind).extend(names);
            }
        }
    }

    /// The `data` document for what was gathered, built straight into the
    /// evaluator's values. Strings that repeat (keys, kinds, API versions,
    /// namespaces, a file's path for each of its documents) are shared, not
    /// copied per entry.
    pub fn build(self, parts: Parts) -> Rego {
        let mut strings = Interner::default();
        let mut inventory: BTreeMap<Rego, Rego> = BTreeMap::new();
        if parts.index {
            inventory.insert(
                strings.get("kubernetes_by_namespace"),
                by_namespace(self.index, &mut strings),
            );
        }
        if !parts.list {
            return wrap(inventory, &mut strings);
        }
        let keys = ["apiVersion", "kind", "name", "namespace", "path"].map(|k| strings.get(k));
        let list: Vec<Rego> = self
            .list
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
fn by_namespace(
    index: BTreeMap<String, BTreeMap<String, Vec<Box<str>>>>,
    strings: &mut Interner,
) -> Rego {
    let mut out = BTreeMap::new();
    for (ns, kinds) in index {
        let mut by_kind = BTreeMap::new();
        for (kind, mut names) in kinds {
            names.sort_unstable();
            names.dedup();
            let names: Vec<Rego> = names.iter().map(|n| strings.get(n)).collect();
            by_kind.insert(strings.get(&kind), Rego::from(names));
        }
        out.insert(strings.get(&ns), Rego::from(by_kind));
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
        let mut gathered = Gathered::default();
        docs.iter().for_each(|d| gathered.add(d, parts));
        assert!(gathered.list.is_empty());
        let inv = serde_json::to_value(gathered.build(parts)).expect("plain JSON");
        assert_eq!(
            inv,
            json!({"inventory": {"kubernetes_by_namespace": {"default": {"Service": ["web"]}}}})
        );
        let mut nothing = Gathered::default();
        nothing.add(&docs[0], Parts::default());
        assert!(nothing.list.is_empty() && nothing.index.is_empty());
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
