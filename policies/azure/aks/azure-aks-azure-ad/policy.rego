# METADATA
# title: AKS clusters authenticate users with Azure AD (Entra ID)
# description: >-
#   Without Entra ID integration, cluster users authenticate with client
#   certificates in kubeconfig files that cannot be revoked individually, are
#   not subject to MFA or conditional access, and outlive the people who hold
#   them.
# custom:
#   id: azure-aks-azure-ad
#   severity: medium
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: >-
#     Add azure_active_directory_role_based_access_control { azure_rbac_enabled
#     = true, admin_group_object_ids = [...] } (with managed = true before
#     azurerm v4) and disable local accounts.
#   rationale:
#     CC6.1: Central identity with MFA and conditional access is the access control for cluster users.
#     CC6.2: Access through the identity provider is registered and removed with the user's account, unlike shared certificates.
#     ITGC-LA-1: Cluster administrators authenticate with credentials outside the organization's identity controls.
#   limitations: >-
#     Integration configured outside Terraform is not seen; which groups are
#     granted admin access is not judged.
package assure.azure.aks_azure_ad

import data.assure.lib.terraform as tf
import rego.v1

integrated(body) if count(tf.block(body, "azure_active_directory_role_based_access_control")) > 0

integrated(body) if body.dynamic.azure_active_directory_role_based_access_control

# Blocks given as expressions unknown before apply: not judged.
integrated(body) if {
	some key in ["azure_active_directory_role_based_access_control", "role_based_access_control"]
	unknown(object.get(body, key, []))
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

# azurerm v2: role_based_access_control { azure_active_directory { ... } }
integrated(body) if count(tf.block(tf.block(body, "role_based_access_control"), "azure_active_directory")) > 0

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not integrated(c.body)
	msg := sprintf("AKS cluster %s is not integrated with Azure AD for user authentication", [c.name])
}
