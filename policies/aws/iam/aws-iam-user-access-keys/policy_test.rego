package assure.aws.iam_user_access_keys_test

import data.assure.aws.iam_user_access_keys as c
import rego.v1

test_access_key_fails if {
	found := c.deny with input as {"resource": {"aws_iam_access_key": {"k": [{"user": "${aws_iam_user.alice.name}"}]}}}
	{f.msg | some f in found} == {"aws_iam_access_key.k gives IAM user aws_iam_user.alice a long-lived access key"}
	count(c.deny) == 1 with input as {"resource": {"aws_iam_access_key": {"k": [{"user": "alice"}]}}}
}

test_inactive_key_passes if {
	count(c.deny) == 0 with input as {"resource": {"aws_iam_access_key": {"k": [{"user": "alice", "status": "Inactive"}]}}}
	count(c.resources) == 0 with input as {"resource": {"aws_iam_user": {"alice": [{"name": "alice"}]}}}
}

test_cloudformation if {
	found := c.deny with input as {"Resources": {"K": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": {"Ref": "Alice"}}}}}
	{f.msg | some f in found} == {"access key K gives IAM user Alice a long-lived access key"}
	count(c.deny) == 0 with input as {"Resources": {"K": {"Type": "AWS::IAM::AccessKey", "Properties": {"UserName": "alice", "Status": "Inactive"}}}}
}
