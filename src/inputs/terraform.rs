//! Terraform: every `.tf` and `.tf.json` file of one directory merged into one
//! module document, in the shape conftest's hcl2 parser gives, so conftest's
//! Terraform policies run unchanged:
//!
//! - `resource.<type>.<name>` (likewise `data`, `module`, `variable`, `output`,
//!   `provider`) is a list of block bodies; `terraform` and `locals` are lists;
//! - nested blocks are lists of bodies (`versioning: [{enabled: true}]`);
//! - literals become JSON values; expressions that cannot be evaluated stay as
//!   `"${...}"` strings of their source text; templates keep their source text.
//!
//! Merging the files of a directory is what lets one evaluation see an
//! `aws_s3_bucket` and the `aws_s3_bucket_server_side_encryption_configuration`
//! that configures it from another file.

use super::json_lines::index_json;
use super::locate::{join_index, join_key, Locator, PathIndex, TerraformBlock};
use super::{Document, InputError, InputKind, LineStarts, Parsed};
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::Span;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// A file of the module, read but not yet parsed.
pub struct ModuleFile {
    pub path: String,
    pub text: Result<String, InputError>,
}

/// Parse and merge the files of one module directory. A file that does not
/// parse is an error of its own; the others still make the module.
pub fn parse_module(dir: &str, files: Vec<ModuleFile>) -> Parsed {
    let mut parsed = Parsed::default();
    let mut module = Map::new();
    let mut resources: HashMap<String, TerraformBlock> = HashMap::new();
    let mut any = false;
    for file in files {
        let text = match file.text {
            Ok(t) => t,
            Err(e) => {
                parsed.errors.push(e);
                continue;
            }
        };
        let result = if file.path.ends_with(".json") {
            merge_json_file(&file.path, &text, &mut module, &mut resources)
        } else {
            parsed.scan_waivers(&file.path, &text);
            merge_hcl_file(&file.path, &text, &mut module, &mut resources)
        };
        match result {
            Ok(()) => any = true,
            Err(e) => parsed.errors.push(e),
        }
    }
    if any {
        if let Err(msg) = resolve_variable_defaults(&mut module) {
            parsed.errors.push(InputError::new(dir, msg));
        }
        parsed.documents.push(Document {
            kind: InputKind::Terraform,
            path: dir.to_owned(),
            index: 0,
            value: Value::Object(module),
            locator: Locator::Terraform { resources },
        });
    }
    parsed
}

fn merge_hcl_file(
    path: &str,
    text: &str,
    module: &mut Map<String, Value>,
    resources: &mut HashMap<String, TerraformBlock>,
) -> Result<(), InputError> {
    let body = hcl_edit::parser::parse_body(text).map_err(|e| {
        let loc = e.location();
        InputError::new(path, format!("invalid HCL: {}", e.message()))
            .at(Some(loc.line()), Some(loc.column()))
    })?;
    let conv = Converter {
        text,
        lines: LineStarts::new(text),
    };
    for structure in body.iter() {
        match structure {
            Structure::Attribute(attr) => {
                // Top-level attributes are not valid Terraform, but keep them.
                module.insert(attr.key.value().to_string(), conv.expr(&attr.value));
            }
            Structure::Block(block) => {
                let ident = block.ident.value().to_string();
                let labels: Vec<String> =
                    block.labels.iter().map(|l| l.as_str().to_owned()).collect();
                let body_value = conv.body(&block.body);
                insert_block(module, &ident, &labels, body_value);
                if let Some(id) = resource_id(&ident, &labels) {
                    let line = block.span().map_or(1, |s| conv.lines.line_of(s.start));
                    let mut attributes = PathIndex::default();
                    conv.index_body(&block.body, "", &mut attributes);
                    resources.entry(id).or_insert(TerraformBlock {
                        path: path.to_owned(),
                        line,
                        attributes,
                    });
                }
            }
        }
    }
    Ok(())
}

/// Most bytes of variable defaults one module may copy into the places
/// that use them. A default is copied once per use: a 1 MB default used
/// 3,000 times would be 3 GB. Far above what real modules copy.
pub const EXPANSION_BUDGET_BYTES: usize = 64 << 20;

