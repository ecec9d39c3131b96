//! Gathering a control's rule values (`deny`, `warn`, `resources`,
//! `exception`) into a [`RawEval`], whichever engine produced them.

use super::targets::RawEval;
use crate::controls::Control;
use std::collections::BTreeSet;

/// Evaluate a control's rules through `eval` and gather what they give.
pub(super) fn collect(
    control: &Control,
    mut eval: impl FnMut(&str) -> Result<regorus::Value, String>,
) -> RawEval {
    let mut raw = RawEval::default();
    let pkg = &control.package;
    let mut run = |rule: &str| -> Result<Vec<serde_json::Value>, String> {
        let v = eval(&format!("data.{pkg}.{rule}")).map_err(|e| clean_error(&e))?;
        Ok(items(v))
    };
    let result: Result<(), String> = (|| {
        for rule in &control.rules.deny {
            raw.deny
                .extend(run(rule)?.into_iter().map(|v| (rule.clone(), v)));
        }
        for rule in &control.rules.warn {
            raw.warn
                .extend(run(rule)?.into_iter().map(|v| (rule.clone(), v)));
        }
        if control.rules.resources {
            let mut ids: Vec<String> = run("resources")?
                .into_iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                })
                .collect();
            ids.sort();
            ids.dedup();
            raw.resources = Some(ids);
        }
        if control.rules.exception {
            let mut names = BTreeSet::new();
            for v in run("exception")? {
                match v {
                    serde_json::Value::Array(list) => names.extend(
                        list.into_iter()
                            .filter_map(|x| x.as_str().map(str::to_owned)),
                    ),
                    serde_json::Value::String(s) => {
                        names.insert(s);
                    }
                    _ => {}
                }
            }
            raw.exceptions = names;
        }
        Ok(())
    })();
    if let Err(e) = result {
        return failed(e);
    }
    raw
}

/// The result of a control that could not be evaluated on a document.
pub(super) fn failed(error: String) -> RawEval {
    RawEval {
        error: Some(clean_error(&error)),
        ..RawEval::default()
    }
}

/// The elements of a rule's value: a set or array gives its items, an
/// undefined rule nothing, anything else itself.
fn items(v: regorus::Value) -> Vec<serde_json::Value> {
    match v {
        regorus::Value::Undefined | regorus::Value::Null => vec![],
        regorus::Value::Set(s) => s.iter().map(to_json).collect(),
        regorus::Value::Array(a) => a.iter().map(to_json).collect(),
        regorus::Value::Bool(false) => vec![],
        other => vec![to_json(&other)],
    }
}

fn to_json(v: &regorus::Value) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Keep a regorus run-time error to its location and message.
fn clean_error(e: &str) -> String {
    let (loc, msg) = crate::controls::regorus_parts(e);
    match loc {
        Some(l) => format!("{l}: {msg}"),
        None => msg.to_owned(),
    }
}
