package assure.aws.ecr_immutable_tags_test

import data.assure.aws.ecr_immutable_tags as imm
import rego.v1

test_mutable_fails if {
	count(imm.deny) == 1 with input as {"resource": {"aws_ecr_repository": {"r": [{}]}}}
	count(imm.deny) == 1 with input as {"Resources": {"R": {"Type": "AWS::ECR::Repository", "Properties": {}}}}
}

test_immutable_passes if {
	count(imm.deny) == 0 with input as {"resource": {"aws_ecr_repository": {"r": [{"image_tag_mutability": "IMMUTABLE"}]}}}
}
