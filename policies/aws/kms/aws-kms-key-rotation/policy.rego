# METADATA
# title: KMS keys rotate yearly
# description: >-
#   Automatic rotation limits how much data one key version protects and how
#   long a leaked key stays useful; it is on by default nowhere.
# custom:
#   id: aws-kms-key-rotation
#   severity: medium
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_kms_key, AWS::KMS::Key]
#   remediation: Set enable_key_rotation = true (EnableKeyRotation in CloudFormation) on symmetric keys.
#   rationale:
#     CC6.1: >-
#       Key rotation is part of the key management CC6.1 expects; a key that
#       never rotates protects all its data with the same key material for its
#       whole life.
#     ITGC-LA-3: >-
#       The encryption that protects financial data at rest depends on managed
#       keys, and a key that never rotates keeps the same material in use however
#       long it may have been exposed.
#   limitations: >-
#     Asymmetric and HMAC keys cannot rotate automatically and are not examined;
#     manual rotation through aliases, keys managed outside this code and the
#     length of the rotation period are not considered.
package assure.aws.kms_key_rotation

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Only symmetric encryption keys can rotate automatically.
symmetric(spec) if spec == "SYMMETRIC_DEFAULT"

resources contains k.id if {
	some k in tf.resources("aws_kms_key")
	symmetric(object.get(k.body, "customer_master_key_spec", "SYMMETRIC_DEFAULT"))
}

deny contains {"msg": msg, "resource": k.id, "attribute": "enable_key_rotation"} if {
	some k in tf.resources("aws_kms_key")
	symmetric(object.get(k.body, "customer_master_key_spec", "SYMMETRIC_DEFAULT"))
	not tf.is_true(object.get(k.body, "enable_key_rotation", false))
	msg := sprintf("KMS key %s does not rotate", [k.name])
}

resources contains k.id if {
	some k in cfn.resources("AWS::KMS::Key")
	symmetric(object.get(k.props, "KeySpec", "SYMMETRIC_DEFAULT"))
}

deny contains {"msg": msg, "resource": k.id, "attribute": "Properties"} if {
	some k in cfn.resources("AWS::KMS::Key")
	symmetric(object.get(k.props, "KeySpec", "SYMMETRIC_DEFAULT"))
	not cfn.is_true(object.get(k.props, "EnableKeyRotation", false))
	msg := sprintf("KMS key %s does not rotate", [k.id])
}
