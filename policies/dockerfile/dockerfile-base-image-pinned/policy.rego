# METADATA
# title: Base images are pinned to a version or digest
# description: >-
#   FROM an untagged or latest image rebuilds onto whatever the registry
#   serves that day: builds are not reproducible and an upstream change enters
#   production unreviewed.
# custom:
#   id: dockerfile-base-image-pinned
#   severity: low
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-3]
#   inputs: [dockerfile]
#   remediation: Pin each FROM to a version tag, or better a digest (image:tag@sha256:...).
#   rationale:
#     CC8.1: >-
#       FROM an untagged or latest image lets an upstream change enter the build,
#       and then production, without review.
#     ITGC-CM-3: >-
#       An unpinned base image makes the build unreproducible, since rebuilding
#       the same commit can produce a different image.
#   limitations: >-
#     A version tag is accepted although its publisher can move it (only a digest
#     is immutable); base images named by build arguments are not examined, nor
#     whether the registry is trusted.
package assure.dockerfile.base_image_pinned

import data.assure.lib.dockerfile as df
import rego.v1

# Stage names earlier in the file, which later FROMs may build on.
stage_names contains lower(f.Value[2]) if {
	some f in df.froms
	count(f.Value) >= 3
}

external(f) if {
	image := f.Value[0]
	not lower(image) in stage_names
	lower(image) != "scratch"
	not startswith(image, "$")
}

resources contains df.stage_id(f.Stage) if {
	some f in df.froms
	external(f)
}

tag(image) := t if {
	parts := split(image, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

unpinned(image) if {
	not contains(image, "@")
	not tag(image)
}

unpinned(image) if {
	not contains(image, "@")
	tag(image) == "latest"
}

deny contains {"msg": msg, "resource": df.stage_id(f.Stage), "_loc": {"line": f.Line}} if {
	some f in df.froms
	external(f)
	unpinned(f.Value[0])
	msg := sprintf("base image %s is not pinned to a version or digest", [f.Value[0]])
}
