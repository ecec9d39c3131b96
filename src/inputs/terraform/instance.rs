//! One instance of a module: its variables bound (the caller's arguments,
//! then tfvars for a root, then declared defaults; otherwise unknown), its
//! locals resolved, its files converted with those values, and the module
//! calls it makes, each expanded into its instances with their arguments.

use super::convert::{convert, Converted};
use super::eval::{evaluate, evaluate_template, Scope};
use super::source::{Content, ModuleSource};
use hcl::eval::Context;
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value};

/// Most instances one `count` or `for_each` on a module call may make.
pub const MAX_INSTANCES_PER_CALL: usize = 256;

/// What one instance of a module gave.
pub struct Built {
    pub converted: Converted,
    pub calls: Vec<Call>,
}

/// A `module` block of the instance.
pub struct Call {
    pub name: String,
    pub source: Option<String>,
    pub version: Option<String>,
    pub file: String,
    pub line: usize,
    /// One per instance: its address suffix (`""`, `[0]`, `["a"]`) and the
    /// arguments it passes. One instance with an unknown key when `count`
    /// or `for_each` cannot be known.
    pub instances: Vec<(String, Map<String, Value>, Vec<String>)>,
    /// More instances than [`MAX_INSTANCES_PER_CALL`] were asked for.
    pub too_many: Option<usize>,
}

/// Meta-arguments of a module block, not passed to the module.
const META: [&str; 7] = [
    "source",
    "version",
    "count",
    "for_each",
    "providers",
    "depends_on",
    "lifecycle",
];

/// Build the instance of `src` with `inputs` (caller arguments, or tfvars
/// for a root; absent: the default applies).
pub fn build(
    src: &ModuleSource,
    inputs: &Map<String, Value>,
    unknown: &[String],
    path_root: &str,
    budget: &mut usize,
) -> Built {
    let base = Context::new();
    let mut scope = Scope {
        path_module: src.dir.clone(),
        path_root: path_root.to_owned(),
        ..Scope::default()
    };
    // Variables: the caller's (or tfvars') value, else the default.
    for (name, default) in variables(src, &base) {
        if unknown.contains(&name) {
            continue;
        }
        if let Some(v) = inputs.get(&name).cloned().or(default) {
            scope.vars.insert(name, v);
        }
    }
    // Locals may use each other: evaluate until nothing more resolves.
    let pending = locals(src);
    let mut left: Vec<&LocalExpr> = pending.iter().collect();
    while !left.is_empty() {
        let ctx = scope.context();
        let before = left.len();
        left.retain(|(name, expr)| match expr.value(&ctx) {
            Some(v) => {
                scope.locals.insert(name.clone(), v);
                false
            }
            None => true,
        });
        if left.len() == before {
            break;
        }
    }
    let ctx = scope.context();
    let converted = convert(&src.files, &ctx, budget);
    let calls = calls(src, &scope, &ctx);
    Built { converted, calls }
}

/// A local's expression, from HCL or `.tf.json`.
type LocalExpr<'a> = (String, Expr<'a>);

enum Expr<'a> {
    Hcl(&'a hcl_edit::expr::Expression),
    Json(&'a Value),
}

impl Expr<'_> {
    fn value(&self, ctx: &Context<'_>) -> Option<Value> {
        match self {
            Expr::Hcl(e) => evaluate(e, ctx),
            Expr::Json(v) => json_value(v, ctx),
        }
    }
}

/// A `.tf.json` value with its template strings evaluated; `None` when one
/// of them cannot be known.
fn json_value(v: &Value, ctx: &Context<'_>) -> Option<Value> {
    match v {
        Value::String(s) if s.contains("${") => evaluate_template(s, ctx),
        Value::Array(a) => a
            .iter()
            .map(|x| json_value(x, ctx))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| json_value(x, ctx).map(|x| (k.clone(), x)))
            .collect::<Option<Map<_, _>>>()
            .map(Value::Object),
        other => Some(other.clone()),
    }
}

