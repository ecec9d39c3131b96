//! The JSON report: the whole result model, versioned by `schema_version`.

use crate::results::ScanResult;

pub fn render(result: &ScanResult) -> String {
    let mut s =
        serde_json::to_string_pretty(result).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
