package assure.aws.sg_open_admin_ports_test

import data.assure.aws.sg_open_admin_ports as sg
import rego.v1

group(ingress) := {"resource": {"aws_security_group": {"web": [{"ingress": ingress}]}}}

test_ssh_from_anywhere_fails if {
	count(sg.deny) == 1 with input as group([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])
}

test_https_from_anywhere_passes if {
	count(sg.deny) == 0 with input as group([{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])
}

test_ssh_from_office_passes if {
	count(sg.deny) == 0 with input as group([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.20.0.0/16"]}])
}

test_all_protocols_and_wide_ranges_fail if {
	count(sg.deny) == 1 with input as group([{"from_port": 0, "to_port": 0, "protocol": "-1", "ipv6_cidr_blocks": ["::/0"]}])
	count(sg.deny) == 1 with input as group([{"from_port": 3000, "to_port": 4000, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}])
}

test_standalone_rule_resources if {
	inp := {"resource": {"aws_security_group_rule": {"ssh": [{"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}}}
	count(sg.deny) == 1 with input as inp
}

test_cloudformation if {
	inp := {"Resources": {"Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "0.0.0.0/0"}]}}}}
	count(sg.deny) == 1 with input as inp
}
