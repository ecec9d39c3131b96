# METADATA
# title: IAM policies do not allow every action on every resource
# description: >-
#   A statement allowing "*" on "*" is full administrator access: whoever
#   holds it can read every secret, change every control and erase the
#   audit trail. Least privilege starts by never granting it in code.
# custom:
#   id: aws-iam-wildcard-admin
#   severity: critical
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation: Grant the specific actions and resources the role needs; keep administrator access to break-glass roles managed outside the workload.
#   rationale:
#     CC6.3: >-
#       A statement allowing every action on every resource is full administrator
#       access, the opposite of the least privilege CC6.3 requires.
#     ITGC-LA-2: >-
#       Whoever holds the policy has unrestricted administrative access, to
#       financial data and to the audit trail alike.
#   limitations: >-
#     Policies built with jsonencode() or from variables stay unevaluated and are
#     not read; AWS managed policies attached by ARN (AdministratorAccess),
#     service-wide wildcards such as iam:* and who may assume the role are not
#     examined.
package assure.aws.iam_wildcard_admin

import data.assure.lib.aws_policy
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

admin_statement(s) if {
	aws_policy.allows(s)
	"*" in aws_policy.as_list(object.get(s, "Action", []))
	"*" in aws_policy.as_list(object.get(s, "Resource", []))
}

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# Policy attributes are read when they hold JSON text; one that is the JSON
# of a data source is judged on the data source.
tf_admin contains p.id if {
	some t in policy_types
	some p in tf.resources(t)
	some s in aws_policy.statements(object.get(p.body, "policy", ""))
	admin_statement(s)
}

resources contains p.id if {
	some t in policy_types
	some p in tf.resources(t)
}

deny contains {"msg": msg, "resource": id, "attribute": "policy"} if {
	some id in tf_admin
	msg := sprintf("%s allows every action on every resource", [id])
}

# data "aws_iam_policy_document" statement blocks.
resources contains d.id if some d in tf.resources_data("aws_iam_policy_document")

deny contains {"msg": msg, "resource": d.id, "attribute": "statement"} if {
	some d in tf.resources_data("aws_iam_policy_document")
	some b in aws_policy.block_list(d.body, "statement")
	admin_statement(aws_policy.from_block(b))
	msg := sprintf("%s allows every action on every resource", [d.id])
}

cfn_policies contains {"id": r.id, "doc": doc} if {
	some t in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in cfn.resources(t)
	doc := r.props.PolicyDocument
}

cfn_policies contains {"id": r.id, "doc": doc} if {
	some t in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in cfn.resources(t)
	is_array(r.props.Policies)
	some p in r.props.Policies
	doc := p.PolicyDocument
}

resources contains p.id if some p in cfn_policies

deny contains {"msg": msg, "resource": p.id, "attribute": "Properties"} if {
	some p in cfn_policies
	some s in aws_policy.statements(p.doc)
	admin_statement(s)
	msg := sprintf("%s allows every action on every resource", [p.id])
}
