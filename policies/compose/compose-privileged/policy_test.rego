package assure.compose.privileged_test

import data.assure.compose.privileged as priv
import rego.v1

test_privileged_and_host_network_fail if {
	count(priv.deny) == 2 with input as {"services": {"agent": {"image": "a:1", "privileged": true, "network_mode": "host"}}}
}

test_plain_service_passes if {
	count(priv.deny) == 0 with input as {"services": {"web": {"image": "nginx:1.27", "ports": ["80:80"]}}}
}
