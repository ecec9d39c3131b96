package assure.aws.launch_configuration_ebs_encryption_test

import data.assure.aws.launch_configuration_ebs_encryption as p
import rego.v1

lc(body) := {"resource": {"aws_launch_configuration": {"c": [object.union({"image_id": "ami-1", "instance_type": "t3.micro"}, body)]}}}

test_missing_or_unencrypted_devices_fail if {
	count(p.deny) == 1 with input as lc({})
	count(p.deny) == 1 with input as lc({"root_block_device": [{"volume_size": 20}]})
	count(p.deny) == 2 with input as lc({"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": false}]})
}

test_encrypted_devices_pass if {
	count(p.deny) == 0 with input as lc({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": "true"}]})
	count(p.deny) == 0 with input as lc({"root_block_device": [{"encrypted": "${var.encrypt}"}]})
	count(p.deny) == 0 with input as lc({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}]})
}

test_account_default_passes if {
	count(p.deny) == 0 with input as object.union(lc({}), {"resource": {"aws_ebs_encryption_by_default": {"d": [{"enabled": true}]}}})
}

cfn_lc(props) := {"Resources": {"C": {"Type": "AWS::AutoScaling::LaunchConfiguration", "Properties": object.union({"ImageId": "ami-1"}, props)}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_lc({})
	count(p.deny) == 1 with input as cfn_lc({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}]})
	count(p.deny) == 0 with input as cfn_lc({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]})
	count(p.deny) == 0 with input as cfn_lc({"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": {"Ref": "E"}}}]})
}
