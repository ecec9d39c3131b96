package assure.aws.sfn_logging_test

import data.assure.aws.sfn_logging as c
import rego.v1

sm(body) := {"resource": {"aws_sfn_state_machine": {"s": [object.union({"name": "s", "definition": "{}"}, body)]}}}

test_no_logging_fails if {
	count(c.deny) == 1 with input as sm({})
	count(c.deny) == 1 with input as sm({"logging_configuration": [{"level": "OFF"}]})
}

test_logging_passes if {
	count(c.deny) == 0 with input as sm({"logging_configuration": [{"level": "ERROR", "log_destination": "${aws_cloudwatch_log_group.s.arn}:*"}]})
	count(c.deny) == 0 with input as sm({"logging_configuration": [{"level": "${var.level}"}]})
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"S": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {}}}}
	count(c.deny) == 1 with input as {"Resources": {"S": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"LoggingConfiguration": {"Level": {"Fn::If": ["Prod", "ALL", "OFF"]}}}}}}
	count(c.deny) == 0 with input as {"Resources": {"S": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"LoggingConfiguration": {"Level": "ALL", "Destinations": [{}]}}}}}
}

test_unexpanded_dynamic_block_passes if {
	count(c.deny) == 0 with input as sm({"dynamic": {"logging_configuration": [{"for_each": "${var.logging}", "content": [{"level": "${logging_configuration.value}"}]}]}})
}
