# METADATA
# title: CloudFormation user data does not hold secrets
# description: >-
#   User data is stored in clear with the instance, launch template or launch
#   configuration: anyone allowed to describe them, and every process on the
#   instance through the metadata service, can read it, and the template is in
#   the repository too. Keys and passwords written into it are exposed to all.
# custom:
#   id: cfn-user-data-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [cloudformation]
#   resource_types: [AWS::EC2::Instance, AWS::EC2::LaunchTemplate, AWS::AutoScaling::LaunchConfiguration]
#   remediation: >-
#     Give the instance an IAM role (instance profile) instead of access keys,
#     and have the script fetch other secrets at boot from Secrets Manager or
#     SSM Parameter Store (or pass a NoEcho parameter through Fn::Sub only if
#     it must); rotate the credentials that were committed.
#   rationale:
#     CC6.1: Credentials in user data can be read by anyone who can describe the instance or reach its metadata service, outside the access controls meant to protect them.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable in the template and in the instance's metadata.
#   limitations: >-
#     The script is read from a string, Fn::Base64, Fn::Sub (its ${...}
#     variables are references, not literals), Fn::Join (non-string parts are
#     references) and the branches of Fn::If; gzip or multi-part MIME user data
#     is not decoded. Secrets are found as provider key formats anywhere and as
#     NAME=value assignments whose name says they hold a secret (plus key: value
#     lines of #cloud-config): a password passed another way is not seen.
package assure.secrets.cfn_user_data_secrets

import data.assure.lib.cloudformation as cfn
import data.assure.lib.secrets
import rego.v1

instances contains {"id": r.id, "attribute": "Properties.UserData", "value": object.get(r.props, "UserData", null)} if {
	some t in ["AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration"]
	some r in cfn.resources(t)
}

instances contains {"id": r.id, "attribute": "Properties.LaunchTemplateData.UserData", "value": data_value} if {
	some r in cfn.resources("AWS::EC2::LaunchTemplate")
	template_data := object.get(r.props, "LaunchTemplateData", {})
	is_object(template_data)
	data_value := object.get(template_data, "UserData", null)
}

resources contains r.id if some r in instances

# The text of a UserData value: Fn::Base64 of a string, Fn::Sub or Fn::Join,
# or a string (already base64, decoded when it is). Written out level by
# level (Rego has no recursion).
texts(v) := {t | some b in cfn.branches(v); t := unwrapped(b)}

unwrapped(v) := secrets.decoded(v) if is_string(v)

unwrapped(v) := t if {
	is_object(v)
	t := inner(v["Fn::Base64"])
}

inner(v) := v if is_string(v)

inner(v) := v["Fn::Sub"] if {
	is_object(v)
	is_string(v["Fn::Sub"])
}

inner(v) := v["Fn::Sub"][0] if {
	is_object(v)
	is_array(v["Fn::Sub"])
	is_string(v["Fn::Sub"][0])
}

# Fn::Join: parts that are not strings (Ref, GetAtt, Sub) stand as a
# reference in the text, which is not a literal.
inner(v) := concat(sep, [part_text(p) | some p in parts]) if {
	is_object(v)
	is_array(v["Fn::Join"])
	sep := v["Fn::Join"][0]
	is_string(sep)
	parts := v["Fn::Join"][1]
	is_array(parts)
}

part_text(p) := p if is_string(p)

part_text(p) := "${ref}" if not is_string(p)

message(r, f) := sprintf("UserData of %s sets %s to a literal value (line %d of the script)", [r.id, f.name, f.line]) if f.name != ""

message(r, f) := sprintf("UserData of %s holds %s (line %d of the script)", [r.id, f.what, f.line]) if f.name == ""

deny contains {"msg": msg, "resource": r.id, "attribute": r.attribute} if {
	some r in instances
	r.value != null
	some text in texts(r.value)
	some f in secrets.script_secrets(text)
	msg := message(r, f)
}
