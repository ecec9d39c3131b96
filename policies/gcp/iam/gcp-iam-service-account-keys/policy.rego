# METADATA
# title: Service accounts have no user-managed keys
# description: >-
#   A user-managed service account key is a long-lived credential that works
#   from anywhere until it is deleted; keys end up in repositories, laptops and
#   CI logs, and whoever holds one acts as the service account.
# custom:
#   id: gcp-iam-service-account-keys
#   severity: medium
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_service_account_key, google_service_account]
#   remediation: >-
#     Remove the google_service_account_key and authenticate workloads with
#     attached service accounts, Workload Identity or Workload Identity
#     Federation; enforce iam.disableServiceAccountKeyCreation.
#   rationale:
#     CC6.1: Access through an exportable, long-lived key is not bound to the workload and can be used by whoever obtains it.
#     ITGC-LA-1: Access with a copied key cannot be restricted to the authorized workload.
#   limitations: >-
#     Keys created outside Terraform (console, gcloud) are not seen; the key's
#     private material also lands in Terraform state.
package assure.gcp.iam_service_account_keys

import data.assure.lib.terraform as tf
import rego.v1

resources contains k.id if some k in tf.resources("google_service_account_key")

# Service accounts are examined too: they pass unless a key is created for them
# (the finding is on the key).
resources contains a.id if some a in tf.resources("google_service_account")

deny contains {"msg": msg, "resource": k.id} if {
	some k in tf.resources("google_service_account_key")
	msg := sprintf("%s creates a user-managed key for %s", [k.id, val(k.body, "service_account_id", "a service account")])
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
