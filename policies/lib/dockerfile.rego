# Helpers for controls over Dockerfiles (conftest's shape: a list of
# instructions with Cmd, Value, Stage, plus Line).
package assure.lib.dockerfile

import rego.v1

froms := [i | some i in input; i.Cmd == "from"]

final_stage := max({i.Stage | some i in input})

# The resource id of a stage: its name when it has one, else its index.
stage_id(stage) := sprintf("stage:%s", [name]) if {
	some f in input
	f.Cmd == "from"
	f.Stage == stage
	count(f.Value) >= 3
	lower(f.Value[1]) == "as"
	name := f.Value[2]
} else := sprintf("stage:%d", [stage])
