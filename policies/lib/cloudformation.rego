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

# A literal true, as templates write it (true or "true").
is_true(v) if v == true

is_true(v) if lower(sprintf("%v", [v])) == "true"
