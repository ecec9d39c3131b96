package assure.lib.terraform_test

import data.assure.lib.terraform as tf
import rego.v1

module(policy) := {"resource": {
	"azurerm_mssql_server": {"main": [{"name": "acme-sql"}], "other": [{"name": "acme-other"}]},
	"azurerm_mssql_server_security_alert_policy": {"p": [policy]},
}}

siblings_of(policy, name) := s if {
	s := tf.siblings("azurerm_mssql_server_security_alert_policy", "server_name", "azurerm_mssql_server", name) with input as module(policy)
}

test_a_reference_links if {
	count(siblings_of({"server_name": "${azurerm_mssql_server.main.name}"}, "main")) == 1
	count(siblings_of({"server_name": "${azurerm_mssql_server.main.name}"}, "other")) == 0
}

# As a plan gives it: the reference already replaced by the name it names.
test_the_name_itself_links_to_the_resource_so_named if {
	count(siblings_of({"server_name": "acme-sql"}, "main")) == 1
	count(siblings_of({"server_name": "acme-sql"}, "other")) == 0
}

test_nothing_else_links if {
	count(siblings_of({"server_name": "acme"}, "main")) == 0
	count(siblings_of({"server_name": ""}, "main")) == 0
	count(siblings_of({}, "main")) == 0
	count(siblings_of({"server_name": "${var.server}"}, "main")) == 0
}
