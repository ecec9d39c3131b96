# METADATA
# title: API Gateway custom domains require TLS 1.2 or later
# description: >-
#   A REST API custom domain on the TLS_1_0 security policy still accepts
#   TLS 1.0 and its weak cipher suites, which let an attacker on the path
#   downgrade and read client traffic.
# custom:
#   id: aws-apigateway-tls-policy
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_api_gateway_domain_name, AWS::ApiGateway::DomainName]
#   remediation: Set security_policy = "TLS_1_2" (SecurityPolicy in CloudFormation), or an enhanced SecurityPolicy_TLS13_* policy.
#   rationale:
#     CC6.7: Accepting TLS 1.0 weakens the encryption in transit the criterion requires at the API's public entry point.
#     ITGC-LA-3: Financial data sent to the API can be exposed through a protocol downgrade.
#   limitations: >-
#     A domain without security_policy is judged to accept TLS 1.0, the
#     historical default of REST API custom domains; the default execute-api
#     endpoints (TLS 1.0 for edge and regional APIs) cannot be configured and
#     are not judged, nor HTTP API domains, which allow TLS 1.2 only. Values
#     unknown before apply are not judged.
package assure.aws.apigateway_tls_policy

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

modern(policy) if policy == "TLS_1_2"

modern(policy) if {
	is_string(policy)
	startswith(policy, "SecurityPolicy_")
}

unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

resources contains d.id if some d in tf.resources("aws_api_gateway_domain_name")

deny contains {"msg": msg, "resource": d.id, "attribute": "security_policy"} if {
	some d in tf.resources("aws_api_gateway_domain_name")
	v := object.get(d.body, "security_policy", "TLS_1_0")
	not modern(v)
	not unknown(v)
	msg := sprintf("%s accepts TLS 1.0 (security_policy %v)", [d.id, v])
}

resources contains d.id if some d in cfn.resources("AWS::ApiGateway::DomainName")

cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": d.id, "attribute": "Properties.SecurityPolicy"} if {
	some d in cfn.resources("AWS::ApiGateway::DomainName")
	v := object.get(d.props, "SecurityPolicy", "TLS_1_0")
	not cfn_unknown(v)
	some b in cfn.branches(v)
	not modern(b)
	msg := sprintf("custom domain %s accepts TLS 1.0 (SecurityPolicy %v)", [d.id, b])
}
