package assure.dockerfile.base_image_pinned_test

import data.assure.dockerfile.base_image_pinned as pinned
import rego.v1

from(value, stage) := {"Cmd": "from", "Value": value, "Stage": stage, "Line": stage + 1}

test_latest_and_untagged_fail if {
	count(pinned.deny) == 1 with input as [from(["node:latest"], 0)]
	count(pinned.deny) == 1 with input as [from(["node"], 0)]
}

test_version_passes if {
	count(pinned.deny) == 0 with input as [from(["node:22.11-alpine"], 0)]
}

test_earlier_stages_and_scratch_are_not_base_images if {
	count(pinned.deny) == 0 with input as [from(["golang:1.23", "AS", "build"], 0), from(["build"], 1), from(["scratch"], 2)]
}
