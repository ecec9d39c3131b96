//! YAML, JSON and TOML files: parsed once, refined by content into
//! Kubernetes, CloudFormation and Terraform plan documents, each with the
//! line index its format allows.

use super::json_lines::index_json;
use super::kinds::{yaml_kind_by_path, InputKind};
use super::locate::{join_index, Locator, PathIndex, ResourceScheme};
use super::yaml_lines::index_documents;
use super::{Document, InputError, Parsed};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Parse a YAML stream: every document becomes one (or, for a Kubernetes
/// `List`, several) input documents. A document that does not parse is an
/// error for the file; documents before it are kept.
pub fn parse_yaml(path: &str, text: &str) -> Parsed {
    parse_yaml_as(path, text, yaml_kind_by_path(path))
}

/// Parse YAML whose location already says its kind (`by_path`, a workflow
/// or Compose file), else each document's content decides.
pub fn parse_yaml_as(path: &str, text: &str, by_path: Option<InputKind>) -> Parsed {
    let mut parsed = Parsed::default();
    if let Err(e) = check_flow_depth(path, text, MAX_YAML_DEPTH) {
        parsed.errors.push(e);
        return parsed;
    }
    let mut lines = index_documents(text);
    let has_merge_keys = text.contains("<<");
    for (i, de) in yaml_serde::Deserializer::from_str(text).enumerate() {
        // Where this document starts: the line errors inside it point at
        // when the parser gives none.
        let doc_line = lines.get(i).map_or(1, |d| d.first_line.max(1));
        let value = match yaml_serde::Value::deserialize(de) {
            Ok(mut v) => {
                // Merge keys (`<<: *base`) are applied, as kubectl, Compose,
                // GitHub Actions and conftest apply them: a setting merged in
                // from an anchor is a setting. Only when the text has one.
                if has_merge_keys {
                    if let Err(e) = v.apply_merge() {
                        parsed.errors.push(
                            InputError::new(
                                path,
                                format!(
                                    "invalid YAML merge key: {}",
                                    strip_location(&e.to_string())
                                ),
                            )
                            .at(Some(doc_line), None),
                        );
                        continue;
                    }
                }
                v
            }
            Err(e) => {
                let loc = e.location();
                parsed.errors.push(
                    InputError::new(
                        path,
                        format!("invalid YAML: {}", strip_location(&e.to_string())),
                    )
                    .at(
                        loc.as_ref().map(|l| l.line()),
                        loc.as_ref().map(|l| l.column()),
                    ),
                );
                break;
            }
        };
        let json = match yaml_to_json(value) {
            Ok(j) => j,
            Err(msg) => {
                parsed
                    .errors
                    .push(InputError::new(path, msg).at(Some(doc_line), None));
                continue;
            }
        };
        if json.is_null() {
            continue; // an empty document
        }
        let (first_line, doc_index) = match lines.get_mut(i) {
            Some(d) => (d.first_line.max(1), std::mem::take(&mut d.index)),
            None => (1, PathIndex::default()),
        };
        let kind = by_path.unwrap_or_else(|| refine_kind(&json, InputKind::Yaml));
        push_documents(&mut parsed, path, kind, json, first_line, doc_index);
    }
    parsed
}

/// The nesting yaml_serde accepts (its recursion limit).
pub const MAX_YAML_DEPTH: usize = 128;

/// Reject YAML whose flow collections (`[`, `{`) nest deeper than `limit`
/// before handing it to yaml_serde, whose parser takes quadratic time on
/// deep nesting (100,000 levels: about 20 s) only to fail its own limit.
/// A linear scan: brackets inside quotes and comments, and brackets that do
/// not start a value (`a[0]` in a plain scalar), are not counted.
pub fn check_flow_depth(path: &str, text: &str, limit: usize) -> Result<(), InputError> {
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut prev = '\n'; // last significant character
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                line += 1;
                prev = '\n';
            }
            '#' if prev == '\n' || prev == ' ' || prev == '\t' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                        break;
                    }
                }
                prev = '\n';
            }
            '"' | '\'' if matches!(prev, '\n' | ' ' | '\t' | ':' | '-' | ',' | '[' | '{' | '?') => {
                let mut escaped = false;
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                    }
                    if c == '"' && !escaped && n == '\\' {
                        escaped = true;
                        continue;
                    }
                    if n == c && !escaped {
                        break;
                    }
                    escaped = false;
                }
                prev = 'x';
            }
            '[' | '{' if matches!(prev, '\n' | ' ' | '\t' | ':' | '-' | ',' | '[' | '{' | '?') => {
                depth += 1;
                if depth > limit {
                    return Err(InputError::new(
                        path,
                        format!("YAML nested more than {limit} levels deep"),
                    )
                    .at(Some(line), None));
                }
                prev = c;
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                prev = c;
            }
            ' ' | '\t' | '\r' => {
                if prev != '\n' {
                    prev = ' ';
                }
            }
            other => prev = other,
        }
    }
    Ok(())
}