/// Every declared variable with its default (`None`: no default, or one
/// that cannot be evaluated).
fn variables(src: &ModuleSource, ctx: &Context<'_>) -> Vec<(String, Option<Value>)> {
    let mut out = Vec::new();
    for f in &src.files {
        match &f.content {
            Content::Hcl(body) => {
                for (labels, block) in blocks(body, "variable") {
                    let Some(name) = labels.first() else { continue };
                    let default = attr(block, "default").and_then(|e| evaluate(e, ctx));
                    out.push((name.clone(), default));
                }
            }
            Content::Json(top, _) => {
                for (name, v) in top
                    .get("variable")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let decl = match v {
                        Value::Array(a) => a.first(),
                        other => Some(other),
                    };
                    let default = decl
                        .and_then(|d| d.get("default"))
                        .and_then(|d| json_value(d, ctx));
                    out.push((name.clone(), default));
                }
            }
        }
    }
    out
}

fn locals(src: &ModuleSource) -> Vec<LocalExpr<'_>> {
    let mut out = Vec::new();
    for f in &src.files {
        match &f.content {
            Content::Hcl(body) => {
                for (_, block) in blocks(body, "locals") {
                    for s in block.iter() {
                        if let Structure::Attribute(a) = s {
                            out.push((a.key.value().to_string(), Expr::Hcl(&a.value)));
                        }
                    }
                }
            }
            Content::Json(top, _) => {
                let list: Vec<&Value> = match top.get("locals") {
                    Some(Value::Array(a)) => a.iter().collect(),
                    Some(v) => vec![v],
                    None => vec![],
                };
                for l in list {
                    for (k, v) in l.as_object().into_iter().flatten() {
                        out.push((k.clone(), Expr::Json(v)));
                    }
                }
            }
        }
    }
    out
}

/// The blocks `ident "label"... { }` at the top of a body.
fn blocks<'a>(body: &'a Body, ident: &str) -> Vec<(Vec<String>, &'a Body)> {
    body.iter()
        .filter_map(|s| match s {
            Structure::Block(b) if b.ident.value().as_str() == ident => Some((
                b.labels.iter().map(|l| l.as_str().to_owned()).collect(),
                &b.body,
            )),
            _ => None,
        })
        .collect()
}

fn attr<'a>(body: &'a Body, name: &str) -> Option<&'a hcl_edit::expr::Expression> {
    body.iter().find_map(|s| match s {
        Structure::Attribute(a) if a.key.value().as_str() == name => Some(&a.value),
        _ => None,
    })
}

