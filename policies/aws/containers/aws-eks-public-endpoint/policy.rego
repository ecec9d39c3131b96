# METADATA
# title: EKS API endpoints are not open to the internet
# description: >-
#   A public Kubernetes API endpoint open to 0.0.0.0/0 exposes the cluster's
#   control plane to credential stuffing and to every future API
#   vulnerability.
# custom:
#   id: aws-eks-public-endpoint
#   severity: high
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [aws_eks_cluster]
#   remediation: Set vpc_config endpoint_public_access = false, or restrict public_access_cidrs to known networks.
package assure.aws.eks_public_endpoint

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
