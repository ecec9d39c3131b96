package assure.kubernetes.image_pinned_test

import data.assure.kubernetes.image_pinned as pinned
import rego.v1

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": image}]}}

test_untagged_and_latest_fail if {
	count(pinned.deny) == 1 with input as pod("nginx")
	count(pinned.deny) == 1 with input as pod("ghcr.io/acme/api:latest")
	count(pinned.deny) == 1 with input as pod("registry.local:5000/api")
}

test_versions_and_digests_pass if {
	count(pinned.deny) == 0 with input as pod("nginx:1.27.2")
	count(pinned.deny) == 0 with input as pod("registry.local:5000/api:2.1")
	count(pinned.deny) == 0 with input as pod("ghcr.io/acme/api@sha256:4d6f1a1d3b3b0a3b0e1f0c2b8d0c1e6a2f1b9d4e0c5a7b3f6e2d1c0b9a8f7e6d")
}
