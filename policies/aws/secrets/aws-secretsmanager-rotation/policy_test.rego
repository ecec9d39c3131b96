package assure.aws.secretsmanager_rotation_test

import data.assure.aws.secretsmanager_rotation as p
import rego.v1

test_secret_without_rotation_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_secretsmanager_secret": {"db": [{"name": "db"}]}}}
	other := {"secret_id": "${aws_secretsmanager_secret.api.id}", "rotation_lambda_arn": "${aws_lambda_function.r.arn}"}
	count(p.deny) == 1 with input as {"resource": {"aws_secretsmanager_secret": {"db": [{"name": "db"}]}, "aws_secretsmanager_secret_rotation": {"api": [other]}}}
}

test_rotated_secret_passes if {
	rot := {"secret_id": "${aws_secretsmanager_secret.db.id}", "rotation_rules": [{"automatically_after_days": 30}]}
	count(p.deny) == 0 with input as {"resource": {"aws_secretsmanager_secret": {"db": [{"name": "db"}]}, "aws_secretsmanager_secret_rotation": {"db": [rot]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_secretsmanager_secret": {"db": [{"rotation_lambda_arn": "${aws_lambda_function.r.arn}"}]}}}
}

test_cloudformation if {
	secret := {"Type": "AWS::SecretsManager::Secret", "Properties": {"Name": "db"}}
	schedule := {"Type": "AWS::SecretsManager::RotationSchedule", "Properties": {"SecretId": {"Ref": "Db"}, "RotationRules": {"AutomaticallyAfterDays": 30}}}
	count(p.deny) == 1 with input as {"Resources": {"Db": secret}}
	count(p.deny) == 0 with input as {"Resources": {"Db": secret, "DbRotation": schedule}}
	count(p.deny) == 1 with input as {"Resources": {"Db": secret, "Api": secret, "DbRotation": schedule}}
}
