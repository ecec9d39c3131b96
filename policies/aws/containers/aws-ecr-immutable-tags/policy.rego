# METADATA
# title: ECR repositories have immutable tags
# description: >-
#   With mutable tags, pushing a new image under an existing tag changes
#   what every deployment of that tag runs, without a change to any
#   reviewed configuration.
# custom:
#   id: aws-ecr-immutable-tags
#   severity: medium
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_ecr_repository, AWS::ECR::Repository]
#   remediation: Set image_tag_mutability = "IMMUTABLE" (ImageTagMutability in CloudFormation).
#   rationale:
#     CC8.1: >-
#       With mutable tags, an image pushed under an existing tag changes what
#       every deployment of that tag runs, a production change that bypasses
#       review of the configuration.
#     ITGC-CM-3: >-
#       A mutable tag does not identify one image, so the configuration in the
#       repository does not reproduce what production ran at a given time.
#   limitations: >-
#     Deployments that reference images by digest are reproducible whatever this
#     setting says; who may push to the repository and how images are promoted
#     are decided outside this configuration.
package assure.aws.ecr_immutable_tags

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_ecr_repository")

deny contains {"msg": msg, "resource": r.id, "attribute": "image_tag_mutability"} if {
	some r in tf.resources("aws_ecr_repository")
	object.get(r.body, "image_tag_mutability", "MUTABLE") == "MUTABLE"
	msg := sprintf("ECR repository %s allows tags to be overwritten", [r.name])
}

resources contains r.id if some r in cfn.resources("AWS::ECR::Repository")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties"} if {
	some r in cfn.resources("AWS::ECR::Repository")
	object.get(r.props, "ImageTagMutability", "MUTABLE") == "MUTABLE"
	msg := sprintf("ECR repository %s allows tags to be overwritten", [r.id])
}