/// Replace an attribute that is exactly `var.NAME` with the default the
/// module declares for that variable, as other IaC scanners do: a module's
/// defaults are what it deploys unless a caller overrides them (tfvars
/// files and caller arguments are not read). Expressions that merely use a
/// variable stay `"${...}"` strings, and so do variables without a default.
/// Past [`EXPANSION_BUDGET_BYTES`] copying stops, and the error says which
/// variable: the module is then judged with the rest unresolved.
fn resolve_variable_defaults(module: &mut Map<String, Value>) -> Result<(), String> {
    let defaults: HashMap<String, (Value, usize)> = module
        .get("variable")
        .and_then(Value::as_object)
        .map(|vars| {
            vars.iter()
                .filter_map(|(name, bodies)| {
                    let default = bodies.as_array()?.first()?.get("default")?;
                    let size = serde_json::to_string(default).map_or(0, |s| s.len());
                    (!default.is_null())
                        .then(|| (format!("${{var.{name}}}"), (default.clone(), size)))
                })
                .collect()
        })
        .unwrap_or_default();
    if defaults.is_empty() {
        return Ok(());
    }
    struct Budget<'a> {
        defaults: &'a HashMap<String, (Value, usize)>,
        left: usize,
        exhausted_by: Option<String>,
    }
    fn walk(v: &mut Value, b: &mut Budget<'_>) {
        match v {
            Value::String(s) => {
                if let Some((d, size)) = b.defaults.get(s.as_str()) {
                    if *size > b.left {
                        b.exhausted_by.get_or_insert_with(|| s.clone());
                        return;
                    }
                    b.left -= size;
                    *v = d.clone();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, b)),
            Value::Object(map) => map.values_mut().for_each(|i| walk(i, b)),
            _ => {}
        }
    }
    let mut budget = Budget {
        defaults: &defaults,
        left: EXPANSION_BUDGET_BYTES,
        exhausted_by: None,
    };
    for (key, value) in module.iter_mut() {
        if key != "variable" {
            walk(value, &mut budget);
        }
    }
    match budget.exhausted_by {
        Some(var) => Err(format!(
            "resolving variable defaults would copy more than {} MiB into this module ({} is used too often for its size); the remaining uses stay unresolved",
            EXPANSION_BUDGET_BYTES >> 20,
            var.trim_start_matches("${").trim_end_matches('}')
        )),
        None => Ok(()),
    }
}

/// The identifier a policy uses for a top-level block, Terraform's address
/// form: `aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`, `module.vpc`.
fn resource_id(ident: &str, labels: &[String]) -> Option<String> {
    match (ident, labels) {
        ("resource", [t, n]) => Some(format!("{t}.{n}")),
        ("data", [t, n]) => Some(format!("data.{t}.{n}")),
        (_, []) => Some(ident.to_owned()),
        (_, labels) => Some(format!("{ident}.{}", labels.join("."))),
    }
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

struct Converter<'a> {
    text: &'a str,
    lines: LineStarts,
}

impl Converter<'_> {
    fn source(&self, span: Option<std::ops::Range<usize>>) -> &str {
        span.and_then(|s| self.text.get(s)).unwrap_or("").trim()
    }

    fn body(&self, body: &Body) -> Value {
        let mut map = Map::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    map.insert(attr.key.value().to_string(), self.expr(&attr.value));
                }
                Structure::Block(block) => {
                    let labels: Vec<String> =
                        block.labels.iter().map(|l| l.as_str().to_owned()).collect();
                    insert_block(
                        &mut map,
                        block.ident.value().as_str(),
                        &labels,
                        self.body(&block.body),
                    );
                }
            }
        }
        Value::Object(map)
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

    fn expr(&self, expr: &Expression) -> Value {
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
                        ObjectKey::Expression(e) => format!("${{{}}}", self.source(e.span())),
                    };
                    map.insert(key, self.expr(v.expr()));
                }
                Value::Object(map)
            }
            Expression::StringTemplate(t) => {
                let src = self.source(t.span());
                let inner = src
                    .strip_prefix('"')
                    .and_then(|s| s.strip_suffix('"'))
                    .unwrap_or(src);
                Value::String(inner.to_owned())
            }
            Expression::HeredocTemplate(h) => {
                let src = self.source(h.span());
                let body = src.split_once('\n').map_or("", |(_, rest)| rest);
                let body = body.rsplit_once('\n').map_or("", |(content, _)| content);
                Value::String(format!("{body}\n"))
            }
            Expression::Parenthesis(p) => self.expr(p.inner()),
            other => Value::String(format!("${{{}}}", self.source(other.span()))),
        }
    }
}

