//! conftest's verdict, reproduced: per file and namespace, each failure and
//! warning rule is queried; a rule that an `exception` names (by its name
//! without `deny_`/`violation_`/`warn_`) counts one exception per matching
//! entry instead of its results; strings and `{"msg": ...}` objects are
//! results, an empty set is one success; definitions that gave no result
//! count as successes, so a file with N rule bodies is N tests at least.
//! A file holding a list of documents is checked document by document.

use super::engine::{exception_name, is_failure, rules_of, Policy};
use regorus::{Engine, Value as RegoValue};
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Serialize, Default)]
pub struct Outcome {
    pub msg: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loc: Option<Value>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CheckResult {
    pub filename: String,
    pub namespace: String,
    pub successes: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Outcome>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failures: Vec<Outcome>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<Outcome>,
    /// `print` output of the queries.
    #[serde(skip)]
    pub prints: Vec<String>,
    /// For `verify`: the test rule this result is of, and its `trace` notes.
    #[serde(skip)]
    pub test: String,
    #[serde(skip)]
    pub notes: Vec<String>,
    /// With `--trace`: each query and what it evaluated.
    #[serde(skip)]
    pub traces: Vec<(String, Vec<String>)>,
}

fn to_rego(v: &Value) -> Result<RegoValue, String> {
    RegoValue::from_json_str(&v.to_string()).map_err(|e| e.to_string())
}

/// Solutions of a query: one value per solution of its one expression.
fn query(engine: &mut Engine, q: &str) -> Result<Vec<Value>, String> {
    let results = engine
        .eval_query(q.to_owned(), false)
        .map_err(|e| format!("evaluating policy: {e}"))?;
    let mut out = Vec::new();
    for r in results.result {
        for e in r.expressions {
            let json = e.value.to_json_str().map_err(|e| e.to_string())?;
            out.push(serde_json::from_str(&json).map_err(|e| e.to_string())?);
        }
    }
    Ok(out)
}

/// Check one file (or combined input) in one namespace.
#[allow(clippy::too_many_arguments)]
pub fn check(
    tracing: bool,
    engine: &mut Engine,
    policies: &[Policy],
    data: &[RegoValue],
    filename: &str,
    config: &Value,
    namespace: &str,
) -> Result<CheckResult, String> {
    let mut total = CheckResult {
        filename: filename.to_owned(),
        namespace: namespace.to_owned(),
        ..CheckResult::default()
    };
    let documents: Vec<&Value> = match config {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    for doc in documents {
        let one = check_document(tracing, engine, policies, data, filename, doc, namespace)?;
        total.successes += one.successes;
        total.failures.extend(one.failures);
        total.warnings.extend(one.warnings);
        total.exceptions.extend(one.exceptions);
        total.prints.extend(one.prints);
        total.traces.extend(one.traces);
    }
    Ok(total)
}

fn check_document(
    tracing: bool,
    engine: &mut Engine,
    policies: &[Policy],
    data: &[RegoValue],
    filename: &str,
    doc: &Value,
    namespace: &str,
) -> Result<CheckResult, String> {
    engine.set_input(to_rego(doc)?);
    // data.conftest.file: the file's name and folder, as conftest sets them.
    let abs = std::path::absolute(filename).unwrap_or_else(|_| filename.into());
    let file = serde_json::json!({"conftest": {"file": {
        "name": abs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        "dir": abs.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default(),
    }}});
    engine.clear_data();
    for d in data {
        engine
            .add_data(d.clone())
            .map_err(|e| format!("load data: {e}"))?;
    }
    engine
        .add_data(to_rego(&file)?)
        .map_err(|e| format!("add file info: {e}"))?;
    let (rules, definitions) = rules_of(policies, namespace);
    let mut out = CheckResult::default();
    let mut successes = 0;
    for rule in &rules {
        let exception_query = format!(
            "data.{namespace}.exception[_][_] == {}",
            serde_json::Value::String(exception_name(rule).to_owned())
        );
        let exceptions: Vec<Outcome> = query(engine, &exception_query)?
            .into_iter()
            .filter(|v| *v == Value::Bool(true))
            .map(|_| Outcome {
                msg: exception_query.clone(),
                ..Outcome::default()
            })
            .collect();
        if tracing {
            out.traces.push((
                exception_query.clone(),
                super::trace::take(engine, policies),
            ));
        }
        let rule_query = format!("data.{namespace}.{rule}");
        let values = query(engine, &rule_query)?;
        if tracing {
            out.traces
                .push((rule_query.clone(), super::trace::take(engine, policies)));
        }
        let mut results = Vec::new();
        for v in values {
            let items = match v {
                Value::Array(items) if !items.is_empty() => items,
                _ => {
                    results.push(None);
                    continue;
                }
            };
            for item in items {
                match item {
                    Value::String(s) => {
                        let mut metadata = Map::new();
                        metadata.insert("query".into(), Value::String(rule_query.clone()));
                        results.push(Some(Outcome {
                            msg: s,
                            loc: None,
                            metadata,
                        }));
                    }
                    Value::Object(mut m) => {
                        let Some(Value::String(msg)) = m.remove("msg") else {
                            return Err(format!(
                                "new result: \"msg\" field must be present and a string ({rule_query})"
                            ));
                        };
                        let loc = m.remove("_loc");
                        m.insert("query".into(), Value::String(rule_query.clone()));
                        results.push(Some(Outcome {
                            msg,
                            loc,
                            metadata: m,
                        }));
                    }
                    _ => {}
                }
            }
        }
        if exceptions.is_empty() {
            for r in results {
                match r {
                    None => successes += 1,
                    Some(o) if is_failure(rule) => out.failures.push(o),
                    Some(o) => out.warnings.push(o),
                }
            }
        }
        out.exceptions.extend(exceptions);
    }
    let counted = out.failures.len() + out.warnings.len() + out.exceptions.len() + successes;
    if counted < definitions {
        successes += definitions - counted;
    }
    out.successes = successes;
    out.prints = engine.take_prints().unwrap_or_default();
    Ok(out)
}
