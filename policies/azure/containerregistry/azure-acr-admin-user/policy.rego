# METADATA
# title: Container registries have the admin user disabled
# description: >-
#   The registry admin user is a single shared username and password with
#   push and pull rights; it is not tied to any person or workload, cannot be
#   scoped, and is often copied into pipelines and clusters.
# custom:
#   id: azure-acr-admin-user
#   severity: high
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1, ITGC-CM-2]
#   inputs: [terraform]
#   resource_types: [azurerm_container_registry]
#   remediation: Set admin_enabled = false (the default) and pull or push with managed identities, service principals or repository-scoped tokens.
#   rationale:
#     CC6.1: A shared admin credential bypasses identity-based access control to the registry.
#     CC6.2: Access through the admin user is not registered to, or removable from, an individual user.
#     ITGC-LA-1: Anyone holding the shared password can read or replace images.
#     ITGC-CM-2: Images can be pushed with the shared credential outside the controlled build pipeline.
#   limitations: >-
#     A value computed at apply time is not judged; the admin user enabled
#     from the portal is not seen.
package assure.azure.acr_admin_user

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("azurerm_container_registry")

deny contains {"msg": msg, "resource": r.id, "attribute": "admin_enabled"} if {
	some r in tf.resources("azurerm_container_registry")
	tf.is_true(r.body.admin_enabled)
	msg := sprintf("container registry %s has the shared admin user enabled", [r.name])
}
