# Helpers for reading AWS IAM-style policy documents (identity policies,
# trust policies, key, bucket, topic, queue and domain policies), so that
# every AWS control reads them the same way and judges only what it means
# to judge.
#
# A policy comes as JSON text (a heredoc, or jsonencode(...) once its values
# are known), as the JSON of an aws_iam_policy_document data source of the
# same module (its statement blocks, source_policy_documents and
# override_policy_documents are read), or, in CloudFormation, as an object
# or a JSON string. Statements come back in the JSON shape ("Effect",
# "Action", "Principal", "Condition", ...). Unknown "${...}" expressions,
# CloudFormation intrinsic functions and text that is not JSON give no
# statements: they are not judged, and never raise an error.
package assure.lib.aws_policy

import rego.v1

# A value as a list: "Action", "Resource", "Statement" and principal values
# may be one item or a list of them.
as_list(v) := v if is_array(v)

as_list(v) := [v] if not is_array(v)

# A document as an object: CloudFormation gives an object, Terraform and
# CloudFormation strings hold JSON text. Undefined when it is neither (an
# unknown "${...}" value, text that is not JSON, a JSON array).
parse_doc(doc) := doc if is_object(doc)

parse_doc(doc) := parsed if {
	is_string(doc)
	json.is_valid(doc)
	parsed := json.unmarshal(doc)
	is_object(parsed)
}

# The statements of a document written out (JSON text or object): one
# statement object or a list of them; anything but objects is skipped.
statements(doc) := [s |
	some s in as_list(object.get(parse_doc(doc), "Statement", []))
	is_object(s)
]

# The name of the aws_iam_policy_document data source whose JSON an
# expression is ("${data.aws_iam_policy_document.x.json}", also with an
# index for count/for_each and .minified_json); undefined otherwise.
data_doc_name(expr) := m[0][1] if {
	is_string(expr)
	m := regex.find_all_string_submatch_n(`^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\.(json|minified_json)\}$`, expr, 1)
	count(m) > 0
}

# The statements of a Terraform policy attribute, whichever way it is
# written: JSON text, or a reference to a data source of the module (its
# statement blocks and the documents merged into it). A data source of
# another module gives no statements.
tf_statements(expr) := statements(expr) if not data_doc_name(expr)

tf_statements(expr) := array.concat(
	[s | some d in data_docs(name); some b in block_list(d, "statement"); s := from_block(b)],
	source_statements(name),
) if name := data_doc_name(expr)

# Statements merged into a data source through source_policy_documents and
# override_policy_documents: JSON text, or (one level deep) the JSON of
# another data source of the module. Overridden statements are kept: a
# statement that may be in force is judged.
source_statements(name) := array.concat(
	[s | some d in data_docs(name); some src in source_docs(d); some s in statements(src)],
	[s |
		some d in data_docs(name)
		some src in source_docs(d)
		inner := data_doc_name(src)
		some d2 in data_docs(inner)
		some b in block_list(d2, "statement")
		s := from_block(b)
	],
)

# The bodies of the aws_iam_policy_document data source `name` (a list, as
# in conftest's hcl2 shape).
data_docs(name) := [d | some d in input.data.aws_iam_policy_document[name]]

# A list attribute or nested blocks of a body, or an empty list when it is
# missing or an unknown "${...}" value (iterating a string raises an error).
block_list(body, key) := v if {
	v := object.get(body, key, [])
	is_array(v)
} else := []

# The documents a data source merges in.
source_docs(d) := [src |
	some key in ["source_policy_documents", "override_policy_documents"]
	some src in block_list(d, key)
]

# A statement block of aws_iam_policy_document, in the JSON shape, so that
# one test serves both forms. The effect defaults to Allow, as in Terraform.
from_block(b) := {
	"Effect": object.get(b, "effect", "Allow"),
	"Action": object.get(b, "actions", []),
	"NotAction": object.get(b, "not_actions", []),
	"Resource": object.get(b, "resources", []),
	"NotResource": object.get(b, "not_resources", []),
	"Principal": block_principal(object.get(b, "principals", [])),
	"NotPrincipal": block_principal(object.get(b, "not_principals", [])),
	"Condition": object.get(b, "condition", []),
}

# principals blocks in the JSON shape: "*" when a block has type "*",
# otherwise {type: [identifiers]} (blocks of one type merged); {} when there
# are none or they are unknown.
block_principal(ps) := "*" if {
	is_array(ps)
	some p in ps
	object.get(p, "type", "") == "*"
} else := {t: ids |
	is_array(ps)
	some p in ps
	t := object.get(p, "type", "")
	ids := [i | some q in ps; object.get(q, "type", "") == t; some i in as_list(object.get(q, "identifiers", []))]
}

# Whether a statement allows (rather than denies); a statement without an
# Effect is read as Allow, like a data source block without one.
allows(s) if object.get(s, "Effect", "Allow") == "Allow"

# Whether a statement carries a Condition: a non-empty object (JSON), a
# non-empty list of condition blocks, or an unknown value (which counts, as
# it may narrow the statement).
conditioned(s) if {
	c := object.get(s, "Condition", {})
	is_object(c)
	count(c) > 0
}

conditioned(s) if {
	c := object.get(s, "Condition", {})
	is_array(c)
	count(c) > 0
}

conditioned(s) if is_string(object.get(s, "Condition", {}))

# Whether a Principal is everyone: "*", or an "AWS" value (one or a list)
# that is "*" or the root of any account.
any_principal(p) if p == "*"

any_principal(p) if {
	is_object(p)
	some v in as_list(object.get(p, "AWS", []))
	any_account(v)
}

# Whether an AWS principal value stands for every account: "*" or
# arn:aws:iam::*:root (any partition).
any_account(v) if v == "*"

any_account(v) if {
	is_string(v)
	regex.match(`^arn:aws[a-z-]*:iam::\*:root$`, v)
}

# Whether a statement admits everyone: its Principal is everyone, or it has
# a NotPrincipal (which admits everyone but the principals it names).
admits_everyone(s) if any_principal(object.get(s, "Principal", {}))

admits_everyone(s) if {
	np := object.get(s, "NotPrincipal", {})
	np != {}
	np != []
}
