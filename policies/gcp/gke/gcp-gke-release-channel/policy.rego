# METADATA
# title: GKE clusters are enrolled in a release channel
# description: >-
#   A cluster taken out of release channels ("UNSPECIFIED") no longer receives
#   managed control plane and node upgrades on a known cadence, and falls
#   behind on security fixes.
# custom:
#   id: gcp-gke-release-channel
#   severity: low
#   soc2: [CC7.1]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: Set release_channel { channel = "REGULAR" } (or RAPID, STABLE, EXTENDED) instead of UNSPECIFIED.
#   rationale:
#     CC7.1: Without a release channel, the cluster's version management, and so its vulnerability remediation, is left to manual upgrades.
#   limitations: >-
#     A cluster without a release_channel block is enrolled in the default
#     (Regular) channel when created and passes; removing the block later does
#     not unenroll an existing cluster.
package assure.gcp.gke_release_channel

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "release_channel.channel"} if {
	some c in tf.resources("google_container_cluster")
	tf.block(c.body, "release_channel").channel == "UNSPECIFIED"
	msg := sprintf("GKE cluster %s is not enrolled in a release channel (channel = UNSPECIFIED)", [c.name])
}
