package assure.aws.iam_allow_not_action_test

import data.assure.aws.iam_allow_not_action as p
import rego.v1

not_action := `{"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}`

not_resource := `{"Statement": [{"Effect": "Allow", "Action": ["s3:DeleteObject"], "NotResource": ["arn:aws:s3:::audit/*"]}]}`

guardrail := `{"Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}`

test_allow_with_exclusions_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": not_action}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_iam_group_policy": {"p": [{"policy": not_resource}]}}}
	some d in p.deny with input as {"resource": {"aws_iam_policy": {"p": [{"policy": not_action}]}}}
	d.msg == "aws_iam_policy.p allows with NotAction"
}

test_deny_guardrails_and_plain_allows_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": guardrail}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": `{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}`}]}}}
}

test_unknown_policies_are_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": "${templatefile(\"p.json\", {})}"}]}}}
}

test_policy_document_data_source if {
	count(p.deny) == 1 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [{"not_actions": ["iam:*"], "resources": ["*"]}]}]}}}
	count(p.deny) == 1 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [{"actions": ["s3:*"], "not_resources": ["arn:aws:s3:::x"]}]}]}}}
	count(p.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [{"effect": "Deny", "not_actions": ["iam:*"], "resources": ["*"]}]}]}}}
}

test_role_inline_policy_and_cloudformation if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_role": {"r": [{"inline_policy": [{"policy": not_action}]}]}}}
	count(p.deny) == 1 with input as {"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"Policies": [{"PolicyName": "x", "PolicyDocument": json.unmarshal(not_action)}]}}}}
	count(p.deny) == 0 with input as {"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": json.unmarshal(guardrail)}}}}
}

test_resources_missing_policy_do_not_hide_others if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_policy": {"a": [{"name": "no-policy"}], "b": [{"policy": not_action}]}}}
}
