package assure.azure.storage_container_public_test

import data.assure.azure.storage_container_public as p
import rego.v1

container(body) := {"resource": {"azurerm_storage_container": {"c": [body]}}}

test_public_fails if {
	count(p.deny) == 1 with input as container({"container_access_type": "blob"})
	count(p.deny) == 1 with input as container({"container_access_type": "container"})
}

test_private_passes if {
	count(p.deny) == 0 with input as container({})
	count(p.deny) == 0 with input as container({"container_access_type": "private"})
	count(p.deny) == 0 with input as container({"container_access_type": "${var.access}"})
	count(p.resources) == 1 with input as container({})
}
