# METADATA
# title: SQL databases and Synapse SQL pools use transparent data encryption
# description: >-
#   Transparent data encryption encrypts database files, backups and logs at
#   rest; with it turned off, anyone who obtains the underlying storage or a
#   backup reads the data in clear.
# custom:
#   id: azure-sql-tde-enabled
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_database, azurerm_synapse_sql_pool]
#   remediation: Remove transparent_data_encryption_enabled = false from the database, and set data_encrypted = true on Synapse SQL pools.
#   rationale:
#     CC6.1: Encryption at rest is part of restricting access to stored data to authorized users.
#     C1.1: Confidential data in unencrypted database files and backups is readable by whoever obtains them.
#     ITGC-LA-3: Financial data at rest is not protected against access outside the database engine.
#   limitations: >-
#     SQL databases encrypt by default (only data warehouse SKUs can turn it
#     off); Synapse SQL pools do not, so an absent data_encrypted is a finding.
#     Values computed at apply time are not judged.
package assure.azure.sql_tde_enabled

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if {
	some t in ["azurerm_mssql_database", "azurerm_synapse_sql_pool"]
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "transparent_data_encryption_enabled"} if {
	some r in tf.resources("azurerm_mssql_database")
	off(object.get(r.body, "transparent_data_encryption_enabled", true))
	msg := sprintf("%s turns transparent data encryption off", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "data_encrypted"} if {
	some r in tf.resources("azurerm_synapse_sql_pool")
	v := object.get(r.body, "data_encrypted", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not enable transparent data encryption (data_encrypted defaults to false)", [r.id])
}
