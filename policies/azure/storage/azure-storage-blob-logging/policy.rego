# METADATA
# title: Storage accounts send blob access logs to Azure Monitor
# description: >-
#   Blob reads, writes and deletes are recorded only when a diagnostic setting
#   on the account's blob service sends resource logs somewhere; without one,
#   nobody can tell who read or removed data.
# custom:
#   id: azure-storage-blob-logging
#   severity: low
#   soc2: [CC7.2, C1.1]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account, azurerm_monitor_diagnostic_setting]
#   remediation: >-
#     Add an azurerm_monitor_diagnostic_setting with target_resource_id =
#     "${azurerm_storage_account.NAME.id}/blobServices/default" and
#     enabled_log blocks for StorageRead, StorageWrite and StorageDelete (or
#     category_group = "audit"), sent to a Log Analytics workspace or a log
#     storage account.
#   rationale:
#     CC7.2: Without blob resource logs, access to stored data cannot be monitored for anomalies.
#     C1.1: Access logs show who read confidential files, which protecting them requires.
#     ITGC-OP-2: Reads and deletions of financial data are not logged without a diagnostic setting.
#   limitations: >-
#     Only diagnostic settings in the same module that refer to the account are
#     found; settings deployed by Azure Policy or another module make this a
#     false finding (suppress it with a reason). In a plan, a computed target
#     keeps only its reference to the account, so a setting with logs is taken
#     as the blob service's. File-share-only accounts are not examined.
package assure.azure.storage_blob_logging

import data.assure.lib.terraform as tf
import rego.v1

applies(r) if object.get(r.body, "account_kind", "StorageV2") != "FileStorage"

enabled_logs(body) := [l |
	some key in ["enabled_log", "log"]
	blocks := object.get(body, key, [])
	is_array(blocks)
	some l in blocks
	object.get(l, "enabled", true) != false
]

logs_blobs(body) if count(enabled_logs(body)) > 0

logs_blobs(body) if body.dynamic.enabled_log

logs_blobs(body) if body.dynamic.log

logged(r) if {
	some d in tf.resources("azurerm_monitor_diagnostic_setting")
	tf.linked(d.body, "target_resource_id", "azurerm_storage_account", r.name)
	blob_target(d.body.target_resource_id)
	logs_blobs(d.body)
}

blob_target(s) if {
	is_string(s)
	contains(lower(s), "blobservices")
}

# A plan keeps only the reference of a computed target ("${azurerm_storage_account.x.id}"
# for "${azurerm_storage_account.x.id}/blobServices/default"); resource logs are only
# available on a service, so a setting with logs is taken as the blob service's.
blob_target(s) if {
	is_string(s)
	regex.match(`^[$][{][^}]*[}]$`, s)
}

resources contains r.id if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	not logged(r)
	msg := sprintf("storage account %s has no diagnostic setting that logs its blob service", [r.name])
}
