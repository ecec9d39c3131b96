# METADATA
# title: EC2 user data does not hold secrets
# description: >-
#   User data is stored in clear with the instance or launch template: anyone
#   allowed to describe them, and every process on the instance through the
#   metadata service, can read it, and it is in the repository too. Keys and
#   passwords written into it are exposed to all of them.
# custom:
#   id: tf-user-data-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, aws_spot_instance_request]
#   remediation: >-
#     Give the instance an IAM role (instance profile) instead of access keys,
#     and have the script fetch other secrets at boot from Secrets Manager or
#     SSM Parameter Store; rotate the credentials that were committed.
#   rationale:
#     CC6.1: Credentials in user data can be read by anyone who can describe the instance or reach its metadata service, outside the access controls meant to protect them.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable in the source and in the instance's metadata.
#   limitations: >-
#     Only user data written in the configuration is read (heredocs, strings,
#     base64encode of known text); a script from templatefile or file() is
#     read only when Terraform's evaluation of it is known, and gzip or
#     multi-part MIME user data is not decoded. Secrets are found as provider
#     key formats anywhere and as NAME=value assignments whose name says they
#     hold a secret (plus key: value lines of #cloud-config): a password passed
#     another way (a positional argument, a piped echo) is not seen.
package assure.secrets.tf_user_data_secrets

import data.assure.lib.secrets
import data.assure.lib.terraform as tf
import rego.v1

types := ["aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_spot_instance_request"]

instances contains r if {
	some t in types
	some r in tf.resources(t)
}

resources contains r.id if some r in instances

message(r, attr, f) := sprintf("%s of %s sets %s to a literal value (line %d of the script)", [attr, r.id, f.name, f.line]) if f.name != ""

message(r, attr, f) := sprintf("%s of %s holds %s (line %d of the script)", [attr, r.id, f.what, f.line]) if f.name == ""

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some r in instances
	some attr in ["user_data", "user_data_base64"]
	text := secrets.decoded(object.get(r.body, attr, ""))
	some f in secrets.script_secrets(text)
	msg := message(r, attr, f)
}
