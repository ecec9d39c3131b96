package assure.lib.cloudformation_test

import data.assure.lib.cloudformation as cfn
import rego.v1

test_literal_and_string_true if {
	cfn.is_true(true)
	cfn.is_true("True")
	not cfn.is_true(false)
}

test_conditions_need_every_branch if {
	cfn.is_true({"Fn::If": ["IsProd", true, "true"]})
	not cfn.is_true({"Fn::If": ["IsProd", true, false]})
	count(cfn.branches({"Fn::If": ["C", "a", "b"]})) == 2
}
