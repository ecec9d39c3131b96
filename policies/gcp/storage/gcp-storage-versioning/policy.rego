# METADATA
# title: Cloud Storage buckets keep object versions
# description: >-
#   Without versioning, an overwrite or delete (by mistake, a faulty job or
#   ransomware) destroys the only copy of an object; noncurrent versions allow
#   restoring it.
# custom:
#   id: gcp-storage-versioning
#   severity: medium
#   soc2: [A1.2, CC7.5, PI1.5]
#   soc1: [ITGC-OP-1, ITGC-DI-2]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket]
#   remediation: Add versioning { enabled = true } to the bucket (versioning is off by default), with a lifecycle rule limiting noncurrent versions.
#   rationale:
#     A1.2: Without versions there is no recovery point for objects that are overwritten or deleted.
#     CC7.5: Data tampered with or deleted during an incident cannot be restored from earlier versions.
#     PI1.5: Stored records can be silently replaced, with no prior version kept.
#     ITGC-OP-1: Objects lost to overwrite or deletion cannot be restored.
#     ITGC-DI-2: Records can be overwritten or deleted with no retained copy.
#   limitations: >-
#     Backups made by other means (transfer jobs, replication to another
#     bucket) are not seen; a value held in an unevaluated variable is not judged.
package assure.gcp.storage_versioning

import data.assure.lib.terraform as tf
import rego.v1

resources contains b.id if some b in tf.resources("google_storage_bucket")

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	not has(tf.block(b.body, "versioning"), "enabled")
	not dynamic(b.body, "versioning")
	msg := sprintf("bucket %s does not enable versioning (off by default)", [b.name])
}

deny contains {"msg": msg, "resource": b.id, "attribute": "versioning.enabled"} if {
	some b in tf.resources("google_storage_bucket")
	tf.block(b.body, "versioning").enabled in {false, "false"}
	msg := sprintf("bucket %s disables versioning", [b.name])
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
