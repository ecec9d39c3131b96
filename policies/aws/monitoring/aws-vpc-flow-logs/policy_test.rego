package assure.aws.vpc_flow_logs_test

import data.assure.aws.vpc_flow_logs as fl
import rego.v1

test_vpc_without_flow_log_fails if {
	count(fl.deny) == 1 with input as {"resource": {"aws_vpc": {"main": [{"cidr_block": "10.0.0.0/16"}]}}}
	count(fl.deny) == 1 with input as {"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {}}}}
}

test_vpc_with_flow_log_passes if {
	inp := {"resource": {"aws_vpc": {"main": [{}]}, "aws_flow_log": {"main": [{"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL"}]}}}
	count(fl.deny) == 0 with input as inp
	cfn := {"Resources": {"V": {"Type": "AWS::EC2::VPC"}, "L": {"Type": "AWS::EC2::FlowLog", "Properties": {"ResourceId": {"Ref": "V"}, "ResourceType": "VPC"}}}}
	count(fl.deny) == 0 with input as cfn
}

test_count_indexed_references_pass if {
	inp := {"resource": {"aws_vpc": {"this": [{"count": "${var.create ? 1 : 0}"}]}, "aws_flow_log": {"this": [{"vpc_id": "${aws_vpc.this[0].id}"}]}}}
	count(fl.deny) == 0 with input as inp
}
