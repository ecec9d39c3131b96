# METADATA
# title: Cloud Storage buckets write usage logs
# description: >-
#   Usage (access) logs record who downloaded or changed objects, including
#   anonymous requests that Cloud Audit Logs do not capture; without them an
#   incident on the bucket cannot be investigated.
# custom:
#   id: gcp-storage-access-logging
#   severity: low
#   soc2: [CC7.2, C1.1]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket]
#   remediation: Add a logging block with log_bucket set to a dedicated log bucket (or enable Data Access audit logs for Cloud Storage).
#   rationale:
#     CC7.2: Requests against the bucket are not recorded, so anomalous access cannot be detected or investigated.
#     C1.1: Access to confidential data cannot be reconstructed without access logs.
#     ITGC-OP-2: Security events on the bucket are not logged.
#   limitations: >-
#     Data Access audit logs for storage.googleapis.com, configured at project,
#     folder or organization level, also record authenticated access and are
#     not taken into account; buckets that receive other buckets' logs are exempt.
package assure.gcp.storage_access_logging

import data.assure.lib.terraform as tf
import rego.v1

# A bucket receiving usage logs does not log to itself.
log_targets contains b.name if {
	some b in tf.resources("google_storage_bucket")
	some other in tf.resources("google_storage_bucket")
	tf.references(tf.block(other.body, "logging").log_bucket, "google_storage_bucket", b.name)
}

log_targets contains b.name if {
	some b in tf.resources("google_storage_bucket")
	name := b.body.name
	is_string(name)
	some other in tf.resources("google_storage_bucket")
	tf.block(other.body, "logging").log_bucket == name
}

resources contains b.id if {
	some b in tf.resources("google_storage_bucket")
	not b.name in log_targets
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	not b.name in log_targets
	not has(tf.block(b.body, "logging"), "log_bucket")
	not dynamic(b.body, "logging")
	msg := sprintf("bucket %s has no logging block: usage logs are not written", [b.name])
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
