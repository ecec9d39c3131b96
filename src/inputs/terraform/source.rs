//! The files of one Terraform module directory, read and parsed once and
//! shared by every instance of the module a scan makes.

use super::super::json_lines::index_json;
use super::super::locate::PathIndex;
use super::super::waivers::{self, InlineWaiver};
use super::super::{InputError, LineStarts};
use serde_json::{Map, Value};
use std::path::PathBuf;

/// A file of a module, read but not yet parsed.
pub struct ModuleFile {
    pub path: String,
    pub text: Result<String, InputError>,
}

/// One parsed file.
pub struct SourceFile {
    /// As reports write it.
    pub path: String,
    pub text: String,
    pub lines: LineStarts,
    pub content: Content,
}

pub enum Content {
    Hcl(hcl_edit::structure::Body),
    /// A `.tf.json` file: its object, and the line of every path in it.
    Json(Map<String, Value>, PathIndex),
}

/// A module directory's parsed files.
#[derive(Default)]
pub struct ModuleSource {
    /// The directory as reports write it (`infra`, `.` for the scan root).
    pub dir: String,
    /// Where it is on disk, when it was read from disk.
    pub abs: Option<PathBuf>,
    pub files: Vec<SourceFile>,
    /// Files that could not be read or parsed; the others still make the module.
    pub errors: Vec<InputError>,
    /// `assure:waive` comments of its files.
    pub waivers: Vec<InlineWaiver>,
    /// Bytes of text read.
    pub bytes: usize,
}

impl ModuleSource {
    /// Parse the files of a module directory.
    pub fn parse(dir: &str, abs: Option<PathBuf>, files: Vec<ModuleFile>) -> ModuleSource {
        let mut src = ModuleSource {
            dir: dir.to_owned(),
            abs,
            ..ModuleSource::default()
        };
        for file in files {
            let text = match file.text {
                Ok(t) => t,
                Err(e) => {
                    src.errors.push(e);
                    continue;
                }
            };
            src.bytes += text.len();
            let content = if file.path.ends_with(".json") {
                parse_json(&file.path, &text)
            } else {
                let (w, e) = waivers::scan(&file.path, &text);
                src.waivers.extend(w);
                src.errors.extend(e);
                hcl_edit::parser::parse_body(&text)
                    .map(Content::Hcl)
                    .map_err(|e| {
                        let loc = e.location();
                        InputError::new(&file.path, format!("invalid HCL: {}", e.message()))
                            .at(Some(loc.line()), Some(loc.column()))
                    })
            };
            match content {
                Ok(content) => src.files.push(SourceFile {
                    path: file.path,
                    lines: LineStarts::new(&text),
                    text,
                    content,
                }),
                Err(e) => src.errors.push(e),
            }
        }
        src
    }

    /// Whether any file parsed: a module whose every file is broken makes
    /// no document, only errors.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

fn parse_json(path: &str, text: &str) -> Result<Content, InputError> {
    if text.trim().is_empty() {
        return Ok(Content::Json(Map::new(), PathIndex::default()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        InputError::new(
            path,
            format!(
                "invalid JSON: {}",
                super::super::structured::strip_location(&e.to_string())
            ),
        )
        .at(Some(e.line()), Some(e.column()))
    })?;
    match value {
        Value::Object(top) => Ok(Content::Json(top, index_json(text))),
        _ => {
            Err(InputError::new(path, "a .tf.json file must hold a JSON object").at(Some(1), None))
        }
    }
}
