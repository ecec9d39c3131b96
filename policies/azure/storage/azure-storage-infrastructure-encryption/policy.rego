# METADATA
# title: Storage accounts use infrastructure (double) encryption
# description: >-
#   Azure encrypts stored data once at the service level; infrastructure
#   encryption adds a second, independent layer with a different key and
#   algorithm, so one compromised key or implementation flaw does not expose
#   the data.
# custom:
#   id: azure-storage-infrastructure-encryption
#   severity: low
#   soc2: [C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account]
#   remediation: Set infrastructure_encryption_enabled = true when creating the account (it cannot be turned on later; data must be copied to a new account).
#   rationale:
#     C1.1: Accounts holding confidential data without a second encryption layer rely on a single key and algorithm for their protection.
#     ITGC-LA-3: A second encryption layer protects financial data at rest against the failure of the first.
#   limitations: >-
#     The provider default is false, so an absent setting is a finding. Whether
#     the account holds confidential data is not known from configuration:
#     suppress accounts that hold none, with a reason.
package assure.azure.storage_infrastructure_encryption

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if some r in tf.resources("azurerm_storage_account")

deny contains {"msg": msg, "resource": r.id, "attribute": "infrastructure_encryption_enabled"} if {
	some r in tf.resources("azurerm_storage_account")
	v := object.get(r.body, "infrastructure_encryption_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("storage account %s does not enable infrastructure encryption (infrastructure_encryption_enabled defaults to false)", [r.name])
}
