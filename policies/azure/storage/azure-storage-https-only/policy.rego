# METADATA
# title: Storage accounts accept HTTPS only
# description: >-
#   A storage account that accepts plain HTTP lets account keys, SAS tokens
#   and the data itself cross the network unencrypted, where they can be read
#   or changed on the way.
# custom:
#   id: azure-storage-https-only
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account]
#   remediation: Remove https_traffic_only_enabled = false (enable_https_traffic_only before azurerm v4), or set it to true.
#   rationale:
#     CC6.7: An account that accepts HTTP transmits data and credentials without encryption, an exception to protecting data in transit.
#     ITGC-LA-3: Financial data sent over HTTP can be altered in transit without detection.
#   limitations: >-
#     The provider default (true) is assumed when the attribute is absent; a
#     value computed at apply time is not judged. Secure transfer changed
#     outside Terraform is not seen.
package assure.azure.storage_https_only

import data.assure.lib.terraform as tf
import rego.v1

# The v4 name and the name it replaced; both default to true.
keys := ["https_traffic_only_enabled", "enable_https_traffic_only"]

off(v) if v == false

off(v) if v == "false"

resources contains r.id if some r in tf.resources("azurerm_storage_account")

deny contains {"msg": msg, "resource": r.id, "attribute": key} if {
	some r in tf.resources("azurerm_storage_account")
	some key in keys
	off(object.get(r.body, key, true))
	msg := sprintf("storage account %s accepts plain HTTP (%s = false)", [r.name, key])
}
