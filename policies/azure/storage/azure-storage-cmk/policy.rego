# METADATA
# title: Storage accounts encrypt data with a customer-managed key
# description: >-
#   With Microsoft-managed keys the organization cannot revoke access to the
#   data, rotate the key on its own schedule, or show who used the key; a
#   customer-managed key in Key Vault gives it those controls.
# custom:
#   id: azure-storage-cmk
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_customer_managed_key]
#   remediation: Add a customer_managed_key block to the account, or an azurerm_storage_account_customer_managed_key resource, with a Key Vault key and a user-assigned or system identity allowed to use it.
#   rationale:
#     CC6.1: Key management under the organization's control is part of restricting access to data at rest.
#     C1.1: Confidential data encrypted with a key the organization controls can be made unreadable by revoking the key.
#     ITGC-LA-3: A customer-managed key lets the organization audit and revoke the use of the key protecting financial data.
#   limitations: >-
#     Whether an account holds confidential data is not known from
#     configuration: suppress accounts that need no customer-managed key, with
#     a reason. A key attached in another module or outside Terraform is not seen.
package assure.azure.storage_cmk

import data.assure.lib.terraform as tf
import rego.v1

cmk(r) if count(tf.block(r.body, "customer_managed_key")) > 0

cmk(r) if r.body.dynamic.customer_managed_key

cmk(r) if unknown(object.get(r.body, "customer_managed_key", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

cmk(r) if count(tf.siblings("azurerm_storage_account_customer_managed_key", "storage_account_id", "azurerm_storage_account", r.name)) > 0

resources contains r.id if some r in tf.resources("azurerm_storage_account")

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_storage_account")
	not cmk(r)
	msg := sprintf("storage account %s is encrypted with a Microsoft-managed key, not a customer-managed key", [r.name])
}
