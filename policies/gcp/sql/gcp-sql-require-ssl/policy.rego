# METADATA
# title: Cloud SQL instances accept encrypted connections only
# description: >-
#   Unless SSL/TLS is enforced, clients may connect in plain text, and database
#   credentials and query results cross the network readable by anyone on the
#   path.
# custom:
#   id: gcp-sql-require-ssl
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     Set settings.ip_configuration.ssl_mode = "ENCRYPTED_ONLY" (or
#     "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"); the default allows unencrypted
#     connections. Older providers use require_ssl = true.
#   rationale:
#     CC6.7: Data and credentials sent to the database may travel unencrypted.
#     ITGC-LA-3: Financial data in transit to and from the database is not protected from interception or change.
#   limitations: >-
#     Connections through the Cloud SQL Auth Proxy or connectors are encrypted
#     regardless; whether clients use them cannot be seen in configuration.
package assure.gcp.sql_require_ssl

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("google_sql_database_instance")

ip_configuration(body) := tf.block(tf.block(body, "settings"), "ip_configuration")

encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

enforced(ip) if ip.ssl_mode in encrypted_modes

enforced(ip) if unknown(ip.ssl_mode)

enforced(ip) if {
	not has(ip, "ssl_mode")
	tf.is_true(ip.require_ssl)
}

enforced(ip) if {
	not has(ip, "ssl_mode")
	unknown(ip.require_ssl)
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some r in tf.resources("google_sql_database_instance")
	ip := ip_configuration(r.body)
	not enforced(ip)
	not dynamic(r.body, "settings")
	not dynamic(tf.block(r.body, "settings"), "ip_configuration")
	attr := setting(ip)
	msg := sprintf("Cloud SQL instance %s does not require SSL: ssl_mode is %s", [r.name, val(ip, "ssl_mode", "not set (the default allows unencrypted connections)")])
}

setting(ip) := "settings.ip_configuration.ssl_mode" if has(ip, "ssl_mode")

else := "settings.ip_configuration.require_ssl" if has(ip, "require_ssl")

else := ""

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
