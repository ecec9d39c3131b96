//! conftest's builtins, as regorus extensions over assure's own parsers:
//! `parse_config(parser, text)`, `parse_config_file(path)` and
//! `parse_combined_config_files(paths)`. conftest resolves a relative path
//! from the folder of the policy file that calls the builtin; regorus does
//! not tell an extension its caller, so a relative path is looked up from
//! each loaded policy folder in turn, then from the current folder.

use super::inputs;
use anyhow::{anyhow, Result};
use regorus::{Engine, Value};
use std::path::{Path, PathBuf};

fn to_rego(v: &serde_json::Value) -> Result<Value> {
    Value::from_json_str(&v.to_string())
}

fn text_of(v: &Value, what: &str) -> Result<String> {
    v.as_string()
        .map(|s| s.to_string())
        .map_err(|_| anyhow!("{what} must be a string"))
}

/// A relative path from the first policy folder holding it.
fn resolve(path: &str, dirs: &[PathBuf]) -> String {
    let p = Path::new(path);
    if p.is_absolute() {
        return path.to_owned();
    }
    dirs.iter()
        .map(|d| d.join(p))
        .find(|c| c.exists())
        .map_or_else(|| path.to_owned(), |c| c.to_string_lossy().into_owned())
}

fn parse_file(path: &str) -> Result<serde_json::Value> {
    let files = inputs::files(&[path.to_owned()], None).map_err(|e| anyhow!(e))?;
    let configs = inputs::load(&files, None).map_err(|e| anyhow!(e))?;
    let mut values: Vec<serde_json::Value> = configs.into_iter().map(|(_, v)| v).collect();
    match values.len() {
        1 => Ok(values.remove(0)),
        _ => Ok(serde_json::Value::Array(values)),
    }
}

/// Messages of `trace(msg)` calls since the last [`take_notes`]: OPA's test
/// reporter shows them as notes.
static NOTES: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// The `trace` notes gathered so far, emptied.
pub fn take_notes() -> Vec<String> {
    NOTES
        .lock()
        .map(|mut n| std::mem::take(&mut *n))
        .unwrap_or_default()
}

pub fn install(engine: &mut Engine, dirs: Vec<PathBuf>) -> Result<()> {
    engine.add_extension(
        "trace".into(),
        1,
        Box::new(|args: Vec<Value>| {
            if let Ok(msg) = args[0].as_string() {
                if let Ok(mut notes) = NOTES.lock() {
                    notes.push(msg.to_string());
                }
            }
            Ok(Value::Bool(true))
        }),
    )?;
    let dirs_file = dirs.clone();
    engine.add_extension(
        "parse_config".into(),
        2,
        Box::new(|args: Vec<Value>| {
            let parser = text_of(&args[0], "parse_config: the parser")?;
            let text = text_of(&args[1], "parse_config: the configuration")?;
            let format = inputs::format_named(&parser).map_err(|e| anyhow!(e))?;
            let value = inputs::parse("parse_config", format, &text)
                .map_err(|e| anyhow!("parse_config: {e}"))?;
            to_rego(&value)
        }),
    )?;
    engine.add_extension(
        "parse_config_file".into(),
        1,
        Box::new(move |args: Vec<Value>| {
            let path = resolve(
                &text_of(&args[0], "parse_config_file: the path")?,
                &dirs_file,
            );
            to_rego(&parse_file(&path).map_err(|e| anyhow!("parse_config_file: {e}"))?)
        }),
    )?;
    engine.add_extension(
        "parse_combined_config_files".into(),
        1,
        Box::new(move |args: Vec<Value>| {
            let paths = args[0]
                .as_array()
                .map_err(|_| anyhow!("parse_combined_config_files: the paths must be an array"))?;
            let mut names = Vec::new();
            for p in paths.iter() {
                names.push(resolve(
                    &text_of(p, "parse_combined_config_files: each path")?,
                    &dirs,
                ));
            }
            let configs = inputs::load(&names, None)
                .map_err(|e| anyhow!("parse_combined_config_files: {e}"))?;
            to_rego(&inputs::combined(&configs))
        }),
    )?;
    Ok(())
}
