# METADATA
# title: Firewall rules do not open SSH or RDP to the internet
# description: >-
#   SSH (22) and RDP (3389) reachable from 0.0.0.0/0 expose instances to brute
#   force and exploitation from anywhere; administrative access must come from
#   known networks, Identity-Aware Proxy or a bastion.
# custom:
#   id: gcp-firewall-open-admin-ports
#   severity: critical
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_firewall, google_compute_firewall_policy_rule, google_compute_network_firewall_policy_rule, google_compute_region_network_firewall_policy_rule]
#   remediation: >-
#     Restrict source_ranges to known networks, or reach instances through IAP
#     TCP forwarding (source 35.235.240.0/20) instead of opening 22 and 3389.
#   rationale:
#     CC6.6: Administrative ports open to the internet are an unprotected entry point through the system boundary.
#     CC6.1: Logon services exposed to anyone rely on credentials alone, with no network-level access restriction.
#     ITGC-LA-1: Administrative access to hosts is not restricted to authorized networks.
#   limitations: >-
#     Which instances the rule reaches (target tags, service accounts) and
#     whether a higher-priority deny rule shadows it are not evaluated; ranges
#     held in unevaluated variables are not judged.
package assure.gcp.firewall_open_admin_ports

import data.assure.lib.terraform as tf
import rego.v1

admin_ports := {22: "SSH", 3389: "RDP"}

resources contains r.id if some r in rules

deny contains {"msg": msg, "resource": r.id, "attribute": r.attr} if {
	some r in rules
	open_to_world(r)
	ports := {p | some p, _ in admin_ports; some a in r.allows; reaches(a, p)}
	count(ports) > 0
	exposed := [sprintf("%d (%s)", [p, admin_ports[p]]) | some p in sort(ports)]
	msg := sprintf("%s allows ingress from the internet to port %s", [r.id, concat(", ", exposed)])
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

# Protocols that carry TCP ports ("all" and the protocol number included).
port_protocols := {"tcp", "all", "6"}

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