/// Parse a JSON file as one document (or, for a Kubernetes `List`, several).
pub fn parse_json(path: &str, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if text.trim().is_empty() {
        return parsed; // an empty file holds no document, as for YAML
    }
    match serde_json::from_str::<Value>(text) {
        Ok(json) => {
            let kind = refine_kind(&json, InputKind::Json);
            if kind == InputKind::TerraformPlan {
                // The plan as it is (for policies written for plan JSON),
                // then each of its modules as Terraform controls read HCL.
                let index = index_json(text);
                let modules = super::terraform::plan::documents(path, &json, &index, 1);
                push_documents(&mut parsed, path, kind, json, 1, PathIndex::default());
                parsed.documents.extend(modules);
                return parsed;
            }
            let index = if kind == InputKind::Json {
                PathIndex::default() // nothing names resources by path here
            } else {
                index_json(text)
            };
            push_documents(&mut parsed, path, kind, json, 1, index);
        }
        Err(e) => parsed.errors.push(
            InputError::new(
                path,
                format!("invalid JSON: {}", strip_location(&e.to_string())),
            )
            .at(Some(e.line()), Some(e.column())),
        ),
    }
    parsed
}

/// Parse a TOML file as one generic document.
pub fn parse_toml(path: &str, text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    match toml::from_str::<Value>(text) {
        Ok(json) => parsed.documents.push(Document {
            kind: InputKind::Toml,
            path: path.to_owned(),
            index: 0,
            value: json,
            locator: Locator::File {
                path: path.to_owned(),
            },
            instance: None,
        }),
        Err(e) => {
            let (line, column) = match e.span() {
                Some(span) => {
                    let starts = super::LineStarts::new(text);
                    let line = starts.line_of(span.start);
                    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
                    (Some(line), Some(span.start - line_start + 1))
                }
                None => (None, None),
            };
            parsed.errors.push(
                InputError::new(path, format!("invalid TOML: {}", e.message())).at(line, column),
            );
        }
    }
    parsed
}

fn push_documents(
    parsed: &mut Parsed,
    path: &str,
    kind: InputKind,
    json: Value,
    first_line: usize,
    index: PathIndex,
) {
    let index = std::sync::Arc::new(index);
    let scheme = match kind {
        InputKind::Kubernetes => ResourceScheme::Kubernetes,
        InputKind::Cloudformation => ResourceScheme::Cloudformation,
        _ => ResourceScheme::Path,
    };
    let locator = |prefix: String, first_line: usize| Locator::Tree {
        path: path.to_owned(),
        prefix,
        first_line,
        index: index.clone(),
        scheme,
    };
    // A Kubernetes List: each item is a document of its own.
    if kind == InputKind::Kubernetes && is_list(&json) {
        if let Some(items) = json.get("items").and_then(Value::as_array) {
            for (i, item) in items.iter().enumerate() {
                let prefix = join_index("items", i);
                let line = index.get(&prefix).unwrap_or(first_line);
                let item_kind = if is_kubernetes(item) {
                    InputKind::Kubernetes
                } else {
                    InputKind::Yaml
                };
                parsed.documents.push(Document {
                    kind: item_kind,
                    path: path.to_owned(),
                    index: parsed.documents.len(),
                    value: item.clone(),
                    locator: locator(prefix, line),
                    instance: None,
                });
            }
            return;
        }
    }
    parsed.documents.push(Document {
        kind,
        path: path.to_owned(),
        index: parsed.documents.len(),
        value: json,
        locator: locator(String::new(), first_line),
        instance: None,
    });
}

fn is_kubernetes(v: &Value) -> bool {
    v.get("apiVersion").is_some_and(Value::is_string) && v.get("kind").is_some_and(Value::is_string)
}

