package assure.aws.iam_wildcard_admin_test

import data.assure.aws.iam_wildcard_admin as iam
import rego.v1

admin := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}`

scoped := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::b/*"}]}`

test_json_admin_policy_fails if {
	count(iam.deny) == 1 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": admin}]}}}
}

test_scoped_and_unreadable_policies_pass if {
	count(iam.deny) == 0 with input as {"resource": {"aws_iam_role_policy": {"p": [{"policy": scoped}]}}}
	count(iam.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": "${jsonencode(local.doc)}"}]}}}
}

test_policy_document_data_source if {
	count(iam.deny) == 1 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [{"actions": ["*"], "resources": ["*"]}]}]}}}
	count(iam.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [{"actions": ["*"], "resources": ["*"], "effect": "Deny"}]}]}}}
}

test_cloudformation_inline_role_policy if {
	role := {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "all", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": "*"}]}}]}}
	count(iam.deny) == 1 with input as {"Resources": {"R": role}}
}
