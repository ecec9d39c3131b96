# METADATA
# title: GKE clusters do not use basic authentication or client certificates
# description: >-
#   A static basic-auth password or an issued client certificate is a
#   long-lived cluster-admin credential that cannot be revoked through IAM and
#   keeps working after the person who holds it leaves.
# custom:
#   id: gcp-gke-legacy-auth
#   severity: high
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1, ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Remove master_auth username and password and set
#     client_certificate_config.issue_client_certificate = false (the
#     default); authenticate with IAM and OIDC instead.
#   rationale:
#     CC6.1: Access to the API server is granted by static credentials outside IAM-enforced access.
#     CC6.2: The static credentials are not tied to a registered, individually authorized user.
#     ITGC-LA-1: Cluster access by a shared secret cannot be restricted to authenticated individuals.
#     ITGC-LA-2: The legacy credentials carry cluster-admin privileges that cannot be scoped down.
#   limitations: Values held in unevaluated variables are not judged.
package assure.gcp.gke_legacy_auth

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "master_auth.username"} if {
	some c in tf.resources("google_container_cluster")
	user := tf.block(c.body, "master_auth").username
	is_string(user)
	user != ""
	msg := sprintf("GKE cluster %s configures basic authentication (master_auth.username)", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "master_auth.client_certificate_config.issue_client_certificate"} if {
	some c in tf.resources("google_container_cluster")
	cert := tf.block(tf.block(c.body, "master_auth"), "client_certificate_config")
	tf.is_true(cert.issue_client_certificate)
	msg := sprintf("GKE cluster %s issues a client certificate for cluster access", [c.name])
}
