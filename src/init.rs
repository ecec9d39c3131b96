//! `assure init`: a commented starter config and an example policy with its
//! test, written only where no file would be overwritten (unless forced).

use crate::fatal::{fatal, Fatal};
use crate::paths::slash_path;
use crate::report::write_atomically;
use std::path::Path;

/// Files written, relative to the target folder, with their text.
const FILES: [(&str, &str); 3] = [
    ("assure.yaml", include_str!("init/assure.yaml")),
    ("policy/example.rego", include_str!("init/example.rego")),
    (
        "policy/example_test.rego",
        include_str!("init/example_test.rego"),
    ),
];

/// Write the starter files into `dir`; the paths written, for messages.
pub fn write(dir: &Path, force: bool) -> Result<Vec<String>, Fatal> {
    let existing: Vec<String> = FILES
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| slash_path(&p))
        .collect();
    if !existing.is_empty() && !force {
        return Err(Fatal(
            existing
                .into_iter()
                .map(|p| format!("{p} already exists (use --force to overwrite)"))
                .collect(),
        ));
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        write_atomically(&path, text.as_bytes())
            .map_err(|e| fatal(format!("{}: cannot write: {e}", path.display())))?;
        written.push(slash_path(&path));
    }
    Ok(written)
}