fn is_list(v: &Value) -> bool {
    v.get("kind")
        .and_then(Value::as_str)
        .is_some_and(|k| k == "List" || k.ends_with("List"))
        && v.get("items").is_some_and(Value::is_array)
}

/// Refine a generic YAML or JSON document by its content.
pub fn refine_kind(v: &Value, generic: InputKind) -> InputKind {
    if is_kubernetes(v) {
        return InputKind::Kubernetes;
    }
    let is_cfn = v.get("AWSTemplateFormatVersion").is_some()
        || v.get("Resources")
            .and_then(Value::as_object)
            .is_some_and(|r| {
                r.values().any(|res| {
                    res.get("Type")
                        .and_then(Value::as_str)
                        .is_some_and(|t| t.starts_with("AWS::") || t.starts_with("Custom::"))
                })
            });
    if is_cfn {
        return InputKind::Cloudformation;
    }
    if generic == InputKind::Json
        && v.get("format_version").is_some()
        && (v.get("planned_values").is_some() || v.get("resource_changes").is_some())
    {
        return InputKind::TerraformPlan;
    }
    generic
}

/// serde's error text repeats the location we report in fields.
pub fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// CloudFormation's short-form intrinsic functions, as their long forms.
const CFN_FUNCTIONS: [&str; 20] = [
    "Base64",
    "Cidr",
    "FindInMap",
    "GetAtt",
    "GetAZs",
    "ImportValue",
    "Join",
    "Select",
    "Split",
    "Sub",
    "Transform",
    "And",
    "Equals",
    "If",
    "Not",
    "Or",
    "ToJsonString",
    "Length",
    "Condition",
    "Ref",
];

/// Turn a YAML value into the JSON a policy sees: mapping keys become
/// strings, CloudFormation short tags become their long form (`!Ref X` is
/// `{"Ref": "X"}`, `!GetAtt a.b` is `{"Fn::GetAtt": ["a", "b"]}`), other
/// tags are dropped and their value kept.
pub fn yaml_to_json(v: yaml_serde::Value) -> Result<Value, String> {
    Ok(match v {
        yaml_serde::Value::Null => Value::Null,
        yaml_serde::Value::Bool(b) => Value::Bool(b),
        yaml_serde::Value::Number(n) => number_to_json(&n),
        yaml_serde::Value::String(s) => Value::String(s),
        yaml_serde::Value::Sequence(seq) => Value::Array(
            seq.into_iter()
                .map(yaml_to_json)
                .collect::<Result<_, _>>()?,
        ),
        yaml_serde::Value::Mapping(map) => {
            let mut out = Map::with_capacity(map.len());
            for (k, v) in map {
                out.insert(key_string(k)?, yaml_to_json(v)?);
            }
            Value::Object(out)
        }
        yaml_serde::Value::Tagged(tagged) => {
            let tag = tagged.tag.to_string();
            let name = tag.trim_start_matches('!');
            let inner = yaml_to_json(tagged.value)?;
            if !CFN_FUNCTIONS.contains(&name) {
                return Ok(inner);
            }
            let (key, value) = match name {
                "Ref" | "Condition" => (name.to_owned(), inner),
                "GetAtt" => {
                    let v = match inner {
                        Value::String(s) => match s.split_once('.') {
                            Some((a, b)) => Value::Array(vec![a.into(), b.into()]),
                            None => Value::String(s),
                        },
                        other => other,
                    };
                    ("Fn::GetAtt".to_owned(), v)
                }
                _ => (format!("Fn::{name}"), inner),
            };
            let mut m = Map::new();
            m.insert(key, value);
            Value::Object(m)
        }
    })
}

fn number_to_json(n: &yaml_serde::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::from(i)
    } else if let Some(u) = n.as_u64() {
        Value::from(u)
    } else {
        let f = n.as_f64().unwrap_or(f64::NAN);
        serde_json::Number::from_f64(f).map_or_else(|| Value::String(n.to_string()), Value::Number)
    }
}

