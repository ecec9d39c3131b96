# METADATA
# title: Branch protection applies to administrators
# description: >-
#   Without enforce_admins, repository administrators can push or merge past
#   every review requirement: the control has an exemption for the people
#   with the most access.
# custom:
#   id: github-branch-protection-admins
#   severity: medium
#   soc2: [CC8.1, CC6.3]
#   soc1: [ITGC-CM-1, ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: Set enforce_admins = true on the branch protection.
package assure.github.enforce_admins

import data.assure.lib.github as gh
import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in gh.protections

deny contains {"msg": msg, "resource": p.id, "attribute": "enforce_admins"} if {
	some p in gh.protections
	not tf.is_true(object.get(p.body, "enforce_admins", false))
	msg := sprintf("%s does not apply to administrators", [p.id])
}
