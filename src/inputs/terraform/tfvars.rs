//! Variable files, in Terraform's order of precedence (later wins):
//! `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` and
//! `*.auto.tfvars.json` in lexical order, then each `--var-file` in the
//! order given. They set a root module's variables; a module that another
//! calls gets its values from the caller's arguments instead.

use super::eval::evaluate;
use crate::inputs::read::{read_text, InputLimits};
use crate::inputs::{FoundFile, InputError, Origin};
use crate::paths::slash_path;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The variable files a root directory holds, in precedence order.
pub fn in_dir(dir: &Path) -> Vec<PathBuf> {
    let mut auto: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json"))
        })
        .collect();
    auto.sort();
    let mut out: Vec<PathBuf> = ["terraform.tfvars", "terraform.tfvars.json"]
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    out.extend(auto);
    out
}

/// Read variable files, later ones overriding earlier ones. `shown` names
/// each file in reports.
pub fn read(
    files: &[(PathBuf, String)],
    limits: InputLimits,
) -> (Map<String, Value>, Vec<InputError>) {
    let mut vars = Map::new();
    let mut errors = Vec::new();
    let ctx = hcl::eval::Context::new();
    for (path, shown) in files {
        let found = FoundFile {
            rel: shown.clone(),
            origin: Origin::File(path.clone()),
            kind_hint: None,
            helm_template: false,
        };
        let text = match read_text(&found, limits) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if shown.ends_with(".json") {
            match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(m)) => vars.extend(m),
                Ok(_) => errors.push(
                    InputError::new(shown, "a .tfvars.json file must hold a JSON object")
                        .at(Some(1), None),
                ),
                Err(e) => errors.push(
                    InputError::new(shown, format!("invalid JSON: {e}"))
                        .at(Some(e.line()), Some(e.column())),
                ),
            }
            continue;
        }
        match hcl_edit::parser::parse_body(&text) {
            Ok(body) => {
                for s in body.iter() {
                    if let hcl_edit::structure::Structure::Attribute(a) = s {
                        match evaluate(&a.value, &ctx) {
                            Some(v) => {
                                vars.insert(a.key.value().to_string(), v);
                            }
                            None => {
                                let line = hcl_edit::Span::span(a)
                                    .map(|sp| text[..sp.start].matches('\n').count() + 1);
                                errors.push(
                                    InputError::new(
                                        shown,
                                        format!("variable {} is not a value assure can read (tfvars hold literal values)", a.key.value()),
                                    )
                                    .at(line, None),
                                )
                            }
                        }
                    }
                }
            }
            Err(e) => {
                let loc = e.location();
                errors.push(
                    InputError::new(shown, format!("invalid HCL: {}", e.message()))
                        .at(Some(loc.line()), Some(loc.column())),
                );
            }
        }
    }
    (vars, errors)
}

/// How a variable file outside the scanned tree is named in reports.
pub fn shown(path: &Path) -> String {
    slash_path(path)
}
