package assure.aws.ecr_scan_on_push_test

import data.assure.aws.ecr_scan_on_push as scan
import rego.v1

test_unscanned_fails if {
	count(scan.deny) == 1 with input as {"resource": {"aws_ecr_repository": {"r": [{"name": "api"}]}}}
}

test_scanned_passes if {
	count(scan.deny) == 0 with input as {"resource": {"aws_ecr_repository": {"r": [{"image_scanning_configuration": [{"scan_on_push": true}]}]}}}
	enhanced := {"aws_ecr_registry_scanning_configuration": {"c": [{"scan_type": "ENHANCED"}]}}
	count(scan.deny) == 0 with input as {"resource": object.union({"aws_ecr_repository": {"r": [{}]}}, enhanced)}
}
