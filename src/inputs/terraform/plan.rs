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
    let providers = providers(plan);
    walk(
        path,
        root,
        "planned_values.root_module",
        config,
        &Context {
            index,
            providers: &providers,
            first,
        },
        &mut out,
    );
    out
}

/// What every module's walk reads besides its own part of the plan.
struct Context<'a> {
    index: &'a PathIndex,
    /// Provider blocks by the module address they are declared in (`""`
    /// for the root, `module.net` for a child, instance keys left out).
    providers: &'a HashMap<String, Vec<ProviderBlock>>,
    first: usize,
}

/// A provider block as the configuration section of a plan gives it.
struct ProviderBlock {
    /// `aws`, as the HCL path keys `provider.aws`.
    name: String,
    /// Its settings in the HCL path's shape, `alias` included.
    body: Value,
    /// `configuration.provider_config.<key>`, where its lines are.
    json_path: String,
}

/// The provider blocks of a plan's `configuration.provider_config`: each
/// setting's `constant_value`, or `"${<reference>}"` when it refers to
/// something (as for resources). A plan holds no backend settings.
fn providers(plan: &Value) -> HashMap<String, Vec<ProviderBlock>> {
    let mut out: HashMap<String, Vec<ProviderBlock>> = HashMap::new();
    let Some(configs) = plan
        .pointer("/configuration/provider_config")
        .and_then(Value::as_object)
    else {
        return out;
    };
    for (key, pc) in configs {
        let Some(name) = pc.get("name").and_then(Value::as_str) else {
            continue;
        };
        let mut body = pc
            .get("expressions")
            .map(expression_values)
            .unwrap_or_else(|| Value::Object(Map::new()));
        if let (Some(alias), Value::Object(b)) = (pc.get("alias"), &mut body) {
            b.insert("alias".to_owned(), alias.clone());
        }
        let module = pc
            .get("module_address")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        out.entry(module).or_default().push(ProviderBlock {
            name: name.to_owned(),
            body,
            json_path: format!("configuration.provider_config.{key}"),
        });
    }
    for blocks in out.values_mut() {
        blocks.sort_by(|a, b| a.json_path.cmp(&b.json_path));
    }
    out
}

/// The values of a configuration `expressions` object: constants as they
/// are, references as `"${<reference>}"`, nested blocks (lists of
/// expression objects) as lists of bodies; what is neither is left out.
fn expression_values(expressions: &Value) -> Value {
    let mut out = Map::new();
    for (key, expr) in expressions.as_object().into_iter().flatten() {
        let value = match expr {
            Value::Array(blocks) => {
                Some(Value::Array(blocks.iter().map(expression_values).collect()))
            }
            _ => expr.get("constant_value").cloned().or_else(|| {
                expr.get("references")
                    .and_then(Value::as_array)
                    .and_then(|r| r.first())
                    .and_then(Value::as_str)
                    .map(|r| Value::String(format!("${{{r}}}")))
            }),
        };
        if let Some(v) = value {
            out.insert(key.clone(), v);
        }
    }
    Value::Object(out)
}

/// `module.a["x"].module.b[0]` -> `module.a.module.b`: the configuration
/// names modules without instance keys.
fn without_keys(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0usize;
    let mut quoted = false;
    for c in address.chars() {
        match c {
            '"' if depth > 0 => quoted = !quoted,
            '[' if !quoted => depth += 1,
            ']' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn walk(
    path: &str,
    module: &Value,
    json_path: &str,
    config: Option<&Value>,
    cx: &Context<'_>,
    out: &mut Vec<Document>,
) {
    let (index, first) = (cx.index, cx.first);
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
                planned_from: None,
            },
        );
    }
    for p in cx
        .providers
        .get(&without_keys(&address))
        .into_iter()
        .flatten()
    {
        let slot = doc
            .entry("provider")
            .or_insert_with(|| Value::Object(Map::new()))
            .as_object_mut()
            .map(|m| {
                m.entry(p.name.clone())
                    .or_insert_with(|| Value::Array(vec![]))
            });
        if let Some(Value::Array(list)) = slot {
            list.push(p.body.clone());
        }
        // Addressed as the HCL path addresses a provider block.
        let id = match p.body.get("alias").and_then(Value::as_str) {
            Some(alias) => format!("provider.{}.{alias}", p.name),
            None => format!("provider.{}", p.name),
        };
        resources.entry(id).or_insert_with(|| TerraformBlock {
            path: path.to_owned(),
            line: index.get(&p.json_path).map_or(first, |l| l + first - 1),
            attributes: index.below(&format!("{}.expressions", p.json_path), first),
            planned_from: None,
        });
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
            cx,
            out,
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
