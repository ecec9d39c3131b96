# METADATA
# title: VPC subnets enable Private Google Access
# description: >-
#   Without Private Google Access, instances without external IP addresses
#   cannot reach Google APIs, which pushes teams to give them public IPs or
#   route API traffic through internet egress.
# custom:
#   id: gcp-subnet-private-google-access
#   severity: low
#   soc2: [CC6.6]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_compute_subnetwork]
#   remediation: Set private_ip_google_access = true on the subnetwork (it defaults to false).
#   rationale:
#     CC6.6: Without it, workloads need external addresses or internet egress to reach Google APIs, widening the system boundary.
#   limitations: >-
#     Proxy-only and Private Service Connect subnets are skipped; Private Service
#     Connect endpoints for Google APIs configured elsewhere are not seen.
package assure.gcp.subnet_private_google_access

import data.assure.lib.terraform as tf
import rego.v1

examined(body) if upper(val(body, "purpose", "PRIVATE")) in {"PRIVATE", "PRIVATE_RFC_1918"}

examined(body) if contains(val(body, "purpose", ""), "${")

subnets contains s if {
	some s in tf.resources("google_compute_subnetwork")
	examined(s.body)
}

resources contains s.id if some s in subnets

deny contains {"msg": msg, "resource": s.id} if {
	some s in subnets
	not has(s.body, "private_ip_google_access")
	msg := sprintf("subnetwork %s does not set private_ip_google_access (the default is false)", [s.name])
}

deny contains {"msg": msg, "resource": s.id, "attribute": "private_ip_google_access"} if {
	some s in subnets
	s.body.private_ip_google_access in {false, "false"}
	msg := sprintf("subnetwork %s disables Private Google Access", [s.name])
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
