package assure.aws.iam_user_console_password_test

import data.assure.aws.iam_user_console_password as c
import rego.v1

user := {"aws_iam_user": {"alice": [{"name": "alice"}]}}

test_login_profile_fails if {
	by_ref := {"aws_iam_user_login_profile": {"alice": [{"user": "${aws_iam_user.alice.name}"}]}}
	count(c.deny) == 1 with input as {"resource": object.union(user, by_ref)}
	by_name := {"aws_iam_user_login_profile": {"alice": [{"user": "alice"}]}}
	count(c.deny) == 1 with input as {"resource": object.union(user, by_name)}
}

test_orphan_profile_is_its_own_target if {
	other := {"aws_iam_user_login_profile": {"bob": [{"user": "bob"}]}}
	found := c.deny with input as {"resource": object.union(user, other)}
	{f.resource | some f in found} == {"aws_iam_user_login_profile.bob"}
}

test_user_without_profile_passes if {
	count(c.deny) == 0 with input as {"resource": user}
	count(c.resources) == 1 with input as {"resource": user}
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": {"Ref": "P"}}}}}}
	count(c.deny) == 0 with input as {"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"UserName": "ci"}}}}
}
