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
# ("${aws_s3_bucket.logs.id}", "${aws_s3_bucket.logs.bucket}", and with
# count or for_each, "${aws_vpc.this[0].id}").
references(expr, type, name) if {
	is_string(expr)
	some sep in [".", "["]
	contains(expr, sprintf("%s.%s%s", [type, name, sep]))
}

references(expr, type, name) if {
	is_string(expr)
	endswith(expr, sprintf("%s.%s}", [type, name]))
}

# Whether a sibling resource body configures `type.name` through `attr`:
# directly, or, in the module style, by iterating over the resource
# (for_each = aws_s3_bucket.this, bucket = each.value.id).
linked(body, attr, type, name) if references(object.get(body, attr, ""), type, name)

linked(body, attr, type, name) if {
	references(object.get(body, "for_each", ""), type, name)
	contains(object.get(body, attr, ""), "each.")
}

# In a plan (`terraform show -json`), a reference to an attribute written as a
# literal (`server_name = azurerm_mssql_server.main.name`) is already its
# value, so the sibling holds the resource's name itself; so does a
# configuration that repeats the name instead of referring to it.
linked(body, attr, type, name) if {
	v := object.get(body, attr, "")
	is_string(v)
	v != ""
	not contains(v, "${")
	some b in input.resource[type][name]
	some k in identifying
	b[k] == v
}

# The attributes that name a resource in its provider, which a sibling
# repeats to point at it.
identifying := ["name", "bucket"]

# The first body of a nested block, or an empty object (also when the
# attribute is an unevaluated "${...}" expression rather than a block).
block(body, key) := b if {
	is_array(body[key])
	some b in body[key]
} else := {}

# Whether a value is a literal true (not an unevaluated "${...}" expression).
is_true(v) if v == true

is_true(v) if v == "true"

# Bodies of the `sibling_type` resources whose `attr` refers to `type.name`
# (AWS provider v4+ splits a bucket's settings into such resources).
siblings(sibling_type, attr, type, name) := {s.body |
	some s in resources(sibling_type)
	linked(s.body, attr, type, name)
}

# A number, whether written as a literal or as a quoted string.
number(v) := v if is_number(v)

number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, v)
}

# Every block of a data source type, as {id, name, body}; id is
# data.<type>.<name>.
resources_data(type) := {r |
	some name
	some body in input.data[type][name]
	r := {"id": sprintf("data.%s.%s", [type, name]), "name": name, "body": body}
}
