//! A module instance's files into one document, in the shape conftest's
//! hcl2 parser gives, so conftest's Terraform policies run unchanged:
//!
//! - `resource.<type>.<name>` (likewise `data`, `module`, `variable`, `output`,
//!   `provider`) is a list of block bodies; `terraform` and `locals` are lists;
//! - nested blocks are lists of bodies (`versioning: [{enabled: true}]`);
//! - literals become JSON values; an expression whose value is known before
//!   apply (variables, locals, functions over them) becomes that value;
//!   one that is not stays a `"${...}"` string of its source text (a
//!   template keeps its source text).
//!
//! Every resource and attribute keeps its file and line.

use super::super::locate::{join_index, join_key, PathIndex, TerraformBlock};
use super::super::LineStarts;
use super::eval::{evaluate, evaluate_template};
use super::source::{Content, SourceFile};
use hcl::eval::Context;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Most bytes of evaluated values one root module may hold, shared by all
/// its module instances. A default is copied into each place that uses it:
/// a 1 MB default used 3,000 times would be 3 GB, and 40 instances of a
/// module each using it 50 times were 4 GB while each stayed under a budget
/// of its own. Far above what real modules copy.
pub const EXPANSION_BUDGET_BYTES: usize = 128 << 20;

/// What converting a module instance gave.
#[derive(Default)]
pub struct Converted {
    pub module: Map<String, Value>,
    pub resources: HashMap<String, TerraformBlock>,
    /// Set when evaluated values passed [`EXPANSION_BUDGET_BYTES`]: the
    /// expression whose value did not fit (it and the rest stay text).
    pub over_budget: Option<(String, String)>,
}

/// Convert every file of a module with the values of `ctx`, taking what
/// evaluated values hold from `budget` (its root's, see
/// [`EXPANSION_BUDGET_BYTES`]).
pub fn convert(files: &[SourceFile], ctx: &Context<'_>, budget: &mut usize) -> Converted {
    let mut out = Converted::default();
    for file in files {
        let mut conv = Converter {
            text: &file.text,
            lines: &file.lines,
            path: &file.path,
            ctx,
            budget: &mut *budget,
            over_budget: &mut out.over_budget,
        };
        match &file.content {
            Content::Hcl(body) => conv.merge_body(body, &mut out.module, &mut out.resources),
            Content::Json(top, index) => {
                conv.merge_json(top, index, &mut out.module, &mut out.resources)
            }
        }
    }
    out
}

/// The identifier a policy uses for a top-level block, Terraform's address
/// form: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `module.vpc`.
pub fn resource_id(ident: &str, labels: &[String]) -> Option<String> {
    match (ident, labels) {
        ("resource", [t, n]) => Some(format!("{t}.{n}")),
        ("data", [t, n]) => Some(format!("data.{t}.{n}")),
        (_, []) => Some(ident.to_owned()),
        (_, labels) => Some(format!("{ident}.{}", labels.join("."))),
    }
}

/// A provider block's labels with its alias (`aws`, `west`), so each
/// configuration of a provider has an address of its own
/// (`provider.aws.west`) and its findings their own line; the block
/// without an alias stays `provider.aws`.
fn aliased(ident: &str, labels: &[String], body: &Value) -> Vec<String> {
    let mut labels = labels.to_vec();
    if ident == "provider" {
        if let Some(alias) = body.get("alias").and_then(Value::as_str) {
            labels.push(alias.to_owned());
        }
    }
    labels
}

/// Put a block body at `ident.label1.label2...`, appending to the list there.
fn insert_block(target: &mut Map<String, Value>, ident: &str, labels: &[String], body: Value) {
    let mut slot = target.entry(ident.to_owned()).or_insert_with(|| {
        if labels.is_empty() {
            Value::Array(vec![])
        } else {
            Value::Object(Map::new())
        }
    });
    for (i, label) in labels.iter().enumerate() {
        let last = i + 1 == labels.len();
        let Value::Object(map) = slot else { return };
        slot = map.entry(label.clone()).or_insert_with(|| {
            if last {
                Value::Array(vec![])
            } else {
                Value::Object(Map::new())
            }
        });
    }
    match slot {
        Value::Array(list) => list.push(body),
        other => *other = Value::Array(vec![other.take(), body]),
    }
}

