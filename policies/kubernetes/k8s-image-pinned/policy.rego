# METADATA
# title: Container images are pinned to a version or digest
# description: >-
#   An image without a tag, or tagged latest, changes under a running
#   deployment without review: what runs in production is not the reviewed,
#   reproducible configuration.
# custom:
#   id: k8s-image-pinned
#   severity: medium
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-3]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Reference images by an immutable version tag or, better, by digest (image@sha256:...).
#   rationale:
#     CC8.1: >-
#       An untagged or latest image can change under a running deployment at its
#       next pull, putting unreviewed code into production.
#     ITGC-CM-3: >-
#       An image reference without a fixed version does not say what runs, so the
#       deployed configuration cannot be reproduced from the repository.
#   limitations: >-
#     Version tags are accepted although a publisher can move them (only digests
#     are immutable); image names substituted at deploy time (Helm values,
#     Kustomize images) are judged only as they appear in the scanned files.
package assure.kubernetes.image_pinned

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

# The tag of an image reference, if any ("registry:5000/app:1.2" has "1.2").
tag(image) := t if {
	not contains(image, "@")
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

unpinned(image) if {
	not contains(image, "@")
	not tag(image)
}

unpinned(image) if tag(image) == "latest"

deny contains {"msg": msg, "resource": c.id, "attribute": "image"} if {
	some c in k8s.containers
	unpinned(c.container.image)
	msg := sprintf("container %s of %s uses image %s, which is not pinned to a version", [c.name, k8s.workload_id, c.container.image])
}
