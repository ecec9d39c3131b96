# Helpers for controls over CloudFormation templates (short tags such as
# !Ref are already in their long form, {"Ref": ...}).
package assure.lib.cloudformation

import rego.v1

# Every resource of a type, as {id, props}; id is the logical id, which
# assure maps to file and line.
resources(type) := {r |
	some id, res in input.Resources
	res.Type == type
	r := {"id": id, "props": object.get(res, "Properties", {})}
}

# Conditions: a value set with !If satisfies a control only when every
# branch does (the template allows each of them). One level of !If is
# resolved; deeper nesting is taken as written.
is_if(v) if {
	is_object(v)
	v["Fn::If"]
}

# The values a property may take: both branches of an !If, else itself.
branches(v) := {v} if not is_if(v)

branches(v) := {v["Fn::If"][1], v["Fn::If"][2]} if is_if(v)

# A literal true, as templates write it (true or "true"), in every branch.
is_true(v) if {
	every b in branches(v) {
		plain_true(b)
	}
}

plain_true(v) if v == true

plain_true(v) if lower(sprintf("%v", [v])) == "true"
