package assure.aws.iam_service_wildcard_test

import data.assure.aws.iam_service_wildcard as p
import rego.v1

services := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:*", "s3:*", "logs:CreateLogStream"], "Resource": "*"}]}`

scoped_service := `{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}]}`

admin := `{"Statement": [{"Effect": "Allow", "Action": ["*", "s3:*"], "Resource": "*"}]}`

denied := `{"Statement": [{"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}`

narrow := `{"Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"}]}`

test_service_wildcards_on_everything_fail if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": services}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_iam_user_policy": {"p": [{"policy": `{"Statement": {"Effect": "Allow", "Action": "iam:*", "Resource": "*"}}`}]}}}
	some d in p.deny with input as {"resource": {"aws_iam_role_policy": {"p": [{"policy": services}]}}}
	d.msg == "aws_iam_role_policy.p allows ec2:*, s3:* on every resource"
}

test_scoped_admin_denied_and_narrow_statements_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": scoped_service}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": admin}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": denied}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": narrow}]}}}
}

test_unknown_policies_are_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": "${jsonencode(local.p)}"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": "${data.aws_iam_policy_document.d.json}"}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_iam_policy": {"p": [{"policy": "${var.p}"}]}}}
}

test_role_inline_policy if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_role": {"r": [{"inline_policy": [{"name": "a", "policy": services}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_iam_role": {"r": [{"assume_role_policy": services}]}}}
}

test_policy_document_data_source if {
	st := {"actions": ["dynamodb:*"], "resources": ["*"]}
	count(p.deny) == 1 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [st]}]}}}
	count(p.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [object.union(st, {"effect": "Deny"})]}]}}}
	count(p.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [object.union(st, {"resources": ["${aws_dynamodb_table.t.arn}"]})]}]}}}
	resource_policy := object.union(st, {"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]})
	count(p.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": [resource_policy]}]}}}
	count(p.deny) == 0 with input as {"data": {"aws_iam_policy_document": {"d": [{"statement": "${var.statements}"}]}}}
}

test_cloudformation if {
	doc := json.unmarshal(services)
	count(p.deny) == 1 with input as {"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": doc}}}}
	count(p.deny) == 1 with input as {"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "ok", "PolicyDocument": json.unmarshal(narrow)}, {"PolicyName": "bad", "PolicyDocument": doc}]}}}}
	count(p.deny) == 0 with input as {"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": json.unmarshal(scoped_service)}}}}
}

test_resources_missing_policy_do_not_hide_others if {
	count(p.deny) == 1 with input as {"resource": {"aws_iam_policy": {"a": [{"name": "no-policy"}], "b": [{"policy": services}]}, "aws_iam_role": {"r": [{"inline_policy": [{"name": "empty"}]}]}}}
}
