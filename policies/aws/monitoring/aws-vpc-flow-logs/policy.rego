# METADATA
# title: VPCs record flow logs
# description: >-
#   Flow logs are the record of which addresses talked to which, on what
#   port: without them a network intrusion or exfiltration leaves no trace.
# custom:
#   id: aws-vpc-flow-logs
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_vpc, aws_flow_log, AWS::EC2::VPC, AWS::EC2::FlowLog]
#   remediation: Add an aws_flow_log with vpc_id set to the VPC (AWS::EC2::FlowLog with ResourceId in CloudFormation).
#   rationale:
#     CC7.2: >-
#       Without flow logs, scanning, unexpected connections or exfiltration in
#       the VPC leave no record from which to detect them.
#     ITGC-OP-2: >-
#       Network-level security events of the VPC are not logged, so they cannot
#       be monitored or alerted on.
#   limitations: >-
#     A flow log created elsewhere (another module, the console, an
#     organization-wide setup) or attached to subnets or network interfaces
#     rather than the VPC is not counted; what traffic it records and where it is
#     kept are not checked.
package assure.aws.vpc_flow_logs

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains v.id if some v in tf.resources("aws_vpc")

deny contains {"msg": msg, "resource": v.id} if {
	some v in tf.resources("aws_vpc")
	count(tf.siblings("aws_flow_log", "vpc_id", "aws_vpc", v.name)) == 0
	msg := sprintf("VPC %s has no flow log", [v.name])
}

resources contains v.id if some v in cfn.resources("AWS::EC2::VPC")

cfn_logged contains target if {
	some f in cfn.resources("AWS::EC2::FlowLog")
	target := f.props.ResourceId.Ref
}

deny contains {"msg": msg, "resource": v.id} if {
	some v in cfn.resources("AWS::EC2::VPC")
	not v.id in cfn_logged
	msg := sprintf("VPC %s has no flow log", [v.id])
}
