# METADATA
# title: Cloud SQL instances are highly available across zones
# description: >-
#   A zonal instance goes down with its zone; a regional (high availability)
#   instance keeps a synchronous standby in another zone and fails over to it.
# custom:
#   id: gcp-sql-high-availability
#   severity: medium
#   soc2: [CC9.1, A1.2]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: Set settings.availability_type = "REGIONAL" (the default is ZONAL), with backups and point-in-time recovery enabled.
#   rationale:
#     CC9.1: A single-zone database is a single point of failure for the services that depend on it.
#     A1.2: Without a standby in another zone, a zonal outage leaves no recovery infrastructure for the database.
#   limitations: >-
#     Read replicas are skipped; cross-region replicas or disaster recovery
#     replicas defined elsewhere are not taken into account, and
#     non-production instances may reasonably stay zonal.
package assure.gcp.sql_high_availability

import data.assure.lib.terraform as tf
import rego.v1

replica(body) if has(body, "master_instance_name")

replica(body) if body.instance_type == "READ_REPLICA_INSTANCE"

instances contains r if {
	some r in tf.resources("google_sql_database_instance")
	not replica(r.body)
}

resources contains r.id if some r in instances

deny contains {"msg": msg, "resource": r.id} if {
	some r in instances
	not has(tf.block(r.body, "settings"), "availability_type")
	not dynamic(r.body, "settings")
	msg := sprintf("Cloud SQL instance %s does not set availability_type (the default, ZONAL, has no standby)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "settings.availability_type"} if {
	some r in instances
	tf.block(r.body, "settings").availability_type == "ZONAL"
	msg := sprintf("Cloud SQL instance %s is ZONAL: it has no standby in another zone", [r.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
