package assure.azure.database_min_tls_test

import data.assure.azure.database_min_tls as p
import rego.v1

one(type, body) := {"resource": {type: {"r": [body]}}}

test_weak_attributes_fail if {
	count(p.deny) == 1 with input as one("azurerm_mssql_server", {"minimum_tls_version": "1.1"})
	count(p.deny) == 1 with input as one("azurerm_mssql_server", {"minimum_tls_version": "Disabled"})
	count(p.deny) == 1 with input as one("azurerm_postgresql_server", {"ssl_minimal_tls_version_enforced": "TLS1_0"})
	count(p.deny) == 1 with input as one("azurerm_cosmosdb_account", {"minimal_tls_version": "Tls11"})
	count(p.deny) == 1 with input as one("azurerm_redis_cache", {"minimum_tls_version": "1.0"})
}

test_defaults_pass_except_redis if {
	count(p.deny) == 0 with input as one("azurerm_mssql_server", {})
	count(p.deny) == 0 with input as one("azurerm_mysql_server", {})
	count(p.deny) == 0 with input as one("azurerm_cosmosdb_account", {})
	count(p.deny) == 1 with input as one("azurerm_redis_cache", {})
	v5 := object.union(one("azurerm_redis_cache", {}), {"terraform": [{"required_providers": [{"azurerm": {"version": ">= 5.0"}}]}]})
	count(p.deny) == 0 with input as v5
}

test_tls12_passes if {
	count(p.deny) == 0 with input as one("azurerm_mssql_server", {"minimum_tls_version": "1.2"})
	count(p.deny) == 0 with input as one("azurerm_redis_cache", {"minimum_tls_version": "1.2"})
	count(p.deny) == 0 with input as one("azurerm_mariadb_server", {"ssl_minimal_tls_version_enforced": "TLS1_2"})
}

test_flexible_server_parameters if {
	count(p.deny) == 1 with input as one("azurerm_postgresql_flexible_server_configuration", {"name": "ssl_min_protocol_version", "value": "TLSv1.1"})
	count(p.deny) == 0 with input as one("azurerm_postgresql_flexible_server_configuration", {"name": "ssl_min_protocol_version", "value": "TLSv1.2"})
	count(p.deny) == 1 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "tls_version", "value": "TLSv1,TLSv1.2"})
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "tls_version", "value": "TLSv1.2,TLSv1.3"})
	count(p.resources) == 0 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "max_connections", "value": "100"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as one("azurerm_mssql_server", {"minimum_tls_version": "${var.tls}"})
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "tls_version", "value": "${var.tls}"})
}

test_redis_null_means_default if {
	count(p.deny) == 1 with input as one("azurerm_redis_cache", {"minimum_tls_version": null})
}
