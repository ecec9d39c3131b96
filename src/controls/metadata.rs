//! The OPA `# METADATA` block of a control's package, which regorus drops
//! with the other comments: found and parsed here, from the source text.

use super::Severity;
use serde::Deserialize;
use serde_json::{Map, Value};

/// The YAML of a package-scope `# METADATA` block (OPA's annotation keys).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub related_resources: Option<Value>,
    #[serde(default)]
    pub authors: Option<Value>,
    #[serde(default)]
    pub organizations: Option<Value>,
    #[serde(default)]
    pub schemas: Option<Value>,
    #[serde(default)]
    pub entrypoint: Option<bool>,
    #[serde(default)]
    pub custom: Custom,
}

/// assure's keys under `custom`; other custom keys are kept as they are.
#[derive(Debug, Default, Deserialize)]
pub struct Custom {
    pub id: Option<String>,
    pub severity: Option<Severity>,
    #[serde(default)]
    pub soc2: Vec<String>,
    #[serde(default)]
    pub soc1: Vec<String>,
    #[serde(default)]
    pub inputs: Vec<String>,
    pub remediation: Option<String>,
    /// Resource types (Terraform resource or data types, CloudFormation
    /// types, Kubernetes kinds) the control examines: documents holding none
    /// of them are not evaluated. Empty: every document of its input kinds.
    #[serde(default)]
    pub resource_types: Vec<String>,
    /// For each SOC 2 criterion and SOC 1 objective it maps to, one
    /// sentence: why a failure of this control is an exception an auditor
    /// would raise under it.
    #[serde(default)]
    pub rationale: std::collections::BTreeMap<String, String>,
    /// What the control cannot tell from configuration alone.
    pub limitations: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A parse failure, with the 1-based line in the policy file.
#[derive(Debug, PartialEq, Eq)]
pub struct MetadataError {
    pub line: usize,
    pub message: String,
}

/// The package-scope METADATA block of `source` (the block right above the
/// `package` line, or one with `scope: package`), with its first line.
pub fn package_annotation(source: &str) -> Result<Option<(Annotation, usize)>, MetadataError> {
    let lines: Vec<&str> = source.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "# METADATA" {
            i += 1;
            continue;
        }
        let start = i;
        let mut yaml = String::new();
        i += 1;
        while i < lines.len() {
            let t = lines[i].trim_start();
            let Some(c) = t.strip_prefix('#') else { break };
            yaml.push_str(c.strip_prefix(' ').unwrap_or(c));
            yaml.push('\n');
            i += 1;
        }
        let next_code = lines[i..].iter().find(|l| !l.trim().is_empty());
        let before_package = next_code.is_some_and(|l| l.trim_start().starts_with("package "));
        let parsed: Annotation = yaml_serde::from_str(&yaml).map_err(|e| MetadataError {
            line: start + 2 + e.location().map_or(0, |l| l.line().saturating_sub(1)),
            message: format!("invalid METADATA: {}", strip_location(&e.to_string())),
        })?;
        let scoped_package = matches!(parsed.scope.as_deref(), Some("package" | "subpackages"));
        if before_package || scoped_package {
            return Ok(Some((parsed, start + 1)));
        }
    }
    Ok(None)
}

fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// The package path declared by `source` (`assure.aws.s3_encryption`), and its line.
pub fn package_of(source: &str) -> Option<(String, usize)> {
    source.lines().enumerate().find_map(|(i, l)| {
        let rest = l.trim_start().strip_prefix("package ")?;
        let pkg = rest.split('#').next().unwrap_or("").trim();
        (!pkg.is_empty()).then(|| (pkg.to_owned(), i + 1))
    })
}

/// Names of the rules a module defines at top level, read from rule heads
/// (`deny contains msg if`, `deny[msg] {`, `warn_x := ...`). Only the names
/// assure evaluates matter, so a plain scan of heads at column 0 is enough.
pub fn rule_heads(source: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in source.lines() {
        let Some(first) = line.chars().next() else {
            continue;
        };
        if !(first.is_ascii_alphabetic() || first == '_') {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if matches!(name.as_str(), "package" | "import" | "default" | "else") {
            if let Some(rest) = line.strip_prefix("default ") {
                let n: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !n.is_empty() && !out.contains(&n) {
                    out.push(n);
                }
            }
            continue;
        }
        let after = line[name.len()..].trim_start();
        let is_head = after.is_empty()
            || after.starts_with(['[', '{', '(', '=', ':', '.'])
            || after.starts_with("contains")
            || after.starts_with("if");
        if is_head && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "# METADATA\n# title: S3 buckets encrypt data at rest\n# description: Why.\n# custom:\n#   id: aws-s3-encryption\n#   severity: high\n#   soc2: [CC6.1, C1.1]\n#   soc1: [ITGC-LA-3]\n#   inputs: [terraform]\n#   remediation: Add it.\n#   team: storage\npackage assure.aws.s3_encryption\n\nimport rego.v1\n\ndeny contains msg if {\n  false\n}\n\nresources contains r if { false }\ndeny_old[msg] {\n  false\n}\ndefault allow := false\n";

    #[test]
    fn reads_the_package_annotation() {
        let (a, line) = package_annotation(POLICY).unwrap().unwrap();
        assert_eq!(line, 1);
        assert_eq!(a.title.as_deref(), Some("S3 buckets encrypt data at rest"));
        assert_eq!(a.custom.id.as_deref(), Some("aws-s3-encryption"));
        assert_eq!(a.custom.severity, Some(Severity::High));
        assert_eq!(a.custom.soc2, ["CC6.1", "C1.1"]);
        assert_eq!(a.custom.extra["team"], "storage");
        assert_eq!(
            package_of(POLICY),
            Some(("assure.aws.s3_encryption".into(), 12))
        );
    }

    #[test]
    fn finds_rule_heads() {
        assert_eq!(
            rule_heads(POLICY),
            ["deny", "resources", "deny_old", "allow"]
        );
    }

    #[test]
    fn bad_metadata_names_its_line() {
        let src = "# METADATA\n# title: x\n# custom:\n#   severity: extreme\npackage p\n";
        let err = package_annotation(src).unwrap_err();
        assert!(
            err.message.contains("extreme") || err.message.contains("variant"),
            "{}",
            err.message
        );
        assert!(err.line >= 3 && err.line <= 4, "{}", err.line);
        let unknown = "# METADATA\n# titel: x\npackage p\n";
        assert!(package_annotation(unknown)
            .unwrap_err()
            .message
            .contains("titel"));
    }

    #[test]
    fn rule_scope_blocks_are_not_package_metadata() {
        let src = "package p\n\n# METADATA\n# title: rule\ndeny contains 1 if true\n";
        assert!(package_annotation(src).unwrap().is_none());
    }
}
