//! Locators: from the `resource` and `attribute` a policy names to a file
//! and line. Each input format builds the index it can build in the same pass
//! that reads it; nothing is parsed twice.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, PartialOrd, Ord, Hash)]
pub struct Location {
    pub path: String,
    pub line: usize,
}

/// Lines of the nodes of a document, by path (`spec.containers[0].image`).
#[derive(Debug, Clone, Default)]
pub struct PathIndex {
    lines: HashMap<String, usize>,
}

impl PathIndex {
    /// Record a path's line; the first record of a path wins.
    pub fn insert(&mut self, path: String, line: usize) {
        self.lines.entry(path).or_insert(line);
    }

    pub fn get(&self, path: &str) -> Option<usize> {
        self.lines.get(path).copied()
    }

    /// Line of `path`, or of its nearest recorded ancestor: a finding about a
    /// missing attribute points at the block that should hold it.
    pub fn nearest(&self, path: &str) -> Option<usize> {
        let mut p = path;
        loop {
            if let Some(l) = self.get(p) {
                return Some(l);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
            if p.is_empty() {
                return None;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The paths under `prefix`, relative to it, their lines shifted so that
    /// line 1 of this index is line `first` of the file.
    pub fn below(&self, prefix: &str, first: usize) -> PathIndex {
        let lines = self
            .lines
            .iter()
            .filter_map(|(p, &l)| {
                let rest = p.strip_prefix(prefix)?;
                let rest = rest
                    .strip_prefix('.')
                    .or_else(|| rest.starts_with('[').then_some(rest))?;
                Some((rest.to_owned(), l + first - 1))
            })
            .collect();
        PathIndex { lines }
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Join a key onto a path.
pub fn join_key(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

/// Join a sequence index onto a path.
pub fn join_index(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

/// Join a relative attribute path (`a.b` or `[0].c`) onto a base path.
fn join_attr(base: &str, attr: &str) -> String {
    let attr = attr.trim_start_matches('.');
    if base.is_empty() || attr.starts_with('[') {
        format!("{base}{attr}")
    } else {
        format!("{base}.{attr}")
    }
}

/// Where a document's findings point.
#[derive(Debug, Clone)]
pub enum Locator {
    /// A YAML or JSON document: paths inside it, from its first line.
    Tree {
        path: String,
        /// Path of this document inside its file's tree (`items[2]` for an
        /// item of a Kubernetes `List`), empty for a whole document.
        prefix: String,
        first_line: usize,
        /// Shared by the documents of one file (the items of a `List`).
        index: Arc<PathIndex>,
        /// How resource names map to paths for this kind.
        scheme: ResourceScheme,
    },
    /// A Terraform module: resource ids (`aws_s3_bucket.logs`) to their block.
    Terraform {
        resources: HashMap<String, TerraformBlock>,
    },
    /// A Dockerfile: stage names and indexes to the line of their `FROM`.
    Dockerfile {
        path: String,
        stages: Vec<(Option<String>, usize)>,
    },
    /// A document with no positions (TOML): the file.
    File { path: String },
}

/// How a resource identifier becomes a path in a tree document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceScheme {
    /// `Kind/name`, `Kind/namespace/name`, optionally followed by
    /// `/container:NAME`, `/initContainer:NAME` or `/ephemeralContainer:NAME`.
    Kubernetes,
    /// A logical id under `Resources`.
    Cloudformation,
    /// A path into the document (`jobs.build`, `services.web`).
    Path,
}

#[derive(Debug, Clone)]
pub struct TerraformBlock {
    pub path: String,
    pub line: usize,
    /// Attribute and nested-block paths relative to the block body.
    pub attributes: PathIndex,
    /// For a resource of a plan: its block in the HCL the plan was made
    /// from, when that HCL is beside the plan.
    pub planned_from: Option<Location>,
}

impl Locator {
    /// The file and line of a finding. `value` is the document, used to find
    /// a named container in a Kubernetes document. Never fails: a resource it
    /// cannot find resolves to the document (or module) itself.
    pub fn locate(
        &self,
        value: &serde_json::Value,
        resource: Option<&str>,
        attribute: Option<&str>,
    ) -> Option<Location> {
        match self {
            Locator::Tree {
                path,
                prefix,
                first_line,
                index,
                scheme,
            } => {
                let base = resource
                    .and_then(|r| tree_base_path(*scheme, value, r))
                    .unwrap_or_default();
                let relative = match attribute {
                    Some(a) if !a.is_empty() => join_attr(&base, a),
                    _ => base,
                };
                let full = match (prefix.is_empty(), relative.is_empty()) {
                    (true, _) => relative,
                    (false, true) => prefix.clone(),
                    (false, false) => join_attr(prefix, &relative),
                };
                let line = if full.is_empty() {
                    None
                } else {
                    index.nearest(&full)
                };
                Some(Location {
                    path: path.clone(),
                    line: line.unwrap_or(*first_line),
                })
            }
            Locator::Terraform { resources } => {
                let block = resources.get(resource?)?;
                let line = attribute
                    .filter(|a| !a.is_empty())
                    .and_then(|a| block.attributes.nearest(a.trim_start_matches('.')))
                    .unwrap_or(block.line);
                Some(Location {
                    path: block.path.clone(),
                    line,
                })
            }
            Locator::Dockerfile { path, stages } => {
                let line = resource.and_then(|r| {
                    let r = r.strip_prefix("stage:").unwrap_or(r);
                    stages
                        .iter()
                        .enumerate()
                        .find(|(i, (name, _))| name.as_deref() == Some(r) || i.to_string() == r)
                        .map(|(_, (_, line))| *line)
                });
                Some(Location {
                    path: path.clone(),
                    line: line.or_else(|| stages.first().map(|s| s.1)).unwrap_or(1),
                })
            }
            Locator::File { path } => Some(Location {
                path: path.clone(),
                line: 1,
            }),
        }
    }

    /// The HCL block a plan's resource was planned from, when known.
    pub fn planned_from(&self, resource: &str) -> Option<&Location> {
        match self {
            Locator::Terraform { resources } => resources.get(resource)?.planned_from.as_ref(),
            _ => None,
        }
    }

    /// The file a resource is defined in, for naming a test case.
    pub fn file_of(&self, resource: &str) -> Option<&str> {
        match self {
            Locator::Terraform { resources } => resources.get(resource).map(|b| b.path.as_str()),
            Locator::Tree { path, .. }
            | Locator::Dockerfile { path, .. }
            | Locator::File { path } => Some(path),
        }
    }
}

fn tree_base_path(
    scheme: ResourceScheme,
    value: &serde_json::Value,
    resource: &str,
) -> Option<String> {
    match scheme {
        ResourceScheme::Cloudformation => {
            let id = resource.strip_prefix("Resources.").unwrap_or(resource);
            Some(join_key("Resources", id))
        }
        ResourceScheme::Path => Some(resource.to_owned()),
        ResourceScheme::Kubernetes => {
            // `container:NAME`, `initContainer:NAME`, `ephemeralContainer:NAME`.
            let container = resource.split('/').find_map(|part| {
                [
                    ("container:", "containers"),
                    ("initContainer:", "initContainers"),
                    ("ephemeralContainer:", "ephemeralContainers"),
                ]
                .into_iter()
                .find_map(|(prefix, list)| part.strip_prefix(prefix).map(|n| (n, list)))
            });
            if let Some((name, list)) = container {
                return kubernetes_container_path(value, name, list);
            }
            // A container with no name: `containers[0]`, by its place.
            let unnamed = resource.rsplit('/').next().and_then(|last| {
                let (list, rest) = last.split_once('[')?;
                let index: usize = rest.strip_suffix(']')?.parse().ok()?;
                ["containers", "initContainers", "ephemeralContainers"]
                    .contains(&list)
                    .then_some((list, index))
            });
            match unnamed {
                Some((list, i)) => {
                    let spec = super::pod_spec::pod_spec_path(value)?;
                    Some(join_index(&join_key(spec, list), i))
                }
                None => Some(String::new()),
            }
        }
    }
}

/// The path of the container called `name` in the pod spec `list`
/// (`containers`, `initContainers`, `ephemeralContainers`) of a workload
/// document of any shape that has a pod spec.
fn kubernetes_container_path(value: &serde_json::Value, name: &str, list: &str) -> Option<String> {
    let spec = super::pod_spec::pod_spec_path(value)?;
    let node = spec.split('.').try_fold(value, |node, key| node.get(key))?;
    // Its own list first; any list for ids written before they differed.
    std::iter::once(list)
        .chain(["containers", "initContainers", "ephemeralContainers"])
        .find_map(|list| {
            let items = node.get(list)?.as_array()?;
            let i = items
                .iter()
                .position(|c| c.get("name").and_then(|n| n.as_str()) == Some(name))?;
            Some(join_index(&join_key(spec, list), i))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nearest_falls_back_to_ancestors() {
        let mut idx = PathIndex::default();
        idx.insert("spec".into(), 5);
        idx.insert("spec.containers[0]".into(), 9);
        assert_eq!(
            idx.nearest("spec.containers[0].securityContext.privileged"),
            Some(9)
        );
        assert_eq!(idx.nearest("spec.volumes"), Some(5));
        assert_eq!(idx.nearest("status"), None);
    }

    #[test]
    fn finds_named_container_in_a_deployment() {
        let doc = json!({"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "a"}, {"name": "api"}]}}}});
        assert_eq!(
            kubernetes_container_path(&doc, "api", "containers").as_deref(),
            Some("spec.template.spec.containers[1]")
        );
        assert_eq!(kubernetes_container_path(&doc, "nope", "containers"), None);
    }

    #[test]
    fn an_init_container_sharing_a_name_is_found_in_its_own_list() {
        let doc = json!({"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {
            "containers": [{"name": "app"}],
            "initContainers": [{"name": "setup"}, {"name": "app"}],
        }}}}}});
        let path = |resource: &str| tree_base_path(ResourceScheme::Kubernetes, &doc, resource);
        assert_eq!(
            path("CronJob/nightly/initContainer:app").as_deref(),
            Some("spec.jobTemplate.spec.template.spec.initContainers[1]")
        );
        assert_eq!(
            path("CronJob/nightly/container:app").as_deref(),
            Some("spec.jobTemplate.spec.template.spec.containers[0]")
        );
        assert_eq!(path("CronJob/nightly").as_deref(), Some(""));
    }

    #[test]
    fn a_container_without_a_name_is_found_by_its_place() {
        let doc = json!({"kind": "Service", "apiVersion": "serving.knative.dev/v1", "spec": {"template": {"spec": {
            "containers": [{"image": "a:1"}],
            "initContainers": [{"name": "setup"}, {"image": "m:1"}],
        }}}});
        let path = |resource: &str| tree_base_path(ResourceScheme::Kubernetes, &doc, resource);
        assert_eq!(
            path("Service/hello/containers[0]").as_deref(),
            Some("spec.template.spec.containers[0]")
        );
        assert_eq!(
            path("Service/hello/initContainers[1]").as_deref(),
            Some("spec.template.spec.initContainers[1]")
        );
        // Not a container list, or not an index: the workload itself.
        assert_eq!(path("Service/hello/volumes[0]").as_deref(), Some(""));
        assert_eq!(path("Service/hello/containers[x]").as_deref(), Some(""));
    }
}
