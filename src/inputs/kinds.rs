//! The input kinds and how a file name suggests one.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    Terraform,
    TerraformPlan,
    Kubernetes,
    Cloudformation,
    Dockerfile,
    GithubWorkflow,
    Compose,
    Yaml,
    Json,
    Toml,
}

impl InputKind {
    pub const ALL: [InputKind; 10] = [
        InputKind::Terraform,
        InputKind::TerraformPlan,
        InputKind::Kubernetes,
        InputKind::Cloudformation,
        InputKind::Dockerfile,
        InputKind::GithubWorkflow,
        InputKind::Compose,
        InputKind::Yaml,
        InputKind::Json,
        InputKind::Toml,
    ];

    pub fn name(self) -> &'static str {
        match self {
            InputKind::Terraform => "terraform",
            InputKind::TerraformPlan => "terraform-plan",
            InputKind::Kubernetes => "kubernetes",
            InputKind::Cloudformation => "cloudformation",
            InputKind::Dockerfile => "dockerfile",
            InputKind::GithubWorkflow => "github-workflow",
            InputKind::Compose => "compose",
            InputKind::Yaml => "yaml",
            InputKind::Json => "json",
            InputKind::Toml => "toml",
        }
    }

    pub fn from_name(name: &str) -> Option<InputKind> {
        InputKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a file's name says about it, before its content is read. YAML and
/// JSON are refined by content (Kubernetes, CloudFormation, plan) when parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileFormat {
    Terraform,
    TerraformJson,
    Dockerfile,
    Yaml,
    Json,
    Toml,
}

/// Classify a path (relative, `/`-separated) by its name. `None`: not a
/// config file assure reads.
pub fn format_of(rel_path: &str) -> Option<FileFormat> {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tf.json") {
        return Some(FileFormat::TerraformJson);
    }
    if lower.ends_with(".tf") {
        return Some(FileFormat::Terraform);
    }
    if lower == "dockerfile"
        || (lower.starts_with("dockerfile.") && !other_language(&lower))
        || lower.ends_with(".dockerfile")
        || lower == "containerfile"
    {
        return Some(FileFormat::Dockerfile);
    }
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return Some(FileFormat::Yaml);
    }
    if lower.ends_with(".json") {
        return Some(FileFormat::Json);
    }
    if lower.ends_with(".toml") {
        return Some(FileFormat::Toml);
    }
    None
}

/// Extensions that make `Dockerfile.<x>` something else: a policy, a
/// script or a document about Dockerfiles (`dockerfile.rego`,
/// `Dockerfile.md`), or another config format, read as that format.
const NOT_DOCKERFILE: [&str; 14] = [
    "rego", "md", "txt", "sh", "bash", "py", "go", "rs", "js", "ts", "json", "yaml", "yml", "toml",
];

fn other_language(lower_name: &str) -> bool {
    lower_name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| NOT_DOCKERFILE.contains(&ext))
}

/// The kind a YAML file's location gives it regardless of content. Give it
/// the file's full path (or as much of it as is known): a workflow is a
/// YAML file directly in a `.github/workflows` folder, which is where GitHub
/// reads them, whichever folder a scan started from.
pub fn yaml_kind_by_path(path: &str) -> Option<InputKind> {
    let mut parts = path.rsplit('/');
    let name = parts.next().unwrap_or(path).to_ascii_lowercase();
    if parts.next() == Some("workflows") && parts.next() == Some(".github") {
        return Some(InputKind::GithubWorkflow);
    }
    if name.starts_with("docker-compose")
        || name.starts_with("compose.")
        || name.starts_with("compose-")
    {
        return Some(InputKind::Compose);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in InputKind::ALL {
            assert_eq!(InputKind::from_name(k.name()), Some(k));
        }
        assert_eq!(InputKind::from_name("nope"), None);
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(format_of("a/main.tf"), Some(FileFormat::Terraform));
        assert_eq!(format_of("a/main.tf.json"), Some(FileFormat::TerraformJson));
        assert_eq!(format_of("Dockerfile"), Some(FileFormat::Dockerfile));
        assert_eq!(format_of("x/Dockerfile.prod"), Some(FileFormat::Dockerfile));
        assert_eq!(format_of("x/api.dockerfile"), Some(FileFormat::Dockerfile));
        assert_eq!(format_of("policies/lib/dockerfile.rego"), None);
        assert_eq!(format_of("docs/Dockerfile.md"), None);
        assert_eq!(format_of("Dockerfile.yaml"), Some(FileFormat::Yaml));
        assert_eq!(format_of("k/app.yml"), Some(FileFormat::Yaml));
        assert_eq!(format_of("README.md"), None);
        assert_eq!(
            yaml_kind_by_path(".github/workflows/ci.yml"),
            Some(InputKind::GithubWorkflow)
        );
        assert_eq!(
            yaml_kind_by_path("svc/docker-compose.prod.yml"),
            Some(InputKind::Compose)
        );
        assert_eq!(yaml_kind_by_path("k8s/deploy.yaml"), None);
        assert_eq!(
            yaml_kind_by_path("/home/ci/repo/.github/workflows/ci.yml"),
            Some(InputKind::GithubWorkflow)
        );
        // GitHub reads only the folder itself, not templates below it.
        assert_eq!(yaml_kind_by_path(".github/workflows/templates/x.yml"), None);
        assert_eq!(yaml_kind_by_path("workflows/ci.yml"), None);
    }
}
