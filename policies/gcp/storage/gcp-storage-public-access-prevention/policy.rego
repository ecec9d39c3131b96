# METADATA
# title: Cloud Storage buckets enforce public access prevention
# description: >-
#   Public access prevention stops any later IAM grant or ACL from making the
#   bucket's data public; left at "inherited", one mistaken grant to allUsers
#   exposes it unless an organization policy happens to enforce prevention.
# custom:
#   id: gcp-storage-public-access-prevention
#   severity: high
#   soc2: [CC6.6, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket]
#   remediation: Set public_access_prevention = "enforced" on the bucket (the default, "inherited", only applies the organization policy if there is one).
#   rationale:
#     CC6.6: Without prevention enforced, the bucket relies on every future grant being right to stay inside the boundary.
#     C1.1: Confidential data in a bucket that can be made public by a single grant is not protected from disclosure.
#     ITGC-LA-1: Nothing stops access to the data from being extended to unauthenticated users.
#   limitations: >-
#     The organization policy constraint storage.publicAccessPrevention may
#     enforce prevention for "inherited" buckets; it is not visible in this
#     configuration. Buckets meant to serve public content must be exempted.
package assure.gcp.storage_public_access_prevention

import data.assure.lib.terraform as tf
import rego.v1

resources contains b.id if some b in tf.resources("google_storage_bucket")

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	not has(b.body, "public_access_prevention")
	msg := sprintf("bucket %s does not set public_access_prevention (the default, inherited, enforces nothing without an organization policy)", [b.name])
}

deny contains {"msg": msg, "resource": b.id, "attribute": "public_access_prevention"} if {
	some b in tf.resources("google_storage_bucket")
	v := b.body.public_access_prevention
	is_string(v)
	not contains(v, "${")
	v != "enforced"
	msg := sprintf("bucket %s sets public_access_prevention to %s instead of enforced", [b.name, v])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
