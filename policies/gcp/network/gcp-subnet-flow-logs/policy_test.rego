package assure.gcp.subnet_flow_logs_test

import data.assure.gcp.subnet_flow_logs as p
import rego.v1

subnet(body) := {"resource": {"google_compute_subnetwork": {"s": [body]}}}

test_log_config_passes if {
	count(p.deny) == 0 with input as subnet({"name": "a", "log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0.5}]})
	count(p.deny) == 0 with input as subnet({"name": "a", "log_config": [{}]})
}

test_missing_fails if {
	count(p.deny) == 1 with input as subnet({"name": "a", "ip_cidr_range": "10.0.0.0/24"})
}

test_zero_sampling_fails if {
	count(p.deny) == 1 with input as subnet({"name": "a", "log_config": [{"flow_sampling": 0}]})
}

test_old_attribute_accepted if {
	count(p.deny) == 0 with input as subnet({"name": "a", "enable_flow_logs": true})
	count(p.deny) == 0 with input as subnet({"name": "a", "enable_flow_logs": "${var.flow_logs}"})
}

test_proxy_only_subnet_skipped if {
	inp := subnet({"name": "a", "purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"})
	count(p.deny) == 0 with input as inp
	count(p.resources) == 0 with input as inp
}

test_unknown_dynamic_block_passes if {
	count(p.deny) == 0 with input as subnet({"name": "a", "dynamic": {"log_config": [{"for_each": "${var.flow_logs ? [1] : []}", "content": [{}]}]}})
}
