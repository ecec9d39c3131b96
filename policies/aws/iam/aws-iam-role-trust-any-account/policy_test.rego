package assure.aws.iam_role_trust_any_account_test

import data.assure.aws.iam_role_trust_any_account as p
import rego.v1

trust(principal) := json.marshal({"Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]})

role(doc) := {"resource": {"aws_iam_role": {"r": [{"assume_role_policy": doc}]}}}

test_any_account_fails if {
	count(p.deny) == 1 with input as role(trust("*"))
	count(p.deny) == 1 with input as role(trust({"AWS": "*"}))
	count(p.deny) == 1 with input as role(trust({"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:root"]}))
}

test_named_principals_and_conditions_pass if {
	count(p.deny) == 0 with input as role(trust({"Service": "lambda.amazonaws.com"}))
	count(p.deny) == 0 with input as role(trust({"AWS": "arn:aws:iam::111122223333:root"}))
	external := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "x"}}}]})
	count(p.deny) == 0 with input as role(external)
}

test_unknown_trust_is_not_judged if {
	count(p.deny) == 0 with input as role("${jsonencode(local.trust)}")
	count(p.deny) == 0 with input as {"resource": {"aws_iam_role": {"r": [{"name": "no-trust"}]}}}
}

test_data_source_trust if {
	open := {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]}
	org := {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}]}]}
	count(p.deny) == 1 with input as object.union(role("${data.aws_iam_policy_document.trust.json}"), {"data": {"aws_iam_policy_document": {"trust": [open]}}})
	count(p.deny) == 0 with input as object.union(role("${data.aws_iam_policy_document.trust.json}"), {"data": {"aws_iam_policy_document": {"trust": [org]}}})
}

test_cloudformation if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
	svc := {"Statement": [{"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]}, "Action": ["sts:AssumeRole"]}]}
	count(p.deny) == 1 with input as {"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": doc}}}}
	count(p.deny) == 0 with input as {"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": svc}}}}
}
