//! The scan's inventory, for controls that look across inputs.
//!
//! A policy sees one document as `input`. Some controls need the others
//! (is there a NetworkPolicy anywhere for this namespace?), so every scan
//! puts a small summary of all its documents under `data.inventory` (a path
//! no policy package uses, so reading it evaluates nothing else):
//! for Kubernetes, each document's `apiVersion`, `kind`, `name`,
//! `namespace` and `path`. It is built once, before evaluation, and shared
//! by every evaluation; it is empty when assure runs no scan (`verify`).

use super::{Document, InputKind};
use serde_json::{json, Value};

pub fn inventory(documents: &[Document]) -> Value {
    let kubernetes: Vec<Value> = documents
        .iter()
        .filter(|d| d.kind == InputKind::Kubernetes)
        .map(|d| {
            let meta = d.value.get("metadata");
            json!({
                "apiVersion": d.value.get("apiVersion"),
                "kind": d.value.get("kind"),
                "name": meta.and_then(|m| m.get("name")),
                "namespace": meta.and_then(|m| m.get("namespace")).and_then(Value::as_str).unwrap_or("default"),
                "path": d.path,
            })
        })
        .collect();
    json!({"inventory": {"kubernetes": kubernetes}})
}
