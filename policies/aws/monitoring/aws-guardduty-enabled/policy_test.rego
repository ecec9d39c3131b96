package assure.aws.guardduty_enabled_test

import data.assure.aws.guardduty_enabled as gd
import rego.v1

test_disabled_fails if {
	count(gd.deny) == 1 with input as {"resource": {"aws_guardduty_detector": {"d": [{"enable": false}]}}}
	count(gd.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": false}}}}
}

test_enabled_passes if {
	count(gd.deny) == 0 with input as {"resource": {"aws_guardduty_detector": {"d": [{}]}}}
}
