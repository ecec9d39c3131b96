//! The JSON of `terraform show -json PLAN` as Terraform controls read HCL:
//! each module of the plan (the root and every `child_modules` entry) is a
//! document whose `resource.<type>.<name>` lists the planned values, so one
//! control serves both. What the plan leaves unknown until apply (a bucket
//! id a sibling resource points at) is taken from the plan's
//! `configuration`: an attribute whose expression refers to other objects
//! becomes `"${<reference>}"`, as the HCL path writes it, so a control that
//! links an encryption resource to its bucket does so in a plan too.
//!
//! Resources are named by their address within their module
//! (`aws_s3_bucket.logs`, `aws_instance.web[0]`, `aws_s3_bucket.b["x"]`);
//! a child module's document carries its module address
//! (`module.net`), so targets read `plan.json#module.net.aws_security_group.admin`.

use super::super::locate::{Locator, PathIndex, TerraformBlock};
use super::super::{Document, InputKind, Instance};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The module documents of a plan. `index` holds the line of every path of
/// the plan's text.
pub fn documents(path: &str, plan: &Value, index: &PathIndex, first: usize) -> Vec<Document> {
    let mut out = Vec::new();
    let Some(root) = plan.pointer("/planned_values/root_module") else {
        return out;
    };
    let config = plan.pointer("/configuration/root_module");
    walk(
        path,
        root,
        "planned_values.root_module",
        config,
        index,
        &mut out,
        first,
    );
    out
}

fn walk(
    path: &str,
    module: &Value,
    json_path: &str,
    config: Option<&Value>,
    index: &PathIndex,
    out: &mut Vec<Document>,
    first: usize,
) {
    let address = module
        .get("address")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let config_resources: HashMap<String, &Value> = config
        .and_then(|c| c.get("resources"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| Some((r.get("address")?.as_str()?.to_owned(), r)))
        .collect();
    let mut doc = Map::new();
    let mut resources = HashMap::new();
    for (i, r) in module
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some(kind), Some(name)) = (
            r.get("type").and_then(Value::as_str),
            r.get("name").and_then(Value::as_str),
        ) else {
            continue;
        };
        let data = r.get("mode").and_then(Value::as_str) == Some("data");
        // The address within the module, index included.
        let key = match r.get("index") {
            Some(Value::Number(n)) => format!("{name}[{n}]"),
            Some(Value::String(s)) => {
                format!("{name}[{}]", serde_json::to_string(s).unwrap_or_default())
            }
            _ => name.to_owned(),
        };
        let mut values = r
            .get("values")
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new()));
        let config_address = if data {
            format!("data.{kind}.{name}")
        } else {
            format!("{kind}.{name}")
        };
        if let Some(expressions) = config_resources
            .get(&config_address)
            .and_then(|c| c.get("expressions"))
        {
            fill_references(&mut values, expressions);
        }
        let section = if data { "data" } else { "resource" };
        let slot = doc
            .entry(section)
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .and_then(|m| {
                m.entry(kind)
                    .or_insert_with(|| Value::Object(Map::new()))
                    .as_object_mut()
            })
            .map(|m| m.entry(key.clone()).or_insert_with(|| Value::Array(vec![])));
        if let Some(Value::Array(list)) = slot {
            list.push(values);
        }
        let at = format!("{json_path}.resources[{i}]");
        let id = if data {
            format!("data.{kind}.{key}")
        } else {
            format!("{kind}.{key}")
        };
        resources.insert(
            id,
            TerraformBlock {
                path: path.to_owned(),
                line: index.get(&at).map_or(first, |l| l + first - 1),
                attributes: index.below(&format!("{at}.values"), first),
            },
        );
    }
    out.push(Document {
        kind: InputKind::Terraform,
        path: path.to_owned(),
        index: out.len() + 1,
        value: Value::Object(doc),
        locator: Locator::Terraform { resources },
        instance: (!address.is_empty()).then(|| Instance {
            address: address.clone(),
            call_sites: vec![],
            root_file: path.to_owned(),
        }),
    });
    for (j, child) in module
        .get("child_modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        // The configuration of `module.a["x"].module.b` is under
        // module_calls.a.module.module_calls.b.module (instance keys are
        // not part of the configuration).
        let child_address = child.get("address").and_then(Value::as_str).unwrap_or("");
        let own = child_address
            .strip_prefix(&address)
            .unwrap_or(child_address)
            .trim_start_matches('.');
        let call = own
            .strip_prefix("module.")
            .map(|n| n.split('[').next().unwrap_or(n));
        let child_config = call.and_then(|c| {
            config
                .and_then(|cfg| cfg.get("module_calls"))
                .and_then(|m| m.get(c))
                .and_then(|m| m.get("module"))
        });
        walk(
            path,
            child,
            &format!("{json_path}.child_modules[{j}]"),
            child_config,
            index,
            out,
            first,
        );
    }
}

/// Where a planned value is unknown (absent or null) and the configuration
/// says what the expression refers to, write the reference the way the HCL
/// path does (`"${aws_s3_bucket.logs.id}"`).
fn fill_references(values: &mut Value, expressions: &Value) {
    let (Value::Object(vals), Some(exprs)) = (values, expressions.as_object()) else {
        return;
    };
    for (key, expr) in exprs {
        let current = vals.get(key);
        let refs = expr
            .get("references")
            .and_then(Value::as_array)
            .and_then(|r| r.first())
            .and_then(Value::as_str);
        match (current, refs, expr) {
            (None | Some(Value::Null), Some(r), _) => {
                vals.insert(key.clone(), Value::String(format!("${{{r}}}")));
            }
            // Nested blocks: a list of expression objects beside a list of values.
            (Some(Value::Array(_)), None, Value::Array(blocks)) => {
                if let Some(Value::Array(items)) = vals.get_mut(key) {
                    for (item, block) in items.iter_mut().zip(blocks) {
                        fill_references(item, block);
                    }
                }
            }
            _ => {}
        }
    }
}
