package assure.aws.eks_public_endpoint_test

import data.assure.aws.eks_public_endpoint as eks
import rego.v1

test_default_public_endpoint_fails if {
	count(eks.deny) == 1 with input as {"resource": {"aws_eks_cluster": {"c": [{"vpc_config": [{"subnet_ids": []}]}]}}}
}

test_private_or_restricted_passes if {
	count(eks.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"vpc_config": [{"endpoint_public_access": false}]}]}}}
	count(eks.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"vpc_config": [{"public_access_cidrs": ["203.0.113.0/24"]}]}]}}}
}
