# METADATA
# title: API Gateway REST methods validate requests
# description: >-
#   Without a request validator, API Gateway passes any body and parameters to
#   the backend: malformed or incomplete input reaches processing, and every
#   backend must catch it on its own.
# custom:
#   id: aws-apigateway-request-validation
#   severity: low
#   soc2: [PI1.2]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_api_gateway_method, aws_api_gateway_rest_api, AWS::ApiGateway::Method, AWS::ApiGateway::RestApi]
#   remediation: >-
#     Create an aws_api_gateway_request_validator (validate_request_body and
#     validate_request_parameters) and set request_validator_id on the method
#     (RequestValidatorId in CloudFormation), with request models and required
#     parameters; in an OpenAPI body, set x-amazon-apigateway-request-validator.
#   rationale:
#     PI1.2: Validating requests against a schema at the entry point is the input completeness and accuracy control PI1.2 expects; without it malformed input is accepted for processing.
#   limitations: >-
#     OPTIONS methods (CORS preflight) are not examined. A validator only checks
#     what the method's models and required parameters declare, which is not
#     judged; APIs defined by an OpenAPI body pass when the body names a
#     validator anywhere, and bodies unknown before apply are not examined.
#     HTTP APIs (API Gateway v2) have no request validators and are not examined.
package assure.aws.apigateway_request_validation

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
methods contains m if {
	some m in tf.resources("aws_api_gateway_method")
	upper(sprintf("%v", [object.get(m.body, "http_method", "")])) != "OPTIONS"
}

resources contains m.id if some m in methods

deny contains {"msg": msg, "resource": m.id, "attribute": "request_validator_id"} if {
	some m in methods
	object.get(m.body, "request_validator_id", "") in {"", null}
	msg := sprintf("API Gateway method %s has no request validator: requests reach the backend unvalidated", [m.name])
}

# REST APIs defined by an OpenAPI body known before apply.
bodies contains {"api": a, "body": b} if {
	some a in tf.resources("aws_api_gateway_rest_api")
	b := object.get(a.body, "body", "")
	is_string(b)
	b != ""
	not startswith(b, "${")
}

resources contains x.api.id if some x in bodies

deny contains {"msg": msg, "resource": x.api.id, "attribute": "body"} if {
	some x in bodies
	not contains(x.body, "x-amazon-apigateway-request-validator")
	msg := sprintf("REST API %s is defined by an OpenAPI body that names no x-amazon-apigateway-request-validator", [x.api.name])
}

# ---- CloudFormation -------------------------------------------------------
cfn_methods contains m if {
	some m in cfn.resources("AWS::ApiGateway::Method")
	upper(sprintf("%v", [object.get(m.props, "HttpMethod", "")])) != "OPTIONS"
}

resources contains m.id if some m in cfn_methods

deny contains {"msg": msg, "resource": m.id, "attribute": "Properties"} if {
	some m in cfn_methods
	object.get(m.props, "RequestValidatorId", "") in {"", null}
	msg := sprintf("API Gateway method %s has no RequestValidatorId: requests reach the backend unvalidated", [m.id])
}

cfn_bodies contains {"api": a, "body": json.marshal(a.props.Body)} if {
	some a in cfn.resources("AWS::ApiGateway::RestApi")
	is_object(a.props.Body)
	# An OpenAPI document, not an intrinsic (Fn::Transform AWS::Include...).
	some key in ["openapi", "swagger", "paths"]
	a.props.Body[key]
}

resources contains x.api.id if some x in cfn_bodies

deny contains {"msg": msg, "resource": x.api.id, "attribute": "Properties.Body"} if {
	some x in cfn_bodies
	not contains(x.body, "x-amazon-apigateway-request-validator")
	msg := sprintf("REST API %s is defined by an OpenAPI body that names no x-amazon-apigateway-request-validator", [x.api.id])
}
