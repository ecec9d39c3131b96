package assure.dockerfile.healthcheck_test

import data.assure.dockerfile.healthcheck as hc
import rego.v1

from := {"Cmd": "from", "Value": ["nginx:1.27"], "Stage": 0, "Line": 1}

expose := {"Cmd": "expose", "Value": ["8080"], "Stage": 0, "Line": 2}

test_service_without_healthcheck_fails if {
	count(hc.deny) == 1 with input as [from, expose]
}

test_healthcheck_or_no_port_passes if {
	count(hc.deny) == 0 with input as [from, expose, {"Cmd": "healthcheck", "Value": ["CMD-SHELL", "curl -f localhost:8080"], "Stage": 0, "Line": 3}]
	count(hc.resources) == 0 with input as [from]
}
