# METADATA
# title: Instances do not run as the default service account with full API access
# description: >-
#   The Compute Engine default service account has the project Editor role by
#   default; with the cloud-platform scope, anyone who gets code running on the
#   instance can use that role against every API in the project.
# custom:
#   id: gcp-compute-default-service-account
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Set service_account.email to a dedicated least-privilege service account
#     (leaving email out selects the default one), or restrict the scopes.
#   rationale:
#     CC6.3: The instance's workload gets Editor-level access to the whole project instead of the permissions it needs.
#     ITGC-LA-2: Anyone who compromises the instance inherits privileged access to all project resources.
#   limitations: >-
#     Whether the default service account still holds the Editor role (the
#     automatic grant can be disabled by organization policy) is not known
#     from configuration.
package assure.gcp.compute_default_service_account

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in instances

full_scopes := {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}

# Without an email, the instance uses the Compute Engine default account.
default_account(sa) if not has(sa, "email")

default_account(sa) if sa.email in {"", "default"}

default_account(sa) if {
	is_string(sa.email)
	endswith(sa.email, "-compute@developer.gserviceaccount.com")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "service_account.scopes"} if {
	some r in instances
	sa := tf.block(r.body, "service_account")
	sa != {}
	default_account(sa)
	scopes := sa.scopes
	is_array(scopes)
	some s in scopes
	s in full_scopes
	msg := sprintf("%s runs as the Compute Engine default service account with the cloud-platform scope", [r.id])
}

instance_types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

instances contains r if {
	some t in instance_types
	some r in tf.resources(t)
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

truthy(v) if lower(sprintf("%v", [v])) in {"true", "1", "yes", "y", "on"}

falsy(v) if lower(sprintf("%v", [v])) in {"false", "0", "no", "n", "off"}

metadata(body) := body.metadata if is_object(body.metadata)

else := {}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
