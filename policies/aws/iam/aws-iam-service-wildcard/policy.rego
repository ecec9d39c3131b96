# METADATA
# title: IAM policies do not grant every action of a service on every resource
# description: >-
#   A statement allowing "s3:*", "ec2:*" or "iam:*" on "*" gives whoever holds
#   it full control of that service in the account (every bucket, every
#   instance, or, for iam:*, a path to administrator); least privilege names
#   the actions and resources the workload uses.
# custom:
#   id: aws-iam-service-wildcard
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_iam_role, aws_iam_policy_document, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::Role, AWS::IAM::User, AWS::IAM::Group]
#   remediation: >-
#     List the actions the role needs (s3:GetObject, s3:PutObject...) and the
#     ARNs of the resources it works on instead of service:* on "*".
#   rationale:
#     CC6.3: Granting every action of a service on every resource is the opposite of the least privilege the criterion requires.
#     ITGC-LA-2: Service-wide wildcards give workloads and users privileged access far beyond their function.
#   limitations: >-
#     Policies whose text is unknown before apply (file(), jsonencode of
#     unknown values) are not judged; a statement allowing "*" itself is left
#     to aws-iam-wildcard-admin, and statements with principals (resource
#     policies) are not judged here. Conditions are not taken as narrowing.
package assure.aws.iam_service_wildcard

import data.assure.lib.aws_policy
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# The service-wide wildcards (service:*) of an Allow statement on every
# resource; a statement allowing "*" is aws-iam-wildcard-admin's finding.
wildcards(s) := {a |
	aws_policy.allows(s)
	actions := aws_policy.as_list(object.get(s, "Action", []))
	not "*" in actions
	"*" in aws_policy.as_list(object.get(s, "Resource", []))
	some a in actions
	is_string(a)
	regex.match(`^[A-Za-z0-9-]+:\*$`, a)
}

# Identity policies: statements with a principal are resource policies.
identity_statement(s) if {
	object.get(s, "Principal", {}) == {}
	object.get(s, "NotPrincipal", {}) == {}
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
	identity_statement(s)
	found := wildcards(s)
	count(found) > 0
	msg := sprintf("%s allows %s on every resource", [d.id, concat(", ", sort(found))])
}

resources contains d.id if some d in tf.resources_data("aws_iam_policy_document")

deny contains {"msg": msg, "resource": d.id, "attribute": attr} if {
	some d in tf.resources_data("aws_iam_policy_document")
	some i, b in aws_policy.block_list(d.body, "statement")
	attr := sprintf("statement[%d]", [i])
	s := aws_policy.from_block(b)
	identity_statement(s)
	found := wildcards(s)
	count(found) > 0
	msg := sprintf("%s allows %s on every resource", [d.id, concat(", ", sort(found))])
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
	identity_statement(s)
	found := wildcards(s)
	count(found) > 0
	msg := sprintf("%s allows %s on every resource", [d.id, concat(", ", sort(found))])
}
