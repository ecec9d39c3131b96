# METADATA
# title: GKE clusters send logs and metrics to Cloud Logging and Monitoring
# description: >-
#   With logging or monitoring set to "none", the cluster's system, audit-relevant
#   and workload logs or its metrics are not collected, so incidents and
#   anomalies in the cluster cannot be detected or investigated.
# custom:
#   id: gcp-gke-logging-monitoring
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Remove logging_service/monitoring_service = "none" (the defaults send
#     logs and metrics to Cloud Logging and Cloud Monitoring), and list at least
#     SYSTEM_COMPONENTS in logging_config.enable_components.
#   rationale:
#     CC7.2: Cluster components and workloads are not monitored when their logs and metrics are discarded.
#     ITGC-OP-2: Failures and security events in the cluster are not logged or monitored.
#   limitations: >-
#     Kubernetes audit logs (Cloud Audit Logs) are collected regardless; logs
#     shipped by a third-party agent are not seen.
package assure.gcp.gke_logging_monitoring

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": attr} if {
	some c in tf.resources("google_container_cluster")
	some attr in ["logging_service", "monitoring_service"]
	c.body[attr] == "none"
	msg := sprintf("GKE cluster %s sets %s = \"none\"", [c.name, attr])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "logging_config.enable_components"} if {
	some c in tf.resources("google_container_cluster")
	components := tf.block(c.body, "logging_config").enable_components
	is_array(components)
	count(components) == 0
	msg := sprintf("GKE cluster %s enables no logging components (logging_config.enable_components is empty)", [c.name])
}
