package assure.dockerfile.add_url_test

import data.assure.dockerfile.add_url
import rego.v1

add(value, flags) := [{"Cmd": "from", "Value": ["alpine:3.20"], "Stage": 0, "Line": 1}, {"Cmd": "add", "Value": value, "Flags": flags, "Stage": 0, "Line": 2}]

test_url_fails if {
	count(add_url.deny) == 1 with input as add(["https://example.com/tool.tgz", "/opt/"], [])
}

test_checksum_and_local_files_pass if {
	count(add_url.deny) == 0 with input as add(["https://example.com/tool.tgz", "/opt/"], ["--checksum=sha256:abc"])
	count(add_url.deny) == 0 with input as add(["tool.tgz", "/opt/"], [])
}
