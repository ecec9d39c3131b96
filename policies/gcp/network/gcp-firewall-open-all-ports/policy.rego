# METADATA
# title: Firewall rules do not open every port to the internet
# description: >-
#   An ingress rule allowing all protocols, or every TCP/UDP port, from
#   0.0.0.0/0 exposes every service on the targeted instances, including ones
#   never meant to be reachable.
# custom:
#   id: gcp-firewall-open-all-ports
#   severity: critical
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_firewall, google_compute_firewall_policy_rule, google_compute_network_firewall_policy_rule, google_compute_region_network_firewall_policy_rule]
#   remediation: List only the protocols and ports the service needs (for example tcp 443), and restrict source_ranges where possible.
#   rationale:
#     CC6.6: Allowing every port from the internet removes the boundary protection for all services on the instances.
#     ITGC-LA-1: Every service on the targeted hosts is reachable by unauthenticated parties on the network.
#   limitations: >-
#     Which instances the rule reaches and whether a deny rule shadows it are
#     not evaluated; ranges held in unevaluated variables are not judged.
package assure.gcp.firewall_open_all_ports

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in rules

deny contains {"msg": msg, "resource": r.id, "attribute": r.attr} if {
	some r in rules
	open_to_world(r)
	wide := {a.protocol | some a in r.allows; every_port(a)}
	count(wide) > 0
	msg := sprintf("%s allows ingress from the internet on every port (protocol %s)", [r.id, concat(", ", sort(wide))])
}

# All protocols, or no ports listed, or one range over the whole port space.
every_port(a) if a.protocol == "all"

every_port(a) if {
	a.protocol in port_protocols
	is_array(a.ports)
	count(a.ports) == 0
}

every_port(a) if {
	a.protocol in port_protocols
	is_array(a.ports)
	some entry in a.ports
	covers(entry, 1)
	covers(entry, 65535)
}

world(cidr) if cidr in {"0.0.0.0/0", "::/0"}

# Ingress allow rules, in one shape: VPC firewall rules and firewall policy
# rules (hierarchical, global and regional network firewall policies).
rules contains {"id": r.id, "name": r.name, "attr": "source_ranges", "cidrs": cidrs, "allows": allows} if {
	some r in tf.resources("google_compute_firewall")
	upper(val(r.body, "direction", "INGRESS")) == "INGRESS"
	not tf.is_true(val(r.body, "disabled", false))
	cidrs := list(val(r.body, "source_ranges", []))
	allows := [{"protocol": lower(sprintf("%v", [val(a, "protocol", "")])), "ports": val(a, "ports", [])} |
		some a in list(val(r.body, "allow", []))
	]
}

policy_rule_types := ["google_compute_firewall_policy_rule", "google_compute_network_firewall_policy_rule", "google_compute_region_network_firewall_policy_rule"]

rules contains {"id": r.id, "name": r.name, "attr": "match.src_ip_ranges", "cidrs": cidrs, "allows": allows} if {
	some t in policy_rule_types
	some r in tf.resources(t)
	lower(val(r.body, "action", "")) == "allow"
	upper(val(r.body, "direction", "")) == "INGRESS"
	not tf.is_true(val(r.body, "disabled", false))
	match := tf.block(r.body, "match")
	cidrs := list(val(match, "src_ip_ranges", []))
	allows := [{"protocol": lower(sprintf("%v", [val(l, "ip_protocol", "")])), "ports": val(l, "ports", [])} |
		some l in list(val(match, "layer4_configs", []))
	]
}

list(v) := v if is_array(v)

list(v) := [] if not is_array(v)

open_to_world(r) if {
	some cidr in r.cidrs
	world(cidr)
}

# Protocols that carry TCP/UDP ports ("all" and protocol numbers included).
port_protocols := {"tcp", "udp", "sctp", "all", "6", "17", "132"}

# Whether a ports list entry ("22", "1000-2000", or a number) covers port p.
covers(entry, p) if tf.number(entry) == p

covers(entry, p) if {
	is_string(entry)
	bounds := split(entry, "-")
	count(bounds) == 2
	tf.number(trim_space(bounds[0])) <= p
	p <= tf.number(trim_space(bounds[1]))
}

# Whether an allow entry reaches port p (no ports listed means every port).
reaches(a, p) if {
	a.protocol == "all"
}

reaches(a, p) if {
	a.protocol in port_protocols
	is_array(a.ports)
	count(a.ports) == 0
}

reaches(a, p) if {
	a.protocol in port_protocols
	is_array(a.ports)
	some entry in a.ports
	covers(entry, p)
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
