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

template(recorder_props, channel) := {"Resources": object.union(
	{"Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": object.union({"RoleARN": {"Fn::GetAtt": ["ConfigRole", "Arn"]}}, recorder_props)}},
	{k: v | channel; k := "Channel"; v := {"Type": "AWS::Config::DeliveryChannel", "Properties": {"S3BucketName": {"Ref": "ConfigBucket"}}}},
)}

test_cloudformation_recorder_with_channel_passes if {
	count(cr.deny) == 0 with input as template({}, true)
	count(cr.deny) == 0 with input as template({"RecordingGroup": {"AllSupported": true, "IncludeGlobalResourceTypes": true}}, true)
	cr.resources == {"Recorder"} with input as template({}, true)
}

test_cloudformation_recorder_without_channel_fails if {
	[d.msg | some d in cr.deny] == ["Config recorder Recorder is never started: the template defines no AWS::Config::DeliveryChannel"] with input as template({}, false)
}

test_cloudformation_partial_recording_fails if {
	partial := {"RecordingGroup": {"AllSupported": false, "ResourceTypes": ["AWS::S3::Bucket"]}}
	[d.attribute | some d in cr.deny] == ["Properties.RecordingGroup.AllSupported"] with input as template(partial, true)
	conditional := {"RecordingGroup": {"AllSupported": {"Fn::If": ["Prod", true, false]}}}
	count(cr.deny) == 1 with input as template(conditional, true)
}
