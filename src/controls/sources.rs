//! Where policy text comes from: the built-in library embedded at build
//! time, and the files and folders a user names.

use super::{PolicyError, PolicySource};
use std::path::PathBuf;

include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));

/// The built-in library's policies (tests excluded unless asked for).
pub fn builtin_sources(with_tests: bool) -> Vec<PolicySource> {
    BUILTIN_POLICIES
        .iter()
        .filter(|(path, _)| with_tests || !is_test_file(path))
        .map(|(path, text)| PolicySource {
            label: format!("builtin:{path}"),
            text: (*text).to_owned(),
        })
        .collect()
}

pub fn is_test_file(path: &str) -> bool {
    path.ends_with("_test.rego")
}

/// Read `.rego` files from files and folders given by the user, sorted.
pub fn read_sources(paths: &[PathBuf], with_tests: bool) -> Result<Vec<PolicySource>, PolicyError> {
    let mut files = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| PolicyError {
            file: p.display().to_string(),
            line: None,
            message: format!("cannot read policy path: {e}"),
        })?;
        if meta.is_file() {
            files.push(p.clone());
            continue;
        }
        for entry in ignore::WalkBuilder::new(p)
            .hidden(false)
            .standard_filters(false)
            .build()
        {
            let entry = entry.map_err(|e| PolicyError {
                file: p.display().to_string(),
                line: None,
                message: format!("cannot read policy folder: {e}"),
            })?;
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "rego")
                && entry.file_type().is_some_and(|t| t.is_file())
            {
                files.push(path.to_path_buf());
            }
        }
    }
    // One file named twice (`verify policy/` with `policies: [policy/]` in
    // assure.yaml, or `./policy` beside `policy`) is loaded once: the same
    // rules twice would be a conflict, not a second opinion.
    files.sort();
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    files
        .into_iter()
        .filter(|f| with_tests || !is_test_file(&f.to_string_lossy()))
        .map(|f| {
            let label = crate::paths::slash_path(&f);
            std::fs::read_to_string(&f)
                .map(|text| PolicySource {
                    label: label.clone(),
                    text,
                })
                .map_err(|e| PolicyError {
                    file: label,
                    line: None,
                    message: format!("cannot read policy: {e}"),
                })
        })
        .collect()
}
