# METADATA
# title: IAM policies do not allow with NotAction or NotResource
# description: >-
#   An Allow statement with NotAction grants every action except those listed,
#   including actions of services created later; with NotResource it grants
#   the actions on every resource but a few. Both grant far more than they
#   appear to.
# custom:
#   id: aws-iam-allow-not-action
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation: >-
#     Allow the actions and resources the role needs by name; keep NotAction
#     and NotResource for Deny statements (guardrails such as denying all but
#     a list of regions).
#   rationale:
#     CC6.3: An allow-list written as an exclusion grants every action or resource not named, which cannot be least privilege.
#     ITGC-LA-2: Such statements give users and workloads privileged access beyond their function, growing as AWS adds services.
#   limitations: >-
#     Policies whose text is unknown before apply (file(), jsonencode of
#     unknown values) are not judged; Deny statements with NotAction or
#     NotResource are fine and pass. Conditions are not taken as narrowing.
package assure.aws.iam_allow_not_action

import data.assure.lib.aws_policy
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# The exclusion keys an Allow statement uses (NotAction, NotResource).
exclusions(s) := {k |
	aws_policy.allows(s)
	some k in ["NotAction", "NotResource"]
	v := object.get(s, k, [])
	v != []
}

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# Policy attributes are read when they hold JSON; one that is the JSON of a
# data source is judged on the data source.
tf_docs contains {"id": p.id, "attr": "policy", "doc": doc} if {
	some t in policy_types
	some p in tf.resources(t)
	doc := object.get(p.body, "policy", "")
}

tf_docs contains {"id": r.id, "attr": attr, "doc": doc} if {
	some r in tf.resources("aws_iam_role")
	is_array(r.body.inline_policy)
	some i, b in r.body.inline_policy
	attr := sprintf("inline_policy[%d]", [i])
	doc := object.get(b, "policy", "")
}

resources contains p.id if {
	some t in policy_types
	some p in tf.resources(t)
}

resources contains id if some {"id": id} in tf_docs

deny contains {"msg": msg, "resource": d.id, "attribute": d.attr} if {
	some d in tf_docs
	some s in aws_policy.statements(d.doc)
	found := exclusions(s)
	count(found) > 0
	msg := sprintf("%s allows with %s", [d.id, concat(", ", sort(found))])
}

resources contains d.id if some d in tf.resources_data("aws_iam_policy_document")

deny contains {"msg": msg, "resource": d.id, "attribute": attr} if {
	some d in tf.resources_data("aws_iam_policy_document")
	some i, b in aws_policy.block_list(d.body, "statement")
	attr := sprintf("statement[%d]", [i])
	s := aws_policy.from_block(b)
	found := exclusions(s)
	count(found) > 0
	msg := sprintf("%s allows with %s", [d.id, concat(", ", sort(found))])
}

cfn_docs contains {"id": r.id, "attr": "Properties.PolicyDocument", "doc": doc} if {
	some t in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in cfn.resources(t)
	doc := object.get(r.props, "PolicyDocument", {})
}

cfn_docs contains {"id": r.id, "attr": attr, "doc": doc} if {
	some t in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in cfn.resources(t)
	is_array(r.props.Policies)
	some i, p in r.props.Policies
	is_object(p)
	attr := sprintf("Properties.Policies[%d].PolicyDocument", [i])
	doc := object.get(p, "PolicyDocument", {})
}

resources contains r.id if {
	some t in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in cfn.resources(t)
}

deny contains {"msg": msg, "resource": d.id, "attribute": d.attr} if {
	some d in cfn_docs
	some s in aws_policy.statements(d.doc)
	found := exclusions(s)
	count(found) > 0
	msg := sprintf("%s allows with %s", [d.id, concat(", ", sort(found))])
}
