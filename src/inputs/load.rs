//! The parse stage: read each discovered unit once, under the size limit,
//! and parse it into documents, in parallel.

use super::kinds::FileFormat;
use super::terraform::{parse_module, ModuleFile};
use super::{decode_text, dockerfile, structured, InputError, Parsed};
use crate::discover::{FoundFile, Unit};
use rayon::prelude::*;

/// Limits on what one input may cost.
#[derive(Debug, Clone, Copy)]
pub struct InputLimits {
    pub max_file_bytes: u64,
}

impl Default for InputLimits {
    fn default() -> Self {
        // Config files are small; a 10 MiB one is almost surely generated or hostile.
        InputLimits {
            max_file_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Parse every unit; results come back in the units' order. A parser that
/// panics on some input loses only that unit, reported as an error.
pub fn parse_units(units: &[Unit], limits: InputLimits) -> Vec<Parsed> {
    units
        .par_iter()
        .map(|u| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_unit(u, limits)))
                .unwrap_or_else(|_| Parsed {
                    documents: vec![],
                    waivers: vec![],
                    errors: vec![InputError::new(
                        u.sort_key(),
                        "internal error while parsing this input (a bug in assure: please report it)",
                    )],
                })
        })
        .collect()
}

pub fn parse_unit(unit: &Unit, limits: InputLimits) -> Parsed {
    match unit {
        Unit::File { file, format } => match read_text(file, limits) {
            Ok(text) => {
                let mut parsed = parse_text(&file.rel, *format, &text);
                if matches!(
                    format,
                    FileFormat::Yaml | FileFormat::Dockerfile | FileFormat::Toml
                ) {
                    parsed.scan_waivers(&file.rel, &text);
                }
                parsed
            }
            Err(e) => Parsed {
                errors: vec![e],
                ..Parsed::default()
            },
        },
        Unit::TerraformModule { dir, files } => parse_module(
            dir,
            files
                .iter()
                .map(|f| ModuleFile {
                    path: f.rel.clone(),
                    text: read_text(f, limits),
                })
                .collect(),
        ),
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

fn read_text(file: &FoundFile, limits: InputLimits) -> Result<String, InputError> {
    let meta = std::fs::metadata(&file.abs)
        .map_err(|e| InputError::new(&file.rel, format!("cannot read: {e}")))?;
    if meta.len() > limits.max_file_bytes {
        return Err(InputError::new(
            &file.rel,
            format!(
                "file is {} bytes, over the limit of {} bytes (--max-file-size)",
                meta.len(),
                limits.max_file_bytes
            ),
        ));
    }
    let bytes = std::fs::read(&file.abs)
        .map_err(|e| InputError::new(&file.rel, format!("cannot read: {e}")))?;
    decode_text(&file.rel, &bytes)
}
