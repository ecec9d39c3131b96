package assure.aws.ec2_root_volume_encryption_test

import data.assure.aws.ec2_root_volume_encryption as p
import rego.v1

instance(body) := {"resource": {"aws_instance": {"web": [object.union({"ami": "ami-123", "instance_type": "t3.micro"}, body)]}}}

test_instance_without_root_block_fails if {
	count(p.deny) == 1 with input as instance({})
}

test_declared_root_block_passes_here if {
	count(p.deny) == 0 with input as instance({"root_block_device": [{"encrypted": true}]})
	count(p.deny) == 0 with input as instance({"root_block_device": [{"encrypted": false}]})
}

test_account_default_encryption_passes if {
	count(p.deny) == 0 with input as object.union(instance({}), {"resource": {"aws_ebs_encryption_by_default": {"on": [{"enabled": true}]}}})
	count(p.deny) == 1 with input as object.union(instance({}), {"resource": {"aws_ebs_encryption_by_default": {"on": [{"enabled": false}]}}})
}

cfn_instance(props) := {"Resources": {"I": {"Type": "AWS::EC2::Instance", "Properties": object.union({"ImageId": {"Ref": "Ami"}}, props)}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_instance({})
	count(p.deny) == 1 with input as cfn_instance({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}]})
	count(p.deny) == 2 with input as cfn_instance({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": false}}, {"DeviceName": "/dev/sdf", "Ebs": {"Encrypted": "false"}}]})
	count(p.deny) == 0 with input as cfn_instance({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}, {"DeviceName": "/dev/sdb", "VirtualName": "ephemeral0"}]})
	count(p.deny) == 0 with input as cfn_instance({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": {"Ref": "Encrypt"}}}]})
}

test_empty_root_block_list_fails if {
	count(p.deny) == 1 with input as instance({"root_block_device": []})
}
