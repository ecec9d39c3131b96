//! What a control's rules gave on one document ([`RawEval`]), turned into
//! the targets and findings of the result model: each examined resource (or
//! the document) is a target, each `deny`/`warn` item a finding located at
//! its file and line, with its fingerprint and any conftest `exception`.

use crate::controls::Control;
use crate::fingerprint;
use crate::inputs::{Document, Location, Locator};
use crate::results::{Finding, Level, Outcome, TargetResult, Waiver, WaiverOrigin};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What one control's rules gave on one document, before it becomes targets.
#[derive(Debug, Default)]
pub struct RawEval {
    /// (rule name, item) for every element of every deny/violation rule.
    pub deny: Vec<(String, Value)>,
    pub warn: Vec<(String, Value)>,
    /// The `resources` rule, when the package defines one.
    pub resources: Option<Vec<String>>,
    /// conftest `exception` rule suffixes.
    pub exceptions: BTreeSet<String>,
    pub error: Option<String>,
}

/// Turn one control's raw evaluation of one document into targets.
pub fn build_targets(
    control: &Control,
    doc: &Document,
    docs_in_file: usize,
    raw: RawEval,
) -> Vec<TargetResult> {
    let doc_name = doc.display_path(docs_in_file);
    if let Some(error) = raw.error {
        return vec![TargetResult {
            name: doc_name.clone(),
            path: doc_name,
            resource: None,
            outcome: Outcome::Error,
            findings: vec![],
            error: Some(error),
        }];
    }
    let mut findings: Vec<Finding> = Vec::new();
    for (level, items) in [(Level::Deny, raw.deny), (Level::Warn, raw.warn)] {
        for (rule, item) in items {
            findings.push(finding(control, doc, level, rule, item, &raw.exceptions));
        }
    }
    let by_resource = raw.resources.is_some();
    // target name -> (path, resource, findings)
    let mut targets: BTreeMap<String, (String, Option<String>, Vec<Finding>)> = BTreeMap::new();
    let target_of = |resource: Option<&str>| -> (String, String, Option<String>) {
        match (resource, &doc.instance) {
            // A module instance's resource: named by its full address, from
            // the file of the outermost call (`main.tf#module.a.aws_x.y`).
            (Some(r), Some(i)) if by_resource => (
                format!("{}#{r}", i.root_file),
                i.root_file.clone(),
                Some(r.to_owned()),
            ),
            (None, Some(i)) | (Some(_), Some(i)) => (
                format!("{}#{}", i.root_file, i.address),
                i.root_file.clone(),
                Some(i.address.clone()),
            ),
            (Some(r), None) if by_resource => {
                // The resource names the document, so its file is enough (no
                // `[n]`: inserting a document above must not rename it). A
                // Terraform module spans files: name the resource's own file.
                let path = match &doc.locator {
                    Locator::Terraform { .. } => {
                        doc.locator.file_of(r).unwrap_or(&doc.path).to_owned()
                    }
                    _ => doc.path.clone(),
                };
                (format!("{path}#{r}"), path, Some(r.to_owned()))
            }
            _ => (doc_name.clone(), doc_name.clone(), None),
        }
    };
    for r in raw.resources.iter().flatten() {
        let (name, path, resource) = target_of(Some(&full_address(doc, r)));
        targets.entry(name).or_insert((path, resource, vec![]));
    }
    for f in findings {
        let (name, path, resource) = target_of(f.resource.as_deref());
        targets
            .entry(name)
            .or_insert((path, resource, vec![]))
            .2
            .push(f);
    }
    if !by_resource && targets.is_empty() {
        targets.insert(doc_name.clone(), (doc_name, None, vec![]));
    }
    targets
        .into_iter()
        .map(|(name, (path, resource, mut findings))| {
            findings.sort_by(|a, b| {
                (a.level, &a.location, &a.message).cmp(&(b.level, &b.location, &b.message))
            });
            findings.dedup_by(|a, b| a.fingerprint == b.fingerprint && a.level == b.level);
            let outcome = Outcome::of(&findings);
            TargetResult {
                name,
                path,
                resource,
                outcome,
                findings,
                error: None,
            }
        })
        .collect()
}

/// A resource id as reports name it: within a module instance, prefixed
/// with the instance's address (`module.audit.aws_s3_bucket.this`).
fn full_address(doc: &Document, resource: &str) -> String {
    match &doc.instance {
        Some(i) => format!("{}.{resource}", i.address),
        None => resource.to_owned(),
    }
}

