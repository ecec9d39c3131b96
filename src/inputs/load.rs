//! The parse stage: read each discovered unit once, under the size limit,
//! and parse it into documents, in parallel.

use super::kinds::FileFormat;
use super::terraform::{parse_module, ModuleFile};
use super::{decode_text, dockerfile, structured, FoundFile, InputError, Origin, Parsed, Unit};
use rayon::prelude::*;
use std::io::Read;

/// Limits on what one input may cost. Each exceeded limit is an error for
/// that input, never a silent skip.
#[derive(Debug, Clone, Copy)]
pub struct InputLimits {
    pub max_file_bytes: u64,
    /// Deepest nesting of objects and arrays a document may have.
    pub max_depth: usize,
}

/// Config files are small; a 10 MiB one is almost surely generated or hostile.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Real configuration rarely nests 20 levels; 100 leaves room and keeps
/// every later recursive walk (regorus values, reports) shallow.
pub const DEFAULT_MAX_DEPTH: usize = 100;

impl Default for InputLimits {
    fn default() -> Self {
        InputLimits {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }
}

/// Nesting depth of a JSON value, without recursion.
pub fn depth(v: &serde_json::Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        match v {
            serde_json::Value::Array(a) => {
                max = max.max(d);
                stack.extend(a.iter().map(|x| (x, d + 1)));
            }
            serde_json::Value::Object(o) => {
                max = max.max(d);
                stack.extend(o.values().map(|x| (x, d + 1)));
            }
            _ => max = max.max(d.saturating_sub(1)),
        }
    }
    max
}

/// Drop documents nested deeper than the limit, each as an error.
fn enforce_depth(mut parsed: Parsed, limits: InputLimits) -> Parsed {
    let mut kept = Vec::with_capacity(parsed.documents.len());
    for d in parsed.documents {
        let n = depth(&d.value);
        if n > limits.max_depth {
            parsed.errors.push(InputError::new(
                &d.path,
                format!(
                    "document nested {n} levels deep, over the limit of {} (--max-depth)",
                    limits.max_depth
                ),
            ));
        } else {
            kept.push(d);
        }
    }
    parsed.documents = kept;
    parsed
}

/// Parse every unit; results come back in the units' order.
pub fn parse_units(units: &[Unit], limits: InputLimits) -> Vec<Parsed> {
    units.par_iter().map(|u| parse_guarded(u, limits)).collect()
}

/// Parse one unit under the limits. A parser that panics on some input
/// loses only that unit, reported as an error.
pub fn parse_guarded(unit: &Unit, limits: InputLimits) -> Parsed {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        enforce_depth(parse_unit(unit, limits), limits)
    }))
    .unwrap_or_else(|_| Parsed {
        errors: vec![InputError::new(
            unit.sort_key(),
            "internal error while parsing this input (a bug in assure: please report it)",
        )],
        ..Parsed::default()
    })
}

pub fn parse_unit(unit: &Unit, limits: InputLimits) -> Parsed {
    match unit {
        Unit::File { file, format } => match read_text(file, limits) {
            Ok(text) => {
                let mut parsed = match format {
                    FileFormat::Yaml => structured::parse_yaml_as(&file.rel, &text, file.kind_hint),
                    _ => parse_text(&file.rel, *format, &text),
                };
                if matches!(
                    format,
                    FileFormat::Yaml | FileFormat::Dockerfile | FileFormat::Toml
                ) {
                    parsed.scan_waivers(&file.rel, &text);
                }
                parsed.bytes = text.len();
                parsed
            }
            Err(e) => Parsed {
                errors: vec![e],
                ..Parsed::default()
            },
        },
        Unit::TerraformModule { dir, files } => {
            let files: Vec<ModuleFile> = files
                .iter()
                .map(|f| ModuleFile {
                    path: f.rel.clone(),
                    text: read_text(f, limits),
                })
                .collect();
            let bytes = files
                .iter()
                .map(|f| f.text.as_ref().map_or(0, String::len))
                .sum();
            let mut parsed = parse_module(dir, files);
            parsed.bytes = bytes;
            parsed
        }
    }
}

/// Parse text of a known format (not Terraform HCL, which goes by module).
pub fn parse_text(path: &str, format: FileFormat, text: &str) -> Parsed {
    match format {
        FileFormat::Yaml => structured::parse_yaml(path, text),
        FileFormat::Json => structured::parse_json(path, text),
        FileFormat::Toml => structured::parse_toml(path, text),
        FileFormat::Dockerfile => dockerfile::parse_dockerfile(path, text),
        FileFormat::Terraform | FileFormat::TerraformJson => {
            let dir = path.rsplit_once('/').map_or(".", |(d, _)| d);
            parse_module(
                dir,
                vec![ModuleFile {
                    path: path.to_owned(),
                    text: Ok(text.to_owned()),
                }],
            )
        }
    }
}

/// Read a file's text, never more than the size limit: the limit holds
/// while reading (a file that grows, a pipe, a device), not only from what
/// its metadata said.
fn read_text(file: &FoundFile, limits: InputLimits) -> Result<String, InputError> {
    let cannot = |e: std::io::Error| InputError::new(&file.rel, format!("cannot read: {e}"));
    let max = limits.max_file_bytes;
    let bytes = match &file.origin {
        Origin::Stdin => read_limited(std::io::stdin().lock(), max),
        Origin::Stream(path) => read_limited(std::fs::File::open(path).map_err(cannot)?, max),
        Origin::File(path) => {
            let f = open_without_blocking(path).map_err(cannot)?;
            // Checked on the open file: a FIFO swapped in after the walk is
            // refused here, not read.
            if !f.metadata().map_err(cannot)?.is_file() {
                return Err(InputError::new(
                    &file.rel,
                    "not a regular file (a FIFO, socket or device): not read",
                ));
            }
            read_limited(f, max)
        }
    }
    .map_err(cannot)?;
    match bytes {
        Some(bytes) => decode_text(&file.rel, &bytes),
        None => Err(InputError::new(
            &file.rel,
            format!("file is over the limit of {max} bytes (--max-file-size)"),
        )),
    }
}

/// At most `max` bytes of a reader; `None` when it holds more.
fn read_limited(reader: impl Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Open for reading without waiting for a writer: a FIFO opens at once
/// (and is then refused), where a plain open would block forever.
#[cfg(unix)]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn depth_counts_containers() {
        assert_eq!(depth(&json!(1)), 0);
        assert_eq!(depth(&json!({"a": 1})), 1);
        assert_eq!(depth(&json!({"a": [1, {"b": []}]})), 4);
    }
}
