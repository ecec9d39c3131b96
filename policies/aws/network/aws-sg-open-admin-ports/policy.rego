# METADATA
# title: Security groups do not open SSH, RDP or all ports to the internet
# description: >-
#   Administrative ports reachable from 0.0.0.0/0 or ::/0 expose hosts to
#   brute force and exploitation from anywhere: the system boundary must
#   restrict them to known networks or a bastion.
# custom:
#   id: aws-sg-open-admin-ports
#   severity: critical
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, AWS::EC2::SecurityGroup, AWS::EC2::SecurityGroupIngress]
#   remediation: >-
#     Restrict the rule's CIDR blocks to known networks, or reach hosts through
#     SSM Session Manager or a bastion instead of opening ports 22 and 3389.
#   rationale:
#     CC6.6: >-
#       SSH, RDP or every port reachable from 0.0.0.0/0 or ::/0 exposes hosts to
#       the whole internet, the failure of boundary protection CC6.6 is about.
#     ITGC-LA-1: >-
#       With administrative ports open to any address, only the host's own login
#       stands between anyone on the internet and the system.
#   limitations: >-
#     Whether the group is attached to anything, whether the hosts have public
#     addresses and whether network ACLs or firewalls stand in front are not
#     known; CIDR blocks unknown before apply cannot be judged, and other ports
#     (database ports among them) are reported only when the same rule also opens
#     22, 3389 or every protocol.
package assure.aws.sg_open_admin_ports

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

admin_ports := {22, 3389}

world(cidr) if cidr in {"0.0.0.0/0", "::/0"}

to_number_or(v, d) := n if {
	n := to_number(v)
} else := d

# Whether a rule's port range covers an admin port, or all ports.
exposes(from, to, protocol) := port if {
	protocol in {"-1", "all", -1}
	port := "all ports"
} else := port if {
	some p in admin_ports
	to_number_or(from, 65536) <= p
	p <= to_number_or(to, -1)
	port := sprintf("port %d", [p])
}

# Inline ingress blocks of aws_security_group, and aws_security_group_rule /
# aws_vpc_security_group_ingress_rule resources.
tf_rules contains {"id": sg.id, "name": sg.name, "attr": "ingress", "rule": rule, "cidrs": cidrs} if {
	some sg in tf.resources("aws_security_group")
	is_array(sg.body.ingress)
	some rule in sg.body.ingress
	cidrs := array.concat(object.get(rule, "cidr_blocks", []), object.get(rule, "ipv6_cidr_blocks", []))
}

tf_rules contains {"id": r.id, "name": r.name, "attr": "cidr_blocks", "rule": r.body, "cidrs": cidrs} if {
	some r in tf.resources("aws_security_group_rule")
	r.body.type == "ingress"
	cidrs := array.concat(object.get(r.body, "cidr_blocks", []), object.get(r.body, "ipv6_cidr_blocks", []))
}

tf_rules contains {"id": r.id, "name": r.name, "attr": "cidr_ipv4", "rule": rule, "cidrs": cidrs} if {
	some r in tf.resources("aws_vpc_security_group_ingress_rule")
	rule := {"from_port": object.get(r.body, "from_port", 0), "to_port": object.get(r.body, "to_port", 65535), "protocol": r.body.ip_protocol}
	cidrs := [c | some k in ["cidr_ipv4", "cidr_ipv6"]; c := r.body[k]]
}

resources contains r.id if some r in tf_rules

deny contains {"msg": msg, "resource": r.id, "attribute": r.attr} if {
	some r in tf_rules
	some cidr in r.cidrs
	world(cidr)
	what := exposes(object.get(r.rule, "from_port", 0), object.get(r.rule, "to_port", 0), sprintf("%v", [object.get(r.rule, "protocol", "tcp")]))
	msg := sprintf("%s allows ingress from %s to %s", [r.id, cidr, what])
}

cfn_rules contains {"id": sg.id, "rule": rule} if {
	some sg in cfn.resources("AWS::EC2::SecurityGroup")
	is_array(sg.props.SecurityGroupIngress)
	some rule in sg.props.SecurityGroupIngress
}

cfn_rules contains {"id": r.id, "rule": r.props} if some r in cfn.resources("AWS::EC2::SecurityGroupIngress")

resources contains r.id if some r in cfn_rules

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties"} if {
	some r in cfn_rules
	some key in ["CidrIp", "CidrIpv6"]
	cidr := r.rule[key]
	world(cidr)
	what := exposes(object.get(r.rule, "FromPort", 0), object.get(r.rule, "ToPort", 0), sprintf("%v", [object.get(r.rule, "IpProtocol", "tcp")]))
	msg := sprintf("%s allows ingress from %s to %s", [r.id, cidr, what])
}
