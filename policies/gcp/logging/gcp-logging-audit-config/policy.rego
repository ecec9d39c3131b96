# METADATA
# title: Data Access audit logs are enabled for all services without exemptions
# description: >-
#   Cloud Audit Logs record administrative changes by default but not who read
#   or changed data; without an allServices audit config for ADMIN_READ,
#   DATA_READ and DATA_WRITE, access to data leaves no trail.
# custom:
#   id: gcp-logging-audit-config
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform]
#   resource_types: [google_project_iam_audit_config, google_folder_iam_audit_config, google_organization_iam_audit_config, google_project]
#   remediation: >-
#     Add a google_project_iam_audit_config (or folder/organization) with
#     service = "allServices" and audit_log_config blocks for ADMIN_READ,
#     DATA_READ and DATA_WRITE, with no exempted_members.
#   rationale:
#     CC7.2: Reads and writes of data are not recorded, so anomalous access cannot be detected.
#     ITGC-OP-2: Security-relevant access events are not logged.
#     ITGC-DI-1: The audit trail of access to financial data is incomplete, or has exempted principals.
#   limitations: >-
#     An audit config at a folder or organization outside this configuration
#     may cover projects created here; a project passes when any folder or
#     organization allServices config is in the same module.
package assure.gcp.logging_audit_config

import data.assure.lib.terraform as tf
import rego.v1

config_types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

required := {"ADMIN_READ", "DATA_READ", "DATA_WRITE"}

configs contains r if {
	some t in config_types
	some r in tf.resources(t)
}

resources contains r.id if some r in configs

resources contains p.id if some p in tf.resources("google_project")

log_configs(body) := c if {
	c := body.audit_log_config
	is_array(c)
} else := []

deny contains {"msg": msg, "resource": r.id} if {
	some r in configs
	r.body.service == "allServices"
	types := {c.log_type | some c in log_configs(r.body)}
	missing := required - types
	not dynamic(r.body, "audit_log_config")
	count(missing) > 0
	msg := sprintf("%s does not log %s for allServices", [r.id, concat(", ", sort(missing))])
}

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("audit_log_config[%d]", [i])} if {
	some r in configs
	some i, c in log_configs(r.body)
	exempted := val(c, "exempted_members", [])
	is_array(exempted)
	count(exempted) > 0
	msg := sprintf("%s exempts %s from %s audit logging", [r.id, concat(", ", exempted), c.log_type])
}

# Whether an allServices audit config in the module covers the project.
inherited if {
	some t in ["google_folder_iam_audit_config", "google_organization_iam_audit_config"]
	some r in tf.resources(t)
	r.body.service == "allServices"
}

covers(config, p) if tf.references(config.project, "google_project", p.name)

covers(config, p) if {
	is_string(p.body.project_id)
	config.project == p.body.project_id
}

deny contains {"msg": msg, "resource": p.id} if {
	some p in tf.resources("google_project")
	not inherited
	not any_config(p)
	msg := sprintf("project %s has no allServices audit config: Data Access audit logs are off by default", [p.name])
}

any_config(p) if {
	some r in tf.resources("google_project_iam_audit_config")
	r.body.service == "allServices"
	covers(r.body, p)
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
