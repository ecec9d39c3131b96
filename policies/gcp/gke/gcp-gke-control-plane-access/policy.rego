# METADATA
# title: GKE control planes are not reachable from the whole internet
# description: >-
#   A Kubernetes API server open to any address lets anyone probe it and try
#   stolen credentials or API server vulnerabilities; a private endpoint or a
#   short list of authorized networks keeps it inside the boundary.
# custom:
#   id: gcp-gke-control-plane-access
#   severity: high
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Set private_cluster_config.enable_private_endpoint = true, or add
#     master_authorized_networks_config with only known CIDR blocks (no
#     0.0.0.0/0) and leave gcp_public_cidrs_access_enabled off.
#   rationale:
#     CC6.6: The cluster's control plane is an entry point reachable from outside the system boundary.
#     CC6.1: Access to the API server rests on credentials alone, with no network restriction.
#     ITGC-LA-1: Administrative access to the cluster is not restricted to authorized networks.
#   limitations: >-
#     The DNS-based endpoint (control_plane_endpoints_config.dns_endpoint_config)
#     is governed by IAM and is not judged here; networks held in unevaluated
#     variables are not judged.
package assure.gcp.gke_control_plane_access

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

# The public IP endpoint is off.
private_endpoint(body) if tf.is_true(tf.block(body, "private_cluster_config").enable_private_endpoint)

private_endpoint(body) if {
	ip := tf.block(tf.block(body, "control_plane_endpoints_config"), "ip_endpoints_config")
	ip.enabled in {false, "false"}
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

private_endpoint(body) if unknown(tf.block(body, "private_cluster_config").enable_private_endpoint)

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("google_container_cluster")
	not private_endpoint(c.body)
	not is_array(c.body.master_authorized_networks_config)
	not dynamic(c.body, "master_authorized_networks_config")
	not dynamic(c.body, "private_cluster_config")
	not dynamic(c.body, "control_plane_endpoints_config")
	msg := sprintf("GKE cluster %s has a public endpoint and no master_authorized_networks_config: the API server accepts connections from any address", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": sprintf("master_authorized_networks_config.cidr_blocks[%d]", [i])} if {
	some c in tf.resources("google_container_cluster")
	not private_endpoint(c.body)
	blocks := tf.block(c.body, "master_authorized_networks_config").cidr_blocks
	is_array(blocks)
	some i, b in blocks
	cidr := val(b, "cidr_block", "")
	is_string(cidr)
	endswith(cidr, "/0")
	msg := sprintf("GKE cluster %s authorizes %s to reach the control plane", [c.name, cidr])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "master_authorized_networks_config.gcp_public_cidrs_access_enabled"} if {
	some c in tf.resources("google_container_cluster")
	not private_endpoint(c.body)
	tf.is_true(tf.block(c.body, "master_authorized_networks_config").gcp_public_cidrs_access_enabled)
	msg := sprintf("GKE cluster %s lets any Google Cloud public IP reach the control plane (gcp_public_cidrs_access_enabled)", [c.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
