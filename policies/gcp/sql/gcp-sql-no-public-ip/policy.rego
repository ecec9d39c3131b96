# METADATA
# title: Cloud SQL instances have no public IP address
# description: >-
#   A public IPv4 address makes the database reachable from the internet
#   (through authorized networks or the connectors) instead of only from the
#   VPC, widening who can attempt to connect.
# custom:
#   id: gcp-sql-no-public-ip
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     Set settings.ip_configuration.ipv4_enabled = false (it defaults to true)
#     and connect through private_network (private services access) or Private
#     Service Connect.
#   rationale:
#     CC6.6: A database with a public address sits outside the private network boundary.
#     ITGC-LA-1: Network access to the database is not limited to the organization's private networks.
#   limitations: >-
#     Whether connections through the public address are limited to the Cloud
#     SQL Auth Proxy or connectors (no authorized networks) is not weighed here;
#     see gcp-sql-authorized-networks-open.
package assure.gcp.sql_no_public_ip

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("google_sql_database_instance")

ip_configuration(body) := tf.block(tf.block(body, "settings"), "ip_configuration")

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("google_sql_database_instance")
	not has(ip_configuration(r.body), "ipv4_enabled")
	not dynamic(r.body, "settings")
	not dynamic(tf.block(r.body, "settings"), "ip_configuration")
	msg := sprintf("Cloud SQL instance %s does not set ip_configuration.ipv4_enabled (the default, true, assigns a public IP)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "settings.ip_configuration.ipv4_enabled"} if {
	some r in tf.resources("google_sql_database_instance")
	tf.is_true(ip_configuration(r.body).ipv4_enabled)
	msg := sprintf("Cloud SQL instance %s has a public IPv4 address (ipv4_enabled = true)", [r.name])
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
