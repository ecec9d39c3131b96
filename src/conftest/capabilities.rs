//! `--capabilities FILE`: OPA's capabilities document lists the builtins a
//! policy may call. regorus has no such switch, so the policies are read
//! for calls (`name(`, `a.b(`) and any call that is neither a listed builtin
//! nor a function the policies define is refused before evaluation, with
//! OPA's words ("undefined function http.send").

use super::engine::Policy;
use super::rego_text::code_of;
use std::collections::BTreeSet;
use std::path::Path;

/// Rego words that take parentheses without being calls.
const NOT_CALLS: [&str; 6] = ["if", "in", "some", "every", "not", "with"];

pub fn check(file: &Path, policies: &[Policy]) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("load capabilities: {}: {e}", file.display()))?;
    let doc: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("load capabilities: {}: {e}", file.display()))?;
    let allowed: BTreeSet<&str> = doc["builtins"]
        .as_array()
        .map(|b| b.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    let call = regex::Regex::new(r"([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\(")
        .map_err(|e| e.to_string())?;
    let mut defined: BTreeSet<String> = BTreeSet::new();
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    for p in policies {
        for line in p.text.lines() {
            let code = line.split('#').next().unwrap_or("");
            if let Some(rest) = code.trim_start().strip_prefix("import ") {
                let target = rest.split_whitespace().collect::<Vec<_>>();
                let alias = match target.as_slice() {
                    [_, "as", a, ..] => a.to_string(),
                    [t, ..] => t.rsplit('.').next().unwrap_or(t).to_owned(),
                    [] => continue,
                };
                aliases.insert(alias);
            }
            let name: String = code
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                defined.insert(name);
            }
        }
    }
    let mut undefined = BTreeSet::new();
    for p in policies {
        for line in p.text.lines() {
            // Calls outside string literals only.
            let outside = code_of(line);
            for m in call.captures_iter(&outside) {
                let name = &m[1];
                let first = name.split('.').next().unwrap_or(name);
                if NOT_CALLS.contains(&name)
                    || allowed.contains(name)
                    || defined.contains(name)
                    || first == "data"
                    || first == "input"
                    || aliases.contains(first)
                {
                    continue;
                }
                undefined.insert(format!("{}: undefined function {name}", p.path));
            }
        }
    }
    if undefined.is_empty() {
        Ok(())
    } else {
        Err(undefined.into_iter().collect::<Vec<_>>().join("\n"))
    }
}
