package assure.aws.s3_bucket_policy_public_test

import data.assure.aws.s3_bucket_policy_public as p
import rego.v1

public_read := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}`

any_account := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::*:root"]}, "Action": "s3:*", "Resource": "*"}]}`

conditioned := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}]}`

deny_tls := `{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}`

account := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}`

tf_policy(doc) := {"resource": {"aws_s3_bucket_policy": {"b": [{"bucket": "${aws_s3_bucket.b.id}", "policy": doc}]}}}

test_public_json_policies_fail if {
	count(p.deny) == 1 with input as tf_policy(public_read)
	count(p.deny) == 1 with input as tf_policy(any_account)
	count(p.deny) == 1 with input as {"resource": {"aws_s3_bucket": {"b": [{"policy": public_read}]}}}
}

test_scoped_conditioned_and_deny_statements_pass if {
	count(p.deny) == 0 with input as tf_policy(conditioned)
	count(p.deny) == 0 with input as tf_policy(deny_tls)
	count(p.deny) == 0 with input as tf_policy(account)
}

test_unknown_or_invalid_policies_are_not_judged if {
	count(p.deny) == 0 with input as tf_policy("${jsonencode(local.doc)}")
	count(p.deny) == 0 with input as tf_policy("${file(\"policy.json\")}")
	count(p.deny) == 0 with input as tf_policy("not json {")
	count(p.deny) == 0 with input as tf_policy("${data.aws_iam_policy_document.missing.json}")
	count(p.resources) == 1 with input as tf_policy("${var.policy}")
}

test_policy_document_data_source if {
	open := {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]}
	star := {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]}
	cond := {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}], "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-1"]}]}]}
	svc := {"statement": [{"actions": ["s3:PutObject"], "resources": ["*"], "principals": [{"type": "Service", "identifiers": ["logging.s3.amazonaws.com"]}]}]}
	doc := tf_policy("${data.aws_iam_policy_document.d.json}")
	count(p.deny) == 1 with input as object.union(doc, {"data": {"aws_iam_policy_document": {"d": [open]}}})
	count(p.deny) == 1 with input as object.union(doc, {"data": {"aws_iam_policy_document": {"d": [star]}}})
	count(p.deny) == 0 with input as object.union(doc, {"data": {"aws_iam_policy_document": {"d": [cond]}}})
	count(p.deny) == 0 with input as object.union(doc, {"data": {"aws_iam_policy_document": {"d": [svc]}}})
}

test_source_policy_documents_are_read if {
	d := {"source_policy_documents": [public_read], "statement": []}
	count(p.deny) == 1 with input as object.union(tf_policy("${data.aws_iam_policy_document.d.json}"), {"data": {"aws_iam_policy_document": {"d": [d]}}})
}

test_cloudformation_bucket_policy if {
	open := {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject", "Resource": "*"}]}}}
	closed := {"Type": "AWS::S3::BucketPolicy", "Properties": {"Bucket": {"Ref": "B"}, "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}}, "Action": "s3:GetObject", "Resource": "*"}]}}}
	count(p.deny) == 1 with input as {"Resources": {"P": open}}
	count(p.deny) == 0 with input as {"Resources": {"P": closed}}
}

test_not_principal_allow_fails if {
	doc := `{"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}`
	count(p.deny) == 1 with input as tf_policy(doc)
}

test_nested_source_documents_are_read if {
	inner := {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]}
	outer := {"source_policy_documents": ["${data.aws_iam_policy_document.inner.json}"]}
	docs := {"data": {"aws_iam_policy_document": {"d": [outer], "inner": [inner]}}}
	count(p.deny) == 1 with input as object.union(tf_policy("${data.aws_iam_policy_document.d.json}"), docs)
}
