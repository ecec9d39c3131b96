# METADATA
# title: Secrets Manager secrets rotate automatically
# description: >-
#   A secret that never rotates stays valid for as long as it exists: a
#   password or key leaked in a log, a laptop or a former employee's notes
#   keeps working indefinitely.
# custom:
#   id: aws-secretsmanager-rotation
#   severity: medium
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_secretsmanager_secret, aws_secretsmanager_secret_rotation, AWS::SecretsManager::Secret, AWS::SecretsManager::RotationSchedule]
#   remediation: >-
#     Add an aws_secretsmanager_secret_rotation for the secret with a rotation
#     Lambda and rotation_rules (an AWS::SecretsManager::RotationSchedule in
#     CloudFormation).
#   rationale:
#     CC6.1: Credentials that are never rotated weaken the authentication on which logical access to the protected systems rests.
#     ITGC-LA-1: A leaked database or service credential keeps granting access to financial systems when it is not rotated.
#   limitations: >-
#     Rotation configured in another module, in the console or by the
#     service that owns the secret (RDS-managed master passwords) is not seen;
#     secrets that cannot be rotated (third-party API keys) fail and should be
#     waived.
package assure.aws.secretsmanager_rotation

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains s.id if some s in tf.resources("aws_secretsmanager_secret")

rotated(s) if count(tf.siblings("aws_secretsmanager_secret_rotation", "secret_id", "aws_secretsmanager_secret", s.name)) > 0

# Rotation set on the secret itself (AWS provider before v5).
rotated(s) if s.body.rotation_lambda_arn

deny contains {"msg": msg, "resource": s.id} if {
	some s in tf.resources("aws_secretsmanager_secret")
	not rotated(s)
	msg := sprintf("%s has no rotation (no aws_secretsmanager_secret_rotation refers to it)", [s.id])
}

resources contains s.id if some s in cfn.resources("AWS::SecretsManager::Secret")

# Logical ids of the secrets a rotation schedule refers to (!Ref Secret).
cfn_rotated contains id if {
	some r in cfn.resources("AWS::SecretsManager::RotationSchedule")
	ref := object.get(r.props, "SecretId", {})
	is_object(ref)
	id := ref.Ref
}

deny contains {"msg": msg, "resource": s.id, "attribute": "Properties"} if {
	some s in cfn.resources("AWS::SecretsManager::Secret")
	not s.id in cfn_rotated
	msg := sprintf("secret %s has no rotation schedule", [s.id])
}
