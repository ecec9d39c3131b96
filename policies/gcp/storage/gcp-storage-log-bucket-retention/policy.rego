# METADATA
# title: Buckets that receive logs keep them under a locked retention policy
# description: >-
#   A bucket that stores exported logs or usage logs is an audit record: without
#   a locked retention policy, anyone with storage admin rights can delete or
#   shorten the evidence of what happened.
# custom:
#   id: gcp-storage-log-bucket-retention
#   severity: medium
#   soc2: [CC7.2, PI1.5]
#   soc1: [ITGC-DI-1, ITGC-DI-2]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket, google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink, google_logging_billing_account_sink]
#   remediation: >-
#     Give the log bucket a retention_policy with the retention period your
#     policy requires (for example 365 days) and is_locked = true (locking
#     cannot be undone).
#   rationale:
#     CC7.2: Logs needed to investigate anomalies can be deleted before the investigation needs them.
#     PI1.5: Stored log records are not protected from deletion for their retention period.
#     ITGC-DI-1: The audit trail is not tamper-evident or retained if it can be deleted at will.
#     ITGC-DI-2: Log records can be deleted before their retention ends.
#   limitations: >-
#     Only buckets that a log sink or another bucket's logging block in the same
#     module points to are examined; sinks defined elsewhere are not seen.
package assure.gcp.storage_log_bucket_retention

import data.assure.lib.terraform as tf
import rego.v1

sink_types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink"]

# Buckets a log sink exports to (destination storage.googleapis.com/<bucket>).
log_buckets contains b.name if {
	some b in tf.resources("google_storage_bucket")
	some t in sink_types
	some s in tf.resources(t)
	dest := val(s.body, "destination", "")
	is_string(dest)
	startswith(dest, "storage.googleapis.com/")
	receives(dest, b)
}

# Buckets that receive other buckets' usage logs.
log_buckets contains b.name if {
	some b in tf.resources("google_storage_bucket")
	some other in tf.resources("google_storage_bucket")
	dest := tf.block(other.body, "logging").log_bucket
	receives(dest, b)
}

receives(dest, b) if tf.references(dest, "google_storage_bucket", b.name)

receives(dest, b) if {
	name := b.body.name
	is_string(name)
	not contains(name, "${")
	dest in {name, concat("", ["storage.googleapis.com/", name])}
}

resources contains b.id if {
	some b in tf.resources("google_storage_bucket")
	b.name in log_buckets
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("google_storage_bucket")
	b.name in log_buckets
	tf.block(b.body, "retention_policy") == {}
	not dynamic(b.body, "retention_policy")
	msg := sprintf("bucket %s receives logs but has no retention_policy: logs can be deleted at any time", [b.name])
}

deny contains {"msg": msg, "resource": b.id, "attribute": "retention_policy.is_locked"} if {
	some b in tf.resources("google_storage_bucket")
	b.name in log_buckets
	policy := tf.block(b.body, "retention_policy")
	policy != {}
	not locked(policy)
	msg := sprintf("bucket %s receives logs but its retention policy is not locked (is_locked defaults to false), so it can be shortened or removed", [b.name])
}

locked(policy) if tf.is_true(policy.is_locked)

locked(policy) if {
	is_string(policy.is_locked)
	contains(policy.is_locked, "${")
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