/// Whether a resource body's known `count` or `for_each` creates nothing.
fn not_created(body: &Value) -> bool {
    match (body.get("count"), body.get("for_each")) {
        (Some(Value::Number(n)), _) => n.as_f64() == Some(0.0),
        (_, Some(Value::Array(a))) => a.is_empty(),
        (_, Some(Value::Object(m))) => m.is_empty(),
        _ => false,
    }
}

/// Bytes a value holds, roughly: what the budget counts.
fn weight(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len() + 8,
        Value::Array(a) => 8 + a.iter().map(weight).sum::<usize>(),
        Value::Object(m) => 8 + m.iter().map(|(k, v)| k.len() + weight(v)).sum::<usize>(),
        _ => 8,
    }
}

struct Converter<'a> {
    text: &'a str,
    lines: &'a LineStarts,
    path: &'a str,
    ctx: &'a Context<'a>,
    budget: &'a mut usize,
    over_budget: &'a mut Option<(String, String)>,
}

impl Converter<'_> {
    fn source(&self, span: Option<std::ops::Range<usize>>) -> &str {
        span.and_then(|s| self.text.get(s)).unwrap_or("").trim()
    }

    fn merge_body(
        &mut self,
        body: &Body,
        module: &mut Map<String, Value>,
        resources: &mut HashMap<String, TerraformBlock>,
    ) {
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    // Top-level attributes are not valid Terraform, but keep them.
                    let v = self.expr(&attr.value);
                    module.insert(attr.key.value().to_string(), v);
                }
                Structure::Block(block) => {
                    let ident = block.ident.value().to_string();
                    let labels: Vec<String> =
                        block.labels.iter().map(|l| l.as_str().to_owned()).collect();
                    let body_value = self.body(&block.body);
                    // A resource Terraform will not create (`count = 0`,
                    // an empty `for_each`) is not there to judge.
                    if matches!(ident.as_str(), "resource" | "data") && not_created(&body_value) {
                        continue;
                    }
                    let id = resource_id(&ident, &aliased(&ident, &labels, &body_value));
                    insert_block(module, &ident, &labels, body_value);
                    if let Some(id) = id {
                        let line = block.span().map_or(1, |s| self.lines.line_of(s.start));
                        let mut attributes = PathIndex::default();
                        self.index_body(&block.body, "", &mut attributes);
                        resources.entry(id).or_insert(TerraformBlock {
                            path: self.path.to_owned(),
                            line,
                            attributes,
                            planned_from: None,
                        });
                    }
                }
            }
        }
    }

    fn body(&mut self, body: &Body) -> Value {
        let mut map = Map::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let v = self.expr(&attr.value);
                    map.insert(attr.key.value().to_string(), v);
                }
                Structure::Block(block) => {
                    if block.ident.value().as_str() == "dynamic" && self.dynamic(block, &mut map) {
                        continue;
                    }
                    let labels: Vec<String> =
                        block.labels.iter().map(|l| l.as_str().to_owned()).collect();
                    let b = self.body(&block.body);
                    insert_block(&mut map, block.ident.value().as_str(), &labels, b);
                }
            }
        }
        Value::Object(map)
    }

    /// A `dynamic "rule" { for_each = ...; content { ... } }` block whose
    /// `for_each` is known: one `rule` block per element, its content
    /// evaluated with the iterator (`rule.key`, `rule.value`) as Terraform
    /// generates them. `false` when it cannot be expanded: it is then kept
    /// as written, under `dynamic`.
    fn dynamic(
        &mut self,
        block: &hcl_edit::structure::Block,
        map: &mut Map<String, Value>,
    ) -> bool {
        let Some(kind) = block.labels.first().map(|l| l.as_str().to_owned()) else {
            return false;
        };
        let mut for_each = None;
        let mut iterator = kind.clone();
        let mut content = None;
        for s in block.body.iter() {
            match s {
                Structure::Attribute(a) if a.key.value().as_str() == "for_each" => {
                    for_each = Some(&a.value)
                }
                Structure::Attribute(a) if a.key.value().as_str() == "iterator" => {
                    if let Expression::Variable(v) = &a.value {
                        iterator = v.value().to_string();
                    }
                }
                Structure::Block(b) if b.ident.value().as_str() == "content" => {
                    content = Some(&b.body)
                }
                _ => {}
            }
        }
        let (Some(for_each), Some(content)) = (for_each, content) else {
            return false;
        };
        let entries: Vec<(Value, Value)> = match self.known(for_each) {
            Some(Value::Object(m)) => m.into_iter().map(|(k, v)| (Value::String(k), v)).collect(),
            Some(Value::Array(a)) => a
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::from(i), v))
                .collect(),
            _ => return false,
        };
        for (key, value) in entries {
            let mut ctx = self.ctx.clone();
            let mut it = Map::new();
            it.insert("key".into(), key);
            it.insert("value".into(), value);
            ctx.declare_var(
                iterator.as_str(),
                hcl::to_value(Value::Object(it)).unwrap_or(hcl::Value::Null),
            );
            let mut inner = Converter {
                text: self.text,
                lines: self.lines,
                path: self.path,
                ctx: &ctx,
                budget: &mut *self.budget,
                over_budget: &mut *self.over_budget,
            };
            let b = inner.body(content);
            insert_block(map, &kind, &[], b);
        }
        true
    }

    /// Record the line of every attribute and nested block under `base`.
    /// Nested blocks are recorded as `rule` (first occurrence) and as
    /// `rule[1]`; their contents under the unindexed path only, so the walk
    /// stays linear however deep blocks nest (`rule[1].x` resolves to the
    /// line of `rule[1]`).
    fn index_body(&self, body: &Body, base: &str, index: &mut PathIndex) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    if let Some(span) = attr.span() {
                        let path = join_key(base, attr.key.value().as_str());
                        index.insert(path.clone(), self.lines.line_of(span.start));
                        self.index_expr(&attr.value, &path, index);
                    }
                }
                Structure::Block(block) => {
                    // A dynamic block's content is where its generated
                    // blocks' attributes are written.
                    if block.ident.value().as_str() == "dynamic" {
                        if let (Some(kind), Some(content)) = (
                            block.labels.first(),
                            block.body.iter().find_map(|s| match s {
                                Structure::Block(b) if b.ident.value().as_str() == "content" => {
                                    Some(&b.body)
                                }
                                _ => None,
                            }),
                        ) {
                            let path = join_key(base, kind.as_str());
                            if let Some(span) = block.span() {
                                index.insert(path.clone(), self.lines.line_of(span.start));
                            }
                            self.index_body(content, &path, index);
                        }
                    }
                    let mut path = join_key(base, block.ident.value().as_str());
                    for label in &block.labels {
                        path = join_key(&path, label.as_str());
                    }
                    let n = seen.entry(path.clone()).or_insert(0);
                    let indexed = join_index(&path, *n);
                    *n += 1;
                    if let Some(span) = block.span() {
                        let line = self.lines.line_of(span.start);
                        index.insert(path.clone(), line);
                        index.insert(indexed, line);
                    }
                    self.index_body(&block.body, &path, index);
                }
            }
        }
    }

    /// Lines of the keys of object-valued attributes (`tags = { a = 1 }`).
    fn index_expr(&self, expr: &Expression, base: &str, index: &mut PathIndex) {
        if let Expression::Object(obj) = expr {
            for (key, value) in obj.iter() {
                let name = match key {
                    ObjectKey::Ident(i) => i.value().to_string(),
                    ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                    ObjectKey::Expression(_) => continue,
                };
                if let Some(span) = key.span() {
                    index.insert(join_key(base, &name), self.lines.line_of(span.start));
                }
                self.index_expr(value.expr(), &join_key(base, &name), index);
            }
        }
    }

    /// Evaluate an expression within the budget, or `None`.
    fn known(&mut self, expr: &Expression) -> Option<Value> {
        if self.over_budget.is_some() {
            return None;
        }
        let v = evaluate(expr, self.ctx)?;
        let w = weight(&v);
        if w > *self.budget {
            *self.over_budget = Some((self.path.to_owned(), self.source(expr.span()).to_owned()));
            return None;
        }
        *self.budget -= w;
        Some(v)
    }

    fn expr(&mut self, expr: &Expression) -> Value {
        match expr {
            Expression::Null(_) => Value::Null,
            Expression::Bool(b) => Value::Bool(*b.value()),
            Expression::Number(n) => {
                let n = n.value();
                if let Some(i) = n.as_i64() {
                    Value::from(i)
                } else if let Some(u) = n.as_u64() {
                    Value::from(u)
                } else {
                    n.as_f64()
                        .and_then(serde_json::Number::from_f64)
                        .map_or(Value::Null, Value::Number)
                }
            }
            Expression::String(s) => Value::String(s.value().to_string()),
            Expression::Array(a) => Value::Array(a.iter().map(|e| self.expr(e)).collect()),
            Expression::Object(o) => {
                let mut map = Map::new();
                for (k, v) in o.iter() {
                    let key = match k {
                        ObjectKey::Ident(i) => i.value().to_string(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().to_string(),
                        ObjectKey::Expression(e) => match self.known(e) {
                            Some(Value::String(s)) => s,
                            _ => format!("${{{}}}", self.source(e.span())),
                        },
                    };
                    let value = self.expr(v.expr());
                    map.insert(key, value);
                }
                Value::Object(map)
            }
            Expression::StringTemplate(t) => self.known(expr).unwrap_or_else(|| {
                let src = self.source(t.span());
                let inner = src
                    .strip_prefix('"')
                    .and_then(|s| s.strip_suffix('"'))
                    .unwrap_or(src);
                Value::String(inner.to_owned())
            }),
            Expression::HeredocTemplate(h) => self.known(expr).unwrap_or_else(|| {
                let src = self.source(h.span());
                let body = src.split_once('\n').map_or("", |(_, rest)| rest);
                let body = body.rsplit_once('\n').map_or("", |(content, _)| content);
                Value::String(format!("{body}\n"))
            }),
            Expression::Parenthesis(p) => self.expr(p.inner()),
            other => self
                .known(other)
                .unwrap_or_else(|| Value::String(format!("${{{}}}", self.source(other.span())))),
        }
    }

    /// A `.tf.json` file: already JSON; resource bodies are normalised to
    /// the list form of the HCL files so policies see one shape; template
    /// strings (`"${var.x}"`) are evaluated like HCL ones.
    fn merge_json(
        &mut self,
        top: &Map<String, Value>,
        index: &PathIndex,
        module: &mut Map<String, Value>,
        resources: &mut HashMap<String, TerraformBlock>,
    ) {
        for (ident, v) in top {
            let depth = match ident.as_str() {
                "resource" | "data" => 2,
                "terraform" | "locals" => 0,
                _ => 1,
            };
            let mut labelled = Vec::new();
            collect_labelled(v, depth, &mut Vec::new(), &mut labelled);
            for (labels, body) in labelled {
                let json_path = std::iter::once(ident.as_str())
                    .chain(labels.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(".");
                let first = match &body {
                    Value::Array(items) => items.first().cloned().unwrap_or_default(),
                    other => other.clone(),
                };
                if let Some(id) = resource_id(ident, &aliased(ident, &labels, &first)) {
                    let line = index.get(&json_path).unwrap_or(1);
                    resources.entry(id).or_insert(TerraformBlock {
                        path: self.path.to_owned(),
                        line,
                        attributes: PathIndex::default(),
                        planned_from: None,
                    });
                }
                for b in match body {
                    Value::Array(items) => items,
                    other => vec![other],
                } {
                    let b = self.json_value(b);
                    insert_block(module, ident, &labels, b);
                }
            }
        }
    }

    fn json_value(&mut self, v: Value) -> Value {
        match v {
            Value::String(s) if s.contains("${") => {
                if self.over_budget.is_some() {
                    return Value::String(s);
                }
                match evaluate_template(&s, self.ctx) {
                    Some(value) if weight(&value) <= *self.budget => {
                        *self.budget -= weight(&value);
                        value
                    }
                    _ => Value::String(s),
                }
            }
            Value::Array(a) => Value::Array(a.into_iter().map(|x| self.json_value(x)).collect()),
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .map(|(k, x)| (k, self.json_value(x)))
                    .collect(),
            ),
            other => other,
        }
    }
}

fn collect_labelled(
    v: &Value,
    depth: usize,
    labels: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Value)>,
) {
    if depth == 0 {
        out.push((labels.clone(), v.clone()));
        return;
    }
    if let Value::Object(map) = v {
        for (k, child) in map {
            labels.push(k.clone());
            collect_labelled(child, depth - 1, labels, out);
            labels.pop();
        }
    }
}
