package assure.aws.launch_template_ebs_encryption_test

import data.assure.aws.launch_template_ebs_encryption as p
import rego.v1

lt(mappings) := {"resource": {"aws_launch_template": {"t": [{"image_id": "ami-1", "block_device_mappings": mappings}]}}}

test_unencrypted_mappings_fail if {
	count(p.deny) == 1 with input as lt([{"device_name": "/dev/xvda", "ebs": [{"volume_size": 20}]}])
	count(p.deny) == 2 with input as lt([{"device_name": "/dev/xvda", "ebs": [{"encrypted": "false"}]}, {"device_name": "/dev/sdf", "ebs": [{"encrypted": false}]}])
}

test_encrypted_or_unjudged_mappings_pass if {
	count(p.deny) == 0 with input as lt([{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]}])
	count(p.deny) == 0 with input as lt([{"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}])
	count(p.deny) == 0 with input as lt([{"device_name": "/dev/xvda", "ebs": [{"encrypted": "${var.encrypted}"}]}])
	count(p.deny) == 0 with input as {"resource": {"aws_launch_template": {"t": [{"image_id": "ami-1"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_launch_template": {"t": [{"block_device_mappings": "${var.mappings}"}]}}}
}

test_account_default_passes if {
	count(p.deny) == 0 with input as object.union(lt([{"ebs": [{}]}]), {"resource": {"aws_ebs_encryption_by_default": {"d": [{}]}}})
}

cfn_lt(mappings) := {"Resources": {"T": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"BlockDeviceMappings": mappings}}}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_lt([{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}])
	count(p.deny) == 0 with input as cfn_lt([{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}])
	count(p.deny) == 0 with input as cfn_lt([{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": {"Ref": "Enc"}}}])
	count(p.deny) == 0 with input as {"Resources": {"T": {"Type": "AWS::EC2::LaunchTemplate", "Properties": {"LaunchTemplateData": {"ImageId": "ami-1"}}}}}
}
