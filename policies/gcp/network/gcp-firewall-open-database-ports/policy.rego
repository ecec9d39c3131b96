# METADATA
# title: Firewall rules do not open database ports to the internet
# description: >-
#   Database and cache ports (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB,
#   Redis, Elasticsearch and others) reachable from 0.0.0.0/0 let anyone try to
#   log in to, or read from, the data stores behind them.
# custom:
#   id: gcp-firewall-open-database-ports
#   severity: critical
#   soc2: [CC6.6, C1.1]
#   soc1: [ITGC-LA-1, ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_compute_firewall, google_compute_firewall_policy_rule, google_compute_network_firewall_policy_rule, google_compute_region_network_firewall_policy_rule]
#   remediation: Restrict source_ranges to the application's subnets or known networks; reach databases through private IP or a proxy.
#   rationale:
#     CC6.6: A database port open to the internet is an entry point through the system boundary straight to stored data.
#     C1.1: Confidential data in the database is reachable by anyone who can guess or steal a credential.
#     ITGC-LA-1: Access to the data store is not restricted to authorized networks.
#     ITGC-LA-3: Data can be changed by unauthorized parties reaching the database from anywhere.
#   limitations: >-
#     Only well-known default ports are recognized; which instances the rule
#     reaches and whether a deny rule shadows it are not evaluated.
package assure.gcp.firewall_open_database_ports

import data.assure.lib.terraform as tf
import rego.v1

database_ports := {
	1433: "SQL Server", 1521: "Oracle", 3306: "MySQL", 5432: "PostgreSQL",
	5984: "CouchDB", 6379: "Redis", 9042: "Cassandra", 9200: "Elasticsearch",
	11211: "Memcached", 27017: "MongoDB",
}

resources contains r.id if some r in rules

deny contains {"msg": msg, "resource": r.id, "attribute": r.attr} if {
	some r in rules
	open_to_world(r)
	ports := {p | some p, _ in database_ports; some a in r.allows; reaches(a, p)}
	count(ports) > 0
	exposed := [sprintf("%d (%s)", [p, database_ports[p]]) | some p in sort(ports)]
	msg := sprintf("%s allows ingress from the internet to database port %s", [r.id, concat(", ", exposed)])
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
