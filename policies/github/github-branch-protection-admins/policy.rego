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
#   rationale:
#     CC8.1: >-
#       Without enforce_admins, administrators can push or merge changes that
#       skip the required reviews and status checks.
#     CC6.3: >-
#       Segregation of duties in branch protection does not apply to
#       administrators, who can write and merge their own changes alone.
#     ITGC-CM-1: >-
#       Changes merged by an administrator need no review by anyone other than
#       their author.
#     ITGC-LA-2: >-
#       Administrators keep a privilege, bypassing review, that their everyday
#       work does not need.
#   limitations: >-
#     Repository rulesets and organization rules configured outside Terraform may
#     already bind administrators and are not seen; branches protected outside
#     this code are not examined.
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