fn finding(
    control: &Control,
    doc: &Document,
    level: Level,
    rule: String,
    item: Value,
    exceptions: &BTreeSet<String>,
) -> Finding {
    let (message, resource, attribute, loc, metadata) = match item {
        Value::String(s) => (s, None, None, None, Map::new()),
        Value::Object(mut m) => {
            let message = match m.remove("msg") {
                Some(Value::String(s)) => s,
                Some(other) => other.to_string(),
                None => Value::Object(m.clone()).to_string(),
            };
            let take_str = |m: &mut Map<String, Value>, k: &str| match m.remove(k) {
                Some(Value::String(s)) => Some(s),
                Some(Value::Null) | None => None,
                Some(other) => Some(other.to_string()),
            };
            let resource = take_str(&mut m, "resource");
            let attribute = take_str(&mut m, "attribute");
            let loc = m.remove("_loc");
            (message, resource, attribute, loc, m)
        }
        other => (other.to_string(), None, None, None, Map::new()),
    };
    // An explicit `_loc: {file, line}` wins over what the locator finds.
    let location = loc
        .and_then(|l| {
            let line = l.get("line").and_then(Value::as_u64)? as usize;
            let path = l
                .get("file")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_else(|| doc.path.clone());
            Some(Location { path, line })
        })
        .or_else(|| {
            doc.locator
                .locate(&doc.value, resource.as_deref(), attribute.as_deref())
        });
    // Where an inline waiver must stand: the resource's own line when the
    // finding names one, else the finding's line.
    let anchor_line = match resource.as_deref() {
        Some(r) => doc
            .locator
            .locate(&doc.value, Some(r), None)
            .map(|l| l.line),
        None => location.as_ref().map(|l| l.line),
    };
    let suffix = rule.split_once('_').map_or("", |(_, s)| s);
    let waiver = exceptions.contains(suffix).then(|| Waiver {
        reason: format!("exception for rule `{rule}` in the policy"),
        owner: None,
        expires: None,
        source: control.source.clone(),
        origin: WaiverOrigin::Policy,
    });
    // Within a module instance the finding names the full address, and its
    // fingerprint is made on it (the module's own id would be the same in
    // every instance); in a root module both are as they always were.
    let planned_from = resource
        .as_deref()
        .and_then(|r| doc.locator.planned_from(r))
        .cloned();
    let resource = resource.map(|r| full_address(doc, &r));
    Finding {
        // The file path, not the `[n]` display name: stable when documents move.
        fingerprint: fingerprint::of(&control.id, &doc.path, resource.as_deref(), &message),
        level,
        rule,
        message,
        resource,
        call_sites: doc
            .instance
            .as_ref()
            .map(|i| i.call_sites.clone())
            .unwrap_or_default(),
        planned_from,
        attribute,
        location,
        waiver,
        expired_waiver: None,
        known: false,
        anchor_line,
        metadata,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::Severity;
    use crate::inputs::structured::parse_yaml;

    fn control() -> Control {
        Control {
            id: "k8s-x".into(),
            title: "t".into(),
            description: String::new(),
            severity: Severity::High,
            soc2: vec![],
            soc1: vec![],
            inputs: vec![],
            resource_types: vec![],
            remediation: String::new(),
            rationale: Default::default(),
            limitations: String::new(),
            package: "p".into(),
            source: "p.rego".into(),
            builtin: false,
            rules: Default::default(),
            modules: vec![],
            cross_input: false,
            inventory: Default::default(),
        }
    }

    fn targets(yaml: &str, doc: usize, resources: bool) -> Vec<TargetResult> {
        let docs = parse_yaml("k8s/app.yaml", yaml).documents;
        let raw = RawEval {
            deny: vec![(
                "deny".into(),
                serde_json::json!({"msg": "bad", "resource": "Pod/web/container:app", "attribute": "image"}),
            )],
            resources: resources.then(|| vec!["Pod/web/container:app".to_owned()]),
            ..RawEval::default()
        };
        build_targets(&control(), &docs[doc], docs.len(), raw)
    }

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n";

    #[test]
    fn fingerprints_and_names_survive_moves_and_inserted_documents() {
        let alone = targets(POD, 0, true);
        let moved = targets(
            &format!(
                "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\n# comment\n\n{POD}"
            ),
            1,
            true,
        );
        assert_eq!(alone[0].name, "k8s/app.yaml#Pod/web/container:app");
        assert_eq!(moved[0].name, alone[0].name);
        let (a, b) = (&alone[0].findings[0], &moved[0].findings[0]);
        assert_eq!(a.fingerprint, b.fingerprint);
        assert_ne!(a.location, b.location);
        assert_eq!(b.location.as_ref().map(|l| l.line), Some(15));
        assert_eq!(alone[0].outcome, Outcome::Fail);
    }

    #[test]
    fn without_resources_the_document_is_the_unit() {
        let t = targets(&format!("a: 1\n---\n{POD}"), 1, false);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].name, "k8s/app.yaml[1]");
        assert_eq!(t[0].resource, None);
    }
}
