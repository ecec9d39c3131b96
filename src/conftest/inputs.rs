//! Inputs as conftest reads them: one value per file (a list of values for
//! a multi-document YAML file), parsed by assure's own parsers, chosen by
//! the file's name or by `--parser`; folders walked for the files a parser
//! reads; `-` is standard input.

use crate::inputs::kinds::{format_of, FileFormat};
use crate::inputs::load::parse_text;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// Inputs (files and standard input) are read at most this far: a config,
/// not a stream.
const STDIN_LIMIT: u64 = 64 << 20;

/// The parser a name asks for (conftest's parser names).
pub fn format_named(parser: &str) -> Result<FileFormat, String> {
    Ok(match parser {
        "yaml" | "yml" => FileFormat::Yaml,
        "json" | "jsonc" => FileFormat::Json,
        "toml" => FileFormat::Toml,
        "hcl2" | "hcl" | "tf" => FileFormat::Terraform,
        "dockerfile" => FileFormat::Dockerfile,
        other => {
            return Err(format!(
                "parser {other:?} is not supported by assure (supported: yaml, json, toml, hcl2, dockerfile)"
            ))
        }
    })
}

/// The parser for a file: its name's, `.hcl` and `.tfvars` as HCL.
fn format_for(path: &str) -> Option<FileFormat> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".hcl") || lower.ends_with(".tfvars") {
        return Some(FileFormat::Terraform);
    }
    if lower.ends_with(".yml.tmpl") || lower.ends_with(".yaml.tmpl") {
        return Some(FileFormat::Yaml);
    }
    format_of(path)
}

/// The files of the command line, folders walked in name order for files a
/// parser reads; paths as given (conftest reports them so).
pub fn files(args: &[String], ignore: Option<&regex::Regex>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for a in args {
        if a.is_empty() {
            continue;
        }
        if a == "-" {
            out.push(a.clone());
            continue;
        }
        let meta = std::fs::metadata(a).map_err(|e| format!("get file info: stat {a}: {e}"))?;
        if !meta.is_dir() {
            out.push(a.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(a)
            .standard_filters(false)
            .hidden(false)
            .follow_links(true)
            .sort_by_file_path(|x, y| x.cmp(y))
            .build()
        {
            let entry = entry.map_err(|e| format!("walk path: {e}"))?;
            // A FIFO, socket or device with a config file's name is kept:
            // reading it is an error, never a silent skip (conftest would
            // block on a FIFO).
            if entry.file_type().is_none_or(|t| t.is_dir()) {
                continue;
            }
            let p = entry.path().to_string_lossy().into_owned();
            if ignore.is_some_and(|r| r.is_match(&p)) {
                continue;
            }
            if format_for(&p).is_some() {
                found.push(p);
            }
        }
        out.extend(found);
    }
    if out.is_empty() {
        return Err("no files found".into());
    }
    Ok(out)
}

/// Parse one file's text: its value, or a list for several documents.
pub fn parse(name: &str, format: FileFormat, text: &str) -> Result<Value, String> {
    let parsed = parse_text(name, format, text);
    if let Some(e) = parsed.errors.first() {
        return Err(e.display());
    }
    let mut values: Vec<Value> = parsed.documents.into_iter().map(|d| d.value).collect();
    // conftest's Dockerfile parser gives a list holding the instruction
    // list, so a policy sees the instructions as `input`.
    if format == FileFormat::Dockerfile {
        return Ok(Value::Array(values));
    }
    Ok(match values.len() {
        0 => Value::Null,
        1 => values.remove(0),
        _ => Value::Array(values),
    })
}

/// Read and parse every file: `(name, value)` in command-line order.
pub fn load(files: &[String], parser: Option<&str>) -> Result<Vec<(String, Value)>, String> {
    let forced = parser.map(format_named).transpose()?;
    let mut out = Vec::new();
    for f in files {
        let text = if f == "-" {
            let mut s = String::new();
            std::io::stdin()
                .take(STDIN_LIMIT + 1)
                .read_to_string(&mut s)
                .map_err(|e| format!("read standard input: {e}"))?;
            if s.len() as u64 > STDIN_LIMIT {
                return Err(format!(
                    "standard input: more than the {} MiB a configuration may have",
                    STDIN_LIMIT >> 20
                ));
            }
            s
        } else {
            read(Path::new(f))?
        };
        let format = match forced {
            Some(fm) => fm,
            None if f == "-" => FileFormat::Yaml,
            None => format_for(f).ok_or_else(|| format!("unknown file type: {f}"))?,
        };
        let value = parse(f, format, &text).map_err(|e| format!("parser unmarshal: {e}"))?;
        out.push((f.clone(), value));
    }
    Ok(out)
}

/// A file's text: a regular file of at most [`STDIN_LIMIT`] bytes (a FIFO
/// or device named as an input would block or never end, so it is an
/// error; standard input is read under the same limit).
fn read(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("read {shown}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("read {shown}: not a regular file"));
    }
    if meta.len() > STDIN_LIMIT {
        return Err(format!(
            "read {shown}: {} bytes, more than the {} MiB a configuration file may have",
            meta.len(),
            STDIN_LIMIT >> 20
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(STDIN_LIMIT + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("read {shown}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{shown}: not UTF-8 text"))
}

/// All inputs as one value, as `--combine` gives them: a list of
/// `{path, contents}`, one per document (a multi-document file gives one
/// entry per document), sorted by path.
pub fn combined(configs: &[(String, Value)]) -> Value {
    let mut entries: Vec<(&str, &Value)> = Vec::new();
    for (p, v) in configs {
        match v {
            Value::Array(docs) => entries.extend(docs.iter().map(|d| (p.as_str(), d))),
            one => entries.push((p.as_str(), one)),
        }
    }
    entries.sort_by(|a, b| a.0.cmp(b.0));
    Value::Array(
        entries
            .into_iter()
            .map(|(p, v)| serde_json::json!({"path": p, "contents": v}))
            .collect(),
    )
}
