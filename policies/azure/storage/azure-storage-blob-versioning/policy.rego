# METADATA
# title: Storage accounts keep blob versions
# description: >-
#   Without versioning, overwriting a blob (by mistake, by a faulty job or by
#   ransomware encrypting it in place) destroys the previous content; blob
#   versioning keeps earlier versions to restore.
# custom:
#   id: azure-storage-blob-versioning
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account]
#   remediation: Set blob_properties { versioning_enabled = true } on the account (with a lifecycle rule to expire old versions).
#   rationale:
#     A1.2: Versioning keeps prior copies of blobs from which overwritten data is recovered.
#     CC7.5: Data overwritten or encrypted by an attacker can be restored from previous versions.
#     ITGC-OP-1: Earlier versions of financial records remain restorable after an overwrite.
#   limitations: >-
#     File-share-only accounts (FileStorage) and Data Lake accounts with a
#     hierarchical namespace, where versioning does not apply in the same way,
#     are not examined. Values computed at apply time are not judged.
package assure.azure.storage_blob_versioning

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

applies(r) if {
	object.get(r.body, "account_kind", "StorageV2") != "FileStorage"
	not tf.is_true(object.get(r.body, "is_hns_enabled", false))
}

versioned(r) if tf.is_true(tf.block(r.body, "blob_properties").versioning_enabled)

versioned(r) if unknown(tf.block(r.body, "blob_properties").versioning_enabled)

versioned(r) if r.body.dynamic.blob_properties

versioned(r) if unknown(object.get(r.body, "blob_properties", []))

resources contains r.id if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "blob_properties.versioning_enabled"} if {
	some r in tf.resources("azurerm_storage_account")
	applies(r)
	not versioned(r)
	msg := sprintf("storage account %s does not enable blob versioning (versioning_enabled defaults to false)", [r.name])
}
