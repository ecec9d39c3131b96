//! The JSON report: the whole result model, versioned by `schema_version`.

use crate::results::ScanResult;
use std::io::Write;

/// Write the report as it is serialised (a report of a million targets is
/// never held whole).
pub fn write(result: &ScanResult, w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, result).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    match write(result, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
    }
}
