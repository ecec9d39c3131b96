# METADATA
# title: GKE clusters encrypt Kubernetes Secrets with a Cloud KMS key
# description: >-
#   Without application-layer secrets encryption, Kubernetes Secrets in etcd are
#   protected only by Google's default storage encryption; a customer-managed
#   key adds a layer the organization controls and can revoke.
# custom:
#   id: gcp-gke-secrets-encryption
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: Add database_encryption { state = "ENCRYPTED", key_name = <Cloud KMS key id> } to the cluster (the default is DECRYPTED).
#   rationale:
#     CC6.1: Secrets at rest are not encrypted with a key under the organization's own key management.
#     C1.1: Credentials and other confidential values stored as Secrets lack customer-controlled protection.
#     ITGC-LA-3: Secrets protecting access to financial data are not protected at rest with a managed key.
#   limitations: >-
#     etcd is still encrypted at rest by Google; secrets kept outside Kubernetes
#     (Secret Manager) are not seen.
package assure.gcp.gke_secrets_encryption

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("google_container_cluster")
	not is_array(c.body.database_encryption)
	not dynamic(c.body, "database_encryption")
	msg := sprintf("GKE cluster %s has no database_encryption block: Secrets are not encrypted with a Cloud KMS key", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "database_encryption.state"} if {
	some c in tf.resources("google_container_cluster")
	tf.block(c.body, "database_encryption").state == "DECRYPTED"
	msg := sprintf("GKE cluster %s sets database_encryption.state = DECRYPTED", [c.name])
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
