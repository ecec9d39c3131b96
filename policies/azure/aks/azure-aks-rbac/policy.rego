# METADATA
# title: AKS clusters have Kubernetes RBAC enabled
# description: >-
#   With RBAC disabled, every authenticated identity can do anything in the
#   cluster: least privilege and separation of duties cannot be enforced,
#   and one leaked credential controls every workload.
# custom:
#   id: azure-aks-rbac
#   severity: high
#   soc2: [CC6.3, CC6.1]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: Remove role_based_access_control_enabled = false (role_based_access_control { enabled = false } before azurerm v3); RBAC can only be chosen when the cluster is created.
#   rationale:
#     CC6.3: Without RBAC no role-based, least-privilege access can be granted inside the cluster.
#     CC6.1: Authorization to cluster resources is not enforced at all.
#     ITGC-LA-2: Every user of the cluster effectively holds administrative access.
#   limitations: >-
#     The provider default (enabled) is assumed when the attribute is absent;
#     the content of Kubernetes role bindings is not judged here.
package assure.azure.aks_rbac

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "role_based_access_control_enabled"} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	off(object.get(c.body, "role_based_access_control_enabled", true))
	msg := sprintf("AKS cluster %s has Kubernetes RBAC disabled", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "role_based_access_control.enabled"} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	off(object.get(tf.block(c.body, "role_based_access_control"), "enabled", true))
	msg := sprintf("AKS cluster %s has Kubernetes RBAC disabled", [c.name])
}
