# METADATA
# title: Cloud Storage buckets encrypt with a customer-managed key
# description: >-
#   With Google-managed keys, access to the data cannot be revoked or audited
#   through key permissions; a customer-managed Cloud KMS key lets the
#   organization control, rotate and disable the key that protects the data.
# custom:
#   id: gcp-storage-cmek
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket]
#   remediation: Add an encryption block with default_kms_key_name set to a Cloud KMS key, and grant the Cloud Storage service agent use of it.
#   rationale:
#     CC6.1: Encryption keys for the data are not under the organization's own key management and access control.
#     C1.1: Confidential data cannot be made unreadable by revoking or disabling its key.
#     ITGC-LA-3: Protection of data at rest depends on a key the organization does not control.
#   limitations: >-
#     Data is still encrypted at rest with Google-managed keys; whether a bucket
#     holds data that requires customer-managed keys is not known from
#     configuration, so skip this control for buckets that do not.
package assure.gcp.storage_cmek

import data.assure.lib.terraform as tf
import rego.v1

resources contains b.id if some b in tf.resources("google_storage_bucket")

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	not has(tf.block(b.body, "encryption"), "default_kms_key_name")
	not dynamic(b.body, "encryption")
	msg := sprintf("bucket %s has no encryption.default_kms_key_name: objects use Google-managed keys", [b.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
