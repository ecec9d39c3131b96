package assure.lib.aws_policy_test

import data.assure.lib.aws_policy
import rego.v1

admin_json := `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]}`

# ---- Documents written out ----------------------------------------------

test_json_text if {
	sts := aws_policy.statements(admin_json)
	count(sts) == 2
	sts[0].Action == "*"
	sts[1].Effect == "Deny"
}

test_jsonencoded_object if {
	# jsonencode(...) of known values arrives as compact JSON text.
	doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]})
	sts := aws_policy.statements(doc)
	count(sts) == 1
	sts[0].Action == ["s3:*"]
	aws_policy.tf_statements(doc) == sts
}

test_single_statement_object_and_list if {
	one := aws_policy.statements(`{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}`)
	count(one) == 1
	one[0].Resource == "*"
	count(aws_policy.statements({"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]})) == 2
}

test_cloudformation_object_and_string if {
	obj := {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": "*"}]}
	count(aws_policy.statements(obj)) == 1
	count(aws_policy.statements(json.marshal(obj))) == 1
	aws_policy.statements(obj) == aws_policy.statements(json.marshal(obj))
}

test_unreadable_documents_give_no_statements if {
	aws_policy.statements("${var.policy}") == []
	aws_policy.statements("${jsonencode(local.doc)}") == []
	aws_policy.statements("not json {") == []
	aws_policy.statements(`["Statement"]`) == []
	aws_policy.statements({"Fn::Sub": "{\"Statement\": []}"}) == []
	aws_policy.statements({"Statement": "${local.statements}"}) == []
	aws_policy.statements({"Statement": [{"Fn::If": ["C", {}, {}]}, "x", 3]}) == [{"Fn::If": ["C", {}, {}]}]
	aws_policy.statements(null) == []
	aws_policy.tf_statements("${var.policy}") == []
	aws_policy.tf_statements("") == []
}

test_as_list if {
	aws_policy.as_list("*") == ["*"]
	aws_policy.as_list(["a", "b"]) == ["a", "b"]
	aws_policy.as_list({"k": 1}) == [{"k": 1}]
}

test_allows if {
	aws_policy.allows({"Effect": "Allow"})
	aws_policy.allows({"Action": "*"})
	not aws_policy.allows({"Effect": "Deny"})
}

# ---- Data sources -------------------------------------------------------

data_input := {"data": {"aws_iam_policy_document": {
	"base": [{"statement": [{
		"sid": "Base",
		"actions": ["sqs:*"],
		"resources": ["*"],
		"principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::123456789012:root", "*"]}],
	}]}],
	"doc": [{
		"statement": [
			{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::b/*"], "principals": [{"type": "*", "identifiers": ["*"]}]},
			{
				"effect": "Deny",
				"not_actions": ["s3:GetObject"],
				"not_resources": ["arn:aws:s3:::b/*"],
				"not_principals": [{"type": "AWS", "identifiers": "arn:aws:iam::1:root"}],
				"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
			},
		],
		"source_policy_documents": ["${data.aws_iam_policy_document.base.json}"],
		"override_policy_documents": [`{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": "kms:*", "Resource": "*"}]}`],
	}],
	"unknown": [{
		"statement": "${local.statements}",
		"source_policy_documents": "${var.sources}",
	}],
	"unknown_parts": [{"statement": [{
		"actions": "${var.actions}",
		"resources": ["*"],
		"principals": "${var.principals}",
		"condition": "${var.condition}",
	}]}],
}}}

test_data_document_reference if {
	sts := aws_policy.tf_statements("${data.aws_iam_policy_document.doc.json}") with input as data_input

	# two statement blocks, one override document, one source data source
	count(sts) == 4
	sts[0] == {
		"Effect": "Allow",
		"Action": ["s3:GetObject"],
		"NotAction": [],
		"Resource": ["arn:aws:s3:::b/*"],
		"NotResource": [],
		"Principal": "*",
		"NotPrincipal": {},
		"Condition": [],
	}
	sts[1].Effect == "Deny"
	sts[1].NotAction == ["s3:GetObject"]
	sts[1].NotResource == ["arn:aws:s3:::b/*"]
	sts[1].NotPrincipal == {"AWS": ["arn:aws:iam::1:root"]}
	aws_policy.conditioned(sts[1])
	sts[2].Action == "kms:*"
	sts[3].Principal == {"AWS": ["arn:aws:iam::123456789012:root", "*"]}
}

test_data_document_reference_forms if {
	aws_policy.data_doc_name("${data.aws_iam_policy_document.doc.json}") == "doc"
	aws_policy.data_doc_name("${data.aws_iam_policy_document.doc.minified_json}") == "doc"
	aws_policy.data_doc_name("${data.aws_iam_policy_document.doc[0].json}") == "doc"
	aws_policy.data_doc_name(`${data.aws_iam_policy_document.doc["a"].json}`) == "doc"
	not aws_policy.data_doc_name("${data.aws_iam_policy_document.doc.id}")
	not aws_policy.data_doc_name("${module.x.json}")
	not aws_policy.data_doc_name({"json": 1})
	count(aws_policy.tf_statements("${data.aws_iam_policy_document.base[0].json}")) == 1 with input as data_input
}

test_data_document_missing_or_unknown if {
	# a data source of another module is not judged
	aws_policy.tf_statements("${data.aws_iam_policy_document.elsewhere.json}") == [] with input as data_input
	aws_policy.tf_statements("${data.aws_iam_policy_document.unknown.json}") == [] with input as data_input
	aws_policy.tf_statements("${data.aws_iam_policy_document.doc.json}") == [] with input as {}
	aws_policy.block_list({"statement": "${local.s}"}, "statement") == []
	aws_policy.block_list({}, "statement") == []
}

test_data_document_unknown_parts if {
	sts := aws_policy.tf_statements("${data.aws_iam_policy_document.unknown_parts.json}") with input as data_input
	count(sts) == 1
	sts[0].Principal == {}
	sts[0].Action == "${var.actions}"
	aws_policy.conditioned(sts[0])
	not aws_policy.admits_everyone(sts[0])
}

test_source_statements if {
	sts := aws_policy.source_statements("doc") with input as data_input
	count(sts) == 2
	aws_policy.source_statements("base") == [] with input as data_input
}

# ---- Principals ---------------------------------------------------------

test_principal_forms if {
	aws_policy.any_principal("*")
	aws_policy.any_principal({"AWS": "*"})
	aws_policy.any_principal({"AWS": ["arn:aws:iam::123456789012:root", "*"]})
	aws_policy.any_principal({"AWS": "arn:aws:iam::*:root"})
	aws_policy.any_principal({"AWS": "arn:aws-us-gov:iam::*:root"})
	not aws_policy.any_principal({"AWS": "arn:aws:iam::123456789012:root"})
	not aws_policy.any_principal({"Service": "sns.amazonaws.com"})
	not aws_policy.any_principal({"AWS": {"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:root"}})
	not aws_policy.any_principal("${var.principal}")
	not aws_policy.any_principal({})
}

test_block_principals if {
	aws_policy.block_principal([{"type": "AWS", "identifiers": ["a"]}, {"type": "*", "identifiers": ["*"]}]) == "*"
	aws_policy.block_principal([
		{"type": "AWS", "identifiers": ["a"]},
		{"type": "Service", "identifiers": "s.amazonaws.com"},
		{"type": "AWS", "identifiers": ["b"]},
	]) == {"AWS": ["a", "b"], "Service": ["s.amazonaws.com"]}
	aws_policy.block_principal([]) == {}
	aws_policy.block_principal("${var.p}") == {}
}

test_admits_everyone if {
	aws_policy.admits_everyone({"Principal": "*"})
	aws_policy.admits_everyone({"Principal": {"AWS": ["*"]}})
	aws_policy.admits_everyone({"NotPrincipal": {"AWS": "arn:aws:iam::1:root"}})
	not aws_policy.admits_everyone({"Principal": {"AWS": "arn:aws:iam::1:root"}})
	not aws_policy.admits_everyone({"NotPrincipal": {}})
	not aws_policy.admits_everyone({})
	not aws_policy.admits_everyone(aws_policy.from_block({"actions": ["*"]}))
}

# ---- Conditions ---------------------------------------------------------

test_conditions if {
	aws_policy.conditioned({"Condition": {"StringEquals": {"aws:SourceAccount": "1"}}})
	aws_policy.conditioned({"Condition": [{"test": "StringEquals", "variable": "aws:SourceAccount", "values": ["1"]}]})
	aws_policy.conditioned({"Condition": "${var.condition}"})
	not aws_policy.conditioned({"Condition": {}})
	not aws_policy.conditioned({"Condition": []})
	not aws_policy.conditioned({})
	not aws_policy.conditioned(aws_policy.from_block({"actions": ["*"]}))
}
