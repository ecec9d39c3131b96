package assure.dockerfile.non_root_user_test

import data.assure.dockerfile.non_root_user as user
import rego.v1

from(stage) := {"Cmd": "from", "Value": ["alpine:3.20"], "Stage": stage, "Line": 1}

user_instr(name, stage) := {"Cmd": "user", "Value": [name], "Stage": stage, "Line": 2}

test_no_user_fails if {
	count(user.deny) == 1 with input as [from(0)]
}

test_non_root_passes if {
	count(user.deny) == 0 with input as [from(0), user_instr("app", 0)]
}

test_root_in_final_stage_fails if {
	count(user.deny) == 1 with input as [from(0), user_instr("app", 0), from(1), user_instr("0:0", 1)]
}

test_user_only_in_build_stage_fails if {
	count(user.deny) == 1 with input as [from(0), user_instr("app", 0), from(1)]
}
