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

test_unknown_values_are_not_judged if {
	count(eks.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"vpc_config": [{"endpoint_public_access": "${var.public}"}]}]}}}
	count(eks.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"vpc_config": [{"public_access_cidrs": "${var.cidrs}"}]}]}}}
}

cluster(vpc) := {"Resources": {"C": {"Type": "AWS::EKS::Cluster", "Properties": {"RoleArn": {"Fn::GetAtt": ["Role", "Arn"]}, "ResourcesVpcConfig": vpc}}}}

test_cloudformation_default_public_endpoint_fails if {
	count(eks.deny) == 1 with input as cluster({"SubnetIds": [{"Ref": "A"}]})
	count(eks.deny) == 1 with input as cluster({"EndpointPublicAccess": true, "PublicAccessCidrs": ["0.0.0.0/0"]})
	count(eks.deny) == 1 with input as cluster({"EndpointPublicAccess": {"Fn::If": ["Dev", true, false]}})
	count(eks.deny) == 1 with input as {"Resources": {"C": {"Type": "AWS::EKS::Cluster", "Properties": {}}}}
}

test_cloudformation_private_or_restricted_passes if {
	count(eks.deny) == 0 with input as cluster({"EndpointPublicAccess": false, "EndpointPrivateAccess": true})
	count(eks.deny) == 0 with input as cluster({"EndpointPublicAccess": "false"})
	count(eks.deny) == 0 with input as cluster({"PublicAccessCidrs": ["203.0.113.0/24"]})
	count(eks.deny) == 0 with input as cluster({"EndpointPublicAccess": {"Ref": "Public"}})
	count(eks.deny) == 0 with input as cluster({"PublicAccessCidrs": {"Ref": "Cidrs"}})
}
