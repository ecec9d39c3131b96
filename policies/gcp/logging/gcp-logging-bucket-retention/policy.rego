# METADATA
# title: Cloud Logging buckets retain logs for at least a year
# description: >-
#   Log buckets keep entries for 30 days unless told otherwise; incidents are
#   often found months later, and by then the logs needed to investigate them
#   are gone.
# custom:
#   id: gcp-logging-bucket-retention
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-DI-1]
#   inputs: [terraform]
#   resource_types: [google_logging_project_bucket_config, google_logging_folder_bucket_config, google_logging_organization_bucket_config, google_logging_billing_account_bucket_config]
#   remediation: Set retention_days to 365 or more on the log bucket (the default is 30), and consider locked = true.
#   rationale:
#     CC7.2: Logs are deleted before investigations of anomalies detected later can use them.
#     ITGC-DI-1: The audit trail is not retained for the period audits and investigations need.
#   limitations: >-
#     The one-year threshold is this control's choice; logs also exported by a
#     sink to longer-lived storage are not taken into account.
package assure.gcp.logging_bucket_retention

import data.assure.lib.terraform as tf
import rego.v1

min_days := 365

bucket_types := ["google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config", "google_logging_billing_account_bucket_config"]

resources contains r.id if {
	some t in bucket_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in bucket_types
	some r in tf.resources(t)
	not has(r.body, "retention_days")
	msg := sprintf("log bucket %s does not set retention_days: logs are kept for the default 30 days", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "retention_days"} if {
	some t in bucket_types
	some r in tf.resources(t)
	days := tf.number(r.body.retention_days)
	days < min_days
	msg := sprintf("log bucket %s keeps logs for %v days, less than %d", [r.id, days, min_days])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
