package assure.azure.managed_disk_cmk_test

import data.assure.azure.managed_disk_cmk as p
import rego.v1

disk(body) := {"resource": {"azurerm_managed_disk": {"d": [body]}}}

test_platform_key_fails if {
	count(p.deny) == 1 with input as disk({})
	count(p.deny) == 1 with input as disk({"encryption_settings": [{"enabled": false}]})
}

test_cmk_passes if {
	count(p.deny) == 0 with input as disk({"disk_encryption_set_id": "${azurerm_disk_encryption_set.des.id}"})
	count(p.deny) == 0 with input as disk({"secure_vm_disk_encryption_set_id": "/subscriptions/0/x"})
	count(p.deny) == 0 with input as disk({"encryption_settings": [{"disk_encryption_key": [{"secret_url": "https://kv/secret", "source_vault_id": "${azurerm_key_vault.kv.id}"}]}]})
	count(p.resources) == 1 with input as disk({})
}

test_null_encryption_set_fails if {
	count(p.deny) == 1 with input as disk({"disk_encryption_set_id": null})
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as disk({"encryption_settings": "${var.enc}"})
}
