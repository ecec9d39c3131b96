package assure.aws.kms_key_policy_public_test

import data.assure.aws.kms_key_policy_public as p
import rego.v1

open := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:*", "Resource": "*"}]}`

scoped := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}`

via_service := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Decrypt"], "Resource": "*", "Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}}}]}`

test_open_key_policy_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_kms_key": {"k": [{"policy": open}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_kms_key_policy": {"k": [{"key_id": "${aws_kms_key.k.id}", "policy": open}]}}}
}

test_account_conditioned_and_default_policies_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_kms_key": {"k": [{"policy": scoped}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_kms_key": {"k": [{"policy": via_service}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_kms_key": {"k": [{"description": "default policy"}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_kms_key": {"k": [{"description": "default policy"}]}}}
}

test_unknown_policy_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_kms_key": {"k": [{"policy": "${jsonencode(local.policy)}"}]}}}
}

test_data_source_policy if {
	d := {"statement": [{"actions": ["kms:Decrypt"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::*:root"]}]}]}
	count(p.deny) == 1 with input as {"resource": {"aws_kms_key": {"k": [{"policy": "${data.aws_iam_policy_document.k.json}"}]}}, "data": {"aws_iam_policy_document": {"k": [d]}}}
}

key(pr) := {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": pr, "Action": "kms:*", "Resource": "*"}]}}}

test_cloudformation_key_policy if {
	count(p.deny) == 1 with input as {"Resources": {"K": key("*")}}
	count(p.deny) == 0 with input as {"Resources": {"K": key({"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}})}}
}
