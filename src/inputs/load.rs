//! The parse stage: read each discovered unit once, under the size limit,
//! and parse it into documents, in parallel.

use super::kinds::FileFormat;
use super::read::read_text;
use super::terraform::{parse_module, plan_source, ModuleFile};
use super::unit::Origin;
use super::{dockerfile, structured, InputError, Parsed, Unexamined, Unit};
use rayon::prelude::*;

pub use super::read::{InputLimits, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_BYTES};

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
            Ok(text) if file.helm_template && text.contains("{{") => Parsed {
                not_examined: vec![Unexamined {
                    path: file.rel.clone(),
                    line: None,
                    kind: "helm template".into(),
                    what: file.rel.clone(),
                    reason: "a Helm chart template: not configuration until rendered; judge the output of `helm template` instead".into(),
                }],
                bytes: text.len(),
                ..Parsed::default()
            },
            Ok(text) => {
                let large = (text.len() >= crate::allocator::LARGE_INPUT_BYTES)
                    .then(crate::allocator::large_input);
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
                // A plan's resources also point at the HCL beside it.
                if let (FileFormat::Json, Some(at)) = (format, file.file_path()) {
                    let root = match &file.origin {
                        Origin::Walked(r) => Some(r.dir.as_path()),
                        _ => None,
                    };
                    plan_source::attach(
                        &mut parsed.documents,
                        &at,
                        &file.rel,
                        root,
                        limits.max_file_bytes,
                    );
                }
                parsed.bytes = text.len();
                parsed.large = large;
                parsed
            }
            Err(e) => Parsed {
                errors: vec![e],
                ..Parsed::default()
            },
        },
        Unit::Prepared(p) => p.parse(limits),
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
