# METADATA
# title: IAM users have no console password
# description: >-
#   A console password on an IAM user is a second, local identity for a person:
#   it is not removed when they leave the company directory, follows its own
#   password and MFA rules, and escapes the single sign-on where access is
#   reviewed. People should sign in through IAM Identity Center or a federated
#   identity provider.
# custom:
#   id: aws-iam-user-console-password
#   severity: medium
#   soc2: [CC6.2]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_user, aws_iam_user_login_profile, AWS::IAM::User]
#   remediation: >-
#     Remove the aws_iam_user_login_profile (LoginProfile in CloudFormation)
#     and give the person access through IAM Identity Center or SAML/OIDC
#     federation with roles; keep IAM users for break-glass only, with MFA.
#   rationale:
#     CC6.2: Console users created outside the identity provider are registered and removed apart from the joiner and leaver process CC6.2 expects, so access can outlive employment.
#     ITGC-LA-1: A local console password is an authentication path that the central access reviews and MFA enforcement of the identity provider do not cover.
#   limitations: >-
#     Whether the user has MFA, and whether a break-glass user is justified,
#     is not seen; passwords set outside this code (in the console) are not
#     found, and a login profile is matched to its user by reference or name
#     within the same module.
package assure.aws.iam_user_console_password

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
users := tf.resources("aws_iam_user")

profiles := tf.resources("aws_iam_user_login_profile")

profile_of(p, u) if tf.references(object.get(p.body, "user", ""), "aws_iam_user", u.name)

profile_of(p, u) if {
	name := object.get(p.body, "user", null)
	is_string(name)
	name == object.get(u.body, "name", "")
}

resources contains u.id if some u in users

# Login profiles of users this module does not define: targets of their own.
orphans contains p if {
	some p in profiles
	not profile_user(p)
}

profile_user(p) if {
	some u in users
	profile_of(p, u)
}

resources contains p.id if some p in orphans

deny contains {"msg": msg, "resource": u.id} if {
	some u in users
	some p in profiles
	profile_of(p, u)
	msg := sprintf("IAM user %s has a console password (%s): people should sign in through single sign-on", [u.name, p.id])
}

deny contains {"msg": msg, "resource": p.id} if {
	some p in orphans
	msg := sprintf("%s gives IAM user %v a console password: people should sign in through single sign-on", [p.id, object.get(p.body, "user", "?")])
}

# ---- CloudFormation -------------------------------------------------------
resources contains u.id if some u in cfn.resources("AWS::IAM::User")

deny contains {"msg": msg, "resource": u.id, "attribute": "Properties.LoginProfile"} if {
	some u in cfn.resources("AWS::IAM::User")
	u.props.LoginProfile
	msg := sprintf("IAM user %s has a console password (LoginProfile): people should sign in through single sign-on", [u.id])
}
