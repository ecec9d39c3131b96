# METADATA
# title: AKS clusters disable local accounts
# description: >-
#   While local accounts are enabled, anyone who can list the cluster's admin
#   credentials gets a static cluster-admin certificate that bypasses Entra ID,
#   MFA and conditional access, and cannot be revoked without rotating the
#   cluster's certificates.
# custom:
#   id: azure-aks-local-accounts
#   severity: medium
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1, ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: Set local_account_disabled = true (requires Azure AD integration) and grant access through Entra ID groups.
#   rationale:
#     CC6.1: A static admin credential bypasses the identity-based access controls of the cluster.
#     CC6.2: Access through local accounts is not tied to registered, individually removable users.
#     ITGC-LA-1: Users can authenticate with a shared certificate instead of their own identity.
#     ITGC-LA-2: The local admin credential grants unrestricted cluster-admin rights.
#   limitations: >-
#     The provider default (local accounts enabled) is assumed when the
#     attribute is absent; a value computed at apply time is not judged.
package assure.azure.aks_local_accounts

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "local_account_disabled"} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	v := object.get(c.body, "local_account_disabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("AKS cluster %s keeps local accounts enabled (local_account_disabled defaults to false)", [c.name])
}
