package assure.secrets.tf_hardcoded_provider_credentials_test

import data.assure.secrets.tf_hardcoded_provider_credentials as c
import rego.v1

test_literal_keys_fail if {
	found := c.deny with input as {"provider": {"aws": [{"region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]}}
	count(found) == 2
	some f in found
	f.attribute == "access_key"
	f.msg == "provider aws sets access_key to an AWS access key id"
	every g in found {
		not contains(g.msg, "wJalrXUtnFEMI")
	}
}

test_alias_named if {
	found := c.deny with input as {"provider": {"aws": [{"region": "us-east-1"}, {"alias": "legacy", "token": "s3cr3t-value"}]}}
	{f.msg | some f in found} == {"provider aws (alias legacy) sets token to a literal value"}
	{f.resource | some f in found} == {"provider.aws.legacy"}
}

test_other_providers_and_nested_blocks if {
	count(c.deny) == 1 with input as {"provider": {"azurerm": [{"features": [{}], "client_secret": "Xy7~abcdefghijklmnop"}]}}
	found := c.deny with input as {"provider": {"github": [{"owner": "acme", "app_auth": [{"pem_file": "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\n"}]}]}}
	{f.attribute | some f in found} == {"app_auth.pem_file"}
}

test_backend_credentials_fail if {
	found := c.deny with input as {"terraform": [{"backend": {"s3": [{"bucket": "state", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]}}]}
	{f.attribute | some f in found} == {"backend.s3.secret_key"}
}

test_references_and_profiles_pass if {
	count(c.deny) == 0 with input as {"provider": {"aws": [{"region": "us-east-1", "profile": "prod", "access_key": "${var.access_key}", "secret_key": "${data.vault_generic_secret.aws.data[\"secret_key\"]}"}]}}
	count(c.deny) == 0 with input as {"provider": {"google": [{"project": "p", "credentials": "./keys/sa.json"}]}}
	count(c.deny) == 0 with input as {"provider": {"aws": [{"assume_role": [{"role_arn": "arn:aws:iam::123456789012:role/deploy"}]}]}}
	count(c.resources) == 1 with input as {"provider": {"aws": [{}]}}
}

test_unusual_shapes_do_not_error if {
	count(c.deny) == 0 with input as {"provider": "${x}"}
	count(c.deny) == 0 with input as {"provider": {"aws": "${x}"}, "terraform": [{"required_version": ">= 1.5"}]}
	count(c.deny) == 0 with input as {"resource": {}}
}
