package assure.secrets.k8s_secret_manifest_literal_test

import data.assure.secrets.k8s_secret_manifest_literal as c
import rego.v1

secret(extra) := object.union({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}}, extra)

test_string_data_fails if {
	found := c.deny with input as secret({"stringData": {"password": "hunter2", "username": "app"}})
	{f.attribute | some f in found} == {"stringData.password", "stringData.username"}
	every f in found {
		not contains(f.msg, "hunter2")
	}
}

test_data_fails if {
	found := c.deny with input as secret({"data": {"password": base64.encode("hunter2"), "tls.crt": base64.encode("-----BEGIN CERTIFICATE-----"), "empty": ""}})
	{f.attribute | some f in found} == {"data.password"}
}

test_empty_references_and_placeholders_pass if {
	count(c.deny) == 0 with input as secret({})
	count(c.deny) == 0 with input as secret({"data": {}, "stringData": {"password": "${DB_PASSWORD}", "token": "changeme", "key": "<api-key>"}})
	count(c.deny) == 0 with input as secret({"data": {"password": base64.encode("REPLACE_ME")}})
	count(c.deny) == 0 with input as secret({"stringData": {"password": "ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]"}})
	count(c.deny) == 0 with input as secret({"stringData": "x", "data": ["y"]})
	count(c.resources) == 1 with input as secret({})
}

test_other_kinds_are_not_targets if {
	count(c.deny) == 0 with input as {"kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"password": "hunter2"}}
	count(c.resources) == 0 with input as {"kind": "SealedSecret", "metadata": {"name": "x"}, "spec": {"encryptedData": {"password": "AgB..."}}}
}