fn key_string(k: yaml_serde::Value) -> Result<String, String> {
    Ok(match k {
        yaml_serde::Value::String(s) => s,
        yaml_serde::Value::Null => "null".to_owned(),
        yaml_serde::Value::Bool(b) => b.to_string(),
        yaml_serde::Value::Number(n) => n.to_string(),
        yaml_serde::Value::Tagged(t) => key_string(t.value)?,
        _ => {
            return Err(
                "a mapping key that is itself a sequence or mapping is not supported".into(),
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cloudformation_short_tags_become_long_form() {
        let text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-logs'\n      Arn: !GetAtt Key.Arn\n      Name: !Ref Param\n      X: !If [Cond, !Ref A, !Ref 'AWS::NoValue']\n";
        let parsed = parse_yaml("t.yaml", text);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let doc = &parsed.documents[0];
        assert_eq!(doc.kind, InputKind::Cloudformation);
        let props = &doc.value["Resources"]["B"]["Properties"];
        assert_eq!(
            props["BucketName"],
            json!({"Fn::Sub": "${AWS::StackName}-logs"})
        );
        assert_eq!(props["Arn"], json!({"Fn::GetAtt": ["Key", "Arn"]}));
        assert_eq!(props["Name"], json!({"Ref": "Param"}));
        assert_eq!(
            props["X"],
            json!({"Fn::If": ["Cond", {"Ref": "A"}, {"Ref": "AWS::NoValue"}]})
        );
        let loc = doc
            .locator
            .locate(&doc.value, Some("B"), Some("Properties.Arn"))
            .unwrap();
        assert_eq!(loc.line, 7);
    }

    #[test]
    fn yaml_is_read_as_1_2() {
        let parsed = parse_yaml(".github/workflows/ci.yml", "on: push\nflag: yes\n");
        let doc = &parsed.documents[0];
        assert_eq!(doc.kind, InputKind::GithubWorkflow);
        assert_eq!(doc.value, json!({"on": "push", "flag": "yes"}));
    }

    #[test]
    fn multi_document_kubernetes_and_lists() {
        let text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n";
        let parsed = parse_yaml("k.yaml", text);
        assert!(parsed.errors.is_empty());
        let kinds: Vec<_> = parsed
            .documents
            .iter()
            .map(|d| d.value["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["Service", "Pod", "ConfigMap"]);
        assert!(parsed
            .documents
            .iter()
            .all(|d| d.kind == InputKind::Kubernetes));
        let cm = &parsed.documents[2];
        assert_eq!(
            cm.locator
                .locate(&cm.value, Some("ConfigMap/c"), None)
                .unwrap()
                .line,
            11
        );
    }

    #[test]
    fn broken_yaml_is_an_error_with_line() {
        let parsed = parse_yaml("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
        assert_eq!(parsed.errors.len(), 1);
        assert!(parsed.errors[0].line.is_some());
        assert!(parsed.errors[0].message.starts_with("invalid YAML"));
    }

    #[test]
    fn deep_flow_nesting_is_rejected_quickly_and_normal_brackets_are_not() {
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let start = std::time::Instant::now();
        let parsed = parse_yaml("deep.yaml", &deep);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert!(
            parsed.errors[0].message.contains("nested more than 128"),
            "{:?}",
            parsed.errors
        );
        let ok = format!(
            "k: a[0] b{{c}}\ns: \"[[[[\" # [[[[\nl: {}1{}\n",
            "[".repeat(100),
            "]".repeat(100)
        );
        let parsed = parse_yaml("ok.yaml", &ok);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    }

    #[test]
    fn json_refines_to_plan_and_cloudformation() {
        let plan = parse_json("p.json", r#"{"format_version":"1.2","planned_values":{}}"#);
        assert_eq!(plan.documents[0].kind, InputKind::TerraformPlan);
        let cfn = parse_json(
            "c.json",
            "{\n\"Resources\": {\n \"B\": {\"Type\": \"AWS::S3::Bucket\"}}}",
        );
        let doc = &cfn.documents[0];
        assert_eq!(doc.kind, InputKind::Cloudformation);
        assert_eq!(
            doc.locator
                .locate(&doc.value, Some("B"), None)
                .unwrap()
                .line,
            3
        );
        let bad = parse_json("b.json", "{\n\"a\": }");
        assert_eq!(bad.errors[0].line, Some(2));
    }

    #[test]
    fn toml_documents_and_errors() {
        assert_eq!(
            parse_toml("a.toml", "a = 1\n[b]\nc = 'x'\n").documents[0].value,
            json!({"a": 1, "b": {"c": "x"}})
        );
        let bad = parse_toml("a.toml", "a = 1\nb = \n");
        assert_eq!(bad.errors[0].line, Some(2));
    }
}
