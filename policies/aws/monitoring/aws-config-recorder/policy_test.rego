package assure.aws.config_recorder_test

import data.assure.aws.config_recorder as cr
import rego.v1

recorder := {"aws_config_configuration_recorder": {"main": [{"name": "main"}]}}

status(enabled) := {"aws_config_configuration_recorder_status": {"main": [{"name": "${aws_config_configuration_recorder.main.name}", "is_enabled": enabled}]}}

test_stopped_recorder_fails if {
	count(cr.deny) == 1 with input as {"resource": recorder}
	count(cr.deny) == 1 with input as {"resource": object.union(recorder, status(false))}
}

test_running_recorder_passes if {
	count(cr.deny) == 0 with input as {"resource": object.union(recorder, status(true))}
}

test_partial_recording_fails if {
	partial := {"aws_config_configuration_recorder": {"main": [{"name": "main", "recording_group": [{"all_supported": false}]}]}}
	count(cr.deny) == 1 with input as {"resource": object.union(partial, status(true))}
}
