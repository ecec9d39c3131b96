# METADATA
# title: Storage accounts do not allow public blob access
# description: >-
#   When an account allows nested items to be public, any container in it can
#   be switched to anonymous read access, and its blobs can then be listed and
#   downloaded by anyone on the internet without a key.
# custom:
#   id: azure-storage-public-blob-access
#   severity: high
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account]
#   remediation: Set allow_nested_items_to_be_public = false on the storage account (allow_blob_public_access = false before azurerm v3).
#   rationale:
#     CC6.6: Anonymous blob access removes the boundary between stored data and the internet.
#     CC6.1: Public containers are readable without any authentication or authorization.
#     ITGC-LA-1: Data readable anonymously is not restricted to authorized, authenticated users.
#   limitations: >-
#     An absent setting is a finding, because azurerm v3 and v4 default
#     allow_nested_items_to_be_public to true; it passes when the module pins
#     azurerm 5 or later (default false). A value computed at apply time and
#     Azure policies that deny public access at subscription level are not seen.
package assure.azure.storage_public_blob_access

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

on(v) if v == true

on(v) if v == "true"

# The module pins azurerm 5 or later, where the default became false.
v5_or_later if {
	some t in input.terraform
	some rp in t.required_providers
	version := rp.azurerm.version
	regex.match(`^[ ]*(>=|~>|=)?[ ]*v?([5-9]|[1-9][0-9])([.]|[ ]*$)`, version)
}

# File shares only: the setting does not apply.
applies(r) if object.get(r.body, "account_kind", "StorageV2") != "FileStorage"

resources contains r.id if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
}

deny contains {"msg": msg, "resource": r.id, "attribute": key} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	some key in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	on(r.body[key])
	msg := sprintf("storage account %s allows containers to be made public (%s = true)", [r.name, key])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	object.get(r.body, "allow_nested_items_to_be_public", null) == null
	object.get(r.body, "allow_blob_public_access", null) == null
	not v5_or_later
	msg := sprintf("storage account %s does not set allow_nested_items_to_be_public, which defaults to true in azurerm v3 and v4", [r.name])
}
