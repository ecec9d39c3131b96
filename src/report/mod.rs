//! Reports: pure functions of a [`ScanResult`](crate::results::ScanResult),
//! and the atomic file writer every report file goes through.

pub mod json;
pub mod junit;
pub mod text;

use std::io::Write;
use std::path::Path;

/// Write `contents` to `path` whole or not at all: a temporary file in the
/// same folder, then a rename, so a CI step never reads half a report.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".assure-report-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/report.xml");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1);
    }
}

use crate::controls::Control;

/// `assure controls` as a table for a terminal.
pub fn controls_text(controls: &[Control]) -> String {
    let mut out = String::new();
    for c in controls {
        let inputs: Vec<&str> = c.inputs.iter().map(|k| k.name()).collect();
        out.push_str(&format!(
            "{:<36} {:<8} {:<22} {:<28} {}\n",
            c.id,
            c.severity.name(),
            c.soc2.iter().chain(&c.soc1).cloned().collect::<Vec<_>>().join(","),
            if inputs.is_empty() { "any".to_owned() } else { inputs.join(",") },
            c.title
        ));
    }
    out.push_str(&format!("{} controls\n", controls.len()));
    out
}

/// `assure controls --format markdown`: the catalog as a Markdown table.
pub fn controls_markdown(controls: &[Control]) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = String::from("# Controls\n\n| id | title | severity | SOC 2 | SOC 1 | inputs | remediation |\n|---|---|---|---|---|---|---|\n");
    for c in controls {
        let inputs: Vec<&str> = c.inputs.iter().map(|k| k.name()).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} | {} |\n",
            c.id,
            esc(&c.title),
            c.severity,
            c.soc2.join(", "),
            c.soc1.join(", "),
            if inputs.is_empty() { "any".to_owned() } else { inputs.join(", ") },
            esc(&c.remediation)
        ));
    }
    out
}
