# METADATA
# title: Storage containers are private
# description: >-
#   A container with access type blob or container serves its blobs to anyone
#   on the internet without a key; with container, anyone can also list them.
# custom:
#   id: azure-storage-container-public
#   severity: critical
#   soc2: [CC6.6, CC6.1, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_container]
#   remediation: Set container_access_type = "private" (the default) and share blobs through SAS tokens, a CDN with authentication, or Azure AD roles.
#   rationale:
#     CC6.6: A public container exposes stored data directly to the internet.
#     CC6.1: Anonymous reads bypass every access control on the data.
#     C1.1: Confidential files in a public container are disclosed to anyone who finds the URL.
#     ITGC-LA-1: Data readable anonymously is not restricted to authorized, authenticated users.
#   limitations: >-
#     Containers meant for public web content (for example static assets) are
#     findings too: suppress them with a reason. Access levels set outside
#     Terraform and values computed at apply time are not judged.
package assure.azure.storage_container_public

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("azurerm_storage_container")

deny contains {"msg": msg, "resource": r.id, "attribute": "container_access_type"} if {
	some r in tf.resources("azurerm_storage_container")
	access := object.get(r.body, "container_access_type", "private")
	access in {"blob", "container"}
	msg := sprintf("storage container %s allows anonymous read access (container_access_type = %s)", [r.name, access])
}
