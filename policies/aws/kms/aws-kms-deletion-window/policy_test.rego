package assure.aws.kms_deletion_window_test

import data.assure.aws.kms_deletion_window as c
import rego.v1

key(body) := {"resource": {"aws_kms_key": {"k": [body]}}}

test_short_window_fails if {
	count(c.deny) == 1 with input as key({"deletion_window_in_days": 7})
	count(c.deny) == 1 with input as key({"deletion_window_in_days": "10"})
	count(c.deny) == 1 with input as {"resource": {"aws_kms_replica_key": {"k": [{"deletion_window_in_days": 7}]}}}
}

test_default_and_long_windows_pass if {
	count(c.deny) == 0 with input as key({})
	count(c.deny) == 0 with input as key({"deletion_window_in_days": 14})
	count(c.deny) == 0 with input as key({"deletion_window_in_days": "${var.window}"})
	count(c.resources) == 1 with input as key({})
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"PendingWindowInDays": 7}}}}
	count(c.deny) == 1 with input as {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"PendingWindowInDays": {"Fn::If": ["Prod", 30, 7]}}}}}
	count(c.deny) == 0 with input as {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {}}}}
	count(c.deny) == 0 with input as {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {"PendingWindowInDays": {"Ref": "Window"}}}}}
}
