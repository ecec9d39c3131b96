//! Where a Kubernetes object keeps its pod spec. Controls over containers
//! find it with the same rule (policies/lib/kubernetes.rego); assure uses it
//! to run those controls on every object that has one, custom resources
//! included, and to place a container's findings on its line.

use serde_json::Value;

/// The resource type a Kubernetes document holds besides its kind when it
/// has a pod spec. Kinds are CamelCase, so it can never be a kind; controls
/// over pods and containers list it in `resource_types` and so run on any
/// object that runs pods (an Argo Rollout, a Knative Service, a custom
/// resource with a pod template) without naming each kind.
pub const POD_SPEC_TYPE: &str = "pod-spec";

/// The dotted path of the pod spec in a Kubernetes object, if it has one:
/// a Pod's `spec`, a CronJob's job template, a PodTemplate's `template.spec`,
/// and `spec.template.spec` with containers for anything else.
pub fn pod_spec_path(value: &Value) -> Option<&'static str> {
    let kind = value.get("kind").and_then(Value::as_str)?;
    let path = match kind {
        "Pod" => "spec",
        "CronJob" => "spec.jobTemplate.spec.template.spec",
        "PodTemplate" => "template.spec",
        _ => "spec.template.spec",
    };
    let spec = path.split('.').try_fold(value, |node, key| node.get(key))?;
    let explicit = matches!(kind, "Pod" | "CronJob" | "PodTemplate");
    let has_containers = spec.get("containers").is_some_and(Value::is_array);
    (spec.is_object() && (explicit || has_containers)).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_shape_of_pod_spec_is_found() {
        let cases = [
            (json!({"kind": "Pod", "spec": {}}), Some("spec")),
            (
                json!({"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": []}}}}}}),
                Some("spec.jobTemplate.spec.template.spec"),
            ),
            (
                json!({"kind": "PodTemplate", "template": {"spec": {"containers": []}}}),
                Some("template.spec"),
            ),
            (
                json!({"kind": "Rollout", "spec": {"template": {"spec": {"containers": [{"name": "a"}]}}}}),
                Some("spec.template.spec"),
            ),
            // A custom resource with a `template` that is not a pod's.
            (
                json!({"kind": "Widget", "spec": {"template": {"spec": {"size": 3}}}}),
                None,
            ),
            (json!({"kind": "ConfigMap", "data": {}}), None),
            (json!({"spec": {"containers": []}}), None),
        ];
        for (doc, want) in cases {
            assert_eq!(pod_spec_path(&doc), want, "{doc}");
        }
    }
}
