package assure.azure.database_ssl_enforcement_test

import data.assure.azure.database_ssl_enforcement as p
import rego.v1

one(type, body) := {"resource": {type: {"r": [body]}}}

test_single_servers if {
	count(p.deny) == 1 with input as one("azurerm_postgresql_server", {"ssl_enforcement_enabled": false})
	count(p.deny) == 1 with input as one("azurerm_mysql_server", {"ssl_enforcement_enabled": "false"})
	count(p.deny) == 0 with input as one("azurerm_mariadb_server", {"ssl_enforcement_enabled": true})
	count(p.deny) == 0 with input as one("azurerm_mariadb_server", {"ssl_enforcement_enabled": "${var.ssl}"})
}

test_flexible_parameters if {
	count(p.deny) == 1 with input as one("azurerm_postgresql_flexible_server_configuration", {"name": "require_secure_transport", "value": "off"})
	count(p.deny) == 1 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "require_secure_transport", "value": "OFF"})
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "require_secure_transport", "value": "ON"})
	count(p.resources) == 0 with input as one("azurerm_mysql_flexible_server_configuration", {"name": "max_connections", "value": "0"})
}

test_redis_non_ssl_port if {
	count(p.deny) == 1 with input as one("azurerm_redis_cache", {"non_ssl_port_enabled": true})
	count(p.deny) == 1 with input as one("azurerm_redis_cache", {"enable_non_ssl_port": true})
	count(p.deny) == 0 with input as one("azurerm_redis_cache", {})
	count(p.resources) == 1 with input as one("azurerm_redis_cache", {})
}
