# METADATA
# title: EKS API endpoints are not open to the internet
# description: >-
#   A public Kubernetes API endpoint open to 0.0.0.0/0 exposes the cluster's
#   control plane to credential stuffing and to every future API
#   vulnerability.
# custom:
#   id: aws-eks-public-endpoint
#   severity: high
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_eks_cluster, AWS::EKS::Cluster]
#   remediation: Set vpc_config endpoint_public_access = false (ResourcesVpcConfig.EndpointPublicAccess in CloudFormation), or restrict public_access_cidrs (PublicAccessCidrs) to known networks.
#   rationale:
#     CC6.6: A control plane reachable from any address on the internet is not protected by the system boundary.
#     ITGC-LA-1: The API that deploys and changes the workloads processing financial data is reachable by anyone, not only authorized networks.
#   limitations: >-
#     A cluster that does not set the endpoint options is judged public and
#     open to 0.0.0.0/0, the default of the provider and CloudFormation; values
#     unknown before apply or from template parameters are not judged, and
#     narrow CIDR lists are not weighed.
package assure.aws.eks_public_endpoint

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("aws_eks_cluster")

open_to_world(vpc) if {
	# The provider defaults to a public endpoint open to 0.0.0.0/0.
	tf.is_true(object.get(vpc, "endpoint_public_access", true))
	cidrs := object.get(vpc, "public_access_cidrs", ["0.0.0.0/0"])
	is_array(cidrs)
	"0.0.0.0/0" in cidrs
}

deny contains {"msg": msg, "resource": c.id, "attribute": "vpc_config.endpoint_public_access"} if {
	some c in tf.resources("aws_eks_cluster")
	open_to_world(tf.block(c.body, "vpc_config"))
	msg := sprintf("EKS cluster %s has a public API endpoint open to 0.0.0.0/0", [c.name])
}

resources contains c.id if some c in cfn.resources("AWS::EKS::Cluster")

# CloudFormation also defaults to a public endpoint open to 0.0.0.0/0; with
# !If, a branch that makes it public is enough.
cfn_open_to_world(vpc) if {
	some public in cfn.branches(object.get(vpc, "EndpointPublicAccess", true))
	cfn.plain_true(public)
	cidrs := object.get(vpc, "PublicAccessCidrs", ["0.0.0.0/0"])
	is_array(cidrs)
	"0.0.0.0/0" in cidrs
}

deny contains {"msg": msg, "resource": c.id, "attribute": "Properties.ResourcesVpcConfig.EndpointPublicAccess"} if {
	some c in cfn.resources("AWS::EKS::Cluster")
	cfn_open_to_world(object.get(c.props, "ResourcesVpcConfig", {}))
	msg := sprintf("EKS cluster %s has a public API endpoint open to 0.0.0.0/0", [c.id])
}
