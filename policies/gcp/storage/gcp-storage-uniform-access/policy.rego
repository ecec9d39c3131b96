# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: >-
#   Without uniform bucket-level access, per-object ACLs can grant access that
#   the bucket's IAM policy does not show, so nobody can tell from IAM alone
#   who can read the data.
# custom:
#   id: gcp-storage-uniform-access
#   severity: medium
#   soc2: [CC6.1, CC6.3]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket]
#   remediation: Set uniform_bucket_level_access = true on the bucket (it defaults to false) and grant access through IAM only.
#   rationale:
#     CC6.1: With object ACLs enabled, access to the data is not enforced through the IAM policy that access reviews examine.
#     CC6.3: Per-object ACLs can grant access outside the roles defined for the bucket, defeating least privilege.
#     ITGC-LA-1: Object-level grants hidden from IAM make it impossible to show access is restricted to authorized users.
#   limitations: >-
#     An organization policy (storage.uniformBucketLevelAccess) can enforce the
#     setting outside this configuration; a value held in an unevaluated
#     variable is not judged.
package assure.gcp.storage_uniform_access

import data.assure.lib.terraform as tf
import rego.v1

resources contains b.id if some b in tf.resources("google_storage_bucket")

# The current attribute, or bucket_policy_only (provider versions before 3.x).
setting(body) := ["uniform_bucket_level_access", body.uniform_bucket_level_access] if {
	has(body, "uniform_bucket_level_access")
} else := ["bucket_policy_only", body.bucket_policy_only] if {
	has(body, "bucket_policy_only")
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	not setting(b.body)
	msg := sprintf("bucket %s does not set uniform_bucket_level_access (the default is false: object ACLs stay enabled)", [b.name])
}

deny contains {"msg": msg, "resource": b.id, "attribute": s[0]} if {
	some b in tf.resources("google_storage_bucket")
	s := setting(b.body)
	s[1] in {false, "false"}
	msg := sprintf("bucket %s disables uniform bucket-level access, so object ACLs can grant access outside IAM", [b.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
