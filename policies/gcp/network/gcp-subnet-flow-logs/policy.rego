# METADATA
# title: VPC subnets record flow logs
# description: >-
#   Flow logs record the connections made to and from instances in a subnet;
#   without them, unusual traffic (scanning, exfiltration, lateral movement)
#   cannot be detected or reconstructed after an incident.
# custom:
#   id: gcp-subnet-flow-logs
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [google_compute_subnetwork]
#   remediation: Add a log_config block to the subnetwork (flow logs are off without it), keeping flow_sampling above 0.
#   rationale:
#     CC7.2: Network traffic in the subnet is not recorded, so anomalies in it cannot be monitored.
#     ITGC-OP-2: Network-level security events are not logged.
#   limitations: >-
#     Proxy-only and Private Service Connect subnets, where flow logs are not
#     supported, are skipped; flow logs configured by VPC Flow Logs
#     configurations in Network Management are not taken into account.
package assure.gcp.subnet_flow_logs

import data.assure.lib.terraform as tf
import rego.v1

# Flow logs apply to ordinary subnets only (not proxy-only or PSC subnets).
examined(body) if upper(val(body, "purpose", "PRIVATE")) in {"PRIVATE", "PRIVATE_RFC_1918"}

examined(body) if contains(val(body, "purpose", ""), "${")

subnets contains s if {
	some s in tf.resources("google_compute_subnetwork")
	examined(s.body)
}

resources contains s.id if some s in subnets

deny contains {"msg": msg, "resource": s.id} if {
	some s in subnets
	not is_array(s.body.log_config)
	not dynamic(s.body, "log_config")
	not tf.is_true(val(s.body, "enable_flow_logs", false))
	not unknown(val(s.body, "enable_flow_logs", false))
	msg := sprintf("subnetwork %s has no log_config block: VPC flow logs are off", [s.name])
}

deny contains {"msg": msg, "resource": s.id, "attribute": "log_config.flow_sampling"} if {
	some s in subnets
	tf.number(tf.block(s.body, "log_config").flow_sampling) == 0
	msg := sprintf("subnetwork %s samples no flows (flow_sampling = 0)", [s.name])
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
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
