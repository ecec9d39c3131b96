# Helpers for controls over Terraform modules (conftest's hcl2 shape:
# resource.<type>.<name> is a list of block bodies, nested blocks are lists).
package assure.lib.terraform

import rego.v1

# Every block of a resource type, as {id, name, body}; id is Terraform's
# address (aws_s3_bucket.logs), which assure maps to file and line.
resources(type) := {r |
	some name
	some body in input.resource[type][name]
	r := {"id": sprintf("%s.%s", [type, name]), "name": name, "body": body}
}

# Whether an expression string refers to the resource `type.name`
# ("${aws_s3_bucket.logs.id}", "${aws_s3_bucket.logs.bucket}").
references(expr, type, name) if {
	is_string(expr)
	contains(expr, sprintf("%s.%s.", [type, name]))
}

references(expr, type, name) if {
	is_string(expr)
	endswith(expr, sprintf("%s.%s}", [type, name]))
}

# The first body of a nested block, or an empty object.
block(body, key) := b if {
	some b in body[key]
} else := {}

# Whether a value is a literal true (not an unevaluated "${...}" expression).
is_true(v) if v == true

is_true(v) if v == "true"
