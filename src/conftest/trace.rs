//! `--trace`: regorus has no evaluation trace, so the trace is built from
//! its line coverage of each query: the rules the query entered (`Enter
//! data.kubernetes.is_service`, the rule enclosing a covered line) and the
//! lines it evaluated. Coarser than OPA's trace, and exact about what ran.

use super::engine::Policy;
use regorus::Engine;

/// The rule a line belongs to: the nearest rule head at or above it.
fn enclosing_rule(lines: &[&str], line: usize) -> Option<String> {
    lines[..line.min(lines.len())].iter().rev().find_map(|l| {
        let name: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let first = l.chars().next()?;
        ((first.is_ascii_alphabetic() || first == '_')
            && !matches!(name.as_str(), "package" | "import" | "default" | "else"))
        .then_some(name)
    })
}

/// The trace of the query just evaluated; coverage is then cleared.
pub fn take(engine: &mut Engine, policies: &[Policy]) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(report) = engine.get_coverage_report() {
        for f in &report.files {
            let Some(p) = policies.iter().find(|p| p.path == f.path) else {
                continue;
            };
            let lines: Vec<&str> = p.text.lines().collect();
            let mut entered: Vec<String> = Vec::new();
            let mut evaluated = Vec::new();
            for &n in &f.covered {
                let n = n as usize;
                if let Some(rule) = enclosing_rule(&lines, n) {
                    let full = format!("data.{}.{rule}", p.package);
                    if !entered.contains(&full) {
                        entered.push(full);
                    }
                }
                if let Some(text) = lines.get(n.saturating_sub(1)) {
                    evaluated.push(format!("| {}:{n} {}", p.path, text.trim()));
                }
            }
            out.extend(entered.into_iter().map(|r| format!("Enter {r}")));
            out.extend(evaluated);
        }
    }
    engine.clear_coverage_data();
    out
}
