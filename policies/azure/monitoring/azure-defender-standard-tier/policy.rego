# METADATA
# title: Microsoft Defender for Cloud plans use the Standard tier
# description: >-
#   On the Free tier, Defender for Cloud only assesses configuration: there is
#   no threat detection, vulnerability assessment or alerting for the
#   resource type, so attacks on it raise no security alert.
# custom:
#   id: azure-defender-standard-tier
#   severity: medium
#   soc2: [CC7.1, CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_security_center_subscription_pricing]
#   remediation: Set tier = "Standard" on the azurerm_security_center_subscription_pricing of each resource type in use (VirtualMachines, SqlServers, StorageAccounts, KeyVaults, Containers, Arm, ...).
#   rationale:
#     CC7.1: Defender's vulnerability assessment detects weaknesses only on the Standard tier.
#     CC7.2: Threat detection for the resource type runs only on the Standard tier.
#     ITGC-OP-2: Security events on the resources are not detected or alerted on.
#   limitations: >-
#     Only plans declared in Terraform are examined: resource types whose plan
#     is not declared at all are not reported.
package assure.azure.defender_standard_tier

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if some r in tf.resources("azurerm_security_center_subscription_pricing")

deny contains {"msg": msg, "resource": r.id, "attribute": "tier"} if {
	some r in tf.resources("azurerm_security_center_subscription_pricing")
	tier := object.get(r.body, "tier", "Free")
	not unknown(tier)
	tier != "Standard"
	msg := sprintf("Defender for Cloud plan %s (%s) is on the %s tier, without threat detection", [r.name, object.get(r.body, "resource_type", "VirtualMachines"), tier])
}