/// The module calls of the instance, each expanded into its instances.
fn calls(src: &ModuleSource, scope: &Scope, ctx: &Context<'_>) -> Vec<Call> {
    let mut out = Vec::new();
    for f in &src.files {
        match &f.content {
            Content::Hcl(body) => {
                for s in body.iter() {
                    let Structure::Block(b) = s else { continue };
                    if b.ident.value().as_str() != "module" {
                        continue;
                    }
                    let Some(name) = b.labels.first().map(|l| l.as_str().to_owned()) else {
                        continue;
                    };
                    let line = b.span().map_or(1, |sp| f.lines.line_of(sp.start));
                    let text = |key: &str| {
                        attr(&b.body, key)
                            .and_then(|e| evaluate(e, ctx))
                            .and_then(|v| v.as_str().map(str::to_owned))
                    };
                    let args: Vec<(String, Expr<'_>)> = b
                        .body
                        .iter()
                        .filter_map(|s| match s {
                            Structure::Attribute(a) if !META.contains(&a.key.value().as_str()) => {
                                Some((a.key.value().to_string(), Expr::Hcl(&a.value)))
                            }
                            _ => None,
                        })
                        .collect();
                    let count = attr(&b.body, "count").map(Expr::Hcl);
                    let for_each = attr(&b.body, "for_each").map(Expr::Hcl);
                    out.push(expand(
                        name,
                        text("source"),
                        text("version"),
                        &f.path,
                        line,
                        count,
                        for_each,
                        &args,
                        scope,
                        ctx,
                    ));
                }
            }
            Content::Json(top, index) => {
                for (name, v) in top
                    .get("module")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let body = match v {
                        Value::Array(a) => a.first(),
                        other => Some(other),
                    };
                    let Some(body) = body.and_then(Value::as_object) else {
                        continue;
                    };
                    let line = index.get(&format!("module.{name}")).unwrap_or(1);
                    let text = |key: &str| {
                        body.get(key)
                            .and_then(|v| json_value(v, ctx))
                            .and_then(|v| v.as_str().map(str::to_owned))
                    };
                    let args: Vec<(String, Expr<'_>)> = body
                        .iter()
                        .filter(|(k, _)| !META.contains(&k.as_str()))
                        .map(|(k, v)| (k.clone(), Expr::Json(v)))
                        .collect();
                    let count = body.get("count").map(Expr::Json);
                    let for_each = body.get("for_each").map(Expr::Json);
                    out.push(expand(
                        name.clone(),
                        text("source"),
                        text("version"),
                        &f.path,
                        line,
                        count,
                        for_each,
                        &args,
                        scope,
                        ctx,
                    ));
                }
            }
        }
    }
    out
}

/// An instance's address suffix, its `each` (key, value) and `count.index`.
type InstanceKey = (String, Option<(Value, Value)>, Option<u64>);

/// A module call's instances and the arguments each passes.
#[allow(clippy::too_many_arguments)]
fn expand(
    name: String,
    source: Option<String>,
    version: Option<String>,
    file: &str,
    line: usize,
    count: Option<Expr<'_>>,
    for_each: Option<Expr<'_>>,
    args: &[(String, Expr<'_>)],
    scope: &Scope,
    ctx: &Context<'_>,
) -> Call {
    // (address suffix, each, count.index)
    let mut keys: Vec<InstanceKey> = Vec::new();
    let mut too_many = None;
    if let Some(c) = count {
        match c.value(ctx).and_then(|v| v.as_u64()) {
            Some(n) if n as usize > MAX_INSTANCES_PER_CALL => too_many = Some(n as usize),
            Some(n) => keys.extend((0..n).map(|i| (format!("[{i}]"), None, Some(i)))),
            // Not known before apply: one instance, its key unknown.
            None => keys.push((String::new(), None, None)),
        }
    } else if let Some(fe) = for_each {
        let entries: Option<Vec<(Value, Value)>> = match fe.value(ctx) {
            Some(Value::Object(m)) => {
                Some(m.into_iter().map(|(k, v)| (Value::String(k), v)).collect())
            }
            Some(Value::Array(a)) => Some(a.into_iter().map(|v| (v.clone(), v)).collect()),
            _ => None,
        };
        match entries {
            Some(e) if e.len() > MAX_INSTANCES_PER_CALL => too_many = Some(e.len()),
            Some(e) => keys.extend(e.into_iter().map(|(k, v)| {
                let shown = match &k {
                    Value::String(s) => {
                        format!("[{}]", serde_json::to_string(s).unwrap_or_default())
                    }
                    other => format!("[{other}]"),
                };
                (shown, Some((k, v)), None)
            })),
            // Not known before apply: one instance, its key unknown.
            None => keys.push((String::new(), None, None)),
        }
    } else {
        keys.push((String::new(), None, None));
    }
    let instances = keys
        .into_iter()
        .map(|(suffix, each, count_index)| {
            let mut s = scope.clone();
            s.each = each;
            s.count_index = count_index;
            let ictx = s.context();
            let mut known = Map::new();
            let mut unknown = Vec::new();
            for (k, e) in args {
                match e.value(&ictx) {
                    Some(v) => {
                        known.insert(k.clone(), v);
                    }
                    None => unknown.push(k.clone()),
                }
            }
            (suffix, known, unknown)
        })
        .collect();
    Call {
        name,
        source,
        version,
        file: file.to_owned(),
        line,
        instances,
        too_many,
    }
}