/// A `.tf.json` file: already JSON; resource bodies are normalised to the
/// list form of the HCL files so policies see one shape.
fn merge_json_file(
    path: &str,
    text: &str,
    module: &mut Map<String, Value>,
    resources: &mut HashMap<String, TerraformBlock>,
) -> Result<(), InputError> {
    if text.trim().is_empty() {
        return Ok(()); // an empty file adds nothing to the module
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        InputError::new(
            path,
            format!(
                "invalid JSON: {}",
                super::structured::strip_location(&e.to_string())
            ),
        )
        .at(Some(e.line()), Some(e.column()))
    })?;
    let Value::Object(top) = value else {
        return Err(InputError::new(
            path,
            "a .tf.json file must hold a JSON object",
        ));
    };
    let index = index_json(text);
    for (ident, v) in top {
        let depth = match ident.as_str() {
            "resource" | "data" => 2,
            "terraform" | "locals" => 0,
            _ => 1,
        };
        let mut labelled = Vec::new();
        collect_labelled(&v, depth, &mut Vec::new(), &mut labelled);
        for (labels, body) in labelled {
            let json_path = std::iter::once(ident.as_str())
                .chain(labels.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(".");
            if let Some(id) = resource_id(&ident, &labels) {
                let line = index.get(&json_path).unwrap_or(1);
                resources.entry(id).or_insert(TerraformBlock {
                    path: path.to_owned(),
                    line,
                    attributes: PathIndex::default(),
                });
            }
            for b in match body {
                Value::Array(items) => items,
                other => vec![other],
            } {
                insert_block(module, &ident, &labels, b);
            }
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn module(files: &[(&str, &str)]) -> Parsed {
        parse_module(
            "infra",
            files
                .iter()
                .map(|(p, t)| ModuleFile {
                    path: p.to_string(),
                    text: Ok(t.to_string()),
                })
                .collect(),
        )
    }

    #[test]
    fn conftest_shape_and_sibling_resources_in_other_files() {
        let parsed = module(&[
            (
                "infra/s3.tf",
                "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs-${var.env}\"\n  tags = {\n    Team = \"x\"\n  }\n  versioning {\n    enabled = true\n  }\n  acl = var.env\n}\n",
            ),
            (
                "infra/enc.tf",
                "variable \"env\" {\n  default = \"prod\"\n}\n\nresource \"aws_s3_bucket_server_side_encryption_configuration\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  count  = length(var.x) > 0 ? 1 : 0\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = \"aws:kms\"\n    }\n  }\n}\n",
            ),
        ]);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let doc = &parsed.documents[0];
        let v = &doc.value;
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["bucket"],
            json!("logs-${var.env}")
        );
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["versioning"],
            json!([{"enabled": true}])
        );
        let enc = &v["resource"]["aws_s3_bucket_server_side_encryption_configuration"]["logs"][0];
        assert_eq!(enc["bucket"], json!("${aws_s3_bucket.logs.id}"));
        assert_eq!(enc["count"], json!("${length(var.x) > 0 ? 1 : 0}"));
        assert_eq!(
            enc["rule"][0]["apply_server_side_encryption_by_default"][0]["sse_algorithm"],
            json!("aws:kms")
        );
        assert_eq!(v["variable"]["env"][0]["default"], json!("prod"));
        // `var.env` alone is resolved to its default (declared in another
        // file of the module); inside a template it is not.
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["acl"],
            json!("prod")
        );
        assert_eq!(
            v["resource"]["aws_s3_bucket"]["logs"][0]["bucket"],
            json!("logs-${var.env}")
        );

        let loc = |r: &str, a: Option<&str>| doc.locator.locate(v, Some(r), a).unwrap();
        assert_eq!(
            loc("aws_s3_bucket.logs", None),
            super::super::Location {
                path: "infra/s3.tf".into(),
                line: 1
            }
        );
        assert_eq!(
            loc("aws_s3_bucket.logs", Some("versioning.enabled")).line,
            7
        );
        assert_eq!(loc("aws_s3_bucket.logs", Some("tags.Team")).line, 4);
        let enc_loc = loc(
            "aws_s3_bucket_server_side_encryption_configuration.logs",
            Some("rule.apply_server_side_encryption_by_default.sse_algorithm"),
        );
        assert_eq!((enc_loc.path.as_str(), enc_loc.line), ("infra/enc.tf", 10));
        // a missing attribute resolves to the block
        assert_eq!(
            loc("aws_s3_bucket.logs", Some("logging.target_bucket")).line,
            1
        );
    }

    #[test]
    fn a_broken_file_is_an_error_and_the_rest_still_loads() {
        let parsed = module(&[
            ("infra/a.tf", "resource \"aws_s3_bucket\" \"a\" {}\n"),
            (
                "infra/b.tf",
                "resource \"aws_s3_bucket\" \"b\" {\n  acl = \n}\n",
            ),
        ]);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].path, "infra/b.tf");
        assert!(parsed.errors[0].line.is_some());
        assert_eq!(parsed.documents.len(), 1);
        assert!(parsed.documents[0].value["resource"]["aws_s3_bucket"]["a"].is_array());
    }

    #[test]
    fn variables_with_defaults_are_resolved() {
        let parsed = module(&[(
            "m/main.tf",
            "variable \"rotate\" {\n  default = true\n}\nvariable \"days\" {\n  default = 30\n}\nvariable \"unset\" {}\nresource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = var.rotate\n  deletion_window_in_days = var.days\n  description = var.unset\n  policy = \"${var.rotate}-x\"\n}\n",
        )]);
        let k = &parsed.documents[0].value["resource"]["aws_kms_key"]["k"][0];
        assert_eq!(k["enable_key_rotation"], json!(true));
        assert_eq!(k["deletion_window_in_days"], json!(30));
        assert_eq!(k["description"], json!("${var.unset}"));
        assert_eq!(k["policy"], json!("${var.rotate}-x"));
    }

    #[test]
    fn deeply_nested_blocks_index_in_linear_time() {
        let depth = 60;
        let mut text = String::from("resource \"x\" \"y\" {\n");
        for _ in 0..depth {
            text.push_str("b {\n");
        }
        text.push_str("v = 1\n");
        for _ in 0..depth {
            text.push_str("}\n");
        }
        text.push_str("}\n");
        let start = std::time::Instant::now();
        let parsed = module(&[("m/main.tf", &text)]);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    }

    #[test]
    fn tf_json_is_normalised_to_lists() {
        let parsed = module(&[(
            "infra/main.tf.json",
            "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n      \"b\": {\"bucket\": \"x\"}\n    }\n  }\n}\n",
        )]);
        let doc = &parsed.documents[0];
        assert_eq!(
            doc.value["resource"]["aws_s3_bucket"]["b"],
            json!([{"bucket": "x"}])
        );
        assert_eq!(
            doc.locator
                .locate(&doc.value, Some("aws_s3_bucket.b"), None)
                .unwrap()
                .line,
            4
        );
    }

    #[test]
    fn dynamic_blocks_and_heredocs() {
        let parsed = module(&[(
            "m/main.tf",
            "resource \"aws_security_group\" \"sg\" {\n  dynamic \"ingress\" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n    }\n  }\n  description = <<EOT\nhello\nEOT\n}\n",
        )]);
        let sg = &parsed.documents[0].value["resource"]["aws_security_group"]["sg"][0];
        assert_eq!(
            sg["dynamic"]["ingress"][0]["for_each"],
            json!("${var.ports}")
        );
        assert_eq!(
            sg["dynamic"]["ingress"][0]["content"][0]["from_port"],
            json!("${ingress.value}")
        );
        assert_eq!(sg["description"], json!("hello\n"));
    }
}
