//! What the configuration describes, for a system description: resources
//! by provider and type, Kubernetes workloads, CI pipelines and container
//! images. Taken from each document while it is at hand (documents are
//! dropped as the scan goes), kept in every report and evidence record.

use super::kinds::InputKind;
use super::pod_spec::pod_spec_path;
use super::Document;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Components {
    /// Resources declared, by provider (`aws`, `azurerm`, `AWS::S3`,
    /// `kubernetes`) and type, with how many of each.
    pub resources: BTreeMap<String, BTreeMap<String, usize>>,
    /// Kubernetes objects that run pods: `Kind namespace/name`.
    pub workloads: BTreeSet<String>,
    /// CI pipelines: `path: job, job` for GitHub workflows.
    pub pipelines: BTreeSet<String>,
    /// Container images built: `path (from base image)` for Dockerfiles,
    /// and the images Compose services run.
    pub images: BTreeSet<String>,
}

impl Components {
    /// Merge another part's components into these.
    pub fn absorb(&mut self, other: Components) {
        for (provider, types) in other.resources {
            let mine = self.resources.entry(provider).or_default();
            for (t, n) in types {
                *mine.entry(t).or_default() += n;
            }
        }
        self.workloads.extend(other.workloads);
        self.pipelines.extend(other.pipelines);
        self.images.extend(other.images);
    }

    /// Note what one document describes.
    pub fn note(&mut self, doc: &Document) {
        let v = &doc.value;
        let mut count = |t: &str, n: usize| {
            *self
                .resources
                .entry(provider(doc.kind, t))
                .or_default()
                .entry(t.to_owned())
                .or_default() += n;
        };
        match doc.kind {
            InputKind::Terraform => {
                if let Some(types) = v.get("resource").and_then(|r| r.as_object()) {
                    for (t, names) in types {
                        count(t, names.as_object().map_or(1, |n| n.len()));
                    }
                }
            }
            InputKind::Cloudformation => {
                if let Some(resources) = v.get("Resources").and_then(|r| r.as_object()) {
                    for r in resources.values() {
                        if let Some(t) = r.get("Type").and_then(|t| t.as_str()) {
                            count(t, 1);
                        }
                    }
                }
            }
            InputKind::Kubernetes => {
                let Some(kind) = v.get("kind").and_then(|k| k.as_str()) else {
                    return;
                };
                count(kind, 1);
                if pod_spec_path(v).is_some() {
                    let meta = v.get("metadata");
                    let name = meta.and_then(|m| m.get("name")).and_then(|n| n.as_str());
                    let namespace = meta
                        .and_then(|m| m.get("namespace"))
                        .and_then(|n| n.as_str())
                        .unwrap_or("default");
                    self.workloads
                        .insert(format!("{kind} {namespace}/{}", name.unwrap_or("?")));
                }
            }
            InputKind::GithubWorkflow => {
                let jobs: Vec<&str> = v
                    .get("jobs")
                    .and_then(|j| j.as_object())
                    .map(|j| j.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                self.pipelines
                    .insert(format!("{}: {}", doc.path, jobs.join(", ")));
            }
            InputKind::Dockerfile => {
                let last_from = v.as_array().and_then(|instructions| {
                    instructions
                        .iter()
                        .filter(|i| i.get("Cmd").and_then(|c| c.as_str()) == Some("from"))
                        .filter_map(|i| i.get("Value")?.get(0)?.as_str())
                        .next_back()
                });
                self.images.insert(match last_from {
                    Some(base) => format!("{} (from {base})", doc.path),
                    None => doc.path.clone(),
                });
            }
            InputKind::Compose => {
                if let Some(services) = v.get("services").and_then(|s| s.as_object()) {
                    for (name, s) in services {
                        if let Some(image) = s.get("image").and_then(|i| i.as_str()) {
                            self.images
                                .insert(format!("{} service {name}: {image}", doc.path));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// The provider a resource type of a kind of input belongs to: `azurerm`
/// for `azurerm_storage_account`, `http` for the `http` data source,
/// `AWS::EC2` for `AWS::EC2::Instance`, `kubernetes` for a Kubernetes kind.
pub fn provider(kind: InputKind, resource_type: &str) -> String {
    match kind {
        InputKind::Terraform => resource_type
            .split_once('_')
            .map_or(resource_type, |(p, _)| p)
            .to_owned(),
        InputKind::Cloudformation => resource_type
            .rsplit_once("::")
            .map_or(resource_type, |(service, _)| service)
            .to_owned(),
        _ => "kubernetes".to_owned(),
    }
}
