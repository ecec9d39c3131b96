# METADATA
# title: Storage accounts log queue reads, writes and deletes
# description: >-
#   Storage analytics logging for the queue service records who read, added
#   or deleted messages; without it, misuse of a queue (messages injected or
#   removed with a leaked key) leaves no trace.
# custom:
#   id: azure-storage-queue-logging
#   severity: low
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_queue_properties]
#   remediation: >-
#     Add queue_properties { logging { read = true, write = true, delete = true,
#     version = "1.0", retention_policy_days = 90 } } to the account, or an
#     azurerm_storage_account_queue_properties resource with the same logging
#     block (azurerm v4 and later).
#   rationale:
#     CC7.2: Queue requests that are not logged cannot be monitored or investigated.
#     ITGC-OP-2: Unlogged access to queues that carry processing messages hides failed or unauthorized operations.
#   limitations: >-
#     Accounts of kinds without a queue service (BlobStorage, BlockBlobStorage,
#     FileStorage) are not examined. Diagnostic settings on the queue service
#     (Azure Monitor resource logs) are not considered here, and values computed
#     at apply time are not judged.
package assure.azure.storage_queue_logging

import data.assure.lib.terraform as tf
import rego.v1

ops := ["read", "write", "delete"]

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

applies(r) if not object.get(r.body, "account_kind", "StorageV2") in {"BlobStorage", "BlockBlobStorage", "FileStorage"}

missing(logging) := [op |
	some op in ops
	v := object.get(logging, op, false)
	not tf.is_true(v)
	not unknown(v)
]

# Some logging configuration exists for the account (or cannot be known).
covered(r) if count(tf.block(tf.block(r.body, "queue_properties"), "logging")) > 0

covered(r) if r.body.dynamic.queue_properties

covered(r) if tf.block(r.body, "queue_properties").dynamic.logging

covered(r) if unknown(object.get(tf.block(r.body, "queue_properties"), "logging", []))

covered(r) if unknown(object.get(r.body, "queue_properties", []))

covered(r) if count(tf.siblings("azurerm_storage_account_queue_properties", "storage_account_id", "azurerm_storage_account", r.name)) > 0

resources contains r.id if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
}

resources contains q.id if some q in tf.resources("azurerm_storage_account_queue_properties")

deny contains {"msg": msg, "resource": r.id, "attribute": "queue_properties"} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	not covered(r)
	msg := sprintf("storage account %s does not log queue requests (no queue_properties logging block)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "queue_properties.logging"} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	logging := tf.block(tf.block(r.body, "queue_properties"), "logging")
	count(logging) > 0
	gaps := missing(logging)
	count(gaps) > 0
	msg := sprintf("storage account %s does not log queue %s requests", [r.name, concat(", ", gaps)])
}

deny contains {"msg": msg, "resource": q.id} if {
	some q in tf.resources("azurerm_storage_account_queue_properties")
	count(tf.block(q.body, "logging")) == 0
	not q.body.dynamic.logging
	not unknown(object.get(q.body, "logging", []))
	msg := sprintf("%s sets no logging block, so queue requests are not logged", [q.id])
}

deny contains {"msg": msg, "resource": q.id, "attribute": "logging"} if {
	some q in tf.resources("azurerm_storage_account_queue_properties")
	logging := tf.block(q.body, "logging")
	count(logging) > 0
	gaps := missing(logging)
	count(gaps) > 0
	msg := sprintf("%s does not log queue %s requests", [q.id, concat(", ", gaps)])
}
