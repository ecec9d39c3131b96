# METADATA
# title: BigQuery datasets encrypt tables with a customer-managed key
# description: >-
#   With Google-managed keys, the organization cannot revoke or audit access to
#   the data through its own key; a default Cloud KMS key on the dataset
#   covers every new table.
# custom:
#   id: gcp-bigquery-cmek
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_bigquery_dataset]
#   remediation: Add default_encryption_configuration { kms_key_name = <Cloud KMS key id> } to the dataset.
#   rationale:
#     CC6.1: Encryption keys for the data are not under the organization's own key management.
#     C1.1: Confidential data cannot be made unreadable by revoking or disabling its key.
#     ITGC-LA-3: Protection of data at rest depends on a key the organization does not control.
#   limitations: >-
#     Data is still encrypted at rest by Google; keys set per table are not
#     seen, and whether a dataset holds data requiring customer keys is not
#     known from configuration.
package assure.gcp.bigquery_cmek

import data.assure.lib.terraform as tf
import rego.v1

resources contains d.id if some d in tf.resources("google_bigquery_dataset")

deny contains {"msg": msg, "resource": d.id} if {
	some d in tf.resources("google_bigquery_dataset")
	not has(tf.block(d.body, "default_encryption_configuration"), "kms_key_name")
	not dynamic(d.body, "default_encryption_configuration")
	msg := sprintf("dataset %s has no default_encryption_configuration.kms_key_name: tables use Google-managed keys", [d.name])
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
