# METADATA
# title: IAM users are not given long-lived access keys
# description: >-
#   An access key never expires: it works from anywhere until someone rotates
#   or deletes it, ends up in laptops, CI settings and scripts, and is the most
#   common way AWS accounts are breached. People and workloads should use
#   temporary credentials from roles instead.
# custom:
#   id: aws-iam-user-access-keys
#   severity: medium
#   soc2: [CC6.2, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_access_key, AWS::IAM::AccessKey]
#   remediation: >-
#     Remove the aws_iam_access_key (AWS::IAM::AccessKey) and use temporary
#     credentials: IAM Identity Center for people, instance profiles, task or
#     IRSA roles for workloads, and OIDC federation for CI.
#   rationale:
#     CC6.2: Long-lived access keys are credentials issued outside the identity provider's registration and removal process, which CC6.2 expects for every user.
#     CC6.1: A key that never expires and works from anywhere is not the logical access restriction CC6.1 expects over the account.
#     ITGC-LA-1: Anyone holding a copy of a static key is authenticated as the user, so access is not restricted to the authorized person.
#   limitations: >-
#     Keys of service users that have no alternative (a third-party tool that
#     only takes keys) fail too and may be waived; keys created outside this
#     code, their age and their rotation are not seen. An Inactive key passes.
package assure.aws.iam_user_access_keys

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains k.id if some k in tf.resources("aws_iam_access_key")

# The user a key belongs to, as a message names it.
user_label(v) := m[0] if {
	is_string(v)
	m := regex.find_n(`aws_iam_user\.[A-Za-z0-9_-]+`, v, 1)
	count(m) == 1
} else := sprintf("%v", [v])

deny contains {"msg": msg, "resource": k.id} if {
	some k in tf.resources("aws_iam_access_key")
	object.get(k.body, "status", "Active") != "Inactive"
	msg := sprintf("%s gives IAM user %s a long-lived access key", [k.id, user_label(object.get(k.body, "user", "?"))])
}

resources contains k.id if some k in cfn.resources("AWS::IAM::AccessKey")

cfn_user_label(v) := v.Ref if is_string(v.Ref)

else := sprintf("%v", [v])

deny contains {"msg": msg, "resource": k.id} if {
	some k in cfn.resources("AWS::IAM::AccessKey")
	object.get(k.props, "Status", "Active") != "Inactive"
	msg := sprintf("access key %s gives IAM user %s a long-lived access key", [k.id, cfn_user_label(object.get(k.props, "UserName", "?"))])
}
