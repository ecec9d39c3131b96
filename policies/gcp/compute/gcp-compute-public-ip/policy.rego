# METADATA
# title: Instances have no external IP address
# description: >-
#   An instance with an external IP address is reachable from the internet on
#   any port a firewall rule opens, now or later; instances behind load
#   balancers, IAP and Cloud NAT need none.
# custom:
#   id: gcp-compute-public-ip
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Remove access_config from the network_interface; publish services through
#     a load balancer, reach instances with IAP, and use Cloud NAT for egress.
#   rationale:
#     CC6.6: Each external address is a direct entry point through the system boundary.
#     ITGC-LA-1: Network access to the host is not limited to private networks.
#   limitations: >-
#     Instances that must have a public address (bastions, NAT appliances) need
#     an exception; external IPv6 (ipv6_access_config) is not examined.
package assure.gcp.compute_public_ip

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in instances

attribute(0) := "network_interface.access_config"

attribute(i) := sprintf("network_interface[%d]", [i]) if i > 0

deny contains {"msg": msg, "resource": r.id, "attribute": attribute(i)} if {
	some r in instances
	nics := r.body.network_interface
	is_array(nics)
	some i, nic in nics
	configs := val(nic, "access_config", [])
	is_array(configs)
	count(configs) > 0
	msg := sprintf("%s gives network interface %d an external IP address (access_config)", [r.id, i])
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

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d
