# METADATA
# title: Instances do not forward IP packets
# description: >-
#   With IP forwarding on, an instance can send and receive packets for
#   addresses that are not its own, so a compromised instance can route or
#   spoof traffic around the VPC's firewall rules.
# custom:
#   id: gcp-compute-ip-forwarding
#   severity: medium
#   soc2: [CC6.6]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: Remove can_ip_forward = true (it defaults to false) unless the instance is a NAT or network appliance, and document that exception.
#   rationale:
#     CC6.6: Forwarding lets traffic move between networks through the instance, bypassing boundary controls.
#   limitations: >-
#     NAT gateways, VPN and firewall appliances need IP forwarding and must be
#     accepted as exceptions; GKE nodes are not examined.
package assure.gcp.compute_ip_forwarding

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in instances

deny contains {"msg": msg, "resource": r.id, "attribute": "can_ip_forward"} if {
	some r in instances
	tf.is_true(r.body.can_ip_forward)
	msg := sprintf("%s enables IP forwarding (can_ip_forward = true)", [r.id])
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
