# METADATA
# title: SQL servers encrypt data with a customer-managed key
# description: >-
#   With the default service-managed TDE key the organization cannot revoke
#   access to its databases and backups or show who used the key; a
#   customer-managed key in Key Vault gives it that control.
# custom:
#   id: azure-sql-tde-cmk
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_mssql_server_transparent_data_encryption]
#   remediation: >-
#     Set transparent_data_encryption_key_vault_key_id on the server, or add an
#     azurerm_mssql_server_transparent_data_encryption with key_vault_key_id,
#     with an identity allowed to wrap and unwrap the key.
#   rationale:
#     CC6.1: Control of the encryption key is part of restricting access to data at rest.
#     C1.1: Confidential databases encrypted with a key the organization controls can be made unreadable by revoking it.
#     ITGC-LA-3: A customer-managed key lets the organization audit and revoke use of the key protecting financial data.
#   limitations: >-
#     Whether a server holds confidential data is not known from configuration:
#     suppress servers that need no customer-managed key, with a reason. A key
#     configured in another module or outside Terraform is not seen.
package assure.azure.sql_tde_cmk

import data.assure.lib.terraform as tf
import rego.v1

cmk(r) if present(r.body.transparent_data_encryption_key_vault_key_id)

cmk(r) if {
	some t in tf.siblings("azurerm_mssql_server_transparent_data_encryption", "server_id", "azurerm_mssql_server", r.name)
	some key in ["key_vault_key_id", "managed_hsm_key_id"]
	present(t[key])
}

resources contains r.id if some r in tf.resources("azurerm_mssql_server")

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_mssql_server")
	not cmk(r)
	msg := sprintf("%s encrypts its databases with the service-managed key, not a customer-managed key", [r.id])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
