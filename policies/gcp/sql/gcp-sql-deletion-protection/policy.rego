# METADATA
# title: Cloud SQL instances are protected from deletion
# description: >-
#   Deleting a Cloud SQL instance also deletes its automated backups; with
#   deletion protection turned off, one mistaken apply or destroy removes the
#   database and every way to restore it.
# custom:
#   id: gcp-sql-deletion-protection
#   severity: medium
#   soc2: [A1.2, CC6.5]
#   soc1: [ITGC-OP-1, ITGC-DI-2]
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     Remove deletion_protection = false (Terraform's protection defaults to
#     true), and set settings.deletion_protection_enabled = true to block
#     deletion from the console and API as well.
#   rationale:
#     A1.2: Deletion protection guards the database and its backups against accidental removal.
#     CC6.5: The instance and its data can be disposed of by a routine change without a deliberate step.
#     ITGC-OP-1: Deleting the instance removes its automated backups, so the data cannot be restored.
#     ITGC-DI-2: Records in the database can be deleted wholesale before their retention ends.
#   limitations: >-
#     With deletion_protection left at its default, Terraform refuses to delete
#     the instance but the console and API can still delete it unless
#     settings.deletion_protection_enabled is true.
package assure.gcp.sql_deletion_protection

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("google_sql_database_instance")

deny contains {"msg": msg, "resource": r.id, "attribute": "deletion_protection"} if {
	some r in tf.resources("google_sql_database_instance")
	r.body.deletion_protection in {false, "false"}
	not tf.is_true(tf.block(r.body, "settings").deletion_protection_enabled)
	msg := sprintf("Cloud SQL instance %s sets deletion_protection = false and does not enable settings.deletion_protection_enabled", [r.name])
}
